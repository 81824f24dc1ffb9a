"""The identity model under random sequences of everything a user can do (hypothesis state machine).

Imports of random subsets of the sample photos (their real faces and descriptors, analysed once per
session), regroups at random thresholds, and every edit with undo and redo. After every step the
library must keep the user's facts: names, "not this person", merges, one person per face of a photo,
counts, exact undo and redo, and a regroup back to the first threshold followed by an import gives what
a library that never regrouped gives. `BEETROOT_MACHINE_EXAMPLES` runs more sequences (default 300).

The same machine runs on the cloud engine (boto3 through the in-memory Rekognition) and checks that no
step makes a paid call that the plan did not announce.
"""

from __future__ import annotations

import copy
import itertools
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from unittest import mock

import pytest
from cached_analysis import CachedWorkers, analyse_all, sample_files
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from beetroot_desktop.engines.base import EngineConfigError, WorkerNeeds
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import EditRefused, Library, NothingToUndo, open_library
from beetroot_desktop.pipeline import ingest, plan_regroup, regroup

EXAMPLES = int(os.environ.get("BEETROOT_MACHINE_EXAMPLES", "300"))
THRESHOLDS = st.one_of(st.sampled_from([50.0, 80.0, 90.0, 95.0, 97.0, 99.0, 99.5, 99.8, 100.0]),
                       st.floats(50, 100, allow_nan=False).map(lambda t: round(t, 1)))
NAMES = st.sampled_from(["Ann", "Bo", "Cy", "Ann", None])


@dataclass
class Facts:
    """What the user said, as the machine tracks it independently of the library."""

    names: dict[str, str | None] = field(default_factory=dict)  # person id -> name (absent: never named)
    name_from: dict[str, str] = field(default_factory=dict)  # target -> the merged person whose name it took
    merges: set[tuple[str, str]] = field(default_factory=set)  # (source, target): must stay together
    rejected: set[tuple[int, str]] = field(default_factory=set)  # (face, person): never again together


def snapshot(lib: Library) -> tuple[Any, ...]:
    """The user-visible state an undo must restore exactly."""
    c = lib.conn
    return (
        c.execute("SELECT id, person_id, status, similarity, reason, confirmed FROM faces ORDER BY id").fetchall(),
        c.execute("SELECT person_id, name, hidden, cover_face_id, merged_into FROM people"
                  " WHERE face_count > 0 OR merged_into IS NOT NULL ORDER BY person_id").fetchall(),
        c.execute("SELECT face_id, person_id FROM face_exclusions ORDER BY 1, 2").fetchall(),
        lib.get_meta("threshold"),
    )


def partition(lib: Library) -> set[frozenset[tuple[str, int]]]:
    groups: dict[str, set[tuple[str, int]]] = {}
    for face in lib.all_faces():
        if face["person_id"]:
            groups.setdefault(face["person_id"], set()).add((face["path"], face["idx"]))
    return {frozenset(g) for g in groups.values()}


class IdentityMachine(RuleBasedStateMachine):
    """Subclasses say which engine imports: `make_engine(library)`."""

    files: ClassVar[list[Path]] = []
    analyses: ClassVar[dict[str, Any]] = {}

    def make_engine(self, lib: Library) -> Any:
        return LocalEngine(lib)

    def paid_calls(self) -> int:
        return 0

    @initialize(first=st.sampled_from([95.0, 95.0, 90.0, 99.5]))
    def start(self, first: float) -> None:
        # Ids from a counter: which of two joined people keeps its id follows the ids, and hypothesis needs
        # the same steps to give the same state (random ids made it see a "flaky strategy").
        counter = itertools.count(1)
        self.ids = mock.patch("uuid.uuid4", lambda: uuid.UUID(int=next(counter), version=4))
        self.ids.start()
        self.tmp = Path(tempfile.mkdtemp(prefix="identity-"))
        self.lib = open_library(self.tmp / "lib")
        self.twin = open_library(self.tmp / "twin")  # never regrouped, never edited: the reference
        self.first = first
        self.threshold = first
        self.facts = Facts()
        self.undo_stack: list[tuple[Facts, Any, Any]] = []  # (facts before, snapshot before, snapshot after)
        self.redo_stack: list[tuple[Facts, Any, Any]] = []
        self.edited = False  # once the user edits, the twin no longer stands for this library

    def teardown(self) -> None:
        if hasattr(self, "ids"):
            self.ids.stop()
        if hasattr(self, "lib"):
            self.lib.close()
            self.twin.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers -----------------------------------------------------------------------------------------
    def people(self) -> list[str]:
        """Shown people in a stable order (ids are random, row order is not)."""
        return [r[0] for r in self.lib.conn.execute(
            "SELECT person_id FROM people WHERE merged_into IS NULL AND face_count > 0 ORDER BY rowid")]

    def merged_into(self, person: str) -> list[str]:
        return [r[0] for r in self.lib.conn.execute(
            "SELECT person_id FROM people WHERE merged_into = ? ORDER BY rowid", (person,))]

    def faces(self, assigned: bool | None = None) -> list[int]:
        sql = "SELECT id FROM faces"
        if assigned is True:
            sql += " WHERE person_id IS NOT NULL"
        elif assigned is False:
            sql += " WHERE person_id IS NULL"
        return [r[0] for r in self.lib.conn.execute(sql + " ORDER BY id")]

    def ingest(self, lib: Library, paths: list[Path], threshold: float) -> None:
        engine = self.make_engine(lib)
        try:
            ingest([str(p) for p in paths], lib, engine, threshold=threshold,
                   photo_workers=CachedWorkers(self.analyses), thumbnails=False)
        finally:
            engine.close()

    def record_edit(self, edit: Any) -> bool:
        """Run one edit; on success remember what undo must give back. False when the library refused it."""
        before_facts, before = copy.deepcopy(self.facts), snapshot(self.lib)
        last = self.lib.next_undo()
        try:
            edit()
        except EditRefused:
            assert snapshot(self.lib) == before, "a refused edit changed the library"
            return False
        if self.lib.next_undo() == last:  # nothing to change (e.g. a face put where it already is)
            after = snapshot(self.lib)
            # A regroup that moves no face only saves its threshold, with nothing for undo to take back.
            assert after[:3] == before[:3], "an edit changed the library without an undo entry"
            if after != before:
                self.stale_snapshots()
            return False
        self.undo_stack.append((before_facts, before, snapshot(self.lib)))
        self.redo_stack.clear()
        return True

    def stale_snapshots(self) -> None:
        """An import changes rows no edit recorded: undo then restores the edit's rows, not the whole state."""
        self.undo_stack = [(f, None, None) for f, _, _ in self.undo_stack]
        self.redo_stack = [(f, None, None) for f, _, _ in self.redo_stack]

    # -- rules -----------------------------------------------------------------------------------------------
    @rule(data=st.data())
    def import_photos(self, data: st.DataObject) -> None:
        picked = data.draw(st.lists(st.sampled_from(self.files), min_size=1, max_size=6, unique=True))
        calls = self.paid_calls()
        self.ingest(self.lib, picked, self.lib.saved_threshold() or self.first)
        self.ingest(self.twin, picked, self.first)
        assert self.paid_calls() >= calls
        self.stale_snapshots()

    def floor(self) -> float:
        """The lowest threshold this library can regroup at (a cloud library: its searches' candidate floor)."""
        if self.lib.bound_engine() == "local":
            return 0.0
        from beetroot_desktop.engines.rekognition import candidate_floor

        return candidate_floor(self.lib)

    @rule(threshold=THRESHOLDS)
    def regroup_at(self, threshold: float) -> None:
        if threshold < self.floor():  # no candidates were kept below the floor: refused, nothing changed
            before = snapshot(self.lib)
            with pytest.raises(EngineConfigError, match="choose a threshold"):
                regroup(self.lib, threshold)
            assert snapshot(self.lib) == before
            return
        plan = plan_regroup(self.lib, threshold)
        calls = self.paid_calls()
        # May change nothing: then there is no undo entry.
        self.record_edit(lambda: regroup(self.lib, threshold, engine_factory=lambda _: self.make_engine(self.lib)))
        spent = self.paid_calls() - calls
        assert spent <= plan.index_calls, f"{spent} paid IndexFaces calls, {plan.index_calls} announced"
        self.threshold = threshold
        # A fixed point as the user sees it: the same regroup again changes nothing and costs nothing. (The
        # plan alone may differ: consolidation joins people after the replay, pipeline/consolidate.py.)
        after = partition(self.lib)
        calls = self.paid_calls()
        regroup(self.lib, threshold, engine_factory=lambda _: self.make_engine(self.lib))
        assert partition(self.lib) == after and self.paid_calls() == calls, "a regroup is not a fixed point"

    @precondition(lambda self: self.lib.people())
    @rule(data=st.data(), name=NAMES)
    def rename(self, data: st.DataObject, name: str | None) -> None:
        person = data.draw(st.sampled_from(self.people()))
        if self.record_edit(lambda: self.lib.rename_person(person, name)):
            self.facts.names[person] = name
            self.facts.name_from.pop(person, None)
            self.edited = True

    @precondition(lambda self: len(self.lib.people()) >= 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        everyone = self.people()
        target = data.draw(st.sampled_from(everyone))
        sources = data.draw(st.lists(st.sampled_from([p for p in everyone if p != target]), min_size=1,
                                     max_size=2, unique=True))
        if not self.record_edit(lambda: self.lib.merge_people(sources, target)):
            return
        self.edited = True
        for source in sources:
            if self.facts.names.get(target) is None and self.facts.names.get(source) is not None:
                self.facts.names[target] = self.facts.names[source]
                self.facts.name_from[target] = source
            self.facts.merges.add((source, target))  # a tree: what was merged into the source stays with it

    @precondition(lambda self: self.lib.people())
    @rule(data=st.data())
    def split_faces(self, data: st.DataObject) -> None:
        person = data.draw(st.sampled_from(self.people()))
        faces = self.lib.face_ids(person_id=person)
        picked = data.draw(st.lists(st.sampled_from(faces), min_size=1, max_size=2, unique=True))
        made: list[str] = []
        if self.record_edit(lambda: made.extend(self.lib.split_person(person, face_ids=picked))):
            self.edited = True
            self.facts.rejected |= {(f, person) for f in picked}
            assert len(made) == 1 and {self.lib.face(f)["person_id"] for f in picked} == {made[0]}

    @precondition(lambda self: any(self.merged_into(p) for p in self.people()))
    @rule(data=st.data())
    def split_merged(self, data: st.DataObject) -> None:
        person = data.draw(st.sampled_from([p for p in self.people() if self.merged_into(p)]))
        source = data.draw(st.sampled_from(self.merged_into(person)))
        if self.record_edit(lambda: self.lib.split_person(person, people=[source])):
            self.edited = True
            self.facts.merges.discard((source, person))
            if self.facts.name_from.get(person) == source:  # the name it lent goes back with it
                self.facts.names[person] = None
                del self.facts.name_from[person]

    @precondition(lambda self: self.lib.people())
    @rule(data=st.data())
    def reject(self, data: st.DataObject) -> None:
        face = data.draw(st.sampled_from(self.faces(assigned=True)))
        person = self.lib.face(face)["person_id"]
        if self.record_edit(lambda: self.lib.remove_face_from_person(face)):
            self.edited = True
            self.facts.rejected.add((face, person))

    @precondition(lambda self: self.lib.people())
    @rule(data=st.data())
    def assign(self, data: st.DataObject) -> None:
        face = data.draw(st.sampled_from(self.faces()))
        person = data.draw(st.sampled_from(self.people()))
        if self.record_edit(lambda: self.lib.assign_face(face, person)):
            self.edited = True
            target = self.lib.resolve_person(person)
            self.facts.rejected = {(f, p) for f, p in self.facts.rejected
                                   if not (f == face and self.lib.resolve_person(p) == target)}

    @precondition(lambda self: self.lib.people())
    @rule(data=st.data(), hidden=st.booleans())
    def hide(self, data: st.DataObject, hidden: bool) -> None:
        person = data.draw(st.sampled_from(self.people()))
        if self.record_edit(lambda: self.lib.set_hidden(person, hidden)):
            self.edited = True

    @precondition(lambda self: self.lib.people())
    @rule(data=st.data())
    def cover(self, data: st.DataObject) -> None:
        person = data.draw(st.sampled_from(self.people()))
        face = data.draw(st.sampled_from(self.lib.face_ids(person_id=person)))
        if self.record_edit(lambda: self.lib.set_cover(person, face)):
            self.edited = True

    @rule()
    def undo(self) -> None:
        if not self.undo_stack:
            with pytest.raises(NothingToUndo):
                self.lib.undo()
            return
        facts, before, after = self.undo_stack.pop()
        self.lib.undo()
        if before is not None:
            assert snapshot(self.lib) == before, "undo did not restore the state before the edit"
        self.redo_stack.append((self.facts, after, before))
        self.facts = facts
        self.edited = True
        self.threshold = self.lib.saved_threshold() or self.first

    @rule()
    def redo(self) -> None:
        if not self.redo_stack:
            with pytest.raises(NothingToUndo):
                self.lib.redo()
            return
        facts, after, before = self.redo_stack.pop()
        self.lib.redo()
        if after is not None:
            assert snapshot(self.lib) == after, "redo did not give the state after the edit back"
        self.undo_stack.append((self.facts, before, after))
        self.facts = facts
        self.threshold = self.lib.saved_threshold() or self.first

    # -- invariants ------------------------------------------------------------------------------------------
    @invariant()
    def names_are_the_users(self) -> None:
        if not hasattr(self, "lib"):
            return
        for person_id, name in self.lib.conn.execute("SELECT person_id, name FROM people"):
            assert name == self.facts.names.get(person_id), f"{person_id} is named {name!r}"

    @invariant()
    def rejected_faces_stay_out(self) -> None:
        if not hasattr(self, "lib"):
            return
        for face, person in self.lib.conn.execute("SELECT face_id, person_id FROM face_exclusions"):
            now = self.lib.face(face)["person_id"]
            assert now is None or self.lib.resolve_person(now) != self.lib.resolve_person(person)
        for face, person in self.facts.rejected:
            row = self.lib.face(face)
            if row is not None and row["person_id"] is not None:
                assert self.lib.resolve_person(row["person_id"]) != self.lib.resolve_person(person)

    @invariant()
    def one_person_per_face_of_a_photo(self) -> None:
        if not hasattr(self, "lib"):
            return
        twice = self.lib.conn.execute(
            "SELECT photo_id, person_id FROM faces WHERE person_id IS NOT NULL"
            " GROUP BY photo_id, person_id HAVING count(*) > 1").fetchall()
        assert not twice

    @invariant()
    def merged_people_stay_merged(self) -> None:
        if not hasattr(self, "lib"):
            return
        for source, target in self.facts.merges:
            assert self.lib.resolve_person(source) == self.lib.resolve_person(target)

    @invariant()
    def counts_match_the_faces(self) -> None:
        if not hasattr(self, "lib"):
            return
        kept = {r[0]: (r[1], r[2]) for r in self.lib.conn.execute(
            "SELECT person_id, face_count, photo_count FROM people WHERE face_count > 0")}
        counted = {r[0]: (r[1], r[2]) for r in self.lib.conn.execute(
            "SELECT person_id, count(*), count(DISTINCT photo_id) FROM faces WHERE person_id IS NOT NULL"
            " GROUP BY person_id")}
        assert kept == counted

    @invariant()
    def back_at_the_first_threshold_it_is_as_if_never_regrouped(self) -> None:
        if not hasattr(self, "lib") or self.edited or self.threshold != self.first:
            return
        assert partition(self.lib) == partition(self.twin)


@pytest.fixture(scope="module")
def local_analyses(photos_dir: Path) -> dict[str, Any]:
    return analyse_all(photos_dir, WorkerNeeds(descriptors=True))


MACHINE_SETTINGS = settings(max_examples=EXAMPLES, stateful_step_count=12, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.mark.slow
def test_identity_holds_under_any_sequence_local(photos_dir: Path, local_analyses: dict[str, Any]) -> None:
    class Local(IdentityMachine):
        files = sample_files(photos_dir)
        analyses = local_analyses

    Local.TestCase.settings = MACHINE_SETTINGS
    Local.TestCase().runTest()


@pytest.mark.slow
def test_identity_holds_under_any_sequence_cloud(photos_dir: Path) -> None:
    from cloud_helpers import fake_engine
    from fake_rekognition import FakeRekognition
    from moto import mock_aws

    analyses = analyse_all(photos_dir, WorkerNeeds())
    descriptors: dict[Any, Any] = {}  # the fake's per-crop descriptors, shared by every example

    class Cloud(IdentityMachine):
        files = sample_files(photos_dir)

        def __init__(self) -> None:
            super().__init__()
            self.analyses = analyses  # type: ignore[misc]
            self.fake = FakeRekognition().create()
            self.fake._descriptors = descriptors
            self.twin_fake = FakeRekognition().create()
            self.twin_fake._descriptors = descriptors

        @initialize(first=st.sampled_from([95.0, 90.0]), data=st.data())
        def start(self, first: float, data: st.DataObject) -> None:
            # Every sequence starts with one person in several photos, so strict regroups need paid
            # IndexFaces calls and the "announced before paid" check has calls to check.
            super().start(first)
            same = [f for f in self.files if f.name.startswith("obama") and "copy" not in f.name]
            picked = data.draw(st.lists(st.sampled_from(same), min_size=2, max_size=4, unique=True))
            self.ingest(self.lib, picked, first)
            self.ingest(self.twin, picked, first)

        def make_engine(self, lib: Library) -> Any:
            fake = self.twin_fake if lib is getattr(self, "twin", None) else self.fake
            engine = fake_engine(fake, lib, detector="local")
            if fake is self.fake:
                self.engines.append(engine)
            return engine

        def paid_calls(self) -> int:
            return sum(e.calls["IndexFaces"] for e in self.engines)

    Cloud.engines = []  # type: ignore[attr-defined]
    with mock_aws():  # nothing reaches AWS; each library's client is answered by its own fake collection
        Cloud.TestCase.settings = settings(MACHINE_SETTINGS, max_examples=max(20, EXAMPLES // 5))
        Cloud.TestCase().runTest()
    # A regroup that does pay is also checked call for call in test_rekognition_import.py.
