"""Python-Markdown extension for the portal's article bodies.

- A photo alone in its paragraph becomes ``<figure>``; its Markdown title
  (``![alt](src "Quang cảnh hội nghị. Ảnh: Minh Anh")``) becomes the caption.
- Tables are wrapped in a scrollable, keyboard-focusable region so a wide
  table never makes a phone screen scroll sideways.
- Column alignment (``| ---: |``) becomes a class (``align-right``) instead of
  the ``style`` attribute Python-Markdown writes: a strict Content-Security-Policy
  (``style-src 'self'``, README) blocks inline styles.
- Phone numbers become ``tel:`` links (``phones.py``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .phones import PhoneTreeprocessor

_ALIGN = re.compile(r"^\s*text-align:\s*(left|center|right)\s*;?\s*$")


def _blank(text: str | None) -> bool:
    return not (text and text.strip())


class FigureTreeprocessor(Treeprocessor):
    """Turn lone images into figures and wrap tables."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "p":
                    self._figure(child)
                elif child.tag == "table":
                    self._wrap_table(parent, index, child)
                elif child.tag in ("th", "td"):
                    self._align_class(child)

    @staticmethod
    def _figure(paragraph: ET.Element) -> None:
        children = list(paragraph)
        if len(children) != 1 or children[0].tag != "img":
            return
        image = children[0]
        if not (_blank(paragraph.text) and _blank(image.tail)):
            return
        paragraph.tag = "figure"
        image.set("loading", "lazy")
        image.set("decoding", "async")
        caption = image.attrib.pop("title", "").strip()
        if caption:
            figcaption = ET.SubElement(paragraph, "figcaption")
            figcaption.text = caption

    @staticmethod
    def _align_class(cell: ET.Element) -> None:
        found = _ALIGN.match(cell.attrib.pop("style", ""))
        if found:
            classes = [*cell.get("class", "").split(), f"align-{found.group(1)}"]
            cell.set("class", " ".join(classes))

    @staticmethod
    def _wrap_table(parent: ET.Element, index: int, table: ET.Element) -> None:
        if parent.get("class") == "table-scroll":
            return
        wrapper = ET.Element(
            "div",
            {"class": "table-scroll", "role": "region", "tabindex": "0", "aria-label": "Bảng"},
        )
        parent.remove(table)
        wrapper.append(table)
        wrapper.tail, table.tail = table.tail, None
        parent.insert(index, wrapper)


class PortalExtension(Extension):
    """Register the tree processor after inline parsing (images exist by then)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FigureTreeprocessor(md), "portal_figures", 5)
        md.treeprocessors.register(PhoneTreeprocessor(md), "portal_phones", 4)
