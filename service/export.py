"""Write the stored corpus as a seed folder that `crosscheck seed` reads back unchanged."""
import re
from pathlib import Path

import yaml

from .models import Claim, Entity, Evidence, Source, vocabulary


class SeedDumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, like the hand-written seeds (quoted where YAML needs it)."""


# Characters a YAML reader turns into "\n" (line breaks other than LF, in any style) or drops (a
# byte order mark): text holding one is written double-quoted, where each is an escape.
NOT_KEPT_UNESCAPED = re.compile("[\r\x85\u2028\u2029\ufeff]")


def _represent_text(dumper, text):
    if NOT_KEPT_UNESCAPED.search(text):
        style = '"'
    else:
        style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


SeedDumper.add_representer(str, _represent_text)


def _write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=SeedDumper, sort_keys=False, allow_unicode=True,
                              width=100), encoding="utf-8")


def corpus_as_seeds():
    """Live claims, the live sources and any others they cite, the live entities and vocabulary,
    as seed-format dicts.

    Claims without evidence are drafts the seed format cannot hold; they are returned apart.
    """
    sources = {s.id: s for s in Source.select().order_by(Source.id)}
    evidence = {}
    for item in Evidence.select().order_by(Evidence.id):
        evidence.setdefault(item.claim_id, []).append(item)
    claims, drafts, cited = [], [], set()
    for claim in Claim.live().order_by(Claim.id):
        items = evidence.get(claim.id)
        if not items:
            drafts.append(claim.ref)
            continue
        cited.update(e.source_id for e in items)
        claims.append({"ref": claim.ref, "text": claim.text, "evidence": [
            {"source": sources[e.source_id].ref, "stance": e.stance, "quote": e.quote,
             "numbers": e.numbers, **({"as_of": e.as_of} if e.as_of else {})} for e in items]})
    return {
        "sources": [{"ref": s.ref, "title": s.title, "publisher": s.publisher,
                     "published": s.published, "url": s.url, "text": s.text}
                    for s in sources.values() if s.deleted_at is None or s.id in cited],
        "claims": claims,
        "entities": [{"name": e.name, "kind": e.kind, "aliases": e.aliases or []}
                     for e in Entity.live().order_by(Entity.id)],
        "vocabulary": vocabulary(),
    }, drafts


def export_corpus(folder):
    """Write sources/<ref>.yaml, claims/claims.yaml and entities.yaml (with the vocabulary);
    returns the draft refs left
    out. The folder must be new or empty, so nothing stale is read back with it."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty")
    corpus, drafts = corpus_as_seeds()
    write_seed_folder(folder, corpus)
    return corpus, drafts


def write_seed_folder(folder, corpus):
    """Write seed-format dicts as the files `seeding.read_seed_folder` reads, every text kept
    byte for byte."""
    folder = Path(folder)
    for source in corpus["sources"]:
        _write(folder / "sources" / f"{source['ref']}.yaml", source)
    _write(folder / "claims" / "claims.yaml", corpus["claims"])
    names = corpus["entities"]
    if corpus.get("vocabulary"):  # else the plain list, as a corpus without one is written
        names = {"entities": names, "vocabulary": corpus["vocabulary"]}
    _write(folder / "entities.yaml", names)
