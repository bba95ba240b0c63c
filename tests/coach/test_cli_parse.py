"""`okrs parse` as a person runs it: a real process, no database, exit codes that mean something."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

OKRS = [sys.executable, "-m", "okrs.cli", "parse"]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An environment whose database cannot be reached: parse must not need one."""
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    clean["OKRS_HOME"] = str(tmp_path / "missing" / "home")
    clean["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"
    return clean


def run(
    *args: str, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*OKRS, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60
    )


def test_json_output_has_exactly_the_seven_fields(env: dict[str, str]) -> None:
    result = run("--format", "json", "Lift repeat orders from 18% to 24% by Q3 2026", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "metric": "repeat orders",
        "baseline": 18,
        "target": 24,
        "unit": "%",
        "direction": "increase",
        "deadline": "2026-Q3",
        "lang": "en",
    }
    assert result.stderr == ""


def test_json_numbers_are_numbers_not_localized_strings(env: dict[str, str]) -> None:
    result = run("--format", "json", "Diminuer le taux de litiges de 0,6 % à 0,25 %", env=env)
    data = json.loads(result.stdout)
    assert (data["baseline"], data["target"], data["lang"]) == (0.6, 0.25, "fr")


def test_text_output_is_an_aligned_listing(env: dict[str, str]) -> None:
    result = run("Ridurre il tempo di risposta da 6 ore a 2 ore entro giugno", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "metric:    tempo di risposta",
        "baseline:  6",
        "target:    2",
        "unit:      hours",
        "direction: decrease",
        "deadline:  June",
        "lang:      it",
    ]


def test_words_need_no_quotes_and_lang_can_be_forced(env: dict[str, str]) -> None:
    result = run("--lang", "fr", "--format", "json", "NPS", "de", "30", "à", "45", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["metric"], data["baseline"], data["target"], data["lang"]) == ("NPS", 30, 45, "fr")


def test_text_can_come_from_stdin(env: dict[str, str]) -> None:
    result = run("--format", "json", "-", env=env, stdin="Keep uptime above 99.9%\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["direction"] == "at_least"


def test_no_target_exits_1_and_says_how_to_write_one(env: dict[str, str]) -> None:
    result = run("Improve customer happiness", env=env)
    assert result.returncode == 1
    assert "No target found" in result.stderr
    assert "'from 30% to 40%'" in result.stderr
    assert "target:    -" in result.stdout


def test_a_change_is_explained_in_the_sentence_language(env: dict[str, str]) -> None:
    result = run("--format", "json", "Ridurre il churn del 10%", env=env)
    assert result.returncode == 1
    assert json.loads(result.stdout)["target"] is None
    assert "'10%' is a change, not the value to reach" in result.stderr
    assert "'dal 30% al 40%'" in result.stderr


def test_a_baseline_alone_is_not_enough(env: dict[str, str]) -> None:
    result = run("Grow demos from 40", env=env)
    assert result.returncode == 1
    assert "starts from 40 but does not say where to get to" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--lang", "de", "Grow demos to 40"],
        ["--format", "xml", "Grow demos to 40"],
        ["   "],
    ],
)
def test_bad_usage_exits_2(args: list[str], env: dict[str, str]) -> None:
    result = run(*args, env=env)
    assert result.returncode == 2
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr
