"""Reads the stored corpus into the engine's plain records."""
from .engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from .models import Claim, Entity, Evidence, Source


def source_info(source):
    return SourceInfo(id=source.id, title=source.title, publisher=source.publisher,
                      published=source.published,
                      url=source.url, ref=source.ref)


def claim_records(claims=None):
    """Every claim (or the given query's) with its evidence, in three queries."""
    query = Evidence.select().order_by(Evidence.id)
    if claims is None:
        claims = Claim.select().order_by(Claim.id)
    else:
        query = query.where(Evidence.claim.in_([c.id for c in claims]))
    claims = list(claims)
    sources = {s.id: source_info(s) for s in Source.select()}
    evidence = {}
    for item in query:
        evidence.setdefault(item.claim_id, []).append(EvidenceRecord(
            source=sources[item.source_id], stance=item.stance, quote=item.quote,
            numbers=tuple(item.numbers or ())))
    return [ClaimRecord(id=c.id, text=c.text, ref=c.ref, evidence=tuple(evidence.get(c.id, ())))
            for c in claims]


def entity_records():
    return [{"name": e.name, "aliases": e.aliases or []} for e in Entity.select().order_by(Entity.id)]


def build_checker(min_score):
    """A FactChecker over everything in the database."""
    return FactChecker(claim_records(), entity_records(), min_score=min_score)
