"""The coach's linter: rules that check objectives and key results against the OKR method.

``lint_plan(plan)`` returns ``Finding`` objects; ``render(findings, lang)`` gives them their
message, suggestion and why in English, Italian or French. Rules are listed in
``okrs.coach.linting.rules`` and documented in ``docs/coach-rules.md``.
"""

from __future__ import annotations

from okrs.coach.linting.engine import (
    key_result_facts,
    lint_key_result,
    lint_objective,
    lint_plan,
    render,
    sentence_language,
)
from okrs.coach.linting.rules import CATEGORIES, RULES, Rule

__all__ = [
    "CATEGORIES",
    "RULES",
    "Rule",
    "key_result_facts",
    "lint_key_result",
    "lint_objective",
    "lint_plan",
    "render",
    "sentence_language",
]
