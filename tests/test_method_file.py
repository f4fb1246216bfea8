"""Method files (issue 13): the classical method shipped as TOML (``backdata/method/classical.toml``) and loaded
like any other; written back by ``dump_method`` and read back equal; ``method init`` gives the shipped file; the
checker's problems, each with its line and key path; the variant methods; ``backdata method init|check``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import backdata as bd
from backdata.core.method_type import Problem
from backdata.core.model import Cite, Mode
from backdata.core.source import quote_problem
from backdata.method import classical
from backdata.method.files import check_method, check_text, dump_method, load_method
from backdata.method.files.classical import init_text, shipped_path
from backdata.method.files.locate import find_line, key_lines, show_path
from backdata.publish.cli import main

METHODS = Path(__file__).parent / "methods"
SOURCE = Path(bd.__file__).parent / "source" / "back-massage.txt"


@pytest.fixture(scope="module")
def dumped(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("method")
    shutil.copy(SOURCE, folder / "back-massage.txt")
    path = folder / "classical.toml"
    path.write_text(dump_method(file=path.name, source="back-massage.txt"), encoding="utf-8")
    return path


def test_the_package_loads_the_shipped_file():
    """The classical method is the shipped file, loaded by load_method like any other method."""
    assert check_method(shipped_path()) == []
    m = load_method(shipped_path())
    assert m == classical.METHOD == bd.current_method()
    assert m.regions == classical.REGION_LIST == tuple(bd.REGIONS.values())
    assert dict(m.cautions) == dict(bd.CAUTIONS) and m.session_order == bd.SESSION_ORDER
    sections = classical.TEXT_SECTIONS
    assert tuple(sections) == classical.TEXT_ORDER == tuple(sorted(sections, key=lambda n: sections[n].lines))
    text = shipped_path().read_text(encoding="utf-8")
    assert '{landmark = "scapula_inferior_angle_right", dx = ' in text  # the rubbing at the angle follows the bone
    assert "[cites]" in text and 'intensity_cite = "editorial_intensity"' in text


def test_round_trip_gives_the_live_data(dumped):
    m = load_method(dumped)
    assert m == classical.METHOD
    assert m.regions == tuple(bd.REGIONS.values())  # same dataclasses, same values, same order
    assert [type(r) for r in m.regions] == [bd.Region] * len(bd.REGIONS)
    assert dict(m.cautions) == dict(classical.CAUTIONS)
    assert dict(m.rules) == dict(classical.RULES)
    assert m.session_order == classical.SESSION_ORDER
    assert m.text_order == classical.TEXT_ORDER
    assert dict(m.text_sections) == dict(classical.TEXT_SECTIONS)
    assert m.closing == classical.CLOSING
    assert m.tensions == classical.SOURCE_TENSIONS
    assert (m.notice, m.contraindications) == (classical.NOTICE, classical.CONTRAINDICATIONS)
    assert m.region_map.keys() == bd.REGIONS.keys()
    # a region's cautions are the method's own objects, shared like CAUTIONS' are
    assert all(c is m.cautions[c.key] for r in m.regions for c in r.cautions)


def test_dump_is_commented_deterministic_toml(dumped):
    text = dumped.read_text(encoding="utf-8")
    assert text == dump_method(file=dumped.name, source="back-massage.txt")
    data = tomllib.loads(text)
    assert list(data["regions"]) == list(bd.REGIONS)
    for field in ("course:", "target:", "minutes:", "total.<mode>:", "technique:", "zones:", "sides:"):
        assert f"# {field}" in text, field
    assert "{level = " in text  # points on a level are written on it
    assert check_method(dumped) == []


def test_dump_writes_the_method_it_is_given():
    """An edited method is what the writer writes, and it reads back equal."""
    from dataclasses import replace

    edited = replace(classical.REGION_LIST[0], title="Edited title")
    method = replace(classical.METHOD, regions=(edited, *classical.REGION_LIST[1:]))
    text = dump_method(method)
    assert 'title = "Edited title"' in text and 'title = "Edited title"' not in dump_method()
    back, problems = check_text(text, "edited.toml", SOURCE.parent)
    assert problems == [] and back == method


def test_init_writes_the_shipped_file(tmp_path):
    """``method init`` copies the shipped file (its comments, named cites and landmark forms), its source path
    pointing at the copy of the text beside it; loaded, it is the default method."""
    path = tmp_path / "mine.toml"
    assert main(["method", "init", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text == init_text(file="mine.toml")
    shipped = shipped_path().read_text(encoding="utf-8")
    assert (
        text.replace('source = "back-massage.txt"', 'source = "../source/back-massage.txt"').replace(
            "check mine.toml", "check classical.toml"
        )
        == shipped
    )
    assert load_method(path) == bd.current_method() == classical.METHOD


# (file in tests/methods/broken, line, key path, words of the message)
BROKEN = [
    (
        "technique",
        38,
        "regions.lower_back.steps[2].technique",
        "unknown technique 'kneeding': did you mean 'kneading'?",
    ),
    ("landmark", 28, "regions.lower_back.lines[1].course[3].landmark", "did you mean 'psis_right'?"),
    ("level", 26, "regions.lower_back.lines[1].course[1].level", "unknown vertebral level 'L 2': did you mean 'L2'?"),
    (
        "target",
        21,
        "regions.lower_back.lines[1].target",
        "unknown lymph-node target 'inguinale': did you mean 'inguinal'?",
    ),
    ("caution", 14, "regions.lower_back.cautions[1]", "did you mean 'spinous_processes'?"),
    ("unknown-key", 7, "regions.lower_back.titel", "unknown key 'titel': did you mean 'title'?"),
    ("minutes-text", 35, "regions.lower_back.steps[1].minutes.min", "got text '1 min': write 1 without quotes"),
    ("min-over-max", 35, "regions.lower_back.steps[1].minutes", "min 3 is more than max 2"),
    ("negative", 35, "regions.lower_back.steps[1].minutes.min", "min must be 0 or more, got -1"),
    ("over-total", 15, "regions.lower_back.total.hygienic", "add up to at least 7 min in hygienic mode, more than"),
    ("spine", 27, "regions.lower_back.lines[1].course[2]", "crosses the spine between points 1 and 2"),
    ("on-spine", 26, "regions.lower_back.lines[1].course[1]", "lies on the spinous processes"),
    ("quote", 40, "regions.lower_back.steps[2].cite.quote", "quote 'Then knead the back' is not on line(s) [100]"),
    ("step-line", 39, "regions.lower_back.steps[2].lines[2]", "line 2 does not exist in region 'lower_back'"),
    ("source", 3, "source", "the source text 'my-text.txt' cannot be read (not found"),
    ("color", 15, "regions.lower_back.color", "unknown colour 'skyblue': did you mean 'sky_blue'?"),
    ("hatch", 15, "regions.lower_back.hatch", "a hatch is up to 4 of the marks"),
    ("syntax", 22, "", "TOML syntax error (column 13): Invalid value"),
    ("empty", 0, "", "the file is empty"),
    ("only-comments", 0, "", "the file has no keys"),
]


@pytest.mark.parametrize(("name", "line", "key", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_gives_its_error_with_its_line(name, line, key, words):
    path = METHODS / "broken" / f"{name}.toml"
    problems = check_method(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    (p,) = problems
    assert (p.file, p.line, p.key) == (str(path), line, key)
    assert words in p.message
    where = f"{path}:{line}" if line else str(path)
    assert str(p) == (f"{where}: {key}: {p.message}" if key else f"{where}: {p.message}")
    with pytest.raises(bd.BackdataError, match="problem"):
        load_method(path)


def test_every_problem_at_once():
    problems = check_method(METHODS / "broken" / "several.toml")
    assert [(p.line, p.key.rpartition(".")[2]) for p in problems] == [(21, "target"), (35, "min"), (38, "technique")]


def test_minimal_method_is_sound():
    m = load_method(METHODS / "minimal.toml")
    (reg,) = m.regions
    assert (reg.name, reg.extent, [s.technique.value for s in reg.steps]) == (
        "lower_back",
        ("L1", "S2"),
        ["stroking", "kneading"],
    )
    assert reg.lines[0].points[0] == bd.Point(3 / 45.6, bd.LEVELS["L2"])  # {level = "L2", x_cm = 3}
    assert [ln.label for ln in reg.lines] == ["1R", "1L"] and reg.lines[1].points[0].x < 0
    assert len(reg.zones) == 1  # no zones given: the band of its extent


def test_variant_durations():
    assert check_method(METHODS / "durations.toml") == []
    m = load_method(METHODS / "durations.toml")
    regions = m.region_map
    assert regions["lumbar"].title == "Lower back and sacrum"
    assert regions["preliminary"].total[Mode.hygienic].minutes == (4, 5)
    assert regions["lumbar"].total[Mode.hygienic].minutes == (6, 8)
    kneading = next(s for s in regions["collar"].steps if s.technique.value == "kneading")
    assert kneading.minutes.minutes == (5, 8)
    assert [r.name for r in m.regions] == list(bd.REGIONS)


def test_variant_new_region():
    assert check_method(METHODS / "new-region.toml") == []
    m = load_method(METHODS / "new-region.toml")
    assert "scapula" not in m.region_map and "scapula" not in m.session_order + m.text_order
    buttocks = m.region_map["buttocks"]
    assert buttocks.line_numbers() == (1, 2) and len(buttocks.steps) == 3
    assert m.session_order[:3] == ("preliminary", "buttocks", "lumbar") and m.text_order[-1] == "buttocks"
    assert buttocks.lines[0].points[1] == bd.Point(10 / 45.6, bd.LEVELS["S1"] + 0.03)
    assert (buttocks.color, buttocks.hatch) == (None, None), "the theme chooses"


def test_a_region_chooses_its_colour_and_hatch():
    text = (METHODS / "minimal.toml").read_text(encoding="utf-8")
    text = text.replace('title = "Lower back"\n', 'title = "Lower back"\ncolor = "Blue"\nhatch = "xx"\n', 1)
    method, problems = check_text(text, folder=METHODS)
    assert problems == [] and method is not None
    reg = method.region_map["lower_back"]
    assert (reg.color, reg.hatch) == ("blue", "xx")
    again, _ = check_text(dump_method(method), folder=METHODS)
    assert again is not None and again.region_map["lower_back"] == reg, "dump_method writes them back"
    from backdata.views import theme

    with bd.using(method):
        assert (theme.region_color("lower_back"), theme.region_hatch("lower_back")) == (theme.OKABE_ITO["blue"], "xx")
        assert bd.validate() == []


def test_locator_names_arrays_from_one():
    text = 'a = 1\n[b]\nc = [\n  [1, 2],\n  {x = 3},\n]\n[[d]]\ne = "x"\n[[d]]\ne = """\\\n  y"""\nf = 2\n'
    lines = key_lines(text)
    assert lines[("b", "c", 2, "x")] == 5 and lines[("d", 2, "e")] == 10 and lines[("d", 2, "f")] == 12
    assert find_line(lines, ("b", "c", 1, "nothing")) == 4
    assert show_path(("regions", "lumbar", "lines", 3, "target")) == "regions.lumbar.lines[3].target"


def test_quotes_checked_against_any_text():
    cite = Cite((2,), "own words")
    assert quote_problem(cite, ["first line", "my own words here"]) is None
    assert "not on source line(s) [2]" in quote_problem(cite, ["first line", "other"])
    assert "beyond the text's 1 lines" in quote_problem(cite, ["only one"])


def test_check_text_without_a_file():
    method, problems = check_text("title = 3\n", "x.toml")
    assert method is None
    assert Problem("x.toml", 1, "title", "must be text in quotes, got a number 3") in problems
    assert any("'source' is missing" in p.message and p.line == 0 for p in problems)


def test_cli_init_and_check(tmp_path, capsys):
    path = tmp_path / "mine.toml"
    assert main(["method", "init", str(path)]) == 0
    assert (tmp_path / "back-massage.txt").read_bytes() == SOURCE.read_bytes()
    assert main(["method", "init", str(path)]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    path.write_text("edited", encoding="utf-8")
    assert main(["method", "init", str(path), "--force"]) == 0
    capsys.readouterr()
    assert main(["method", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.strip().count("\n") == 0 and "no problems" in out and "5 regions" in out
    bad = METHODS / "broken" / "technique.toml"
    assert main(["method", "check", str(bad)]) == 1
    assert (
        capsys.readouterr().out
        == f"{bad}:38: regions.lower_back.steps[2].technique: " + check_method(bad)[0].message + "\n"
    )


def test_cli_check_no_traceback():
    out = subprocess.run(
        [sys.executable, "-m", "backdata", "method", "check", str(METHODS / "broken" / "syntax.toml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1 and "Traceback" not in out.stdout + out.stderr
    assert out.stdout.startswith(f"{METHODS / 'broken' / 'syntax.toml'}:22: TOML syntax error")


def test_validate_unchanged():
    assert bd.validate() == []
