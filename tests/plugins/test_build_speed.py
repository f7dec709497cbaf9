"""build_speed: typography shortcut, linear archives, signatures, cache key."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from typogrify.filters import typogrify
from typogrify.filters import widont as typogrify_widont

from build_speed.build_speed import check_content_cache, reading_key
from build_speed.generator import period_archives
from build_speed.readers import CachedText
from build_speed.typography import configure_smartypants, needs_typogrify, typeset
from build_speed.widont import widont
from portal_core.runner import load_settings
from tests.support import ROOT

TYPOGRIFY = {"TYPOGRIFY_OMIT_FILTERS": ["caps"], "TYPOGRIFY_DASHES": "oldschool"}

# Pieces editors' Markdown turns into: Vietnamese words, straight and curly
# quotes, dashes, dots, ampersands, inline tags, code.
WORDS = st.sampled_from(
    [
        "Hội nghị",
        "tổng kết",
        "phường",
        '"Vì người nghèo"',
        "'quỹ'",
        "“Ngày hội”",
        "2019--2024",
        "---",
        "chờ...",
        ". . .",
        "&amp;",
        "&",
        "&quot;x&quot;",
        "`a`",
        "\\'",
        "<em>đoàn kết</em>",
        '<a href="/a/">liên kết</a>',
        '<strong>"Tin"</strong>',
        "<code>x--y</code>",
        "'",
        '"',
    ]
)
INLINE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
BLOCK = st.one_of(
    INLINE.map(lambda text: f"<p>{text}</p>"),
    INLINE.map(lambda text: f"<h2>{text}</h2>"),
    st.lists(INLINE, min_size=1, max_size=3).map(
        lambda items: "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"
    ),
    INLINE.map(
        lambda text: (
            f'<figure><img alt="{text[:5]}" src="/a.jpg">\n<figcaption>{text}</figcaption></figure>'
        )
    ),
    INLINE.map(lambda text: f"<pre><code>{text}\n</code></pre>"),
    INLINE.map(lambda text: f"<!-- {text} -->"),
    INLINE,
)


@pytest.fixture(autouse=True)
def smartypants_as_pelican():
    configure_smartypants(TYPOGRIFY)


@settings(max_examples=300, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=6).map("\n".join))
def test_typeset_equals_typogrify(html):
    assert typeset(html, TYPOGRIFY) == typogrify(html, [], caps=False)


# What widont's pattern looks at: words, every kind of whitespace, the closes
# it ends on, the inline tags it accepts before the space and others, tags
# holding "<" or ">", stray brackets.
PIECES = st.sampled_from(
    [
        "Hội",
        "nghị",
        "x.",
        " ",
        "  ",
        "\n",
        "\t",
        "\xa0",
        "<p>",
        "</p>",
        '<p class="a">',
        "<h2>",
        "</h6>",
        "<li>",
        "</li>",
        "<dt>",
        "</dd>",
        "<em>",
        "</em>",
        '<a href="/x/">',
        "</a>",
        '<span class="k">',
        "</span>",
        "</strong>",
        "<b>",
        "</i>",
        "<br>",
        "<abbr>",
        '<img alt="x y" src="/a.jpg">',
        "</div>",
        "</P>",
        "&amp;",
        ">",
        "<",
        '<a title="a > b">',
        '<a title="</p>">',
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_widont_equals_typogrifys(html):
    assert widont(html) == typogrify_widont(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p>Hội nghị tổng kết công tác Mặt trận năm 2024</p>",
        '<p><a href="/2024/">Tin</a> của <em class="x">phường</em></p>',
        "<p>Quỹ “Vì người nghèo” trao 12 căn nhà</p>",
    ],
)
def test_plain_vietnamese_needs_only_widont(html):
    assert not needs_typogrify(html)
    assert typeset(html, TYPOGRIFY) == typogrify(html, [], caps=False)


@pytest.mark.parametrize(
    "html", ['<p>Phong trào "Toàn dân"</p>', "<p>Chờ...</p>", "<p>A &amp; B</p>"]
)
def test_text_with_quotes_dots_or_ampersands_goes_through_typogrify(html):
    assert needs_typogrify(html)


def _article(day: dt.datetime, slug: str, site: dict) -> Article:
    return Article(
        content="<p>Nội dung</p>",
        metadata={"title": slug, "date": day, "category": "Tin tức sự kiện", "slug": slug},
        settings=site,
        source_path=f"/tmp/{slug}.md",
    )


def test_period_archives_match_pelican():
    site = load_settings(ROOT / "pelicanconf.py")
    # 80 articles on 60 days (some days have two) over three years, in no order.
    first = dt.datetime(2016, 1, 1, 7)
    days = [first + dt.timedelta(days=i % 60 * 37 % 1000, hours=i % 10) for i in range(80)]
    articles = [_article(day, f"bai-{i}", site) for i, day in enumerate(days)]
    dates = sorted(articles, key=lambda article: article.date, reverse=True)
    ours = period_archives(dates, articles, site)
    stock = ArticlesGenerator._build_period_archives(None, dates, articles, site)
    assert ours == stock
    assert len(ours["year"]) == 3
    assert len(ours["day"]) == 60


def test_reading_key_follows_typography_settings_and_plugin_code(tmp_path):
    site = load_settings(ROOT / "pelicanconf.py", {"CACHE_PATH": str(tmp_path)})
    key = reading_key(site)
    assert reading_key({**site, "TYPOGRIFY_DASHES": "default"}) != key
    assert reading_key({**site, "PLUGIN_PATHS": []}) != key
    assert reading_key(dict(site)) == key


def test_cache_made_with_other_settings_is_not_loaded(tmp_path):
    site = load_settings(
        ROOT / "pelicanconf.py",
        {"CACHE_PATH": str(tmp_path), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True},
    )
    (tmp_path / "build_speed-reading.key").write_text("made by an older build")
    check_content_cache(site)
    assert site["LOAD_CONTENT_CACHE"] is False


def test_cached_text_round_trips_through_the_content_cache():
    text = CachedText("<p>Hội nghị “Vì người nghèo” năm 2024</p>")
    loaded = pickle.loads(pickle.dumps({"a.md": (b"stamp", (text, {"title": text}))}))
    body, metadata = loaded["a.md"][1]
    assert body == text
    assert isinstance(body, CachedText)
    assert metadata["title"] == "<p>Hội nghị “Vì người nghèo” năm 2024</p>"
