"""Helpers for the accessibility checks in Chromium: axe-core, focus, contrast.

Used by tests/browser/ (conftest.py, test_accessibility.py, test_keyboard.py,
test_images.py). Nothing here decides a result: the tests assert.
"""

from __future__ import annotations

import re
from typing import Any

# WCAG 2.1 level A and AA, the rules public portals are held to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# A cheap Android phone: 375 CSS pixels wide, touch, a 2x screen.
PHONE = {
    "viewport": {"width": 375, "height": 667},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
# Elements a keyboard user must be able to reach (tabindex=-1 ones are skipped).
FOCUSABLE = (
    "a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),"
    " select:not([disabled]), textarea:not([disabled]), summary, iframe,"
    ' [contenteditable=""], [contenteditable="true"], [tabindex]'
)

# Returns a description of document.activeElement and its focus indicator.
FOCUS_STATE_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  // The colours a reader sees beside the ring: outside the element for a ring
  // drawn around it, the element's own background for one drawn inside it.
  const offset = parseFloat(style.outlineOffset) || 0;
  const gap = offset + (parseFloat(style.outlineWidth) || 0) + 3;
  const points = offset < 0 ? [[box.left + 1, box.top + 1]] : [
    [box.left - gap, box.top + box.height / 2], [box.right + gap, box.top + box.height / 2],
    [box.left + box.width / 2, box.top - gap], [box.left + box.width / 2, box.bottom + gap],
  ];
  const backgrounds = [];
  for (const [x, y] of points) {
    if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
    const under = offset < 0 ? el : document.elementsFromPoint(x, y).find(
      (node) => node !== el && !el.contains(node));
    const layers = [];  // background colours from the top down to the first opaque one
    for (let node = under; node; node = node.parentElement) {
      const value = getComputedStyle(node).backgroundColor;
      if (value === "rgba(0, 0, 0, 0)" || value === "transparent") continue;
      layers.push(value);
      if (!value.startsWith("rgba")) break;
    }
    backgrounds.push(layers);
  }
  return {
    key: el.dataset.kbd || "",
    html: el.outerHTML.slice(0, 160),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
    backgrounds: backgrounds,
    box: [box.left, box.top, box.width, box.height],
    viewport: [window.innerWidth, window.innerHeight],
  };
}
"""

# Tags every visible keyboard-reachable element with data-kbd="n"; returns them.
MARK_FOCUSABLE_JS = """
(selector) => {
  const found = [];
  document.querySelectorAll(selector).forEach((el, index) => {
    if (el.tabIndex < 0 || el.closest("[inert], [hidden]")) return;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.getClientRects().length === 0) return;
    const details = el.closest("details:not([open])");
    if (details && el.tagName !== "SUMMARY") return;
    el.dataset.kbd = String(index);
    found.push({key: String(index), html: el.outerHTML.slice(0, 160)});
  });
  return found;
}
"""

# axe's reasons for not measuring a text that mean "scrolled out of its box".
_HIDDEN_BY_SCROLLING = {
    "bgOverlap",
    "elmPartiallyObscured",
    "elmPartiallyObscuring",
    "outsideViewport",
}
_RGB = re.compile(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)")


def axe_violations(page: Any) -> list[str]:
    """Run axe-core (WCAG 2.1 A + AA) on the page; one line per failing node.

    Text whose contrast axe cannot measure because of what is behind it (a
    picture, a gradient) counts as a failure too. Cells of a wide table
    scrolled out of its box on a phone are not: axe only says they are hidden.
    """
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415 - heavy import

    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations", "incomplete"],
    }
    results = Axe().run(page, options=options).response
    unsure = []
    for item in results["incomplete"]:
        if item["id"] == "color-contrast":
            nodes = [node for node in item["nodes"] if _reason(node) not in _HIDDEN_BY_SCROLLING]
            unsure.append({**item, "nodes": nodes})
    lines = []
    for violation in results["violations"] + unsure:
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = checks[0]["message"] if checks else violation["help"]
            lines.append(f"{violation['id']}: {' '.join(node['target'])}: {why}")
    return lines


def _reason(node: dict) -> str:
    checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
    data = checks[0].get("data") if checks else None
    return data.get("messageKey", "") if isinstance(data, dict) else ""


def colours(text: str) -> list[tuple[float, float, float, float]]:
    """Every ``rgb()``/``rgba()`` colour in a computed style value."""
    return [
        (float(r), float(g), float(b), float(a) if a else 1.0) for r, g, b, a in _RGB.findall(text)
    ]


def _luminance(rgb: tuple[float, float, float]) -> float:
    channels = []
    for value in rgb:
        c = value / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """WCAG contrast ratio of two opaque colours (alpha is ignored)."""
    lighter, darker = sorted((_luminance(first[:3]), _luminance(second[:3])), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def flatten(layers: list[str]) -> tuple[float, float, float, float]:
    """The colour seen through translucent background layers (top first) over white."""
    red, green, blue = 255.0, 255.0, 255.0
    for layer in reversed(layers):
        r, g, b, alpha = colours(layer)[0]
        red, green, blue = (
            r * alpha + red * (1 - alpha),
            g * alpha + green * (1 - alpha),
            b * alpha + blue * (1 - alpha),
        )
    return (red, green, blue, 1.0)


def indicator_contrast(state: dict[str, Any]) -> float:
    """How well the focus ring (outline or box-shadow) stands out from its surroundings.

    WCAG 1.4.11 asks for 3:1 against the adjacent colours. A ring is sampled on
    each side; it counts as seen when it stands out on most sides (a ring next
    to a neighbouring button on one side is still plainly a ring). Returns the
    contrast reached on at least half of the sides.
    """
    rings = []
    if state["outlineStyle"] != "none" and state["outlineWidth"] >= 2:
        rings += colours(state["outlineColor"])
    if state["boxShadow"] != "none":
        rings += colours(state["boxShadow"])
    rings = [ring for ring in rings if ring[3] > 0]
    sides = [flatten(layers) for layers in state["backgrounds"]] or [flatten([])]
    best = sorted(
        (max((contrast(ring, side) for ring in rings), default=0.0) for side in sides),
        reverse=True,
    )
    return best[(len(best) - 1) // 2]
