"""Read a YAML file into plain values, keeping the line of every key and list item.

``yaml.compose`` (safe: no Python objects) gives nodes with their positions; the walk below turns
them into dicts, lists and scalars and records where each one was written, so that every later
error can name ``file:line``. Numbers written with a decimal point become exact ``Decimal``s
("0.1" stays 0.1), dates become ISO strings ("2026-10-01"), and a duplicated key is an error
instead of silently keeping the last one.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from okrs.exchange.errors import ExchangeError, ExchangeIssue, UnreadableFileError

Location = tuple[str | int, ...]


def path_text(location: Location) -> str:
    """``("objectives", 1, "key_results", 0, "target")`` -> ``objectives[1].key_results[0].target``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass
class Tree:
    """The values of a YAML file and the line of each key (mappings) or item (lists).

    ``folder`` is the absolute folder of the file (None for text that was not read from one):
    relative paths written in the file are read from there.
    """

    file: str
    value: Any
    lines: dict[Location, int] = field(default_factory=dict)
    folder: str | None = None

    def line(self, location: Location) -> int | None:
        """The line of ``location``, else of the nearest enclosing place that has one."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(location[:end])
            if line is not None:
                return line
        return None

    def issue(self, location: Location, message: str) -> ExchangeIssue:
        return ExchangeIssue(self.file, self.line(location), path_text(location), message)


class _Walker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.constructor = yaml.SafeLoader("")
        self.lines: dict[Location, int] = {}
        self.issues: list[ExchangeIssue] = []
        self.open_nodes: set[int] = set()

    def issue(self, node: yaml.Node, location: Location, message: str) -> None:
        self.issues.append(
            ExchangeIssue(self.file, node.start_mark.line + 1, path_text(location), message)
        )

    def value(self, node: yaml.Node, location: Location) -> Any:
        if id(node) in self.open_nodes:
            self.issue(node, location, "an alias refers to itself; write the value out instead.")
            return None
        self.open_nodes.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, location)
            if isinstance(node, yaml.SequenceNode):
                result = []
                for index, item in enumerate(node.value):
                    self.lines.setdefault((*location, index), item.start_mark.line + 1)
                    result.append(self.value(item, (*location, index)))
                return result
            return self.scalar(node)
        finally:
            self.open_nodes.discard(id(node))

    def mapping(self, node: yaml.MappingNode, location: Location) -> dict[str, Any]:
        self.constructor.flatten_mapping(node)  # "<<: *defaults" merges, as YAML readers expect
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or isinstance(key, dict | list):
                self.issue(key_node, location, "a key must be a plain word, like 'title'.")
                continue
            key = str(key)
            line = key_node.start_mark.line + 1
            if key in seen:
                self.issue(
                    key_node,
                    (*location, key),
                    f"'{key}' is written twice (lines {seen[key]} and {line}); keep one.",
                )
                continue
            seen[key] = line
            self.lines[(*location, key)] = line
            result[key] = self.value(value_node, (*location, key))
        return result

    def scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError, TypeError):
            return node.value  # "2026-02-30" looks like a date but is none: checked later as text
        if isinstance(value, dt.datetime):
            return node.value
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, float):
            return _exact(str(node.value), value)
        if isinstance(value, bytes):
            return node.value
        return value


def _exact(text: str, value: float) -> Decimal | float:
    """The number as written ("0.1" is Decimal("0.1"), not 0.1000000000000000055…)."""
    if value != value or value in (float("inf"), float("-inf")):
        return value  # NaN and infinity: refused later, with a message
    try:
        return Decimal(text.replace("_", ""))
    except InvalidOperation:
        return Decimal(repr(value))


def read_text(text: str, file: str, folder: str | None = None) -> Tree:
    """Parse YAML ``text``; raise ExchangeError when it is not YAML or not a mapping.

    ``folder`` is where relative paths of the text are read from (None: it has no folder).
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise ExchangeError(
            [
                ExchangeIssue(
                    file,
                    None if mark is None else mark.line + 1,
                    "",
                    f"not valid YAML: {problem}. Check the indentation, and put text that"
                    " contains ': ' or starts with a special character in quotes.",
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise ExchangeError([ExchangeIssue(file, None, "", f"not valid YAML: {error}")]) from None
    if node is None:
        raise ExchangeError(
            [
                ExchangeIssue(
                    file,
                    None,
                    "",
                    "the file is empty; an OKRs file has organization:, cycle:, teams: and"
                    " objectives: (see docs/yaml-format.md).",
                )
            ]
        )
    if not isinstance(node, yaml.MappingNode):
        raise ExchangeError(
            [
                ExchangeIssue(
                    file,
                    node.start_mark.line + 1,
                    "",
                    "the file must be a mapping with the keys organization:, cycle:, teams: and"
                    " objectives:, one per line (see docs/yaml-format.md).",
                )
            ]
        )
    walker = _Walker(file)
    walker.lines[()] = node.start_mark.line + 1
    value = walker.value(node, ())
    if walker.issues:
        raise ExchangeError(walker.issues)
    return Tree(file=file, value=value, lines=walker.lines, folder=folder)


def read_file(path: str | Path) -> Tree:
    """Read and parse the file at ``path``; UnreadableFileError when it cannot be read at all."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnreadableFileError([ExchangeIssue(name, None, "", "no such file.")]) from None
    except IsADirectoryError:
        raise UnreadableFileError(
            [ExchangeIssue(name, None, "", "this is a folder; give the path of a .yaml file.")]
        ) from None
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            [
                ExchangeIssue(
                    name,
                    None,
                    "",
                    f"not UTF-8 text (byte {error.start}); save the file as UTF-8.",
                )
            ]
        ) from None
    except OSError as error:
        raise UnreadableFileError(
            [ExchangeIssue(name, None, "", f"cannot be read: {error.strerror or error}.")]
        ) from None
    return read_text(text, name, folder=os.path.dirname(os.path.abspath(path)))
