"""Writing output safely: nothing of the user's is lost, and a failed build leaves the previous output intact.

Every folder backdata writes (``figures/``, ``handouts/``, ``slides/``, ``editions/``) is built aside and swapped
in whole, and carries a marker, :data:`MARKER`, that lists the files backdata wrote there. backdata replaces a
folder only when it does not exist, is empty, or carries the marker and holds nothing the marker does not list;
anything else (a user's file, a folder without the marker) makes it refuse with :class:`BackdataError` before any
work starts. One build at a time writes into a folder: a lock file, :data:`LOCK`, in the parent folder; the
leftovers of a killed build (``.NAME.new-*``, ``.NAME.old-*``) are removed by the next build, under the lock.
Modes follow the umask (umask 022: folders 755, files 644).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from backdata.core.errors import BackdataError

__all__ = [
    "LOCK",
    "MARKER",
    "check_root",
    "check_target",
    "foreign_files",
    "no_notebooks",
    "output_lock",
    "prepare_outputs",
    "remove_debris",
    "replace_dir",
    "write_atomic",
    "write_marker",
]

MARKER = ".backdata-output"
"""The marker in every folder backdata writes: JSON listing the files it wrote there."""
LOCK = ".backdata.lock"
"""The lock file in the folder that holds the outputs (``--out``); never part of an output folder."""

_NOTE = (
    "written by backdata: a build replaces this folder whole; it refuses to when the folder holds anything "
    "not listed here"
)
_SHOWN = 3  # names shown in a refusal


def current_umask() -> int:
    """The process umask (read from /proc on Linux, without changing it; else set and restored)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename; the file's
    mode follows the umask (644 with umask 022)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def no_notebooks(folder: Path | str) -> BackdataError:
    """The error for a ``--notebooks`` folder that is missing or holds no notebooks."""
    what = "has no notebooks" if Path(folder).is_dir() else "does not exist"
    return BackdataError(
        f"the notebooks folder {folder!s} {what} (expected 00-overview.ipynb and the others): pass --notebooks FOLDER"
    )


# --- The marker -----------------------------------------------------------------------------------------------


def _listed_files(folder: Path) -> list[str]:
    """Every file below ``folder`` (symlinks count as files), as sorted POSIX paths relative to it."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        base = Path(dirpath)
        links = [d for d in dirnames if (base / d).is_symlink()]
        dirnames[:] = sorted(d for d in dirnames if d not in links)
        for name in filenames + links:
            found.append((base / name).relative_to(folder).as_posix())
    return sorted(found)


def write_marker(folder: Path, files: Iterable[str] | None = None) -> Path:
    """Write ``folder/.backdata-output`` listing ``files`` (default: every file now in ``folder``);
    deterministic, so a rebuild writes the same bytes."""
    folder = Path(folder)
    names = sorted(set(_listed_files(folder) if files is None else files) - {MARKER})
    text = json.dumps({"backdata": _NOTE, "files": names}, indent=1) + "\n"
    write_atomic(folder / MARKER, text)
    return folder / MARKER


def _read_marker(folder: Path) -> set[str] | None:
    """The files the marker lists, or ``None`` when there is no readable marker."""
    path = folder / MARKER
    if path.is_symlink() or not path.is_file():
        return None
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files)


def foreign_files(target: Path) -> list[str]:
    """What ``target`` holds that backdata did not write (relative paths, sorted); ``[]`` when backdata may
    replace it. A folder without a marker: everything in it is foreign."""
    target = Path(target)
    if not target.exists() and not target.is_symlink():
        return []
    if target.is_symlink() and not target.exists():
        return [target.name]
    if not target.is_dir():
        return [target.name]
    present = _listed_files(target)
    marked = _read_marker(target)
    listed = set() if marked is None else marked | {MARKER}
    foreign = [f for f in present if f not in listed]
    # Folders backdata did not write (e.g. an empty one the user made) are the user's too.
    parents = {p.as_posix() for f in listed for p in Path(f).parents}
    for dirpath, dirnames, _ in os.walk(target):
        for d in dirnames:
            rel = (Path(dirpath) / d).relative_to(target).as_posix()
            if rel not in parents and not any(f.startswith(rel + "/") for f in foreign):
                foreign.append(rel + "/")
    return sorted(foreign)


def check_target(target: Path) -> None:
    """Raise :class:`BackdataError` unless backdata may replace ``target`` (see the module docstring)."""
    target = Path(target)
    foreign = foreign_files(target)
    if not foreign:
        return
    if target.is_symlink() and not target.exists():
        raise BackdataError(
            f"refusing to write {target}: it is a broken symbolic link; remove it or choose another --out"
        )
    if not target.is_dir():
        raise BackdataError(
            f"refusing to write {target}: it is a file, not a folder backdata wrote; move it or choose another --out"
        )
    shown = ", ".join(foreign[:_SHOWN]) + (f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else "")
    why = (
        "holds files backdata did not write"
        if _read_marker(target) is not None
        else f"was not written by backdata (no {MARKER} marker) and holds"
    )
    raise BackdataError(
        f"refusing to replace {target}: it {why}: {shown}; move those files elsewhere or choose another --out"
    )


def check_root(root: Path) -> Path:
    """Make sure ``root`` (the ``--out`` folder) is a folder backdata can write in, creating it if needed;
    raise :class:`BackdataError` saying what is wrong otherwise."""
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise BackdataError(
            f"--out {root} is a file, not a folder: choose a folder (backdata writes figures/, "
            "handouts/, slides/ and editions/ inside it)"
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BackdataError(
            f"cannot create the output folder {root} ({e.strerror or e}): choose a writable --out"
        ) from e
    try:
        fd, probe = tempfile.mkstemp(dir=root, prefix=".backdata-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise BackdataError(
            f"cannot write in the output folder {root} ({e.strerror or e}): choose a writable --out"
        ) from e
    return root


# --- One build at a time; no debris --------------------------------------------------------------------------

_locks: dict[Path, object] = {}


@contextmanager
def output_lock(root: Path) -> Iterator[None]:
    """Hold ``root/.backdata.lock`` (re-entrant within this process). Another build holding it: say so on
    stderr and wait for it to finish."""
    key = Path(root).resolve()
    lock = _locks.get(key)
    if lock is None:
        lock = _locks[key] = FileLock(key / LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(
            f"backdata: another build is writing to {key}; waiting for it to finish (lock: {key / LOCK})",
            file=sys.stderr,
            flush=True,
        )
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def remove_debris(target: Path) -> list[Path]:
    """Remove ``.NAME.new-*`` and ``.NAME.old-*`` folders left next to ``target`` by a build that was killed.
    Call it holding :func:`output_lock` on the parent folder (then no live build is using them)."""
    target = Path(target)
    removed = []
    if not target.parent.is_dir():
        return removed
    for prefix in (f".{target.name}.new-", f".{target.name}.old-"):
        for p in target.parent.glob(f"{prefix}*"):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
    return removed


@contextmanager
def prepare_outputs(root: Path, names: Iterable[str]) -> Iterator[Path]:
    """For a command: check that ``root`` is writable, hold its lock, remove debris and check every output
    folder ``root/NAME`` up front, before any long work. Yields ``root``."""
    root = check_root(root)
    with output_lock(root):
        for name in names:
            remove_debris(root / name)
            check_target(root / name)
        yield root


def _normalise_modes(folder: Path) -> None:
    """Folders and files as the umask says (022: 755 and 644), whatever wrote them."""
    mask = current_umask()
    os.chmod(folder, 0o777 & ~mask)
    for dirpath, dirnames, filenames in os.walk(folder):
        for d in dirnames:
            p = Path(dirpath) / d
            if not p.is_symlink():
                os.chmod(p, 0o777 & ~mask)
        for f in filenames:
            p = Path(dirpath) / f
            if not p.is_symlink():
                os.chmod(p, 0o666 & ~mask)


@contextmanager
def replace_dir(target: Path) -> Iterator[Path]:
    """Build a folder aside and swap it in for ``target`` only when the block succeeds.

    Refuses (:class:`BackdataError`, before yielding) when ``target`` holds anything backdata did not write.
    Yields the temporary folder to fill. On success it gets the marker and umask modes and replaces
    ``target``; on an exception the temporary folder is removed and ``target`` is left exactly as it was.
    """
    target = Path(target).resolve()
    check_root(target.parent)
    with output_lock(target.parent):
        remove_debris(target)
        check_target(target)
        work = target.parent / f".{target.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
        work.mkdir()
        try:
            yield work
            write_marker(work)
            _normalise_modes(work)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        old = target.parent / f".{target.name}.old-{os.getpid()}-{secrets.token_hex(4)}"
        if target.exists():
            os.replace(target, old)
        os.replace(work, target)
        shutil.rmtree(old, ignore_errors=True)
