"""The curation page in headless Chromium: proposals beside the text, accepted one by one with the
keyboard (edited or not) or in bulk through a previewed `POST /imports` (screenshots kept)."""
import pytest

from .conftest import make_key_headers
from .test_browser import ARTIFACTS, app, app_config, page  # noqa: F401 (fixtures)

CURATED_TITLE = "Azerbaijan Pounds Karabakh as Russia and US Call for Calm"


def claims_total(page):
    return page.request.get(f"{page.base_url}/claims").json()["total"]


def last_claim(page):
    total = claims_total(page)
    return page.request.get(f"{page.base_url}/claims?per_page=1&page={total}").json()["items"][0]


def open_proposals(page, app, title=CURATED_TITLE):
    """Open the page, give an editor key, propose the stored source `title`; its proposals."""
    key = make_key_headers(app, "editor")["Authorization"].split()[1]
    page.goto(f"{page.base_url}/static/curate.html")
    page.get_by_label("Editor key").fill(key)
    page.get_by_label("Stored source").select_option(label=title)
    page.get_by_role("button", name="Propose").click()
    proposals = page.locator("#proposal-list .proposal")
    proposals.first.wait_for(timeout=30000)
    return proposals


def press(page, *keys):
    for key in keys:
        page.keyboard.press(key)


def test_page_proposes_claims_beside_the_text_and_accepts_one_with_a_key(page, app):
    claims_before = claims_total(page)
    proposals = open_proposals(page, app)
    quotes = page.locator("#source-view mark.quote")
    assert quotes.count() >= proposals.count() > 5
    source_id = page.get_by_label("Stored source").input_value()
    editor = {"X-API-Key": page.get_by_label("Editor key").input_value()}
    alone = page.request.post(f"{page.base_url}/sources/{source_id}/extract", headers=editor)
    assert proposals.count() == len(alone.json()["proposals"])  # as many as it alone proposes
    assert page.locator("#source-view mark.quote.current").count() == 1
    assert page.locator("#alignment-list .proposal").count() > 0
    current = page.locator("#proposal-list .proposal.current")
    claim_text = current.locator(".claim").inner_text()
    page.keyboard.press("a")
    page.locator("#proposal-list .proposal.accepted").first.wait_for(timeout=10000)
    assert "accepted: 1 of" in page.locator("#status").inner_text()
    page.keyboard.press("r")
    page.locator("#proposal-list .proposal.rejected").first.wait_for(timeout=10000)
    assert claims_total(page) == claims_before + 1  # the rejected one was not stored
    assert last_claim(page)["text"] == claim_text
    assert page.locator("#counts").inner_text().startswith("1 accepted · 0 edited · 1 rejected")


def test_edit_then_accept_stores_the_edited_text_and_esc_keeps_the_proposal(page, app):
    proposals = open_proposals(page, app)
    first = proposals.nth(0).locator(".claim").inner_text()
    press(page, "e")
    editor = page.get_by_label("Claim text")
    editor.fill("Typed and then abandoned")
    press(page, "Escape")
    assert editor.count() == 0
    assert proposals.nth(0).locator(".claim").inner_text() == first
    edited = "An edited claim: " + first
    press(page, "e")
    page.get_by_label("Claim text").fill(edited)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "curation-editing-a-claim.png"))
    press(page, "Enter")
    assert page.get_by_label("Claim text").count() == 0
    assert "0 accepted · 1 edited" in page.locator("#counts").inner_text()
    press(page, "a")
    page.locator("#proposal-list .proposal.accepted").first.wait_for(timeout=10000)
    assert last_claim(page)["text"] == edited
    assert page.locator("#counts").inner_text().startswith("1 accepted · 1 edited · 0 rejected")


def test_bulk_dry_run_previews_every_marked_claim_and_stores_nothing(page, app):
    claims_before = claims_total(page)
    proposals = open_proposals(page, app)
    imports = []
    page.on("request", lambda r: imports.append(r.url) if "/imports" in r.url else None)
    press(page, "A", "p")
    report = page.locator("#bulk-report")
    report.get_by_text("Preview (a dry run, nothing stored)").wait_for(timeout=15000)
    assert report.locator(".report-line").count() == proposals.count()
    assert report.locator(".report-line.added").count() > 5
    assert claims_total(page) == claims_before
    assert [url.split("/imports")[1] for url in imports] == ["?dry_run=true"]
    assert page.locator("#proposal-list .proposal.accepted").count() == 0
    assert page.get_by_role("button", name="Commit previewed").is_enabled()
    press(page, "x")  # unmarking one changes the batch: the preview no longer stands for it
    assert page.get_by_role("button", name="Commit previewed").is_disabled()
    press(page, "c")
    assert "preview" in page.locator("#status").inner_text()
    assert claims_total(page) == claims_before


def test_bulk_accept_stores_the_claims_once_when_the_answer_is_lost_and_commit_is_pressed_again(
        page, app):
    claims_before = claims_total(page)
    proposals = open_proposals(page, app)
    press(page, "x", "j", "x", "j", "x", "p")
    page.get_by_text("Preview (a dry run, nothing stored)").wait_for(timeout=15000)
    sent, answers = [], []

    def lose_the_first_answer(route):
        """The import is stored, but its answer never reaches the page."""
        sent.append(route.request.header_value("Idempotency-Key"))
        response = route.fetch()
        if len(sent) == 1:
            route.abort()
        else:
            answers.append(response.headers.get("idempotent-replayed"))
            route.fulfill(response=response)
    page.route("**/imports", lose_the_first_answer)
    press(page, "c")
    page.locator("#status").get_by_text("Press c to try again").wait_for(timeout=15000)
    assert claims_total(page) == claims_before + 3  # stored, though the page was not told
    page.get_by_role("button", name="Commit previewed").dblclick()
    page.get_by_text("Stored: 3 added").wait_for(timeout=15000)
    assert len(sent) == 2 and sent[0] == sent[1] and sent[0]  # one key for the batch
    assert answers == ["true"]  # the retry was answered as the first was, not written again
    assert claims_total(page) == claims_before + 3
    assert page.locator("#proposal-list .proposal.accepted").count() == 3
    assert proposals.nth(3).get_attribute("class").split().count("accepted") == 0
    assert page.locator("#counts").inner_text().startswith("3 accepted")


def test_a_refused_line_is_shown_beside_its_proposal_and_the_rest_is_stored(page, app):
    claims_before = claims_total(page)
    proposals = open_proposals(page, app)
    press(page, "j", "e")
    page.get_by_label("Claim text").fill("word " * 401)  # over the 2,000 characters a claim has
    press(page, "Enter", "k", "x", "j", "x", "j", "x", "p")
    report = page.locator("#bulk-report")
    report.get_by_text("Preview (a dry run, nothing stored)").wait_for(timeout=15000)
    refused = report.locator(".report-line.refused")
    assert refused.count() == 1 and "text" in refused.inner_text()
    assert "Refused: text" in proposals.nth(1).locator(".refusal").inner_text()
    assert proposals.nth(0).locator(".refusal").inner_text() == ""
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#review").evaluate("review => review.scrollIntoView()")
    page.screenshot(path=str(ARTIFACTS / "curation-preview-with-a-refused-line.png"))
    press(page, "c")
    page.get_by_text("Stored: 2 added").wait_for(timeout=15000)
    assert claims_total(page) == claims_before + 2
    assert "accepted" not in proposals.nth(1).get_attribute("class")
    assert "Refused: text" in proposals.nth(1).locator(".refusal").inner_text()
    assert "refused" in report.locator(".report-line").nth(1).get_attribute("class")


@pytest.mark.parametrize("mistake, expected", [
    ("wrong key", "not one this server knows"),
    ("blank title", "title: "),
])
def test_errors_are_shown_as_sentences(page, app, mistake, expected):
    key = make_key_headers(app, "editor")["Authorization"].split()[1]
    page.goto(f"{page.base_url}/static/curate.html")
    page.get_by_label("Editor key").fill("cc_wrong" if mistake == "wrong key" else key)
    page.get_by_label("Text of a new source").fill("Seven civilians were killed on Tuesday.")
    page.get_by_label("Title of a new source").fill("   ")
    page.get_by_role("button", name="Propose").click()
    status = page.locator("#status")
    status.get_by_text(expected).wait_for(timeout=10000)
    text = status.inner_text()
    assert text.startswith("Could not propose: ") and "error" in status.get_attribute("class")
    assert not any(junk in text for junk in ("[object Object]", "null", "undefined")), text
    assert page.locator("#review").is_hidden()  # no empty review beside the error


def test_the_key_help_lists_every_key(page, app):
    open_proposals(page, app)
    listed = page.locator("#key-help kbd").all_inner_texts()
    assert listed == ["j", "k", "a", "r", "e", "Enter", "Esc", "x", "A", "p", "c"]
