"""Bind every article to the category registry and expose it to templates.

The registry (``CATEGORIES`` in pelicanconf.py) fixes each category's display
name, slug, order and description; menus and the home page follow it. An
article whose category is not in the registry is a build error with a
suggestion, never an article filed under a stray new category.
"""

from __future__ import annotations

from operator import attrgetter

from pelican import signals

from portal_core.problems import metadata_line, report
from portal_core.state import BuildState

from .registry import CategoryEntry, load_registry, resolve, unknown_message

# This build's registry (portal_core.state renews it when a build starts).
_state: BuildState[list[CategoryEntry]] = BuildState(list)


def load(pelican) -> None:
    """Validate the registry once per build."""
    _state.value = load_registry(pelican.settings.get("CATEGORIES", []))


def _message(written: str) -> str:
    return unknown_message(_state.value, written)


def bind_categories(generator) -> None:
    """Give every article its registry category; sort articles deterministically."""
    for article in [*generator.articles, *generator.translations, *generator.drafts]:
        category = article.category
        entry = resolve(_state.value, category.name)
        if entry is None:
            line = metadata_line(article.source_path, "category")
            report(article.source_path, line, _message(category.name))
            continue
        category.name = entry.name
        category.slug = entry.slug
    # Same date and time: keep one order everywhere (listings, neighbours,
    # archives): newest first, then by source file path.
    generator.articles.sort(key=attrgetter("source_path"))
    generator.articles.sort(key=attrgetter("date"), reverse=True)


def expose_registry(generator) -> None:
    """Put the ordered category list, with its articles, in the template context."""
    by_slug = {category.slug: (category, articles) for category, articles in generator.categories}
    menu = []
    for entry in _state.value:
        category, articles = by_slug.get(entry.slug, (None, []))
        menu.append(
            {
                "name": entry.name,
                "slug": entry.slug,
                "description": entry.description,
                "category": category,
                "url": category.url if category else None,
                "articles": articles,
            }
        )
    generator.context["CATEGORY_MENU"] = menu


def register() -> None:
    """Register the plugin callbacks."""
    # initialized: reject a broken registry before reading any content.
    signals.initialized.connect(load)
    # article_generator_pretaxonomy: articles are read but not yet grouped into
    # categories and archives, so fixing names, slugs and order here is seen
    # by every listing Pelican builds afterwards.
    signals.article_generator_pretaxonomy.connect(bind_categories)
    # article_generator_finalized: categories are grouped; publish the menu.
    signals.article_generator_finalized.connect(expose_registry)
