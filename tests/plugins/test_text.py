"""Vietnamese text helpers: folding, slugs, collation."""

from __future__ import annotations

import unicodedata

import pytest

from portal_core.text import fold, nfc, slugify_vi, sort_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đảng ủy", "dang uy"),
        ("Hội nghị", "hoi nghi"),
        ("Ưu tiên", "uu tien"),
        ("hoà", "hoa"),
        ("hòa", "hoa"),
    ],
)
def test_fold_strips_every_mark_including_d(text, folded):
    assert fold(text) == folded


def test_nfd_and_nfc_fold_alike():
    text = "Tiếp xúc cử tri phường Hòa Bình"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)
    assert nfc(unicodedata.normalize("NFD", text)) == text


def test_slug_is_ascii_and_readable():
    assert slugify_vi("Quận 6 tổ chức hội nghị") == "quan-6-to-chuc-hoi-nghi"
    assert slugify_vi("Đại hội – “Đoàn kết”") == "dai-hoi-doan-ket"


def test_collation_puts_d_bar_after_d_and_u_horn_after_u():
    words = ["Ủy ban", "Đoàn", "Ưu tiên", "Dân", "Em", "Ban"]
    assert sorted(words, key=sort_key) == ["Ban", "Dân", "Đoàn", "Em", "Ủy ban", "Ưu tiên"]


def test_collation_ignores_tones_before_breaking_ties():
    # "Hà" and "Hạ" differ only by tone; "Hai" comes after both by letters.
    assert sorted(["Hai", "Hạ", "Hà", "Ha"], key=sort_key) == ["Ha", "Hà", "Hạ", "Hai"]
