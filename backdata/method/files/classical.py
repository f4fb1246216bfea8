"""The package's own method, shipped as a method file (``backdata/method/classical.toml``) and loaded like any
other: :func:`classical_method`; :func:`init_text` is that file as ``backdata method init FILE`` writes it."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from backdata.core.method_type import Method
from backdata.method.files import load_method
from backdata.method.files.emit import q

__all__ = ["SHIPPED", "SOURCE_NAME", "classical_method", "init_text", "shipped_path"]

SOURCE_NAME = "back-massage.txt"
"""The shipped source text's file name (``backdata/source/back-massage.txt``)."""
SHIPPED = "classical.toml"
"""The classical method's file name in ``backdata/method/``: every number of the method lives there, once."""


def shipped_path() -> Path:
    """The path of the shipped method file (its ``source`` is ``../source/back-massage.txt``)."""
    return Path(str(resources.files("backdata.method").joinpath(SHIPPED)))


@cache
def classical_method() -> Method:
    """The package's own method (the classical method of the source text), read from the shipped file."""
    return load_method(shipped_path())


def init_text(file: str = "FILE", source: str = SOURCE_NAME) -> str:
    """The shipped method file, comments and all, for a copy named ``file`` whose source text is at ``source``
    (relative to it; ``method init`` puts the shipped text beside the copy)."""
    text = shipped_path().read_text(encoding="utf-8")
    text, n = re.subn(r'(?m)^source = ".*"$', lambda _: f"source = {q(source)}", text, count=1)
    check = r"(?m)^(# Edit it, then check it: +backdata method check ).*$"
    text, k = re.subn(check, lambda m: m.group(1) + file, text, count=1)
    assert n == k == 1, "the shipped method file lost its source line or its header"
    return text
