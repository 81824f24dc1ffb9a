"""Grouping quality: pairwise precision and recall of people over the labelled faces.

Truth is per photo (labels.csv lists who is in it, unordered when there are several). A face of a
single-face photo takes that photo's label. In a multi-face photo the labels are matched to the faces
by the assignment that agrees best with what single-face photos say about each face's person (the same
idea as tests/grouping.py); this cannot hide a merge, since two faces of one photo never share a label.

Then every pair of labelled faces counts: same person and same label is a true positive, same person
and different labels a false positive, different people and the same label a false negative.
Precision = TP / (TP + FP), recall = TP / (TP + FN). Photos where the detector found a different number
of faces than labelled are left out of the pairs and counted as detection misses or extras.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float
    faces_expected: int
    faces_found: int
    faces_scored: int
    photos_miscounted: int  # photos whose face count differs from the labels

    def line(self) -> str:
        return (f"precision {self.precision:.3f}, recall {self.recall:.3f} over {self.faces_scored} faces"
                f" ({self.faces_found} found, {self.faces_expected} labelled,"
                f" {self.photos_miscounted} photos with another face count)")

    def to_json(self) -> dict[str, float | int]:
        return dict(self.__dict__)


def score(found: Mapping[str, Sequence[Hashable | None]], labels: Mapping[str, Sequence[str]]) -> Quality:
    """`found`: photo -> the person of each face (None = no person); `labels`: photo -> its people."""
    faces_expected = sum(len(labels[p]) for p in found if p in labels)
    faces_found = sum(len(v) for p, v in found.items() if p in labels)
    votes: dict[Hashable, Counter[str]] = defaultdict(Counter)
    usable: dict[str, tuple[Sequence[Hashable | None], Sequence[str]]] = {}
    miscounted = 0
    for photo, persons in found.items():
        people = labels.get(photo)
        if people is None:
            continue
        if len(persons) != len(people):
            miscounted += 1
            continue
        usable[photo] = (persons, people)
        if len(people) == 1 and persons[0] is not None:
            votes[persons[0]][people[0]] += 1
    majority = {person: c.most_common(1)[0][0] for person, c in votes.items()}

    labelled: list[tuple[Hashable | None, str]] = []  # (person, true label) per scored face
    for persons, people in usable.values():
        if len(people) == 1:
            labelled.append((persons[0], people[0]))
            continue
        best = max(itertools.permutations(people),
                   key=lambda perm: sum(majority.get(p) == lab for p, lab in zip(persons, perm, strict=True)))
        labelled.extend(zip(persons, best, strict=True))

    tp = fp = fn = 0
    by_person: Counter[tuple[Hashable, str]] = Counter()
    person_sizes: Counter[Hashable] = Counter()
    label_sizes: Counter[str] = Counter()
    for i, (person, label) in enumerate(labelled):
        key = person if person is not None else ("unassigned", i)  # a face without a person pairs with none
        by_person[(key, label)] += 1
        person_sizes[key] += 1
        label_sizes[label] += 1
    same_both = sum(n * (n - 1) // 2 for n in by_person.values())
    same_person = sum(n * (n - 1) // 2 for n in person_sizes.values())
    same_label = sum(n * (n - 1) // 2 for n in label_sizes.values())
    tp = same_both
    fp = same_person - same_both
    fn = same_label - same_both
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return Quality(precision, recall, faces_expected, faces_found, len(labelled), miscounted)


def library_grouping(library_dir: str, root: str) -> dict[str, list[str | None]]:
    """photo (relative to `root`) -> the person of each of its faces, from a Beetroot library."""
    import os

    from beetroot_desktop.library import open_library

    out: dict[str, list[str | None]] = defaultdict(list)
    with open_library(library_dir, readonly=True) as lib:
        for row in lib.conn.execute("SELECT path FROM photos"):
            out[os.path.relpath(row[0], root)] = []
        for face in lib.all_faces():
            person = face["person_id"]
            out[os.path.relpath(face["path"], root)].append(lib.resolve_person(person) if person else None)
    return dict(out)
