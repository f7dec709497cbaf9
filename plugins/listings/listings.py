"""How readers move through the news: neighbours, "Xem tiếp" and days.

Under every article: "tin mới hơn" (newer articles of the same category) and
"tin đã đưa" (earlier articles of the same category, then "Xem tiếp" to the
exact listing page that continues after them). For the "Xem theo ngày" date
control: a JSON of the days that have articles. For the "Đến trang" box: the
pagination URL rules in a form a small script can fill in.
"""

from __future__ import annotations

import functools
import json
from collections import OrderedDict
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import Any

from blinker import signal
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.paginator import Paginator

from portal_core.settings import whole_number
from portal_core.state import BuildState
from portal_core.widgets import declare_shown_fields

from .days import days_document
from .neighbours import category_neighbours

DEFAULTS: dict[str, Any] = {
    "LISTINGS_NEWER_COUNT": 5,
    "LISTINGS_EARLIER_COUNT": 10,
    # The sidebar's "Tin mới": how many of the site's newest articles.
    "LATEST_ARTICLES_COUNT": 5,
    # Where the day JSON is written (site-relative); "" writes none and hides
    # the date control.
    "LISTINGS_DAYS_JSON": "luu-tru/ngay.json",
}
# What the sidebar's "Tin mới" (partials/latest_articles.html, fed by
# LATEST_ARTICLES) prints of each of the newest articles, on every page.
LATEST_SHOWS = ("url", "title", "date")
# Listing items rendered in this build: (article's source path, SITEURL,
# article_item's options) -> HTML. Kept here rather than on the article, so a
# content object carries nothing but what it is (the preview's signatures read
# every attribute). Kept as UTF-8 (Vietnamese letters take two bytes each in
# a str); decoding an item again costs about a microsecond.
_items: BuildState[OrderedDict[tuple[Any, ...], bytes]] = BuildState(OrderedDict)
# How many items stay, the least recently shown dropped first. An item is
# shown again soon after its first rendering (neighbours are a few dozen
# articles away in the site's order); keeping every item of the build held
# about 55 MB at 20,000 articles in each writing process. Traced at 20,000,
# per process: 68,123 distinct items; kept items 500 to 8,000 all render
# about 12,500 of them a second time (18 %), the index pages' items shown
# again after the article pages.
ITEMS_KEPT = 2000


class ListingsSettingsError(ValueError):
    """A LISTINGS_* setting is wrong; the message says how to fix it."""


def check_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the LISTINGS_* settings with defaults, or raise with a clear message."""
    values = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
    for name in ("LISTINGS_NEWER_COUNT", "LISTINGS_EARLIER_COUNT", "LATEST_ARTICLES_COUNT"):
        whole_number(
            values[name],
            name,
            example=DEFAULTS[name],
            meaning="0 để không hiện danh sách",
            error=ListingsSettingsError,
        )
    path = values["LISTINGS_DAYS_JSON"]
    if path in (None, False):
        values["LISTINGS_DAYS_JSON"] = ""
    elif (
        not isinstance(path, str)
        or (path and not path.endswith(".json"))
        or path.startswith("/")
        or ".." in PurePosixPath(path).parts
    ):
        raise ListingsSettingsError(
            "LISTINGS_DAYS_JSON phải là đường dẫn tương đối trong trang, kết thúc bằng .json, "
            f'ví dụ LISTINGS_DAYS_JSON = "luu-tru/ngay.json" (hoặc "" để tắt); '
            f"hiện đang là {path!r}."
        )
    return values


def per_page(settings: dict[str, Any], template: str) -> int | None:
    """Return how many items a page of ``template`` shows, as Pelican's writer does."""
    paginated = settings.get("PAGINATED_TEMPLATES") or {}
    if template not in paginated:
        return None
    return paginated[template] or settings.get("DEFAULT_PAGINATION") or None


def page_url_rules(paginator: Paginator) -> str:
    """Return the URL rules of a paginated listing as JSON for the page-jump script.

    Each rule is ``[min_page, url]`` with ``{n}`` where the page number goes,
    chosen as Pelican chooses (the last rule whose min_page <= n; -1 means the
    last page), so any PAGINATION_PATTERNS setting keeps working.
    """
    first = paginator.page(1)
    names = {
        "save_as": first.full_name,
        "url": first.base_url,
        "name": first.name,
        "base_name": first.base_name,
        "extension": first.extension,
        "number": "{n}",
    }
    rules = []
    for rule in paginator.settings["PAGINATION_PATTERNS"]:
        url = str(rule.URL).format(**names)
        rules.append([rule.min_page, url.removeprefix("/")])
    return json.dumps(rules, ensure_ascii=False, separators=(",", ":"))


def listing_anchor(article: Any) -> str:
    """The id of an article's item in listings: slugs repeat across days, dates don't."""
    return f"tin-{article.date:%Y%m%d}-{article.slug}"


def item_renderer() -> Any:
    """Return a template function rendering one listing item, once per article.

    Each article appears under up to 15 others ("tin mới hơn", "tin đã đưa")
    and on its year, month and day archives; its item (title, date, one-line
    summary) is rendered the first time with the theme's own ``article_item``
    macro and reused while it is among the last ``ITEMS_KEPT`` items shown,
    keyed by the article's source path, SITEURL and the macro's options.
    """
    macros: dict[str, Any] = {}

    @pass_context
    def listing_item(
        context,
        article,
        *,
        show_summary: bool = True,
        show_category: bool = False,
        anchor: bool = False,
        thumb: bool = False,
    ) -> Markup:
        siteurl = context.get("SITEURL", "")
        key = (str(article.source_path), siteurl, show_summary, show_category, anchor, thumb)
        cache = _items.value
        kept = cache.get(key)
        if kept is None:
            if siteurl not in macros:
                module = context.environment.get_template("macros/listing.html")
                macros[siteurl] = module.make_module(context.get_all()).article_item
            render = macros[siteurl]
            item = Markup(render(article, show_summary, show_category, anchor, thumb))
            cache[key] = item.encode("utf-8", "surrogatepass")
            if len(cache) > ITEMS_KEPT:
                cache.popitem(last=False)
            return item
        cache.move_to_end(key)
        return Markup(kept.decode("utf-8", "surrogatepass"))

    return listing_item


def configure(pelican) -> None:
    """Validate the LISTINGS_* settings once and publish them with defaults."""
    pelican.settings.update(check_settings(pelican.settings))


def add_globals(generator) -> None:
    """Give templates the page-jump URL rules, the cached listing items, the anchors."""
    generator.env.globals["page_url_rules"] = page_url_rules
    generator.env.globals["listing_item"] = item_renderer()
    generator.env.globals["listing_anchor"] = listing_anchor


def attach_neighbours(generator) -> None:
    """Give each article its newer/earlier lists and the "Xem tiếp" URL."""
    settings = generator.settings
    size = per_page(settings, "category")
    orphans = settings.get("DEFAULT_ORPHANS", 0) if size else 0
    for category, articles in generator.categories:
        paginator = Paginator(category.save_as, category.url, articles, settings, size)
        page_url = functools.cache(lambda number, p=paginator: p.page(number).url)
        found = category_neighbours(
            articles,
            settings["LISTINGS_NEWER_COUNT"],
            settings["LISTINGS_EARLIER_COUNT"],
            size,
            orphans,
        )
        for index, (article, around) in enumerate(zip(articles, found, strict=True)):
            # "Xem tiếp" lands on the first article the reader has not seen yet.
            following = index + 1 + len(around.earlier)
            # The article itself, not its anchor: templates call listing_anchor()
            # when rendering, so a title edited in the preview is followed.
            article.earlier_more_next = articles[following] if around.more_page else None
            article.newer_in_category = around.newer
            article.earlier_in_category = around.earlier
            article.earlier_more_page = around.more_page
            article.earlier_more_url = page_url(around.more_page) if around.more_page else None
    # Hidden articles and drafts are in no listing: nothing around them.
    for article in chain(
        generator.hidden_articles,
        generator.drafts,
        generator.translations,
        generator.hidden_translations,
        generator.drafts_translations,
    ):
        article.newer_in_category = article.earlier_in_category = []
        article.earlier_more_page = article.earlier_more_url = None
        article.earlier_more_next = None


def forget_item(sender: Any, content: Any = None) -> None:
    """The preview changed an article in place: its rendered item is stale."""
    source = str(getattr(content, "source_path", ""))
    for key in [key for key in _items.value if key[0] == source]:
        del _items.value[key]


def expose_latest(generator) -> None:
    """The site's newest articles, once, for the sidebar's "Tin mới" on every page."""
    generator.context["LATEST_ARTICLES"] = generator.articles[
        : generator.settings["LATEST_ARTICLES_COUNT"]
    ]


def collect_days(generator) -> None:
    """Put the days that have articles in the context (for the date control)."""
    settings = generator.settings
    target = settings["LISTINGS_DAYS_JSON"]
    if not target or not settings.get("DAY_ARCHIVE_SAVE_AS") or not generator.dates:
        generator.context["LISTINGS_DAYS"] = None
        return
    document = days_document(generator.dates, settings["DAY_ARCHIVE_URL"])
    days = list(document["days"])
    generator.context["LISTINGS_DAYS"] = {
        "json": target,
        "first": days[0],
        "last": days[-1],
        "document": document,
    }


def prepare_listings(generator) -> None:
    """Everything listings derive from the sorted articles, in one handler."""
    attach_neighbours(generator)
    expose_latest(generator)
    collect_days(generator)


def write_days(generator, writer) -> None:
    """Write the day JSON next to the archives."""
    days = generator.context.get("LISTINGS_DAYS")
    if not days:
        return
    path = Path(writer.output_path) / days["json"]
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(days["document"], ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")


def register() -> None:
    """Register the plugin callbacks."""
    declare_shown_fields("listings", LATEST_SHOWS)
    # initialized: a wrong setting stops the build before any content is read.
    signals.initialized.connect(configure)
    # generator_init: every template environment gets the page-jump helper.
    signals.generator_init.connect(add_globals)
    # article_generator_finalized: articles are sorted (categories plugin, at
    # pretaxonomy) and grouped into categories and archives, nothing is written
    # yet: neighbours, the newest and the days follow every listing's order.
    signals.article_generator_finalized.connect(prepare_listings)
    # article_writer_finalized: the output folder is in use; write the JSON once.
    signals.article_writer_finalized.connect(write_days)
    # The preview's hot path (live_preview.hooks, by name: no import of that
    # plugin) edits an article without a build: drop its rendered item.
    signal("build_speed_content_refreshed").connect(forget_item)
