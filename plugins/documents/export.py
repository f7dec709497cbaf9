"""The register as JSON (``documents.json``): every field, absolute file URLs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from .contents import Document

FORMAT_VERSION = 1


def _url(siteurl: str, path: str) -> str:
    return f"{siteurl}/{path}"


def document_record(document: Document, siteurl: str) -> dict[str, Any]:
    """One document as plain data (dates in ISO 8601)."""
    info = document.info
    replacement = document.replacement
    return {
        "number": str(info.number),
        "type": info.kind,
        "issuer": info.issuer,
        "issued": info.issued.isoformat(),
        "effective": info.effective.isoformat(),
        "expires": info.expires.isoformat() if info.expires else None,
        "signer": info.signer or None,
        "abstract": info.abstract,
        "status": document.validity,
        "status_label": document.validity_label,
        "replaced_by": (
            {"number": str(replacement.info.number), "url": _url(siteurl, replacement.url)}
            if replacement
            else None
        ),
        "replaces": [
            {"number": str(old.info.number), "url": _url(siteurl, old.url)}
            for old in document.replaces
        ],
        "url": _url(siteurl, document.url),
        "files": [
            {
                "name": attachment.name,
                "label": attachment.label,
                "format": attachment.format.label,
                "mime": attachment.format.mime,
                "size": attachment.size,
                "url": _url(siteurl, attachment.url),
            }
            for attachment in info.files
        ],
    }


def register_json(
    documents: Sequence[Document], siteurl: str, sitename: str, as_of: dt.datetime
) -> str:
    """The whole register, in register order, as a JSON text.

    ``as_of`` is the day the statuses were computed for (a document's validity
    changes by the day): a date, not a time, so two builds of the same commit
    on the same day write the same file.
    """
    data = {
        "version": FORMAT_VERSION,
        "site": sitename,
        "as_of": as_of.date().isoformat(),
        "count": len(documents),
        "documents": [document_record(document, siteurl) for document in documents],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
