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
"""

from __future__ import annotations

from blinker import signal

check_source = signal("build_speed_check_source")
content_refreshed = signal("build_speed_content_refreshed")
pages_written = signal("build_speed_pages_written")
