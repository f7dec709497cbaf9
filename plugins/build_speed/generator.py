"""Pelican's articles generator without its quadratic listing work.

Stock Pelican 4.12 filters lists with ``a in some_list`` inside loops: every
period archive scans every article (``[a for a in articles if a in dates]``),
and every category, tag and author page scans every date. At 10,000 articles
that is hundreds of millions of comparisons, and it grows with the square of
the site. :class:`PortalArticlesGenerator` builds the same lists in one pass
each and writes exactly the same pages (``tests/plugins/test_build_speed.py``
compares both generators on one corpus).

Pelican has no public hook that replaces a built-in generator (``get_generators``
only adds more), so :class:`PortalPelican` is set as ``PELICAN_CLASS``, the
documented way to subclass Pelican, and swaps the class where Pelican lists
its generators.
"""

from __future__ import annotations

import calendar
import logging
import os
from collections import defaultdict
from functools import partial
from itertools import chain
from operator import attrgetter
from typing import Any

from pelican import Pelican
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, PelicanTemplateNotFound
from pelican.plugins import signals
from pelican.writers import FileOverwriteFailedError

from portal_core import background
from portal_core.caching import NoStampsWithoutEntry

from . import collector, parallel

logger = logging.getLogger(__name__)

_PERIOD_KEYS = {
    "year": attrgetter("date.year"),
    "month": attrgetter("date.year", "date.month"),
    "day": attrgetter("date.year", "date.month", "date.day"),
}


def group_in_order(items: list[Any], key) -> dict[Any, list[Any]]:
    """Group ``items`` by ``key``, keeping their order inside each group."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def period_archives(dates: list[Any], articles: list[Any], settings: dict) -> dict:
    """Year, month and day archives, as Pelican's ``_build_period_archives`` makes them.

    ``dates`` are the articles in archive order; each archive lists its
    articles both in that order (``dates``) and in the site's order
    (``articles``). One grouping pass per granularity instead of a scan of the
    whole site per period.
    """
    archives: dict[str, list[dict]] = defaultdict(list)
    for granularity, key in _PERIOD_KEYS.items():
        save_as = settings[f"{granularity.upper()}_ARCHIVE_SAVE_AS"]
        url = settings[f"{granularity.upper()}_ARCHIVE_URL"]
        if not save_as:
            continue
        by_period = group_in_order(articles, key)
        for period, group in group_in_order(dates, key).items():
            first = group[0].date
            if granularity == "year":
                names, numbers = (period,), (period,)
            else:
                month = calendar.month_name[period[1]]
                names = (period[0], month, *period[2:])
                numbers = tuple(period)
            archives[granularity].append(
                {
                    "dates": group,
                    "articles": by_period[period],
                    "save_as": save_as.format(date=first),
                    "url": url.format(date=first),
                    "period": names,
                    "period_num": numbers,
                }
            )
    return archives


class PortalArticlesGenerator(NoStampsWithoutEntry, ArticlesGenerator):
    """ArticlesGenerator with linear listings and URLs computed once.

    With the content cache at the readers' level (Pelican's default), this
    generator's own cache is always empty: no file is hashed to compare with it.
    """

    def __init__(self, *args, **kwargs) -> None:
        # Articles whose address this generator froze (see generate_context).
        self._frozen: set[int] = set()
        super().__init__(*args, **kwargs)

    def _build_period_archives(self, sorted_articles, articles, settings):
        return period_archives(sorted_articles, articles, settings)

    def generate_context(self) -> None:
        """Read and group the articles as Pelican does, then freeze their URLs."""
        try:
            super().generate_context()
        finally:
            parallel.stop_reading()  # also when reading stopped on an error
        # ``article.url`` and ``article.save_as`` format ARTICLE_URL (a copy of
        # the metadata, a relative path, three strftime calls) on every access:
        # ten times per article and build between Pelican and the plugins.
        # Slug, date and category are final once article_generator_finalized
        # has run; ``override_url`` / ``override_save_as`` are Pelican's own
        # way to give an article a fixed address.
        for article in chain(
            self.articles, self.translations, self.hidden_articles, self.hidden_translations
        ):
            if not hasattr(article, "override_save_as"):
                article.override_save_as = article.save_as
                self._frozen.add(id(article))
            if not hasattr(article, "override_url"):
                article.override_url = article.url

    def writes_over(self, article) -> bool:
        """Whether ``article`` may overwrite another page (its own Save_as: only)."""
        return hasattr(article, "override_save_as") and id(article) not in self._frozen

    def generate_pages(self, writer) -> None:
        """Write the pages; articles, archives, listings and categories shared.

        The article pages, the period archives, the direct templates (the
        paginated "news" listing) and the category pages, nearly every page
        of a big site, are written by this process and forked workers
        (:mod:`.parallel`); tags, authors and drafts here, after them. Each
        page is the same whichever process writes it; the content check has
        already refused two pages at one address (``content_checks.addresses``).
        """
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        # The long tasks first: a direct template or a category writes every
        # page of its listing (hundreds at 10,000 articles) in one task. Last,
        # one of them left a process writing it alone while the other waited.
        # Periods end with the days, one page each, so the processes finish
        # within a page of each other.
        tasks = [
            *self._direct_template_tasks(),
            *self._category_tasks(),
            *self._article_tasks(),
            *self._period_tasks(),
        ]
        parallel.write_shared(self, write, tasks, _run_task)
        self.generate_tags(write)
        self.generate_authors(write)
        self.generate_drafts(write)

    def generate_articles(self, write) -> None:
        """Write every article's page exactly as Pelican does (shared by workers)."""
        parallel.write_shared(self, write, self._article_tasks(), _run_task)

    def generate_period_archives(self, write) -> None:
        """Write the year, month and day archives as Pelican does (shared by workers)."""
        parallel.write_shared(self, write, self._period_tasks(), _run_task)

    def _article_tasks(self) -> list[tuple[Any, Any]]:
        articles = chain(
            self.translations, self.articles, self.hidden_translations, self.hidden_articles
        )
        return [(self._write_and_forget, article) for article in articles]

    def _period_tasks(self) -> list[tuple[Any, Any]]:
        try:
            template = self.get_template("period_archives")
        except PelicanTemplateNotFound:
            template = self.get_template("archives")
        return [
            (self._write_period, (template, period))
            for granularity in self.period_archives
            for period in self.period_archives[granularity]
        ]

    def _write_period(self, write, task: tuple[Any, dict[str, Any]]) -> None:
        """One period archive, exactly as Pelican's ``generate_period_archives``."""
        template, period = task
        context = self.context.copy()
        context["period"] = period["period"]
        context["period_num"] = period["period_num"]
        write(
            period["save_as"],
            template,
            context,
            articles=period["articles"],
            dates=period["dates"],
            template_name="period_archives",
            blog=True,
            url=period["url"],
            all_articles=self.articles,
        )

    def _write_and_forget(self, write, article) -> None:
        self.write_article(write, article)
        # Pelican memoises every article's body (links resolved) for the
        # whole build; once its page is written nothing else shows it, and
        # 10,000 bodies are tens of megabytes. A later use recomputes it.
        Content.get_content.cache.pop((article, article.get_siteurl()), None)

    def write_article(self, write, article) -> None:
        """Write one article's page (also the preview's hot path).

        Pelican lets an article with an ``override_save_as`` overwrite another
        page; a frozen one must keep the stock rule (a clash is an error).
        """
        signals.article_generator_write_article.send(self, content=article)
        write(
            article.save_as,
            self.get_template(article.template),
            self.context,
            article=article,
            category=getattr(article, "category", None),
            override_output=self.writes_over(article),
            url=article.url,
            blog=True,
        )

    def _dates_by(self, groups: list[tuple[Any, list[Any]]]) -> dict[Any, list[Any]]:
        """For each group of articles, its members in archive (``dates``) order."""
        owner: dict[int, list[Any]] = defaultdict(list)
        for key, articles in groups:
            for article in articles:
                owner[id(article)].append(key)
        result: dict[Any, list[Any]] = {key: [] for key, _ in groups}
        for article in self.dates:
            for key in owner.get(id(article), ()):
                result[key].append(article)
        return result

    def generate_tags(self, write) -> None:
        """Tag pages, skipped outright when TAG_SAVE_AS is empty (nothing to write)."""
        if self.settings.get("TAG_SAVE_AS"):
            super().generate_tags(write)

    def generate_authors(self, write) -> None:
        """Author pages, skipped outright when AUTHOR_SAVE_AS is empty."""
        if self.settings.get("AUTHOR_SAVE_AS"):
            super().generate_authors(write)

    def _direct_template_tasks(self) -> list[tuple[Any, Any]]:
        return [
            (self._write_direct_template, template)
            for template in self.settings["DIRECT_TEMPLATES"]
            if self.settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        ]

    def _write_direct_template(self, write, template: str) -> None:
        """One direct template, exactly as Pelican's ``generate_direct_templates``."""
        save_as = self.settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        write(
            save_as,
            self.get_template(template),
            self.context,
            articles=self.articles,
            dates=self.dates,
            blog=True,
            template_name=template,
            page_name=os.path.splitext(save_as)[0],
            url=self.settings.get(f"{template.upper()}_URL", f"{template}.html"),
        )

    def generate_categories(self, write) -> None:
        """Category pages; each category's ``dates`` found in one pass over the site."""
        for task in self._category_tasks():
            _run_task(write, task)

    def _category_tasks(self) -> list[tuple[Any, Any]]:
        template = self.get_template("category")
        dates = self._dates_by(self.categories)
        return [
            (self._write_category, (template, category, articles, dates[category]))
            for category, articles in self.categories
        ]

    def _write_category(self, write, task: tuple[Any, Any, list[Any], list[Any]]) -> None:
        template, category, articles, dates = task
        try:
            write(
                category.save_as,
                template,
                self.context,
                url=category.url,
                category=category,
                articles=articles,
                dates=dates,
                template_name="category",
                blog=True,
                page_name=category.page_name,
                all_articles=self.articles,
            )
        except FileOverwriteFailedError:
            # Same outcome as Pelican: a category without a slug is
            # skipped, any other clash stops the build.
            if category.slug:
                logger.error('Failed to write Category page for "%s".', category)
                raise
            logger.info('Category "%s" has an invalid slug; skipping it.', category)


def _run_task(write, task: tuple[Any, Any]) -> None:
    """Run one ``(method, item)`` write task of :meth:`PortalArticlesGenerator.generate_pages`."""
    method, item = task
    method(write, item)


class PortalPelican(Pelican):
    """Pelican with :class:`PortalArticlesGenerator` in place of the stock one."""

    def run(self) -> None:
        """Build, without full garbage collections (:mod:`.collector`); the
        work ``finalized`` handlers left running has ended when this returns
        (:mod:`portal_core.background`)."""
        with collector.quiet(), background.scope() as jobs:
            # Connected now, after every plugin's handler: the work they left
            # running has ended before Pelican prints how long the build took.
            signals.finalized.connect(jobs.finish, weak=False)
            try:
                super().run()
            finally:
                signals.finalized.disconnect(jobs.finish)

    def _get_generator_classes(self):
        return [
            PortalArticlesGenerator if cls is ArticlesGenerator else cls
            for cls in super()._get_generator_classes()
        ]
