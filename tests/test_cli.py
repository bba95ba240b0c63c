"""The `okrs` command as a user runs it: real processes, a real database, a real server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from okrs.testing import process_environment

OKRS = [sys.executable, "-m", "okrs.cli"]


def run_okrs(
    *args: str, env: dict[str, str], timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OKRS, *args], env=env, capture_output=True, text=True, timeout=timeout)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cli_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A fresh OKRS_HOME; on a PostgreSQL run, also a throwaway database of its own."""
    with process_environment(tmp_path, label="okrs_cli") as env:
        yield env


def test_demo_no_serve_sets_everything_up_and_is_repeatable(cli_env):
    first = run_okrs("demo", "--no-serve", "--password", "s3cret-demo", env=cli_env)
    assert first.returncode == 0, first.stderr
    assert "loaded organization 'demo'" in first.stdout
    assert "demo / s3cret-demo" in first.stdout
    second = run_okrs("demo", "--no-serve", env=cli_env)
    assert second.returncode == 0, second.stderr
    assert "already loaded" in second.stdout


def test_bad_setting_is_reported_without_a_traceback(cli_env):
    result = run_okrs("demo", "--no-serve", env={**cli_env, "DEBUG": "maybe"})
    assert result.returncode == 2
    assert "DEBUG='maybe' is not a boolean" in result.stderr
    assert "Traceback" not in result.stderr


def test_manage_passes_through_to_django(cli_env):
    result = run_okrs("manage", "showmigrations", "goals", env=cli_env)
    assert result.returncode == 0, result.stderr
    assert "cycles_objectives_key_results_check_ins" in result.stdout


def _get(url: str, token: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(
        url, headers={"Authorization": f"Bearer {token}"} if token else {}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_demo_serves_the_api_and_the_admin_to_a_created_token(cli_env):
    assert run_okrs("demo", "--no-serve", env=cli_env).returncode == 0
    made = run_okrs("token", "create", "demo", "--org", "demo", env=cli_env)
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("okrs_") and len(token) > 30
    outsider = run_okrs("token", "create", "coach", "--org", "demo", env=cli_env)
    assert outsider.returncode == 2 and "not a member" in outsider.stderr
    unknown = run_okrs("token", "create", "nobody", "--org", "demo", env=cli_env)
    assert unknown.returncode == 2 and "no user named 'nobody'" in unknown.stderr
    port = _free_port()
    server = subprocess.Popen(
        [*OKRS, "demo", "--port", str(port), "--workers", "1"],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the demo server did not answer within 60 s")
        status, body = _get(base + "/api/v1/me", token)
        assert status == 200 and '"organization": "demo"' in body
        status, body = _get(base + "/api/v1/key-results?limit=5", token)
        assert status == 200 and '"progress"' in body
        assert _get(base + "/api/v1/me")[0] == 401
        status, body = _get(base + "/admin/login/")
        assert status == 200 and "csrfmiddlewaretoken" in body
        assert _get(base + "/static/admin/css/base.css")[0] == 200
        status, body = _get(base + "/api/v1/openapi.json")
        assert status == 200 and "/api/v1/key-results/{key_result_id}/check-ins" in body
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_closed_pipe_ends_quietly_without_a_traceback(cli_env):
    # `okrs … | head`: the reader closes before okrs has written everything.
    process = subprocess.Popen(
        [*OKRS, "manage", "showmigrations"],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=180)
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr
    assert process.returncode in (0, 1)
