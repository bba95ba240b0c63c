"""`okrs lint FILE`, `okrs coach-eval` and `okrs benchmark lint`: the coach in the terminal.

``okrs lint`` needs no database: it reads the file, lints it and translates the findings with
Django's gettext configured on the fly (only the message catalogues, no settings module).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]
LANGUAGE_CODES = ("en", "it", "fr")


def translations_ready() -> None:
    """Configure Django just enough for gettext when no settings module is in use."""
    import django
    from django.conf import settings

    if settings.configured:
        return
    settings.configure(
        USE_I18N=True,
        LANGUAGE_CODE="en",
        LANGUAGES=[(code, code) for code in LANGUAGE_CODES],
        LOCALE_PATHS=[str(Path(__file__).resolve().parents[1] / "locale")],
        INSTALLED_APPS=[],
    )
    django.setup()


def cmd_lint(args: argparse.Namespace) -> int:
    """Lint an OKRs-as-code file: 0 clean (or only warnings), 1 errors, 2 unreadable."""
    from okrs.coach.findings import exit_code, summarize
    from okrs.coach.linting import lint_plan, render
    from okrs.coach.plan import LintOptions
    from okrs.exchange import ExchangeError, load_plan

    try:
        _document, plan = load_plan(args.file)
    except ExchangeError as error:
        for issue in error.errors:
            print(issue, file=sys.stderr)
        print(f"okrs: {args.file} cannot be linted until these are fixed.", file=sys.stderr)
        return 2
    translations_ready()
    lang = args.lang or plan.language or "en"
    options = LintOptions(
        min_key_results=args.min_key_results, max_key_results=args.max_key_results
    )
    findings = render(lint_plan(plan, options), lang)
    summary = summarize(findings)
    summary["objectives"] = len(plan.objectives)
    summary["key_results"] = sum(len(o.key_results) for o in plan.objectives)
    if args.format == "json":
        payload = {"findings": [f.to_json() for f in findings], "summary": summary}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(_text_report(args.file, findings, summary))
    return exit_code(findings, strict=args.strict)


def _text_report(file: str, findings: list[Any], summary: dict[str, Any]) -> str:
    lines = []
    for finding in findings:
        where = f"{file}:{finding.line}" if finding.line else file
        lines.append(f"{where}: {finding.severity} [{finding.rule}] {finding.path}")
        lines.append(f"    {finding.message}")
        lines.append(f"    → {finding.suggestion}")
        lines.append(f"    why: {finding.why}")
    lines.append(
        f"{summary['objectives']} objectives, {summary['key_results']} key results: "
        f"{summary['errors']} errors, {summary['warnings']} warnings, {summary['info']} info"
    )
    return "\n".join(lines)


def cmd_coach_eval(args: argparse.Namespace) -> int:
    """Print the coach's precision and recall per category on the labelled corpus."""
    from okrs.coach.evaluation import CorpusError, evaluate, load_corpus, report

    try:
        samples = load_corpus(Path(args.corpus))
    except (CorpusError, OSError) as error:
        print(f"okrs: {error}", file=sys.stderr)
        return 2
    languages = sorted({sample.lang for sample in samples})
    print(report(evaluate(samples), languages=languages, show_mistakes=args.mistakes))
    return 0


def cmd_benchmark_lint(args: argparse.Namespace) -> int:
    """Lint a generated plan of N distinct key results and print the time it took."""
    from okrs.coach.benchmark import run_lint_benchmark

    translations_ready()
    print(run_lint_benchmark(key_results=args.key_results, repeat=args.repeat))
    return 0


def add_coach_commands(add: Add, benchmark_commands: Any) -> None:
    from okrs.coach.evaluation import DEFAULT_CORPUS

    lint = add("lint", cmd_lint, "check an OKRs-as-code YAML file against the OKR method")
    lint.add_argument("file", help="the YAML file (see docs/yaml-format.md)")
    lint.add_argument("--format", choices=("text", "json"), default="text")
    lint.add_argument(
        "--lang",
        choices=LANGUAGE_CODES,
        help="language of the messages (default: the file's organization language, else en)",
    )
    lint.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    lint.add_argument("--min-key-results", type=int, default=3, metavar="N")
    lint.add_argument("--max-key-results", type=int, default=5, metavar="N")

    evaluation = add(
        "coach-eval", cmd_coach_eval, "precision and recall of the coach on a labelled corpus"
    )
    evaluation.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of <lang>.yaml")
    evaluation.add_argument("--mistakes", action="store_true", help="list every mistake")

    bench = benchmark_commands.add_parser(
        "lint", help="time linting N distinct key results (default 20,000)"
    )
    bench.set_defaults(handler=cmd_benchmark_lint)
    bench.add_argument("--key-results", type=int, default=20_000, metavar="N")
    bench.add_argument("--repeat", type=int, default=5, metavar="N", help="runs; the best is kept")
