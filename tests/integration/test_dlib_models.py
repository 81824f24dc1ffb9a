"""The HOG detector kept in the cache folder finds exactly what a freshly built one finds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from beetroot_desktop.engines import dlib_models
from beetroot_desktop.imaging import decode_photo


def test_detector_is_kept_in_the_cache_and_reloaded(tmp_path: Path, photos_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    image = np.asarray(decode_photo(photos_dir / "events" / "obama_and_biden.jpg", max_side=1024).image)
    monkeypatch.setattr(dlib_models, "_detector_cache", tmp_path / "models")
    built = dlib_models._detector()
    (saved,) = (tmp_path / "models").glob("frontal_face_detector-dlib-*.svm")
    loaded = dlib_models._detector()
    rects_built, scores_built, _ = built.run(image, 0, 0)
    rects_loaded, scores_loaded, _ = loaded.run(image, 0, 0)
    assert len(rects_built) == 3
    assert [str(r) for r in rects_loaded] == [str(r) for r in rects_built] and scores_loaded == scores_built

    saved.write_bytes(b"not a detector")  # a damaged cache file is rebuilt, not fatal
    again = dlib_models._detector()
    assert len(again.run(image, 0, 0)[0]) == 3
    assert saved.stat().st_size > 1000 and not list((tmp_path / "models").glob("*.part"))
