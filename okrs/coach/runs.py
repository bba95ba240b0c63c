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


class RunBits(dict[str, int]):
    """For each run of non-spaces, bit ``i`` set when ``patterns[i]`` finds something in it;
    remembered run by run.

    ``of(text)`` sets the bits of all the runs of ``text``; with one pattern,
    ``any(map(test.__getitem__, runs))`` stops at the first run that holds a match. The runs
    of a copy of a sentence with parts blanked out, cut off or replaced by a space are pieces
    of the sentence's runs, so a pattern that finds a word inside a run finds it in the
    sentence's runs too.
    """

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


def substrings(words: set[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` anywhere, inside a word or not."""
    return re.compile("|".join(re.escape(word) for word in sorted(words)))
