"""No broken link or anchor anywhere in the built demo site.

Every address a page holds is resolved against the output folder: ``href``,
``src``, ``srcset``, ``poster``, form ``action``, ``og:image``/``og:url`` and
``url()`` in stylesheets; a ``#fragment`` must name an element of the target
page. Links to other hosts (mailto:, tel:, https://chinhphu.vn/) are not
followed: the tests never reach the internet.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.support import html_pages, site_path, soup

# (tag, attribute) pairs holding one address each.
SINGLE = [
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("iframe", "src"),
    ("form", "action"),
]
_SRCSET_ITEM = re.compile(r"^(\S+)(?:\s+\d+(?:\.\d+)?[wx])?$")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def addresses(page) -> list[str]:
    """Every address in one parsed page (srcset split into its candidates)."""
    found = []
    for tag, attribute in SINGLE:
        found += [element[attribute] for element in page.find_all(tag, attrs={attribute: True})]
    for element in page.find_all(["img", "source"], srcset=True):
        for candidate in element["srcset"].split(","):
            match = _SRCSET_ITEM.match(candidate.strip())
            found.append(match[1] if match else f"<invalid srcset candidate {candidate!r}>")
    for meta in page.find_all("meta", property=["og:image", "og:url"]):
        found.append(meta.get("content", ""))
    return found


@cache
def _anchors(path: Path) -> frozenset[str]:
    page = soup(path)
    names = {element["id"] for element in page.find_all(id=True)}
    names |= {element["name"] for element in page.find_all("a", attrs={"name": True})}
    return frozenset(names)


def _target(site: Path, page: Path, address: str) -> tuple[Path | None, str | None]:
    """The file ``address`` leads to (None for another host), or why it leads nowhere."""
    parts = urlsplit(address)
    if parts.scheme in ("mailto", "tel") or (parts.scheme in ("http", "https") and parts.netloc):
        return None, None  # another host: not followed
    if parts.scheme or parts.netloc or address.startswith("<"):
        return None, f"{address}: not an address the portal may use"
    if not parts.path:
        return page, None
    base = "/" + page.relative_to(site).as_posix()
    target = site_path(site, urljoin(base, parts.path))
    if target is None or not target.is_file():
        return None, f"{address}: no such file"
    return target, None


def problem(site: Path, page: Path, address: str) -> str | None:
    """Why ``address`` (as written in ``page``) is broken, or None if it is fine."""
    target, why = _target(site, page, address)
    if why or target is None:
        return why
    fragment = unquote(urlsplit(address).fragment)
    if address.endswith("#"):
        return f"{address}: empty fragment"
    known = fragment in ("", "top") or target.suffix != ".html" or fragment in _anchors(target)
    return None if known else f"{address}: no element with id {fragment!r}"


def test_every_address_in_every_page_resolves(built_site):
    broken = []
    pages = html_pages(built_site)
    checked = 0
    for page in pages:
        for address in addresses(soup(page)):
            checked += 1
            why = problem(built_site, page, address)
            if why:
                broken.append(f"{page.relative_to(built_site)}: {why}")
    assert checked > 20 * len(pages)
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:200])


def test_every_url_in_the_stylesheets_resolves(built_site):
    broken = []
    for css in built_site.rglob("*.css"):
        for _, address in _CSS_URL.findall(css.read_text(encoding="utf-8")):
            if address.startswith("data:"):
                continue
            why = problem(built_site, css, address)
            if why:
                broken.append(f"{css.relative_to(built_site)}: {why}")
    assert not broken, "\n".join(broken)


def test_the_check_sees_broken_links_and_anchors(tmp_path):
    """The checker itself, on two hand-written pages."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<h1 id="dau">B</h1>', encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text(
        '<a href="/khong-co/">1</a> <a href="#khong-co-neo">2</a> <a href="b/#dau">3</a>'
        '<a href="/b/#cuoi">4</a> <img alt="" src="/b/" srcset="/b/ 1x, /mat.png 2x">'
        '<a href="javascript:void(0)">5</a> <a href="https://chinhphu.vn/">6</a>',
        encoding="utf-8",
    )
    found = [why for a in addresses(soup(page)) if (why := problem(tmp_path, page, a))]
    assert sorted(found) == [
        "#khong-co-neo: no element with id 'khong-co-neo'",
        "/b/#cuoi: no element with id 'cuoi'",
        "/khong-co/: no such file",
        "/mat.png: no such file",
        "javascript:void(0): not an address the portal may use",
    ]
