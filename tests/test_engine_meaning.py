"""Engine layer: sentence meaning (service/engine/meaning.py) and the matcher's last reach, where
what a statement means, not its words, finds the claim it restates."""
import hashlib
import json

import numpy as np
import pytest

from service.engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from service.engine.matcher import MEANING_FLOOR, lifted_by_meaning
from service.engine.meaning import ModelMissing, encoder, read_safetensors
from service.engine.rules import DEFAULT_MIN_SCORE

GAZETTE = SourceInfo(id=1, title="Snow chaos", publisher="Test Gazette")


def claim(claim_id, text):
    return ClaimRecord(claim_id, text, evidence=(EvidenceRecord(GAZETTE, "supports", text),))


CLAIMS = [
    claim(1, "Heavy snowfall forced the airport to cancel hundreds of flights on Friday"),
    claim(2, "The city council opened three emergency shelters for homeless people"),
    claim(3, "Trains between the northern cities ran on time despite the storm"),
]


@pytest.fixture(scope="module")
def checker():
    return FactChecker(CLAIMS, [], min_score=48)


def test_the_model_gives_its_published_similarities():
    """sentence-transformers documents 0.7553 for this pair with all-MiniLM-L6-v2: the NumPy
    forward pass is the model's."""
    meaning = encoder()
    assert meaning.similarity("A man is eating food.",
                              "A man is eating a piece of bread.") == pytest.approx(0.7553,
                                                                                    abs=1e-3)
    assert meaning.similarity("A man is eating food.", "The girl is carrying a baby.") < 0.1


def test_vectors_are_unit_length_and_kept():
    meaning = encoder()
    vector = meaning.vector("Rail services stayed punctual")
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)
    assert meaning.vector("Rail services stayed punctual") is vector


def test_a_paraphrase_in_other_words_is_found_by_meaning(checker):
    statement = "Rail services between the northern cities stayed punctual throughout the storm"
    (words_only,) = checker.matcher.search(statement, limit=1, min_score=0)
    assert words_only[1] < checker.min_score  # its words alone leave it unverified
    result = checker.check(statement)
    assert result.verdict == "supported"
    match = result.matches[0]
    assert match.claim.id == 3
    assert match.explanation.meaning >= MEANING_FLOOR
    assert match.score >= checker.min_score


def test_shared_words_that_mean_something_else_stay_unverified(checker):
    result = checker.check("Hundreds of passengers slept at the airport on Friday")
    assert result.verdict == "unverified"


def test_a_claim_matched_by_its_words_says_nothing_of_meaning(checker):
    result = checker.check("Three emergency shelters for homeless people were opened by the "
                           "city council")
    assert result.verdict == "supported"
    assert result.matches[0].explanation.meaning is None


@pytest.mark.parametrize("similarity, score, lifted", [
    (MEANING_FLOOR - 0.01, 30.0, 30.0),  # under the floor: the words' score stands
    (MEANING_FLOOR, 30.0, DEFAULT_MIN_SCORE),  # at the floor: the default threshold
    ((1 + MEANING_FLOOR) / 2, 30.0, (100 + DEFAULT_MIN_SCORE) / 2),  # and more the more alike
    (1.0, 30.0, 100.0),
])
def test_lifted_by_meaning(similarity, score, lifted):
    assert lifted_by_meaning(similarity, score) == pytest.approx(lifted)


def test_a_higher_threshold_asks_for_a_closer_meaning():
    statement = "Rail services between the northern cities stayed punctual throughout the storm"
    assert FactChecker(CLAIMS, [], min_score=48).check(statement).verdict == "supported"
    assert FactChecker(CLAIMS, [], min_score=80).check(statement).verdict == "unverified"


def safetensors_file(path, tensors):
    header, body = {}, b""
    for name, array in tensors.items():
        data = array.astype(np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape),
                        "data_offsets": [len(body), len(body) + len(data)]}
        body += data
    head = json.dumps(header).encode()
    path.write_bytes(len(head).to_bytes(8, "little") + head + body)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_weights_are_read_only_when_they_are_the_published_ones(tmp_path):
    path = tmp_path / "model.safetensors"
    digest = safetensors_file(path, {"w": np.arange(6).reshape(2, 3)})
    tensors = read_safetensors(path, sha256=digest)
    assert tensors["w"].tolist() == [[0, 1, 2], [3, 4, 5]]
    with pytest.raises(ModelMissing, match="SHA-256"):
        read_safetensors(path)  # the pinned model's digest: this file is not it
