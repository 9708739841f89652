"""What a person sees, in headless Chromium: Swagger UI and the newsroom page (screenshots kept;
the curation page is in test_browser_curation.py)."""
import shutil
from pathlib import Path

import pytest

from .conftest import PROJECT_SEEDS, make_key_headers

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


@pytest.fixture
def app_config():
    """Settings for the app under test; a test parametrizes this to change them."""
    return {}


@pytest.fixture
def app(make_app, app_config):
    """The browser tests look at the real corpus, as a newsroom would."""
    return make_app(seeds=PROJECT_SEEDS, **app_config)


@pytest.fixture
def page(live_server, request):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1400})
        tab = context.new_page()
        outside = []
        # localhost is this server too, under another origin (for cross-origin calls)
        here = (live_server, live_server.replace("127.0.0.1", "localhost"), "data:")
        tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(here) else None)
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


def check(page, text):
    """Type `text`, press Check and wait for the checked sentences."""
    page.get_by_label("Statement or article").fill(text)
    page.get_by_role("button", name="Check", exact=True).click()
    sentences = page.locator("#checked-text .sentence")
    sentences.first.wait_for(timeout=15000)
    return sentences


def test_an_unverified_sentence_says_no_claim_matches(page):
    page.goto(page.base_url + "/")
    sentences = check(page, ARTICLE)
    sentences.nth(2).click()
    detail = page.locator("#detail")
    detail.get_by_text("Azerbaijan hosted the COP29 climate summit.").first.wait_for()
    text = detail.inner_text()
    assert "null" not in text and "undefined" not in text, text
    assert "no curated claim matches this statement" in text
    assert detail.locator(".verdict").inner_text().strip().lower() == "unverified"


def test_loading_the_example_clears_the_old_results(page):
    page.goto(page.base_url + "/")
    check(page, ARTICLE)
    page.locator("#detail").get_by_text("Matched claim").wait_for()
    page.get_by_role("button", name="Load an example").click()
    assert page.locator("#results").is_hidden()
    assert page.locator("#checked-text .sentence").count() == 0
    assert page.locator("#detail").inner_text() == ""
    assert page.locator("#status").inner_text() == ""
    example = page.get_by_label("Statement or article").input_value()
    assert example and example != ARTICLE
    sentences = check(page, example)
    assert sentences.count() == 5 and example.startswith(sentences.first.inner_text())


@pytest.mark.parametrize("blank", ["", "   \n\t  "])
def test_a_blank_submit_says_why_nothing_was_checked(page, blank):
    page.goto(page.base_url + "/")
    checks = []
    page.on("request", lambda r: checks.append(r.url) if "/check" in r.url else None)
    page.get_by_label("Statement or article").fill(blank)
    page.get_by_role("button", name="Check", exact=True).click()
    status = page.locator("#status")
    status.get_by_text("Nothing to check").wait_for(timeout=5000)
    assert "error" in status.get_attribute("class")
    assert status.evaluate("element => getComputedStyle(element).color") == "rgb(176, 0, 32)"
    box = page.get_by_label("Statement or article")
    assert box.get_attribute("aria-invalid") == "true"
    assert box.evaluate("element => element === document.activeElement")
    assert checks == [] and page.locator("#results").is_hidden()


@pytest.mark.parametrize("app_config", [{"READS_NEED_KEY": True,
                                         "CORS_ORIGINS": [r"http://localhost:\d+"]}])
def test_another_origin_reads_with_a_key_when_reads_need_one(page, app):
    """A newsroom tool on another origin: its key header makes the browser send a preflight
    first, which must pass without a key for the real request (with the key) to be sent."""
    key = make_key_headers(app, "reader")["Authorization"].split(" ", 1)[1]
    page.goto(page.base_url.replace("127.0.0.1", "localhost") + "/")
    answers = page.evaluate("""async ([api, key]) => {
        const read = await fetch(api + "/claims?per_page=1", {headers: {"X-API-Key": key}});
        const check = await fetch(api + "/check", {method: "POST", body: JSON.stringify(
            {statement: "Turkey condemned the offensive"}),
            headers: {"Authorization": "Bearer " + key, "Content-Type": "application/json"}});
        const refused = await fetch(api + "/claims", {headers: {"X-API-Key": "cc_wrong"}});
        return [read.status, (await read.json()).total, check.status, (await check.json()).verdict,
                refused.status, (await refused.json()).detail];
    }""", [page.base_url, key])
    assert answers[:3] == [200, 179, 200] and answers[3] in ("contradicted", "disputed")
    assert answers[4] == 401 and "not one this server knows" in answers[5]

