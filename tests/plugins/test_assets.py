"""assets: the CSS bundle and the scripts readers download are compact and unchanged in effect.

The browser tests (search, date picker, counter, page jump) run the compacted
scripts in Chromium; these tests pin what compaction may and may not touch.
"""

from __future__ import annotations

import pytest

from assets.assets import compact_js, minify


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("a { color: red; margin: 0.5rem 0; }", "a{color:red;margin:.5rem 0}"),
        (":root { --space-1: 0.25rem; }", ":root{--space-1:.25rem}"),
        (
            "@media (min-width: 56rem) { .x { gap: 10.5rem; } }",
            "@media (min-width:56rem){.x{gap:10.5rem}}",
        ),
        # A space before a colon is a descendant selector: it must stay.
        (".site-header :focus-visible { outline: 0; }", ".site-header :focus-visible{outline:0}"),
        (
            "@media print { a::after { content: ' (' attr(href) ')'; } }",
            "@media print{a::after{content:' (' attr(href) ')'}}",
        ),
        ("p { color: rgba(255, 255, 255, 0.16); }", "p{color:rgba(255,255,255,.16)}"),
        ("/* note */ b { width: calc(100vw - 2rem); }", "b{width:calc(100vw - 2rem)}"),
    ],
)
def test_minify_drops_only_needless_characters(css, expected):
    assert minify(css) == expected


def test_compact_js_drops_comment_lines_and_indentation():
    js = (
        "// What this script does.\n"
        "(function () {\n"
        '  "use strict";\n'
        "  // A comment with ``code`` in it.\n"
        "  var url = 'https://example.vn/a'; // kept: not a whole-line comment\n"
        "\n"
        "  return url\n"
        "})();\n"
    )
    assert compact_js(js) == (
        '(function () {\n"use strict";\n'
        "var url = 'https://example.vn/a'; // kept: not a whole-line comment\n"
        "return url\n})();\n"
    )


@pytest.mark.parametrize(
    "js",
    [
        "var a = `first\n  second`;\n",  # a template literal keeps its indentation
        "var a = 'first \\\n  second';\n",  # a string continued on the next line
    ],
)
def test_compact_js_leaves_multi_line_strings_alone(js):
    assert compact_js(js) == js
