"""What a handout page lets through: the allow-lists and the sanitisers for notebook markdown and cell output.

Notebook markdown and the HTML a cell outputs pass an allow-list sanitiser (nh3, the binding of the Rust
``ammonia``): only the tags and attributes below reach a page; ``<script>``, ``<meta>``, ``<iframe>``,
``<object>``, ``on*=`` attributes and ``javascript:``/``data:`` links never do. Links keep relative paths,
``#fragments`` and http(s)/mailto. The views a page composes itself (radio buttons, the region drawings, see
:mod:`backdata.publish.blocks`) are built by our code from the data, with every datum escaped, and are not
sanitised.
"""

from __future__ import annotations

import nh3

__all__ = [
    "MARKDOWN_ATTRIBUTES",
    "MARKDOWN_TAGS",
    "OUTPUT_ATTRIBUTES",
    "OUTPUT_TAGS",
    "sanitize_markdown_html",
    "sanitize_output_html",
]

_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "object",
        "embed",
        "noscript",
        "textarea",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "math",
    }
)

MARKDOWN_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "br",
        "hr",
        "a",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "del",
        "s",
        "code",
        "pre",
        "kbd",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "details",
        "summary",
        "sup",
        "sub",
        "div",
        "span",
    }
)
"""Tags notebook markdown may use (what the collection's notebooks and nbconvert's renderer write)."""
MARKDOWN_ATTRIBUTES = {
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
    "div": {"class"},
    "span": {"class"},
    "code": {"class"},
    "details": {"open"},
}
"""Attributes per tag: heading ids (the contents links point at them), link targets, table alignment, code
highlighting classes."""

_SVG_TAGS = frozenset(
    {
        "svg",
        "g",
        "path",
        "use",
        "text",
        "defs",
        "rect",
        "clipPath",
        "pattern",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "desc",
        "tspan",
    }
)
OUTPUT_TAGS = (
    MARKDOWN_TAGS
    | _SVG_TAGS
    | frozenset(
        {
            "caption",
            "colgroup",
            "col",
            "figure",
            "figcaption",
            "small",
            "fieldset",
            "legend",
            "input",
            "label",
            "dl",
            "dt",
            "dd",
            "img",
            "section",
            "aside",
            "abbr",
            "mark",
            "sub",
            "sup",
            "u",
            "q",
            "cite",
            "var",
        }
    )
)
"""Tags a cell's HTML output may use: markdown's, plus the tables, figures (inline SVG), notices and self-check
questions the collection's own glue writes."""
_ALL = {
    "id",
    "class",
    "style",
    "role",
    "aria-label",
    "aria-live",
    "aria-hidden",
    "aria-describedby",
    "title",
    "lang",
    "dir",
    "data-step",
}
_GEOMETRY = {"x", "y", "width", "height", "transform", "fill", "stroke", "clip-path", "opacity"}
OUTPUT_ATTRIBUTES = {
    "*": _ALL,
    "a": {"href"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "table": {"border"},
    "details": {"open"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "name", "value", "checked", "disabled"},
    "label": {"for"},
    "svg": {"viewBox", "xmlns", "xmlns:xlink", "version", "preserveAspectRatio", "focusable", "width", "height"},
    "g": _GEOMETRY,
    "path": _GEOMETRY | {"d"},
    "rect": _GEOMETRY,
    "text": _GEOMETRY,
    "tspan": _GEOMETRY,
    "use": _GEOMETRY | {"href", "xlink:href"},
    "clipPath": {"clipPathUnits"},
    "pattern": _GEOMETRY | {"patternUnits", "patternTransform"},
    "circle": _GEOMETRY | {"cx", "cy", "r"},
    "ellipse": _GEOMETRY | {"cx", "cy", "rx", "ry"},
    "line": _GEOMETRY | {"x1", "y1", "x2", "y2"},
    "polyline": _GEOMETRY | {"points"},
    "polygon": _GEOMETRY | {"points"},
}


def _urls_ok(tag: str, attr: str, value: str) -> str | None:
    """No ``data:`` image or link from a cell (the pages' own images are written by our code); SVG ``<use>``
    may only point inside the page."""
    if attr in ("href", "xlink:href", "src"):
        v = value.strip().lower()
        if v.startswith("data:") or (tag == "use" and not v.startswith("#")):
            return None
    return value


def sanitize_markdown_html(markup: str) -> str:
    """Rendered notebook markdown, cut to :data:`MARKDOWN_TAGS` and :data:`MARKDOWN_ATTRIBUTES`."""
    return nh3.clean(
        markup,
        tags=set(MARKDOWN_TAGS),
        attributes={k: set(v) for k, v in MARKDOWN_ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        link_rel=None,
        strip_comments=True,
        attribute_filter=_urls_ok,
        filter_style_properties={"text-align"},
    )


def sanitize_output_html(markup: str) -> str:
    """A cell's HTML (or SVG) output, cut to :data:`OUTPUT_TAGS` and :data:`OUTPUT_ATTRIBUTES`."""
    return nh3.clean(
        markup,
        tags=set(OUTPUT_TAGS),
        attributes={k: set(v) for k, v in OUTPUT_ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        clean_content_tags=set(_DROP_WITH_CONTENT) - {"style"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=_urls_ok,
    )
