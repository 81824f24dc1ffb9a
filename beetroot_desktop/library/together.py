"""Photos of people together: the photos in which every one of some people appears (docs/identity.md)."""

from __future__ import annotations

from collections.abc import Sequence

from .people import PeopleMixin


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


class TogetherMixin(PeopleMixin):
    def photos_together(self, people: Sequence[str], *, only: bool = False) -> list[int]:
        """Photos in which all of `people` appear, by date taken (undated last, by path); present and offline
        ones, never missing ones.

        A person stands for everyone merged into it (an id that was merged away follows its merge). With
        `only`, a photo in which any other person appears is left out; an unnamed or hidden person counts as
        a person, a face that belongs to no one (too small, taken out with "Not this person", not a face)
        does not. Raises KeyError for an id that is no person, ValueError for no people at all.
        """
        chosen = list(dict.fromkeys(self.resolve_person(p) for p in people))
        if not chosen:
            raise ValueError("name at least one person")
        for person in chosen:
            self._require_person(person)
        trees = [self.merge_tree(person) for person in chosen]
        # One indexed read of faces(person_id, photo_id) per person, intersected: never a scan of every photo.
        together = " INTERSECT ".join(f"SELECT photo_id FROM faces WHERE person_id IN ({_marks(t)})" for t in trees)
        args: list[object] = [p for tree in trees for p in tree]
        sql = f"SELECT ph.id FROM photos ph WHERE ph.id IN ({together}) AND ph.presence <> 'missing'"
        if only:
            everyone = [p for tree in trees for p in tree]
            sql += (" AND NOT EXISTS (SELECT 1 FROM faces o WHERE o.photo_id = ph.id AND o.person_id IS NOT NULL"
                    f" AND o.person_id NOT IN ({_marks(everyone)}))")
            args += everyone
        sql += " ORDER BY ph.taken_at IS NULL, ph.taken_at, ph.path"
        return [int(r[0]) for r in self.conn.execute(sql, args)]
