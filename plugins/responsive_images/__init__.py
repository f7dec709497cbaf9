"""Responsive photos: WebP/JPEG copies at build time, srcset, sizes, lazy loading."""

from .markup import picture, rewrite
from .responsive_images import register, responsive_image, responsive_images
from .variants import plan, plan_widths

__all__ = [
    "picture",
    "plan",
    "plan_widths",
    "register",
    "responsive_image",
    "responsive_images",
    "rewrite",
]
