"""One Tripartiet at a time writes a file: the advisory lock every opening for writing takes."""

from __future__ import annotations

import os
from pathlib import Path


def neem_slot(pad: Path) -> int | None:
    """Claim `pad` for this process; None when another Tripartiet has it open.

    An advisory flock on the file itself: independent of SQLite's own locks, and released by the
    operating system when the process dies, even by SIGKILL, so a lock never goes stale.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no second-instance detection, SQLite still keeps the file whole
        return os.open(pad, os.O_RDONLY)
    fd = os.open(pad, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd
