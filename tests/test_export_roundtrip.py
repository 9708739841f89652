"""Export then seed returns every text byte for byte: line breaks YAML would fold (CR, U+0085,
U+2028), tabs, trailing spaces and any other Unicode a database can store."""
import tempfile

from hypothesis import HealthCheck, given, settings, strategies as st

from service.export import write_seed_folder
from service.seeding import read_seed_folder

from .helpers import assert_every_quote_verbatim_and_export_seeds_back

# Any Unicode a database stores (no lone surrogates, no NUL), YAML's trouble spots made common.
TEXT = st.text(alphabet=st.one_of(
    st.sampled_from("\r\n\x85\u2028\u2029\ufeff\t \"'|>:#-\\"),
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")), min_size=1)
SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@st.composite
def corpora(draw):
    """A valid seed-format corpus: sources with any text, claims quoting slices of them."""
    sources = draw(st.lists(st.fixed_dictionaries({
        "ref": SLUG, "title": TEXT, "publisher": st.none() | TEXT.map(lambda t: t[:200]),
        "url": st.none() | TEXT, "text": TEXT}), min_size=1, max_size=3,
        unique_by=lambda s: s["ref"]))
    claims = []
    for n in range(draw(st.integers(1, 3))):
        evidence = []
        for _ in range(draw(st.integers(1, 2))):
            source = draw(st.sampled_from(sources))
            start = draw(st.integers(0, len(source["text"]) - 1))
            end = draw(st.integers(start + 1, len(source["text"])))
            evidence.append({"source": source["ref"], "stance": "supports",
                             "quote": source["text"][start:end], "numbers": []})
        text = draw(TEXT.filter(lambda t: t.strip()))
        claims.append({"ref": f"claim-{n}", "text": text, "evidence": evidence})
    entities = [{"name": draw(TEXT.map(lambda t: t[:200])), "kind": None,
                 "aliases": draw(st.lists(TEXT, max_size=2))}]
    return {"sources": [dict(s, published=None) for s in sources], "claims": claims,
            "entities": entities}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_any_seed_corpus_is_written_and_read_back_byte_for_byte(corpus):
    with tempfile.TemporaryDirectory() as folder:
        write_seed_folder(folder, corpus)
        read = read_seed_folder(folder)
    assert [{k: v for k, v in s.items() if k != "_file"} for s in read["sources"]] == sorted(
        corpus["sources"], key=lambda s: s["ref"])
    assert [{k: v for k, v in c.items() if k != "_file"} for c in read["claims"]] == corpus[
        "claims"]
    assert read["entities"] == corpus["entities"]


def test_next_line_and_line_separator_survive_export_and_seed(app, client, editor, tmp_path):
    """Finding 7, through the database: the exported corpus seeds back changing nothing."""
    text = "Line one\x85line two\u2028tab\there \r\nend with spaces   "
    source = client.post("/sources", headers=editor, json={"title": "Odd\x85title",
                                                           "text": text}).get_json()
    claim = client.post("/claims", headers=editor, json={"text": "Odd breaks.", "evidence": [
        {"source_id": source["id"], "stance": "supports", "quote": "one\x85line two\u2028tab"}]})
    assert claim.status_code == 201, claim.get_json()
    assert_every_quote_verbatim_and_export_seeds_back(app, tmp_path)


def test_figures_read_from_a_quote_are_stored_as_export_writes_them(
        client, editor, app, tmp_path):
    """A figure the engine reads with a kind (a range, "3-7") is stored with the four keys every
    figure has, so export then seed changes nothing."""
    from service.db import database
    from service.export import export_corpus
    from service.seeding import seed

    source = client.post("/sources", headers=editor, json={
        "title": "Gauge log", "text": "Gauge 3-7 read high."}).get_json()
    claim = client.post("/claims", headers=editor, json={"text": "The gauges read high."})
    added = client.post(f"/claims/{claim.get_json()['id']}/evidence", headers=editor, json={
        "source_id": source["id"], "stance": "supports", "quote": "Gauge 3-7 read high."})
    assert [set(n) for n in added.get_json()["numbers"]] == [
        {"text", "value", "qualifier", "label"}]
    with app.app_context(), database.connection_context():
        export_corpus(tmp_path / "exported")
        assert not seed(tmp_path / "exported").changed


# Refs whose file names sort otherwise: ".yaml" puts "0-0.yaml" before "0.yaml", "a-b.yaml" and
# "a.b.yaml" before "a.yaml", "1-2.yaml" before "1.yaml".
REFS_SORTING_APART_AS_FILES = ["0", "0-0", "a", "a-b", "a.b", "a_b", "A", "1", "1-2", "10", "9"]


def test_sources_are_read_back_in_ref_order_whatever_their_file_names_sort_as(tmp_path):
    """Found by Hypothesis (refs "0" and "0-0"): sources were read in file-name order."""
    sources = [{"ref": ref, "title": f"Title {ref}", "publisher": None, "published": None,
                "url": None, "text": f"Text of {ref}."} for ref in REFS_SORTING_APART_AS_FILES]
    corpus = {"sources": sources, "entities": [], "claims": [{
        "ref": "claim-0", "text": "A claim.", "evidence": [
            {"source": "0-0", "stance": "supports", "quote": "Text", "numbers": []}]}]}
    write_seed_folder(tmp_path, corpus)
    read = read_seed_folder(tmp_path)
    assert [{k: v for k, v in s.items() if k != "_file"} for s in read["sources"]] == sorted(
        sources, key=lambda s: s["ref"])


def test_seeding_numbers_sources_in_ref_order_and_export_seeds_them_back(app, tmp_path):
    """Source ids follow the refs, whatever order the folder lists them in, and the exported
    corpus reads back as exported and seeds back changing nothing."""
    from service.db import database
    from service.export import corpus_as_seeds, export_corpus
    from service.models import Source
    from service.seeding import seed

    sources = [{"ref": ref, "title": ref, "publisher": None, "published": None, "url": None,
                "text": f"Text of {ref}."} for ref in reversed(REFS_SORTING_APART_AS_FILES)]
    write_seed_folder(tmp_path / "seeds", {"sources": sources, "entities": [], "claims": [{
        "ref": "claim-0", "text": "A claim.", "evidence": [
            {"source": "a.b", "stance": "supports", "quote": "Text", "numbers": []}]}]})
    with app.app_context(), database.connection_context():
        seed(tmp_path / "seeds")
        seeded = Source.select().where(Source.ref.in_(REFS_SORTING_APART_AS_FILES))
        assert [s.ref for s in seeded.order_by(Source.id)] == sorted(REFS_SORTING_APART_AS_FILES)
        export_corpus(tmp_path / "exported")
        assert read_seed_folder(tmp_path / "exported")["sources"] == sorted(
            (dict(s, _file=f"{s['ref']}.yaml") for s in corpus_as_seeds()[0]["sources"]),
            key=lambda s: s["ref"])
        assert not seed(tmp_path / "exported").changed
