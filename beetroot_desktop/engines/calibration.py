"""How the local engine turns a descriptor distance into a 0-100 similarity, like Rekognition's.

dlib's ResNet descriptor puts two photos of one person at a Euclidean distance under about 0.6 (its
documented tolerance) and two people above it. We map distance to similarity with a logistic curve
anchored at two points:

- distance 0.60 -> similarity 95 (the default threshold sits exactly at dlib's tolerance);
- distance 0.45 -> similarity 99 (a near-certain match, as Rekognition reports for the same person).

On the sample library (`tests/data/photos`) the largest distance within one person is 0.52 (similarity
97.9) and the smallest between two people is 0.67 (similarity 90.2), so 95 splits them with margin on
both sides; `tests/test_calibration.py` checks that on the real photos. Lower thresholds group more
loosely: 90 is distance 0.668, 80 is 0.742, 50 is 0.868.
"""

from __future__ import annotations

import math

import numpy as np

ANCHOR_TOLERANCE = (0.60, 95.0)
ANCHOR_CERTAIN = (0.45, 99.0)


def _logit(similarity: float) -> float:
    return math.log(100.0 / similarity - 1.0)


# sim(d) = 100 / (1 + exp(K * (d - D50)))  =>  K * (d - D50) = ln(100 / sim - 1)
K = (_logit(ANCHOR_TOLERANCE[1]) - _logit(ANCHOR_CERTAIN[1])) / (ANCHOR_TOLERANCE[0] - ANCHOR_CERTAIN[0])
D50 = ANCHOR_TOLERANCE[0] - _logit(ANCHOR_TOLERANCE[1]) / K


def similarity(distance: float | np.ndarray) -> float | np.ndarray:
    """Distance (>= 0) to similarity in (0, 100]."""
    return 100.0 / (1.0 + np.exp(K * (np.asarray(distance, dtype=np.float64) - D50)))


def max_distance(threshold: float) -> float:
    """The largest distance whose similarity still reaches `threshold`."""
    if threshold >= 100.0:
        return 0.0
    if threshold <= 0.0:
        return math.inf
    return D50 + _logit(threshold) / K
