"""One memory budget per student: a JupyterHub service for the class hub (``deploy/jupyterhub_config.py``).

``RLIMIT_AS`` caps each *process*; a student can start many. This service, started and stopped by the hub
(``c.JupyterHub.services``, with its own API token and the scopes ``list:users``, ``read:servers``,
``admin:server_state``, ``delete:servers``), every ``--every`` seconds:

1. asks the hub for the running servers and each server's process id (the spawner's state);
2. sums the resident memory (RSS, with ``psutil``) of each student's processes: the server and everything
   it started (kernels, terminals, their children) and, where the student has a Unix account of their own
   (production: ``LocalProcessSpawner``), every other process running under that account too (a process
   that left the server's tree still counts);
3. when a student's sum passes ``--budget-bytes``: logs it, kills the student's processes other than the
   server itself (the kernels, which hold the memory, go at once), asks the hub to stop the server
   (``DELETE /users/NAME/servers/SERVER``) and writes a note to ``--notes`` (JSON, read by the hub's pages:
   the student sees why their server stopped).

RSS counts shared libraries once per process, so the sum errs on the high side. Between two checks a
process can still grow (at most to its ``RLIMIT_AS``). Standard library and ``psutil`` only.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import pwd
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import psutil

log = logging.getLogger("backdata-memory-budget")
MB = 1024 * 1024


class Hub:
    """The hub's REST API with this service's token (from the environment the hub gives its services)."""

    def __init__(self) -> None:
        self.url = os.environ["JUPYTERHUB_API_URL"].rstrip("/")
        self.token = os.environ["JUPYTERHUB_API_TOKEN"]

    def request(self, method: str, path: str) -> tuple[int, object]:
        req = urllib.request.Request(
            self.url + path,
            method=method,
            headers={"Authorization": f"token {self.token}", "Accept": "application/jupyterhub-pagination+json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                body = r.read()
                return r.status, json.loads(body) if body else None
        except urllib.error.HTTPError as e:
            return e.code, None

    def running_servers(self) -> list[tuple[str, str, int]]:
        """(user, server name, pid) of every running server, all pages."""
        out, offset = [], 0
        while True:
            status, page = self.request("GET", f"/users?state=active&offset={offset}&limit=200")
            if status != 200 or not isinstance(page, dict):
                raise RuntimeError(f"GET /users: HTTP {status}")
            for user in page.get("items", []):
                for name, server in (user.get("servers") or {}).items():
                    pid = (server.get("state") or {}).get("pid")
                    if server.get("ready") and pid:
                        out.append((user["name"], name, int(pid)))
            nxt = (page.get("_pagination") or {}).get("next")
            if not nxt:
                return out
            offset = int(nxt["offset"])

    def stop(self, user: str, server: str) -> int:
        path = (
            f"/users/{urllib.parse.quote(user)}/server"
            if not server
            else f"/users/{urllib.parse.quote(user)}/servers/{urllib.parse.quote(server)}"
        )
        return self.request("DELETE", path)[0]


def student_processes(user: str, pid: int) -> tuple[psutil.Process | None, list[psutil.Process]]:
    """The server process and all of the student's processes (the server's tree, plus, when the student has
    a Unix account of their own that is not the hub's, everything running under it)."""
    try:
        server = psutil.Process(pid)
        procs = {p.pid: p for p in [server, *server.children(recursive=True)]}
    except psutil.Error:
        return None, []
    try:
        uid = pwd.getpwnam(user).pw_uid
    except KeyError:
        uid = None
    if uid is not None and uid not in (0, os.getuid()):
        for p in psutil.process_iter(["uids"]):
            try:
                if p.info["uids"] and p.info["uids"].real == uid:
                    procs.setdefault(p.pid, p)
            except psutil.Error:
                continue
    return server, list(procs.values())


def rss(procs: list[psutil.Process]) -> int:
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass  # ended meanwhile
    return total


def write_note(path: str, user: str, used: int, budget: int) -> None:
    """Record the stop for the student's hub pages (atomically: the hub may read it at any moment)."""
    try:
        with open(path, encoding="utf-8") as f:
            notes = json.load(f)
        if not isinstance(notes, dict):
            notes = {}
    except (OSError, ValueError):
        notes = {}
    notes[user] = {"time": time.time(), "used_mb": round(used / MB), "budget_mb": round(budget / MB)}
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".memory-notes-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(notes, f)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        os.unlink(tmp)
        raise


def enforce(hub: Hub, budget: int, notes: str | None) -> list[str]:
    """One round: stop the servers of the students over budget; return their names."""
    stopped = []
    for user, name, pid in hub.running_servers():
        server, procs = student_processes(user, pid)
        if server is None:
            continue
        used = rss(procs)
        if used <= budget:
            continue
        log.warning(
            "student %s uses %d MB in %d processes, over the budget of %d MB: stopping their server%s",
            user,
            used // MB,
            len(procs),
            budget // MB,
            f" {name!r}" if name else "",
        )
        for p in procs:  # the kernels and anything else of theirs, at once; the server stops through the hub
            if p.pid != server.pid:
                try:
                    p.send_signal(signal.SIGKILL)
                except psutil.Error:
                    pass
        if notes:
            try:
                write_note(notes, user, used, budget)
            except OSError as e:
                log.error("cannot write the note for %s to %s: %s", user, notes, e)
        status = hub.stop(user, name)
        if status not in (202, 204):
            log.error("stopping the server of %s: HTTP %s", user, status)
        stopped.append(user)
    return stopped


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--budget-bytes", type=int, required=True, help="memory (RSS) each student may use")
    ap.add_argument("--every", type=float, default=5.0, help="seconds between two checks")
    ap.add_argument("--notes", help="JSON file of the stops, for the students' hub pages")
    args = ap.parse_args(argv)
    if args.budget_bytes <= 0 or args.every <= 0:
        ap.error("--budget-bytes and --every must be positive")
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="[%(levelname).1s %(asctime)s %(name)s] %(message)s"
    )
    hub = Hub()
    log.info("memory budget: %d MB per student, checked every %g s", args.budget_bytes // MB, args.every)
    while True:
        try:
            enforce(hub, args.budget_bytes, args.notes)
        except Exception as e:  # noqa: BLE001 - the hub may be restarting: keep watching
            log.error("check failed: %s", e)
        time.sleep(args.every)


if __name__ == "__main__":
    main()
