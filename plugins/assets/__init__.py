"""One fingerprinted CSS bundle built from the theme's split sources."""

from .assets import bundle, minify, register

__all__ = ["bundle", "minify", "register"]
