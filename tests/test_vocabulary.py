"""A corpus's own vocabulary (its story's synonyms, "assault" for "operation") reaches the engine
as data: from the seed folder's entities.yaml, through the database, back out by export."""
import shutil

import pytest
import yaml

from service.engine import ClaimRecord, EvidenceRecord, FactChecker
from service.export import corpus_as_seeds, write_seed_folder
from service.models import Term
from service.seeding import SeedError, read_seed_folder, seed

from .conftest import FIXTURE_SEEDS
from .helpers import POST

CLAIMS = [ClaimRecord(1, "Northland began a military operation near Lake Vira.", evidence=(
    EvidenceRecord(POST, "supports", "Northland began a military operation"),))]
STATEMENT = "Northland began military assaults near Lake Vira."
ENTITIES = [{"name": "Northland", "kind": "country", "aliases": []}]


def test_a_story_word_means_its_synonym_only_where_the_corpus_says_so():
    plain = FactChecker(CLAIMS, ENTITIES)
    story = FactChecker(CLAIMS, ENTITIES, vocabulary={"assault": "operation"})
    assert "oper" not in plain.matcher.analyzer.analyze(STATEMENT).terms
    assert "oper" in story.matcher.analyzer.analyze(STATEMENT).terms
    # The rest of the wording still finds the claim, but only the vocabulary makes it all shared.
    assert [(m.claim.id, m.score) for m in story.check(STATEMENT).matches] == [(1, 100.0)]
    assert plain.check(STATEMENT).matches[0].score < 100


def test_a_misspelt_story_word_is_read_as_its_meaning():
    story = FactChecker(CLAIMS, ENTITIES, vocabulary={"assault": "operation"})
    analysis = story.matcher.analyzer.analyze(STATEMENT.replace("assaults", "asault"),
                                              is_known=story.matcher.index.knows)
    assert "oper" in analysis.terms


def with_vocabulary(tmp_path, vocabulary):
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, folder)
    path = folder / "entities.yaml"
    entities = yaml.safe_load(path.read_text()) if path.exists() else []
    path.write_text(yaml.safe_dump({"entities": entities, "vocabulary": vocabulary}))
    return folder


def test_the_vocabulary_is_seeded_exported_and_seeded_back(db, tmp_path):
    seed(with_vocabulary(tmp_path, {"deluge": "flood", "Torrent": "flood"}))
    assert {(t.word, t.means) for t in Term.select()} == {("deluge", "flood"), ("Torrent", "flood")}
    corpus, _ = corpus_as_seeds()
    write_seed_folder(tmp_path / "out", corpus)
    assert read_seed_folder(tmp_path / "out")["vocabulary"] == {"Torrent": "flood",
                                                                "deluge": "flood"}
    report = seed(tmp_path / "out")
    assert not report.changed, (report.added, report.updated)


def test_a_corpus_without_a_vocabulary_exports_its_entities_as_a_plain_list(db, tmp_path):
    seed(FIXTURE_SEEDS)
    corpus, _ = corpus_as_seeds()
    write_seed_folder(tmp_path / "out", corpus)
    assert isinstance(yaml.safe_load((tmp_path / "out" / "entities.yaml").read_text()), list)


@pytest.mark.parametrize("vocabulary, problem", [
    ({"heavy rain": "flood"}, "must be one word"),
    ({"deluge": "big flood"}, "must be one word"),
    ({"deluge": 3}, "must be text"),
    ({"the": "flood"}, "stop word"),
    ({"deluge": "Deluges"}, "read as the same word"),
    ({"deluge": "flood", "deluges": "rain"}, "listed already"),
    (["deluge"], "`vocabulary` must be a mapping"),
])
def test_a_bad_vocabulary_is_refused_whole(db, tmp_path, vocabulary, problem):
    with pytest.raises(SeedError) as raised:
        seed(with_vocabulary(tmp_path, vocabulary))
    assert any(problem in p for p in raised.value.problems), raised.value.problems
    assert not Term.select().exists()


def test_the_stored_vocabulary_reaches_the_checker_the_service_builds(db, tmp_path):
    from service.corpus import build_checker

    seed(with_vocabulary(tmp_path, {"deluge": "flood"}))
    analyzer = build_checker(min_score=0).matcher.analyzer
    assert "flood" in analyzer.analyze("The deluges came at night.").terms
