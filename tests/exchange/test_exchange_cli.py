"""`okrs import` and `okrs export` as a user runs them: real processes, a fresh database."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from okrs.testing import process_environment

OKRS = [sys.executable, "-m", "okrs.cli"]
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "acme.yaml"


def run_okrs(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*OKRS, *args], env=env, capture_output=True, text=True, timeout=180, encoding="utf-8"
    )


@pytest.fixture
def cli_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A fresh OKRS_HOME; on a PostgreSQL run, also a throwaway database of its own."""
    with process_environment(tmp_path, label="okrs_cli") as env:
        yield env


def test_import_then_export_then_import_again_on_a_fresh_machine(cli_env, tmp_path):
    dry = run_okrs("import", str(EXAMPLE), "--dry-run", env=cli_env)
    assert dry.returncode == 0, dry.stderr
    assert "key results: 3 created, 0 updated, 0 unchanged" in dry.stdout
    assert "dry run: nothing was written" in dry.stdout

    first = run_okrs("import", str(EXAMPLE), env=cli_env)
    assert first.returncode == 0, first.stderr
    assert f"okrs: imported {EXAMPLE} into 'acme', cycle 2026-Q4" in first.stdout
    assert "teams: 2 created, 0 updated, 0 unchanged" in first.stdout

    exported = run_okrs("export", env=cli_env)
    assert exported.returncode == 0, exported.stderr
    assert "  - id: kr-refunds\n" in exported.stdout
    out = tmp_path / "out.yaml"
    to_file = run_okrs("export", "--org", "acme", "--cycle", "2026-Q4", "-o", str(out), env=cli_env)
    assert to_file.returncode == 0, to_file.stderr
    assert out.read_text(encoding="utf-8") == exported.stdout

    again = run_okrs("import", str(out), env=cli_env)
    assert again.returncode == 0, again.stderr
    assert "key results: 0 created, 0 updated, 3 unchanged" in again.stdout


def test_invalid_content_exits_1_with_file_line_path_message(cli_env, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        EXAMPLE.read_text().replace("title: Make reordering", "titel: Make reordering"),
        encoding="utf-8",
    )

    result = run_okrs("import", str(bad), env=cli_env)

    assert result.returncode == 1
    assert f"{bad}:16: objectives[1].titel: unknown key 'titel'; did you mean 'title'?" in (
        result.stderr
    )
    assert f"{bad}:13: objectives[1]: 'title' is missing" in result.stderr
    assert "okrs: 2 problems; nothing was imported." in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreadable_file_exits_2(cli_env, tmp_path):
    result = run_okrs("import", str(tmp_path / "missing.yaml"), env=cli_env)
    assert result.returncode == 2
    assert f"{tmp_path / 'missing.yaml'}: no such file." in result.stderr


def test_export_lists_what_exists_when_the_org_or_cycle_is_unknown(cli_env):
    empty = run_okrs("export", env=cli_env)
    assert empty.returncode == 2 and "no organization yet" in empty.stderr
    assert run_okrs("import", str(EXAMPLE), env=cli_env).returncode == 0

    no_org = run_okrs("export", "--org", "acne", env=cli_env)
    assert no_org.returncode == 2
    assert "no organization with slug 'acne'; use --org SLUG (organizations: acme)" in no_org.stderr
    no_cycle = run_okrs("export", "--cycle", "2027-Q1", env=cli_env)
    assert no_cycle.returncode == 2
    assert "no cycle named '2027-Q1' in 'acme'; use --cycle NAME (cycles: 2026-Q4)" in (
        no_cycle.stderr
    )
