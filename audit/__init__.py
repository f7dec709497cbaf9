"""Audits of the built portal: one page per type (pages.py), Lighthouse (run.py)."""
