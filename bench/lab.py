"""Real-client bench: JupyterLab / Voilà in a throw-away sandbox, driven by headless Chromium.

The browser tests (``tests/test_lab.py``, ``tests/test_voila.py``, via ``tests/browser.py``) and
:func:`measure_lab_update` share this code, so the server and browser set-up is written once:

* :func:`make_sandbox` makes a temporary Jupyter config / data / runtime / IPython dir and copies the
  notebooks folder into it (the server root), so a run leaves nothing behind in the repository or in ``~``;
* :func:`start_lab` / :func:`start_voila` start the real server process (``python -m jupyterlab`` /
  ``python -m voila``, not a shell wrapper) on a free 127.0.0.1 port, record its PID, wait until it answers;
  :meth:`Server.stop` terminates it, then kills it;
* :func:`launch_chromium` starts the system Chromium (``/usr/bin/chromium``) with playwright-python;
* :func:`lab_open_notebook`, :func:`lab_run_all`, :func:`wait_for_explorer`, :func:`explorer_view` and the
  ``explorer_*`` actions drive the explorer of ``notebooks/08-explorer.ipynb`` as a reader would.

Ports and processes: :mod:`bench.common`. Playwright is a test / development dependency
(``requirements-dev.txt``): it is imported inside the functions that need it, never at import time.
Importing this module loads the standard library and psutil only.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import REPO, free_port, stop_popen

NOTEBOOKS = REPO / "notebooks"
EXPLORER_NOTEBOOK = "08-explorer.ipynb"

log = logging.getLogger(__name__)

CHROMIUM = os.environ.get("BACKDATA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
#: JupyterLab plugins that only add noise to a headless page (the "receive Jupyter news?" toast).
LAB_DISABLED_PLUGINS = {"@jupyterlab/apputils-extension:announcements": True}

SERVER_START_TIMEOUT = 60.0  # s; a cold JupyterLab opens in ~4 s on a 2-core machine
PAGE_TIMEOUT = 45_000  # ms; notebook open + kernel start + first execution
UPDATE_TIMEOUT = 15_000  # ms; one widget update


class BenchError(RuntimeError):
    """A server, browser or page did not do what the bench expected (the message says what and where)."""


# --------------------------------------------------------------------------------------------- sandbox


@dataclass
class Sandbox:
    """A temporary home for one server: Jupyter dirs, IPython dir and the copied notebooks (``root``)."""

    path: Path
    root: Path
    env: dict[str, str]

    def cleanup(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def make_sandbox(notebooks: Path | str | None = None) -> Sandbox:
    """Copy ``notebooks`` (default: the repository's ``notebooks/``) into a fresh temporary server root.

    The environment for the server (and so for its kernels) points every Jupyter / IPython directory into
    the sandbox, drops ``MPLBACKEND`` (ipykernel picks its inline backend only when it is unset) and puts the
    repository first on ``PYTHONPATH``, so the kernel imports the working tree's ``backdata``.
    """
    src = Path(notebooks) if notebooks is not None else NOTEBOOKS
    if not src.is_dir():
        raise BenchError(f"notebooks folder not found: {src}")
    path = Path(tempfile.mkdtemp(prefix="backdata-bench-"))
    root = path / "root"
    shutil.copytree(src, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    config, data, runtime, ipython = (path / d for d in ("config", "data", "runtime", "ipython"))
    for d in (config / "labconfig", data, runtime, ipython):
        d.mkdir(parents=True, exist_ok=True)
    (config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": LAB_DISABLED_PLUGINS}, indent=1), encoding="utf-8"
    )
    # No news feed and no update check: nothing to fetch, nothing to pop up.
    lab_config = {
        "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.handlers.announcements.NeverCheckForUpdate"}
    }
    (config / "jupyter_lab_config.json").write_text(json.dumps(lab_config, indent=1), encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER_", "JPY_"))}
    env.pop("MPLBACKEND", None)
    env.update(
        JUPYTER_CONFIG_DIR=str(config),
        JUPYTER_DATA_DIR=str(data),
        JUPYTER_RUNTIME_DIR=str(runtime),
        IPYTHONDIR=str(ipython),
        JUPYTER_PLATFORM_DIRS="0",
        PYTHONPATH=os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]),
        PYTHONUNBUFFERED="1",
    )
    return Sandbox(path=path, root=root, env=env)


# --------------------------------------------------------------------------------------------- servers


@dataclass
class Server:
    """A server process started by the bench: its own PID, its URL, and its log file."""

    name: str
    proc: subprocess.Popen
    url: str
    log_path: Path
    _log: Any = field(repr=False, default=None)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self, timeout: float = 15.0) -> None:
        """Terminate the process (SIGTERM lets Jupyter shut its kernels down), then kill it if it lingers."""
        stop_popen(self.proc, timeout)
        if self._log is not None and not self._log.closed:
            self._log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except (urllib.error.URLError, OSError):
        return False


def _start(name: str, args: list[str], port: int, sandbox: Sandbox, probe: str, timeout: float) -> Server:
    log_path = sandbox.path / f"{name}-{port}.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed by Server.stop
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=sandbox.root,
        env=sandbox.env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(name=name, proc=proc, url=f"http://127.0.0.1:{port}", log_path=log_path, _log=log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            server.stop()
            raise BenchError(f"{name} exited with code {proc.returncode} before answering:\n{server.log_tail()}")
        if _answers(server.url + probe):
            return server
        time.sleep(0.2)
    server.stop()
    raise BenchError(f"{name} did not answer on {server.url} within {timeout:.0f} s:\n{server.log_tail()}")


def _start_retrying(name: str, make_args, sandbox: Sandbox, probe: str, timeout: float) -> Server:
    last: BenchError | None = None
    for _ in range(3):  # a port that was free may be taken by the time the server binds it
        port = free_port()
        try:
            return _start(name, make_args(port), port, sandbox, probe, timeout)
        except BenchError as exc:
            last = exc
            if "address already in use" not in str(exc).lower():
                raise
    assert last is not None
    raise last


def start_lab(sandbox: Sandbox, timeout: float = SERVER_START_TIMEOUT) -> Server:
    """Start JupyterLab on the sandbox root (no token, no browser, as root if need be)."""

    def args(port: int) -> list[str]:
        return [
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.token=",
            "--ServerApp.password=",
            "--allow-root",
            f"--ServerApp.root_dir={sandbox.root}",
            "--LabApp.extension_manager=readonly",
        ]

    return _start_retrying("jupyterlab", args, sandbox, "/api", timeout)


def start_voila(sandbox: Sandbox, notebook: str = EXPLORER_NOTEBOOK, timeout: float = SERVER_START_TIMEOUT) -> Server:
    """Start Voilà on one notebook of the sandbox root; the page is at :attr:`Server.url`."""
    if not (sandbox.root / notebook).is_file():
        raise BenchError(f"{notebook} is not in the sandbox root {sandbox.root}")

    def args(port: int) -> list[str]:
        return [
            "-m",
            "voila",
            notebook,
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
            "--show_tracebacks=True",
        ]

    # "/voila/static/" answers (404 or a file) without rendering, i.e. without executing, the notebook.
    return _start_retrying("voila", args, sandbox, "/voila/static/", timeout)


# --------------------------------------------------------------------------------------------- browser


def require_playwright():
    """``playwright.sync_api.sync_playwright``, or a clear error saying how to get it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise BenchError(
            "playwright-python is needed for the browser bench and tests: "
            "pip install -r requirements-dev.txt (never `playwright install`; the system Chromium is used)"
        ) from exc
    return sync_playwright


def launch_chromium(playwright, headless: bool = True):
    """Launch the system Chromium; fail with a clear message if it is not installed."""
    exe = Path(CHROMIUM)
    if not exe.is_file() or not os.access(exe, os.X_OK):
        raise BenchError(
            f"Chromium not found at {exe}: install it (Debian: apt-get install -y chromium) "
            "or point BACKDATA_CHROMIUM at a Chromium binary"
        )
    return playwright.chromium.launch(executable_path=str(exe), args=CHROMIUM_ARGS, headless=headless)


def new_page(browser, width: int = 1400, height: int = 1000):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT)
    return page


# --------------------------------------------------------------------------------------------- JupyterLab


def lab_open_notebook(page, server: Server, notebook: str = EXPLORER_NOTEBOOK) -> None:
    """Open ``lab/tree/<notebook>`` and wait until its kernel is idle (choosing the default kernel if asked)."""
    page.goto(f"{server.url}/lab/tree/{notebook}", wait_until="domcontentloaded")
    # Under load JupyterLab sometimes leaves a new kernel's status "Unknown" (its websocket never reports):
    # reload the page once and wait again before giving up.
    for attempt in range(2):
        if attempt:
            page.reload(wait_until="domcontentloaded")
        page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(state="visible")
        deadline = time.monotonic() + PAGE_TIMEOUT / 1000
        while time.monotonic() < deadline:
            # A notebook without kernel metadata asks for a kernel: take the proposed one.
            dialog = page.locator(".jp-Dialog")
            if dialog.count() and dialog.first.is_visible():
                dialog.locator("button.jp-mod-accept").first.click()
            if page.evaluate(_LAB_KERNEL_IDLE_JS):
                return
            page.wait_for_timeout(100)
    raise BenchError(
        f"the kernel of {notebook} did not become idle in JupyterLab; {page_state(page)}\n{server.log_tail()}"
    )


_LAB_KERNEL_IDLE_JS = """() => {
  // The execution indicator says "idle" even before a kernel exists ("No Kernel | Initializing"), and a Run
  // All clicked then is sometimes lost: so also ask for a kernel name and an idle kernel in the status bar.
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const name = panel.querySelector('.jp-KernelName');
  const bar = document.querySelector('#jp-main-statusbar');
  return !!ind && ind.getAttribute('data-status') === 'idle'
    && !!name && !/no kernel/i.test(name.textContent || '')
    && !!bar && /\\|\\s*Idle/.test(bar.textContent || '');
}"""


def lab_run_all(page, timeout: float = 30.0, finish: float = 120.0) -> None:
    """Run All Cells, then wait until no cell is queued or running.

    Under load JupyterLab sometimes loses the execute requests of a Run All sent while the kernel connection
    settles: the cells stay ``[*]`` while the kernel reports idle. When that lasts 8 s, Run All is sent again
    (the cells are idempotent), up to three times; if they still stay queued, the page is reloaded and Run All
    sent again (twice at most).
    """
    _click_run_all(page, timeout)
    deadline, stuck_since, resent, reloads = time.monotonic() + finish, None, 0, 0
    while time.monotonic() < deadline:
        state = page.evaluate(_LAB_QUEUE_JS)
        if not state["queued"]:
            return
        if state["idle"]:
            stuck_since = stuck_since or time.monotonic()
            if time.monotonic() - stuck_since > 8 and resent < 3:
                resent += 1
                log.warning("cells stay queued on an idle kernel; sending Run All again (%d)", resent)
                _click_run_all(page, timeout)
                stuck_since = None
            elif time.monotonic() - stuck_since > 8 and reloads < 2:
                # Resending did not help: the page lost its kernel connection. Reload it and run again.
                reloads, resent = reloads + 1, 0
                log.warning("cells stay queued after Run All was resent; reloading the page (%d)", reloads)
                page.reload(wait_until="domcontentloaded")
                page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(state="visible")
                idle_by = time.monotonic() + PAGE_TIMEOUT / 1000
                while time.monotonic() < idle_by and not page.evaluate(_LAB_KERNEL_IDLE_JS):
                    page.wait_for_timeout(100)
                _click_run_all(page, timeout)
                deadline = max(deadline, time.monotonic() + finish / 2)
                stuck_since = None
        else:
            stuck_since = None
        page.wait_for_timeout(250)
    raise BenchError(f"the notebook did not finish running in {finish:.0f} s; {page_state(page)}")


_LAB_QUEUE_JS = r"""() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const prompts = panel ? Array.from(panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')) : [];
  const ind = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
  return {queued: prompts.some(e => /\[\*\]/.test(e.textContent || '')),
          idle: !!ind && ind.getAttribute('data-status') === 'idle'};
}"""


def _click_run_all(page, timeout: float = 30.0) -> None:
    """Run → Run All Cells, through the menu bar as a reader would; checked, and retried if nothing started.

    Right after the notebook opens, the command can still be disabled (the notebook is not yet the shell's
    current widget) and a click on it does nothing: so a disabled item is closed and the menu opened again,
    and a click counts only once a cell prompt shows ``[*]`` or a number.
    """
    label = page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))
    deadline, tries = time.monotonic() + timeout, 0
    while time.monotonic() < deadline:
        tries += 1
        page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        page.locator("#jp-menu-panel .lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        item = page.locator(".lm-Menu .lm-Menu-item", has=label).first
        item.wait_for(state="visible", timeout=5_000)
        if "lm-mod-disabled" in (item.get_attribute("class") or ""):
            log.info("Run All Cells is disabled (try %d); reopening the menu", tries)
            page.keyboard.press("Escape")
            page.wait_for_timeout(250)
            continue
        item.hover()  # Lumino activates the item under the pointer on mousemove, then runs it on mouseup
        item.click()
        try:
            page.wait_for_function(_LAB_STARTED_JS, timeout=3_000)
            if tries > 1:
                log.info("Run All Cells started on try %d", tries)
            return
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: nothing started, try again
            log.warning("Run All Cells was clicked but no cell started (try %d); retrying", tries)
    raise BenchError(f"Run → Run All Cells did not start the notebook in {timeout:.0f} s; {page_state(page)}")


_LAB_STARTED_JS = """() => Array.from(document.querySelectorAll(
  '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt'))
  .some(e => /\\[(\\*|\\d+)\\]/.test(e.textContent || ''))"""


# --------------------------------------------------------------------------------------------- explorer


def wait_for_explorer(page, timeout: float = PAGE_TIMEOUT) -> None:
    """Wait until the explorer's figure (``.bd-figure svg``) and its controls are on screen.

    On a timeout the error says what the page shows instead: error outputs, cell prompts, kernel status.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.locator(".bd-figure svg").first.wait_for(state="visible", timeout=timeout)
        page.get_by_role("button", name="Next ▶").first.wait_for(state="visible", timeout=timeout)
    except PlaywrightTimeout as exc:
        raise BenchError(f"the explorer did not appear within {timeout / 1000:.0f} s; {page_state(page)}") from exc


_STATE_JS = """() => {
  const all = (sel, f) => Array.from(document.querySelectorAll(sel)).map(f);
  const txt = e => (e.textContent || '').trim().slice(0, 600);
  return {
    url: location.href,
    kernel: all('.jp-Notebook-ExecutionIndicator', e => e.getAttribute('data-status')),
    kernel_name: all('.jp-KernelName', txt),
    status_bar: all('#jp-main-statusbar', txt),
    prompts: all('.jp-CodeCell .jp-InputPrompt', txt),
    errors: all('[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output[data-mime-type*="error"],'
                + ' .jp-RenderedText[data-mime-type*="error"], .error-output, .voila-error, pre.error', txt),
    dialogs: all('.jp-Dialog', txt),
    widgets: document.querySelectorAll('.jupyter-widgets').length,
    body: txt(document.body).slice(0, 300),
  };
}"""


def page_state(page) -> str:
    """A short account of the page for error messages (kernel status, prompts, error outputs, dialogs)."""
    try:
        return json.dumps(page.evaluate(_STATE_JS), ensure_ascii=False)
    except Exception as exc:  # the page itself may be gone
        return f"(page state unavailable: {exc})"


_VIEW_JS = """() => {
  const text = sel => { const e = document.querySelector(sel); return e ? e.textContent.trim() : null; };
  const svg = document.querySelector('.bd-figure svg');
  const region = document.querySelector('.widget-dropdown select');
  const handle = document.querySelector('.widget-slider .noUi-handle, .widget-hslider .noUi-handle');
  const readout = document.querySelector('.widget-slider .widget-readout, .widget-hslider .widget-readout');
  return {
    svg_id: svg ? svg.id : null,
    view_css: text('.bd-view-css'),
    caption: text('.bd-caption'),
    plan: text('.bd-plan'),
    cautions: text('.bd-cautions'),
    region: region ? region.value : null,
    regions: region ? Array.from(region.options).map(o => o.textContent) : [],
    step: readout ? readout.textContent.trim() : null,
    step_min: handle ? handle.getAttribute('aria-valuemin') : null,
    step_max: handle ? handle.getAttribute('aria-valuemax') : null,
  };
}"""


def explorer_view(page) -> dict[str, Any]:
    """What the explorer shows now: SVG id, the layer CSS, caption, plan, cautions, region and step."""
    return page.evaluate(_VIEW_JS)


def _control(page, kind: str, label: str):
    return page.locator(f".widget-{kind}", has=page.locator(".widget-label", has_text=label)).first


def explorer_region_label(page, pattern: str = r"collar|neck") -> str:
    """The label of the first Region option matching ``pattern`` (case-insensitive)."""
    labels = _control(page, "dropdown", "Region").locator("option").all_text_contents()
    for label in labels:
        if re.search(pattern, label, re.I):
            return label
    raise BenchError(f"no Region option matches {pattern!r}: {labels}")


def explorer_select_region(page, label: str) -> None:
    _control(page, "dropdown", "Region").locator("select").select_option(label=label)


def explorer_click(page, name: str) -> None:
    """Click a button of the explorer by its text: "Next ▶", "◀ Prev", or a Mode toggle ("therapeutic")."""
    page.get_by_role("button", name=re.compile(re.escape(name), re.I)).first.click()


def wait_for_view_change(page, before: dict[str, Any], keys: tuple[str, ...], timeout: float = UPDATE_TIMEOUT):
    """Wait until one of ``keys`` of :func:`explorer_view` differs from ``before``; return the new view."""
    page.wait_for_function(
        f"([before, keys]) => {{ const v = ({_VIEW_JS})(); return keys.some(k => v[k] !== before[k]); }}",
        arg=[before, list(keys)],
        timeout=timeout,
    )
    return explorer_view(page)


# --------------------------------------------------------------------------------------------- timing

# Armed before an action: t0 is the first click / input / change event (capture phase, so before any widget
# handler); every later mutation under the explorer's output that changes the view signature is followed by
# two animation frames (the first frame showing it has then been painted); once the view has been quiet for
# QUIET ms the promise resolves with the paint time of its last change, minus t0.
_ARM_JS = """([quiet, limit]) => {
  const sig = () => {
    const t = s => { const e = document.querySelector(s); return e ? e.textContent : ''; };
    const svg = document.querySelector('.bd-figure svg');
    return [svg ? svg.id : '', t('.bd-view-css'), t('.bd-caption'), t('.bd-plan'), t('.bd-cautions')].join('\\u0001');
  };
  const fig = document.querySelector('.bd-figure');
  const root = (fig && (fig.closest('.jp-OutputArea') || fig.closest('.jp-Cell'))) || document.body;
  const start = sig();
  let t0 = null, last = start, painted = null, quietTimer = null, changes = 0;
  window.__bdResult = new Promise(resolve => {
    const finish = (why) => {
      obs.disconnect();
      for (const ev of ['click', 'input', 'change']) window.removeEventListener(ev, onInput, true);
      resolve({why, t0, painted, changes, ms: (t0 !== null && painted !== null) ? painted - t0 : null});
    };
    const onInput = () => { if (t0 === null) t0 = performance.now(); };
    for (const ev of ['click', 'input', 'change']) window.addEventListener(ev, onInput, true);
    const obs = new MutationObserver(() => {
      const now = sig();
      if (now === last) return;
      last = now; changes += 1;
      const mine = changes;
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (mine !== changes) return;  // a newer change is on its way to the screen
        painted = performance.now();
        clearTimeout(quietTimer);
        quietTimer = setTimeout(() => finish('quiet'), quiet);
      }));
    });
    obs.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
    setTimeout(() => finish('timeout'), limit);
  });
  return start.length;
}"""


def _timed(page, action, quiet_ms: int = 300, limit_ms: int = UPDATE_TIMEOUT) -> float:
    page.evaluate(_ARM_JS, [quiet_ms, limit_ms])
    action()
    result = page.evaluate("() => window.__bdResult")
    if result["ms"] is None or result["changes"] == 0:
        raise BenchError(f"the view did not change after the input within {limit_ms} ms: {result}")
    return float(result["ms"])


def _percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..100), as numpy's default."""
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _plan_actions(n: int) -> list[str]:
    """Mostly steps (alternating Next / Prev, so the step never runs off its range), a region change every 5th."""
    actions, forward = [], True
    for i in range(n):
        if i % 5 == 4:
            actions.append("region")
        else:
            actions.append("next" if forward else "prev")
            forward = not forward
    return actions


def measure_lab_update(
    n: int = 20,
    *,
    notebooks: Path | str | None = None,
    notebook: str = EXPLORER_NOTEBOOK,
    screenshot: Path | str | None = None,
) -> dict[str, Any]:
    """Time, in a live JupyterLab page, input event → new explorer view on screen, ``n`` times.

    Starts JupyterLab on a temporary copy of the notebooks folder, opens ``notebook`` in headless Chromium,
    runs all cells, then changes a choice ``n`` times (step Next / Prev alternating, a region change every
    fifth) and times each change in the page with ``performance.now()``: from the click / change event to two
    animation frames after the last mutation that changed the view (figure SVG id, layer CSS, caption, plan,
    cautions). Returns ``{"lab_update_ms_median", "lab_update_ms_p95", "lab_samples"}`` (ms, rounded to 0.1),
    plus the medians split by kind (``lab_step_ms_median``, ``lab_region_ms_median``, ``lab_region_samples``).
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    sync_playwright = require_playwright()
    samples: list[float] = []
    kinds: list[str] = []
    with make_sandbox(notebooks) as sandbox, start_lab(sandbox) as server, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = new_page(browser)
            lab_open_notebook(page, server, notebook)
            lab_run_all(page)
            wait_for_explorer(page)
            page.wait_for_timeout(500)  # let the first render settle (fonts, layout) before timing
            regions = explorer_view(page)["regions"]
            for kind in _plan_actions(n):
                view = explorer_view(page)
                if kind == "region" and len(regions) > 1:
                    current = next((r for r in regions if r == _selected_label(page)), regions[0])
                    target = regions[(regions.index(current) + 1) % len(regions)]
                    samples.append(_timed(page, lambda target=target: explorer_select_region(page, target)))
                    kinds.append("region")
                    continue
                step, lo, hi = (_number(view[k]) for k in ("step", "step_min", "step_max"))
                at_min, at_max = step is not None and step == lo, step is not None and step == hi
                if kind == "region" or at_min:
                    kind = "next"
                elif at_max:
                    kind = "prev"
                button = "Next ▶" if kind == "next" else "◀ Prev"
                samples.append(_timed(page, lambda button=button: explorer_click(page, button)))
                kinds.append("step")
            if screenshot is not None:
                Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    steps = [t for t, k in zip(samples, kinds) if k == "step"]
    regions_ms = [t for t, k in zip(samples, kinds) if k == "region"]
    return {
        "lab_update_ms_median": round(statistics.median(samples), 1),
        "lab_update_ms_p95": round(_percentile(samples, 95), 1),
        "lab_samples": len(samples),
        # The same samples split by kind: a step swaps CSS and tables; a region sends a new SVG (drawn by the
        # kernel on its first visit).
        "lab_step_ms_median": round(statistics.median(steps), 1) if steps else None,
        "lab_region_ms_median": round(statistics.median(regions_ms), 1) if regions_ms else None,
        "lab_region_samples": len(regions_ms),
    }


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _selected_label(page) -> str:
    return page.evaluate(
        "() => { const s = document.querySelector('.widget-dropdown select');"
        " return s && s.selectedOptions[0] ? s.selectedOptions[0].textContent : ''; }"
    )


if __name__ == "__main__":  # python -m bench.lab [n]
    print(json.dumps(measure_lab_update(int(sys.argv[1]) if len(sys.argv) > 1 else 20), indent=1))
