"""The Italian and French catalogues: complete, consistent with the code, and used by the API.

The .po files are read with a small parser (no polib), the .mo files with the standard
library's ``gettext``, and the messages of the code with ``ast``, so implicit concatenation
across lines is joined exactly as xgettext joins it.
"""

from __future__ import annotations

import ast
import gettext as gnu_gettext
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

PACKAGE = Path(__file__).resolve().parent.parent / "okrs"
LOCALE = PACKAGE / "locale"
LANGUAGES = ["it", "fr"]
# Placeholders of Python's %-formatting with a name: %(team)s, %(value)r, %(count)d.
PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[sdifrx]")
GETTEXT_FUNCTIONS = {
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "gettext_noop": ("msgid",),
    "ngettext": ("msgid", "msgid_plural"),
    "ngettext_lazy": ("msgid", "msgid_plural"),
    "pgettext": ("msgctxt", "msgid"),
    "pgettext_lazy": ("msgctxt", "msgid"),
    "npgettext": ("msgctxt", "msgid", "msgid_plural"),
    "npgettext_lazy": ("msgctxt", "msgid", "msgid_plural"),
}


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    """LocaleMiddleware leaves the request's language active in the thread: undo it after each
    test, or a French request here would make the next test module's messages French."""
    previous = translation.get_language()
    yield
    translation.activate(previous)


# A tiny .po reader ---------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def parse_po(text: str) -> list[Entry]:
    """Every entry of a .po file, the header (msgid "") included."""
    entries: list[Entry] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        entry, target = Entry(), None
        for line in block.splitlines():
            if line.startswith("#~"):
                entry.obsolete = True
            elif line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#:"):
                entry.references += line[2:].split()
            elif line.startswith("#"):
                continue
            elif match := KEYWORD.match(line):
                keyword, index, literal = match.groups()
                value = ast.literal_eval(literal)
                if keyword.startswith("msgstr"):
                    target = ("msgstr", int(index or 0))
                    entry.msgstr[target[1]] = value
                else:
                    target = (keyword, 0)
                    setattr(entry, keyword, value)
            elif line.startswith('"') and target is not None:
                value = ast.literal_eval(line)
                if target[0] == "msgstr":
                    entry.msgstr[target[1]] += value
                else:
                    setattr(entry, target[0], getattr(entry, target[0]) + value)
            else:
                raise AssertionError(f"Unreadable .po line: {line!r}")
        entries.append(entry)
    return entries


def catalogue(language: str) -> list[Entry]:
    """The entries of ``language``'s django.po, without the header."""
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    return [e for e in parse_po(path.read_text(encoding="utf-8")) if e.msgid != ""]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


# Messages in the code ------------------------------------------------------------------------

# okrs.coach.i18n marks the coach's texts without Django settings (the linter runs on files).
TRANSLATION_MODULES = frozenset({"django.utils.translation", "okrs.coach.i18n"})


def gettext_names(tree: ast.Module) -> dict[str, str]:
    """Local names bound to gettext functions: {'_': 'gettext', ...}."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in TRANSLATION_MODULES:
            for alias in node.names:
                if alias.name in GETTEXT_FUNCTIONS:
                    names[alias.asname or alias.name] = alias.name
    return names


def messages_in_source(source: str) -> set[tuple[str | None, str]]:
    """(context, msgid) of every gettext call with literal arguments; plurals give both forms."""
    tree = ast.parse(source)
    names = gettext_names(tree)
    found: set[tuple[str | None, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            function = names[func.id]
        elif isinstance(func, ast.Attribute) and func.attr in GETTEXT_FUNCTIONS:
            function = func.attr  # translation.gettext(...)
        else:
            continue
        roles = GETTEXT_FUNCTIONS[function]
        literals = [
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in node.args[: len(roles)]
        ]
        values = dict(zip(roles, literals, strict=False))
        context = values.get("msgctxt")
        for role in ("msgid", "msgid_plural"):
            if values.get(role):
                found.add((context, values[role]))
    return found


TEMPLATE_TRANSLATE = re.compile(
    r"""{%\s*trans(?:late)?\s+(?P<q>["'])(?P<msgid>.*?)(?P=q)"""
    r"""(?:[^%]*?\bcontext\s+(?P<cq>["'])(?P<context>.*?)(?P=cq))?[^%]*%}"""
)
TEMPLATE_UNDERSCORE = re.compile(r"""\b_\((?P<q>["'])(?P<msgid>.*?)(?P=q)\)""")
TEMPLATE_BLOCK = re.compile(
    r"{%\s*blocktrans(?:late)?\b(?P<options>[^%]*)%}(?P<body>.*?)"
    r"{%\s*endblocktrans(?:late)?\s*%}",
    re.DOTALL,
)


def messages_in_template(text: str) -> set[tuple[str | None, str]]:
    """(context, msgid) of {% translate %}, _("...") and simple {% blocktranslate %} blocks.

    Blocks with a plural or a context are left out (the reverse check skips those entries too).
    """
    # Like makemessages, a literal "%" of {% translate %} is stored as "%%".
    found = {
        (m["context"], m["msgid"].replace("%", "%%")) for m in TEMPLATE_TRANSLATE.finditer(text)
    }
    found |= {(None, m["msgid"]) for m in TEMPLATE_UNDERSCORE.finditer(text)}
    for block in TEMPLATE_BLOCK.finditer(text):
        options, body = block["options"].split(), block["body"]
        if {"count", "context"} & set(options) or "{% plural" in body:
            continue
        if "trimmed" in options:
            body = re.sub(r"\s*\n\s*", " ", body.strip())
        body = body.replace("%", "%%")
        found.add((None, re.sub(r"{{\s*(\w+)\s*}}", r"%(\1)s", body)))
    return found


def _read_by_makemessages(path: Path) -> bool:
    parts = path.relative_to(PACKAGE).parts
    return "migrations" not in parts and parts[0] not in {"demo", "locale"}


def translatable_files() -> list[Path]:
    """The Python files makemessages reads: all of okrs/ except the demo data and migrations."""
    return [p for p in sorted(PACKAGE.rglob("*.py")) if _read_by_makemessages(p)]


def template_files() -> list[Path]:
    """The templates (.html, .txt) makemessages reads."""
    paths = [*PACKAGE.rglob("*.html"), *PACKAGE.rglob("*.txt")]
    return [p for p in sorted(paths) if _read_by_makemessages(p)]


def messages_in_code() -> set[tuple[str | None, str]]:
    found: set[tuple[str | None, str]] = set()
    for path in translatable_files():
        found |= messages_in_source(path.read_text(encoding="utf-8"))
    for path in template_files():
        found |= messages_in_template(path.read_text(encoding="utf-8"))
    return found


# The catalogues ------------------------------------------------------------------------------


def test_every_configured_language_has_a_catalogue() -> None:
    codes = {code for code, _name in settings.LANGUAGES} - {"en"}
    assert codes == set(LANGUAGES)
    assert [str(p) for p in settings.LOCALE_PATHS] == [str(LOCALE)]
    for code in codes:
        assert (LOCALE / code / "LC_MESSAGES" / "django.po").is_file()
        assert (LOCALE / code / "LC_MESSAGES" / "django.mo").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_names_the_language_and_its_plural_rule(language: str) -> None:
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    header = parse_po(path.read_text(encoding="utf-8"))[0]
    assert header.msgid == ""
    assert "fuzzy" not in header.flags
    assert f"Language: {language}\n" in header.msgstr[0]
    assert "charset=UTF-8" in header.msgstr[0]
    plural = {"it": "plural=(n != 1);", "fr": "plural=(n > 1);"}[language]
    assert plural in header.msgstr[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    entries = catalogue(language)
    assert len(entries) > 100
    untranslated = [e.msgid for e in entries if not all(s.strip() for s in e.msgstr.values())]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    obsolete = [e.msgid for e in entries if e.obsolete]
    plural_forms = [e.msgid for e in entries if e.msgid_plural and len(e.msgstr) != 2]
    assert untranslated == []
    assert fuzzy == []
    assert obsolete == []
    assert plural_forms == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    wrong = []
    for entry in catalogue(language):
        expected = placeholders(entry.msgid)
        if entry.msgid_plural:
            # A plural form may say "one" instead of %(count)s, but must invent nothing.
            allowed = set(expected) | set(placeholders(entry.msgid_plural))
            wrong += [
                (entry.msgid, s) for s in entry.msgstr.values() if set(placeholders(s)) - allowed
            ]
        else:
            wrong += [
                (entry.msgid, s) for s in entry.msgstr.values() if placeholders(s) != expected
            ]
    assert wrong == []


def test_placeholder_pattern_sees_what_python_formats() -> None:
    assert placeholders("%(team)s has %(count)d, %(value)r; 100%% done") == [
        "%(count)d",
        "%(team)s",
        "%(value)r",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_french_and_italian_punctuation(language: str) -> None:
    """French puts a (non-breaking) space before : ; ? ! — Italian does not."""
    for entry in catalogue(language):
        for text in entry.msgstr.values():
            # Ignore the inside of literal things to type, like 'Authorization: Bearer <token>'.
            prose = re.sub(r"«[^»]*»", "«»", text)
            if language == "fr":
                assert not re.search(r"\S[:;?!](\s|$)", prose), text
            else:
                assert not re.search(r"\s[:;?!]", prose), text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_the_catalogue(language: str, tmp_path: Path) -> None:
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    msgfmt = shutil.which("msgfmt")
    assert msgfmt is not None
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language: str) -> None:
    """A .po edited without running compilemessages leaves the .mo behind: caught here."""
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        compiled = gnu_gettext.GNUTranslations(mo)._catalog  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for entry in catalogue(language):
        msgid = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural:
            expected |= {(msgid, n): s for n, s in entry.msgstr.items()}
        else:
            expected[msgid] = entry.msgstr[0]
    assert {k: v for k, v in compiled.items() if k != ""} == expected


# The catalogues against the code -------------------------------------------------------------


def test_message_scanner_joins_implicit_concatenation_and_follows_aliases() -> None:
    source = (
        "from django.utils.translation import gettext as _, ngettext, pgettext_lazy as p\n"
        "from django.utils import translation\n"
        "a = _('one line')\n"
        "b = _(\n    'first half,'\n    ' second half'\n)\n"
        "c = ngettext('%(n)s team', '%(n)s teams', n)\n"
        "d = p('month', 'May')\n"
        "e = translation.gettext('by attribute')\n"
        "f = _(variable)\n"
        "g = other('not a message')\n"
    )
    assert messages_in_source(source) == {
        (None, "one line"),
        (None, "first half, second half"),
        (None, "%(n)s team"),
        (None, "%(n)s teams"),
        ("month", "May"),
        (None, "by attribute"),
    }


def test_message_scanner_reads_templates() -> None:
    template = (
        '{% load i18n %}<a>{% translate "Skip to content" %}</a>'
        '<nav aria-label="{% trans \'Main\' %}">{{ x|default:_("Organizations") }}'
        '{% translate "May" context "month" %}'
        "{% blocktranslate %}Reset the password of {{ user }}.{% endblocktranslate %}"
        "{% blocktranslate trimmed %}\n  Up to 100% of\n  {{ team }}\n{% endblocktranslate %}"
        "{% blocktranslate count n=items|length %}one{% plural %}many{% endblocktranslate %}"
    )
    assert messages_in_template(template) == {
        (None, "Skip to content"),
        (None, "Main"),
        (None, "Organizations"),
        ("month", "May"),
        (None, "Reset the password of %(user)s."),
        (None, "Up to 100%% of %(team)s"),
    }


def test_scanner_reads_the_package() -> None:
    files = {str(p.relative_to(PACKAGE)) for p in [*translatable_files(), *template_files()]}
    assert "goals/services.py" in files
    assert not any(f.startswith("demo/") or "/migrations/" in f for f in files)
    messages = messages_in_code()
    assert (None, "Only admins and Product Ops manage teams.") in messages
    assert len(messages) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_code_is_in_the_catalogue(language: str) -> None:
    """A new message without makemessages and a translation fails here, naming the message."""
    keys = {e.key for e in catalogue(language)} | {
        (e.msgctxt, e.msgid_plural) for e in catalogue(language) if e.msgid_plural
    }
    missing = sorted(msgid for _context, msgid in messages_in_code() - keys)
    assert missing == [], "Run makemessages (see docs/translations.md) and translate: " + "; ".join(
        missing
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_message_the_code_dropped(language: str) -> None:
    """An entry of the code or templates must still be there (plural blocks are not scanned)."""
    code = messages_in_code()
    stale = [
        e.msgid
        for e in catalogue(language)
        if e.references and not e.msgid_plural and e.key not in code
    ]
    assert stale == [], "Run makemessages with --no-obsolete: " + "; ".join(stale)


# Django uses them ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "Solo gli amministratori e Product Ops gestiscono i cicli."),
        ("fr", "Seuls les administrateurs et Product Ops gèrent les cycles."),
        ("en", "Only admins and Product Ops manage cycles."),
    ],
)
def test_django_translates_a_service_message(language: str, expected: str) -> None:
    with translation.override(language):
        assert translation.gettext("Only admins and Product Ops manage cycles.") == expected


def test_django_translates_model_vocabulary() -> None:
    from okrs.goals.models import CheckIn, KeyResult

    with translation.override("it"):
        assert str(KeyResult._meta.verbose_name) == "risultato chiave"
        assert str(KeyResult.Direction.AT_LEAST.label) == "Restare pari o superiore"
        assert str(CheckIn._meta.verbose_name_plural) == "check-in"
    with translation.override("fr"):
        assert str(KeyResult._meta.verbose_name) == "résultat clé"
        assert str(KeyResult._meta.get_field("baseline").verbose_name) == "valeur de départ"
        assert str(CheckIn._meta.verbose_name) == "point d'avancement"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "Solo gli amministratori e Product Ops gestiscono i team."),
        ("fr", "Seuls les administrateurs et Product Ops gèrent les équipes."),
        ("en", "Only admins and Product Ops manage teams."),
    ],
)
def test_api_refusal_speaks_the_callers_language(api, language: str, expected: str) -> None:
    response = api("viewer").post("/teams", {"name": "X"}, **{"Accept-Language": language})
    assert response.status_code == 403
    assert response.json_body == {"detail": expected}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "Il ciclo deve terminare dopo il suo inizio."),
        ("fr", "Le cycle doit se terminer après son début."),
    ],
)
def test_api_rule_of_a_model_speaks_the_callers_language(api, language: str, expected: str) -> None:
    body = {"name": "2027-Q1", "start": "2027-03-31", "end": "2027-01-01"}
    response = api("admin").post("/cycles", body, **{"Accept-Language": language})
    assert response.status_code == 422
    assert response.json_body["errors"] == {"end": [expected]}
    assert response.json_body["detail"] == f"end: {expected}"


def test_api_not_found_in_french(api) -> None:
    response = api("viewer").get("/teams/999999", **{"Accept-Language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 404
    assert response.json_body == {
        "detail": "Introuvable\u00a0: cet objet n'existe pas dans votre organisation."
    }
