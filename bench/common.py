"""What the bench harnesses (:mod:`bench.lab`, :mod:`bench.hub`) share, written once: where the checkout is,
free ports on 127.0.0.1, and the processes they start, watch and stop (with ``psutil``, not by parsing
``/proc`` by hand; only the peak-memory figures, which psutil does not give, are read from
``/proc/PID/status``).

Importing this module loads the standard library and psutil only.
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterable
from pathlib import Path

import psutil

MB = 1024**2


def find_repo(start: Path | None = None) -> Path:
    """The checkout this ``bench`` package sits in: the nearest folder above it that holds ``pyproject.toml``,
    ``backdata/`` and ``notebooks/``. The harnesses run from a checkout only (``python -m backdata bench``)."""
    here = (start or Path(__file__)).resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file() and (folder / "backdata").is_dir() and (folder / "notebooks").is_dir():
            return folder
    raise RuntimeError(f"no checkout of backdata above {here}: the bench harnesses run from the repository")


REPO = find_repo()
"""The repository: its ``notebooks/`` are copied into the sandboxes and ``deploy/`` holds the hub's config."""


# ------------------------------------------------------------------------------------------- ports


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the server is told not to try others)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_ports(n: int) -> list[int]:
    """``n`` distinct ports from :func:`free_port`."""
    ports: list[int] = []
    while len(ports) < n:
        p = free_port()
        if p not in ports:
            ports.append(p)
    return ports


# ------------------------------------------------------------------------------------------- processes


def stop_popen(proc: subprocess.Popen, timeout: float, kill_timeout: float | None = None) -> None:
    """Terminate a process the bench started (SIGTERM lets a Jupyter server or the hub stop its children),
    then kill it if it lingers past ``timeout`` seconds."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout if kill_timeout is None else kill_timeout)


def process(pid: int) -> psutil.Process | None:
    """The process ``pid`` (psutil remembers its start time, so a reused pid is not mistaken for it)."""
    try:
        return psutil.Process(pid)
    except psutil.Error:
        return None


def descendants(pid: int) -> list[psutil.Process]:
    """Every process below ``pid`` (children, grandchildren, ...); empty when ``pid`` is gone."""
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def alive(p: psutil.Process) -> bool:
    """Still running: the same process (pid and start time), and not a zombie waiting to be reaped."""
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def kill_all(procs: Iterable[psutil.Process], wait: float = 5.0) -> list[int]:
    """SIGTERM, then SIGKILL, the given processes still alive; return the pids that survived both."""
    procs = list(procs)
    for send in (psutil.Process.terminate, psutil.Process.kill):
        live = [p for p in procs if alive(p)]
        for p in live:
            try:
                send(p)
            except psutil.Error:
                pass
        psutil.wait_procs(live, timeout=wait)
    return sorted(p.pid for p in procs if alive(p))


def cmdline(pid: int) -> list[str]:
    try:
        return psutil.Process(pid).cmdline()
    except psutil.Error:
        return []


def find_pid(arg_suffix: str) -> int | None:
    """The pid of a process with a command-line argument ending in ``arg_suffix`` (None: no such process)."""
    for p in psutil.process_iter(["cmdline"]):
        if any(a.endswith(arg_suffix) for a in p.info["cmdline"] or ()):
            return p.pid
    return None


def _peaks_kb(pid: int) -> dict[str, int]:
    """``VmHWM`` (peak resident) and ``VmPeak`` (peak address space) of ``/proc/PID/status``, in kB: the two
    figures psutil does not report."""
    out: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmHWM", "VmPeak"):
                    out[key] = int(value.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return out


def memory(pid: int) -> dict[str, float | None]:
    """A process's memory in MB: resident (``rss_mb``), its peak (``hwm_mb``), the peak address space
    (``vm_peak_mb``) and the proportional set size (``pss_mb``: shared pages split among their users; None
    where the system does not tell)."""
    p = psutil.Process(pid)
    rss = p.memory_info().rss
    try:
        pss = getattr(p.memory_full_info(), "pss", None)
    except psutil.Error:
        pss = None
    peaks = _peaks_kb(pid)
    return {
        "rss_mb": round(rss / MB, 1),
        "hwm_mb": round(peaks["VmHWM"] / 1024, 1) if "VmHWM" in peaks else round(rss / MB, 1),
        "vm_peak_mb": round(peaks.get("VmPeak", 0) / 1024, 1),
        "pss_mb": round(pss / MB, 1) if pss is not None else None,
    }


def address_space_limit_mb(pid: int) -> float | None:
    """The soft limit on the process's address space (RLIMIT_AS) in MB; None when unlimited."""
    soft, _ = psutil.Process(pid).rlimit(psutil.RLIMIT_AS)
    return None if soft == psutil.RLIM_INFINITY else round(soft / MB, 1)


def environ(pid: int) -> dict[str, str]:
    try:
        return psutil.Process(pid).environ()
    except psutil.Error:
        return {}


def nice(pid: int) -> int | None:
    try:
        return psutil.Process(pid).nice()
    except psutil.Error:
        return None


def cwd(pid: int) -> str:
    return psutil.Process(pid).cwd()
