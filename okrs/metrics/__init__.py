"""Live metrics: data sources, key results bound to the query that measures them, and the sync.

Layout: ``connectors`` runs a query against a SQL database (SQLAlchemy) or files (DuckDB) and
knows no Django; ``reading`` turns rows into a value or a history; ``builtins`` computes metrics
from okrs' own data; ``services`` writes (data sources, bindings, sync results); ``scheduler``
picks due metrics and runs them concurrently; ``queue`` is the huey worker.
"""
