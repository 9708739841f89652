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
