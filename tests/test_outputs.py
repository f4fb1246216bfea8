"""Output folders: nothing of the user's is ever lost; short errors; umask modes; no debris; one build at a time.

Every case runs in a temporary folder or a temporary clone of the project, never in the checkout itself.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest

from backdata.__main__ import main
from backdata.core.errors import BackdataError
from backdata.publish import figures as figs
from backdata.publish.files import LOCK, MARKER, foreign_files, replace_dir, write_atomic, write_marker

ROOT = Path(__file__).resolve().parents[1]


def _marked(folder: Path, files: dict[str, str]) -> Path:
    """A folder as a previous build left it: the files and the marker listing them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    write_marker(folder)
    return folder


def _cli(capsys, *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().err


def _short(err: str) -> None:
    """One or two lines, no traceback."""
    assert "Traceback" not in err and 1 <= len(err.strip().splitlines()) <= 2, err


def _debris(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".new-" in p.name or ".old-" in p.name)


# --- The marker rule -----------------------------------------------------------------------------------------


def test_marker_rule(tmp_path):
    assert foreign_files(tmp_path / "missing") == []
    (tmp_path / "empty").mkdir()
    assert foreign_files(tmp_path / "empty") == []
    out = _marked(tmp_path / "out", {"a.png": "x", "student/01.ipynb": "{}"})
    assert json.loads((out / MARKER).read_text())["files"] == ["a.png", "student/01.ipynb"]
    assert foreign_files(out) == []
    (out / "a.png").unlink()
    assert foreign_files(out) == [], "a listed file that is gone is fine"
    (out / "notes.txt").write_text("mine")
    (out / "student" / "mine.ipynb").write_text("{}")
    (out / "drafts").mkdir()
    assert foreign_files(out) == ["drafts/", "notes.txt", "student/mine.ipynb"]
    (out / MARKER).write_text("not json")
    assert "student/01.ipynb" in foreign_files(out), "a broken marker protects nothing"
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "sub").mkdir()
    assert foreign_files(plain) == ["sub/"], "a folder without the marker is the user's, even holding only folders"


def test_marker_is_deterministic(tmp_path):
    a = _marked(tmp_path / "a", {"b.svg": "1", "a.svg": "2"})
    b = _marked(tmp_path / "b", {"a.svg": "3", "b.svg": "4"})
    assert (a / MARKER).read_bytes() == (b / MARKER).read_bytes()


def test_replace_dir_refuses_before_the_work(tmp_path):
    target = tmp_path / "figures"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    ran = []
    with pytest.raises(BackdataError, match=r"refusing to replace .*figures.*notes\.txt.*--out"), replace_dir(target):
        ran.append(1)
    assert not ran and (target / "notes.txt").read_text() == "mine"
    assert _debris(tmp_path) == []


def test_replace_dir_replaces_its_own_output_and_marks_it(tmp_path):
    target = _marked(tmp_path / "slides", {"index.html": "old", "old.html": "old"})
    with replace_dir(target) as work:
        write_atomic(work / "index.html", "new")
    assert sorted(p.name for p in target.iterdir()) == [MARKER, "index.html"]
    assert json.loads((target / MARKER).read_text())["files"] == ["index.html"]
    assert _debris(tmp_path) == []


# --- The command line ----------------------------------------------------------------------------------------


def test_figures_out_dot_in_a_clone_keeps_git_and_the_users_files(tmp_path):
    """The default build in a fresh clone works (figures/ carries the committed marker), leaves .git and a user's
    files alone, and leaves the clone clean: the marker it writes is byte-identical to the committed one."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    (clone / "notes.txt").write_text("my course notes")
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from backdata.__main__ import main; sys.exit(main())"
    run = subprocess.run(
        [sys.executable, "-c", code, "figures", "--out", "."],
        cwd=clone,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert (clone / ".git" / "HEAD").exists() and (clone / "notes.txt").read_text() == "my course notes"
    assert (clone / "figures" / "lumbar-therapeutic-04-kneading.png").exists()
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=clone, check=True, capture_output=True, text=True
    ).stdout
    assert status.splitlines() == ["?? notes.txt"], status
    assert _debris(clone) == []


def test_refuses_a_figures_folder_with_a_users_file(tmp_path, capsys):
    mine = tmp_path / "course" / "figures" / "my-drawing.png"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"precious")
    status, err = _cli(capsys, "figures", "--out", str(tmp_path / "course"))
    assert status == 1 and "my-drawing.png" in err and "refusing" in err and "--out" in err
    _short(err)
    assert mine.read_bytes() == b"precious"


def test_build_refuses_up_front_when_any_output_holds_a_users_file(tmp_path, capsys):
    """build checks all four folders before the long work: the marked figures stay as they were."""
    figures = _marked(tmp_path / "figures", {"old.png": "old"})
    (tmp_path / "editions").mkdir()
    (tmp_path / "editions" / "lesson-plan.ipynb").write_text("{}")
    status, err = _cli(capsys, "build", "--out", str(tmp_path), "--notebooks", str(ROOT / "notebooks"))
    assert status == 1 and "editions" in err and "lesson-plan.ipynb" in err
    _short(err)
    assert (figures / "old.png").read_text() == "old"


def test_out_is_a_regular_file(tmp_path, capsys):
    f = tmp_path / "course.txt"
    f.write_text("mine")
    status, err = _cli(capsys, "figures", "--out", str(f))
    assert status == 1 and "is a file" in err and "choose a folder" in err
    _short(err)
    assert f.read_text() == "mine"
    status, err = _cli(capsys, "figures", "--out", str(f / "sub"))
    assert status == 1 and "cannot create the output folder" in err and "writable --out" in err
    _short(err)


def test_out_is_unwritable(capsys):
    status, err = _cli(capsys, "figures", "--out", "/proc/x")
    assert status == 1 and "/proc/x" in err and "writable --out" in err
    _short(err)


def test_full_disk(tmp_path, capsys, monkeypatch):
    previous = _marked(tmp_path / "figures", {"old.png": "old"})

    def few(style_name="projector"):
        yield "a.svg", b"<svg/>"
        yield "a.png", b"png"

    real = Path.write_bytes

    def full(self, data):
        if self.suffix == ".png":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data)

    monkeypatch.setattr(figs, "iter_figures", few)
    monkeypatch.setattr(Path, "write_bytes", full)
    status, err = _cli(capsys, "figures", "--out", str(tmp_path))
    assert status == 1 and "No space left on device" in err and "free some space" in err
    _short(err)
    assert sorted(p.name for p in previous.iterdir()) == [MARKER, "old.png"], "the previous output is intact"
    assert _debris(tmp_path) == []


def test_missing_notebooks_folder(tmp_path, capsys):
    status, err = _cli(capsys, "build", "--out", str(tmp_path / "out"), "--notebooks", str(tmp_path / "nope"))
    assert status == 1 and "nope" in err and "does not exist" in err and "--notebooks" in err
    _short(err)
    assert not (tmp_path / "out").exists(), "checked before anything is written"


def test_debug_shows_the_traceback_and_usage_errors_exit_2(tmp_path, monkeypatch, capsys):
    f = tmp_path / "file"
    f.write_text("")
    with pytest.raises(BackdataError):
        main(["figures", "--out", str(f), "--debug"])
    monkeypatch.setenv("BACKDATA_DEBUG", "1")
    with pytest.raises(BackdataError):
        main(["figures", "--out", str(f)])
    with pytest.raises(SystemExit) as exc:
        main(["figures", "--no-such-option"])
    assert exc.value.code == 2


# --- Modes, debris, the lock ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("mask", "dirs", "files"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_modes_follow_the_umask(tmp_path, mask, dirs, files):
    old = os.umask(mask)
    try:
        target = tmp_path / "editions"
        with replace_dir(target) as work:
            write_atomic(work / "student" / "01.ipynb", "{}")
            (work / "plain.txt").write_text("x")
    finally:
        os.umask(old)
    assert (target.stat().st_mode & 0o777) == dirs
    assert (target / "student").stat().st_mode & 0o777 == dirs
    for f in ("student/01.ipynb", "plain.txt", MARKER):
        assert (target / f).stat().st_mode & 0o777 == files, f


def test_a_killed_build_leaves_debris_the_next_build_removes(tmp_path):
    target = _marked(tmp_path / "handouts", {"index.html": "previous"})
    killed = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from backdata.publish.files import replace_dir
        with replace_dir({str(target)!r}) as work:
            (work / "index.html").write_text("half")
            os.kill(os.getpid(), signal.SIGKILL)
        """)
    run = subprocess.run([sys.executable, "-c", killed], check=False, capture_output=True, timeout=60)
    assert run.returncode == -signal.SIGKILL
    assert (target / "index.html").read_text() == "previous"
    assert _debris(tmp_path), "the killed build left its folder"
    (tmp_path / ".handouts.old-999999999-dead").mkdir()  # as if killed during the swap
    with replace_dir(target) as work:
        (work / "index.html").write_text("new")
    assert _debris(tmp_path) == []
    assert (target / "index.html").read_text() == "new"


def test_two_builds_at_once_give_one_whole_build(tmp_path):
    """The second waits for the first (and says so); both end cleanly; every file is from the same build."""
    target = tmp_path / "figures"
    started = tmp_path / "started"
    build = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from backdata.publish.files import replace_dir
        with replace_dir({str(target)!r}) as work:
            Path({str(started)!r}).touch()
            for i in range(10):
                (work / f"{{i:02d}}.svg").write_text(str(os.getpid()))
                time.sleep(0.1)
        """)
    first = subprocess.Popen([sys.executable, "-c", build], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not started.exists():
        assert time.monotonic() < deadline and first.poll() is None, "the first build did not start"
        time.sleep(0.02)
    second = subprocess.Popen([sys.executable, "-c", build], stderr=subprocess.PIPE, text=True)
    err1, err2 = first.communicate(timeout=60)[1], second.communicate(timeout=60)[1]
    assert first.returncode == 0 and second.returncode == 0, (err1, err2)
    assert "another build is writing" in err2 and "waiting" in err2
    names = sorted(p.name for p in target.iterdir())
    assert names == [MARKER] + [f"{i:02d}.svg" for i in range(10)]
    assert {(target / n).read_text() for n in names if n != MARKER} == {str(second.pid)}
    assert _debris(tmp_path) == [] and (tmp_path / LOCK).exists()
    assert foreign_files(target) == [], "the lock file is not part of an output folder"


# --- A failing notebook --------------------------------------------------------------------------------------


def test_a_failing_notebook_names_the_file_and_the_cell(tmp_path):
    from backdata.publish.handout import build_handouts

    books = tmp_path / "notebooks"
    books.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A broken lesson"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("\n1/0  # the broken line\nprint('never')"),
    ]
    nbformat.write(nb, books / "00-broken.ipynb")
    previous = _marked(tmp_path / "out" / "handouts", {"index.html": "previous"})
    with pytest.raises(BackdataError) as exc:
        build_handouts(tmp_path / "out", books)
    msg = str(exc.value)
    assert "00-broken.ipynb" in msg and "cell 3" in msg and "1/0  # the broken line" in msg, msg
    assert "ZeroDivisionError" in msg and "\x1b[" not in msg and "\n" not in msg, msg
    assert (previous / "index.html").read_text() == "previous"
    assert _debris(tmp_path / "out") == []
