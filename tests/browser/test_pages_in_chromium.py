"""The pages in a real headless Chromium against the real running service.

From the release desk to a calendar file: paste the seed press release, publish it untouched,
find Foreign Correspondent on What's on and at 8 pm on 18 September 2018 (Sydney) in the guide,
open its programme page, call the publicist (tel: link) and download its .ics. Layout facts that
matter are measured in the browser; a hostile release must execute nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.request
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.browser.conftest import Server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "foreign-correspondent-leave-no-dark-corner.md"
DOCUMENTS = ROOT / "tests" / "documents"
PAYLOAD = "</script><script>window.__pwned=1</script>"


def by(kind: str) -> Any:
    from selenium.webdriver.common.by import By
    return getattr(By, kind)


def shot(driver: Any, artefacts: Path, name: str) -> None:
    """A full-page screenshot (the page's whole height) under ``artefacts``."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": min(int(height), 6000), "deviceScaleFactor": 1,
        "mobile": width < 500})
    try:
        driver.save_screenshot(str(artefacts / f"{name}.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})


def wait_for(driver: Any, css: str) -> Any:
    """The element matching ``css`` once the page that has it has loaded (after a submit)."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, 10).until(
        expected_conditions.presence_of_element_located((by("CSS_SELECTOR"), css)))


def sign_in(driver: Any, server: Server) -> None:
    driver.get(f"{server}/desk")
    if driver.find_elements(by("ID"), "token"):
        driver.find_element(by("ID"), "token").send_keys(server.token)
        driver.find_element(by("CSS_SELECTOR"), "form button[type=submit]").click()
    wait_for(driver, "#desk-form")


def paste_and_preview(driver: Any, server: Server, text: str, *, format_in: str = "") -> None:
    sign_in(driver, server)
    box = driver.find_element(by("ID"), "text")
    # What a paste does: the whole text lands in the box at once (typing 4 kB is slow).
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input'));", box, text)
    if format_in:
        from selenium.webdriver.support.ui import Select
        Select(driver.find_element(by("ID"), "format_in")).select_by_value(format_in)
    driver.find_element(by("CSS_SELECTOR"), "#desk-form button[type=submit]").click()
    wait_for(driver, "#publish-form")


def publish(driver: Any) -> int:
    driver.find_element(by("CSS_SELECTOR"), "#publish-form button[type=submit]").click()
    wait_for(driver, "dl.facts")
    path = driver.current_url.split("?")[0]
    assert "/releases/" in path, driver.page_source[:1000]
    return int(path.rsplit("/", 1)[1])


def test_seed_from_the_desk_to_a_calendar_file(browser: Any, server: Server,
                                               artefacts: Path) -> None:
    driver = browser
    paste_and_preview(driver, server, SEED.read_text())
    warnings = [e.text for e in driver.find_elements(by("CSS_SELECTOR"), ".warnings li")]
    assert any("year-inferred" in w for w in warnings)
    shot(driver, artefacts, "desk-preview")
    release_id = publish(driver)  # nothing corrected
    assert "3 airings added" in driver.find_element(by("CSS_SELECTOR"), ".notice").text
    shot(driver, artefacts, "release")

    driver.get(f"{server}/?from=2018-09-18&tz=Australia/Sydney")
    first = driver.find_element(by("CSS_SELECTOR"), "section.day li.airing")
    assert "8:00 pm AEST" in first.text and "Foreign Correspondent" in first.text
    shot(driver, artefacts, "whats-on")

    driver.get(f"{server}/guide?date=2018-09-18&tz=Australia/Sydney")
    block = driver.find_element(by("CSS_SELECTOR"),
                                "li.block[data-start='2018-09-18T20:00:00+10:00']")
    assert "Foreign Correspondent" in block.text and "8:00 pm" in block.text
    row = block.find_element(by("XPATH"), "ancestor::section[1]")
    assert row.find_element(by("CSS_SELECTOR"), "h2").text == "ABC TV"
    track = block.find_element(by("XPATH"), "..")
    offset = driver.execute_script(
        "return arguments[0].getBoundingClientRect().left"
        " - arguments[1].getBoundingClientRect().left", block, track)
    assert offset == pytest.approx(20 * 60 * 3, abs=0.5)  # 8 pm: 1,200 minutes at 3 px each
    shot(driver, artefacts, "guide")

    block.find_element(by("TAG_NAME"), "a").click()
    wait_for(driver, "article.programme")
    assert driver.find_element(by("TAG_NAME"), "h1").text == "Foreign Correspondent"
    tel = driver.find_elements(by("CSS_SELECTOR"), "a[href^='tel:']")
    assert [a.get_attribute("href") for a in tel][:1] == ["tel:+61283332263"]
    assert "+61 2 8333 2263" in tel[0].text
    data = driver.execute_script(
        "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]')"
        ".textContent)")
    assert data["@graph"][0]["name"] == "Foreign Correspondent"
    shot(driver, artefacts, "programme")

    href = driver.find_element(by("CSS_SELECTOR"), "a[download]").get_attribute("href")
    with urllib.request.urlopen(href, timeout=10) as answer:
        assert answer.headers.get_content_type() == "text/calendar"
        calendar = icalendar.Calendar.from_ical(answer.read())
    starts = sorted(e.decoded("DTSTART").astimezone(ZoneInfo("Australia/Sydney"))
                    for e in calendar.walk("VEVENT"))
    assert starts[0] == dt.datetime(2018, 9, 18, 20, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    assert len(starts) == 3
    assert release_id >= 1


def test_the_browser_zone_is_used_when_no_zone_is_chosen(browser: Any, server: Server) -> None:
    driver = browser
    driver.delete_all_cookies()
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Europe/London"})
    try:
        driver.get(f"{server}/?from=2018-09-18")  # tz.js sets the cookie and re-renders once
        wait_for(driver, "html[data-tz='Europe/London']")
        first = driver.find_element(by("CSS_SELECTOR"), "section.day li.airing time")
        assert first.text == "11:00 am BST"
        assert driver.get_cookie("tz")["value"] == "Europe/London"
    finally:
        driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "UTC"})
        driver.delete_all_cookies()


def test_layout_a_60_minute_block_is_twice_a_30_minute_one(browser: Any, server: Server,
                                                           artefacts: Path) -> None:
    driver = browser
    paste_and_preview(driver, server, (DOCUMENTS / "two-lengths-release.txt").read_text())
    publish(driver)
    driver.get(f"{server}/guide?date=2018-10-08&tz=Australia/Sydney")
    widths = driver.execute_script(
        "const out = {};"
        "for (const li of document.querySelectorAll('li.block')) {"
        "  out[li.querySelector('.block-title').textContent] ="
        "    li.getBoundingClientRect().width; }"
        "return out;")
    assert widths["Quiz Night"] == pytest.approx(180, abs=0.01)
    assert widths["Short Stories"] == pytest.approx(90, abs=0.01)
    assert widths["Quiz Night"] == pytest.approx(2 * widths["Short Stories"], abs=0.01)
    shot(driver, artefacts, "guide-two-lengths")


def test_nothing_overflows_a_375_px_viewport(browser: Any, server: Server,
                                            artefacts: Path) -> None:
    driver = browser
    paste_and_preview(driver, server, SEED.read_text())
    publish(driver)
    release_url = driver.current_url.split("?")[0]
    narrow = {"width": 375, "height": 812, "deviceScaleFactor": 1, "mobile": True}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", narrow)
    try:
        pages = {
            "whats-on": "/?from=2018-09-18&tz=Australia/Sydney",
            "guide": "/guide?date=2018-09-18&tz=Australia/Sydney",
            "programme": "/programmes/foreign-correspondent",
            "release": release_url.removeprefix(server),
            "desk": "/desk",
            "error": "/guide?date=not-a-date",
        }
        widths = {}
        for name, path in pages.items():
            driver.get(server + path)
            widths[name] = driver.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]")
            shot(driver, artefacts, f"375-{name}")
        paste_and_preview(driver, server, SEED.read_text())
        widths["desk-preview"] = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        shot(driver, artefacts, "375-desk-preview")
        print("scrollWidth, innerWidth at 375 px:", json.dumps(widths))
        for name, (scroll_width, inner) in widths.items():
            assert inner == 375, name
            assert scroll_width <= 375, f"{name} overflows: {scroll_width} px"
        # the guide scrolls inside its own container instead
        driver.get(server + pages["guide"])
        inner_scroll = driver.execute_script(
            "const s = document.querySelector('.guide-scroll');"
            "return [s.scrollWidth, s.clientWidth]")
        assert inner_scroll[0] > inner_scroll[1]
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_hostile_release_executes_nothing(browser: Any, server: Server,
                                           artefacts: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    driver = browser
    paste_and_preview(driver, server, (DOCUMENTS / "hostile-release.txt").read_text(),
                      format_in="text")
    channel = driver.find_element(by("ID"), "channel-0")
    channel.clear()
    channel.send_keys('ABC" onmouseover="window.__pwned=1" x="<script>alert(1)</script>')
    release_id = publish(driver)
    slug = driver.find_element(by("CSS_SELECTOR"), "#airing-1 .what a").get_attribute("href")
    visited = [f"{server}/releases/{release_id}", slug, f"{server}/?from=2018-10-08",
               f"{server}/guide?date=2018-10-08&tz=Australia/Sydney"]
    for url in visited:
        driver.get(url)
        for element in driver.find_elements(by("CSS_SELECTOR"), "li.block a, li.airing"):
            element.location_once_scrolled_into_view  # noqa: B018 - hover targets in view
        try:
            text = driver.switch_to.alert.text
            pytest.fail(f"{url} opened an alert: {text}")
        except NoAlertPresentException:
            pass
        assert driver.execute_script("return typeof window.__pwned") == "undefined", url
        assert PAYLOAD in driver.find_element(by("TAG_NAME"), "main").text, url
    driver.get(slug)
    data = driver.execute_script(
        "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]')"
        ".textContent)")
    assert PAYLOAD in data["@graph"][0]["name"]
    assert driver.execute_script("return document.scripts.length") == 2  # tz.js and JSON-LD
    shot(driver, artefacts, "hostile-programme")
