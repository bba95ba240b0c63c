"""``okrs unlock USERNAME`` / ``okrs unlock --ip ADDRESS``: lift a sign-in lock early."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from okrs.workspace.lockout import unlock


class Command(BaseCommand):
    help = "Forget the failed sign-ins of a username (from every address) or of an address."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", help="the username to unlock")
        parser.add_argument("--ip", metavar="ADDRESS", help="unlock every username at ADDRESS")

    def handle(self, *args: Any, **options: Any) -> None:
        username, address = options["username"], options["ip"]
        if bool(username) == bool(address):
            raise CommandError(
                "give a USERNAME or --ip ADDRESS (one of them), e.g. okrs unlock alice"
            )
        if address:
            try:
                address = str(ipaddress.ip_address(address.strip()))
            except ValueError:
                raise CommandError(
                    f"{address!r} is not an IP address; give one like 203.0.113.7 or 2001:db8::1"
                ) from None
        removed = unlock(username=username, ip_address=address)
        who = f"username {username!r}" if username else f"address {address}"
        if removed:
            self.stdout.write(f"Unlocked {who}: {removed} failed sign-in record(s) removed.")
        else:
            self.stdout.write(f"Nothing to unlock: no failed sign-ins recorded for {who}.")
