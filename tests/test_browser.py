"""What a person sees, in headless Chromium: Swagger UI and the newsroom page (screenshots kept)."""
import shutil
from pathlib import Path

import pytest

from .conftest import PROJECT_SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


@pytest.fixture
def app(make_app):
    """The browser tests look at the real corpus, as a newsroom would."""
    return make_app(seeds=PROJECT_SEEDS)


@pytest.fixture
def page(live_server, request):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1400})
        tab = context.new_page()
        outside = []
        tab.on("request", lambda r: outside.append(r.url)
               if not r.url.startswith(live_server) and not r.url.startswith("data:") else None)
        tab.base_url = live_server
        yield tab
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        browser.close()
        assert outside == [], f"the page fetched from outside this server: {outside}"


def test_swagger_ui_try_it_out_on_check_returns_a_verdict(page):
    page.goto(f"{page.base_url}/docs")
    page.click("#operations-check-check")
    page.click("button:has-text('Execute')")
    response = page.locator(".live-responses-table .response").first
    response.wait_for(timeout=15000)
    assert response.locator(".response-col_status").inner_text().strip() == "200"
    body = response.locator(".microlight").first.inner_text()
    assert '"verdict": "disputed"' in body
    response.scroll_into_view_if_needed()


ARTICLE = ("Azerbaijan launched a military operation in Nagorno-Karabakh on September 19. "
           "Seven civilians were killed on the first day of the offensive. "
           "Azerbaijan hosted the COP29 climate summit.")


def test_page_checks_an_article_and_shows_a_disputed_sentence_with_both_figures(page):
    page.goto(page.base_url + "/")
    page.get_by_label("Statement or article").fill(ARTICLE)
    page.get_by_role("button", name="Check", exact=True).click()
    sentences = page.locator("#checked-text .sentence")
    sentences.first.wait_for(timeout=15000)
    assert sentences.count() == 3
    assert "disputed" in sentences.nth(1).get_attribute("class")
    assert "unverified" in sentences.nth(2).get_attribute("class")
    sentences.nth(1).focus()
    page.keyboard.press("Enter")
    detail = page.locator("#detail")
    detail.get_by_text("Matched claim").wait_for()
    supporting = detail.locator(".side.supporting").inner_text()
    contradicting = detail.locator(".side.contradicting").inner_text()
    assert "seven" in supporting and "Bloomberg" in supporting
    assert "two" in contradicting
    differing = detail.locator(".side.contradicting .figure.differs").all_inner_texts()
    assert any("two" in text for text in differing)
