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
# A tag (skipped whole: its attributes are not text) or one "đ" of the text.
_TAG_OR_D = re.compile(r"<[^>]*>|[đĐ]")
_WORD_REST = re.compile(r"\w*")
# The "đ" words of a site are a few thousand at most, met again on every page.
_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)


def d_words(*texts: str) -> str:
    """Folded, de-duplicated words with "đ" in ``texts`` (HTML allowed), in order.

    >>> d_words("<p>Đảng ủy phường đã họp.</p>", "Đảng bộ")
    'dang da'
    """
    seen: dict[str, None] = {}
    for text in texts:
        for word in _words_with_d(nfc(text or "")):
            seen.setdefault(_fold_word(word), None)
    return " ".join(seen)


def _words_with_d(text: str) -> dict[str, None]:
    """The words of ``text`` (HTML) holding "đ", as ``\\w*[đĐ]\\w*`` finds them outside tags.

    Searched from each "đ" rather than tried at every character of the text
    (the regular expression's way): an article's body holds a few dozen "đ"
    among thousands of characters, and this ran for every page of the site.
    """
    words: dict[str, None] = {}
    if "đ" not in text and "Đ" not in text:
        return words
    end = 0  # where the last word found ends: a second "đ" in it is skipped
    for found in _TAG_OR_D.finditer(text):
        where = found.start()
        if found.end() - where != 1 or where < end:
            continue  # a tag, or a "đ" already inside a word
        start = where
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # \w backwards
            start -= 1
        end = _WORD_REST.match(text, where + 1).end()  # type: ignore[union-attr]
        words.setdefault(text[start:end], None)
    return words


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
