"""A cheap first test of a sentence: does one of its runs of non-spaces hold a given word?

Both the linter's word lists and the parser's deadline finders look for a few hundred
phrases in every sentence. A regular expression tries each phrase at each position of the
sentence; but every match holds one of a few words inside one run of non-spaces ("sessions",
"40%", "d'ici"), and a plan repeats the same runs again and again. So each run is tested
once, the answer remembered, and a sentence none of whose runs passes is not searched at all.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Sequence


class RunTest(dict[str, bool]):
    """Whether a run of non-spaces holds a match of ``pattern``, remembered run by run.

    Use it as ``any(map(test.__getitem__, text.split()))``: the runs of a copy of a sentence
    with parts blanked out, cut off or replaced by a space are pieces of the sentence's runs,
    so a pattern that finds a word inside a run finds it in the sentence's runs too.
    """

    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__()
        self.pattern = pattern

    def __missing__(self, run: str) -> bool:
        found = self.pattern.search(run) is not None
        if len(self) > 100_000:  # unbounded input must not grow it forever
            self.clear()
        self[run] = found
        return found


def substrings(words: set[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` anywhere, inside a word or not."""
    return re.compile("|".join(re.escape(word) for word in sorted(words)))


class RunBits(dict[str, int]):
    """Several ``RunTest`` at once: bit ``i`` of a run's value is set when ``patterns[i]``
    finds something in it; ``of(text)`` sets the bits of all the runs of ``text``."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        super().__init__()
        self.patterns = tuple(patterns)

    def __missing__(self, run: str) -> int:
        bits = 0
        for index, pattern in enumerate(self.patterns):
            if pattern.search(run) is not None:
                bits |= 1 << index
        if len(self) > 100_000:  # unbounded input must not grow it forever
            self.clear()
        self[run] = bits
        return bits

    def of(self, text: str) -> int:
        """The bits of all the runs of ``text`` together."""
        return functools.reduce(operator.or_, map(self.__getitem__, text.split()), 0)
