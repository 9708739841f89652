"""The curation page in headless Chromium: proposals beside the text, accepted with the keyboard."""
from .conftest import make_key_headers
from .test_browser import app, app_config, page  # noqa: F401  (the real corpus, a browser tab)

TITLE = "Azerbaijan Pounds Karabakh as Russia and US Call for Calm"


def test_page_proposes_claims_beside_the_text_and_accepts_one_with_a_key(page, app):  # noqa: F811
    key = make_key_headers(app, "editor")["Authorization"].split()[1]
    claims_before = page.request.get(f"{page.base_url}/claims").json()["total"]
    page.goto(f"{page.base_url}/static/curate.html")
    page.get_by_label("Editor key").fill(key)
    page.get_by_label("Stored source").select_option(label=TITLE)
    page.get_by_role("button", name="Propose").click()
    proposals = page.locator("#proposal-list .proposal")
    proposals.first.wait_for(timeout=30000)
    quotes = page.locator("#source-view mark.quote")
    assert quotes.count() >= proposals.count() > 5
    assert page.locator("#source-view mark.quote.current").count() == 1
    assert page.locator("#alignment-list .proposal").count() > 0
    current = page.locator("#proposal-list .proposal.current")
    claim_text = current.locator(".claim").inner_text()
    page.keyboard.press("a")
    page.locator("#proposal-list .proposal.accepted").first.wait_for(timeout=10000)
    assert "accepted: 1 of" in page.locator("#status").inner_text()
    page.keyboard.press("r")
    page.locator("#proposal-list .proposal.rejected").first.wait_for(timeout=10000)
    stored = page.request.get(f"{page.base_url}/claims").json()
    assert stored["total"] == claims_before + 1  # the rejected one was not stored
    last_page = page.request.get(f"{page.base_url}/claims?per_page=1&page={stored['total']}")
    assert last_page.json()["items"][0]["text"] == claim_text
