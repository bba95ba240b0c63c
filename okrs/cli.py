"""The `okrs` command: demo, serve, worker, sync, token, parse, lint, import, export, manage.

See `okrs --help`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

DEFAULT_PORT = 8000


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "okrs.settings")
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def cmd_demo(args: argparse.Namespace) -> int:
    """Create the database, load the demo organizations once, reset the demo login, serve."""
    _setup_django()
    from django.conf import settings

    from okrs.demo.loader import demo_load

    print(f"okrs: database {settings.DATABASES['default']['NAME']}")
    _migrate()
    report = demo_load(password=args.password)
    for line in report:
        print(f"okrs: {line}")
    url = f"http://{args.host}:{args.port}"
    print()
    print(f"  URL:       {url}/")
    print(f"  Admin:     {url}/admin/")
    print(
        f"  API:       {url}/api/v1/  (OpenAPI: {url}/api/v1/openapi.json, docs: {url}/api/v1/docs)"
    )
    print(
        f"  Login:     demo / {args.password}   (also 'coach', and every demo person, same password)"
    )
    print("  API token: okrs token create demo --org demo")
    print()
    if args.no_serve:
        return 0
    return _serve(host=args.host, port=args.port, workers=args.workers)


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    if args.migrate:
        _migrate()
    return _serve(host=args.host, port=args.port, workers=args.workers)


def _serve(*, host: str, port: int, workers: int) -> int:
    """Run the WSGI app under gunicorn, the production server, in this process."""
    from gunicorn.app.base import BaseApplication

    from okrs.wsgi import application

    class Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", 4)
            self.cfg.set("accesslog", "-")
            self.cfg.set("timeout", 60)

        def load(self) -> object:
            return application

    print(f"okrs: serving on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    Server().run()
    return 0


def cmd_token_create(args: argparse.Namespace) -> int:
    """Print a new API token for USERNAME in organization SLUG."""
    _setup_django()
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from okrs.workspace.models import Organization
    from okrs.workspace.services import api_token_create

    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        print(f"okrs: no user named {args.username!r}.", file=sys.stderr)
        return 2
    organization = Organization.objects.filter(slug=args.org).first()
    if organization is None:
        print(f"okrs: no organization with slug {args.org!r}.", file=sys.stderr)
        return 2
    try:
        _, secret = api_token_create(user=user, organization=organization, name=args.name)
    except ValidationError as error:
        print(f"okrs: {' '.join(error.messages)}", file=sys.stderr)
        return 2
    print(secret)
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    """Lift a sign-in lock: okrs unlock USERNAME, or okrs unlock --ip ADDRESS."""
    _setup_django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    rest = [args.username] if args.username else []
    if args.ip:
        rest += ["--ip", args.ip]
    try:
        call_command("unlock", *rest)
    except CommandError as error:
        print(f"okrs: {error}", file=sys.stderr)
        return 2
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    """Pass the rest of the command line to Django's manage.py commands."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "okrs.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["okrs manage", *args.rest])
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    """Read a key result sentence into its parts; exit 1 when it has no target. No database."""
    import json

    from okrs.coach import parse_key_result
    from okrs.coach.parsing.output import format_parsed, missing_target_message

    text = " ".join(args.text)
    if text.strip() == "-":
        text = sys.stdin.read()
    if not text.strip():
        print(
            "okrs: nothing to parse: give a key result, like "
            'okrs parse "Increase NPS from 30 to 45 by Q3".',
            file=sys.stderr,
        )
        return 2
    parsed = parse_key_result(" ".join(text.split()), lang=args.lang)
    if args.format == "json":
        print(json.dumps(parsed.to_json(), ensure_ascii=False))
    else:
        print(format_parsed(parsed))
    if parsed.target is None:
        print(f"okrs: {missing_target_message(parsed)}", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okrs", description="okrs: OKRs for product organizations."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    def add_server_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
        )
        sub.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8000)")
        sub.add_argument("--workers", type=int, default=2, help="server processes (default 2)")

    demo = add("demo", cmd_demo, "set up the database with the demo organizations and serve them")
    add_server_options(demo)
    demo.add_argument(
        "--password", default="demo", help="password of the demo logins (default: demo)"
    )
    demo.add_argument("--no-serve", action="store_true", help="set everything up, then exit")

    serve = add("serve", cmd_serve, "serve okrs with gunicorn (production server)")
    add_server_options(serve)
    serve.add_argument("--migrate", action="store_true", help="apply database migrations first")

    token = add("token", lambda a: 2, "manage API tokens")
    token_commands = token.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = token_commands.add_parser("create", help="print a new API token for a user")
    create.add_argument("username")
    create.add_argument("--org", required=True, help="slug of the organization the token acts in")
    create.add_argument("--name", default="", help="a label to tell tokens apart")
    create.set_defaults(handler=cmd_token_create)

    unlock = add("unlock", cmd_unlock, "lift a sign-in lock after repeated failed sign-ins")
    unlock.add_argument("username", nargs="?", help="the username to unlock (every address)")
    unlock.add_argument("--ip", metavar="ADDRESS", help="unlock every username at ADDRESS")

    parse = add(
        "parse",
        cmd_parse,
        "read a key result sentence into metric, baseline, target, unit, direction, deadline",
    )
    parse.add_argument(
        "text", nargs="+", metavar="TEXT", help="the key result (quote it, or '-' to read stdin)"
    )
    parse.add_argument(
        "--lang", choices=("en", "it", "fr"), help="language of the text (default: detected)"
    )
    parse.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )

    # okrs lint FILE, okrs coach-eval, okrs benchmark lint: the coach (okrs/coach/commands.py)
    from okrs.coach.commands import add_coach_commands

    benchmark = add("benchmark", lambda a: 2, "measure how fast okrs is; prints its figures")
    benchmark_commands = benchmark.add_subparsers(
        dest="benchmark_command", required=True, metavar="WHAT"
    )
    add_coach_commands(add, benchmark_commands)
    # okrs benchmark sync: live metrics against generated Parquet files and PostgreSQL
    from okrs.metrics.benchmark import add_benchmark_command

    add_benchmark_command(benchmark_commands)

    # okrs import FILE, okrs export: OKRs as code (okrs/exchange/commands.py)
    from okrs.exchange.commands import add_exchange_commands

    add_exchange_commands(add)

    # okrs worker, okrs sync: live metrics (okrs/metrics/commands.py)
    from okrs.metrics.commands import add_metrics_commands

    add_metrics_commands(add)

    manage = add(
        "manage", cmd_manage, "run a Django management command (migrate, createsuperuser, …)"
    )
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from django.core.exceptions import ImproperlyConfigured

    try:
        result = int(args.handler(args) or 0)
        sys.stdout.flush()
        return result
    except ImproperlyConfigured as error:
        print(f"okrs: configuration error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`okrs lint … | head`): stop quietly, as the Python docs
        # recommend — point stdout at devnull so the flush at exit cannot raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
