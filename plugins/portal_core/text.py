"""Vietnamese text helpers: NFC normalisation, diacritic folding, collation.

Pure functions shared by the plugins, the content checker and the tests.
"""

from __future__ import annotations

import re
import unicodedata

# "đ" has no decomposition in Unicode, so folding must map it explicitly.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^0-9a-z]+")

# Vietnamese alphabet order of base letters: ă, â after a; đ after d; ê after e;
# ô, ơ after o; ư after u (the 29 letters of the alphabet, plus f j w z).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Tone marks, in the conventional dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a different base letter (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (editors' tools produce NFD too)."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip every diacritic ("Đảng ủy" -> "dang uy")."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def fold_key(text: str) -> str:
    """Fold and drop spaces and punctuation: a loose key for matching names."""
    return _NON_WORD.sub("", fold(text))


def slugify_vi(text: str) -> str:
    """Return an ASCII URL slug: "Quận 6 tổ chức hội nghị" -> "quan-6-to-chuc-hoi-nghi"."""
    return _NON_WORD.sub("-", fold(text)).strip("-")


def _letters(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into (letter rank, tone) pairs for collation."""
    result: list[tuple[int, int]] = []
    for cluster in unicodedata.normalize("NFD", text.lower()):
        if cluster in _TONES and result:
            rank, _ = result[-1]
            result[-1] = (rank, _TONES[cluster])
        elif cluster in _LETTER_MARKS and result:
            rank, tone = result[-1]
            base = _ALPHABET[rank] if 0 <= rank < len(_ALPHABET) else ""
            composed = unicodedata.normalize("NFC", base + cluster)
            result[-1] = (_LETTER_RANK.get(composed, rank), tone)
        elif unicodedata.combining(cluster):
            continue
        else:
            rank = _LETTER_RANK.get(cluster)
            if rank is None:
                # Digits, spaces and punctuation sort before letters, by code point.
                rank = ord(cluster) - 0x110000
            result.append((rank, 0))
    return result


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Collation key in Vietnamese alphabetical order.

    Base letters decide first (Đ after D, Ư after U); tones only break ties.
    """
    letters = _letters(nfc(text).replace("Đ", "đ"))
    return tuple(rank for rank, _ in letters), tuple(tone for _, tone in letters)
