"""The class hub (``deploy/``): the production config loads and starts; the test mode serves three students
who log in, get a server, pull the notebooks with the nbgitpuller link and each run the explorer.

Needs the proxy from the npm registry (``npm install --prefix deploy configurable-http-proxy@5.3.0``): the
tests fail, not skip, without it. Writes ``test-artifacts/hub.json`` (the measurement) and the hubs' logs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backdata import hubbench

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
STUDENTS = 3


@pytest.fixture(scope="module")
def proxy() -> Path:
    if not os.access(hubbench.PROXY, os.X_OK):
        pytest.fail(f"configurable-http-proxy is missing at {hubbench.PROXY}: run `{hubbench.PROXY_INSTALL}` "
                    f"in {REPO} (CI does it in .ci/run)", pytrace=False)
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
    except Exception as e:
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
    }
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def configs(tmp_path_factory) -> dict:
    """deploy/jupyterhub_config.py loaded into a JupyterHub app (in a fresh interpreter), once per case, with
    only that case's BACKDATA_HUB_* variables set: what each configured, or the error it raised."""
    state = tmp_path_factory.mktemp("hub-state")
    cases = {
        "production": {},
        "test": {"BACKDATA_HUB_TEST": "1", "BACKDATA_HUB_STATE": str(state), "BACKDATA_HUB_PORT": "18000",
                 "BACKDATA_HUB_PASSWORD": "a-test-password"},
        "test_without_state": {"BACKDATA_HUB_TEST": "1"},
    }
    out = subprocess.run([sys.executable, "-c", _LOAD, str(hubbench.HUB_CONFIG), json.dumps(cases)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    loaded["state"] = state
    return loaded


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
    assert cfg["bind_url"] == "http://:8000/"
    assert "idle-culler" in cfg["services"]


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
