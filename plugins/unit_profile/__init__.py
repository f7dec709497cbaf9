"""Unit profile, procedures, English pages and open data (Decree 42/2022)."""

from .unit_profile import register

__all__ = ["register"]
