"""Bundle the theme's CSS into one fingerprinted file.

The sources stay split by concern (tokens, base, layout, components, print);
readers on slow phones get a single small request whose name changes whenever
its content does, so it can be cached forever.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pelican import signals

DEFAULT_CSS = [
    "tokens.css",
    "base.css",
    "layout.css",
    "components.css",
    "components/*.css",
    "print.css",
]
# Files whose rules only apply to paper (the "Bản in" view).
PRINT_ONLY = {"print.css"}
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([{};,>])\s*")
# "{color: red" -> "{color:red", "(min-width: 56rem)" -> "(min-width:56rem)";
# a selector such as "a :focus" (space before the colon) is left alone.
_AFTER_COLON = re.compile(r"([{;(]-*[a-zA-Z][-\w]*):\s+")
_LEADING_ZERO = re.compile(r"(?<![\w.#-])0\.(?=\d)")


def minify(css: str) -> str:
    """Drop comments and needless white space (no rewriting of rules)."""
    css = _COMMENT.sub("", css)
    css = _SPACE.sub(" ", css)
    css = _AROUND.sub(r"\1", css).replace(";}", "}").strip()
    return _LEADING_ZERO.sub(".", _AFTER_COLON.sub(r"\1:", css))


def compact_js(js: str) -> str:
    """Drop whole-line ``//`` comments and indentation; the code stays as written.

    Line breaks are kept (automatic semicolons work as before). A script with a
    template literal or a string continued over lines is returned unchanged.
    """
    code = [line.strip() for line in js.splitlines()]
    code = [line for line in code if line and not line.startswith("//")]
    if any("`" in line or line.endswith("\\") for line in code):
        return js
    return "\n".join(code) + "\n"


def bundle(css_dir: Path, names: list[str]) -> str:
    """Concatenate ``names`` (file names or globs) from ``css_dir`` in order.

    One file per widget lives in ``components/``; print rules are scoped to paper.
    """
    parts = []
    files = [path for name in names for path in sorted(css_dir.glob(name))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.name in PRINT_ONLY:
            text = f"@media print{{{text}}}"
        parts.append(minify(text))
    return "\n".join(parts) + "\n"


def _theme_static(settings: dict) -> Path:
    return Path(settings["THEME"]) / "static"


def prepare(pelican) -> None:
    """Build the bundle in memory and tell the templates its URL."""
    settings = pelican.settings
    static = _theme_static(settings)
    css = bundle(static / "css", settings.get("ASSETS_CSS", DEFAULT_CSS))
    digest = hashlib.sha256(css.encode()).hexdigest()[:10]
    path = f"{settings['THEME_STATIC_DIR']}/css/site.{digest}.css"
    settings["SITE_CSS"] = path
    settings["_SITE_CSS_TEXT"] = css
    # Scripts keep their names; a version query changes when any of them does.
    scripts = hashlib.sha256()
    for script in sorted((static / "js").glob("*.js")):
        scripts.update(script.read_bytes())
    settings["ASSET_VERSION"] = scripts.hexdigest()[:10]


def write_bundle(pelican) -> None:
    """Write the bundle into the output folder once the site is written."""
    target = Path(pelican.output_path) / pelican.settings["SITE_CSS"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(pelican.settings["_SITE_CSS_TEXT"], encoding="utf-8")
    # The theme's scripts were copied as written: readers get them compacted.
    scripts = Path(pelican.output_path) / pelican.settings["THEME_STATIC_DIR"] / "js"
    for script in scripts.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        compact = compact_js(text)
        if compact != text:
            script.write_text(compact, encoding="utf-8")


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: settings are copied into every generator's context after
    # this, so templates see SITE_CSS and ASSET_VERSION.
    signals.initialized.connect(prepare)
    # finalized: the output folder exists and the theme's static files are copied.
    signals.finalized.connect(write_bundle)
