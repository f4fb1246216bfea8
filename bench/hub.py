"""Hub bench: how many students fit on one server, measured on a real JupyterHub in its test mode.

:func:`measure_hub` starts ``jupyterhub -f deploy/jupyterhub_config.py`` with ``BACKDATA_HUB_TEST=1`` (shared
password, every server as this process's user, 127.0.0.1 only, all state in a temporary directory), then
for each student does what a student and the class's one-click link do:

1. logs in through the hub's login form (a wrong password is refused first);
2. gets a single-user server (``POST /hub/api/users/{name}/server``, with the bench service's token);
3. follows the nbgitpuller link ``/hub/user-redirect/git-pull?repo=...&branch=main&urlpath=...`` with the
   student's cookies (hub OAuth included) and pulls this repository's ``main`` into ``~/backdata``;
4. opens ``backdata/notebooks/08-explorer.ipynb`` as a kernel session and runs the explorer in it over the
   kernel websocket (:data:`EXPLORER_CODE`), waiting for an ``execute_reply`` with status ``ok``;

then reads the resident memory of each kernel and each single-user server (:func:`bench.common.memory`). Everything it
started (hub, proxy, idle culler, servers, kernels) is stopped in a ``finally``; the result says which
processes, if any, outlived that.

:func:`measure_kernel_rss` is the hub-free number: one local kernel (jupyter_client) after the explorer.

Installs nothing: it uses the installed ``jupyterhub``, ``nbgitpuller``, ``jupyterhub-idle-culler``,
``requests``, ``websocket-client`` and the proxy that ``npm install --prefix deploy
configurable-http-proxy@5.3.0`` put in ``deploy/node_modules``. Ports and processes: :mod:`bench.common`.
``import backdata`` never imports this module.
"""

from __future__ import annotations

import json
import math
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
import requests
import websocket  # websocket-client
from jupyter_client.manager import KernelManager

from bench.common import (
    REPO,
    address_space_limit_mb,
    cmdline,
    cwd,
    descendants,
    environ,
    find_pid,
    free_port,
    free_ports,
    kill_all,
    memory,
    nice,
    process,
    stop_popen,
)

DEPLOY = REPO / "deploy"
HUB_CONFIG = DEPLOY / "jupyterhub_config.py"
PROXY = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
PROXY_INSTALL = "npm install --no-audit --no-fund --prefix deploy configurable-http-proxy@5.3.0"
NOTEBOOK = "backdata/notebooks/08-explorer.ipynb"

#: What each student runs: the explorer, one step and one region change (what the notebook's reader does).
EXPLORER_CODE = (
    'from backdata.interact.explorer import explorer; e = explorer(); e.step_w.value = 3; e.region_w.value = "collar"'
)

MACHINE_MB = 16 * 1024
#: Share of the machine's memory kept free of students: see :func:`students_per_machine`.
RESERVE = 0.15

HUB_START_TIMEOUT = 60.0  # s
SPAWN_TIMEOUT = 90.0  # s, for all servers together
EXECUTE_TIMEOUT = 120.0  # s, kernel start + explorer, per student (they run at the same time)
STOP_TIMEOUT = 20.0  # s, hub shutdown (it stops the servers first)


class HubBenchError(RuntimeError):
    """The hub, a server or a kernel did not do what the bench expected (the message says what; it ends with
    the tail of the hub's log where that helps)."""


# ------------------------------------------------------------------------------------------- helpers


def _kernel_transport(pid: int) -> str | None:
    """``transport`` of the connection file on the kernel's command line (``-f FILE``)."""
    args = cmdline(pid)
    for flag, value in zip(args, args[1:]):
        if flag == "-f":
            try:
                with open(value, encoding="utf-8") as f:
                    return json.load(f).get("transport")
            except (OSError, ValueError):
                return None
    return None


def find_kernel_pid(kernel_id: str) -> int:
    """The pid of the kernel whose connection file is ``kernel-<kernel_id>.json`` (on its command line)."""
    needle = f"kernel-{kernel_id}.json"
    pid = find_pid(needle)
    if pid is None:
        raise HubBenchError(f"no process has {needle} on its command line")
    return pid


def students_per_machine(student_mb: float, machine_mb: float = MACHINE_MB, reserve: float = RESERVE) -> int:
    """How many students fit: ``floor(machine_mb * (1 - reserve) / student_mb)``.

    The 15 % reserve is memory no student gets: the operating system and its page cache, the hub itself
    (~100 MB with its proxy and idle culler), ``git`` during an nbgitpuller pull, the kernel's own
    structures, and headroom for a student whose kernel grows past the measured one (a second notebook, a
    bigger figure). Without it the machine runs at its limit as soon as the class is full, and the OOM
    killer picks the victims. Per-student RSS also counts shared libraries once per student (PSS, in the
    result too, is smaller): the estimate errs on the safe side.
    """
    if student_mb <= 0:
        raise ValueError(f"student_mb must be positive, not {student_mb}")
    return math.floor(machine_mb * (1 - reserve) / student_mb)


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "BACKDATA_HUB_"))}
    env.pop("MPLBACKEND", None)  # kernels pick the inline backend only when it is unset
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "/usr/bin:/bin")])
    return env


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n--- hub log (last lines) ---\n" + "\n".join(text[-lines:])


def _execute_over_websocket(ws_url: str, headers: list[str], code: str, timeout: float) -> dict[str, Any]:
    """Send one execute_request on a kernel's ``/channels`` websocket; return the reply's content (and any
    error output) once the execute_reply for it arrives."""
    session = uuid.uuid4().hex
    msg_id = uuid.uuid4().hex
    msg = {
        "header": {
            "msg_id": msg_id,
            "username": "backdata-bench",
            "session": session,
            "msg_type": "execute_request",
            "version": "5.3",
            "date": datetime.now(UTC).isoformat(),
        },
        "parent_header": {},
        "metadata": {},
        "buffers": [],
        "channel": "shell",
        "content": {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    }
    deadline = time.monotonic() + timeout
    ws = websocket.create_connection(ws_url, header=headers, timeout=timeout)
    errors: list[str] = []
    try:
        ws.send(json.dumps(msg))
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise HubBenchError(f"no execute_reply within {timeout:.0f} s on {ws_url}")
            ws.settimeout(left)
            frame = ws.recv()
            if isinstance(frame, bytes):  # a message with binary buffers (widget state): not ours
                continue
            reply = json.loads(frame)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = reply.get("msg_type") or reply.get("header", {}).get("msg_type")
            if kind == "error":
                c = reply["content"]
                errors.append(f"{c.get('ename')}: {c.get('evalue')}")
            elif kind == "execute_reply":
                content = dict(reply["content"])
                content["errors"] = errors
                return content
    finally:
        ws.close()


# ------------------------------------------------------------------------------------------- the hub


class _Hub:
    """One ``jupyterhub -f deploy/jupyterhub_config.py`` process with its state in a temporary directory."""

    def __init__(self, mode_env: dict[str, str], port: int | None = None) -> None:
        self.state = Path(tempfile.mkdtemp(prefix="backdata-hub-"))
        self.port = port or free_port()
        api_port, proxy_api_port = [p for p in free_ports(3) if p != self.port][:2]
        self.env = _clean_env()
        self.env.update(
            BACKDATA_HUB_STATE=str(self.state),
            BACKDATA_HUB_PORT=str(self.port),
            BACKDATA_HUB_API_PORT=str(api_port),
            BACKDATA_HUB_PROXY_API_PORT=str(proxy_api_port),
            **mode_env,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = self.state / "hub.log"
        self.proc: subprocess.Popen | None = None
        self.tree: dict[int, psutil.Process] = {}  # every process of the run (psutil knows each one's start time)

    def fail(self, message: str) -> HubBenchError:
        return HubBenchError(message + _log_tail(self.log_path))

    def remember_tree(self) -> None:
        if self.proc is not None:
            for p in [process(self.proc.pid), *descendants(self.proc.pid)]:
                if p is not None:
                    self.tree.setdefault(p.pid, p)

    def start(self) -> None:
        """Start the hub (the real ``jupyterhub`` process, its pid recorded) and wait until it answers through
        the proxy."""
        if not os.access(PROXY, os.X_OK):
            raise HubBenchError(f"configurable-http-proxy not found at {PROXY}: run `{PROXY_INSTALL}` in {REPO}")
        with open(self.log_path, "wb") as hub_log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)],
                cwd=self.state,
                env=self.env,
                stdout=hub_log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.remember_tree()
        deadline = time.monotonic() + HUB_START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise self.fail(f"jupyterhub exited with code {self.proc.returncode} while starting")
            try:
                if requests.get(f"{self.base}/hub/api/", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise self.fail(f"the hub did not answer on {self.base} within {HUB_START_TIMEOUT:.0f} s")
            time.sleep(0.25)
        self.remember_tree()

    def stop(
        self, users: list[str] = (), headers: dict[str, str] | None = None, log: str | Path | None = None
    ) -> list[int]:
        """Stop the users' servers through the hub, SIGTERM the hub (it stops the servers, the proxy and the
        idle culler too), then kill whatever of the recorded process tree survived; remove the state.
        Returns the pids that outlived all that (should be none)."""
        left: list[int] = []
        if self.proc is not None:
            self.remember_tree()

            def stop_server(name: str) -> None:
                try:
                    requests.delete(f"{self.base}/hub/api/users/{name}/server", headers=headers, timeout=STOP_TIMEOUT)
                except Exception:  # noqa: BLE001 - best effort: the hub may be down already
                    pass

            if users and headers and self.proc.poll() is None:
                with ThreadPoolExecutor(max_workers=len(users)) as pool:
                    list(pool.map(stop_server, users))
            stop_popen(self.proc, STOP_TIMEOUT, kill_timeout=5)
            left = kill_all(self.tree.values())
        if log is not None and self.log_path.exists():
            Path(log).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.log_path, log)
        shutil.rmtree(self.state, ignore_errors=True)
        return left


def _pull_branch() -> str:
    """The branch of this repository the students pull: ``main`` (the link's branch) where it exists, else
    the checked-out branch (a CI clone may name it otherwise)."""

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, timeout=30)

    if git("rev-parse", "--verify", "--quiet", "refs/heads/main").returncode == 0:
        return "main"
    current = git("symbolic-ref", "--quiet", "--short", "HEAD")
    if current.returncode == 0 and current.stdout.strip():
        return current.stdout.strip()
    raise HubBenchError(f"{REPO} has no branch main and no branch checked out: nothing for nbgitpuller to pull")


def _login(base: str, name: str, password: str) -> tuple[Any, int]:
    """Log in through the hub's form as a browser does (xsrf field included); return (session, HTTP status)."""
    b = requests.Session()
    page = b.get(f"{base}/hub/login", timeout=10)
    m = re.search(r'name="_xsrf"\s+value="([^"]+)"', page.text)
    xsrf = m.group(1) if m else b.cookies.get("_xsrf", "")
    r = b.post(
        f"{base}/hub/login",
        data={"username": name, "password": password, "_xsrf": xsrf},
        allow_redirects=False,
        timeout=30,
    )
    return b, r.status_code


def _logged_in(session: Any) -> bool:
    return any(ck.name.startswith("jupyterhub-session") or ck.name == "jupyterhub-hub-login" for ck in session.cookies)


def check_production_start(port: int | None = None, *, log: str | Path | None = None) -> dict[str, Any]:
    """Start the hub in *production* mode (PAM, LocalProcessSpawner, the limits, the idle culler), only with
    its state in a temporary directory, behind the TLS-proxy switch (plain HTTP on 127.0.0.1 only) and without
    admin users (so it creates no system account); check the login page answers and PAM refuses a made-up
    user; stop it.

    Returns ``authenticator`` and ``spawner`` (as the hub's log names them), ``login_page_status``,
    ``bad_login_status``, ``services`` (the managed services that ran) and ``leftover_pids``.
    """
    hub = _Hub({"BACKDATA_HUB_BEHIND_TLS_PROXY": "1", "BACKDATA_HUB_ADMINS": ""}, port)
    out: dict[str, Any] = {}
    try:
        hub.start()
        b, status = _login(hub.base, f"nobody-{secrets.token_hex(4)}", secrets.token_urlsafe(12))
        out["bad_login_status"] = status
        out["login_page_status"] = b.get(f"{hub.base}/hub/login", timeout=10).status_code
        hub.remember_tree()
        out["services"] = sorted({a for p in hub.tree for a in cmdline(p) if a.startswith("jupyterhub_")})
        text = hub.log_path.read_text(encoding="utf-8", errors="replace")
        for key, pattern in (("authenticator", r"Using Authenticator: (\S+)"), ("spawner", r"Using Spawner: (\S+)")):
            m = re.search(pattern, text)
            out[key] = m.group(1) if m else None
    finally:
        out["leftover_pids"] = hub.stop(log=log)
    return out


def measure_hub(students: int = 3, port: int | None = None, *, log: str | Path | None = None) -> dict[str, Any]:
    """Start the hub in test mode, have ``students`` students log in, get a server, pull the notebooks with
    the one-click link and run the explorer; measure each kernel's and each server's resident memory.

    Returns ``hub_students`` (students whose server ran the explorer with status ok),
    ``kernel_rss_mb_per_student`` and ``server_rss_mb_per_student`` (MB, in student order),
    ``student_rss_mb_max`` (the largest kernel + server of one student) and ``students_per_16gb``
    (:func:`students_per_machine` of it: ``floor(16 * 1024 * 0.85 / student_rss_mb_max)``, the 15 % reserve
    explained there). Also ``students`` (per-student details: login, link, pull, execute status, pids,
    RSS/PSS/peak, the kernel's address-space cap), ``hub_rss_mb`` and ``proxy_rss_mb``, ``timings_s``,
    ``hub_pid`` and ``leftover_pids`` (processes of the run still alive after the clean-up: should be
    empty). ``log``: where to copy the hub's log (it holds the servers' logs too) before the temporary state
    is removed.
    """
    if students < 1:
        raise ValueError(f"students must be at least 1, not {students}")
    if shutil.which("git") is None:
        raise HubBenchError("git is not installed (nbgitpuller needs it)")

    t0 = time.monotonic()
    timings: dict[str, float] = {}
    token, password = secrets.token_hex(32), secrets.token_urlsafe(16)
    hub = _Hub({"BACKDATA_HUB_TEST": "1", "BACKDATA_HUB_PASSWORD": password, "BACKDATA_HUB_TOKEN": token}, port)
    hub.env["BACKDATA_HUB_HOMES"] = str(hub.state / "homes")
    base, port, fail = hub.base, hub.port, hub.fail
    auth = {"Authorization": f"token {token}"}
    names = [f"student{i + 1}" for i in range(students)]
    repo_url, branch = REPO.as_uri(), _pull_branch()
    hub.env.update(BACKDATA_HUB_PULL_REPO=repo_url, BACKDATA_HUB_PULL_BRANCH=branch)  # what the link may pull
    result: dict[str, Any] = {"hub_students": 0, "pull_branch": branch, "students": [{"name": n} for n in names]}
    per = {s["name"]: s for s in result["students"]}

    http = requests.Session()
    try:
        hub.start()
        result["hub_pid"] = hub.proc.pid
        timings["hub_start"] = round(time.monotonic() - t0, 2)

        # -- 1. form login, one browser session per student; a wrong password first
        _, result["wrong_password_status"] = _login(base, names[0], password + "x")
        if result["wrong_password_status"] == 302:
            raise fail("the hub accepted a wrong password")
        browsers: dict[str, requests.Session] = {}
        for name in names:
            b, status = _login(base, name, password)
            per[name]["login_status"] = status
            if status != 302 or not _logged_in(b):
                raise fail(f"login of {name} failed: HTTP {status}")
            browsers[name] = b
        timings["logins"] = round(time.monotonic() - t0, 2)

        # -- 2. one server per student, started together
        def start(name: str) -> None:  # the hub answers 201 once ready, or 202 after 10 s (still starting)
            r = requests.post(f"{base}/hub/api/users/{name}/server", headers=auth, timeout=SPAWN_TIMEOUT)
            if r.status_code not in (201, 202):
                raise fail(f"starting the server of {name}: HTTP {r.status_code} {r.text[:200]}")

        with ThreadPoolExecutor(max_workers=students) as pool:
            list(pool.map(start, names))
        deadline = time.monotonic() + SPAWN_TIMEOUT
        pending = set(names)
        while pending:
            for name in sorted(pending):
                model = http.get(f"{base}/hub/api/users/{name}", headers=auth, timeout=10).json()
                server = model.get("servers", {}).get("", {})
                if server.get("ready"):
                    per[name]["server_ready"] = True
                    per[name]["server_pid"] = int(server.get("state", {}).get("pid") or 0)
                    per[name]["server_url"] = server.get("url")
                    pending.discard(name)
            hub.remember_tree()
            if pending and time.monotonic() > deadline:
                raise fail(f"servers not ready within {SPAWN_TIMEOUT:.0f} s: {sorted(pending)}")
            if pending:
                if hub.proc.poll() is not None:
                    raise fail(f"jupyterhub exited with code {hub.proc.returncode}")
                time.sleep(0.5)
        timings["servers_ready"] = round(time.monotonic() - t0, 2)

        # -- 3. the one-click link, then the pull it makes the browser do, with the student's own cookies
        def pull(name: str) -> None:
            b = browsers[name]
            query = urllib.parse.urlencode(
                {"repo": repo_url, "branch": branch, "targetpath": "backdata", "urlpath": f"lab/tree/{NOTEBOOK}"}
            )
            r = b.get(f"{base}/hub/user-redirect/git-pull?{query}", timeout=30)
            per[name]["link_status"] = r.status_code
            per[name]["link_landed"] = urllib.parse.urlsplit(r.url).path
            if r.status_code != 200 or not r.url.startswith(f"{base}/user/{name}/git-pull"):
                raise fail(f"the nbgitpuller link of {name} ended at {r.url} with HTTP {r.status_code}")
            api = f"{base}/user/{name}/git-pull/api?" + urllib.parse.urlencode(
                {"repo": repo_url, "branch": branch, "targetpath": "backdata"}
            )
            phase = None
            with b.get(api, stream=True, timeout=60) as stream:
                for line in stream.iter_lines(decode_unicode=True):
                    if line and line.startswith("data:"):
                        event = json.loads(line[5:])
                        phase = event.get("phase", phase)
                        if phase in ("finished", "error"):
                            if phase == "error":
                                raise fail(f"nbgitpuller failed for {name}: {event.get('message')}")
                            break
            per[name]["pull"] = phase
            c = b.get(f"{base}/user/{name}/api/contents/{NOTEBOOK}?content=0", timeout=10)
            if c.status_code != 200:
                raise fail(f"{NOTEBOOK} not in the home of {name} after the pull: HTTP {c.status_code}")

        with ThreadPoolExecutor(max_workers=students) as pool:
            list(pool.map(pull, names))
        # a student's cookies open their own server only
        if len(names) > 1:
            other = browsers[names[1]].get(f"{base}/user/{names[0]}/api/contents/{NOTEBOOK}?content=0", timeout=10)
            result["cross_access_status"] = other.status_code
            if other.status_code == 200:
                raise fail(f"{names[1]} could read the files of {names[0]}")
        timings["pulled"] = round(time.monotonic() - t0, 2)

        # -- 4. a kernel session on the pulled notebook, the explorer run over the websocket
        def run(name: str) -> None:
            r = requests.post(
                f"{base}/user/{name}/api/sessions",
                headers=auth,
                timeout=60,
                json={"path": NOTEBOOK, "type": "notebook", "name": "08-explorer.ipynb", "kernel": {"name": "python3"}},
            )
            if r.status_code != 201:
                raise fail(f"creating a kernel session for {name}: HTTP {r.status_code} {r.text[:200]}")
            kernel_id = r.json()["kernel"]["id"]
            per[name]["kernel_id"] = kernel_id
            ws = f"ws://127.0.0.1:{port}/user/{name}/api/kernels/{kernel_id}/channels"
            reply = _execute_over_websocket(ws, [f"Authorization: token {token}"], EXPLORER_CODE, EXECUTE_TIMEOUT)
            per[name]["execute_status"] = reply.get("status")
            if reply.get("status") != "ok":
                raise fail(
                    f"the explorer failed in the kernel of {name}: "
                    f"{reply.get('ename')}: {reply.get('evalue')} {reply.get('errors')}"
                )

        with ThreadPoolExecutor(max_workers=students) as pool:
            list(pool.map(run, names))
        timings["explorer_done"] = round(time.monotonic() - t0, 2)
        hub.remember_tree()

        # -- memory, limits and placement of each student's processes
        for name in names:
            s = per[name]
            kpid = find_kernel_pid(s["kernel_id"])
            spid = s["server_pid"]
            if not spid or kpid not in {p.pid for p in descendants(spid)}:
                raise fail(f"kernel {kpid} of {name} is not a child of its server {spid}")
            s["kernel_pid"] = kpid
            s["kernel"] = memory(kpid)
            s["server"] = memory(spid)
            s["cwd"] = cwd(kpid)
            s["kernel_address_space_limit_mb"] = address_space_limit_mb(kpid)
            s["kernel_openblas_threads"] = environ(kpid).get("OPENBLAS_NUM_THREADS")
            s["kernel_nice"] = nice(kpid)
            s["kernel_transport"] = _kernel_transport(kpid)
        hub_pid = hub.proc.pid
        proxy = [p.pid for p in descendants(hub_pid) if any("configurable-http-proxy" in a for a in cmdline(p.pid))]
        result["hub_rss_mb"] = memory(hub_pid)["rss_mb"]
        result["proxy_rss_mb"] = memory(proxy[0])["rss_mb"] if proxy else None
        result["hub_students"] = sum(per[n].get("execute_status") == "ok" for n in names)
    finally:
        http.close()
        result["leftover_pids"] = hub.stop(names, auth, log=log)

    kernels = [per[n]["kernel"]["rss_mb"] for n in names]
    servers = [per[n]["server"]["rss_mb"] for n in names]
    student_max = max(k + s for k, s in zip(kernels, servers))
    timings["total"] = round(time.monotonic() - t0, 2)
    result.update(
        kernel_rss_mb_per_student=kernels,
        server_rss_mb_per_student=servers,
        student_rss_mb_max=round(student_max, 1),
        students_per_16gb=students_per_machine(student_max),
        timings_s=timings,
    )
    return result


# ------------------------------------------------------------------------------------------- one kernel


def measure_kernel_rss(code: str = EXPLORER_CODE, timeout: float = 120.0) -> dict[str, Any]:
    """One student's kernel, no hub: start a local ``python3`` kernel (jupyter_client's KernelManager) in a
    temporary runtime / IPython dir, run the explorer, read the kernel's memory (:func:`bench.common.memory`).

    Returns ``kernel_rss_mb`` (VmRSS after the explorer), with ``kernel_hwm_mb`` (peak RSS), ``kernel_pss_mb``
    and ``kernel_vm_peak_mb`` (peak address space: what the hub's RLIMIT_AS must leave room for).
    """
    with tempfile.TemporaryDirectory(prefix="backdata-kernel-") as d:
        env = _clean_env()
        env.update(JUPYTER_RUNTIME_DIR=d, IPYTHONDIR=os.path.join(d, "ipython"))
        km = KernelManager(kernel_name="python3", connection_file=os.path.join(d, "kernel-bench.json"))
        km.start_kernel(env=env, cwd=d)
        client = None
        try:
            client = km.client()
            client.start_channels()
            client.wait_for_ready(timeout=timeout)
            reply = client.execute_interactive(code, timeout=timeout, store_history=False, output_hook=lambda msg: None)
            status = reply["content"]["status"]
            if status != "ok":
                raise HubBenchError(
                    f"the explorer failed in a local kernel: {reply['content'].get('ename')}: "
                    f"{reply['content'].get('evalue')}"
                )
            pid = km.provisioner.pid  # type: ignore[union-attr]
            mem = memory(pid)
        finally:
            if client is not None:
                client.stop_channels()
            km.shutdown_kernel(now=True)
    return {
        "kernel_rss_mb": mem["rss_mb"],
        "kernel_hwm_mb": mem["hwm_mb"],
        "kernel_pss_mb": mem["pss_mb"],
        "kernel_vm_peak_mb": mem["vm_peak_mb"],
        "execute_status": status,
    }


def main() -> None:
    """``python -m bench.hub [STUDENTS]``: print both measurements as JSON."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(json.dumps({"kernel": measure_kernel_rss(), "hub": measure_hub(n)}, indent=1))


if __name__ == "__main__":
    main()
