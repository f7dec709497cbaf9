"""The pages made from the profile: their addresses, titles and language pairs.

Declared once: the generator writes them, ``ABOUT_MENU`` lists them for the
header's "Giới thiệu" submenu, the sitemap and the English menu read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ProfilePage:
    """One generated page."""

    key: str
    url: str  # site-relative, no leading slash, like Pelican's ``.url``
    title: str
    template: str
    lang: str = "vi"
    alternate: str = ""  # key of the same page in the other language
    about: bool = True  # listed under "Giới thiệu" (Vietnamese) / the English menu

    @property
    def save_as(self) -> str:
        """The file written."""
        return self.url + "index.html"


PAGES = (
    ProfilePage(
        "functions",
        "gioi-thieu/chuc-nang-nhiem-vu/",
        "Chức năng, nhiệm vụ",
        "profile_functions",
        alternate="en-about",
    ),
    ProfilePage(
        "organisation",
        "gioi-thieu/co-cau-to-chuc/",
        "Cơ cấu tổ chức",
        "profile_organisation",
        alternate="en-organisation",
    ),
    ProfilePage(
        "leaders", "gioi-thieu/lanh-dao/", "Lãnh đạo", "profile_leaders", alternate="en-leaders"
    ),
    ProfilePage(
        "members", "gioi-thieu/to-chuc-thanh-vien/", "Tổ chức thành viên", "profile_members"
    ),
    ProfilePage("procedures", "thu-tuc-hanh-chinh/", "Thủ tục hành chính", "procedures"),
    ProfilePage("open-data", "du-lieu-mo/", "Dữ liệu mở", "open_data"),
    ProfilePage("contact", "lien-he/", "Liên hệ", "profile_contact", alternate="en-contact"),
    ProfilePage("en-about", "en/", "About", "en/about", "en", "functions"),
    ProfilePage(
        "en-organisation",
        "en/organisation/",
        "Organisation",
        "en/organisation",
        "en",
        "organisation",
    ),
    ProfilePage("en-leaders", "en/leaders/", "Leaders", "en/leaders", "en", "leaders"),
    ProfilePage("en-contact", "en/contact/", "Contact", "en/contact", "en", "contact"),
)
BY_KEY = {page.key: page for page in PAGES}


def pages_for(
    profile: dict[str, Any] | None, procedures: dict[str, Any] | None
) -> list[ProfilePage]:
    """The pages this unit has: none without a profile; no empty sections."""
    if not profile:
        return [BY_KEY["open-data"]]
    skip = set()
    if not profile["member_organisations"]:
        skip.add("members")
    if not procedures:
        skip.add("procedures")
    if not profile["english"]["name"]:
        skip |= {page.key for page in PAGES if page.lang == "en"}
    return [page for page in PAGES if page.key not in skip]


def menu(pages: list[ProfilePage], lang: str) -> list[dict[str, str]]:
    """``[{"title", "url"}]`` of one language's menu, in order."""
    return [
        {"title": page.title, "url": page.url} for page in pages if page.lang == lang and page.about
    ]


def alternate_url(page: ProfilePage, pages: list[ProfilePage]) -> str:
    """The URL of the same page in the other language ('' when it has none)."""
    present = {item.key: item for item in pages}
    other = present.get(page.alternate)
    return other.url if other else ""
