"""Reads the stored corpus into the engine's plain records, and keeps the engine current."""
import datetime
import gc
import logging
import threading
import time
from contextlib import contextmanager

from peewee import fn

from .engine import ClaimRecord, EvidenceRecord, FactChecker, SourceInfo
from .engine.entities import defined_acronyms
from .engine.matcher import Matcher, claim_texts
from .engine.text import words
from .models import (Claim, ClaimChange, Entity, Evidence, Source, last_change_id,
                     names_generation, vocabulary)
from .offloop import Pending

log = logging.getLogger(__name__)

# Change-log ids are allocated before commit, so a slow transaction can land below ids already seen:
# each sync looks back this many ids for changes it has not applied yet.
LOOKBACK_IDS = 500
# How long the sync that starts a rebuild of the names waits for it before answering with the
# engine as it was (a small corpus rebuilds well within it; the swap is then made by a later sync).
REBUILD_WAIT_SECONDS = 5.0


def source_info(source):
    return SourceInfo(id=source.id, title=source.title, publisher=source.publisher,
                      published=source.published,
                      url=source.url, ref=source.ref)


def claim_records(claims=None):
    """Every live claim (or the given ones) with its evidence, in three queries read as plain
    tuples, so a million claims load in seconds."""
    query = Evidence.select(Evidence.claim, Evidence.source, Evidence.stance, Evidence.quote,
                            Evidence.numbers, Evidence.as_of).order_by(Evidence.id)
    if claims is None:
        rows = (Claim.live().select(Claim.id, Claim.text, Claim.ref).order_by(Claim.id)
                .tuples().iterator())
    else:
        rows = [(c.id, c.text, c.ref) for c in claims]
        query = query.where(Evidence.claim.in_([row[0] for row in rows]))
    sources = {s.id: source_info(s) for s in Source.select()}
    evidence = {}
    for claim_id, source_id, stance, quote, numbers, as_of in query.tuples().iterator():
        evidence.setdefault(claim_id, []).append(EvidenceRecord(
            source=sources[source_id], stance=stance, quote=quote, numbers=tuple(numbers or ()),
            as_of=as_of))
    return [ClaimRecord(id=claim_id, text=text, ref=ref, evidence=tuple(evidence.get(claim_id, ())))
            for claim_id, text, ref in rows]


def entity_records():
    return [{"name": e.name, "kind": e.kind, "aliases": e.aliases or []}
            for e in Entity.live().order_by(Entity.id)]


def build_checker(min_score, left_out=lambda refused: None):
    """A FactChecker over everything in the database but the claims it cannot analyse, which it
    hands to `left_out` ({claim id: why})."""
    return checker_builder(min_score, left_out)()


def checker_builder(min_score, left_out=lambda refused: None):
    """Read the corpus now; return the work of building its FactChecker, which needs no database
    (so it can run in another thread). The sources' texts, the claims' and their quotes are read
    for the acronyms they define ("the US Geological Survey (USGS)"), which become aliases; the
    corpus's vocabulary gives its own synonyms."""
    records = claim_records()
    texts = [*(source.text for source in Source.live().select(Source.text)),
             *claim_texts(records)]
    entities, words_meaning = entity_records(), vocabulary()

    def build():
        checker = FactChecker((), entities, min_score=min_score, texts=texts,
                              vocabulary=words_meaning)
        left_out(checker.matcher.add(*records))
        return checker
    return build


class UnanalysableClaim(ValueError):
    """The engine cannot analyse a claim's text: stored, the claim could never be found."""

    def __init__(self, reason):
        super().__init__(f"The engine cannot analyse this claim text ({reason}); reword it.")
        self.reason = reason


def unanalysable(matcher, text):
    """Why `matcher` cannot analyse `text` as a claim, or None when it can."""
    return matcher.analysed_claims([ClaimRecord(id=None, text=text, ref=None)])[1].get(None)


def claim_vetter():
    """text -> why the engine cannot analyse it (or None), for writers without a running index
    (the importer): an empty engine that knows the stored entity names."""
    matcher = Matcher(entities=entity_records())
    return lambda text: unanalysable(matcher, text)


class Rebuild:
    """The engine rebuilt over the whole stored corpus: the corpus (and the change logs' state
    with it) is read at once, the engine built in a native thread (`offloop.Pending`), or
    at once when `in_background` is False."""

    def __init__(self, min_score, in_background=True):
        # The cyclic GC is off until the new engine serves (`done`): collections scanning its
        # millions of objects as they pile up would pause every check (seconds each at 100,000
        # claims), and the engine holds no reference cycles to collect.
        self.collecting = gc.isenabled()
        gc.disable()
        try:
            self.generation = names_generation()
            self.seen = last_change_id()
            self.refused = {}
            build = checker_builder(min_score, self.refused.update)
            self.pending = Pending(build) if in_background else None
            self.built = None if in_background else build()
        except BaseException:
            self.done()
            raise

    def ready(self, timeout):
        return self.pending is None or self.pending.ready(timeout)

    def checker(self):
        """The built engine (raising what building it raised)."""
        return self.built if self.pending is None else self.pending.result()

    def done(self):
        """The new engine serves, or building it failed: the cyclic GC collects again."""
        if self.collecting:
            gc.enable()


class ReadWriteLock:
    """Many readers at once or one writer: checks read the engine while a sync changes it, and a
    claim removed halfway through a check would leave that check holding an id the engine no
    longer knows. A waiting writer keeps new readers out, so a steady stream of checks cannot
    starve it."""

    def __init__(self):
        self.condition = threading.Condition()
        self.readers = 0
        self.writers = 0

    @contextmanager
    def reading(self):
        with self.condition:
            self.condition.wait_for(lambda: not self.writers)
            self.readers += 1
        try:
            yield
        finally:
            with self.condition:
                self.readers -= 1
                self.condition.notify_all()

    @contextmanager
    def writing(self):
        with self.condition:
            self.writers += 1
            try:
                self.condition.wait_for(lambda: not self.readers)
                yield
            finally:
                self.writers -= 1
                self.condition.notify_all()


class LiveChecker:
    """The engine over the stored corpus, kept current by replaying the claim change log, and
    rebuilt in the background when the names change (entities, the vocabulary, a new acronym).

    Every worker process holds one; a change committed through any worker or machine is applied by
    the others at their next sync, at most `interval` seconds later. Read the engine through
    `check` and `find`, which never see a change half-applied.

    A stored claim the engine cannot analyse is left out of the index, logged, and listed in
    `unindexed` until a change makes it analysable or deletes it: it costs that claim, never the
    service. A sync that fails applying its batch leaves the index as it was and is retried at the
    next interval.
    """

    def __init__(self, min_score, interval=1.0):
        self.min_score = min_score
        self.interval = interval
        self.renew_locks()
        self.rebuild = None
        self._take(Rebuild(min_score, in_background=False))
        self.next_sync = time.monotonic() + interval

    def renew_locks(self):
        """Fresh locks, made with whatever `threading` is now: a server whose workers patch it
        after the app was loaded (gevent) calls this in each worker, so that a greenlet waiting
        for a lock lets the one holding it run rather than blocking the whole worker."""
        self.lock = threading.Lock()
        self.engine_lock = ReadWriteLock()

    def __len__(self):
        return len(self.checker)

    def check(self, statement, **options):
        with self.engine_lock.reading():
            return self.checker.check(statement, **options)

    def find(self, query):
        with self.engine_lock.reading():
            return self.checker.matcher.find(query)

    def claims(self):
        with self.engine_lock.reading():
            return self.checker.claims()

    def refuse_unanalysable(self, text):
        """Raise UnanalysableClaim unless the engine can analyse `text` (None: no new text):
        asked before a claim is written, so that one it could never find is refused, not stored."""
        reason = None if text is None else unanalysable(self.checker.matcher, text)
        if reason:
            raise UnanalysableClaim(reason)

    def sync(self, force=False):
        """Apply changes logged since the last sync (cheap: two indexed queries if there are
        none). A sync that is due while another thread syncs leaves it to that one (a rebuild of
        the names can take a while; checks meanwhile use the engine as it is); a forced one (this
        worker's own write) waits for it."""
        if not force and time.monotonic() < self.next_sync:
            return
        if not self.lock.acquire(blocking=force):
            return
        try:
            self.next_sync = time.monotonic() + self.interval
            self.stale |= self._apply_claim_changes()
            self._follow_names()
        finally:
            self.lock.release()

    def _apply_claim_changes(self):
        """Apply the claim change log; True when a changed claim defines an acronym the engine
        does not know yet, which needs the names rebuilt."""
        floor = max(0, self.seen - LOOKBACK_IDS)
        changes = [c for c in ClaimChange.select(ClaimChange.id, ClaimChange.claim_id)
                   .where(ClaimChange.id > floor) if c.id not in self.applied]
        if not changes:
            return False
        claim_ids = {c.claim_id for c in changes}
        records = claim_records(Claim.live().where(Claim.id.in_(list(claim_ids))))
        try:
            with self.engine_lock.writing():
                refused = self.checker.matcher.add(*records)
                for missing in claim_ids - {r.id for r in records}:
                    self.checker.remove(missing)
        except Exception:
            log.exception("applying %d claim change(s) to the index failed; the index is as "
                          "it was and the next sync retries them", len(changes))
            return False
        for claim_id in claim_ids:
            self.unindexed.pop(claim_id, None)
        self._note_refused(refused)
        self.applied.update(c.id for c in changes)
        self.seen = max(self.seen, *(c.id for c in changes))
        self.applied = {i for i in self.applied if i > self.seen - LOOKBACK_IDS}
        names = self.checker.matcher.analyzer.entities.names
        return any(tuple(words(acronym)) not in names
                   for acronym in defined_acronyms(claim_texts(records)))

    def _follow_names(self):
        """Rebuild the engine when the names changed (the name change log grew, or a claim
        defines an acronym the engine does not know, `stale`):
        the corpus is read now and the engine built in the background, while checks use the
        engine as it is; the new one takes over once built, at this sync if that is within
        REBUILD_WAIT_SECONDS, else at the first sync after it is built."""
        wait = 0.0  # a later sync only looks: it never holds up its request
        if self.rebuild is None:
            if not self.stale and names_generation() == self.generation:
                return
            self.rebuild, wait = Rebuild(self.min_score), REBUILD_WAIT_SECONDS
        if not self.rebuild.ready(wait):
            return
        rebuild, self.rebuild = self.rebuild, None
        try:
            self._take(rebuild)
        except Exception:
            log.exception("rebuilding the engine for changed names failed; the engine is as it "
                          "was and the next sync tries again")
            return
        self.stale = self._apply_claim_changes()  # those made while it was built

    def _take(self, rebuild):
        """Serve from the rebuilt engine; claim changes logged since it read the corpus are
        applied again (from LOOKBACK_IDS back: applying one twice is harmless)."""
        try:
            checker = rebuild.checker()
            with self.engine_lock.writing():
                self.checker = checker
            self.generation, self.seen, self.applied = rebuild.generation, rebuild.seen, set()
            self.unindexed, self.stale = {}, False
            self._note_refused(rebuild.refused)
            refreeze()
        finally:
            rebuild.done()

    def _note_refused(self, refused):
        for claim_id, reason in refused.items():
            log.error("claim %s is left out of the index: the engine cannot analyse its text (%s)",
                      claim_id, reason, extra={"claim_id": claim_id})
        self.unindexed.update(refused)


def refreeze():
    """A server that froze its start-up engine out of the cyclic GC (`crosscheck serve` calls
    gc.freeze, so that its scans stop pausing checks) freezes a rebuilt one too. The old one needs
    no collection: the engine holds no reference cycles, and is freed as it is dropped."""
    if gc.get_freeze_count():
        gc.freeze()


def claim_dates(claim_ids):
    """{claim id: (first change, last change)} from the change log: when a claim was published and
    last modified, for every claim however it was written (seeds, import, API)."""
    query = (ClaimChange.select(ClaimChange.claim_id, fn.MIN(ClaimChange.changed_at).alias("first"),
                                fn.MAX(ClaimChange.changed_at).alias("last"))
             .where(ClaimChange.claim_id.in_(list(claim_ids))).group_by(ClaimChange.claim_id))
    return {row.claim_id: (_as_datetime(row.first), _as_datetime(row.last)) for row in query}


def _as_datetime(value):
    """SQLite hands aggregates back as text; PostgreSQL as datetimes."""
    return value if isinstance(value, datetime.datetime) else datetime.datetime.fromisoformat(value)
