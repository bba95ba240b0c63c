"""Fuzz the REST API with schemathesis, once with a token of every role.

A fresh OKRS_HOME (a temporary folder, SQLite) gets the demo organizations and one API token
per role in the 'demo' organization; ``okrs serve`` answers on a free port; schemathesis runs
every operation of /api/v1/openapi.json with a fixed seed and fails on any 5xx or any answer
that breaks the declared schema (errors included, see okrs/lib/routers.py).

    uv run python scripts/fuzz_api.py --examples 10 --budget 180

Exits non-zero on any failure. The server and the folder are removed whatever happens.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROLES = ["admin", "ops", "lead", "member", "viewer"]
CHECKS = "not_a_server_error,response_schema_conformance"

# Run inside the fresh OKRS_HOME: one token per role of the 'demo' organization.
MAKE_TOKENS = """
import json, django
django.setup()
from okrs.workspace.models import Membership
from okrs.workspace.services import api_token_create
tokens = {}
for role in %r:
    membership = Membership.objects.filter(organization__slug="demo", role=role).first()
    if membership is None:
        raise SystemExit(f"the demo organization has nobody with the role {role}")
    _, tokens[role] = api_token_create(user=membership.user, organization=membership.organization)
print(json.dumps(tokens))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"fuzz: the server did not answer {url} within {seconds:.0f}s")


def fuzz_role(*, url: str, role: str, token: str, examples: int, budget: float) -> dict:
    """Run schemathesis with ``role``'s token; its figures from the JUnit report."""
    report = Path(tempfile.mkdtemp(prefix="okrs-fuzz-report-"))
    started = time.monotonic()
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{url}/api/v1/openapi.json",
        "--url", f"{url}/api/v1",
        "-H", f"Authorization: Bearer {token}",
        "--checks", CHECKS,
        "--seed", "1",
        "--max-examples", str(examples),
        "--max-time", str(int(budget)),
        "--phases", "examples,coverage,fuzzing",
        "--generation-database", "none",
        "--report", "junit", "--report-dir", str(report),
        "--no-color",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    figures = {"role": role, "exit": result.returncode, "seconds": round(seconds, 1)}
    figures |= junit_figures(report)
    shutil.rmtree(report, ignore_errors=True)
    if result.returncode != 0:
        print(result.stdout[-20000:])
    else:  # schemathesis's own summary: operations tested, test cases, time
        print(f"--- {role}:", *result.stdout.strip().splitlines()[-12:], sep="\n")
        print(result.stderr[-5000:], file=sys.stderr)
    return figures


def junit_figures(report: Path) -> dict:
    import xml.etree.ElementTree as ET

    files = list(report.glob("*.xml"))
    if not files:
        return {"operations": 0, "failures": -1}
    root = ET.parse(files[0]).getroot()
    cases = root.findall(".//testcase")
    failures = sum(1 for c in cases if c.find("failure") is not None or c.find("error") is not None)
    return {"operations": len(cases), "failures": failures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10, help="examples per operation")
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated roles")
    parser.add_argument("--budget", type=float, default=180, help="seconds for all roles")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="okrs-fuzz-"))
    env = {**os.environ, "OKRS_HOME": str(home), "DJANGO_SETTINGS_MODULE": "okrs.settings"}
    env.pop("DATABASE_URL", None)
    server = None
    try:
        okrs = [sys.executable, "-m", "okrs.cli"]
        subprocess.run([*okrs, "demo", "--no-serve"], env=env, check=True, capture_output=True)
        made = subprocess.run(
            [sys.executable, "-c", MAKE_TOKENS % (ROLES,)],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        tokens = json.loads(made.stdout.strip().splitlines()[-1])
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [*okrs, "serve", "--port", str(port), "--workers", "1"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(f"{url}/api/v1/openapi.json", seconds=30)
        roles = args.roles.split(",")
        per_role = args.budget / len(roles)
        results = [
            fuzz_role(url=url, role=r, token=tokens[r], examples=args.examples, budget=per_role)
            for r in roles
        ]
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)
    print(f"{'role':8} {'operations':>10} {'failures':>8} {'seconds':>8}")
    for r in results:
        print(f"{r['role']:8} {r['operations']:>10} {r['failures']:>8} {r['seconds']:>8}")
    failed = [r["role"] for r in results if r["exit"] != 0 or r["failures"] != 0]
    if failed:
        print(f"fuzz: failures with the token of {', '.join(failed)}", file=sys.stderr)
        return 1
    print("fuzz: no failures")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
