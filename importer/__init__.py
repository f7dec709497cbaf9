"""``./portal import``: bring an old portal's content into this site (issue 16).

One module per source (``wordpress``, ``nukeviet`` over ``sqldump``,
``savedpages``), one place that knows our content model (``writer``), the
redirect data (``redirects``), the editor's report (``report``) and the command
(``cli``). Sources yield :class:`importer.model.Item`; nothing else knows how a
file under ``content/`` is spelled.
"""
