"""How a parsed key result is shown to a person: the text listing and the "no target" hint."""

from __future__ import annotations

from okrs.coach.numbers import format_decimal
from okrs.coach.parsing.engine import Amount, ParsedKeyResult
from okrs.coach.parsing.languages import vocabulary_for

ABSENT = "-"


def _amount(amount: Amount) -> str:
    unit = amount.unit or ""
    if unit == "%":
        return f"{format_decimal(amount.value)}%"
    return f"{format_decimal(amount.value)} {unit}".strip()


def format_parsed(parsed: ParsedKeyResult) -> str:
    """One field per line, labels aligned; "-" where the sentence says nothing."""
    data = parsed.to_json()
    rows = [(name, ABSENT if value is None else str(value)) for name, value in data.items()]
    rows = [
        (name, format_decimal(getattr(parsed, name)) if value != ABSENT else value)
        if name in {"baseline", "target"}
        else (name, value)
        for name, value in rows
    ]
    if parsed.change is not None:
        rows.append(("change", _amount(parsed.change)))
    width = max(len(name) for name, _ in rows) + 2
    return "\n".join(f"{name + ':':<{width}}{value}" for name, value in rows)


def missing_target_message(parsed: ParsedKeyResult) -> str:
    """Say what is missing and how to write it, with an example in the sentence's language."""
    vocabulary = vocabulary_for(parsed.lang)
    example = f"'{vocabulary.example_from_to}' or '{vocabulary.example_threshold}'"
    if parsed.change is not None:
        return (
            f"No target found: '{_amount(parsed.change)}' is a change, not the value to reach. "
            f"Write the number to reach, like {example}."
        )
    if parsed.baseline is not None:
        return (
            f"No target found: the key result starts from {format_decimal(parsed.baseline)} "
            f"but does not say where to get to. Write the number to reach, like {example}."
        )
    return f"No target found: write the number to reach, like {example}."
