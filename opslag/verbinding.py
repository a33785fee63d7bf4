"""The connection the running app works through: plain sqlite3 with a small sqlite-utils-like face.

sqlite-utils creates and migrates the schema (opslag.schema); at run time its import (with
click, dateutil and pluggy) would cost more start-up time than everything else Tripartiet loads,
for the five calls below.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from opslag.fouten import NietGevonden


def lees_tekst(ruw: bytes) -> str:
    """Text from the file; bytes a damaged page garbled show as � instead of stopping the app."""
    return ruw.decode("utf-8", errors="replace")


class Tabel:
    def __init__(self, db: Verbinding, naam: str) -> None:
        self.db = db
        self.naam = naam
        self.last_pk: int | None = None

    def insert(self, rij: dict[str, Any]) -> Tabel:
        kolommen = ", ".join(f'"{k}"' for k in rij)
        plekken = ", ".join("?" for _ in rij)
        cursor = self.db.execute(f'INSERT INTO "{self.naam}" ({kolommen}) VALUES ({plekken})', list(rij.values()))
        self.last_pk = cursor.lastrowid
        return self

    def insert_all(self, rijen: Iterable[dict[str, Any]]) -> Tabel:
        for rij in rijen:
            self.insert(rij)
        return self

    def upsert(self, rij: dict[str, Any], pk: str | tuple[str, ...]) -> Tabel:
        sleutels = (pk,) if isinstance(pk, str) else pk
        kolommen = ", ".join(f'"{k}"' for k in rij)
        plekken = ", ".join("?" for _ in rij)
        bijwerken = ", ".join(f'"{k}" = excluded."{k}"' for k in rij if k not in sleutels) or f'"{sleutels[0]}" = excluded."{sleutels[0]}"'
        self.db.execute(
            f'INSERT INTO "{self.naam}" ({kolommen}) VALUES ({plekken}) '
            f'ON CONFLICT ({", ".join(sleutels)}) DO UPDATE SET {bijwerken}',
            list(rij.values()),
        )
        return self

    def update(self, rij_id: int, waarden: dict[str, Any]) -> Tabel:
        if waarden:
            zet = ", ".join(f'"{k}" = ?' for k in waarden)
            self.db.execute(f'UPDATE "{self.naam}" SET {zet} WHERE id = ?', [*waarden.values(), rij_id])
        return self

    def get(self, rij_id: int) -> dict[str, Any]:
        rij = next(self.db.query(f'SELECT * FROM "{self.naam}" WHERE id = ?', [rij_id]), None)
        if rij is None:
            raise NietGevonden(f"{self.naam} {rij_id}")
        return rij


class Verbinding:
    _savepoints = itertools.count()

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters if isinstance(parameters, dict) else list(parameters))

    def query(self, sql: str, parameters: Iterable[Any] | dict[str, Any] = ()) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, parameters)
        kolommen = [k[0] for k in cursor.description]
        # Read it all before handing out a row: a half-read statement is an open read transaction,
        # and it would keep the writer's checkpoint (and its edits) out of the file itself.
        for rij in cursor.fetchall():
            yield dict(zip(kolommen, rij, strict=True))

    def __getitem__(self, naam: str) -> Tabel:
        return Tabel(self, naam)

    @contextmanager
    def atomic(self) -> Iterator[Verbinding]:
        """A transaction; nested, a savepoint. The connection is in autocommit mode outside it."""
        if self.conn.in_transaction:
            punt = f"s{next(self._savepoints)}"
            self.conn.execute(f"SAVEPOINT {punt}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {punt}")
                    self.conn.execute(f"RELEASE SAVEPOINT {punt}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {punt}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()
