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
* state (sqlite database, cookie secret, pid files) in ``BACKDATA_HUB_STATE`` (default ``/srv/jupyterhub``).

Test mode (``BACKDATA_HUB_TEST=1``; used by ``backdata.hubbench`` and ``tests/test_hub.py``) -- any user:

* ``SharedPasswordAuthenticator`` (JupyterHub's successor of ``DummyAuthenticator`` with a password, which is
  deprecated since 5.3): any user name with the password ``BACKDATA_HUB_PASSWORD``;
* ``SimpleLocalProcessSpawner``: every server runs as the hub's own user, with its home under
  ``BACKDATA_HUB_HOMES`` (default ``$BACKDATA_HUB_STATE/homes``);
* binds 127.0.0.1 only, on ``BACKDATA_HUB_PORT`` (hub API and proxy API on ``BACKDATA_HUB_API_PORT`` and
  ``BACKDATA_HUB_PROXY_API_PORT``), all state in ``BACKDATA_HUB_STATE`` (required: a temporary directory);
* an extra service ``backdata-bench`` whose API token is ``BACKDATA_HUB_TOKEN`` (admin of users and servers).

The same limits and the same idle culler run in both modes, so the test runs the explorer under them.
"""

import os
import resource
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner

c = get_config()  # noqa: F821  (defined by JupyterHub's config loader)

HERE = Path(__file__).resolve().parent
ENV_BIN = Path(sys.executable).parent  # the environment the hub runs from is also the students' environment
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


class _Limits:
    """Adds the ``setrlimit`` caps to the process that becomes the single-user server (its kernels inherit them)."""

    nproc_limit = NPROC_LIMIT

    def make_preexec_fn(self, name):
        inner = super().make_preexec_fn(name)
        address_space, nproc = ADDRESS_SPACE_LIMIT, self.nproc_limit

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
    "CONDA_DEFAULT_ENV", "CONDA_ROOT", "JUPYTERHUB_SINGLEUSER_APP", "LANG", "LC_ALL", "LD_LIBRARY_PATH",
    "PATH", "PYTHONPATH", "VIRTUAL_ENV",
    # ... and the OpenBLAS core-type settings some processors need for correct results.
    "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
]
c.JupyterHub.active_server_limit = int(env("BACKDATA_HUB_MAX_SERVERS", "40"))
c.JupyterHub.concurrent_spawn_limit = int(env("BACKDATA_HUB_MAX_SPAWNS", "10"))

# ------------------------------------------------------------------------------------------- spawner
c.Spawner.cmd = [str(ENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120  # s; a cold JupyterLab with the class's packages starts in a few seconds
c.Spawner.http_timeout = 60
c.LocalProcessSpawner.interrupt_timeout = 10
c.LocalProcessSpawner.term_timeout = 10

# ------------------------------------------------------------------------------------------- proxy
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.should_start = True

# ------------------------------------------------------------------------------------------- services
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={IDLE_TIMEOUT}",
                    "--cull-every=300", "--concurrency=5"],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]

# ------------------------------------------------------------------------------------------- modes
STATE = Path(env("BACKDATA_HUB_STATE", "/srv/jupyterhub"))

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
        c.Spawner.args = ["--ServerApp.allow_root=True"]
    token = env("BACKDATA_HUB_TOKEN")
    if token:
        c.JupyterHub.services.append({"name": "backdata-bench", "api_token": token})
        c.JupyterHub.load_roles.append({
            "name": "backdata-bench",
            "scopes": ["admin:users", "admin:servers", "access:servers", "list:users"],
            "services": ["backdata-bench"],
        })
else:
    cert, key = env("BACKDATA_HUB_SSL_CERT"), env("BACKDATA_HUB_SSL_KEY")
    scheme = "https" if cert and key else "http"
    if cert and key:
        c.JupyterHub.ssl_cert, c.JupyterHub.ssl_key = cert, key
    port = int(env("BACKDATA_HUB_PORT", "443" if scheme == "https" else "8000"))
    c.JupyterHub.bind_url = f"{scheme}://{env('BACKDATA_HUB_IP', '')}:{port}/"
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.open_sessions = False  # no PAM session per spawn (no systemd-logind / utmp noise)
    c.LocalAuthenticator.create_system_users = True  # users added in the admin panel get a Unix account
    c.LocalAuthenticator.allowed_groups = {env("BACKDATA_HUB_GROUP", "backdata-students")}
    c.Authenticator.allow_existing_users = True  # ... and may log in once they have a password
    c.Authenticator.admin_users = {n.strip() for n in env("BACKDATA_HUB_ADMINS", "instructor").split(",")
                                   if n.strip()}
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
