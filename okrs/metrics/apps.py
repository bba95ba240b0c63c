from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetricsConfig(AppConfig):
    name = "okrs.metrics"
    label = "metrics"
    verbose_name = _("Live metrics")

    def ready(self) -> None:
        from django.conf import settings

        from okrs.metrics.connectors import confine

        confine(
            file_roots=settings.OKRS_FILE_ROOTS,
            variables=settings.OKRS_SOURCE_VARIABLES,
            own_databases=[own for db in settings.DATABASES.values() for own in _own_databases(db)],
        )


def _own_databases(database: dict[str, Any]) -> list[Any]:
    """okrs' database as configured, and the test database Django would make of it."""
    from okrs.metrics.connectors import OwnDatabase

    engine = str(database.get("ENGINE", ""))
    name = str(database.get("NAME", ""))
    if "sqlite" in engine:
        return [OwnDatabase(backend="sqlite", name=name)]
    test_name = str((database.get("TEST") or {}).get("NAME") or f"test_{name}")
    return [
        OwnDatabase(
            backend="postgresql" if "postgres" in engine else engine,
            name=each,
            host=str(database.get("HOST") or ""),
            port=int(database.get("PORT") or 5432),
        )
        for each in (name, test_name)
    ]
