"""A client-side token bucket: keeps Rekognition calls under the account's transactions-per-second quota.

botocore's `standard` retries recover from throttling after the fact; pacing first means the quota is
rarely hit at all (the default quota is 5 calls per second in most regions, 50 in a few).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class TokenBucket:
    """`rate` tokens per second, at most `capacity` saved up; `acquire()` blocks until one is free."""

    def __init__(self, rate: float, capacity: float | None = None, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        if not rate > 0:
            raise ValueError("rate must be a positive number of calls per second")
        self.rate = float(rate)
        # One second's worth of calls may go at once, and never less than one call.
        self.capacity = float(capacity) if capacity is not None else max(1.0, self.rate)
        self._clock, self._sleep = clock, sleep
        self._tokens = self.capacity
        self._stamp = clock()
        self._lock = threading.Lock()
        self.waited = 0.0  # total seconds spent waiting, for the ledger and tests

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def acquire(self) -> float:
        """Take one token, sleeping as long as needed; returns the seconds waited."""
        waited = 0.0
        while True:
            with self._lock:
                self._refill()
                if self._tokens >= 1.0 - 1e-9:  # tolerance: float refills may land a hair under 1
                    self._tokens = max(0.0, self._tokens - 1.0)
                    self.waited += waited
                    return waited
                delay = (1.0 - self._tokens) / self.rate
            self._sleep(delay)
            waited += delay
