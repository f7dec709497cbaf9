"""Reader tools on article pages (issue 19, Decree 42 Art. 7): text size
A- A A+ remembered across pages, and "Nghe đọc bài" with a Vietnamese voice
only when the device has one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BODY_SIZE = "parseFloat(getComputedStyle(document.querySelector('.article__body')).fontSize)"

# A device that has a Vietnamese voice (headless Chromium has none): the
# browser's speechSynthesis, recording what it is asked to say.
VIETNAMESE_VOICE = """
(() => {
  const voice = { lang: "vi-VN", name: "Tiếng Việt", default: false, localService: true };
  window.__spoken = [];
  const synth = {
    speaking: false, pending: false, paused: false,
    getVoices: () => [voice],
    speak: (u) => { window.__spoken.push(u.text); synth.speaking = true; },
    cancel: () => { synth.speaking = false; },
    addEventListener: () => {}, removeEventListener: () => {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
})();
"""


def test_text_size_grows_and_is_remembered(desktop, demo_url, demo_pages):
    desktop.goto(demo_url + demo_pages["article"], wait_until="load")
    before = desktop.evaluate(BODY_SIZE)
    desktop.get_by_role("button", name="Tăng cỡ chữ").click()
    bigger = desktop.evaluate(BODY_SIZE)
    assert bigger > before
    desktop.goto(demo_url + demo_pages["notice"], wait_until="load")
    desktop.goto(demo_url + demo_pages["article"], wait_until="load")
    assert desktop.evaluate(BODY_SIZE) == pytest.approx(bigger)
    desktop.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert desktop.evaluate(BODY_SIZE) == pytest.approx(before)
    desktop.get_by_role("button", name="Giảm cỡ chữ").click()
    assert desktop.evaluate(BODY_SIZE) < before


def test_listen_is_hidden_without_a_vietnamese_voice(desktop, demo_url, demo_pages):
    desktop.add_init_script(
        "Object.defineProperty(window, 'speechSynthesis', {value: {getVoices: () =>"
        " [{lang: 'en-US', name: 'English'}], addEventListener: () => {}}});"
    )
    desktop.goto(demo_url + demo_pages["article"], wait_until="load")
    assert desktop.locator("[data-listen]").count() == 1
    assert not desktop.get_by_role("button", name="Nghe đọc bài").is_visible()


def test_listen_reads_the_article_with_a_vietnamese_voice(desktop, demo_url, demo_pages):
    desktop.add_init_script(VIETNAMESE_VOICE)
    desktop.goto(demo_url + demo_pages["article"], wait_until="load")
    button = desktop.get_by_role("button", name="Nghe đọc bài")
    button.click()
    spoken = " ".join(desktop.evaluate("window.__spoken"))
    title = desktop.locator("h1").inner_text().replace("\xa0", " ")
    assert spoken.startswith(title)
    assert (
        desktop.locator(".article__body p").first.inner_text()[:40].replace("\xa0", " ") in spoken
    )
    assert desktop.get_by_role("button", name="Dừng đọc").is_visible()
