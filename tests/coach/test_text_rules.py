"""The text rules on sentences of each kind they used to misread, in English, Italian, French.

Each group is one class of mistake: a few sentences per language, none taken from the corpus,
so that a later change to the word lists cannot silently bring the mistake back.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from okrs.coach.evaluation import Sample, predict
from okrs.coach.linting import lint_key_result, sentence_language
from okrs.coach.linting import text as words
from okrs.coach.plan import PlanKeyResult


def _key_result(lang: str, text: str) -> set[str]:
    return set(predict(Sample(lang, "key_result", text, frozenset())))


def _objective(lang: str, text: str) -> set[str]:
    return set(predict(Sample(lang, "objective", text, frozenset())))


def _cases(*rows: tuple[str, str, str]) -> list[tuple[str, str, set[str]]]:
    return [(lang, text, set(filter(None, labels.split(",")))) for lang, text, labels in rows]


def _check(cases: list[tuple[str, str, set[str]]], read: Callable[[str, str], set[str]]) -> None:
    """Every sentence gets exactly its categories; the failure lists the others."""
    found = [(lang, text, expected, read(lang, text)) for lang, text, expected in cases]
    assert [row for row in found if row[2] != row[3]] == []


# Key results ---------------------------------------------------------------------------------

COUNTED_WORK = _cases(
    # A number of any length, or in words, after a verb of doing: work, not a milestone.
    ("en", "Train 120 store managers on the new POS", "activity"),
    ("en", "Hire two senior product designers", "activity"),
    ("en", "Run several pricing experiments on the checkout", "activity"),
    ("it", "Formare 150 agenti del call center sul nuovo CRM", "activity"),
    ("it", "Assumere due sviluppatori senior", "activity"),
    ("it", "Lanciare diverse campagne di retargeting", "activity"),
    ("fr", "Former 150 conseillers clientèle au nouvel outil", "activity"),
    ("fr", "Recruter deux développeurs seniors", "activity"),
    ("fr", "Lancer plusieurs campagnes de retargeting", "activity"),
)

KEEP_IS_NOT_HOLD = _cases(
    # "Hold" and "tenere"/"tenir" are work only with events or a count after them.
    ("en", "Hold monthly churn under 2%", ""),
    ("en", "Hold 6 roadmap workshops with key accounts", "activity"),
    ("en", "Host a quarterly customer summit in Milan", "activity,binary"),
    ("it", "Tenere il churn mensile sotto il 2%", ""),
    ("it", "Tenere 4 sessioni di formazione per il team vendite", "activity"),
    ("fr", "Tenir le délai de livraison sous 48 h", ""),
    ("fr", "Tenir 4 sessions de formation pour l'équipe commerciale", "activity"),
)

COUNTED_MILESTONES = _cases(
    # Closing or signing a count of things is work; a share of them is an outcome.
    ("en", "Close 300 stale support tickets", "activity"),
    ("en", "Sign 12 new reseller partnerships", "activity"),
    ("en", "Close 95% of support tickets within 24 hours", ""),
    ("it", "Chiudere 200 ticket arretrati entro fine mese", "activity"),
    ("it", "Firmare 10 nuovi accordi con rivenditori", "activity"),
    ("fr", "Fermer 200 tickets en attente avant fin mars", "activity"),
    ("fr", "Signer 10 nouveaux partenariats avec des revendeurs", "activity"),
)

PEOPLE_ARE_OUTCOMES = _cases(
    # Winning or acquiring people, with no number, is an outcome without a target.
    ("en", "Win new customers in the Nordics", "no_target"),
    ("en", "Acquire more enterprise customers", "no_target"),
    ("en", "Sign the distribution agreement with Tesco", "activity,binary"),
    ("it", "Acquisire nuovi clienti nel Nord Italia", "no_target"),
    ("it", "Attivare il 40% dei nuovi utenti entro 7 giorni", ""),
    ("it", "Attivare Stripe come nuovo gateway di pagamento", "activity,binary"),
    ("fr", "Gagner de nouveaux clients en Belgique", "no_target"),
    ("fr", "Activer 40 % des nouveaux utilisateurs sous 7 jours", ""),
)

DATES_AND_NAMES_ARE_NOT_AMOUNTS = _cases(
    # Days of a deadline, versions and products, seasons, instalment plans: still milestones.
    ("en", "Ship the new onboarding checklist by 15 May 2027", "activity,binary"),
    ("en", "Launch the referral programme before June 30", "activity,binary"),
    ("en", "Upgrade all services to Java 21", "activity,binary"),
    ("en", "Migrate the payments service to Kubernetes 1.29", "activity,binary"),
    ("en", "Release 3 new game modes this quarter", "activity"),
    ("it", "Lanciare la nuova app iOS entro il 15 maggio", "activity,binary"),
    ("it", "Migrare il database di fatturazione su PostgreSQL 16", "activity,binary"),
    ("it", "Rilasciare la versione 3 del portale clienti", "activity,binary"),
    ("fr", "Lancer la nouvelle app iOS avant le 15 mai", "activity,binary"),
    ("fr", "Lancer le paiement en 4 fois sur le site", "activity,binary"),
    ("fr", "Sortir la saison 3 du jeu", "activity,binary"),
)

OPENING_VERBS_AND_NOUNS = _cases(
    # Verb forms and nouns of doing the lists missed.
    ("en", "Implementation of the new warehouse management system", "activity,binary"),
    ("en", "Redesign the onboarding emails", "activity,binary"),
    ("en", "Move our infrastructure to AWS", "activity,binary"),
    ("en", "Get PCI DSS certified", "activity,binary"),
    ("en", "Add Apple Pay to the checkout", "activity,binary"),
    ("it", "Lancio della nuova piattaforma di e-commerce", "activity,binary"),
    ("it", "Mettere online il nuovo sito istituzionale", "activity,binary"),
    ("it", "Portare in produzione il nuovo motore di ricerca", "activity,binary"),
    ("fr", "Lancement de la nouvelle plateforme e-commerce", "activity,binary"),
    ("fr", "Basculer la paie sur le nouveau logiciel", "activity,binary"),
    ("fr", "Refaire le parcours d'onboarding", "activity,binary"),
)

GROWTH_IS_NOT_BUILDING = _cases(
    # "Développer notre base", "sviluppare il fatturato": growth, not development work.
    ("fr", "Développer notre base d'abonnés au podcast", "no_target,vanity"),
    ("fr", "Développer le chiffre d'affaires en Suisse", "no_target"),
    ("it", "Sviluppare il fatturato nel Nord Italia", "no_target"),
    ("en", "Build our audience on TikTok", "no_target,vanity"),
)

CHANGES_IN_PERCENT = _cases(
    # The "%" of a change ("by 35%") does not turn logins, visits or downloads into a rate.
    ("en", "Grow blog visitors by 50%", "login_view"),
    ("en", "Increase app downloads by 40%", "vanity"),
    ("en", "Raise the share of visits that end with a purchase from 2% to 3%", ""),
    ("it", "Aumentare del 50% i visitatori del blog", "login_view"),
    ("it", "Aumentare del 40% i download dell'app", "vanity"),
    ("fr", "Augmenter de 50 % les visiteurs du blog", "login_view"),
    ("fr", "Augmenter de 40 % les téléchargements de l'app", "vanity"),
    ("fr", "Augmenter la part des visites qui aboutissent à un achat de 2 % à 3 %", ""),
)

MULTIPLIERS = _cases(
    # "Double", "dimezzare", "diviser par deux" are a change: not a missing target.
    ("en", "Double monthly active sessions in the mobile app", "login_view"),
    ("en", "Halve the time to first response on live chat", ""),
    ("it", "Raddoppiare le sessioni nell'app", "login_view"),
    ("it", "Dimezzare il tempo di prima risposta in chat", ""),
    ("fr", "Doubler les sessions dans l'app", "login_view"),
    ("fr", "Diviser par deux le temps de première réponse sur le chat", ""),
)

LOWERED_VISITS = _cases(
    # Visits a key result lowers are a problem to reduce, not a measure of value.
    ("en", "Reduce visits to the help center from 40k to 25k per month", ""),
    ("it", "Ridurre le visite al centro assistenza da 40 mila a 25 mila al mese", ""),
    ("fr", "Réduire les visites du centre d'aide de 40 000 à 25 000 par mois", ""),
)

WORK_IS_NOT_A_WEB_METRIC = _cases(
    # Sessions and visits the team holds, sign-up flows it tests: work, not logins or totals.
    ("en", "Complete 10 user testing sessions with new admins", "activity"),
    ("en", "Visit 40 key accounts in Bavaria", "activity"),
    ("en", "Cut drop-off in the signup flow from 40% to 25%", ""),
    ("it", "Completare 10 sessioni di usabilità con i nuovi admin", "activity"),
    ("it", "Visitare 30 clienti chiave in Lombardia", "activity"),
    ("fr", "Réaliser 10 sessions de test avec les nouveaux admins", "activity"),
    ("fr", "Tester 12 variantes du formulaire d'inscription", "activity"),
)

TOTALS = _cases(
    # Registered anything, community members, people signing up: totals that only grow …
    ("en", "Grow our Discord community to 15k members", "vanity"),
    ("en", "Get more users to sign up for the newsletter", "no_target,vanity"),
    ("en", "Grow total registered merchants from 8k to 12k", "vanity"),
    ("it", "Portare i ristoranti registrati da 800 a 1.200", "vanity"),
    ("it", "Far crescere la community Discord a 15.000 membri", "vanity"),
    ("fr", "Porter les restaurants inscrits de 800 à 1 200", "vanity"),
    ("fr", "Faire grandir la communauté Discord à 15 000 membres", "vanity"),
    # … but a total of money or time is not vanity.
    ("en", "Increase total revenue from enterprise from €2M to €3M", ""),
    ("it", "Aumentare il fatturato totale da 2 a 3 milioni di euro", ""),
    ("fr", "Augmenter le chiffre d'affaires total de 2 à 3 M€", ""),
)

VERBS_THAT_NAME_A_MEASURE = _cases(
    # "Shipping cost", "Build success rate": a measure named after the work, not work.
    ("en", "Shipping cost per order from €5 to €4", ""),
    ("en", "Build success rate above 95% on the main branch", ""),
    ("en", "Hiring time for engineers from 60 to 40 days", ""),
    ("en", "Build a cost calculator for freelancers", "activity,binary"),
    ("en", "Ship 3 conversion experiments on the checkout", "activity"),
)

NUMBER_WORDS = _cases(
    # "One million" is a target the parser does not read.
    ("en", "Reach one million downloads", "vanity"),
    ("it", "Raggiungere un milione di iscritti", "vanity"),
    ("fr", "Atteindre un million d'abonnés", "vanity"),
)


SUBJECT_FIRST = _cases(
    # A team named before its verb: still work the team does.
    ("en", "The data team migrates the billing reports to the new warehouse", "activity,binary"),
    ("en", "Our growth squad runs 12 landing-page experiments", "activity"),
    ("it", "Il team mobile rilascia la nuova app per tablet entro aprile", "activity,binary"),
    ("it", "Il reparto vendite organizza 6 webinar con i clienti", "activity"),
    (
        "fr",
        "L'équipe mobile publie la nouvelle application tablette d'ici avril",
        "activity,binary",
    ),
    ("fr", "Notre équipe support organise 6 ateliers avec les clients", "activity"),
    ("en", "The support team cuts first reply time from 9 to 4 hours", ""),
)

RECURRING_WORK = _cases(
    # Work repeated within the cycle is an activity, not a done/not-done milestone.
    ("en", "Publish a newsletter every week for partners", "activity"),
    ("it", "Pubblicare un articolo sul blog ogni settimana", "activity"),
    ("fr", "Publier une newsletter chaque semaine pour les partenaires", "activity"),
)

ATTENTION_AND_PLACES = _cases(
    # Attention per attention is still attention; visitors of a place are people who came.
    ("en", "Raise page views per session on product pages from 2.5 to 4", "login_view"),
    ("en", "Raise the share of museum visitors who renew their membership from 12% to 18%", ""),
    ("it", "Aumentare la valutazione media dei visitatori del museo da 4,1 a 4,5", ""),
    ("fr", "Faire passer la note moyenne des visiteurs du musée de 4,1 à 4,5", ""),
    ("it", "Raggiungere 50 mila follower su TikTok per il marchio", "vanity"),
)


@pytest.mark.parametrize(
    "cases",
    [
        COUNTED_WORK,
        KEEP_IS_NOT_HOLD,
        SUBJECT_FIRST,
        RECURRING_WORK,
        ATTENTION_AND_PLACES,
        COUNTED_MILESTONES,
        PEOPLE_ARE_OUTCOMES,
        DATES_AND_NAMES_ARE_NOT_AMOUNTS,
        OPENING_VERBS_AND_NOUNS,
        GROWTH_IS_NOT_BUILDING,
        CHANGES_IN_PERCENT,
        MULTIPLIERS,
        LOWERED_VISITS,
        WORK_IS_NOT_A_WEB_METRIC,
        TOTALS,
        NUMBER_WORDS,
        VERBS_THAT_NAME_A_MEASURE,
    ],
    ids=[
        "counted-work",
        "keep-is-not-hold",
        "subject-first",
        "recurring-work",
        "attention-and-places",
        "counted-milestones",
        "people-are-outcomes",
        "dates-and-names-are-not-amounts",
        "opening-verbs-and-nouns",
        "growth-is-not-building",
        "changes-in-percent",
        "multipliers",
        "lowered-visits",
        "work-is-not-a-web-metric",
        "totals",
        "number-words",
        "verbs-that-name-a-measure",
    ],
)
def test_key_result_categories(cases: list[tuple[str, str, set[str]]]) -> None:
    _check(cases, _key_result)


def test_a_multiplier_is_reported_as_a_change_without_baseline() -> None:
    findings = lint_key_result(PlanKeyResult(ref="k", title="Double weekly sign-ins"))
    relative = [f for f in findings if f.rule == "kr-relative-target"]
    assert [f.evidence for f in relative] == ["double"]
    assert "kr-no-target" not in {f.rule for f in findings}


# Language ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # No verb the parser knows: the coach's verbs and function words tell.
        ("Pubblicare la nuova policy sul lavoro ibrido", "it"),
        ("Formare 200 infermieri sulla nuova cartella clinica", "it"),
        ("Finaliser l'intégration avec Stripe", "fr"),
        ("Ouvrir 2 nouveaux entrepôts dans la région lyonnaise", "fr"),
        ("Documenter 25 processus dans Notion", "fr"),
        ("Rendere le squadre orgogliose di rivedere le proprie partite", "it"),
        ("Automatizzare 150 test end-to-end della pipeline", "it"),
        ("Ship dark mode", "en"),
    ],
)
def test_sentence_language_without_a_parser_verb(text: str, lang: str) -> None:
    assert sentence_language(words.normalize(text), None) == lang


# Numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Get ISO 27001 certified", False),
        ("Release v3 of the API by 30 June 2027", False),
        ("Go live by March 15, 2027", False),
        ("Hit the 2027-06-30 deadline", False),
        ("Migrer vers PostgreSQL 16", False),
        ("Lancer le paiement en 3 fois", False),
        ("Make our 24/7 support personal", False),
        ("Release 2 new levels", True),
        ("Grow Paying Customers To 500", True),
        ("Raise NPS from 28 to 40 by June 30", True),
        ("Reach 10k users in 2027", True),
    ],
)
def test_names_and_dates_are_not_amounts(text: str, amount: bool) -> None:
    flat = words.flatten(text)
    assert words.read_numbers(flat)[1] is amount
    assert words.has_amount(flat) is amount


# Objectives ----------------------------------------------------------------------------------

OBJECTIVES = _cases(
    # Ambitions beyond a quarter …
    ("en", "Transform how the world books physiotherapy", "obj_too_big"),
    ("en", "Become the go-to platform for every independent gym in Europe", "obj_too_big"),
    ("en", "Replace spreadsheets in every finance team in Europe", "obj_too_big"),
    ("it", "Trasformare il modo in cui l'Italia prenota visite mediche", "obj_too_big"),
    ("it", "Conquistare il mercato europeo del fitness", "obj_too_big"),
    ("fr", "Devenir la référence pour toutes les salles de sport de France", "obj_too_big"),
    ("en", "Be the first app every runner opens before a race", "obj_too_big"),
    ("en", "Change how banking works for an entire generation", "obj_too_big"),
    ("fr", "Devenir le réflexe de chaque foyer pour réserver un artisan", "obj_too_big"),
    # Parity through a named competitor's features, however many words in between.
    ("en", "Give shoppers the same one-click returns flow as Zalando", "obj_parity"),
    ("en", "Offer every integration Zapier has", "obj_parity"),
    ("it", "Offrire gli stessi strumenti di analisi avanzata di Salesforce", "obj_parity"),
    ("it", "Avere tutte le funzioni di pagamento di Satispay", "obj_parity"),
    ("fr", "Proposer les mêmes options de livraison express que Cdiscount", "obj_parity"),
    ("fr", "Dominer la livraison dans toutes les villes de France", "obj_too_big"),
    # … unless framed as learning.
    ("en", "Learn whether we could become the leader in Benelux", ""),
    ("it", "Capire se possiamo diventare il punto di riferimento nel Benelux", ""),
    ("fr", "Comprendre si nous pouvons devenir la référence au Benelux", ""),
    # Outputs: strong verbs, moves of systems, a tool adopted "as" something.
    ("en", "Revamp the seller dashboard", "obj_output"),
    ("en", "Adopt HubSpot as our single CRM", "obj_output"),
    ("en", "Launch a loyalty programme for frequent flyers", "obj_output"),
    ("it", "Spostare tutti i server su AWS", "obj_output"),
    ("it", "Rifare il cruscotto dei venditori", "obj_output"),
    ("fr", "Basculer toute la comptabilité sur Pennylane", "obj_output"),
    ("fr", "Refaire le tableau de bord vendeurs", "obj_output"),
    # Chasing a named competitor: parity, not an output.
    ("en", "Offer the same integrations as Shopify", "obj_parity"),
    ("en", "Match Stripe on payout speed", "obj_parity"),
    ("it", "Offrire le stesse integrazioni di Shopify", "obj_parity"),
    ("it", "Eguagliare Satispay sulla velocità dei pagamenti", "obj_parity"),
    ("it", "Non essere più da meno di Satispay sui pagamenti", "obj_parity"),
    ("fr", "Proposer les mêmes intégrations que Shopify", "obj_parity"),
    ("fr", "Égaler Qonto sur la rapidité des virements", "obj_parity"),
    # Years, versions and ranks are not numbers.
    ("en", "Make our Android 15 app feel native", ""),
    ("it", "Essere il marketplace n.1 in Italia", "obj_too_big"),
    ("fr", "Faire de 2027 l'année où les cliniques font confiance à nos données", ""),
)


def test_objective_categories() -> None:
    _check(OBJECTIVES, _objective)
