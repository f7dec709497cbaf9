"""NukeViet dumps whatever the table prefix, module name and NukeViet 4 release."""

from __future__ import annotations

from importer.nukeviet import NukeVietSource

OLD_RELEASE = """CREATE TABLE `web_vi_tintuc_cat` (
  `catid` smallint(5) unsigned NOT NULL,
  `title` varchar(250) NOT NULL,
  `alias` varchar(250) NOT NULL
) ENGINE=MyISAM;
INSERT INTO `web_vi_tintuc_cat` VALUES (1,'Thời sự','thoi-su');
CREATE TABLE `web_vi_tintuc_bodyhtml_1` (
  `id` int(11) unsigned NOT NULL,
  `bodyhtml` longtext NOT NULL,
  `sourcetext` varchar(255) DEFAULT ''
) ENGINE=MyISAM;
INSERT INTO `web_vi_tintuc_bodyhtml_1` VALUES (9,'<p>Thân bài ở bảng cũ.</p>','');
CREATE TABLE `web_vi_tintuc_rows` (
  `id` int(11) unsigned NOT NULL,
  `catid` smallint(5) unsigned NOT NULL,
  `status` tinyint(4) NOT NULL,
  `publtime` int(11) unsigned NOT NULL,
  `title` varchar(250) NOT NULL,
  `alias` varchar(250) NOT NULL,
  `hometext` text NOT NULL
) ENGINE=MyISAM;
INSERT INTO `web_vi_tintuc_rows` VALUES (9,1,1,1420070400,'Tin năm 2015','tin-nam-2015','Mở đầu.');
"""


def test_bodies_in_the_old_bodyhtml_tables_and_another_prefix(tmp_path):
    dump = tmp_path / "web.sql"
    dump.write_text(OLD_RELEASE, encoding="utf-8")
    source = NukeVietSource(dump)
    [item] = source.items()
    assert (item.title, item.category, item.summary) == ("Tin năm 2015", "Thời sự", "Mở đầu.")
    assert item.date.isoformat() == "2015-01-01T07:00:00+07:00"
    assert item.old_urls == [
        "/tintuc/thoi-su/tin-nam-2015-9.html",
        "/index.php?language=vi&nv=tintuc&op=thoi-su/tin-nam-2015-9",
    ]
    assert list(source.bodies()) == [("tintuc:9", "<p>Thân bài ở bảng cũ.</p>")]
