"""Finishing the grouping on the real sample photos: consolidation and the review queue through the CLI.

At threshold 99 the upstream rule splits Kit Harington in two (a face that matches his second photo but
not his first founds a new person) and Alex Lacamoire too: consolidation merges Kit (strong evidence:
closest faces 99.6, average 99.2) and asks about Alex (closest faces 98.0, just under the threshold).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_json import cli

from beetroot_desktop.cli.main import main
from beetroot_desktop.engines.local import LocalEngine
from beetroot_desktop.library import open_library
from beetroot_desktop.pipeline import ingest
from beetroot_desktop.pipeline.consolidate import consolidate

pytestmark = pytest.mark.slow


def labels_of(lib_dir: Path, photos_dir: Path, labels: dict[str, list[str]]) -> dict[str, set[str]]:
    with open_library(lib_dir) as lib:
        found: dict[str, set[str]] = {}
        for face in lib.all_faces():
            rel = Path(face["path"]).relative_to(photos_dir).as_posix()
            if face["person_id"] and len(labels.get(rel, [])) == 1:
                found.setdefault(face["person_id"], set()).add(labels[rel][0])
        return found


def test_a_split_person_is_merged_and_a_near_one_is_asked(photos_dir: Path, labels: dict[str, list[str]],
                                                         tmp_path: Path) -> None:
    lib = tmp_path / "L"
    code, summary = cli("import", str(photos_dir), "--threshold", "99", library=lib)
    assert code == 0 and summary["people_merged"] == 1 and summary["review_questions"] == 1
    assert summary["consolidated"][0].startswith("Consolidated: ") and "closest faces 99." in summary["consolidated"][0]
    people = labels_of(lib, photos_dir, labels)
    assert all(len(names) == 1 for names in people.values())  # no one mixed
    assert sum("kit_harington" in n for n in people.values()) == 1  # Kit is one person again
    assert sum("alex_lacamoire" in n for n in people.values()) == 2  # Alex: a question

    code, questions = cli("review", library=lib)
    assert code == 0 and len(questions) == 1
    q = questions[0]
    assert set(q) == {"id", "kind", "photo", "idx", "person_id", "candidate_person_id", "similarity"}
    assert q["kind"] == "people" and 95 <= q["similarity"] < 99
    code, answered = cli("review", "answer", q["id"], "yes", library=lib)
    assert code == 0 and answered["answer"] == "yes" and answered["undo"] == "Review: yes"
    assert sum("alex_lacamoire" in n for n in labels_of(lib, photos_dir, labels).values()) == 1
    assert cli("review", library=lib)[1] == []

    assert main(["undo", "--library", str(lib)]) == 0
    assert cli("review", library=lib)[1] == questions  # the question is back with the undo
    assert cli("review", "answer", q["id"], "no", library=lib)[0] == 0
    assert cli("review", library=lib)[1] == []
    assert cli("regroup", "--threshold", "99", "--yes", library=lib)[0] == 0
    cli("import", str(photos_dir), library=lib)
    assert cli("review", library=lib)[1] == []  # answered: never asked again
    assert sum("alex_lacamoire" in n for n in labels_of(lib, photos_dir, labels).values()) == 2


def test_two_named_people_are_never_merged_automatically(photos_dir: Path, labels: dict[str, list[str]],
                                                         tmp_path: Path) -> None:
    with open_library(tmp_path / "L") as lib:
        ingest([photos_dir], lib, LocalEngine(lib), threshold=99.0, workers=2, consolidation=False)
        kits = [p for p, names in labels_of(tmp_path / "L", photos_dir, labels).items() if "kit_harington" in names]
        assert len(kits) == 2
        lib.rename_person(kits[0], "Kit")
        lib.rename_person(kits[1], "Kit H.")
        result = consolidate(lib, 99.0)
        assert result.merged == []
        assert any({q.person_id, q.candidate_person_id} == set(kits) for q in lib.review_questions())


def test_unknown_or_settled_answers_are_usage_errors(photos_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "L"
    cli("import", str(photos_dir / "family"), library=lib)
    assert main(["review", "answer", "people:x:y", "yes", "--library", str(lib)]) == 2
    assert "no pending question" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:  # argparse: not one of the answers
        main(["review", "answer", "people:x:y", "maybe", "--library", str(lib)])
    assert exc.value.code == 2


def test_a_cloud_library_is_asked_never_joined(cloud_library: Any) -> None:
    """No descriptors on a cloud library: the engine's stored answers make questions, never automatic joins."""
    lib, _fake = cloud_library
    before = {p.person_id for p in lib.people()}
    result = consolidate(lib, 99.5)
    assert result.merged == [] and {p.person_id for p in lib.people()} == before
    assert all(q.kind in ("face", "people") and 94.5 <= q.similarity < 99.5 for q in lib.review_questions())
