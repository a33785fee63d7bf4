"""The schema of a municipality file and its forward migrations, built with sqlite-utils.

`PRAGMA user_version` holds the number of migrations applied; `PRAGMA application_id` marks the
file as ours, so that another program's SQLite file is recognised and left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils is imported only when a file is made or migrated
    from sqlite_utils import Database

APPLICATION_ID = 0x54524950  # "TRIP"


def _v1(db: "Database") -> None:
    db.create_table("meta", {"sleutel": str, "waarde": str}, pk="sleutel")
    db.create_table("gemeente", {"id": int, "naam": str, "aangemaakt": str}, pk="id", not_null={"naam"})
    db.create_table(
        "partij",
        {"id": int, "naam": str, "code": str, "soort": str, "volgorde": int},
        pk="id",
        not_null={"naam", "code", "soort"},
    )
    db["partij"].create_index(["code"], unique=True)
    db.create_table(
        "persoon",
        {"id": int, "naam": str, "functie": str, "partij_id": int},
        pk="id",
        not_null={"naam"},
        defaults={"functie": ""},
        foreign_keys=[("partij_id", "partij", "id")],
    )

    # The framework snapshot: copied in at creation so the file is self-contained.
    db.create_table("kader_sectie", {"volgorde": int, "titel": str, "tekst": str}, pk="volgorde")
    db.create_table("thema", {"nummer": str, "titel": str, "volgorde": int}, pk="nummer")
    db.create_table(
        "subthema",
        {
            "nummer": str,
            "thema_nummer": str,
            "onderwerp": str,
            "titel_afgeleid": int,
            "volgorde": int,
            "landelijk": str,
            "regionaal": str,
            "lokaal": str,
            "bronnen": str,
            "bron_kop": str,
        },
        pk="nummer",
        foreign_keys=[("thema_nummer", "thema", "nummer")],
    )
    db.create_table("voetnoot", {"nummer": str, "tekst": str}, pk="nummer")

    db.create_table(
        "uitvoeringsagenda",
        {"id": int, "periode": str, "vastgesteld_op": str},
        pk="id",
        not_null={"periode"},
    )
    db["uitvoeringsagenda"].create_index(["periode"], unique=True)
    db.create_table(
        "overleg",
        {
            "id": int,
            "agenda_id": int,
            "datum": str,
            "soort": str,
            "plaats": str,
            "voorzitter_id": int,
            "notulist_id": int,
            "volgende_datum": str,
            "huidig_punt_id": int,
        },
        pk="id",
        not_null={"agenda_id", "datum", "soort"},
        defaults={"plaats": ""},
        foreign_keys=[
            ("agenda_id", "uitvoeringsagenda", "id"),
            ("voorzitter_id", "persoon", "id"),
            ("notulist_id", "persoon", "id"),
        ],
    )
    db["overleg"].create_index(["datum"])
    db.create_table(
        "agendapunt",
        {"id": int, "overleg_id": int, "volgorde": int, "soort": str, "subthema_nummer": str, "notitie": str},
        pk="id",
        not_null={"overleg_id", "volgorde", "soort"},
        defaults={"notitie": ""},
        foreign_keys=[("overleg_id", "overleg", "id"), ("subthema_nummer", "subthema", "nummer")],
    )
    db["agendapunt"].create_index(["overleg_id", "volgorde"], unique=True)
    db.create_table(
        "aanwezigheid",
        {"overleg_id": int, "persoon_id": int, "status": str},
        pk=("overleg_id", "persoon_id"),
        not_null={"status"},
        foreign_keys=[("overleg_id", "overleg", "id"), ("persoon_id", "persoon", "id")],
    )

    # Numbers (AF-001, B-001, A-001) come from a counter so they are never reused after a deletion.
    db.create_table("nummering", {"soort": str, "laatste": int}, pk="soort", not_null={"laatste"})
    db.create_table(
        "afspraak",
        {
            "id": int,
            "nummer": int,
            "agenda_id": int,
            "subthema_nummer": str,
            "actielijn": str,
            "doel": str,
            "doel_aantal": float,
            "doel_eenheid": str,
            "start": str,
            "eind": str,
            "status": str,
            "toelichting": str,
            "overleg_id": int,
        },
        pk="id",
        not_null={"nummer", "agenda_id", "subthema_nummer", "actielijn", "status"},
        defaults={"doel": "", "doel_eenheid": "", "start": "", "eind": "", "toelichting": ""},
        foreign_keys=[
            ("agenda_id", "uitvoeringsagenda", "id"),
            ("subthema_nummer", "subthema", "nummer"),
            ("overleg_id", "overleg", "id"),
        ],
    )
    db["afspraak"].create_index(["nummer"], unique=True)
    db["afspraak"].create_index(["agenda_id", "subthema_nummer"])
    db.create_table(
        "afspraak_partij",
        {"afspraak_id": int, "partij_id": int, "rol": str, "volgorde": int},
        pk=("afspraak_id", "partij_id", "rol"),
        foreign_keys=[("afspraak_id", "afspraak", "id"), ("partij_id", "partij", "id")],
    )
    db.create_table(
        "besluit",
        {"id": int, "nummer": int, "overleg_id": int, "agendapunt_id": int, "tekst": str, "datum": str},
        pk="id",
        not_null={"nummer", "overleg_id", "tekst", "datum"},
        foreign_keys=[("overleg_id", "overleg", "id"), ("agendapunt_id", "agendapunt", "id")],
    )
    db["besluit"].create_index(["nummer"], unique=True)
    db["besluit"].create_index(["overleg_id"])
    db.create_table(
        "actiepunt",
        {
            "id": int,
            "nummer": int,
            "overleg_id": int,
            "agendapunt_id": int,
            "subthema_nummer": str,
            "afspraak_id": int,
            "wat": str,
            "persoon_id": int,
            "partij_id": int,
            "deadline": str,
            "status": str,
            "gereed_op": str,
            "aangemaakt_op": str,
        },
        pk="id",
        not_null={"nummer", "wat", "status"},
        foreign_keys=[
            ("overleg_id", "overleg", "id"),
            ("agendapunt_id", "agendapunt", "id"),
            ("subthema_nummer", "subthema", "nummer"),
            ("afspraak_id", "afspraak", "id"),
            ("persoon_id", "persoon", "id"),
            ("partij_id", "partij", "id"),
        ],
    )
    db["actiepunt"].create_index(["nummer"], unique=True)
    db["actiepunt"].create_index(["status", "deadline"])
    db["actiepunt"].create_index(["overleg_id"])

    db.create_table(
        "wijziging",
        {"id": int, "tijdstip": str, "tabel": str, "rij_id": int, "actie": str, "gegevens": str},
        pk="id",
        not_null={"tijdstip", "tabel", "actie"},
    )


def _v2(db: "Database") -> None:
    """Indexes for what the meeting screen asks at every step, measured on a 100x file."""
    db["afspraak"].create_index(["overleg_id", "subthema_nummer"], if_not_exists=True)
    db["besluit"].create_index(["agendapunt_id"], if_not_exists=True)
    db["actiepunt"].create_index(["agendapunt_id"], if_not_exists=True)
    db["actiepunt"].create_index(["afspraak_id"], if_not_exists=True)
    db["afspraak_partij"].create_index(["partij_id"], if_not_exists=True)


def _v3(db: "Database") -> None:
    """Minutes have a status: concept until the next meeting of the same kind approves them
    (vastgesteld_op, vastgesteld_in, with the changes it made), and a meeting has its start and
    end time (HH:MM) for the usual wording of opening and closing."""
    for kolom, soort in (("begintijd", str), ("eindtijd", str), ("verslag_vastgesteld_op", str),
                         ("verslag_vastgesteld_in", int), ("verslag_wijzigingen", str)):
        db["overleg"].add_column(kolom, soort)


def _v4(db: "Database") -> None:
    """A free agenda item (soort 'vrij', added during the meeting) has a title of its own."""
    db["agendapunt"].add_column("titel", str)


def _v5(db: "Database") -> None:
    """Drafts of forms not yet completed, per form and item ('actie-nieuw-12'), so that quitting,
    a crash or a killed terminal loses at most the last half second of a form, as of a note.
    Not in the change log: a draft is scratch, removed when its form is completed."""
    db.create_table(
        "concept",
        {"sleutel": str, "overleg_id": int, "velden": str, "bijgewerkt": str},
        pk="sleutel",
        not_null={"velden", "bijgewerkt"},
    )


def _v6(db: "Database") -> None:
    """The life of an uitvoeringsagenda and of what is recorded in it.

    - an agenda is adopted (vastgesteld_op, vastgesteld_te) and signed per party (ondertekenaar);
      a new period links back to the one it was started from (vorige_id);
    - after adoption an agreement changes only by a recorded amendment (afspraak_wijziging: which
      fields, old and new, date, meeting, besluit, reason); an agreement made after adoption is an
      addition (na_vaststelling); a carried-over agreement links back (vorige_id);
    - a meeting can be closed (gesloten_op) and reopened with a reason (in the change log);
    - the change log keeps the old values of a change (oud) and its meeting, so every change can be
      shown and undone, also after a restart (ongedaan_door: the log line that undid it)."""
    db["uitvoeringsagenda"].add_column("vastgesteld_te", str)
    db["uitvoeringsagenda"].add_column("vorige_id", int)
    db.create_table(
        "ondertekenaar",
        {"agenda_id": int, "partij_id": int, "naam": str, "functie": str},
        pk=("agenda_id", "partij_id"),
        not_null={"naam"},
        defaults={"functie": ""},
        foreign_keys=[("agenda_id", "uitvoeringsagenda", "id"), ("partij_id", "partij", "id")],
    )
    db["afspraak"].add_column("na_vaststelling", int)
    db["afspraak"].add_column("vorige_id", int)
    db["afspraak"].create_index(["vorige_id"])
    db.create_table(
        "afspraak_wijziging",
        {
            "id": int,
            "afspraak_id": int,
            "soort": str,  # 'wijziging' after adoption, 'toevoeging', 'overgenomen', 'herformulering'
            "datum": str,
            "tijdstip": str,
            "overleg_id": int,
            "besluit_id": int,
            "velden": str,  # JSON {veld: [oud, nieuw]}
            "reden": str,
        },
        pk="id",
        not_null={"afspraak_id", "soort", "datum", "tijdstip", "velden"},
        defaults={"velden": "{}", "reden": ""},
        foreign_keys=[("afspraak_id", "afspraak", "id"), ("overleg_id", "overleg", "id"), ("besluit_id", "besluit", "id")],
    )
    db["afspraak_wijziging"].create_index(["afspraak_id"])
    db["overleg"].add_column("gesloten_op", str)
    db["wijziging"].add_column("oud", str)
    db["wijziging"].add_column("overleg_id", int)
    db["wijziging"].add_column("ongedaan_door", int)
    # History of one agreement, and undo looking for the newest line not undone: without these
    # both read the whole log, which grows with every edit for years.
    db["wijziging"].create_index(["tabel", "rij_id"])
    db["wijziging"].create_index(["ongedaan_door"])


def _v7(db: "Database") -> None:
    """A subtheme's history (h) looks up its agenda items, agreements and actions by subtheme:
    without these it read the tables whole, some 8 ms on a file of a hundred years of meetings."""
    db["agendapunt"].create_index(["subthema_nummer"], if_not_exists=True)
    db["afspraak"].create_index(["subthema_nummer"], if_not_exists=True)
    db["actiepunt"].create_index(["subthema_nummer"], if_not_exists=True)


# Append only: index + 1 is the schema version that a migration brings a file to.
MIGRATIES: list[Callable[["Database"], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
SCHEMA_VERSIE = len(MIGRATIES)


def migreer(db: "Database", van: int) -> None:
    """Bring a file from schema version `van` to SCHEMA_VERSIE, each step in one transaction."""
    for versie in range(van, SCHEMA_VERSIE):
        with db.atomic():
            MIGRATIES[versie](db)
            db.execute(f"PRAGMA user_version = {versie + 1}")
