"""The class hub (``deploy/``): the production config loads and starts; the test mode serves three students
who log in, get a server, pull the notebooks with the nbgitpuller link and each run the explorer.

Needs the proxy from the npm registry (``npm install --prefix deploy configurable-http-proxy@5.3.0``): the
tests fail, not skip, without it. Writes ``test-artifacts/hub.json`` (the measurement) and the hubs' logs.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench import hub as hubbench

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
STUDENTS = 3


@pytest.fixture(scope="module")
def proxy() -> Path:
    if not os.access(hubbench.PROXY, os.X_OK):
        pytest.fail(
            f"configurable-http-proxy is missing at {hubbench.PROXY}: run `{hubbench.PROXY_INSTALL}` "
            f"in {REPO} (CI does it in .ci/run)",
            pytrace=False,
        )
    out = subprocess.run([str(hubbench.PROXY), "--version"], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "5.3.0", out.stdout
    return hubbench.PROXY


_LOAD = """
import json, os, sys
from pathlib import Path
from jupyterhub.app import JupyterHub
from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner
p = Path(sys.argv[1])
base = {k: v for k, v in os.environ.items() if not k.startswith("BACKDATA_HUB_")}
out = {}
for case, env in json.loads(sys.argv[2]).items():
    os.environ.clear()
    os.environ.update(base, **env)
    app = JupyterHub()
    try:
        app.load_config_file(p.name, path=str(p.parent))
    except (Exception, SystemExit) as e:  # SystemExit: the config refuses to start (its message)
        out[case] = {"error": f"{type(e).__name__}: {e}"}
        continue
    cfg = app.config
    spawner = app.spawner_class
    out[case] = {
        "authenticator": app.authenticator_class.__module__ + "." + app.authenticator_class.__name__,
        "spawner_local": issubclass(spawner, LocalProcessSpawner),
        "spawner_simple": issubclass(spawner, SimpleLocalProcessSpawner),
        "create_system_users": cfg.LocalAuthenticator.get("create_system_users"),
        "allowed_groups": sorted(cfg.LocalAuthenticator.get("allowed_groups", ())),
        "default_url": cfg.Spawner.default_url,
        "mem_limit": cfg.Spawner.mem_limit,
        "proxy": cfg.ConfigurableHTTPProxy.command,
        "bind_url": app.bind_url,
        "db_url": app.db_url,
        "services": [s["name"] for s in app.services],
        "password_set": bool(cfg.SharedPasswordAuthenticator.get("user_password")),
        "home_template": cfg.SimpleLocalProcessSpawner.get("home_dir_template"),
        "ssl_cert": app.ssl_cert,
        "ssl_key": app.ssl_key,
        "disable_user_config": cfg.Spawner.get("disable_user_config"),
        "spawner_args": list(cfg.Spawner.get("args", [])),
        "services_cmd": {s["name"]: s.get("command") for s in app.services},
        "pull_env": {k: v for k, v in cfg.Spawner.environment.items() if k.startswith("BACKDATA_PULL_")},
    }
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def configs(tmp_path_factory) -> dict:
    """deploy/jupyterhub_config.py loaded into a JupyterHub app (in a fresh interpreter), once per case, with
    only that case's BACKDATA_HUB_* variables set: what each configured, or the error it raised."""
    state = tmp_path_factory.mktemp("hub-state")
    tls = _tls_pair(tmp_path_factory.mktemp("tls"))
    cases = {
        "production": {"BACKDATA_HUB_SSL_CERT": tls["cert"], "BACKDATA_HUB_SSL_KEY": tls["key"]},
        "production_no_tls": {},
        "production_cert_only": {"BACKDATA_HUB_SSL_CERT": tls["cert"]},
        "production_key_misspelt": {"BACKDATA_HUB_SSL_CERT": tls["cert"], "BACKDATA_HUB_SSL_KEY": tls["key"] + "x"},
        "production_key_is_the_cert": {"BACKDATA_HUB_SSL_CERT": tls["cert"], "BACKDATA_HUB_SSL_KEY": tls["cert"]},
        "behind_proxy": {"BACKDATA_HUB_BEHIND_TLS_PROXY": "1"},
        "behind_proxy_public_ip": {"BACKDATA_HUB_BEHIND_TLS_PROXY": "1", "BACKDATA_HUB_IP": "0.0.0.0"},
        "test": {
            "BACKDATA_HUB_TEST": "1",
            "BACKDATA_HUB_STATE": str(state),
            "BACKDATA_HUB_PORT": "18000",
            "BACKDATA_HUB_PASSWORD": "a-test-password",
        },
        "test_without_state": {"BACKDATA_HUB_TEST": "1"},
    }
    out = subprocess.run(
        [sys.executable, "-c", _LOAD, str(hubbench.HUB_CONFIG), json.dumps(cases)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    loaded["state"] = state
    loaded["tls"] = tls
    return loaded


def _tls_pair(folder: Path) -> dict[str, str]:
    """A self-signed certificate and its key (openssl), as the hub's TLS settings take them."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    out = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return {"cert": str(cert), "key": str(key)}


def test_production_config_loads(configs):
    cfg = configs["production"]
    assert "error" not in cfg, cfg
    assert cfg["authenticator"] == "jupyterhub.auth.PAMAuthenticator"
    assert cfg["spawner_local"] and not cfg["spawner_simple"]
    assert cfg["create_system_users"] is True
    assert cfg["allowed_groups"] == ["backdata-students"]
    assert cfg["default_url"] == "/lab"
    assert cfg["mem_limit"] == "1G"
    assert cfg["proxy"] == [str(hubbench.PROXY)]
    assert cfg["db_url"] == "sqlite:////srv/jupyterhub/jupyterhub.sqlite"
    assert cfg["bind_url"] == "https://:443/"
    assert (cfg["ssl_cert"], cfg["ssl_key"]) == (configs["tls"]["cert"], configs["tls"]["key"])
    assert "idle-culler" in cfg["services"]
    assert any(a.startswith("--max-age=") for a in cfg["services_cmd"]["idle-culler"])
    assert "--budget-bytes=1073741824" in cfg["services_cmd"]["backdata-memory-budget"]  # MEM_LIMIT 1G
    # students isolated: no user config, kernels on Unix sockets, idle kernels culled
    assert cfg["disable_user_config"] is True
    assert "--KernelManager.transport=ipc" in cfg["spawner_args"]
    assert "--ServerApp.jpserver_extensions=nbgitpuller=False" in cfg["spawner_args"]
    assert "--ServerApp.jpserver_extensions=backdata_pullguard=True" in cfg["spawner_args"]
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in cfg["spawner_args"])
    assert cfg["pull_env"]["BACKDATA_PULL_FOLDER"] == "backdata"


@pytest.mark.parametrize(
    "case, words",
    [
        (
            "production_no_tls",
            [
                "refusing to start without TLS",
                "BACKDATA_HUB_SSL_CERT and BACKDATA_HUB_SSL_KEY not set",
                "BACKDATA_HUB_BEHIND_TLS_PROXY=1",
            ],
        ),
        ("production_cert_only", ["refusing to start without TLS", "BACKDATA_HUB_SSL_KEY not set"]),
        ("production_key_misspelt", ["is not a readable file", "refusing to start without TLS"]),
        ("production_key_is_the_cert", ["are not a certificate and its key"]),
        ("behind_proxy_public_ip", ["loopback only", "0.0.0.0"]),
    ],
)
def test_production_refuses_without_tls(configs, case, words):
    error = configs[case].get("error", "")
    assert error.startswith("HubConfigError: backdata hub:"), configs[case]
    for w in words:
        assert w in error, (w, error)


def test_behind_tls_proxy_binds_loopback_only(configs):
    cfg = configs["behind_proxy"]
    assert "error" not in cfg, cfg
    assert cfg["bind_url"] == "http://127.0.0.1:8000/"
    assert not cfg["ssl_cert"] and not cfg["ssl_key"]


def test_jupyterhub_exits_with_the_message_without_tls(tmp_path):
    """The real command, as an operator runs it: one clear line on stderr, exit code 1, no traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKDATA_HUB_")}
    env["BACKDATA_HUB_STATE"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-m", "jupyterhub", "-f", str(hubbench.HUB_CONFIG)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "backdata hub: refusing to start without TLS" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "jupyterhub.sqlite").exists()


def test_test_mode_config_loads(configs):
    cfg, state = configs["test"], configs["state"]
    assert "error" not in cfg, cfg
    assert cfg["authenticator"] == "jupyterhub.authenticators.shared.SharedPasswordAuthenticator"
    assert cfg["spawner_simple"]
    assert cfg["password_set"]
    assert cfg["bind_url"] == "http://127.0.0.1:18000/"
    assert cfg["db_url"] == f"sqlite:///{state / 'jupyterhub.sqlite'}"
    assert cfg["home_template"] == str(state / "homes" / "{username}")
    assert "idle-culler" in cfg["services"]


def test_test_mode_needs_a_state_dir(configs):
    assert "BACKDATA_HUB_STATE" in configs["test_without_state"].get("error", ""), configs["test_without_state"]


def test_production_hub_starts(proxy):
    ARTIFACTS.mkdir(exist_ok=True)
    out = hubbench.check_production_start(log=ARTIFACTS / "hub-production.log")
    assert out["authenticator"].startswith("jupyterhub.auth.PAMAuthenticator")
    assert out["spawner"].endswith("BackdataSpawner")
    assert out["login_page_status"] == 200
    assert out["bad_login_status"] == 403
    assert out["services"] == ["jupyterhub_idle_culler"]
    assert out["leftover_pids"] == []


def test_hub_serves_three_students(proxy):
    ARTIFACTS.mkdir(exist_ok=True)
    result = hubbench.measure_hub(students=STUDENTS, log=ARTIFACTS / "hub.log")
    (ARTIFACTS / "hub.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")

    assert result["hub_students"] == STUDENTS
    assert result["wrong_password_status"] == 403
    assert result["cross_access_status"] in (403, 404), "a student's cookies opened another student's server"
    assert len(result["students"]) == STUDENTS
    for s in result["students"]:
        assert s["login_status"] == 302, s
        assert s["server_ready"] is True, s
        assert s["server_pid"] > 0, s
        assert s["link_landed"] == f"/user/{s['name']}/git-pull", s
        assert s["pull"] == "finished", s
        assert s["execute_status"] == "ok", s
        assert s["cwd"].endswith(f"/homes/{s['name']}/backdata/notebooks"), s
        assert s["kernel_address_space_limit_mb"] == 2048, s  # the config's per-student cap applies
        assert s["kernel_openblas_threads"] == "1", s
        assert s["kernel_nice"] == 10, s  # the hub keeps priority over the students
        assert s["kernel_transport"] == "ipc", s  # kernels on private Unix sockets, no TCP ports
    pids = [s["server_pid"] for s in result["students"]] + [s["kernel_pid"] for s in result["students"]]
    assert len(set(pids)) == 2 * STUDENTS

    kernels, servers = result["kernel_rss_mb_per_student"], result["server_rss_mb_per_student"]
    assert len(kernels) == len(servers) == STUDENTS
    assert all(20 < mb < 2048 for mb in kernels + servers), (kernels, servers)
    assert result["student_rss_mb_max"] == round(max(k + s for k, s in zip(kernels, servers)), 1)
    assert result["students_per_16gb"] == int(16 * 1024 * 0.85 // result["student_rss_mb_max"])
    assert result["students_per_16gb"] >= 1
    assert result["leftover_pids"] == [], "processes of the hub run outlived its clean-up"


def test_kernel_rss():
    out = hubbench.measure_kernel_rss()
    assert out["execute_status"] == "ok"
    assert 20 < out["kernel_rss_mb"] < 2048


def test_students_per_machine():
    assert hubbench.students_per_machine(300.0) == 46  # floor(16384 * 0.85 / 300)
    with pytest.raises(ValueError):
        hubbench.students_per_machine(0)


# ------------------------------------------------------------------------------------------- pull guard


def _guard():
    sys.path.insert(0, str(hubbench.DEPLOY))
    try:
        import backdata_pullguard
    finally:
        sys.path.remove(str(hubbench.DEPLOY))
    return backdata_pullguard


@pytest.mark.parametrize(
    "args, allowed",
    [
        ({"repo": "https://example.org/backdata.git", "branch": "main", "targetpath": "backdata"}, True),
        ({"repo": "https://example.org/backdata/"}, True),
        ({"repo": "https://example.org/evil", "targetpath": "backdata"}, False),
        ({"repo": "https://example.org/backdata", "targetpath": "../.ipython/profile_default/startup"}, False),
        ({"repo": "https://example.org/backdata", "targetpath": "/root/.ssh"}, False),
        ({"repo": "https://example.org/backdata", "targetpath": ".ipython"}, False),
        ({"repo": "https://example.org/backdata", "branch": "--upload-pack=touch /tmp/x"}, False),
        ({"repo": "https://example.org/backdata", "depth": "-1"}, False),
        ({"repo": "https://example.org/backdata", "backup": "true"}, False),
        ({"repo": None}, False),
    ],
)
def test_pull_guard_allows_only_the_collection(monkeypatch, args, allowed):
    monkeypatch.setenv("BACKDATA_PULL_REPO", "https://example.org/backdata")
    monkeypatch.setenv("BACKDATA_PULL_BRANCH", "main")
    monkeypatch.setenv("BACKDATA_PULL_FOLDER", "backdata")
    reason = _guard().check(args)
    assert (reason is None) is allowed, reason


def test_pull_guard_refuses_everything_without_a_repo(monkeypatch):
    monkeypatch.delenv("BACKDATA_PULL_REPO", raising=False)
    assert "BACKDATA_PULL_REPO" in _guard().check({"repo": "https://example.org/backdata"})


# ------------------------------------------------------------------------------------------- budget + guard, live

BUDGET_MB = 450  # a server (~140 MB) and an idle kernel (~60 MB) stay under it; 400 MB more do not


def _evil_repo(folder: Path) -> str:
    """A git repository whose content, planted in a home, would run in every kernel of that student."""
    folder.mkdir()
    (folder / "00-evil.py").write_text("open('/tmp/backdata-pwned', 'w').write('x')\n", encoding="utf-8")
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "."],
        ["-c", "user.name=x", "-c", "user.email=x@x", "commit", "-q", "-m", "evil"],
    ):
        subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, timeout=30)
    return folder.as_uri()


def test_hub_memory_budget_and_pull_guard(proxy, tmp_path):
    """Two students on a hub in test mode: hostile one-click links plant nothing; the student who allocates
    past the memory budget has their server stopped (with a note on their hub page), the other keeps theirs."""
    import requests

    ARTIFACTS.mkdir(exist_ok=True)
    token, password = secrets.token_hex(32), secrets.token_urlsafe(16)
    repo_url, branch = hubbench.REPO.as_uri(), hubbench._pull_branch()
    hub = hubbench._Hub(
        {
            "BACKDATA_HUB_TEST": "1",
            "BACKDATA_HUB_PASSWORD": password,
            "BACKDATA_HUB_TOKEN": token,
            "BACKDATA_HUB_MEM_LIMIT": f"{BUDGET_MB}M",
            "BACKDATA_HUB_MEMORY_CHECK_S": "1",
            "BACKDATA_HUB_PULL_REPO": repo_url,
            "BACKDATA_HUB_PULL_BRANCH": branch,
        }
    )
    homes = hub.state / "homes"
    hub.env["BACKDATA_HUB_HOMES"] = str(homes)
    base, auth = hub.base, {"Authorization": f"token {token}"}
    evil = _evil_repo(tmp_path / "evil")
    names = ["hog", "calm"]
    try:
        hub.start()
        browsers = {}
        for name in names:
            b, status = hubbench._login(base, name, password)
            assert status == 302
            browsers[name] = b
            r = requests.post(f"{base}/hub/api/users/{name}/server", headers=auth, timeout=90)
            assert r.status_code in (201, 202), r.text
        deadline = time.monotonic() + 60
        while not all(_server(base, auth, n).get("ready") for n in names):
            assert time.monotonic() < deadline, "servers not ready" + hubbench._log_tail(hub.log_path)
            time.sleep(0.5)
        hub.remember_tree()

        # -- hostile links, with the student's own cookies: refused, nothing planted
        b = browsers["hog"]
        startup = "../.ipython/profile_default/startup"
        refused = {
            "other repo": f"/user/hog/git-pull/api?repo={evil}&branch=main&targetpath=backdata",
            "dot targetpath": f"/user/hog/git-pull/api?repo={repo_url}&branch={branch}&targetpath={startup}",
            "other repo, dot targetpath": f"/user/hog/git-pull/api?repo={evil}&branch=main&targetpath={startup}",
            "absolute targetpath": f"/user/hog/git-pull/api?repo={evil}&branch=main&targetpath={homes}/calm/x",
            "twice": f"/user/hog/git-pull/api?repo={repo_url}&targetpath=backdata&targetpath={startup}",
            "link": f"/hub/user-redirect/git-pull?repo={evil}&branch=main&targetpath={startup}",
        }
        for what, path in refused.items():
            r = b.get(base + path, timeout=30)
            assert r.status_code == 403, (what, r.status_code, r.url)
        assert b.get(f"{base}/user/hog/git-sync?repo={evil}", timeout=30).status_code == 404  # legacy: gone
        planted = [p for p in homes.rglob("*") if p.name in ("00-evil.py", "startup")]
        assert planted == [] and not Path("/tmp/backdata-pwned").exists(), planted

        # -- one kernel each; hog allocates past the budget
        kernels = {}
        for name in names:
            r = requests.post(f"{base}/user/{name}/api/kernels", headers=auth, json={"name": "python3"}, timeout=60)
            assert r.status_code == 201, r.text
            kernels[name] = r.json()["id"]
            ws = f"ws://127.0.0.1:{hub.port}/user/{name}/api/kernels/{kernels[name]}/channels"
            if name == "calm":
                reply = hubbench._execute_over_websocket(ws, [f"Authorization: token {token}"], "y = 1 + 1", 60)
                assert reply.get("status") == "ok", reply
                continue
            try:  # the budget may kill this kernel before it answers: the connection then drops
                hubbench._execute_over_websocket(
                    ws, [f"Authorization: token {token}"], "x = b'\\1' * (400 * 2**20)", 60
                )
            except Exception:  # noqa: BLE001 - what happens next is checked below
                pass
        hub.remember_tree()
        calm_pid = int(_server(base, auth, "calm")["state"]["pid"])
        calm_kernel = hubbench.find_kernel_pid(kernels["calm"])

        deadline = time.monotonic() + 40
        while _server(base, auth, "hog"):
            assert time.monotonic() < deadline, "the hog's server still runs" + hubbench._log_tail(hub.log_path)
            time.sleep(0.5)
        log = hub.log_path.read_text(encoding="utf-8", errors="replace")
        assert re.search(rf"student hog uses \d+ MB in \d+ processes, over the budget of {BUDGET_MB} MB", log)
        assert "student calm" not in log
        calm = _server(base, auth, "calm")
        assert calm.get("ready") and int(calm["state"]["pid"]) == calm_pid
        assert requests.get(f"{base}/user/calm/api/kernels/{kernels['calm']}", headers=auth, timeout=10).ok
        os.kill(calm_kernel, 0)  # calm's kernel is alive
        home = b.get(f"{base}/hub/home", timeout=10).text
        assert f"more than the {BUDGET_MB} MB each student may use" in home
        assert "more than the" not in browsers["calm"].get(f"{base}/hub/home", timeout=10).text
    finally:
        left = hub.stop(names, auth, log=ARTIFACTS / "hub-budget.log")
    assert left == []


def _server(base: str, auth: dict, name: str) -> dict:
    import requests

    return requests.get(f"{base}/hub/api/users/{name}", headers=auth, timeout=10).json().get("servers", {}).get("", {})
