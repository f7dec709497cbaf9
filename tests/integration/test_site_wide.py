"""Invariants over every HTML page of the demo site."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.support import html_pages, site_path, soup


def test_every_page_is_vietnamese_with_one_h1_and_a_skip_link(built_site):
    """Vietnamese everywhere except the English section (/en/), which is English."""
    pages = html_pages(built_site)
    assert len(pages) > 50
    for path in pages:
        page = soup(path)
        english = path.relative_to(built_site).parts[0] == "en"
        assert page.html["lang"] == ("en" if english else "vi"), path
        assert len(page.find_all("h1")) == 1, path
        skip = page.select_one("a.skip-link")
        wanted = "Skip to main content" if english else "Bỏ qua, đến nội dung chính"
        assert skip.get_text() == wanted, path
        assert page.find(id=skip["href"].lstrip("#")) is not None, path


def test_every_image_has_alt_text_attribute(built_site):
    for path in html_pages(built_site):
        for image in soup(path).find_all("img"):
            assert image.has_attr("alt"), (path, image)


def test_no_request_to_any_other_host(built_site):
    """Scripts, styles, images and fonts all come from the site itself."""
    for path in html_pages(built_site):
        page = soup(path)
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("source", "srcset"),
            ("iframe", "src"),
        ):
            for element in page.find_all(tag):
                value = element.get(attribute)
                if not value or (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "icon" not in element.get("rel", [])
                ):
                    continue
                assert not urlsplit(value).netloc, (path, value)
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "@import" not in text, css


def test_internal_links_resolve(built_site):
    for path in html_pages(built_site):
        page = soup(path)
        for element in page.find_all(["a", "link", "script", "img"]):
            value = element.get("href") or element.get("src")
            if not value or value.startswith(("#", "mailto:", "tel:")):
                continue
            target = site_path(built_site, value)
            if target is not None:
                assert target.exists(), (path, value)
