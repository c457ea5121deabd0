"""The leaderboard's error type: a `DatelineError`, so the CLI lists every problem and exits 2."""

from __future__ import annotations

from benchmark.errors import DatelineError


class LeaderboardError(DatelineError):
    """A submission folder, its `system.yaml` or its predictions break the leaderboard's rules."""
