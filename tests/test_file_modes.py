"""The files okrs keeps in OKRS_HOME are readable by their owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path


def test_secret_key_and_sqlite_files_are_created_0600(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    env |= {"OKRS_HOME": str(tmp_path / "home"), "DJANGO_SETTINGS_MODULE": "okrs.settings"}
    code = "import django; django.setup(); from django.db import connection; connection.ensure_connection()"
    subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, preexec_fn=lambda: os.umask(0o022)
    )

    for name in ("secret_key", "okrs.sqlite3"):
        mode = stat.S_IMODE((tmp_path / "home" / name).stat().st_mode)
        assert mode == 0o600, (name, oct(mode))
    assert (tmp_path / "home" / "secret_key").read_text().strip()
