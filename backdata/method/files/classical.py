"""The classical method of :mod:`backdata.method.classical` gathered as one :class:`~backdata.core.method_type.Method`,
read from the live data (so a method file written from it follows every edit of that data)."""

from __future__ import annotations

import importlib

from backdata.core.method_type import Method
from backdata.core.model import Cite
from backdata.core.source import SOURCE_TITLE, source_lines

__all__ = ["SOURCE_NAME", "classical_method", "cite_names"]

SOURCE_NAME = "back-massage.txt"
"""The shipped source text's file name (``backdata/source/back-massage.txt``)."""

_CITE_MODULES = ("_helpers", "trunk", "upper", "cautions", "")


def classical_method() -> Method:
    """The package's own method (``backdata.REGIONS``, ``CAUTIONS``, ``RULES`` …) as a :class:`Method`."""
    from backdata.method import classical as c

    return Method(
        title="Classical back massage",
        source_title=SOURCE_TITLE,
        source_path=SOURCE_NAME,
        source_lines=source_lines(),
        regions=tuple(c.REGION_LIST),
        cautions=dict(c.CAUTIONS),
        rules=dict(c.RULES),
        session_order=tuple(c.SESSION_ORDER),
        text_order=tuple(c.TEXT_ORDER),
        text_sections=dict(c.TEXT_SECTIONS),
        closing=c.CLOSING,
        notice=c.NOTICE,
        contraindications=tuple(c.CONTRAINDICATIONS),
        contraindications_reference=c.CONTRAINDICATIONS_REFERENCE,
        source_claims_note=c.SOURCE_CLAIMS_NOTE,
        tensions=tuple(c.SOURCE_TENSIONS),
    )


def cite_names() -> dict[Cite, str]:
    """Cite → a short name, for the cites the classical modules name as constants (``SACRUM_UP`` →
    ``"sacrum_up"``): the method file lists them once under ``[cites]`` and refers to them by name."""
    names: dict[Cite, str] = {}
    for mod in _CITE_MODULES:
        module = importlib.import_module("backdata.method.classical" + (f".{mod}" if mod else ""))
        for attr, value in vars(module).items():
            if isinstance(value, Cite) and attr.lstrip("_").isupper():
                names.setdefault(value, attr.strip("_").lower())
    return names
