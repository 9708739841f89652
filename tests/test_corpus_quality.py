"""Data quality is product quality: the curated corpus in seeds/ is exact and traceable."""
from pathlib import Path

import pytest

from service.engine.numbers import parse_figure_text
from service.seeding import read_seed_folder

from .conftest import PROJECT_SEEDS

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "seed-articles"
TEASER_MARKERS = ("Gabbard", "Djibouti", "ICC", "keep reading", "Subscribe now",
                  "Follow us on social", "Newsletter", "Top image credit")


@pytest.fixture(scope="module")
def corpus():
    return read_seed_folder(PROJECT_SEEDS)


@pytest.fixture(scope="module")
def texts(corpus):
    return {s["ref"]: s["text"] for s in corpus["sources"]}


def evidence(corpus):
    for claim in corpus["claims"]:
        for item in claim["evidence"]:
            yield claim, item


def test_every_quote_is_verbatim_in_its_source(corpus, texts):
    missing = [(c["ref"], e["quote"]) for c, e in evidence(corpus)
               if e["quote"] not in texts[e["source"]]]
    assert missing == []


def test_every_figure_is_in_its_quote_with_the_value_it_says(corpus):
    wrong = []
    for claim, item in evidence(corpus):
        for number in item["numbers"]:
            if (number["text"] not in item["quote"]
                    or parse_figure_text(number["text"]) != number["value"]):
                wrong.append((claim["ref"], number))
    assert wrong == []


def test_every_claim_has_evidence_and_a_unique_ref(corpus):
    refs = [c["ref"] for c in corpus["claims"]]
    assert len(refs) == len(set(refs))
    assert all(c["evidence"] for c in corpus["claims"])


def test_the_corpus_covers_all_five_articles(corpus):
    cited = {e["source"] for _, e in evidence(corpus)}
    assert len(corpus["sources"]) == 5 and cited == {s["ref"] for s in corpus["sources"]}
    assert len(corpus["claims"]) >= 60


def test_no_source_text_keeps_page_furniture_or_teasers(texts):
    for ref, text in texts.items():
        for marker in TEASER_MARKERS:
            assert marker not in text, (ref, marker)


def test_sources_disagree_where_the_articles_do(corpus):
    disputed = [c for c in corpus["claims"]
                if {e["stance"] for e in c["evidence"]} == {"supports", "contradicts"}]
    assert len(disputed) >= 5
    figures = {(n["value"], n["label"]) for _, e in evidence(corpus) for n in e["numbers"]}
    assert any(value == 27 for value, _ in figures)
    civilian = {value for value, label in figures if "civilian" in (label or "")}
    assert {2, 7} <= civilian


@pytest.mark.skipif(not ARTICLES.is_dir(),
                    reason="../shared/seed-articles is not beside the project")
def test_every_paragraph_is_verbatim_in_its_article(corpus):
    articles = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    for source in corpus["sources"]:
        paragraphs = [p for p in source["text"].split("\n\n") if p.strip()]
        homes = [a for a in articles if all(p.strip() in a for p in paragraphs)]
        assert len(homes) == 1, source["ref"]
