"""Problems found in input, reported as `FILE:LINE: field: expected ..., found ...`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: expected {self.expected}, found {self.found}"


class DatelineError(Exception):
    """Bad input: carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class AnnotationError(DatelineError):
    """A gold source or compiled gold file breaks a rule."""


class SubmissionError(DatelineError):
    """A submitted prediction file breaks the submission contract."""


def did_you_mean(name: str, choices: list[str] | tuple[str, ...]) -> str:
    """`'Meet' (did you mean 'Meet'?)`-style hint listing the nearest valid name."""
    import difflib

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.5)
    if not close:
        lowered = {c.lower(): c for c in choices}
        if name.lower() in lowered:
            close = [lowered[name.lower()]]
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{name!r}{hint}"
