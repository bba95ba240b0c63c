"""The words the coach's text rules look for, as plain data: one module per language.

Each language module (``en.py``, ``it.py``, ``fr.py``) builds one ``CoachVocabulary``. Entries
are lower-case phrases matched as whole words, case-insensitively; an entry may be a regular
expression fragment so one entry covers a word's forms (``"launch(?:es|ed|ing)?"``). The
rules themselves (``okrs.coach.linting.text``) know only the roles these words play, so a new
language is a new module and one line in ``okrs.coach.linting.languages``.

Entries are searched as one alternation per role, so keep them bounded: no nested unbounded
repeats, at most a few ``(?:\\S+ ){0,3}`` gaps.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CoachVocabulary:
    code: str
    # Words that tell this language apart from the others (function words, common nouns).
    # Added to the parser's language scores, with the coach's own verbs, to pick a sentence's
    # language: "Pubblicare la nuova policy" has no parser verb but is plainly Italian.
    detection_cues: tuple[str, ...]
    # … word endings that only this language writes ("iamo", "zione") …
    detection_endings: tuple[str, ...]
    # … and letters ("ç", "ê"): each one found counts as a cue.
    detection_letters: str
    # Words a key result or objective may open with before its verb ("we will", "to").
    lead_ins: tuple[str, ...]
    # Verbs of doing: a key result opening with one is work, not an outcome, even with a
    # number ("Run 10 A/B tests", "Hire 3 engineers").
    activity_verbs: tuple[str, ...]
    # Verbs of a milestone: work only when no number follows ("Sign Decathlon", "Go live").
    milestone_verbs: tuple[str, ...]
    # Measures: a verb of doing right before one is a noun ("Shipping cost per order", "Build
    # success rate above 95%"), not work. A determiner in between keeps it a verb ("Build a
    # cost calculator").
    metric_words: tuple[str, ...]
    # Things teams make or do; counting them measures output ("5 research sessions").
    activity_nouns: tuple[str, ...]
    # Words that count what follows ("number of", "numero di", "nombre de").
    count_phrases: tuple[str, ...]
    # Number words the parser does not read ("two", "a dozen", "un milione", "plusieurs"): a
    # key result with one has a quantity, so it is neither a milestone nor without a target.
    quantity_words: tuple[str, ...]
    # A recurrence within a cycle ("every week", "a settimana", "chaque mois"): work done again
    # and again is an activity, not a done/not-done milestone. "Quarterly" is once a cycle.
    recurrences: tuple[str, ...]
    # Physical places ("museum", "negozio", "magasin"): their visitors are people who came,
    # not web traffic.
    physical_places: tuple[str, ...]
    # Words that multiply or divide the metric ("double", "dimezzare", "diviser par deux"): a
    # relative change, like "by 20%".
    multipliers: tuple[str, ...]
    # A change written as a percentage ("by 35%", "del 25%", "de 30 %" with no "à" after): its
    # "%" does not make the metric a rate or a share.
    relative_changes: tuple[str, ...]
    # Totals that only grow ("total", "cumulative", "since launch").
    cumulative_markers: tuple[str, ...]
    # Counts that are vanity when not per period, rate or share ("downloads", "followers").
    vanity_nouns: tuple[str, ...]
    # Logins, visits, page views, impressions, traffic.
    login_view_nouns: tuple[str, ...]
    # Places named after a vanity or login word ("sign-up flow", "pagina di login",
    # "parcours d'inscription"): they are not counts.
    surfaces: tuple[str, ...]
    # Words that turn a count into a rate, share, average or per-period figure.
    ratio_markers: tuple[str, ...]
    # Measures of money, time or effort ("revenue", "cost", "fatturato"): a total of these is
    # not a vanity count.
    value_words: tuple[str, ...]
    # Words that make logins or visits the denominator of a better measure ("visit-to-signup
    # conversion", "% of sessions ending in a booking", "failed logins").
    denominator_markers: tuple[str, ...]
    # Objectives: ambitions that need more than a quarter ("market leader", "worldwide").
    too_big: tuple[str, ...]
    # Objectives phrased as learning, which keeps a big ambition inside a quarter.
    learning: tuple[str, ...]
    # Objectives opening with these verbs prescribe an output ("Build a mobile app").
    output_verbs: tuple[str, ...]
    # Verbs that prescribe an output only with a made thing after them ("Create a dashboard",
    # but not "Create delight for coaches").
    weak_output_verbs: tuple[str, ...]
    # Made things: app, feature, dashboard, platform …
    artefacts: tuple[str, ...]
    # Words that introduce a made thing after a weak output verb ("a", "a new", "the new").
    artefact_determiners: tuple[str, ...]
    # Sameness ("same", "stesse", "mêmes"): "Offer the same integrations as Shopify" chases a
    # competitor; it does not prescribe an output.
    same_words: tuple[str, ...]
    # Chasing competitors: phrases that say it alone ("feature parity", "catch up with") …
    parity: tuple[str, ...]
    # … competitor words that need a feature word in the same sentence …
    competitors: tuple[str, ...]
    feature_words: tuple[str, ...]
    # … and comparisons that chase a competitor when a name follows them ("the same
    # integrations as Shopify", "égaler Doctolib", "da meno di Revolut"). The name is a word
    # written with a capital and at least one small letter.
    comparisons: tuple[str, ...]
    # Number words in objectives ("double", "raddoppiare", "tripler").
    number_words: tuple[str, ...]
