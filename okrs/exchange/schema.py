"""Validate a file's values against ``okrs.schema.json`` and say what is wrong in plain words.

The schema is the single list of keys: adding one (``data_sources``, a key result's ``source``)
is one entry there, and unknown-key errors and their "did you mean" suggestions follow it.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from okrs.exchange.errors import ExchangeIssue
from okrs.exchange.reading import Location, Tree

SCHEMA_PATH = Path(__file__).with_name("okrs.schema.json")

TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a mapping (indented 'key: value' lines)",
    "array": "a list (lines starting with '- ')",
    "null": "nothing",
}


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the format (draft 2020-12)."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def suggestion(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, for a "did you mean" hint."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def described(value: Any) -> str:
    """How a value is named in a message: "the text '2026'", "the number 5", "a list"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float | Decimal):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, dict):
        return "a mapping"
    return "a list"


def _resolved(subschema: dict[str, Any]) -> dict[str, Any]:
    """A subschema with its ``$ref`` followed (one level, as this schema uses them)."""
    reference = subschema.get("$ref")
    if not isinstance(reference, str):
        return subschema
    target = schema()
    for part in reference.removeprefix("#/").split("/"):
        target = target[part]
    return {**target, **{k: v for k, v in subschema.items() if k != "$ref"}}


def _unknown_keys(tree: Tree, location: Location, error: Any) -> list[ExchangeIssue]:
    allowed = list(error.schema.get("properties", {}))
    issues = []
    for key in error.instance:
        if key in allowed:
            continue
        close = suggestion(key, allowed)
        hint = f"did you mean '{close}'? " if close else ""
        issues.append(
            tree.issue(
                (*location, key),
                f"unknown key '{key}'; {hint}The keys here are: {', '.join(allowed)}.",
            )
        )
    return issues


def _type_message(error: Any) -> str:
    wanted = error.validator_value
    names = [TYPE_NAMES.get(t, str(t)) for t in (wanted if isinstance(wanted, list) else [wanted])]
    message = f"must be {' or '.join(names)}, not {described(error.instance)}"
    if error.instance is None:
        return f"is empty; write {' or '.join(names)} after the colon, or remove the key."
    if "text" in names and isinstance(error.instance, int | float | Decimal | bool):
        return f'{message}; put it in quotes: "{_plain(error.instance)}".'
    return message + "."


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _enum_message(error: Any) -> str:
    choices = [str(choice) for choice in error.validator_value]
    close = suggestion(str(error.instance), choices) if isinstance(error.instance, str) else None
    hint = f"; did you mean '{close}'?" if close else "."
    return f"{described(error.instance)} is not allowed: use one of {', '.join(choices)}{hint}"


def _message(error: Any) -> str:
    validator, subschema = error.validator, _resolved(error.schema)
    custom = subschema.get("x-message")
    if validator == "type":
        return _type_message(error)
    if validator == "enum":
        return _enum_message(error)
    if validator == "const":
        return f"must be {error.validator_value}, not {described(error.instance)}."
    if validator == "minLength":
        return "is empty; write a value or remove the key."
    if validator == "maxLength":
        return f"is {len(error.instance)} characters long; at most {error.validator_value} are allowed."
    if custom:
        return f"'{error.instance}' {custom}" if validator == "pattern" else str(custom)
    if validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        return f"must be {bound} {error.validator_value}, not {error.instance}."
    return str(error.message)


def _required(tree: Tree, location: Location, error: Any) -> list[ExchangeIssue]:
    missing = [key for key in error.validator_value if key not in error.instance]
    what = location[-2] if len(location) >= 2 and isinstance(location[-1], int) else location
    noun = {
        "teams": "team",
        "objectives": "objective",
        "key_results": "key result",
        "initiatives": "initiative",
        "data_sources": "data source",
    }.get(str(what), "this")
    return [
        tree.issue(location, f"'{key}' is missing: every {noun} needs one ({_example(key, noun)}).")
        if noun != "this"
        else tree.issue(location, f"'{key}' is missing ({_example(key, noun)}).")
        for key in missing
    ]


ID_EXAMPLES = {
    "team": "product",
    "objective": "o-reordering",
    "key result": "kr-refunds",
    "initiative": "i-one-click-reorder",
    "data source": "events",
}


def _example(key: str, noun: str) -> str:
    if key == "id":
        return f"like 'id: {ID_EXAMPLES.get(noun, 'kr-refunds')}', unique in the file"
    return {
        "title": "a sentence, like 'title: Make reordering effortless'",
        "team": "the id of a team of 'teams:'",
        "name": "like 'name: Product'",
        "slug": "like 'slug: acme'",
        "start": "like 'start: 2026-10-01'",
        "end": "the last day, like 'end: 2026-12-31'",
        "organization": "like 'organization: {slug: acme, name: Acme}'",
        "kind": "'kind: sql' with a url, or 'kind: files' with a path",
        "cycle": "like 'cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}'",
    }.get(key, f"'{key}: …'")


def schema_issues(tree: Tree) -> list[ExchangeIssue]:
    """Every place where the file does not follow the schema, one issue each."""
    issues: list[ExchangeIssue] = []
    # Read as Any: the stubs allow "unset" for every attribute of a jsonschema error.
    errors: list[Any] = list(_validator().iter_errors(tree.value))
    for error in errors:
        location: Location = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            issues.extend(_unknown_keys(tree, location, error))
        elif error.validator == "required":
            issues.extend(_required(tree, location, error))
        else:
            issues.append(tree.issue(location, _message(error)))
    return issues
