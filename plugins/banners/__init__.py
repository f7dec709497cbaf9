"""Linked-site banners ("Liên kết") for the sidebar, from a data file."""

from .banners import Banner, read_banners, register

__all__ = ["Banner", "read_banners", "register"]
