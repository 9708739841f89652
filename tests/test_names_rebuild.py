"""A worker rebuilds its engine when the names change, in the background: checks go on with the
engine as it was until the new one takes over, and no claim change made meanwhile is lost."""
import gc
import shutil
import threading
import time
import weakref

import pytest
import yaml
from playhouse.migrate import SchemaMigrator, migrate

from service import corpus
from service.corpus import LiveChecker
from service.db import database
from service.models import (Claim, Entity, NameChange, create_tables, names_generation,
                            record_claim_changes, record_name_change, write_transaction)
from service.seeding import SeedError, seed

from .conftest import FIXTURE_SEEDS

STATEMENT = "About 300 homes were flooded in Arcadia."


def entities_of(live, statement):
    result = live.check(statement)
    return result.matches[0].explanation.matched_entities if result.matches else []


def rename(aliases):
    with write_transaction():
        Entity.update(aliases=aliases).where(Entity.name == "river valley").execute()
        record_name_change("entity")


def held_builds(monkeypatch):
    """Make every engine build wait for the returned event."""
    release, real = threading.Event(), corpus.FactChecker

    def held(*args, **kwargs):
        assert release.wait(20)
        return real(*args, **kwargs)
    monkeypatch.setattr(corpus, "FactChecker", held)
    monkeypatch.setattr(corpus, "REBUILD_WAIT_SECONDS", 0.05)
    return release


def first_build_fails(monkeypatch):
    """Make the next engine build fail (MemoryError); the list returned notes that it did."""
    real, failures = corpus.FactChecker, []

    def failing_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise MemoryError("no room")
        return real(*args, **kwargs)
    monkeypatch.setattr(corpus, "FactChecker", failing_once)
    return failures


def test_checks_use_the_old_engine_while_the_new_names_are_built(db, monkeypatch):
    live = LiveChecker(min_score=52.0, interval=0)
    release = held_builds(monkeypatch)
    rename(["valley", "Vale", "Arcadia"])
    started = time.monotonic()
    live.sync()
    assert time.monotonic() - started < 5 and live.rebuild is not None
    assert entities_of(live, STATEMENT) == []  # served at once, by the engine as it was
    monkeypatch.setattr(corpus, "REBUILD_WAIT_SECONDS", 20)
    started = time.monotonic()
    live.sync()  # a later sync only looks at the rebuild: it does not wait for it
    assert time.monotonic() - started < 5 and live.rebuild is not None
    with write_transaction():  # a claim written while the engine is rebuilt
        claim = Claim.create(ref="hail", text="Hail flattened the orchards in the valley.")
        record_claim_changes([claim.id])
    live.sync()
    assert live.find("hail orchards")[0].id == claim.id
    release.set()
    assert live.rebuild.ready(20)
    live.sync()
    assert live.rebuild is None and entities_of(live, STATEMENT) == ["river valley"]
    assert live.find("hail orchards")[0].id == claim.id  # kept by the new engine too


def test_a_sync_due_while_another_thread_rebuilds_does_not_wait_for_it(db, monkeypatch):
    live = LiveChecker(min_score=52.0, interval=0)
    release = held_builds(monkeypatch)
    monkeypatch.setattr(corpus, "REBUILD_WAIT_SECONDS", 20)
    rename(["valley", "Vale", "Arcadia"])
    syncing = threading.Thread(target=live.sync)
    syncing.start()
    while live.rebuild is None:
        time.sleep(0.01)
    started = time.monotonic()
    live.sync()
    assert entities_of(live, STATEMENT) == [] and time.monotonic() - started < 5
    release.set()
    syncing.join(20)
    assert entities_of(live, STATEMENT) == ["river valley"]


def test_a_failed_rebuild_keeps_the_engine_and_is_tried_again(db, monkeypatch, caplog):
    live = LiveChecker(min_score=52.0, interval=0)
    failures = first_build_fails(monkeypatch)
    rename(["valley", "Vale", "Arcadia"])
    live.sync()
    assert failures and "rebuilding the engine" in caplog.text
    assert entities_of(live, STATEMENT) == []
    live.sync()
    assert entities_of(live, STATEMENT) == ["river valley"]


def test_seeding_changed_names_is_logged_and_seeding_them_again_is_not(db):
    count = NameChange.select().count()
    seed(FIXTURE_SEEDS)
    assert NameChange.select().count() == count
    Entity.update(kind="valley").execute()
    seed(FIXTURE_SEEDS)
    assert NameChange.select().count() == count + 1


def test_a_server_that_froze_its_engine_frees_the_old_one_and_freezes_the_new(db):
    live = LiveChecker(min_score=52.0, interval=0)
    old_index = weakref.ref(live.checker.matcher.index)
    gc.collect()
    gc.freeze()  # as `crosscheck serve` does once the engine is built
    try:
        rename(["valley", "Vale", "Arcadia"])
        live.sync()
        assert entities_of(live, STATEMENT) == ["river valley"]
        assert old_index() is None  # freed though frozen: the engine holds no reference cycle
        features = live.checker.matcher.features
        assert not any(tracked is features for tracked in gc.get_objects())  # frozen too
    finally:
        gc.unfreeze()


def test_the_cyclic_gc_is_off_while_the_engine_is_rebuilt_and_back_on_after(db, monkeypatch):
    live = LiveChecker(min_score=52.0, interval=0)
    release = held_builds(monkeypatch)
    assert gc.isenabled()
    rename(["valley", "Vale", "Arcadia"])
    live.sync()
    assert live.rebuild is not None and not gc.isenabled()
    release.set()
    live.rebuild.ready(20)
    live.sync()
    assert live.rebuild is None and gc.isenabled()
    monkeypatch.setattr(corpus, "FactChecker", lambda *args, **kwargs: 1 / 0)
    rename(["valley", "Vale"])
    live.sync()
    if live.rebuild is not None:  # not failed within the wait: the next sync takes the failure
        live.rebuild.ready(20)
        live.sync()
    assert gc.isenabled() and entities_of(live, STATEMENT) == ["river valley"]  # as it was


def test_a_database_from_before_editable_names_gains_their_columns_and_log(db):
    """Entity and Term were not soft-deleted before: their tables gain `deleted_at` (every row
    live), and the name change log its table, at start-up, without touching a row."""
    migrator = SchemaMigrator.from_database(database.obj)
    migrate(migrator.drop_column("entity", "deleted_at"),
            migrator.drop_column("term", "deleted_at"))
    database.drop_tables([NameChange])
    create_tables()
    assert {"deleted_at"} <= {c.name for c in database.get_columns("entity")}
    assert [e.name for e in Entity.live()] == ["river valley"] and names_generation() == 0


def test_an_acronym_a_claim_defines_is_learnt_even_if_the_first_rebuild_fails(db, monkeypatch):
    live = LiveChecker(min_score=52.0, interval=0)
    failures = first_build_fails(monkeypatch)
    with write_transaction():
        claim = Claim.create(ref="vda", text="The Valley Dam Authority (VDA) opened the spillways.")
        record_claim_changes([claim.id])
    live.sync()
    assert failures and "Valley Dam Authority" not in entities_of(live, "The VDA opened the dam.")
    live.sync()
    assert "Valley Dam Authority" in entities_of(live, "The VDA opened the spillways.")


def test_seeds_giving_one_name_to_two_entities_are_refused(db, tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, folder)
    (folder / "entities.yaml").write_text(yaml.safe_dump([
        {"name": "river valley", "aliases": ["Vale"]}, {"name": "Vale Town", "aliases": ["vale"]}]))
    with pytest.raises(SeedError) as raised:
        seed(folder)
    assert raised.value.problems == ["entities.yaml 'Vale Town': 'vale' is read as a name of "
                                     "'river valley' too"]
