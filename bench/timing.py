"""Small helpers shared by the measurements: percentiles, a summary of per-call latencies, and
the timed loop that produces them."""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list (share in 0..1), as bench/peers/run.mjs computes it."""
    if not sorted_values:
        return 0.0
    rank = max(0, min(len(sorted_values) - 1, math.ceil(share * len(sorted_values)) - 1))
    return sorted_values[rank]


@dataclass(frozen=True)
class Latency:
    """Throughput and latency of one run; times in milliseconds."""

    count: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    @classmethod
    def of(cls, durations: list[float], seconds: float) -> Latency:
        ordered = sorted(durations)
        return cls(len(ordered), seconds, 1000 * percentile(ordered, 0.50), 1000 * percentile(ordered, 0.99))

    def to_dict(self) -> dict[str, float]:
        return {"count": self.count, "seconds": round(self.seconds, 3), "per_second": round(self.per_second, 1),
                "p50_ms": round(self.p50_ms, 4), "p99_ms": round(self.p99_ms, 4)}


def time_calls(call: Callable[[str], object], texts: list[str], warm: int) -> Latency:
    """`call` on the first `warm` texts untimed, then on every text with each call timed."""
    for text in texts[:warm]:
        call(text)
    durations = []
    clock = time.perf_counter
    started = clock()
    for text in texts:
        before = clock()
        call(text)
        durations.append(clock() - before)
    return Latency.of(durations, clock() - started)
