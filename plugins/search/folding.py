"""Words a reader may type without "đ": the folded forms Pagefind cannot derive.

Pagefind 1.5 strips combining marks before indexing, so "Hội nghị" is found by
"hoi nghi" and "uỷ"/"ủy" match each other. "đ" is a letter of its own, not a
"d" with a mark, so "dang" never reaches "Đảng". For every page the template
hands Pagefind the folded spelling of its "đ" words as searchable metadata,
which is never part of a result's snippet.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable

from portal_core.text import fold, nfc

_TAG = re.compile(r"<[^>]*>")
# A word containing "đ" in any case; \w is Unicode-aware, so tones stay inside.
_D_WORD = re.compile(r"\w*[đĐ]\w*")
# The "đ" words of a site are a few thousand at most, met again on every page.
_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)


def d_words(*texts: str) -> str:
    """Folded, de-duplicated words with "đ" in ``texts`` (HTML allowed), in order.

    >>> d_words("<p>Đảng ủy phường đã họp.</p>", "Đảng bộ")
    'dang da'
    """
    seen: dict[str, None] = {}
    for text in texts:
        plain = _TAG.sub(" ", nfc(text or ""))
        for word in dict.fromkeys(_D_WORD.findall(plain)):
            seen.setdefault(_fold_word(word), None)
    return " ".join(seen)


def folded_title(title: str) -> str:
    """The whole title folded, if it has "đ" (else Pagefind's own title suffices).

    Titles weigh most in the ranking; "dang uy" must rank a title with
    "Đảng ủy" as high as "Đảng ủy" does.

    >>> folded_title("Đảng&nbsp;ủy <em>phường</em> họp")
    'dang uy phuong hop'
    """
    text = html.unescape(_TAG.sub(" ", nfc(title or "")))
    if not _D_WORD.search(text):
        return ""
    return " ".join(fold(text).split())


def search_fold(item: object, extra: Iterable[object] = ()) -> str:
    """Jinja filter: folded "đ" words of a content object's title, summary, text.

    ``extra`` adds other text the template marks as searchable, e.g. the
    fields table of a document (its type, issuer, signer).
    """
    texts = [getattr(item, name, "") for name in ("title", "summary", "content")]
    texts.extend(extra)
    return d_words(*(text for text in texts if isinstance(text, str)))
