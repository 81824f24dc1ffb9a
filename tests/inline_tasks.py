"""A task runner that runs each task at once on the calling thread, for tests of the window's models.

`LibraryContext.read` and `.write` then answer before they return, so a model test asserts right after the
call, with no event loop and no waiting. Tests of the write path itself (that an edit runs off the GUI
thread, that a slow read does not block it) keep the real runner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from beetroot_desktop.ui.tasks import Callback, TaskRunner


class InlineTaskRunner(TaskRunner):
    def submit(self, fn: Callable[[], Any], on_done: Callback | None = None,
               on_error: Callback | None = None, *, priority: int = 0) -> int:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        try:
            result, ok = fn(), True
        except Exception as exc:  # delivered to on_error, as the pool delivers it
            result, ok = exc, False
        self._deliver(task_id, ok, result)
        return task_id


@pytest.fixture
def inline_tasks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Library contexts made from now on read and write inline."""
    monkeypatch.setattr("beetroot_desktop.ui.context.TaskRunner", InlineTaskRunner)
    yield
