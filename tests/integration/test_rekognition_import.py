"""Whole imports through boto3 and the in-memory Rekognition: grouping, faults, resume, costs, regrouping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cloud_helpers import BACKOFFS, fake_aws_env, fake_engine
from fake_rekognition import FakeRekognition
from grouping import grouping_errors
from moto import mock_aws

from beetroot_desktop.cli import main
from beetroot_desktop.engines import EngineConfigError
from beetroot_desktop.engines.pricing import ledger_costs
from beetroot_desktop.engines.rekognition import candidate_floor
from beetroot_desktop.imaging.thumbnails import cache_dir_for, face_thumb_path
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.pipeline import ingest

pytestmark = pytest.mark.slow


@pytest.fixture
def empty_library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "fresh")
    yield lib
    lib.close()


def test_sample_library_through_boto3_groups_every_label(cloud_template, photos_dir, labels):
    lib_dir, report, fake = cloud_template
    assert (report.photos_seen, report.photos_new, report.photos_duplicate, report.photos_failed) == (27, 26, 1, 0)
    assert report.faces == 30 and report.paused_reason is None
    with open_library(lib_dir) as lib:
        assert grouping_errors(lib, photos_dir, labels) == []
        people = lib.people()
        assert len(people) == len({p for ps in labels.values() for p in ps}) == report.new_people
        # personId == FaceId of the person's first face, and every person's face is in the collection
        assert {p.person_id for p in people} == {f.face_id for f in fake.faces()}
        assert lib.call_counts("rekognition") == {"DetectFaces": 26, "SearchFacesByImage": 30,
                                                  "IndexFaces": report.new_people}
        assert lib.total_calls() == report.engine_calls == len(fake.requests)
        statuses = {r["status"] for r in lib.all_faces()}
        assert statuses == {"indexed", "matched"}
        cache = cache_dir_for(lib_dir)
        for row in lib.all_faces():  # face tiles pre-written, as the local workers do
            sha = lib.photo(row["photo_id"])["sha256"]
            box = (row["left"], row["top"], row["width"], row["height"])
            assert face_thumb_path(cache, sha, box).exists()
        assert candidate_floor(lib) == 80.0
    assert all(n == 1 for n in fake.index_calls.values())
    assert all(r.params["MaxFaces"] == 16 and r.params["FaceMatchThreshold"] == 80.0
               for r in fake.requests if r.operation == "SearchFacesByImage")


def test_reimport_makes_zero_calls(cloud_library, photos_dir):
    lib, fake = cloud_library
    before = lib.total_calls()
    with mock_aws():
        engine = fake_engine(fake, lib)
        report = ingest([photos_dir], lib, engine, threshold=95.0, workers=2)
    assert report.photos_unchanged == 27 and report.engine_calls == 0
    assert sum(engine.calls.values()) == 0 and fake.requests == [] and lib.total_calls() == before


def test_throttled_twice_then_success(empty_library, photos_dir, monkeypatch):
    photo = photos_dir / "family" / "2019" / "obama.jpg"
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        fake.fail_next("SearchFacesByImage", "ThrottlingException", 2)
        engine = fake_engine(fake, empty_library)
        report = ingest([photo], empty_library, engine, threshold=95.0, workers=1)
    assert report.photos_new == 1 and report.new_people == 1 and report.paused_reason is None
    assert fake.calls("SearchFacesByImage") == 3 and len(BACKOFFS) == 2  # botocore retried twice
    outcome, detail = empty_library.conn.execute(
        "SELECT outcome, detail FROM engine_calls WHERE operation = 'SearchFacesByImage'").fetchone()
    assert outcome == "ok" and "retries=2" in detail


def test_throttling_that_never_ends_pauses_the_import(empty_library, photos_dir, monkeypatch):
    photos = [photos_dir / "family" / "2019" / "obama.jpg", photos_dir / "family" / "2019" / "biden.jpg"]
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        fake.fail_next("DetectFaces", "ProvisionedThroughputExceededException", 50)
        report = ingest(photos, empty_library, fake_engine(fake, empty_library), threshold=95.0, workers=1)
    assert "throttling" in (report.paused_reason or "") and "rate_limit" in report.paused_reason
    assert report.pending == 2 and empty_library.photo_count() == 0
    assert fake.calls("DetectFaces") == 5  # the first try and four retries
    assert "Paused:" in report.summary()


def test_connection_lost_mid_photo_then_resumed_loses_and_duplicates_nothing(empty_library, photos_dir, labels,
                                                                           monkeypatch):
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        # The answer to the 5th IndexFaces (first face of the three-face photo) is lost with the network.
        fake.cut_after = ("IndexFaces", 5)
        first = ingest([photos_dir], empty_library, fake_engine(fake, empty_library), threshold=95.0, workers=2)
        assert "cannot reach Amazon Rekognition" in (first.paused_reason or "")
        assert first.pending > 0 and first.photos_failed == 0
        done_before = empty_library.photo_count()
        assert 0 < done_before < 26
        assert empty_library.photo_by_path(str(photos_dir / "events" / "obama_and_biden.jpg")) is None
        network = empty_library.conn.execute("SELECT count(*) FROM engine_calls WHERE outcome = 'network'")
        assert network.fetchone()[0] == 1

        fake.network_down, fake.cut_after = False, None  # back online
        second = ingest([photos_dir], empty_library, fake_engine(fake, empty_library), threshold=95.0, workers=2)
    assert second.paused_reason is None and second.pending == 0
    assert second.photos_unchanged == done_before
    assert empty_library.photo_count() == 26 and empty_library.failed_photos() == []
    assert grouping_errors(empty_library, photos_dir, labels) == []
    people = {p.person_id for p in empty_library.people()}
    assert people == {f.face_id for f in fake.faces()}  # no face indexed twice, no orphan in the collection
    assert all(n == 1 for n in fake.index_calls.values())
    assert len(people) == len({p for ps in labels.values() for p in ps})


def test_access_denied_stops_cleanly_and_the_next_run_finishes(empty_library, photos_dir, monkeypatch):
    photos = [photos_dir / "family" / "2019" / "obama.jpg", photos_dir / "family" / "2019" / "biden.jpg"]
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        fake.denied = {"IndexFaces"}
        with pytest.raises(EngineConfigError, match=r'"rekognition:IndexFaces"'):
            ingest(photos, empty_library, fake_engine(fake, empty_library), threshold=95.0, workers=1)
        assert empty_library.photo_count() == 0 and empty_library.failed_photos() == []
        fake.denied = set()
        report = ingest(photos, empty_library, fake_engine(fake, empty_library), threshold=95.0, workers=1)
    assert report.photos_new == 2 and len(empty_library.people()) == 2


def test_costs_report_matches_the_calls_made(cloud_library, cloud_template, capsys):
    lib, _ = cloud_library
    report = cloud_template[1]
    costs = ledger_costs(lib)
    by_op = {line.operation: line for line in costs.lines}
    assert {op: line.billed for op, line in by_op.items()} == {
        "DetectFaces": 26, "IndexFaces": report.new_people, "SearchFacesByImage": 30}
    assert costs.usd == pytest.approx((56 + report.new_people) * 0.001)
    assert costs.faces_stored == report.new_people
    assert main(["costs", "--library", str(lib.dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["calls"] == 56 + report.new_people and data["usd"] == pytest.approx(costs.usd)
    assert main(["costs", "--library", str(lib.dir)]) == 0
    text = capsys.readouterr().out
    assert "SearchFacesByImage" in text and f"{costs.usd:.4f}" in text


def test_dry_run_estimates_before_anything_is_spent(tmp_path, photos_dir, cloud_library, monkeypatch, capsys):
    lib, _ = cloud_library
    with fake_aws_env(FakeRekognition().create(), monkeypatch) as fake:
        fresh = tmp_path / "not-yet"
        code = main(["import", "--dry-run", "--engine", "rekognition", "--library", str(fresh), "--json",
                     str(photos_dir)])
        assert code == 0
        data = json.loads(capsys.readouterr().out)
        est = data["estimate"]
        assert (est["photos_new"], est["photos_duplicate"], est["faces"]) == (26, 1, 30)
        calls = {op["operation"]: op["calls_max"] for op in data["operations"]}
        assert calls == {"DetectFaces": 26, "SearchFacesByImage": 30, "IndexFaces": 30}
        assert data["usd_max"] == pytest.approx(0.086)
        assert fake.requests == [] and not fresh.exists()  # nothing called, nothing created
        # A library that already holds the photos: nothing to spend.
        assert main(["import", "--dry-run", "--engine", "rekognition", "--library", str(lib.dir), str(photos_dir)]) == 0
        text = capsys.readouterr().out
        assert "0 new" in text and "27 unchanged" in text and "$0.0000" in text
        # With the local detector, DetectFaces is not paid.
        assert main(["config", "set", "detector", "local"]) == 0
        main(["import", "--dry-run", "--engine", "rekognition", "--library", str(fresh), "--json",
              str(photos_dir / "family" / "2019")])
        data = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert {op["operation"]: op["calls_max"] for op in data["operations"]} == {
            "SearchFacesByImage": 5, "IndexFaces": 5}
        assert data["usd_max"] == pytest.approx(0.010)


def test_regroup_says_how_many_index_calls_then_makes_them(cloud_library, photos_dir, labels, monkeypatch, capsys):
    from beetroot_desktop.pipeline import plan_regroup

    lib, fake = cloud_library
    lib_dir = str(lib.dir)
    indexed_at_import = lib.call_counts("rekognition")["IndexFaces"]
    plan = plan_regroup(lib, 99.5)
    assert plan.index_calls > 0
    with fake_aws_env(fake, monkeypatch):
        main(["config", "set", "rate_limit", "100"])
        capsys.readouterr()
        assert main(["regroup", "--library", lib_dir, "--threshold", "99.5"]) == 1  # not without --yes
        out = capsys.readouterr()
        assert f"{plan.index_calls} IndexFaces calls" in out.out and "--yes" in out.err
        assert fake.requests == []
        assert main(["regroup", "--library", lib_dir, "--threshold", "99.5", "--yes", "--json"]) == 0
        result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert result["applied"] and result["index_calls"] == plan.index_calls == fake.calls("IndexFaces")
        assert fake.calls() == plan.index_calls  # only IndexFaces: no search was paid again
        with open_library(lib_dir) as check:
            assert len(check.people()) == plan.people
            assert check.call_counts("rekognition")["IndexFaces"] == indexed_at_import + plan.index_calls
        # Back to 95: every face has a FaceId or a stored candidate now, so it is free.
        assert main(["regroup", "--library", lib_dir, "--threshold", "95", "--json"]) == 0
        back = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert back["index_calls"] == 0 and fake.calls() == plan.index_calls
        # Below the floor the stored candidates do not reach: refused.
        assert main(["regroup", "--library", lib_dir, "--threshold", "75"]) == 2
    with open_library(lib_dir) as check:
        assert grouping_errors(check, photos_dir, labels) == []
