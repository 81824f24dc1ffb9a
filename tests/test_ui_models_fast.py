"""The People grid's model on a synthetic library (no dlib), with reads answered inline: order, search,
the "in at least N photos" filter, hidden people and what a screen reader hears, each in milliseconds."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from inline_tasks import inline_tasks  # noqa: F401  (the fixture)
from PySide6.QtCore import Qt
from synthetic_library import add_people

from beetroot_desktop.config import Settings
from beetroot_desktop.library import Library, open_library
from beetroot_desktop.ui.context import LibraryContext
from beetroot_desktop.ui.people_model import PeopleModel

PHOTOS = {"p-ann": 6, "p-bob": 4, "p-cy": 2, "p-stranger1": 1, "p-stranger2": 1}  # person id: photos


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = open_library(tmp_path / "L")
    add_people(library, PHOTOS)
    library.rename_person("p-ann", "Ann")
    library.rename_person("p-bob", "Bob")
    yield library
    library.close()


@pytest.fixture
def model(qapp, lib: Library, inline_tasks) -> Iterator[PeopleModel]:  # noqa: F811
    ctx = LibraryContext(lib, Settings())
    people = PeopleModel(ctx)
    yield people
    ctx.close()


def test_reads_answer_on_the_calling_thread_before_refresh_returns(model: PeopleModel) -> None:
    threads: list[str] = []
    model.ctx.read(lambda _lib: threading.current_thread().name, threads.append)
    assert threads == [threading.current_thread().name]
    model.refresh()
    assert model.loaded


def test_people_come_most_photos_first_and_sort_by_name(model: PeopleModel) -> None:
    model.set_view_options(min_photos=1)
    assert model.ids()[:3] == ["p-ann", "p-bob", "p-cy"]
    model.set_view_options(order="name")
    assert model.ids()[:2] == ["p-ann", "p-bob"]


def test_search_and_the_least_photos_filter(model: PeopleModel) -> None:
    model.set_view_options(min_photos=1, name_filter="bo")
    assert model.ids() == ["p-bob"]
    model.set_view_options(name_filter="")
    assert len(model.ids()) == len(PHOTOS)
    model.set_view_options(min_photos=2)
    assert sorted(model.ids()) == ["p-ann", "p-bob", "p-cy"]  # the people seen once leave the grid
    assert model.least_photos == 2


def test_hidden_people_leave_the_grid_until_asked_for(model: PeopleModel, lib: Library) -> None:
    lib.set_hidden("p-bob", True)
    model.set_view_options(min_photos=1)
    assert "p-bob" not in model.ids()
    model.set_view_options(include_hidden=True)
    assert "p-bob" in model.ids()


def test_a_screen_reader_hears_name_and_count(model: PeopleModel) -> None:
    model.set_view_options(min_photos=1)
    index = model.index_of("p-ann")
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == "Ann, 6 photos"
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "Ann"
    assert model.data(model.index_of("p-stranger1"), Qt.ItemDataRole.AccessibleTextRole).endswith("1 photo")
