"""Listings: "tin mới hơn", "tin đã đưa", "Xem tiếp", page jump, days with articles."""

from .days import day_url_template, days_document
from .listings import ListingsSettingsError, check_settings, page_url_rules, register
from .neighbours import Neighbours, category_neighbours, page_of

__all__ = [
    "ListingsSettingsError",
    "Neighbours",
    "category_neighbours",
    "check_settings",
    "day_url_template",
    "days_document",
    "page_of",
    "page_url_rules",
    "register",
]
