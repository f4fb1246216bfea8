"""JupyterHub for one class on one server: backdata's notebooks, one Unix account per student.

Start with ``jupyterhub -f deploy/jupyterhub_config.py`` (see ``deploy/README.md``).

Production (the default) -- the hub runs as root:

* PAM authentication against the server's own Unix accounts; students are the members of the Unix group
  ``BACKDATA_HUB_GROUP`` (default ``backdata-students``); users added in the admin panel get a system account
  (``create_system_users``) and need a password (``passwd NAME``) before they can log in;
* ``LocalProcessSpawner``: each student's JupyterLab runs as that student, in their home directory;
* per-student limits: one CPU thread for the numeric libraries, an address-space cap per process and a cap on
  the number of processes per student (both enforced by the kernel via ``setrlimit``), a cap on running
  servers and on concurrent spawns, and idle culling (``jupyterhub-idle-culler``);
* the proxy is ``configurable-http-proxy`` from the npm registry, installed in ``deploy/node_modules``;
* state (sqlite database, cookie secret, pid files) in ``BACKDATA_HUB_STATE`` (default ``/srv/jupyterhub``);
* TLS or nothing: the hub refuses to start unless ``BACKDATA_HUB_SSL_CERT`` and ``BACKDATA_HUB_SSL_KEY`` name a
  readable certificate and its key, or ``BACKDATA_HUB_BEHIND_TLS_PROXY=1`` says a TLS proxy on this machine
  terminates HTTPS (then the hub speaks plain HTTP on 127.0.0.1 only).

Both modes:

* students' own Jupyter config is ignored (``Spawner.disable_user_config``); kernels talk to their server over
  Unix sockets in a private directory (``KernelManager.transport = "ipc"``), not over TCP ports;
* the one-click link pulls only the collection's repository, its branch, into ``~/backdata``
  (``deploy/backdata_pullguard.py`` replaces nbgitpuller's handlers with checked ones);
* one memory budget per student (``deploy/backdata_memory_budget.py``, a hub service), the students' processes
  at a lower priority than the hub's (``nice``), idle kernels, idle servers and old servers culled.

Test mode (``BACKDATA_HUB_TEST=1``; used by ``bench.hub`` and ``tests/test_hub.py``) -- any user:

* ``SharedPasswordAuthenticator`` (JupyterHub's successor of ``DummyAuthenticator`` with a password, which is
  deprecated since 5.3): any user name with the password ``BACKDATA_HUB_PASSWORD``;
* ``SimpleLocalProcessSpawner``: every server runs as the hub's own user, with its home under
  ``BACKDATA_HUB_HOMES`` (default ``$BACKDATA_HUB_STATE/homes``);
* binds 127.0.0.1 only, on ``BACKDATA_HUB_PORT`` (hub API and proxy API on ``BACKDATA_HUB_API_PORT`` and
  ``BACKDATA_HUB_PROXY_API_PORT``), all state in ``BACKDATA_HUB_STATE`` (required: a temporary directory);
* an extra service ``backdata-bench`` whose API token is ``BACKDATA_HUB_TOKEN`` (admin of users and servers).

The same limits and the same idle culler run in both modes, so the test runs the explorer under them.
"""

import html
import ipaddress
import json
import os
import resource
import ssl
import subprocess
import sys
import time
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner
from jupyterhub.traitlets import ByteSpecification

c = get_config()  # noqa: F821  (defined by JupyterHub's config loader)

HERE = Path(__file__).resolve().parent
TEST = os.environ.get("BACKDATA_HUB_TEST", "") == "1"
env = os.environ.get

# ------------------------------------------------------------------------------------------- limits
#: Per-student limits. mem_limit / cpu_limit are what LocalProcessSpawner *announces* (MEM_LIMIT, CPU_LIMIT
#: in the server's environment; jupyter-resource-usage shows them), it does not enforce them. What is
#: enforced is below: RLIMIT_AS per process (a runaway kernel gets a MemoryError instead of starting the
#: machine's OOM killer; an explorer kernel peaks at ~0.45 GiB of address space) and RLIMIT_NPROC
#: per student (a fork bomb stops at this many processes and threads).
MEM_LIMIT = env("BACKDATA_HUB_MEM_LIMIT", "1G")
CPU_LIMIT = float(env("BACKDATA_HUB_CPU_LIMIT", "1"))
ADDRESS_SPACE_LIMIT = int(float(env("BACKDATA_HUB_AS_LIMIT_GB", "2")) * 1024**3)
NPROC_LIMIT = int(env("BACKDATA_HUB_NPROC_LIMIT", "256"))
IDLE_TIMEOUT = int(env("BACKDATA_HUB_IDLE_TIMEOUT", "3600"))  # s without activity before a server is stopped
MAX_AGE = int(env("BACKDATA_HUB_MAX_AGE", str(10 * 3600)))  # s after its start a server is stopped, busy or not
KERNEL_IDLE_TIMEOUT = int(env("BACKDATA_HUB_KERNEL_IDLE_TIMEOUT", "1800"))  # s before an idle kernel is shut down
#: One memory budget per student: the resident memory of all their processes together (server, kernels,
#: terminals, anything they started). Enforced by the ``backdata-memory-budget`` service; the same number is
#: announced to the server as MEM_LIMIT.
MEMORY_BUDGET = int(ByteSpecification().validate(None, MEM_LIMIT))
MEMORY_CHECK_EVERY = float(env("BACKDATA_HUB_MEMORY_CHECK_S", "5"))
#: Students' processes run at this niceness (0..19): the hub, the proxy and the system stay responsive when a
#: class computes at once.
STUDENT_NICE = int(env("BACKDATA_HUB_STUDENT_NICE", "10"))


class _Limits:
    """Adds the ``setrlimit`` caps to the process that becomes the single-user server (its kernels inherit them)."""

    nproc_limit = NPROC_LIMIT

    def make_preexec_fn(self, name):
        inner = super().make_preexec_fn(name)
        address_space, nproc, nice = ADDRESS_SPACE_LIMIT, self.nproc_limit, STUDENT_NICE

        def cap(which, value):
            hard = resource.getrlimit(which)[1]
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)  # never raise a hard limit
            resource.setrlimit(which, (value, value))

        def preexec():
            inner()  # setuid to the student (production) or chdir to the test home
            if address_space:
                cap(resource.RLIMIT_AS, address_space)
            if nproc:
                cap(resource.RLIMIT_NPROC, nproc)
            if nice:
                os.nice(nice)  # the hub keeps priority over the students (inherited by kernels)

        return preexec


class BackdataSpawner(_Limits, LocalProcessSpawner):
    """LocalProcessSpawner (one Unix user per student) with the per-student caps."""


class BackdataTestSpawner(_Limits, SimpleLocalProcessSpawner):
    """SimpleLocalProcessSpawner (everyone is the hub's user) with the same caps, except RLIMIT_NPROC: it counts
    every process of the hub's user, so it would measure the developer's desktop, not the student."""

    nproc_limit = 0


c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
c.Spawner.environment = {
    # One thread per numeric library: a class shares the cores, and OpenBLAS reserves memory per thread.
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
}
c.Spawner.env_keep = [
    # JupyterHub's default list ...
    "CONDA_DEFAULT_ENV",
    "CONDA_ROOT",
    "JUPYTERHUB_SINGLEUSER_APP",
    "LANG",
    "LC_ALL",
    "LD_LIBRARY_PATH",
    "PATH",
    "PYTHONPATH",
    "VIRTUAL_ENV",
    # ... and the OpenBLAS core-type settings some processors need for correct results.
    "OPENBLAS_CORETYPE",
    "OPENBLAS_L2_SIZE",
]
c.JupyterHub.active_server_limit = int(env("BACKDATA_HUB_MAX_SERVERS", "40"))
c.JupyterHub.concurrent_spawn_limit = int(env("BACKDATA_HUB_MAX_SPAWNS", "10"))

# ------------------------------------------------------------------------------------------- spawner
# The single-user server: jupyterhub-singleuser started by deploy/backdata_singleuser.py, which gives the
# kernels a short private runtime directory for their Unix sockets and makes deploy/backdata_pullguard.py
# importable.
c.Spawner.cmd = [sys.executable, str(HERE / "backdata_singleuser.py")]
c.Spawner.disable_user_config = True  # ~/.jupyter config of a student cannot change their server
SINGLEUSER_ARGS = [
    "--KernelManager.transport=ipc",  # kernels on Unix sockets in a 700 directory, no TCP port on 127.0.0.1
    # nbgitpuller's own handlers off, the checked ones (same URLs) on
    "--ServerApp.jpserver_extensions=nbgitpuller=False",
    "--ServerApp.jpserver_extensions=backdata_pullguard=True",
    f"--MappingKernelManager.cull_idle_timeout={KERNEL_IDLE_TIMEOUT}",
    "--MappingKernelManager.cull_interval=120",
]
c.Spawner.args = list(SINGLEUSER_ARGS)
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120  # s; a cold JupyterLab with the class's packages starts in a few seconds
c.Spawner.http_timeout = 60
c.LocalProcessSpawner.interrupt_timeout = 10
c.LocalProcessSpawner.term_timeout = 10

# ------------------------------------------------------------------------------------------- the one-click link
#: What the link may pull: the collection's own repository (BACKDATA_HUB_PULL_REPO; default: the ``origin`` of
#: the checkout this config lives in, or in test mode that checkout itself), one branch, into one folder of
#: the student's home. Any other ``repo``, ``branch`` or ``targetpath`` gets HTTP 403 and plants nothing.
PULL_FOLDER = "backdata"
PULL_BRANCH = env("BACKDATA_HUB_PULL_BRANCH", "main")


def _origin_url() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(HERE.parent), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


PULL_REPO = env("BACKDATA_HUB_PULL_REPO") or _origin_url()
c.Spawner.environment.update(
    {
        "BACKDATA_PULL_REPO": PULL_REPO,  # empty: every pull is refused (the guard says so in the log)
        "BACKDATA_PULL_BRANCH": PULL_BRANCH,
        "BACKDATA_PULL_FOLDER": PULL_FOLDER,
    }
)

# ------------------------------------------------------------------------------------------- proxy
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.should_start = True

# ------------------------------------------------------------------------------------------- services
STATE = Path(env("BACKDATA_HUB_STATE", "/srv/jupyterhub"))
#: Where the memory-budget service notes whose server it stopped (read back for the student's hub pages).
MEMORY_NOTES = STATE / "memory-budget-stops.json"

c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={IDLE_TIMEOUT}",
            f"--max-age={MAX_AGE}",
            "--cull-every=300",
            "--concurrency=5",
        ],
    },
    {
        "name": "backdata-memory-budget",
        "command": [
            sys.executable,
            str(HERE / "backdata_memory_budget.py"),
            f"--budget-bytes={MEMORY_BUDGET}",
            f"--every={MEMORY_CHECK_EVERY}",
            f"--notes={MEMORY_NOTES}",
        ],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
    {
        "name": "backdata-memory-budget",
        # admin:server_state: the pid of each server, where the service starts counting a student's processes
        "scopes": ["list:users", "read:servers", "admin:server_state", "delete:servers"],
        "services": ["backdata-memory-budget"],
    },
]


def _memory_note(user) -> str:
    """The note a student sees on the hub's pages after the memory budget stopped their server (until they
    start it again, at most 12 h)."""
    if user is None or getattr(user, "active", False):
        return ""
    try:
        note = json.loads(MEMORY_NOTES.read_text(encoding="utf-8")).get(user.name)
    except (OSError, ValueError, AttributeError):
        return ""
    if not isinstance(note, dict) or time.time() - float(note.get("time", 0)) > 12 * 3600:
        return ""
    return html.escape(
        f"Your server was stopped at {time.strftime('%H:%M', time.localtime(note['time']))}: together your "
        f"notebooks and programs used {note.get('used_mb', '?')} MB of memory, more than the "
        f"{note.get('budget_mb', '?')} MB each student may use. Start it again, and keep only the notebooks "
        f"you need running (Kernel > Shut Down Kernel)."
    )


c.JupyterHub.template_vars = {"announcement": _memory_note}


# ------------------------------------------------------------------------------------------- TLS
class HubConfigError(SystemExit):
    """The production config cannot start safely: the hub exits with this message (and code 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(f"backdata hub: {message}")


def _production_bind_url() -> str:
    """HTTPS with a readable certificate and key, or plain HTTP on loopback behind a TLS proxy; else exit.

    The students type their real Unix passwords into the login form: without TLS anyone on the network path
    reads them."""
    cert, key = env("BACKDATA_HUB_SSL_CERT", ""), env("BACKDATA_HUB_SSL_KEY", "")
    ip = env("BACKDATA_HUB_IP", "")
    if env("BACKDATA_HUB_BEHIND_TLS_PROXY", "") == "1":
        if cert or key:
            raise HubConfigError(
                "BACKDATA_HUB_BEHIND_TLS_PROXY=1 and BACKDATA_HUB_SSL_CERT/KEY are both set: "
                "choose one (TLS in the hub, or TLS in a proxy in front of it)"
            )
        ip = ip or "127.0.0.1"
        try:
            loopback = ipaddress.ip_address(ip).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise HubConfigError(
                f"BACKDATA_HUB_BEHIND_TLS_PROXY=1 serves plain HTTP on loopback only, not on "
                f"BACKDATA_HUB_IP={ip!r}: unset BACKDATA_HUB_IP (127.0.0.1)"
            )
        return f"http://{ip}:{int(env('BACKDATA_HUB_PORT', '8000'))}/"
    missing = [name for name, value in (("BACKDATA_HUB_SSL_CERT", cert), ("BACKDATA_HUB_SSL_KEY", key)) if not value]
    if missing:
        raise HubConfigError(
            f"refusing to start without TLS ({' and '.join(missing)} not set): the login form carries the "
            f"students' passwords. Set BACKDATA_HUB_SSL_CERT and BACKDATA_HUB_SSL_KEY (certificate and key, "
            f"PEM), or BACKDATA_HUB_BEHIND_TLS_PROXY=1 when a TLS proxy on this machine forwards to "
            f"http://127.0.0.1:8000 (see deploy/README.md)"
        )
    for name, path in (("BACKDATA_HUB_SSL_CERT", cert), ("BACKDATA_HUB_SSL_KEY", key)):
        if not os.path.isfile(path) or not os.access(path, os.R_OK):
            raise HubConfigError(f"{name}={path} is not a readable file: refusing to start without TLS")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (ssl.SSLError, OSError, ValueError) as e:
        raise HubConfigError(
            f"BACKDATA_HUB_SSL_CERT={cert} and BACKDATA_HUB_SSL_KEY={key} are not a "
            f"certificate and its key ({e}): refusing to start without TLS"
        ) from None
    c.JupyterHub.ssl_cert, c.JupyterHub.ssl_key = cert, key
    return f"https://{ip}:{int(env('BACKDATA_HUB_PORT', '443'))}/"


# ------------------------------------------------------------------------------------------- modes
if TEST:
    if "BACKDATA_HUB_STATE" not in os.environ:
        raise RuntimeError("BACKDATA_HUB_TEST=1 needs BACKDATA_HUB_STATE (a temporary directory for all state)")
    port = int(env("BACKDATA_HUB_PORT", "8000"))
    homes = Path(env("BACKDATA_HUB_HOMES", str(STATE / "homes")))
    c.JupyterHub.bind_url = f"http://127.0.0.1:{port}/"
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ["BACKDATA_HUB_PASSWORD"]
    c.Authenticator.allow_all = True
    c.JupyterHub.spawner_class = BackdataTestSpawner
    c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
    c.Spawner.ip = "127.0.0.1"
    if os.getuid() == 0:  # CI runs as root; in production every server runs as its student
        c.Spawner.args = [*SINGLEUSER_ARGS, "--ServerApp.allow_root=True"]
    if not PULL_REPO:  # no origin: the link pulls this checkout itself
        PULL_REPO = HERE.parent.as_uri()
        c.Spawner.environment["BACKDATA_PULL_REPO"] = PULL_REPO
    token = env("BACKDATA_HUB_TOKEN")
    if token:
        c.JupyterHub.services.append({"name": "backdata-bench", "api_token": token})
        c.JupyterHub.load_roles.append(
            {
                "name": "backdata-bench",
                "scopes": ["admin:users", "admin:servers", "access:servers", "list:users"],
                "services": ["backdata-bench"],
            }
        )
else:
    c.JupyterHub.bind_url = _production_bind_url()
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.open_sessions = False  # no PAM session per spawn (no systemd-logind / utmp noise)
    c.LocalAuthenticator.create_system_users = True  # users added in the admin panel get a Unix account
    c.LocalAuthenticator.allowed_groups = {env("BACKDATA_HUB_GROUP", "backdata-students")}
    c.Authenticator.allow_existing_users = True  # ... and may log in once they have a password
    c.Authenticator.admin_users = {n.strip() for n in env("BACKDATA_HUB_ADMINS", "instructor").split(",") if n.strip()}
    c.JupyterHub.spawner_class = BackdataSpawner

# The hub's own API and the proxy's API: loopback only, in both modes.
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{int(env('BACKDATA_HUB_API_PORT', '8081'))}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(env('BACKDATA_HUB_PROXY_API_PORT', '8001'))}"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the students' servers
c.JupyterHub.cleanup_proxy = True
