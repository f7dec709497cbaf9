"""The SQL dump reader: MySQL's escapes, multi-row inserts, NULL, _binary, truncation."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer.errors import SourceError
from importer.sqldump import iter_rows

TABLE = """CREATE TABLE `nv4_vi_news_cat` (
  `catid` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(250) NOT NULL,
  `alias` varchar(250) DEFAULT NULL,
  PRIMARY KEY (`catid`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
"""


def rows(tmp_path: Path, text: str, wanted=lambda table: True) -> list[tuple[str, dict]]:
    path = tmp_path / "dump.sql"
    path.write_text(text, encoding="utf-8")
    return list(iter_rows(path, wanted))


def test_mysql_escapes_and_multi_row_inserts(tmp_path):
    found = rows(
        tmp_path,
        TABLE
        + "INSERT INTO `nv4_vi_news_cat` VALUES "
        + r"(1,'Tin \'nóng\' \\ \"x\"\nhai\tba','a'),(2,'it''s; (ok)',NULL),"
        + "(3,_binary 'nhị phân',0x414243);\n",
    )
    assert [row for _, row in found] == [
        {"catid": 1, "title": "Tin 'nóng' \\ \"x\"\nhai\tba", "alias": "a"},
        {"catid": 2, "title": "it's; (ok)", "alias": None},
        {"catid": 3, "title": "nhị phân", "alias": b"ABC"},
    ]


def test_phpmyadmin_inserts_with_columns_across_lines(tmp_path):
    found = rows(
        tmp_path,
        "INSERT INTO `nv4_vi_news_cat` (`catid`, `title`, `alias`) VALUES\n"
        "(4, 'dòng một\nvẫn dòng một);', 'b'),\n"
        "(5, 'Emoji 🎉 utf8mb4', 'c');\n",
    )
    assert [row["title"] for _, row in found] == ["dòng một\nvẫn dòng một);", "Emoji 🎉 utf8mb4"]


def test_unwanted_tables_are_skipped_whole(tmp_path):
    found = rows(
        tmp_path,
        TABLE
        + "INSERT INTO `nv4_users` VALUES (1,'a;\n'),(2,'b');\n"
        + "INSERT INTO `nv4_vi_news_cat` VALUES (7,'Bảy','bay');\n",
        wanted=lambda table: table == "nv4_vi_news_cat",
    )
    assert found == [("nv4_vi_news_cat", {"catid": 7, "title": "Bảy", "alias": "bay"})]


def test_a_truncated_dump_says_where(tmp_path):
    with pytest.raises(SourceError, match=r"dump.sql:7: tệp SQL bị cắt cụt"):
        rows(tmp_path, TABLE + "INSERT INTO `nv4_vi_news_cat` VALUES (1,'Tin bị cắt gi")


def test_an_insert_without_its_table_structure_is_explained(tmp_path):
    with pytest.raises(SourceError, match="thiếu câu lệnh CREATE TABLE"):
        rows(tmp_path, "INSERT INTO `nv4_vi_news_rows` VALUES (1,'a');\n")


def test_a_dump_that_is_not_utf8_is_explained(tmp_path):
    path = tmp_path / "dump.sql"
    latin = b"INSERT INTO `nv4_vi_news_cat` VALUES (1,'Tin t\xe9c','a');\n"
    path.write_bytes(TABLE.encode() + latin)
    with pytest.raises(SourceError, match="không phải văn bản UTF-8"):
        list(iter_rows(path, lambda table: True))
