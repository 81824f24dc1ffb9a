"""Checks a library's grouping against the sample library's labels (shared by several test modules)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from beetroot_desktop.library import Library


def grouping_errors(lib: Library, photos_dir: Path, labels: dict[str, list[str]]) -> list[str]:
    """Every way the library's people disagree with labels.csv; empty when each label is one person."""
    errors: list[str] = []
    faces_by_photo: dict[str, list[str | None]] = defaultdict(list)
    for face in lib.all_faces():
        rel = Path(face["path"]).relative_to(photos_dir).as_posix()
        faces_by_photo[rel].append(face["person_id"])
    person_label: dict[str, str] = {}

    def bind(person: str | None, label: str, where: str) -> None:
        if person is None:
            errors.append(f"{where}: a face of {label} has no person")
        elif person_label.setdefault(person, label) != label:
            errors.append(f"{where}: person {person} mixes {person_label[person]} and {label}")

    multi = []
    for rel, people in labels.items():
        got = faces_by_photo.get(rel)
        if got is None:
            continue  # duplicates and failures have no faces of their own
        if len(got) != len(people):
            errors.append(f"{rel}: expected {len(people)} faces, found {len(got)}")
            continue
        if len(people) == 1:
            bind(got[0], people[0], rel)
        else:
            multi.append((rel, people, got))
    for _ in range(2):  # a second pass resolves faces that only multi-face photos tie down
        for rel, people, got in multi:
            rest_labels = list(people)
            rest_people = []
            for person in got:
                if person in person_label and person_label[person] in rest_labels:
                    rest_labels.remove(person_label[person])
                else:
                    rest_people.append(person)
            if len(rest_people) == 1 and len(rest_labels) == 1:
                bind(rest_people[0], rest_labels[0], rel)
    for rel, people, got in multi:
        mapped = sorted(person_label.get(p or "", "?") for p in got)
        if mapped != sorted(people):
            errors.append(f"{rel}: faces map to {mapped}, labels say {sorted(people)}")
    by_label: dict[str, set[str]] = defaultdict(set)
    for person, label in person_label.items():
        by_label[label].add(person)
    for label in {p for ps in labels.values() for p in ps}:
        if len(by_label[label]) != 1:
            errors.append(f"{label} is {len(by_label[label])} people, not one")
    return sorted(set(errors))
