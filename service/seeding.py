"""Load a seed folder (sources, claims with evidence, entity names) into the database.

Seeding is keyed by `ref` and idempotent: rows that already say what the seeds say are not touched.
"""
import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from schemas.curation import unstorable

from .engine.entities import defined_acronyms
from .engine.text import TextRefused, content_term, fold, words
from .models import (Claim, Entity, Evidence, Source, Term, keep_revision, lock_rows,
                     record_claim_changes, record_name_change, write_transaction)
from .rules import claim_problems, figure_records

SEED_ACTOR = "seed"


class SeedError(Exception):
    """The seed folder has problems; `problems` lists each with its file and ref."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s) in the seeds:\n" + "\n".join(problems))
        self.problems = problems


KINDS = ("sources", "claims", "entities", "vocabulary")


@dataclass
class SeedReport:
    added: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    updated: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    changed_claims: set = field(default_factory=set)

    @property
    def changed(self):
        return any(self.added.values()) or any(self.updated.values())


def _yaml_files(folder):
    return sorted(Path(folder).glob("*.yaml")) + sorted(Path(folder).glob("*.yml"))


def _ref_of_file(path):
    """Sources load in ref order (a file is named after its ref), not file-name order, where
    ".yaml" would put `0-0` before `0`: export writes any ref set and seeding reads it back as
    is."""
    return path.stem


def _read(path, kind, problems):
    """The file's YAML if it parses to `kind` (dict or list, or a tuple of both: empty is then
    the first); otherwise note the problem."""
    where = f"{path.parent.name}/{path.name}"
    kinds = isinstance(kind, tuple)
    empty = kind[0] if kinds else kind
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, ValueError, RecursionError, yaml.YAMLError) as error:
        problems.append(f"{where}: not readable YAML ({type(error).__name__}: {error})"[:500])
        return empty()
    if data is None:
        return empty()
    if not isinstance(data, kind):
        names = {dict: "mapping", list: "list"}
        problems.append(f"{where}: must be a "
                        + " or a ".join(names[k] for k in (kind if kinds else (kind,))))
        return empty()
    return data


def read_seed_folder(folder):
    """A seed folder as plain dicts: {"sources": [...], "claims": [...], "entities": [...],
    "vocabulary": {word: the word it means}}."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SeedError([f"{folder}: not a folder"])
    problems = []
    sources = [dict(_read(path, dict, problems), _file=path.name)
               for path in sorted(_yaml_files(folder / "sources"), key=_ref_of_file)]
    claims = []
    for path in _yaml_files(folder / "claims"):
        for number, claim in enumerate(_read(path, list, problems), 1):
            if isinstance(claim, dict):
                claims.append(dict(claim, _file=path.name))
            else:
                problems.append(f"claims/{path.name} item {number}: must be a mapping")
    entities_path = folder / "entities.yaml"
    names = _read(entities_path, (list, dict), problems) if entities_path.exists() else []
    if isinstance(names, list):  # entities only, the vocabulary empty
        names = {"entities": names}
    corpus = {"sources": sources, "claims": claims, "entities": names.get("entities") or [],
              "vocabulary": names.get("vocabulary") or {}}
    problems += [f"entities.yaml: unknown section `{key}`" for key in names
                 if key not in ("entities", "vocabulary")]
    problems = problems or validate_corpus(corpus)
    if problems:
        raise SeedError(problems)
    return corpus


SOURCE_SHAPE = {"ref": str, "title": str, "text": str, "publisher": str, "url": str,
                "published": datetime.date}
CLAIM_SHAPE = {"ref": str, "text": str, "evidence": list}
EVIDENCE_SHAPE = {"source": str, "stance": str, "quote": str, "numbers": list,
                  "as_of": datetime.date}
FIGURE_SHAPE = {"text": (str, int, float), "value": (int, float), "qualifier": str, "label": str}
ENTITY_SHAPE = {"name": str, "kind": str, "aliases": list}
# Columns of bounded length (the rest are unbounded text).
MAX_LENGTHS = {"ref": 200, "publisher": 200, "name": 200, "kind": 50}


def _shape_problems(where, record, shape):
    """Each field present has the type the format gives it, and text the database can store."""
    if not isinstance(record, dict):
        return [f"{where}: must be a mapping, not {type(record).__name__}"]
    problems = []
    for key, kinds in shape.items():
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, kinds):
            problems.append(f"{where}: `{key}` has the wrong type ({type(value).__name__})")
        elif isinstance(value, str) and unstorable(value):
            problems.append(f"{where}: `{key}`: {unstorable(value)}")
        elif isinstance(value, str) and len(value) > MAX_LENGTHS.get(key, len(value)):
            problems.append(f"{where}: `{key}` is longer than {MAX_LENGTHS[key]} characters")
    return problems


def claim_shape_problems(where, claim):
    """Wrong types, or text no database can store, in one claim, its evidence or their figures."""
    found = _shape_problems(where, claim, CLAIM_SHAPE)
    for item in [] if found else claim.get("evidence") or []:
        item_problems = _shape_problems(f"{where} evidence", item, EVIDENCE_SHAPE)
        found += item_problems
        for figure in [] if item_problems else item.get("numbers") or []:
            found += _shape_problems(f"{where} figure", figure, FIGURE_SHAPE)
    return found


def shape_problems(corpus):
    """Wrong types anywhere in the corpus; the other rules are checked only on a well-shaped one."""
    problems = []
    for source in corpus["sources"]:
        problems += _shape_problems(f"sources/{source['_file']}", source, SOURCE_SHAPE)
    for claim in corpus["claims"]:
        problems += claim_shape_problems(
            f"claims/{claim['_file']} {str(claim.get('ref'))[:100]!r}", claim)
    for entity in corpus["entities"]:
        found = _shape_problems("entities.yaml", entity, ENTITY_SHAPE)
        aliases = [] if found else entity.get("aliases") or []
        found += [f"entities.yaml {entity.get('name')!r}: aliases must be text" for alias in aliases
                  if not isinstance(alias, str) or unstorable(alias)][:1]
        problems += found
    return problems + vocabulary_problems(corpus.get("vocabulary", {}))


def vocabulary_problems(vocabulary):
    """Each entry of the vocabulary is one word meaning another word, and no two list one word."""
    if not isinstance(vocabulary, dict):
        return [f"entities.yaml: `vocabulary` must be a mapping, not {type(vocabulary).__name__}"]
    problems, listed = [], {}
    for word, meaning in vocabulary.items():
        found = term_problem(word, meaning)
        if not found and vocabulary_term(word) in listed:
            found = "word", f"is read as {listed[vocabulary_term(word)]!r}, listed already"
        if found:
            problems.append(f"entities.yaml vocabulary {str(word)[:100]!r}: {found[1]}")
        else:
            listed[vocabulary_term(word)] = word
    return problems


def term_problem(word, means):
    """(field, why) when `word` cannot be listed as meaning `means`, or None: each must be one
    word the engine reads (not a stop word), and they must be read as two words."""
    for name, text in (("word", word), ("means", means)):
        why = one_word_problem(text)
        if why:
            return name, f"{text!r} {why}" if isinstance(text, str) else why
        if vocabulary_term(text) is None:
            return name, f"{text!r} is a stop word or a negation, which the engine skips"
    if vocabulary_term(word) == vocabulary_term(means):
        return "means", f"{means!r} is read as the same word as {word!r}"
    return None


def vocabulary_term(word):
    """The term the engine's vocabulary keys a word by (every inflection of it: "flooded",
    "flooding"), or None for a word it skips."""
    return content_term(fold(word))


def one_word_problem(text):
    """Why `text` cannot be a vocabulary word, or None when it can."""
    if not isinstance(text, str) or isinstance(text, bool):
        return f"must be text, not {type(text).__name__}"
    if unstorable(text):
        return unstorable(text)
    if len(text) > MAX_LENGTHS["name"]:
        return f"is longer than {MAX_LENGTHS['name']} characters"
    try:
        found = words(text)
    except TextRefused as error:
        return str(error)
    return None if len(found) == 1 and found[0] == fold(text).strip() else "must be one word"


def validate_corpus(corpus):
    """Every rule a curated corpus must keep; returns the broken ones as readable lines."""
    problems = shape_problems(corpus)
    if problems:
        return problems
    texts = {}
    for source in corpus["sources"]:
        where = f"sources/{source['_file']}"
        for key in ("ref", "title", "text"):
            if not source.get(key) or not isinstance(source.get(key), str):
                problems.append(f"{where}: `{key}` is required text")
        if source.get("ref") and f"{source['ref']}.yaml" != source["_file"]:
            problems.append(f"{where}: the file must be named after its ref ({source['ref']}.yaml)")
        if source.get("ref") in texts:
            problems.append(f"{where}: duplicate ref {source['ref']!r}")
        texts[source.get("ref")] = source.get("text") or ""
    refs = set()
    for claim in corpus["claims"]:
        where = f"claims/{claim['_file']} {claim.get('ref')!r}"
        if claim.get("ref") in refs:
            problems.append(f"{where}: duplicate ref")
        refs.add(claim.get("ref"))
        if not claim.get("evidence"):
            problems.append(f"{where}: has no evidence")
        problems.extend(f"{where}: {p}" for p in claim_problems(claim, texts))
    owners = {}
    for entity in corpus["entities"]:
        if not entity.get("name"):
            problems.append(f"entities.yaml: an entity has no name: {entity!r}")
            continue
        for name in [entity["name"], *(entity.get("aliases") or [])]:
            owner = owners.setdefault(tuple(words(name)), entity["name"])
            if owner != entity["name"]:  # the engine would read it as one of the two only
                problems.append(f"entities.yaml {entity['name']!r}: {name!r} is read as a name "
                                f"of {owner!r} too")
    return problems


def _upsert(model, lookup, values, report, kind):
    """Create the row, or update the fields that differ; returns (row, whether it changed)."""
    row = model.get_or_none(**lookup)
    if row is None:
        report.added[kind] += 1
        return model.create(**lookup, **values), True
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if changed:
        report.updated[kind] += 1
        model.update(**changed).where(model.id == row.id).execute()
        row = model.get_by_id(row.id)
    return row, bool(changed)


def _evidence_rows(items, sources):
    return [(sources[i["source"]].id, i["stance"], i["quote"], figure_records(i.get("numbers")),
             i.get("as_of")) for i in items]


def _state_of(model, **lookup):
    """The row's state before seeding changes it, for its revision (None when it is new), read
    under the row's lock so the revision holds what the seeds really replaced."""
    row = lock_rows(model.select().filter(**lookup)).first()
    return row and row.state()


def load_corpus(corpus):
    """Write a validated corpus to the database in one transaction; returns a SeedReport.

    Every source and claim it adds or changes gets a revision (actor `seed`), so an editor's
    version that the seeds overwrite can be brought back.
    """
    report = SeedReport()
    names_changed = False
    with write_transaction():
        sources = {}
        for item in corpus["sources"]:
            before = _state_of(Source, ref=item["ref"])
            source, changed = _upsert(Source, {"ref": item["ref"]}, {
                "title": item["title"], "publisher": item.get("publisher"),
                "published": item.get("published"), "url": item.get("url"), "text": item["text"]},
                report, "sources")
            sources[item["ref"]] = source
            if changed:
                report.changed_claims.update(e.claim_id for e in source.evidence)
                keep_revision("source", source, "seed", SEED_ACTOR, before)
                names_changed = names_changed or bool(defined_acronyms([source.text]))
        for item in corpus["claims"]:
            before = _state_of(Claim, ref=item["ref"])
            claim, changed = _upsert(Claim, {"ref": item["ref"]}, {"text": item["text"].strip()},
                                     report, "claims")
            wanted = _evidence_rows(item["evidence"], sources)
            stored = [(e.source_id, e.stance, e.quote, e.numbers, e.as_of)
                      for e in claim.evidence.order_by(Evidence.id)]
            if stored != wanted:
                if not changed:
                    report.updated["claims"] += 1
                changed = True
                Evidence.delete().where(Evidence.claim == claim).execute()
                Evidence.insert_many([
                    {"claim": claim.id, "source": s, "stance": st, "quote": q, "numbers": n,
                     "as_of": a} for s, st, q, n, a in wanted]).execute()
            if changed:
                report.changed_claims.add(claim.id)
                keep_revision("claim", claim, "seed", SEED_ACTOR, before)
        record_claim_changes(report.changed_claims)
        for item in corpus["entities"]:
            before = _state_of(Entity, name=item["name"])
            entity, changed = _upsert(Entity, {"name": item["name"]}, {
                "kind": item.get("kind"), "aliases": list(item.get("aliases") or [])},
                report, "entities")
            names_changed |= changed and keep_revision("entity", entity, "seed", SEED_ACTOR, before)
        for word, meaning in corpus.get("vocabulary", {}).items():
            before = _state_of(Term, word=word)
            term, changed = _upsert(Term, {"word": word}, {"means": meaning}, report, "vocabulary")
            names_changed |= changed and keep_revision("term", term, "seed", SEED_ACTOR, before)
        if names_changed:
            record_name_change("seed")
    return report


def seed(folder):
    """Validate and load one seed folder."""
    return load_corpus(read_seed_folder(folder))
