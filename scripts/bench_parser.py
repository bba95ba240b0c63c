"""Time the key-result parser on 20,000+ distinct sentences in English, Italian and French.

The linter parses every key result of an organization in one go, so the parser has a budget:
20,000 sentences must leave time for the other rules within two seconds on one core. The
sentences are built from templates the way people write key results (from/to, thresholds,
changes, counts, arrows, deadlines, and plain sentences with no number at all), with numbers
in each language's own formats. Every sentence is different, so a cache keyed on the text
cannot hide the cost.

Run ``uv run python scripts/bench_parser.py`` (``--help`` for the options).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from okrs.coach import parse_key_result

NNBSP = "\u202f"


@dataclass(frozen=True)
class Phrasebook:
    """The words one language writes key results with, for building sentences."""

    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    reach: tuple[str, ...]
    keep: tuple[str, ...]
    metrics: tuple[str, ...]
    counts: tuple[str, ...]  # a verb and the noun counted: "Sign {n} new customers"
    at_least: tuple[str, ...]
    at_most: tuple[str, ...]
    from_to: tuple[str, ...]  # "from {a} to {b}"
    change: tuple[str, ...]  # "by {a}"
    deadlines: tuple[str, ...]
    plain: tuple[str, ...]  # sentences with no number: "Launch the new app"
    plain_objects: tuple[str, ...]
    units: tuple[str, ...]  # "{n}" placeholders with a unit: "{n}%", "{n} days"
    number: Callable[[random.Random, bool], str]  # True allows a multiplier: "1.2M", "40 mila"


def _english_number(rng: random.Random, scaled: bool) -> str:
    kind = rng.randrange(5 if scaled else 3)
    if kind == 0:
        return f"{rng.randrange(1_000, 100_000):,}"
    if kind == 1:
        return f"{rng.uniform(0, 100):.{rng.randrange(1, 3)}f}"
    if kind == 2:
        return str(rng.randrange(1, 1000))
    if kind == 3:
        return f"{rng.randrange(1, 50)}.{rng.randrange(10)}M"
    return f"{rng.randrange(1, 999)}k"


def _italian_number(rng: random.Random, scaled: bool) -> str:
    kind = rng.randrange(5 if scaled else 3)
    if kind == 0:
        return f"{rng.randrange(1_000, 100_000):,}".replace(",", ".")
    if kind == 1:
        return f"{rng.uniform(0, 100):.{rng.randrange(1, 3)}f}".replace(".", ",")
    if kind == 2:
        return str(rng.randrange(1, 1000))
    if kind == 3:
        return f"{rng.randrange(1, 50)},{rng.randrange(10)} milioni"
    return f"{rng.randrange(1, 999)} mila"


def _french_number(rng: random.Random, scaled: bool) -> str:
    kind = rng.randrange(5 if scaled else 3)
    if kind == 0:
        space = rng.choice((" ", NNBSP, "\u00a0"))
        return f"{rng.randrange(1_000, 100_000):,}".replace(",", space)
    if kind == 1:
        return f"{rng.uniform(0, 100):.{rng.randrange(1, 3)}f}".replace(".", ",")
    if kind == 2:
        return str(rng.randrange(1, 1000))
    if kind == 3:
        return f"{rng.randrange(1, 50)},{rng.randrange(10)} M"
    return f"{rng.randrange(1, 999)} k"


ENGLISH = Phrasebook(
    increase=("Increase", "Grow", "Raise", "Boost", "Lift", "Double", "Expand", "Accelerate"),
    decrease=("Reduce", "Cut", "Lower", "Decrease", "Shrink", "Trim", "Drive down", "Halve"),
    reach=("Reach", "Achieve", "Hit", "Get", "Improve", "Move", "Bring"),
    keep=("Keep", "Maintain", "Hold", "Sustain", "Ensure"),
    metrics=(
        "NPS",
        "monthly active users",
        "90-day retention",
        "customer churn",
        "the trial-to-paid conversion rate",
        "ARR",
        "checkout p95 latency",
        "open support tickets",
        "our gross margin",
        "weekly deploys",
        "time to first response",
        "the share of self-serve signups",
        "average order value",
        "the onboarding completion rate",
    ),
    counts=(
        "Sign {n} new customers",
        "Onboard {n} enterprise accounts",
        "Ship {n} features",
        "Close {n} deals",
        "Hire {n} engineers",
        "Publish {n} case studies",
        "Resolve {n}+ tickets per week",
        "Interview {n} users",
    ),
    at_least=("at least", "above", "over", "more than", "no less than", ">=", "≥"),
    at_most=("under", "below", "less than", "at most", "no more than", "<=", "≤", "<"),
    from_to=("from {a} to {b}", "from {a} up to {b}", "to {b} from {a}", "from {a} down to {b}"),
    change=("by {a}", "up by {a}", "down by {a}"),
    deadlines=(
        "",
        "",
        "",
        " by Q3",
        " by Q4 2026",
        " in H1",
        " by June 30",
        " by the end of the year",
        " by year-end",
        " this quarter",
        " by 2027.",
        " within 90 days",
        " by 30/06/2026",
        " before September 2026",
        " by end of Q2",
        " in the next 12 weeks",
    ),
    plain=("Launch", "Ship", "Improve", "Redesign", "Migrate", "Roll out", "Deliver", "Build"),
    plain_objects=(
        "the new app",
        "the billing page",
        "customer satisfaction",
        "the onboarding flow",
        "single sign-on for every customer",
        "the data warehouse to the cloud",
        "a self-serve pricing page",
        "the partner portal",
        "our mobile checkout",
        "the design system",
    ),
    units=("{n}%", "{n}", "{n} days", "{n} hours", "{n} ms", "${n}", "€{n}", "{n} points"),
    number=_english_number,
)

ITALIAN = Phrasebook(
    increase=("Aumentare", "Incrementare", "Far crescere", "Raddoppiare", "Alzare"),
    decrease=("Ridurre", "Diminuire", "Abbassare", "Tagliare", "Dimezzare"),
    reach=("Portare", "Raggiungere", "Migliorare", "Ottenere"),
    keep=("Mantenere", "Tenere", "Garantire"),
    metrics=(
        "l'NPS",
        "gli utenti attivi mensili",
        "la retention a 90 giorni",
        "il tasso di abbandono",
        "la conversione da prova a pagamento",
        "il fatturato ricorrente",
        "il tempo medio di risposta",
        "i ticket aperti",
        "il margine lordo",
        "la quota di clienti self-service",
        "il valore medio dell'ordine",
        "il tasso di completamento dell'onboarding",
    ),
    counts=(
        "Acquisire {n} nuovi clienti",
        "Firmare {n} contratti",
        "Rilasciare {n} funzionalità",
        "Assumere {n} sviluppatori",
        "Chiudere {n} trattative",
        "Intervistare {n} utenti",
    ),
    at_least=("almeno", "sopra il", "oltre il", "più di", "non meno di", "≥"),
    at_most=("sotto il", "meno di", "al massimo", "non più di", "entro un massimo di", "≤"),
    from_to=("da {a} a {b}", "dal {a} al {b}", "da {a} fino a {b}", "a {b} partendo da {a}"),
    change=("del {a}", "di {a}"),
    deadlines=(
        "",
        "",
        "",
        " entro il Q3",
        " entro il Q4 2026",
        " entro fine giugno",
        " entro il 30 settembre",
        " entro fine anno",
        " nel primo semestre",
        " entro il 30/06/2026",
        " nei prossimi 6 mesi",
        " entro il terzo trimestre",
        " entro il 2027.",
        " entro la fine del trimestre",
    ),
    plain=("Lanciare", "Migliorare", "Rilasciare", "Ridisegnare", "Migrare", "Completare"),
    plain_objects=(
        "la nuova app",
        "la soddisfazione dei clienti",
        "il portale dei partner",
        "il flusso di onboarding",
        "la pagina dei prezzi",
        "il checkout su mobile",
        "il data warehouse nel cloud",
        "il sistema di design",
        "l'accesso unico per tutti i clienti",
    ),
    units=("{n}%", "{n}", "{n} giorni", "{n} ore", "{n} ms", "€ {n}", "{n} punti", "{n} euro"),
    number=_italian_number,
)

FRENCH = Phrasebook(
    increase=("Augmenter", "Accroître", "Doubler", "Faire croître", "Développer"),
    decrease=("Réduire", "Diminuer", "Baisser", "Abaisser", "Diviser par deux"),
    reach=("Atteindre", "Faire passer", "Amener", "Améliorer", "Porter"),
    keep=("Maintenir", "Garder", "Conserver", "Garantir"),
    metrics=(
        "le NPS",
        "les utilisateurs actifs mensuels",
        "la rétention à 90 jours",
        "le taux d'attrition",
        "le taux de conversion",
        "le revenu récurrent",
        "le délai moyen de réponse",
        "les tickets ouverts",
        "la marge brute",
        "la part des ventes en ligne",
        "le panier moyen",
        "le taux d'activation",
    ),
    counts=(
        "Signer {n} nouveaux clients",
        "Recruter {n} développeurs",
        "Livrer {n} fonctionnalités",
        "Conclure {n} contrats",
        "Traiter {n} demandes ou plus par semaine",
        "Interroger {n} utilisateurs",
    ),
    at_least=("au moins", "au-dessus de", "plus de", "supérieur à", "≥", "minimum"),
    at_most=("sous", "moins de", "au plus", "en dessous de", "inférieur à", "≤"),
    from_to=("de {a} à {b}", "de {a} jusqu'à {b}", "à {b} contre {a}", "de {a} à {b} au moins"),
    change=("de {a}",),
    deadlines=(
        "",
        "",
        "",
        " d'ici le T3",
        " d'ici fin 2026",
        " d'ici fin juin",
        " avant le 30 septembre",
        " d'ici la fin de l'année",
        " au S1 2026",
        " d'ici le 30/06/2026",
        " dans les 6 prochains mois",
        " avant la fin du trimestre",
        " au troisième trimestre",
        " d'ici 2027.",
    ),
    plain=("Lancer", "Améliorer", "Livrer", "Refondre", "Migrer", "Déployer"),
    plain_objects=(
        "la nouvelle application",
        "la satisfaction des clients",
        "le portail partenaires",
        "le parcours d'intégration",
        "la page de tarifs",
        "le paiement sur mobile",
        "l'entrepôt de données dans le cloud",
        "le système de design",
        "l'authentification unique pour tous les clients",
    ),
    units=("{n} %", "{n}", "{n} jours", "{n} heures", "{n} ms", "{n} €", "{n} points"),
    number=_french_number,
)

PHRASEBOOKS = {"en": ENGLISH, "it": ITALIAN, "fr": FRENCH}


def _value(book: Phrasebook, rng: random.Random, unit: str) -> str:
    """A number with ``unit``; multipliers only on counts and money ("1.2M", "40 k€")."""
    scaled = not any(c.isalpha() or c == "%" for c in unit.replace("{n}", ""))
    return unit.replace("{n}", book.number(rng, scaled))


def _sentence(book: Phrasebook, rng: random.Random) -> str:
    """One key result in one of the shapes people write, chosen at random."""
    shape = rng.randrange(7)
    metric, deadline = rng.choice(book.metrics), rng.choice(book.deadlines)
    unit = rng.choice(book.units)
    if shape == 0:
        verb = rng.choice(book.increase + book.decrease + book.reach)
        span = rng.choice(book.from_to)
        span = span.replace("{a}", _value(book, rng, unit)).replace("{b}", _value(book, rng, unit))
        return f"{verb} {metric} {span}{deadline}"
    if shape == 1:
        threshold = rng.choice(book.at_least + book.at_most)
        return f"{rng.choice(book.keep)} {metric} {threshold} {_value(book, rng, unit)}{deadline}"
    if shape == 2:
        change = rng.choice(book.change).replace("{a}", _value(book, rng, "{n}%"))
        return f"{rng.choice(book.increase + book.decrease)} {metric} {change}{deadline}"
    if shape == 3:
        return rng.choice(book.counts).replace("{n}", book.number(rng, True)) + deadline
    if shape == 4:
        arrow = rng.choice(("→", "->", "=>"))
        start, end = _value(book, rng, unit), _value(book, rng, unit)
        return f"{metric[0].upper()}{metric[1:]} {start} {arrow} {end}{deadline}"
    if shape == 5:
        threshold = rng.choice(book.at_least + book.at_most)
        return f"{metric[0].upper()}{metric[1:]} {threshold} {_value(book, rng, unit)}{deadline}"
    return f"{rng.choice(book.plain)} {rng.choice(book.plain_objects)}{deadline}"


def build_sentences(count: int, seed: int = 2026) -> list[tuple[str, str]]:
    """``count`` distinct (sentence, language) pairs, the languages in equal shares."""
    rng = random.Random(seed)
    seen: set[str] = set()
    sentences: list[tuple[str, str]] = []
    codes = list(PHRASEBOOKS)
    attempts = 0
    while len(sentences) < count:
        attempts += 1
        if attempts > count * 50:
            raise RuntimeError(f"only {len(sentences)} distinct sentences could be built")
        code = codes[len(sentences) % len(codes)]
        text = _sentence(PHRASEBOOKS[code], rng)
        if text not in seen:
            seen.add(text)
            sentences.append((text, code))
    rng.shuffle(sentences)
    return sentences


def _time(sentences: Sequence[tuple[str, str]], *, with_lang: bool, rounds: int) -> float:
    """The best of ``rounds`` runs over every sentence, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text, code in sentences:
            parse_key_result(text, code if with_lang else None)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    """Build the sentences, warm the grammars up, then time both ways of calling the parser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=21_000, help="distinct sentences")
    parser.add_argument("--rounds", type=int, default=3, help="runs per mode; the best counts")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--show", type=int, default=0, help="print this many sentences")
    options = parser.parse_args(argv)

    sentences = build_sentences(options.count, options.seed)
    for text, code in sentences[: options.show]:
        print(f"{code}  {text}")
    for code in PHRASEBOOKS:  # compile each language's grammar outside the timing
        parse_key_result("Increase NPS from 30 to 45 by Q3", code)
    print(f"{len(sentences)} distinct sentences (en, it, fr), best of {options.rounds} runs")
    for label, with_lang in (("with lang=", True), ("detecting the language", False)):
        seconds = _time(sentences, with_lang=with_lang, rounds=options.rounds)
        per_sentence = seconds / len(sentences) * 1e6
        print(f"{label:<24} {seconds:7.3f} s   {per_sentence:7.1f} µs per sentence")


if __name__ == "__main__":
    main()
