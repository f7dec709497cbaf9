"""build_speed: ``{% include_cached %}``, the fast dates and addresses, no full collections."""

from __future__ import annotations

import datetime as dt
import gc
import re
from zoneinfo import ZoneInfo

import pytest
import smartypants
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import DictLoader, Environment
from pelican import signals
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category
from pelican.utils import SafeDatetime
from pelican.utils import strftime as pelican_strftime
from typogrify.filters import typogrify

from build_speed import collector, smarty
from build_speed.addresses import AddressFields, FastArticle, FastPage, fast_addresses
from build_speed.build_speed import EXTENSION
from build_speed.dates import NumericDatetime, numeric, numeric_only
from build_speed.fragments import IncludeCachedExtension
from tests.support import ROOT, build_site, copy_demo_content

# ---------------------------------------------------------------- fragments


def _environment() -> tuple[Environment, list[int]]:
    """A fragment that counts its renderings, included cached and plainly."""
    renders: list[int] = []

    def tick() -> str:
        renders.append(1)
        return ""

    env = Environment(
        loader=DictLoader(
            {
                "fragment.html": "{{ tick() }}[{{ label }}|{{ flag }}|{{ items|join(',') }}]",
                "cached.html": '{% include_cached "fragment.html" %}',
                "plain.html": '{% include "fragment.html" %}',
                "computed.html": (
                    "{% set label = prefix ~ '-x' %}{% include_cached \"fragment.html\" %}"
                ),
            }
        ),
        extensions=[IncludeCachedExtension],
    )
    env.globals["tick"] = tick
    return env, renders


CONTEXTS = [
    {"label": "a", "flag": True, "items": [1, 2]},
    {"label": "a", "flag": 1, "items": [1, 2]},
    {"label": "b", "flag": None, "items": []},
    {"label": "", "flag": False, "items": [0]},
]


def test_cached_include_renders_what_include_renders():
    env, _ = _environment()
    for context in CONTEXTS:
        assert env.get_template("cached.html").render(context) == env.get_template(
            "plain.html"
        ).render(context)


def test_equal_strings_reuse_the_fragment_and_true_is_not_one():
    env, renders = _environment()
    items = [1, 2]
    cached = env.get_template("cached.html")
    # Strings made on each page (as a template's {% set %} makes them) are
    # equal, not the same object: the fragment is rendered once.
    first = cached.render(label="".join(["na", "v"]), flag=True, items=items)
    again = cached.render(label="".join(["n", "av"]), flag=True, items=items)
    assert first == again == "[nav|True|1,2]"
    assert len(renders) == 1
    # True == 1 and both hash alike, but they print differently.
    assert cached.render(label="nav", flag=1, items=items) == "[nav|1|1,2]"
    assert len(renders) == 2
    # A list is compared as an object: another list renders again.
    assert cached.render(label="nav", flag=True, items=[1, 2]) == first
    assert len(renders) == 3


def test_values_set_in_the_including_template_key_the_fragment():
    env, renders = _environment()
    computed = env.get_template("computed.html")
    items: list[int] = []
    assert computed.render(prefix="a", flag=False, items=items) == "[a-x|False|]"
    assert computed.render(prefix="a", flag=False, items=items) == "[a-x|False|]"
    assert computed.render(prefix="b", flag=False, items=items) == "[b-x|False|]"
    assert len(renders) == 2


# -------------------------------------------------------------------- dates

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
FORMATS = [
    "{date:%Y}/{date:%m}/{date:%d}/",
    "%Y/%m/%d/",
    "%Y%m%d",
    "%H:%M:%S %j",
    "%-d/%-m/%Y",  # Pelican's zero stripping: not numeric-only
    "%A %d %B %Y",  # names follow the locale: Pelican's path
    "ngày %d tháng %m",  # non-ASCII text
    "100%% %Y",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y{0}-%H%M%S}",  # braces are text
]
DATES = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(2100, 12, 31)).map(
    lambda value: SafeDatetime(*value.timetuple()[:6], value.microsecond, ZONE)
)


@pytest.mark.parametrize("fmt", FORMATS)
@given(date=DATES)
def test_numeric_dates_format_as_pelicans(fmt, date):
    fast = numeric(date)
    assert type(fast) is NumericDatetime
    assert fast == date and fast.tzinfo is date.tzinfo and fast.fold == date.fold
    if fmt.startswith("{"):
        assert fmt.format(date=fast) == fmt.format(date=date)
    else:
        assert fast.strftime(fmt) == pelican_strftime(date, fmt)


def test_only_plain_numeric_formats_skip_pelicans_parser():
    assert numeric_only("%Y/%m/%d/")
    assert numeric_only("tin-%Y%m%d")
    assert not numeric_only("%-d/%m")
    assert not numeric_only("%d %B")
    assert not numeric_only("ngày %d")
    assert not numeric_only("100%%")


def test_other_values_are_left_alone():
    naive = dt.datetime(2024, 3, 5, 8, 30)
    assert numeric(naive) is naive
    assert numeric(None) is None
    already = numeric(SafeDatetime(2024, 3, 5, tzinfo=ZONE))
    assert numeric(already) is already


def test_a_build_has_numeric_dates_same_addresses_and_no_full_collections(tmp_path):
    seen: dict[str, object] = {}

    def capture(generator) -> None:
        seen["thresholds during the build"] = gc.get_threshold()
        for item in generator.articles:
            seen[item.slug] = item

    signals.article_generator_finalized.connect(capture)
    thresholds = gc.get_threshold()
    try:
        content = copy_demo_content(tmp_path / "content")
        site = build_site(content, tmp_path / "site", SEARCH_INDEX=False)
    finally:
        signals.article_generator_finalized.disconnect(capture)
    # No full collection while building; the thresholds come back afterwards.
    assert seen.pop("thresholds during the build") == (*thresholds[:2], collector.NEVER)
    assert gc.get_threshold() == thresholds
    assert seen
    for item in seen.values():
        assert type(item.date) is NumericDatetime
        expected = f"{item.date:%Y}/{item.date:%m}/{item.date:%d}/{item.slug}/"
        assert item.url == expected == pelican_strftime(item.date, "%Y/%m/%d/") + f"{item.slug}/"
        assert (site / item.save_as).is_file()


# ---------------------------------------------------------------- smartypants

PIECES = st.sampled_from(
    ['"', "'", "`", "``", "''", "--", "---", "...", ". . .", "\\", "\\\"", "&quot;",
     "&nbsp;", "&#8211;", " ", "\n", "s ", "80s", "a", "Đảng", "ủy", ".", ",", "!",
     "<a href=\"x'y\">", "</a>", "<em>", "</em>", "<code>", "</code>", "<pre>", "</pre>",
     "<p>", "</p>", "<kbd>", "</kbd>", "<!-- '\" -->", "<br/>", "1", "2"]
)  # fmt: skip
ATTRS = [
    smartypants.Attr.set1 | smartypants.Attr.w,
    smartypants.Attr.set2 | smartypants.Attr.w,
    smartypants.Attr.set3 | smartypants.Attr.w,
]


@pytest.mark.parametrize("attr", ATTRS)
@given(pieces=st.lists(PIECES, max_size=40))
def test_guarded_smartypants_gives_what_smartypants_gives(attr, pieces):
    text = "".join(pieces)
    smarty.install()
    guarded = smartypants.smartypants(text, attr), typogrify(text)
    assert smartypants.convert_quotes is not smarty._ORIGINALS["convert_quotes"]
    with smarty.originals():
        assert smartypants.convert_quotes is smarty._ORIGINALS["convert_quotes"]
        assert guarded == (smartypants.smartypants(text, attr), typogrify(text))


# ---------------------------------------------------------------- addresses


def _pelicans(item, key: str) -> str:
    """``item``'s address by Pelican's own ``_expand_settings`` (format(**url_format))."""
    fast = type(item)
    item.__class__ = next(kind for kind in fast.__mro__ if kind in (Article, Page))
    try:
        return item._expand_settings(key)
    finally:
        item.__class__ = fast


def _same_fields(item) -> None:
    expected = item.url_format
    fields = AddressFields(item)
    assert list(fields) == list(expected)
    if not hasattr(item, "date"):  # url_format's default is datetime.now()
        del expected["date"]
        assert isinstance(fields["date"], dt.datetime)
    assert {key: fields[key] for key in expected} == expected


URL_FORMATS = [
    "{date:%Y}/{date:%m}/{date:%d}/{slug}/",
    "{category}/{slug}.html",
    "{author}/{lang}/{slug}/",
    "{path}",
    "{date:%Y}/{number}-{slug}/",  # a field of the metadata
    "{slug}-{date.year}/",
]
SETTINGS = {**DEFAULT_CONFIG, "PATH": "/site/content", "TIMEZONE": "Asia/Ho_Chi_Minh"}


@pytest.mark.parametrize("url_format", URL_FORMATS)
@pytest.mark.parametrize("fast_class", [FastArticle, FastPage])
def test_fast_addresses_format_what_url_format_gives(url_format, fast_class):
    settings = {**SETTINGS}
    prefix = fast_class.__name__.upper()
    settings[f"{prefix}_URL"] = url_format
    settings[f"{prefix}_SAVE_AS"] = url_format + "index.html"
    metadata = {
        "title": "Hội nghị Ủy ban MTTQ",
        "slug": "hoi-nghi-uy-ban",
        "date": SafeDatetime(2026, 3, 5, 8, 30, tzinfo=ZONE),
        "author": Author("Ban Tuyên giáo", settings),
        "category": Category("Tin hoạt động", settings),
        "number": "12",
    }
    item = fast_class(
        "<p>Nội dung</p>",
        metadata=metadata,
        settings=settings,
        source_path="/site/content/tin/2026/hoi-nghi.md",
    )
    assert type(item).__name__ in ("Article", "Page")
    _same_fields(item)
    for key in ("url", "save_as"):
        assert item._expand_settings(key) == _pelicans(item, key)
    with pytest.raises(KeyError):
        item.settings[f"{prefix}_URL"] = "{nothing}/"
        item._expand_settings("url")


def test_a_build_gives_articles_and_pages_the_fast_addresses(tmp_path):
    seen: list[object] = []

    def articles(generator) -> None:
        seen.extend([*generator.articles, *generator.drafts, *generator.hidden_articles])

    def pages(generator) -> None:
        seen.extend([*generator.pages, *generator.hidden_pages, *generator.draft_pages])

    signals.article_generator_finalized.connect(articles)
    signals.page_generator_finalized.connect(pages)
    try:
        content = copy_demo_content(tmp_path / "content")
        (content / "articles" / "vi-nguoi-ngheo" / "tin-nhap.md").write_text(
            "Title: Bản nháp chưa đăng\nDate: 2026-03-05 08:30\nCategory: Vì người nghèo\n"
            "Summary: Bản nháp để thử địa chỉ.\nStatus: draft\n\nChưa đăng.\n",
            encoding="utf-8",
        )
        build_site(content, tmp_path / "site", SEARCH_INDEX=False)
    finally:
        signals.article_generator_finalized.disconnect(articles)
        signals.page_generator_finalized.disconnect(pages)
    # (after build_speed.memory packed the articles' bodies, in a subclass)
    assert all(isinstance(item, (FastArticle, FastPage)) for item in seen)
    assert {type(item).__name__ for item in seen} == {"Article", "Page"}
    assert any(item.status == "draft" for item in seen)
    for item in seen:
        _same_fields(item)
        for key in ("url", "save_as"):
            assert item._expand_settings(key) == _pelicans(item, key)


def test_other_content_classes_keep_theirs():
    class Custom(Article):
        @property
        def url_format(self):
            return {**super().url_format, "slug": "khac"}

    item = Custom("", metadata={"title": "x", "date": SafeDatetime(2026, 1, 1)}, settings=SETTINGS)
    fast_addresses(item)
    assert type(item) is Custom
    plain = Page("", metadata={"title": "x"}, settings=SETTINGS)
    fast_addresses(plain)
    assert type(plain) is FastPage


_INCLUDE_CACHED = re.compile(r'{%-?\s*include_cached\s+"([^"]+)"')
# What differs on every page: a fragment that reads one of these is rendered
# for each page, so marking it include_cached gains nothing. (``page_name``
# is one per listing, not per page: a string, compared by value.)
PER_PAGE = {"article", "page", "output_file", "articles_page", "url"}


def test_every_cached_fragment_of_the_theme_is_really_reused(tmp_path):
    """A filter that reads the context (select, selectattr, map) or a page's own
    data in a fragment marked include_cached silently renders it on every page."""
    environments = []

    def capture(generator) -> None:
        environments.append(generator.env)

    signals.generator_init.connect(capture)
    try:
        content = copy_demo_content(tmp_path / "content")
        build_site(content, tmp_path / "site", SEARCH_INDEX=False)
    finally:
        signals.generator_init.disconnect(capture)
    names = sorted(
        {
            name
            for template in (ROOT / "theme" / "templates").rglob("*.html")
            for name in _INCLUDE_CACHED.findall(template.read_text(encoding="utf-8"))
        }
    )
    assert "partials/nav_menu.html" in names
    for env in {id(env): env for env in environments}.values():
        extension = env.extensions[EXTENSION]
        for name in names:
            inputs = extension.inputs(name)
            assert inputs is not None, f"{name} is rendered on every page"
            assert not inputs & PER_PAGE, f"{name} reads {sorted(inputs & PER_PAGE)}"
