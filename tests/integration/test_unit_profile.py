"""The unit profile as readers see it: pages, footer, English pages, completeness."""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import sys
import tomllib

import pytest

from portal_core.runner import BuildFailed
from tests.support import DEMO_CONTENT, ROOT, html_pages, site_path, soup

PROFILE_TEXT = (DEMO_CONTENT / "data" / "don-vi.toml").read_text(encoding="utf-8")
PROFILE = tomllib.loads(PROFILE_TEXT)
MAP = (DEMO_CONTENT / "images" / "ban-do-tru-so.png").read_bytes()
ARTICLE = (
    "Title: Ra quân dọn vệ sinh\nDate: 2024-03-02 08:00\nCategory: Tin tức sự kiện\n"
    "Summary: Tổ dân phố 3 ra quân.\n\n"
    "Người dân tổ dân phố 3 ra quân dọn vệ sinh.\n"
)
# Interface words of the Vietnamese pages that must not appear on English ones.
VIETNAMESE_UI = (
    "Trang chủ",
    "Tìm kiếm",
    "Bỏ qua",
    "Liên hệ",
    "Giới thiệu",
    "Điện thoại",
    "Thư điện tử",
    "Địa chỉ",
    "Lãnh đạo",
    "Người đứng đầu",
    "Chịu trách nhiệm",
    "Thông báo",
    "Văn bản",
    "Lưu trữ",
)
ENGLISH = ("en/", "en/organisation/", "en/leaders/", "en/contact/")


def main_text(site, url: str) -> str:
    return soup(site / url / "index.html").select_one("main").get_text(" ", strip=True)


def without(text: str, *keys: str) -> str:
    """The profile text with the first line of each ``section.key`` removed."""
    lines = text.split("\n")
    for dotted in keys:
        section, key = dotted.split(".")
        start = lines.index(f"[{section}]") if f"[{section}]" in lines else 0
        for index in range(start, len(lines)):
            if re.match(rf"^{key}\s*=", lines[index]):
                del lines[index]
                break
        else:  # pragma: no cover - a typo in the test itself
            raise AssertionError(dotted)
    return "\n".join(lines)


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def profile_site(profile: str, extra: dict | None = None) -> dict:
    return {
        "data/don-vi.toml": profile,
        "images/ban-do-tru-so.png": MAP,
        "articles/2024-03-02-ra-quan.md": ARTICLE,
        **(extra or {}),
    }


# --- The demo's pages ---------------------------------------------------------------


def test_contact_page_has_links_hours_reception_and_a_static_map(built_site):
    page = soup(built_site / "lien-he/index.html")
    contact = PROFILE["contact"]
    phone = page.select_one(f'main a[href="tel:{contact["phone"].replace(" ", "")}"]')
    assert phone.get_text() == contact["phone"]
    assert page.select_one(f'main a[href="tel:{contact["hotline"].replace(" ", "")}"]')
    assert page.select_one(f'main a[href="mailto:{contact["email"]}"]')
    hours = [row.get_text(" ", strip=True) for row in page.select(".contact__hours tbody tr")]
    assert hours[0] == "Thứ Hai đến thứ Sáu 7:30 – 11:30 13:30 – 17:00"
    assert "sáng thứ Ba và sáng thứ Năm" in page.select_one(".contact__reception").get_text()
    figure = page.select_one(".contact__map")
    assert figure.select_one("img")["alt"] == contact["map_alt"]
    assert site_path(built_site, figure.select_one("img")["src"]).is_file()
    assert figure.select_one("a")["href"] == contact["map_link"]
    assert not page.select("main iframe")


def test_contact_page_and_reception_notice_agree(built_site):
    contact = main_text(built_site, "lien-he")
    notice = next((DEMO_CONTENT / "notices").glob("*tiep-cong-dan*")).read_text(encoding="utf-8")
    assert "thứ Ba" in notice
    assert "thứ Năm" in notice
    assert "sáng thứ Ba và sáng thứ Năm" in contact
    # The days in the notice's table are the days the contact page names.
    days = set(re.findall(r"\| (Thứ \w+) \d", notice))
    assert days == {"Thứ Ba", "Thứ Năm"}


def test_footer_and_contact_page_read_the_same_profile(built_site):
    unit, contact = PROFILE["unit"], PROFILE["contact"]
    for url in ("index.html", "lien-he/index.html", "van-ban/index.html"):
        footer = soup(built_site / url).select_one(".site-footer")
        text = footer.get_text(" ", strip=True)
        for value in (unit["governing_body"], unit["responsible"], unit["licence"]):
            assert value in text
        assert contact["address"] in text
        assert footer.select_one(f'a[href="tel:{contact["phone"].replace(" ", "")}"]')
        assert footer.select_one(f'a[href="mailto:{contact["email"]}"]')


def test_header_names_the_kind_of_site_on_every_page(built_site):
    for path in (built_site / "index.html", built_site / "2026" / "index.html"):
        line = soup(path).select_one(".site-kind").get_text(strip=True)
        assert line == PROFILE["unit"]["site_kind"]
        assert line.startswith("Trang thông tin điện tử")


def test_functions_page_lists_every_duty(built_site):
    page = soup(built_site / "gioi-thieu/chuc-nang-nhiem-vu/index.html")
    duties = [item.get_text(strip=True) for item in page.select(".profile__duties li")]
    assert duties == PROFILE["functions"]["duties"]
    assert page.select_one("h1").get_text(strip=True) == "Chức năng, nhiệm vụ"


def test_organisation_chart_is_nested_lists(built_site):
    page = soup(built_site / "gioi-thieu/co-cau-to-chuc/index.html")
    chart = page.select_one(".org-chart > ul")
    top = chart.find_all("li", class_="org-chart__unit", recursive=False)
    assert [li.select_one(".org-chart__name").get_text() for li in top] == [
        unit["name"] for unit in PROFILE["organisation"]
    ]
    # A department inside the Standing Board is a list inside its item.
    nested = top[0].select(":scope ul.org-chart__list > li > .org-chart__name")
    assert nested[0].get_text() == PROFILE["organisation"][0]["units"][0]["name"]
    assert not page.select(".org-chart img")


def test_leaders_page_shows_name_position_duties_and_links(built_site):
    people = soup(built_site / "gioi-thieu/lanh-dao/index.html").select(".person")
    assert len(people) == len(PROFILE["leaders"])
    for person, data in zip(people, PROFILE["leaders"], strict=True):
        assert person.select_one("h2").get_text() == data["name"]
        assert data["position"] in person.get_text()
        assert data["duties"] in person.get_text()
        assert person.select_one(f'a[href="tel:{data["phone"].replace(" ", "")}"]')
        assert person.select_one(f'a[href="mailto:{data["email"]}"]')


def test_member_organisations_page_lists_heads_and_contacts(built_site):
    page = soup(built_site / "gioi-thieu/to-chuc-thanh-vien/index.html")
    names = [h2.get_text() for h2 in page.select(".person h2")]
    assert names == [org["name"] for org in PROFILE["member_organisations"]]
    assert "Bà Nguyễn Thị Bích Ngọc, Chủ tịch Hội" in page.get_text()


def test_procedures_page_groups_by_field_and_is_searchable(built_site):
    page = soup(built_site / "thu-tuc-hanh-chinh/index.html")
    fields = [h2.get_text() for h2 in page.select("main h2")]
    assert fields == ["Bảo trợ xã hội", "Chứng thực", "Hộ tịch", "Mặt trận Tổ quốc"]
    births = page.find("a", string="Đăng ký khai sinh")
    assert births["href"].startswith("https://dichvucong.gov.vn/")
    assert "Toàn trình" in births.parent.get_text()
    assert page.select("main [data-pagefind-body]")
    assert page.select_one('[data-pagefind-filter="type"]').get_text() == "Trang thông tin"


def test_about_menu_lists_the_profile_pages_in_order(built_site):
    links = soup(built_site / "gioi-thieu/lanh-dao/index.html").select(".about-nav a")
    assert [a.get_text() for a in links] == [
        "Giới thiệu chung",
        "Chức năng, nhiệm vụ",
        "Cơ cấu tổ chức",
        "Lãnh đạo",
        "Tổ chức thành viên",
        "Thủ tục hành chính",
        "Dữ liệu mở",
        "Liên hệ",
    ]
    current = soup(built_site / "gioi-thieu/lanh-dao/index.html").select_one(
        ".about-nav [aria-current=page]"
    )
    assert current.get_text() == "Lãnh đạo"
    for link in links:
        assert site_path(built_site, link["href"]).is_file()


def test_contact_is_in_the_menu_and_marked_current_there(built_site):
    home = soup(built_site / "index.html").select_one(".site-nav").find("a", string="Liên hệ")
    assert site_path(built_site, home["href"]) == built_site / "lien-he/index.html"
    nav = soup(built_site / "lien-he/index.html").select_one(".site-nav")
    assert nav.find("a", string="Liên hệ")["aria-current"] == "page"


# --- English pages -----------------------------------------------------------------


@pytest.mark.parametrize("url", ENGLISH)
def test_english_page_is_english_with_hreflang_both_ways(built_site, url):
    page = soup(built_site / url / "index.html")
    assert page.html["lang"] == "en"
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert alternates["en"] == "/" + url
    vietnamese = site_path(built_site, alternates["vi"])
    back = {link["hreflang"]: link["href"] for link in soup(vietnamese).select("link[hreflang]")}
    assert back == {"vi": alternates["vi"], "en": "/" + url}
    assert soup(vietnamese).html["lang"] == "vi"
    menu = [a.get_text() for a in page.select("nav a")]
    assert menu == ["About", "Organisation", "Leaders", "Contact"]
    switch = page.select_one(".language-link")
    assert switch["hreflang"] == "vi"
    assert site_path(built_site, switch["href"]) == vietnamese
    english = copy.copy(page)  # soup() is cached: never change the shared tree
    for tag in english.select("[lang=vi]"):
        tag.decompose()
    text = english.get_text(" ", strip=True)
    found = [word for word in VIETNAMESE_UI if word in text]
    assert not found, f"{url}: {found}"


def test_english_contact_and_leaders_show_the_english_texts(built_site):
    english = PROFILE["english"]
    contact = main_text(built_site, "en/contact")
    assert english["address"] in contact
    assert english["reception"] in contact
    leaders = main_text(built_site, "en/leaders")
    assert [leader["position_en"] in leaders for leader in PROFILE["leaders"]] == [True] * 3


def test_every_page_has_a_language_link(built_site):
    for path in html_pages(built_site):
        link = soup(path).select_one(".language-link")
        assert link is not None, path
        assert site_path(built_site, link["href"]).is_file(), path


# --- Completeness and mistakes -----------------------------------------------------


def test_missing_items_are_named_as_warnings(make_site, capsys):
    profile = without(
        PROFILE_TEXT.replace("strict = true", "strict = false"),
        "unit.governing_body",
        "contact.hotline",
        "english.reception",
    )
    site = make_site(profile_site(profile))
    summary = capsys.readouterr().out
    assert "Thông tin bắt buộc: thiếu 4 mục (cảnh báo" in summary
    assert "«Cơ quan chủ quản» (unit.governing_body)" in summary
    assert "«Đường dây nóng» (contact.hotline)" in summary
    assert "«Lịch tiếp công dân (tiếng Anh)» (english.reception)" in summary
    # No procedures file yet: named too.
    assert "thu-tuc-hanh-chinh.toml: Chưa có danh sách thủ tục hành chính" in summary
    assert (site / "lien-he/index.html").is_file()


def test_complete_profile_says_so(make_site, capsys):
    procedures = (DEMO_CONTENT / "data" / "thu-tuc-hanh-chinh.toml").read_text(encoding="utf-8")
    make_site(profile_site(PROFILE_TEXT, {"data/thu-tuc-hanh-chinh.toml": procedures}))
    assert "  Thông tin bắt buộc: đủ\n" in capsys.readouterr().out


def test_strict_mode_stops_portal_check_naming_each_missing_item(tmp_path):
    from content_checks.cli import run_check  # noqa: PLC0415

    profile = without(PROFILE_TEXT, "unit.responsible", "contact.email")
    content = tmp_path / "content"
    for relative, data in profile_site(profile).items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode())
    (content / "data" / "thu-tuc-hanh-chinh.toml").write_text(
        (DEMO_CONTENT / "data" / "thu-tuc-hanh-chinh.toml").read_text(encoding="utf-8")
    )
    out, err = io.StringIO(), io.StringIO()
    overrides = {"PATH": str(content), "VISITOR_COUNTER": {"source": "none"}}
    status = run_check(ROOT / "pelicanconf.py", overrides, out=out, err=err)
    assert status == 1
    errors = err.getvalue()
    assert "content/data/don-vi.toml" in errors or "don-vi.toml:" in errors
    assert "Thiếu «Người chịu trách nhiệm nội dung» (unit.responsible)" in errors
    assert "Thiếu «Thư điện tử» (contact.email)" in errors


def test_mistakes_name_the_line_and_the_fix(make_site):
    profile = PROFILE_TEXT.replace('hotline = "0200 3 000 199"', 'hotlien = "0200 3 000 199"')
    profile = profile.replace('phone = "0200 3 000 101"', 'phone = "gọi ban"', 1)
    with pytest.raises(BuildFailed) as failed:
        make_site(profile_site(profile))
    messages = "\n".join(failed.value.messages)
    hotline = line_of(profile, "hotlien")
    phone = line_of(profile, 'phone = "gọi ban"')
    assert f'don-vi.toml:{hotline}: contact.hotlien: không có mục "hotlien"' in messages
    assert 'Có phải "hotline"?' in messages
    assert f'don-vi.toml:{phone}: contact.phone: "gọi ban" không phải số điện thoại' in messages


def test_a_syntax_error_names_its_line(make_site):
    profile = PROFILE_TEXT.replace('email = "mttq.hoabinh@lamgiang.gov.vn"', "email = mttq@x")
    with pytest.raises(BuildFailed) as failed:
        make_site(profile_site(profile))
    line = line_of(profile, "email = mttq@x")
    assert any(f"don-vi.toml:{line}: Sai cú pháp TOML" in m for m in failed.value.messages)


def test_a_site_without_profile_still_builds_without_profile_pages(make_site, capsys):
    site = make_site({"articles/2024-03-02-ra-quan.md": ARTICLE})
    assert not (site / "lien-he").exists()
    assert not (site / "en").exists()
    assert not soup(site / "index.html").select(".language-link")
    assert "Thông tin bắt buộc: chưa có hồ sơ đơn vị" in capsys.readouterr().out


# --- Open data ---------------------------------------------------------------------


def _validate(site, name: str) -> dict:
    """Validate ``name.json`` with check-jsonschema (formats too: date-time, date)."""
    schema = site / "schemas" / f"{name}.schema.json"
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema)]
    result = subprocess.run(
        [*command, str(site / f"{name}.json")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((site / f"{name}.json").read_text(encoding="utf-8"))


def test_news_and_notices_feeds_are_valid_against_their_published_schemas(built_site):
    news = _validate(built_site, "news")
    assert news["count"] == len(news["items"]) == 51
    assert news["$schema"] == "/schemas/news.schema.json"
    newest = news["items"][0]
    assert site_path(built_site, newest["url"]).is_file()
    assert newest["date"] >= news["items"][-1]["date"]
    notices = _validate(built_site, "notices")
    documents = _validate(built_site, "documents")
    assert documents["count"] == len(documents["documents"]) == 13
    reception = next(item for item in notices["items"] if "tiếp công dân" in item["title"])
    assert reception["state"] == "current"
    assert site_path(built_site, reception["url"]).is_file()


def test_schema_rejects_a_feed_with_a_renamed_field(built_site):
    """The validation above can fail: a feed that drifts from its schema is caught."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    schema = json.loads((built_site / "schemas/news.schema.json").read_text(encoding="utf-8"))
    data = json.loads((built_site / "news.json").read_text(encoding="utf-8"))
    data["items"][0]["headline"] = data["items"][0].pop("title")
    assert list(Draft202012Validator(schema).iter_errors(data))


def test_open_data_page_links_every_file(built_site):
    page = soup(built_site / "du-lieu-mo/index.html")
    links = {a.get_text(): a["href"] for a in page.select("main table a")}
    for name in ("news.json", "notices.json", "documents.json", "documents.schema.json"):
        assert site_path(built_site, links[name]).is_file(), name


def test_long_feeds_are_split_by_year(make_site):
    second = ARTICLE.replace("2024-03-02", "2025-05-06").replace("Ra quân", "Lại ra quân")
    site = make_site(
        {"articles/2024-03-02-ra-quan.md": ARTICLE, "articles/2025-05-06-ra-quan.md": second},
        OPEN_DATA_MAX_ITEMS=1,
    )
    main = _validate(site, "news")
    assert [(part["year"], part["count"]) for part in main["parts"]] == [(2025, 1), (2024, 1)]
    for part in main["parts"]:
        data = json.loads(site_path(site, part["url"]).read_text(encoding="utf-8"))
        assert data["year"] == part["year"]
        assert len(data["items"]) == 1


# --- Document types ------------------------------------------------------------------


def test_register_has_shortcuts_for_plans_programmes_budget_and_reports(built_site):
    nav = soup(built_site / "van-ban/index.html").select_one("nav.doc-shortcuts")
    links = nav.select("a")
    assert [a.get_text() for a in links] == [
        "Kế hoạch",
        "Chương trình",
        "Công khai ngân sách",
        "Báo cáo",
    ]
    documents = json.loads((built_site / "documents.json").read_text(encoding="utf-8"))
    for link in links:
        count = sum(doc["type"] == link.get_text() for doc in documents["documents"])
        assert count >= 1
        assert link.parent.get_text(" ", strip=True).endswith(f"({count})")
        assert link["href"].startswith("/van-ban/?loai=")


def test_a_shortcut_to_an_undeclared_type_is_refused(make_site):
    with pytest.raises(BuildFailed, match='DOCUMENT_SHORTCUTS: "Công khai tài chính" không có'):
        make_site(
            {"articles/2024-03-02-ra-quan.md": ARTICLE}, DOCUMENT_SHORTCUTS=["Công khai tài chính"]
        )


# --- Production, other kinds of unit, ./portal check in warning mode -------------------


def test_production_site_lists_profile_pages_in_sitemap_with_absolute_links(tmp_path):
    from tests.publishing import SUBPATH_SITE, publish, site_files  # noqa: PLC0415
    from tests.support import write_files  # noqa: PLC0415

    site = publish(write_files(tmp_path / "content", site_files()), tmp_path / "output")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("lien-he/", "gioi-thieu/lanh-dao/", "thu-tuc-hanh-chinh/", "du-lieu-mo/", "en/"):
        assert f"<loc>{SUBPATH_SITE}/{url}</loc>" in sitemap, url
    english = soup(site / "en/contact/index.html")
    assert english.select_one('link[hreflang="vi"]')["href"] == f"{SUBPATH_SITE}/lien-he/"
    news = json.loads((site / "news.json").read_text(encoding="utf-8"))
    assert news["$schema"] == f"{SUBPATH_SITE}/schemas/news.schema.json"
    assert all(item["url"].startswith(SUBPATH_SITE + "/") for item in news["items"])


def test_a_ward_government_needs_no_member_organisations(make_site, capsys):
    start = PROFILE_TEXT.index("# Tổ chức thành viên")
    end = PROFILE_TEXT.index("# Phần tiếng Anh")
    profile = PROFILE_TEXT[:start] + PROFILE_TEXT[end:]
    profile = profile.replace('kind = "mttq"', 'kind = "chinh-quyen"')
    procedures = (DEMO_CONTENT / "data" / "thu-tuc-hanh-chinh.toml").read_text(encoding="utf-8")
    site = make_site(profile_site(profile, {"data/thu-tuc-hanh-chinh.toml": procedures}))
    assert "Thông tin bắt buộc: đủ" in capsys.readouterr().out
    assert not (site / "gioi-thieu/to-chuc-thanh-vien").exists()
    menu = [a.get_text() for a in soup(site / "lien-he/index.html").select(".about-nav a")]
    assert "Tổ chức thành viên" not in menu
    # The same profile for a Front committee lacks its member organisations.
    with pytest.raises(BuildFailed) as failed:
        make_site(profile_site(profile.replace('kind = "chinh-quyen"', 'kind = "mttq"')))
    assert any("«Tổ chức thành viên» (member_organisations)" in m for m in failed.value.messages)


def test_portal_check_in_warning_mode_passes_and_names_what_is_missing(tmp_path):
    from content_checks.cli import run_check  # noqa: PLC0415

    profile = without(PROFILE_TEXT.replace("strict = true", "strict = false"), "contact.reception")
    content = tmp_path / "content"
    for relative, data in profile_site(profile).items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode())
    out, err = io.StringIO(), io.StringIO()
    overrides = {"PATH": str(content), "VISITOR_COUNTER": {"source": "none"}}
    assert run_check(ROOT / "pelicanconf.py", overrides, out=out, err=err) == 0
    report = out.getvalue()
    assert "Thông tin bắt buộc: thiếu 2 mục (cảnh báo" in report
    assert "Thiếu «Lịch tiếp công dân» (contact.reception)" in report


def test_procedure_mistakes_name_the_line(make_site):
    procedures = (DEMO_CONTENT / "data" / "thu-tuc-hanh-chinh.toml").read_text(encoding="utf-8")
    procedures = procedures.replace('level = "Một phần"', 'level = "Mức 4"', 1)
    procedures = procedures.replace('link = "https://dichvucong.gov.vn/"', 'link = "dichvucong"', 1)
    with pytest.raises(BuildFailed) as failed:
        make_site(profile_site(PROFILE_TEXT, {"data/thu-tuc-hanh-chinh.toml": procedures}))
    messages = "\n".join(failed.value.messages)
    level, link = line_of(procedures, 'level = "Mức 4"'), line_of(procedures, 'link = "dichvucong"')
    assert (
        f'thu-tuc-hanh-chinh.toml:{level}: procedures[2].level: "Mức 4" không hợp lệ; '
        'ghi "Toàn trình" hoặc "Một phần" hoặc "Trực tiếp".'
    ) in messages
    assert f"thu-tuc-hanh-chinh.toml:{link}: procedures[1].link:" in messages


def test_markup_in_profile_text_is_refused(make_site):
    profile = PROFILE_TEXT.replace(
        'licence_note = "Ghi rõ nguồn', 'licence_note = "<script>x</script>Ghi rõ nguồn'
    )
    with pytest.raises(BuildFailed) as failed:
        make_site(profile_site(profile))
    line = line_of(profile, "licence_note")
    assert any(
        f"don-vi.toml:{line}: unit.licence_note: không dùng thẻ HTML" in m
        for m in failed.value.messages
    )


PROCEDURES_TEXT = (DEMO_CONTENT / "data" / "thu-tuc-hanh-chinh.toml").read_text(encoding="utf-8")
PHOTO = 'photo = "images/lanh-dao/chu-tich.png"'


def test_leader_photo_is_shown(make_site):
    profile = PROFILE_TEXT.replace('photo = ""', PHOTO, 1)
    extra = {"images/lanh-dao/chu-tich.png": MAP, "data/thu-tuc-hanh-chinh.toml": PROCEDURES_TEXT}
    site = make_site(profile_site(profile, extra))
    photo = soup(site / "gioi-thieu/lanh-dao/index.html").select_one(".person__photo")
    assert photo["alt"] == f"Ảnh {PROFILE['leaders'][0]['name']}"
    assert site_path(site, photo["src"]).is_file()


def test_leader_photo_must_exist(make_site):
    profile = PROFILE_TEXT.replace('photo = ""', PHOTO, 1)
    with pytest.raises(BuildFailed) as failed:
        make_site(profile_site(profile, {"data/thu-tuc-hanh-chinh.toml": PROCEDURES_TEXT}))
    line = line_of(profile, PHOTO)
    assert any(
        f'don-vi.toml:{line}: leaders[1].photo: không có ảnh "images/lanh-dao/chu-tich.png"' in m
        for m in failed.value.messages
    )
