"""Fixtures of the browser tests: the real seed corpus served live, and a Chromium tab on it."""
import shutil
from pathlib import Path

import pytest

from ..conftest import PROJECT_SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent.parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
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
