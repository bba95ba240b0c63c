"""Measure the coach's text rules against a labelled corpus: precision and recall by category.

The corpus (``tests/coach/corpus/<lang>.yaml``) lists key results and objectives with the
categories a careful coach would give them (conventions in its README). ``evaluate`` runs the
linter's text rules on every sentence, as if each stood alone, and counts per category and
language: true positives, false positives, false negatives. ``okrs coach-eval`` prints the
table; the test suite holds every category to the thresholds below.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from okrs.coach.linting.engine import (
    key_result_facts,
    key_result_text_findings,
    objective_text_findings,
    sentence_language,
)
from okrs.coach.linting.text import normalize
from okrs.coach.plan import PlanKeyResult, PlanObjective

KEY_RESULT_CATEGORIES: Final[tuple[str, ...]] = (
    "activity",
    "binary",
    "vanity",
    "login_view",
    "no_target",
)
OBJECTIVE_CATEGORIES: Final[tuple[str, ...]] = (
    "obj_too_big",
    "obj_output",
    "obj_parity",
    "obj_numbers",
)
CATEGORIES: Final = KEY_RESULT_CATEGORIES + OBJECTIVE_CATEGORIES
PRECISION_GOAL: Final = 0.9
RECALL_GOAL: Final = 0.85
DEFAULT_CORPUS: Final = Path(__file__).resolve().parents[2] / "tests" / "coach" / "corpus"


@dataclass(frozen=True)
class Sample:
    lang: str
    kind: str  # "key_result" or "objective"
    text: str
    labels: frozenset[str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class Evaluation:
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)  # (category, lang)
    mistakes: list[tuple[Sample, frozenset[str]]] = field(default_factory=list)
    samples: int = 0

    def score(self, category: str, lang: str | None = None) -> Score:
        """One category's score in one language, or over all languages."""
        total = Score()
        for (name, code), score in self.scores.items():
            if name == category and (lang is None or code == lang):
                total.tp, total.fp, total.fn = (
                    total.tp + score.tp,
                    total.fp + score.fp,
                    total.fn + score.fn,
                )
        return total


class CorpusError(ValueError):
    """A corpus file that cannot be read or has an unknown label."""


def load_corpus(directory: Path = DEFAULT_CORPUS) -> list[Sample]:
    import yaml

    samples: list[Sample] = []
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise CorpusError(f"no corpus files (*.yaml) in {directory}")
    for path in files:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang = data["language"]
        for kind, key, allowed in (
            ("key_result", "key_results", KEY_RESULT_CATEGORIES),
            ("objective", "objectives", OBJECTIVE_CATEGORIES),
        ):
            for entry in data.get(key) or []:
                labels = frozenset(entry.get("labels") or [])
                unknown = labels - set(allowed)
                if unknown:
                    raise CorpusError(
                        f"{path.name}: {entry['text']!r}: unknown labels {sorted(unknown)}"
                    )
                samples.append(Sample(lang, kind, entry["text"], labels))
    return samples


def predict(sample: Sample) -> frozenset[str]:
    """The categories the linter gives one sentence on its own."""
    if sample.kind == "key_result":
        item = PlanKeyResult(ref="kr", title=sample.text)
        findings = key_result_text_findings(key_result_facts(item))
        allowed = KEY_RESULT_CATEGORIES
    else:
        objective = PlanObjective(ref="o", team="t", title=sample.text)
        findings = objective_text_findings(
            objective, sentence_language(normalize(sample.text), None)
        )
        allowed = OBJECTIVE_CATEGORIES
    return frozenset(f.category for f in findings if f.category in allowed)


def evaluate(samples: Iterable[Sample]) -> Evaluation:
    result = Evaluation()
    for sample in samples:
        result.samples += 1
        predicted = predict(sample)
        categories = KEY_RESULT_CATEGORIES if sample.kind == "key_result" else OBJECTIVE_CATEGORIES
        for category in categories:
            score = result.scores.setdefault((category, sample.lang), Score())
            expected, got = category in sample.labels, category in predicted
            score.tp += expected and got
            score.fp += got and not expected
            score.fn += expected and not got
        if predicted != sample.labels:
            result.mistakes.append((sample, predicted))
    return result


def report(result: Evaluation, *, languages: Iterable[str], show_mistakes: bool = False) -> str:
    """The table `okrs coach-eval` prints: one row per category, all languages then each."""
    codes = list(languages)
    lines = [f"{result.samples} labelled sentences", ""]
    header = f"{'category':<13}" + "".join(
        f"{'all' if c is None else c:>21}" for c in [None, *codes]
    )
    lines += [header, f"{'':<13}" + f"{'P     R     n':>21}" * (len(codes) + 1)]
    for category in CATEGORIES:
        cells = []
        for code in [None, *codes]:
            s = result.score(category, code)
            cells.append(f"{s.precision:>10.2f}{s.recall:>6.2f}{s.support:>5}")
        lines.append(f"{category:<13}" + "".join(cells))
    below = [
        category
        for category in CATEGORIES
        for code in codes
        if (s := result.score(category, code)).support
        and (s.precision < PRECISION_GOAL or s.recall < RECALL_GOAL)
    ]
    lines += [
        "",
        f"goal: precision >= {PRECISION_GOAL}, recall >= {RECALL_GOAL} per category and language",
    ]
    lines.append("below the goal: " + (", ".join(sorted(set(below))) or "none"))
    if show_mistakes:
        lines += ["", "mistakes (expected -> found):"]
        for sample, predicted in result.mistakes:
            expected = ",".join(sorted(sample.labels)) or "-"
            found = ",".join(sorted(predicted)) or "-"
            lines.append(f"  [{sample.lang}] {sample.text}\n      {expected} -> {found}")
    counts = Counter(s.lang for s, _ in result.mistakes)
    lines.append(
        f"sentences with a mistake: {len(result.mistakes)} ({dict(sorted(counts.items()))})"
    )
    return "\n".join(lines)
