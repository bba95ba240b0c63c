"""`okrs lint`, `okrs coach-eval` and `okrs benchmark lint` as real processes, without a database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "acme.yaml"
OKRS = [sys.executable, "-m", "okrs.cli"]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An environment whose database cannot be reached: linting must not need one."""
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    clean["OKRS_HOME"] = str(tmp_path / "missing" / "home")
    clean["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"
    return clean


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OKRS, *args], env=env, capture_output=True, text=True, timeout=120)


WEAK = """\
organization: {slug: acme, name: Acme, language: fr}
cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams:
  - {id: company, name: Acme}
objectives:
  - id: o-company
    team: company
    title: Devenir le leader du marché européen
    key_results:
      - {id: kr-1, title: "Améliorer la satisfaction des clients"}
      - {id: kr-2, title: "Lancer la nouvelle application"}
      - {id: kr-3, title: "Réduire le taux de remboursement de 0,5 % à 0,2 %"}
"""


def test_the_minimal_example_lints_with_warnings_only(env: dict[str, str]) -> None:
    result = run("lint", str(EXAMPLE), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[obj-too-few-key-results] objectives[0]" in result.stdout
    assert f"{EXAMPLE}:7: warning" in result.stdout
    assert "0 errors" in result.stdout
    assert not (Path(env["OKRS_HOME"])).exists()  # no database, no settings folder


def test_strict_fails_on_warnings(env: dict[str, str]) -> None:
    assert run("lint", "--strict", str(EXAMPLE), env=env).returncode == 1


def test_json_output_and_errors_in_the_files_language(tmp_path: Path, env: dict[str, str]) -> None:
    plan = tmp_path / "weak.yaml"
    plan.write_text(WEAK, encoding="utf-8")
    result = run("lint", "--format", "json", str(plan), env=env)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "summary"}
    by_rule = {f["rule"]: f for f in data["findings"]}
    assert {"kr-no-target", "kr-activity", "kr-binary-unflagged", "obj-too-big"} <= set(by_rule)
    no_target = by_rule["kr-no-target"]
    assert no_target["severity"] == "error" and no_target["category"] == "no_target"
    assert no_target["path"] == "objectives[0].key_results[0]" and no_target["line"] == 10
    assert "nombre à atteindre" in no_target["message"]  # the organization speaks French
    assert by_rule["obj-too-big"]["evidence"] == "devenir le leader"
    assert data["summary"]["errors"] == 1
    assert data["summary"]["key_results"] == 3
    english = json.loads(run("lint", "--format", "json", "--lang", "en", str(plan), env=env).stdout)
    assert any(
        f["message"] == "This key result has no number to reach." for f in english["findings"]
    )


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "missing.yaml"),
        ("organization: [unclosed", "missing.yaml"),
        ("organization: {slug: acme, name: Acme}\ncycles: {}\n", "cycles"),
    ],
)
def test_unreadable_input_exits_2(
    tmp_path: Path, env: dict[str, str], content: str | None, needle: str
) -> None:
    path = tmp_path / "missing.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("lint", str(path), env=env)
    assert result.returncode == 2
    assert needle in result.stderr
    assert result.stdout == ""


def test_coach_eval_prints_precision_and_recall(env: dict[str, str]) -> None:
    result = run("coach-eval", env=env)
    assert result.returncode == 0, result.stderr
    for category in ("activity", "binary", "vanity", "login_view", "no_target", "obj_numbers"):
        assert category in result.stdout
    assert "below the goal" in result.stdout


def test_benchmark_lint_prints_its_figures(env: dict[str, str]) -> None:
    result = run("benchmark", "lint", "--key-results", "500", "--repeat", "1", env=env)
    assert result.returncode == 0, result.stderr
    assert "plan: 500 distinct key results in 100 objectives" in result.stdout
    for line in ("sentences only ", "structured fields ", "reference loop"):
        assert line in result.stdout
    assert "µs per key result" in result.stdout
