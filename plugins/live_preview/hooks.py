"""Signals the preview's hot path sends, for plugins that keep data per content.

The hot path (:mod:`.hot`) updates an edited article in the last build's
memory instead of running a build, so the signals a build sends (and the
handlers that derive data from an article at ``*_generator_finalized``) do not
run. A plugin whose data on a page depends on an article's text or header
listens to these, by name (blinker), without importing this plugin:

    from blinker import signal
    signal("build_speed_content_refreshed").connect(handler)

- ``build_speed_check_source(generator, path=Path)``: before an edited file is
  used; a receiver returns a list of problems (``(line, message)``), and any
  problem leaves the file to the full preview build, which reports it.
- ``build_speed_content_refreshed(generator, content=Content)``: the article
  holds its new text and header; recompute what the plugin derives from it.
- ``build_speed_pages_written(generator, output=Path)``: the hot path has
  written its pages; write what they need (resized photos, say).

A published build that reuses pages (``BUILD_SPEED_REUSE_PAGES``) does not
render a kept page, so what a plugin learns while rendering it (the photos it
shows) must come from the record of the build that did:

- ``build_speed_page_rendering(name)``: page ``name`` is about to be rendered;
- ``build_speed_page_rendered(name, html=...)``: it was, as ``html`` (about to
  be written); a receiver returns ``{key: value}`` (picklable, a key of its
  own) to remember with the page, or None;
- ``build_speed_page_kept(name, notes={key: value}, path=...)``: the page is
  kept as it was, at ``path``; ``notes`` holds what the receivers returned when
  it was rendered.

Receivers take ``**kwargs``: later versions may send more.
"""

from __future__ import annotations

from blinker import signal

check_source = signal("build_speed_check_source")
content_refreshed = signal("build_speed_content_refreshed")
pages_written = signal("build_speed_pages_written")
page_rendering = signal("build_speed_page_rendering")
page_rendered = signal("build_speed_page_rendered")
page_kept = signal("build_speed_page_kept")
