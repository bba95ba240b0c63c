"""Every coach rule: its stable id, category, severity and the words it says.

Rule ids never change once published (people silence or count them by id). ``message``,
``suggestion`` and ``why`` are gettext message ids, translated when a finding is shown
(``okrs.coach.linting.engine.render``); their ``%(name)s`` placeholders are filled from the
finding's ``params``. Each rule, with a good and a bad example in each language, is described
in ``docs/coach-rules.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from okrs.coach.findings import Severity
from okrs.coach.i18n import gettext_noop as _

Scope = Literal["key_result", "objective", "team", "plan"]


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    scope: Scope
    message: str
    suggestion: str
    why: str


_RULES: Final = (
    Rule(
        "kr-activity",
        "activity",
        Severity.WARNING,
        "key_result",
        _("This key result is work the team does (“%(evidence)s”), not an outcome."),
        _(
            "Move it to the initiatives of a key result, and write the change in customer or "
            "business behaviour it should cause, with a baseline and a target: for example "
            "“Raise the share of new users who finish onboarding from 40%% to 60%%”."
        ),
        _(
            "Key results measure outcomes; activities and milestones are the initiatives that "
            "should move them. A team can finish every task and still change nothing."
        ),
    ),
    Rule(
        "kr-binary-unflagged",
        "binary",
        Severity.WARNING,
        "key_result",
        _("This key result can only be done or not done (“%(evidence)s”)."),
        _(
            "Either measure progress toward the outcome it should bring (a rate, a time, a "
            "share), or mark it as binary and give a chance of success (0–100%%)."
        ),
        _(
            "A done/not-done result shows no progress during the quarter. When a milestone really "
            "matters, say it is binary and track the chance of success instead."
        ),
    ),
    Rule(
        "kr-binary-no-chance",
        "binary",
        Severity.WARNING,
        "key_result",
        _("This binary key result has no chance of success."),
        _("Estimate the chance of success (0–100%%) and update it at every check-in."),
        _(
            "For a binary key result the team's goal is to raise the chance of success; without "
            "an estimate nobody sees whether it is rising."
        ),
    ),
    Rule(
        "kr-vanity",
        "vanity",
        Severity.WARNING,
        "key_result",
        _("“%(evidence)s” is a total that grows whatever the team does."),
        _(
            "Measure a rate or a ratio instead: the share of accounts active each week, new "
            "sign-ups per week, or the share of downloads that become active users."
        ),
        _(
            "Cumulative totals only go up, so they cannot tell whether this quarter's work "
            "made a difference. Percentages and ratios can."
        ),
    ),
    Rule(
        "kr-login-view",
        "login_view",
        Severity.WARNING,
        "key_result",
        _("“%(evidence)s” measures attention, not value received by the customer."),
        _(
            "Count a completed workflow instead: orders placed, reports shared, matches "
            "reviewed, invoices paid — whatever shows the customer got what they came for."
        ),
        _(
            "A login or a page view happens before the customer gets any value; completed "
            "workflows show that their problem was solved."
        ),
    ),
    Rule(
        "kr-no-target",
        "no_target",
        Severity.ERROR,
        "key_result",
        _("This key result has no number to reach."),
        _(
            "Name the metric, its current value and the value to reach by the end of the "
            "cycle: “Raise %(metric)s from X to Y”, or a threshold such as “Keep "
            "%(metric)s under Y”."
        ),
        _(
            "A key result is a metric, a baseline and a target. Without a number, progress is an "
            "opinion and the end-of-cycle score cannot be computed."
        ),
    ),
    Rule(
        "kr-relative-target",
        "no_baseline",
        Severity.INFO,
        "key_result",
        _("The target is a change (“%(evidence)s”) without the value it starts from."),
        _("Write the current value and the value to reach: “from X to Y”."),
        _(
            "A change only makes sense against a baseline; writing both makes progress "
            "checkable at every check-in."
        ),
    ),
    Rule(
        "kr-target-equals-baseline",
        "target",
        Severity.ERROR,
        "key_result",
        _("The target (%(target)s) is the same as the baseline."),
        _(
            "Set the value to reach by the end of the cycle; to hold a level, use the "
            "“at least” or “at most” direction."
        ),
        _("With the target equal to the baseline there is nothing to progress toward."),
    ),
    Rule(
        "kr-target-wrong-side",
        "target",
        Severity.ERROR,
        "key_result",
        _(
            "The direction is “%(direction)s” but the target (%(target)s) is on the "
            "wrong side of the baseline (%(baseline)s)."
        ),
        _("Swap the baseline and the target, or change the direction."),
        _("Progress is computed from baseline to target in the stated direction."),
    ),
    Rule(
        "kr-target-already-met",
        "target",
        Severity.WARNING,
        "key_result",
        _(
            "The threshold (%(target)s) is already met at the baseline (%(baseline)s): the "
            "key result is done before the cycle starts."
        ),
        _("Raise the bar, or choose a metric that still needs to move."),
        _("A good target is ambitious: reachable at 60–80%%, not already reached."),
    ),
    Rule(
        "kr-no-deadline",
        "deadline",
        Severity.ERROR,
        "key_result",
        _("This key result has no deadline and belongs to no cycle."),
        _("Add a deadline, or put the objective in a cycle."),
        _("A target without a date is a wish: key results are time-bound."),
    ),
    Rule(
        "kr-duplicate-metric",
        "duplicate",
        Severity.WARNING,
        "key_result",
        _("This key result measures the same metric as “%(other)s”."),
        _("Keep one of them, and use the freed slot for another side of the objective."),
        _(
            "Each key result should capture a different part of the objective; two on the "
            "same metric leave a part uncovered."
        ),
    ),
    Rule(
        "kr-conflict",
        "conflict",
        Severity.WARNING,
        "key_result",
        _(
            "%(team)s wants to %(direction)s “%(metric)s” while %(other_team)s wants "
            "to %(other_direction)s it (“%(other)s”)."
        ),
        _("Bring both teams together and decide which way this metric should go this cycle."),
        _(
            "Teams pulling the same metric in opposite directions cancel each other out; "
            "strategy means choosing."
        ),
    ),
    Rule(
        "kr-not-measurable",
        "measurability",
        Severity.WARNING,
        "key_result",
        _("Nothing measures this key result yet: no data source and no check-in."),
        _("Bind it to a data source, or record its current value in a first check-in."),
        _("Numbers, not opinions: every value needs a source before the cycle starts."),
    ),
    Rule(
        "obj-too-big",
        "obj_too_big",
        Severity.WARNING,
        "objective",
        _("“%(evidence)s” is an ambition that cannot be met in one quarter."),
        _(
            "Scope it to what a quarter can prove, often as learning: “Learn whether we "
            "can %(title)s”, with key results on what you need to find out."
        ),
        _(
            "An objective should be meaningfully achievable in one cycle; a multi-year "
            "ambition belongs in the strategy."
        ),
    ),
    Rule(
        "obj-output",
        "obj_output",
        Severity.WARNING,
        "objective",
        _("This objective prescribes a solution (“%(evidence)s”)."),
        _(
            "Name the customer or business problem instead, and let the team find the "
            "solution; the output can be an initiative."
        ),
        _(
            "Objectives that impose an output assume we know the customer's pain; a feature "
            "nobody uses looks like the one everybody needs."
        ),
    ),
    Rule(
        "obj-parity",
        "obj_parity",
        Severity.WARNING,
        "objective",
        _("This objective chases a competitor (“%(evidence)s”)."),
        _(
            "Start from your own customers' pain: an objective about discovering it is more "
            "useful than matching someone else's features."
        ),
        _(
            "Competitors serve their customers, not yours; copying them moves the product away "
            "from your customers' real problems."
        ),
    ),
    Rule(
        "obj-numbers",
        "obj_numbers",
        Severity.WARNING,
        "objective",
        _("This objective carries a number (“%(evidence)s”)."),
        _(
            "Keep the objective qualitative and move the number into a key result with its "
            "baseline and target."
        ),
        _(
            "The objective says where to go and why; the key results say how we will know, "
            "with numbers."
        ),
    ),
    Rule(
        "obj-too-few-key-results",
        "structure",
        Severity.WARNING,
        "objective",
        _("Too few key results: %(count)s, the minimum is %(min)s."),
        _("Add key results that cover the other sides of the objective."),
        _("Too few key results leave parts of the objective unmeasured."),
    ),
    Rule(
        "obj-too-many-key-results",
        "structure",
        Severity.WARNING,
        "objective",
        _("Too many key results: %(count)s, the maximum is %(max)s."),
        _("Keep the ones that matter most and move the others to a later cycle."),
        _("Too many key results dilute the team's focus."),
    ),
    Rule(
        "team-several-objectives",
        "focus",
        Severity.ERROR,
        "team",
        _("%(team)s has %(count)s active objectives in this cycle."),
        _("Keep one active objective and make the others drafts, or cancel them."),
        _("One objective per team per cycle keeps the team focused; multitasking costs results."),
    ),
    Rule(
        "obj-unaligned",
        "alignment",
        Severity.INFO,
        "objective",
        _("This objective serves no key result of a team above."),
        _("Align it to the key result of the parent team it helps move."),
        _("Each level's key results become the next level's objectives; alignment shows why."),
    ),
    Rule(
        "obj-aligned-unknown",
        "alignment",
        Severity.ERROR,
        "objective",
        _("This objective is aligned to “%(evidence)s”, which is not a key result."),
        _("Use the id of a key result of this cycle."),
        _("Alignment must point to a key result one level up."),
    ),
)

# Words put into messages (kr-target-wrong-side, kr-conflict), translated when shown.
DIRECTION_WORDS: Final = (_("increase"), _("decrease"), _("raise"), _("lower"))

RULES: Final[dict[str, Rule]] = {rule.id: rule for rule in _RULES}
CATEGORIES: Final = tuple(dict.fromkeys(rule.category for rule in _RULES))
