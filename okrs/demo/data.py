"""Demo data for ``okrs demo``: two fictional organizations, as plain Python.

``demo`` is Fieldreel, a 250-person sports-technology company in Copenhagen whose cameras and
app record youth football matches in more than 80 countries. It has a company, five
departments (Product, Engineering, Product Ops, Customer Success, Sales) and five teams, a
closed cycle with final scores and an active cycle seen on its 45th day.

``demo-coaching`` is Bussola Strategia, a 12-person Italian OKR consultancy with one active
cycle, written in Italian.

Dates are offsets, so the demo always looks live: ``quarter_offset`` 0 is the active cycle,
which started 45 days ago; check-in ``day`` and ``deadline_day`` count from the cycle start
(cycles last 91 days). A ``# weak: <category>`` comment marks a key result that breaks the
method on purpose, for the coach linter to find.

No Django import here: the loader reads ``ORGANIZATIONS`` and creates the records.
"""

from __future__ import annotations

from typing import Any

ORGANIZATIONS: list[dict[str, Any]] = [
    {
        "slug": "demo",
        "name": "Fieldreel",
        "language": "en",
        "vision": (
            "No family should miss a goal in youth football again: every match recorded and kept, "
            "wherever it is played and whoever holds the phone."
        ),
        "strategy": (
            "Sell season subscriptions to clubs and federations rather than single tournaments, "
            "starting with Germany, the Netherlands and the Nordics. Win renewals by making the "
            "first match day work without help and by turning footage into Monday training."
        ),
        "people": [
            {"username": "mette.holm", "first_name": "Mette", "last_name": "Holm", "role": "admin"},
            {"username": "jonas.kjaer", "first_name": "Jonas", "last_name": "Kjær", "role": "ops"},
            {"username": "sofie.lund", "first_name": "Sofie", "last_name": "Lund", "role": "ops"},
            {
                "username": "rasmus.dahl",
                "first_name": "Rasmus",
                "last_name": "Dahl",
                "role": "lead",
            },
            {
                "username": "freja.nielsen",
                "first_name": "Freja",
                "last_name": "Nielsen",
                "role": "lead",
            },
            {
                "username": "emil.brandt",
                "first_name": "Emil",
                "last_name": "Brandt",
                "role": "lead",
            },
            {
                "username": "laura.schmidt",
                "first_name": "Laura",
                "last_name": "Schmidt",
                "role": "lead",
            },
            {
                "username": "mikkel.sorensen",
                "first_name": "Mikkel",
                "last_name": "Sørensen",
                "role": "lead",
            },
            {
                "username": "ida.winther",
                "first_name": "Ida",
                "last_name": "Winther",
                "role": "lead",
            },
            {
                "username": "oliver.krogh",
                "first_name": "Oliver",
                "last_name": "Krogh",
                "role": "lead",
            },
            {
                "username": "clara.vidal",
                "first_name": "Clara",
                "last_name": "Vidal",
                "role": "lead",
            },
            {
                "username": "lukas.meyer",
                "first_name": "Lukas",
                "last_name": "Meyer",
                "role": "lead",
            },
            {
                "username": "anders.moller",
                "first_name": "Anders",
                "last_name": "Møller",
                "role": "member",
            },
            {
                "username": "nanna.frost",
                "first_name": "Nanna",
                "last_name": "Frost",
                "role": "member",
            },
            {
                "username": "victor.hansen",
                "first_name": "Victor",
                "last_name": "Hansen",
                "role": "member",
            },
            {
                "username": "karoline.bak",
                "first_name": "Karoline",
                "last_name": "Bak",
                "role": "member",
            },
            {
                "username": "peter.skov",
                "first_name": "Peter",
                "last_name": "Skov",
                "role": "member",
            },
            {
                "username": "amalie.juhl",
                "first_name": "Amalie",
                "last_name": "Juhl",
                "role": "member",
            },
            {
                "username": "sara.lindqvist",
                "first_name": "Sara",
                "last_name": "Lindqvist",
                "role": "member",
            },
            {
                "username": "tobias.eriksen",
                "first_name": "Tobias",
                "last_name": "Eriksen",
                "role": "member",
            },
            {
                "username": "julia.wagner",
                "first_name": "Julia",
                "last_name": "Wagner",
                "role": "member",
            },
            {
                "username": "marco.rossi",
                "first_name": "Marco",
                "last_name": "Rossi",
                "role": "member",
            },
            {
                "username": "hanna.poulsen",
                "first_name": "Hanna",
                "last_name": "Poulsen",
                "role": "member",
            },
            {
                "username": "niels.bech",
                "first_name": "Niels",
                "last_name": "Bech",
                "role": "viewer",
            },
            {
                "username": "birgitte.aagaard",
                "first_name": "Birgitte",
                "last_name": "Aagaard",
                "role": "viewer",
            },
        ],
        "teams": [
            {
                "key": "company",
                "name": "Fieldreel",
                "kind": "company",
                "parent": None,
                "leads": ["mette.holm"],
                "members": [
                    "rasmus.dahl",
                    "freja.nielsen",
                    "jonas.kjaer",
                    "emil.brandt",
                    "laura.schmidt",
                    "niels.bech",
                    "birgitte.aagaard",
                ],
            },
            {
                "key": "product",
                "name": "Product",
                "kind": "department",
                "parent": "company",
                "leads": ["rasmus.dahl"],
                "members": ["mikkel.sorensen", "ida.winther"],
            },
            {
                "key": "engineering",
                "name": "Engineering",
                "kind": "department",
                "parent": "company",
                "leads": ["freja.nielsen"],
                "members": ["oliver.krogh"],
            },
            {
                "key": "product-ops",
                "name": "Product Ops",
                "kind": "department",
                "parent": "company",
                "leads": ["jonas.kjaer"],
                "members": ["sofie.lund"],
            },
            {
                "key": "customer-success",
                "name": "Customer Success",
                "kind": "department",
                "parent": "company",
                "leads": ["emil.brandt"],
                "members": ["clara.vidal", "hanna.poulsen"],
            },
            {
                "key": "sales",
                "name": "Sales",
                "kind": "department",
                "parent": "company",
                "leads": ["laura.schmidt"],
                "members": ["lukas.meyer"],
            },
            {
                "key": "product-capture",
                "name": "Capture squad",
                "kind": "team",
                "parent": "product",
                "leads": ["mikkel.sorensen"],
                "members": ["anders.moller", "nanna.frost"],
            },
            {
                "key": "product-highlights",
                "name": "Highlights & Analysis squad",
                "kind": "team",
                "parent": "product",
                "leads": ["ida.winther"],
                "members": ["victor.hansen", "karoline.bak"],
            },
            {
                "key": "eng-platform",
                "name": "Video Platform",
                "kind": "team",
                "parent": "engineering",
                "leads": ["oliver.krogh"],
                "members": ["peter.skov", "amalie.juhl"],
            },
            {
                "key": "cs-support",
                "name": "Club Support",
                "kind": "team",
                "parent": "customer-success",
                "leads": ["clara.vidal"],
                "members": ["sara.lindqvist", "tobias.eriksen", "hanna.poulsen"],
            },
            {
                "key": "sales-emea",
                "name": "EMEA Clubs & Federations",
                "kind": "team",
                "parent": "sales",
                "leads": ["lukas.meyer"],
                "members": ["julia.wagner", "marco.rossi"],
            },
        ],
        "cycles": [
            {"key": "previous", "status": "closed", "quarter_offset": -1},
            {"key": "current", "status": "active", "quarter_offset": 0},
        ],
        "objectives": [
            {
                "key": "o-prev-company",
                "cycle": "previous",
                "team": "company",
                "title": "Prove that clubs will pay for a whole season, not just a tournament",
                "description": (
                    "Tournament passes brought volume but little repeat revenue. This quarter "
                    "tests whether clubs commit to a season when the offer and onboarding are "
                    "built for it."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": 0.67,
                "key_results": [
                    {
                        "key": "kr-prev-company-paying-clubs",
                        "title": "Grow paying clubs from 4,100 to 5,200",
                        "metric": "paying clubs",
                        "unit": "clubs",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 4100,
                        "target": 5200,
                        "weight": 1,
                        "owner": "mette.holm",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 4160,
                                "confidence": 7,
                                "note": "Season plan launched in Denmark and Sweden.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 42,
                                "value": 4390,
                                "confidence": 6,
                                "note": "Germany slower than planned.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 70,
                                "value": 4620,
                                "confidence": 6,
                                "note": "End-of-season tournaments converted well.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 88,
                                "value": 4750,
                                "confidence": 5,
                                "note": "Closing at about 60% of the target.",
                                "author": "mette.holm",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-company-annual-plans",
                        "title": (
                            "Raise the share of new clubs choosing an annual plan from 35% to 55%"
                        ),
                        "metric": "new clubs on annual plans",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 35,
                        "target": 55,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 38,
                                "confidence": 6,
                                "note": "Annual plan price shown first on the pricing page.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 56,
                                "value": 42,
                                "confidence": 5,
                                "note": "Clubs want to pay per season, not per calendar year.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 84,
                                "value": 45,
                                "confidence": 5,
                                "note": "Season-aligned billing needed; carried into next quarter.",
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-company-retention",
                        "title": "Raise 90-day club retention from 61% to 70%",
                        "metric": "90-day club retention",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 61,
                        "target": 70,
                        "weight": 1,
                        "owner": "emil.brandt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 62.5,
                                "confidence": 7,
                                "note": "Onboarding calls started for new clubs.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 56,
                                "value": 64.0,
                                "confidence": 6,
                                "note": "Churned clubs mostly never recorded a match.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 86,
                                "value": 66.5,
                                "confidence": 6,
                                "note": "Ending at 66.5%. First match day matters most.",
                                "author": "emil.brandt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-company-danish-federation",
                        "title": "Renew the Danish national federation agreement for three seasons",
                        "metric": "three-season renewal signed",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "mette.holm",
                        "deadline_day": None,
                        "chance_of_success": 0.75,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 0,
                                "confidence": 7,
                                "note": "Proposal accepted in principle.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 49,
                                "value": 0,
                                "confidence": 8,
                                "note": "Final draft with the federation's board.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 63,
                                "value": 1,
                                "confidence": 10,
                                "note": "Signed on day 61 for three seasons.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 84,
                                "value": 1,
                                "confidence": 10,
                                "note": "Rollout to regional associations started.",
                                "author": "mette.holm",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-product",
                "cycle": "previous",
                "team": "product",
                "title": "Give clubs a reason to record every match of the season",
                "description": (
                    "Clubs that record only tournaments do not renew. A season view and clips that "
                    "get watched should turn occasional recording into a weekly routine."
                ),
                "commitment": "committed",
                "aligned_to": "kr-prev-company-annual-plans",
                "contributes": False,
                "final_score": 0.75,
                "key_results": [
                    {
                        "key": "kr-prev-product-matches-per-club",
                        "title": "Raise recorded matches per active club per month from 5.2 to 7.0",
                        "metric": "recorded matches per active club per month",
                        "unit": "matches",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 5.2,
                        "target": 7.0,
                        "weight": 1,
                        "owner": "rasmus.dahl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 5.3,
                                "confidence": 7,
                                "note": "Fixture import from league calendars in beta.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 42,
                                "value": 5.8,
                                "confidence": 7,
                                "note": "Reminder the evening before a fixture.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 70,
                                "value": 6.3,
                                "confidence": 7,
                                "note": "Fixture import live in four countries.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 88,
                                "value": 6.5,
                                "confidence": 7,
                                "note": (
                                    "Closing at 6.5: clubs using fixture import record 7.4 a "
                                    "month, the rest 5.1."
                                ),
                                "author": "rasmus.dahl",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-product-season-view",
                        "title": (
                            "Raise clubs using the season dashboard every month from 12% to 30%"
                        ),
                        "metric": "clubs using the season dashboard monthly",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 12,
                        "target": 30,
                        "weight": 1,
                        "owner": "ida.winther",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 15,
                                "confidence": 7,
                                "note": "Season dashboard beta for 200 clubs.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 56,
                                "value": 21,
                                "confidence": 8,
                                "note": "Released to all clubs.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 84,
                                "value": 25,
                                "confidence": 8,
                                "note": "Coaches use it, club admins rarely do.",
                                "author": "ida.winther",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-product-unwatched",
                        "title": "Cut matches with no clip opened within 7 days from 48% to 35%",
                        "metric": "matches with no clip opened within 7 days",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 48,
                        "target": 35,
                        "weight": 1,
                        "owner": "ida.winther",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 47,
                                "confidence": 6,
                                "note": "Auto-clips sent by email.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 56,
                                "value": 44,
                                "confidence": 5,
                                "note": "Emails opened, clips not.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 84,
                                "value": 42,
                                "confidence": 5,
                                "note": "Sharing to parents is the missing piece; next quarter.",
                                "author": "ida.winther",
                            },
                        ],
                        "initiatives": [],
                    },
                    # weak: logins_views
                    {
                        "key": "kr-prev-product-page-views",
                        "title": (
                            "Increase highlight page views from 1.1 million to 1.5 million a month"
                        ),
                        "metric": "highlight page views per month",
                        "unit": "views",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 1_100_000,
                        "target": 1_500_000,
                        "weight": 1,
                        "owner": "rasmus.dahl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 1_210_000,
                                "confidence": 8,
                                "note": "Growing.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 56,
                                "value": 1_340_000,
                                "confidence": 8,
                                "note": "Parents forward links in team chats.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 84,
                                "value": 1_460_000,
                                "confidence": 8,
                                "note": "Close to target.",
                                "author": "rasmus.dahl",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-engineering",
                "cycle": "previous",
                "team": "engineering",
                "title": "Stop losing matches between the pitch and the cloud",
                "description": (
                    "Every lost match is a support ticket, an angry parent and a reason not to "
                    "renew."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": 0.77,
                "key_results": [
                    {
                        "key": "kr-prev-eng-lost-matches",
                        "title": "Cut matches lost before the upload completes from 1.9% to 0.8%",
                        "metric": "matches lost before upload completes",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 1.9,
                        "target": 0.8,
                        "weight": 1,
                        "owner": "freja.nielsen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 1.8,
                                "confidence": 7,
                                "note": "Local copy kept until the server confirms.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 42,
                                "value": 1.3,
                                "confidence": 8,
                                "note": "Upload retries with back-off.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 70,
                                "value": 1.0,
                                "confidence": 8,
                                "note": "Background upload on iOS.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 88,
                                "value": 0.9,
                                "confidence": 8,
                                "note": (
                                    "0.9% at close; the rest are phones switched off mid-upload."
                                ),
                                "author": "freja.nielsen",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-eng-lead-time",
                        "title": (
                            "Cut median lead time from merge to production from 4 days to 1 day"
                        ),
                        "metric": "median lead time, merge to production",
                        "unit": "days",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 4,
                        "target": 1,
                        "weight": 1,
                        "owner": "freja.nielsen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 3.1,
                                "confidence": 7,
                                "note": "Manual QA gate replaced by automated smoke tests.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 56,
                                "value": 1.8,
                                "confidence": 8,
                                "note": "Daily release train.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 84,
                                "value": 1.3,
                                "confidence": 8,
                                "note": "App store review is what is left.",
                                "author": "freja.nielsen",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-eng-saturday-incidents",
                        "title": (
                            "Bring Saturday incidents that block uploads down to at most 2 a month"
                        ),
                        "metric": "Saturday incidents blocking uploads per month",
                        "unit": "incidents",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 5,
                        "target": 2,
                        "weight": 1,
                        "owner": "oliver.krogh",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 30,
                                "value": 4,
                                "confidence": 7,
                                "note": "No deploys on Friday afternoon or Saturday.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 60,
                                "value": 3,
                                "confidence": 7,
                                "note": "On-call rota covers Saturdays.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 88,
                                "value": 2.5,
                                "confidence": 7,
                                "note": "Average of the last two months.",
                                "author": "oliver.krogh",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-eng-upload-time",
                        "title": (
                            "Keep p95 upload time for a 90-minute match at or below 25 minutes"
                        ),
                        "metric": "p95 upload time for a 90-minute match",
                        "unit": "min",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 31,
                        "target": 25,
                        "weight": 1,
                        "owner": "oliver.krogh",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 30,
                                "value": 30,
                                "confidence": 6,
                                "note": "Parallel chunk upload in testing.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 60,
                                "value": 28,
                                "confidence": 6,
                                "note": "Parallel upload live on Android.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 88,
                                "value": 27,
                                "confidence": 6,
                                "note": "Rural 3G pitches keep the tail long.",
                                "author": "oliver.krogh",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-productops",
                "cycle": "previous",
                "team": "product-ops",
                "title": "Make our planning numbers honest enough to bet on",
                "description": (
                    "Roadmap commitments slipped every quarter and nobody trusted the estimates. "
                    "First we make the gap visible, then we shrink it."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": 0.58,
                "key_results": [
                    {
                        "key": "kr-prev-ops-cost-gap",
                        "title": (
                            "Cut the average gap between estimated and actual feature cost from "
                            "41% to 25%"
                        ),
                        "metric": "average estimate-vs-actual feature cost gap",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 41,
                        "target": 25,
                        "weight": 1,
                        "owner": "jonas.kjaer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 41,
                                "confidence": 6,
                                "note": "Actual cost now tracked per feature, not per team.",
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 42,
                                "value": 38,
                                "confidence": 5,
                                "note": "Estimates still done in one meeting without references.",
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 70,
                                "value": 36,
                                "confidence": 5,
                                "note": "Big platform epics dominate the gap.",
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 88,
                                "value": 34,
                                "confidence": 5,
                                "note": "Reference-class sizing planned for next quarter.",
                                "author": "jonas.kjaer",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-ops-roadmap-delivery",
                        "title": (
                            "Raise committed roadmap items delivered within the quarter from 48% "
                            "to 70%"
                        ),
                        "metric": "committed roadmap items delivered in quarter",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 48,
                        "target": 70,
                        "weight": 1,
                        "owner": "sofie.lund",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 52,
                                "confidence": 6,
                                "note": "Fewer commitments per squad this quarter.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 56,
                                "value": 57,
                                "confidence": 6,
                                "note": "Dependencies on Platform still block two squads.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 84,
                                "value": 61,
                                "confidence": 6,
                                "note": "61% at close; every miss had a dependency on Platform.",
                                "author": "sofie.lund",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-ops-kpi-lag",
                        "title": (
                            "Cut days from match weekend to a trusted weekly KPI report from 6 to 1"
                        ),
                        "metric": "days from match weekend to weekly KPI report",
                        "unit": "days",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 6,
                        "target": 1,
                        "weight": 1,
                        "owner": "sofie.lund",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 4,
                                "confidence": 7,
                                "note": "Warehouse jobs run Sunday night.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 56,
                                "value": 3,
                                "confidence": 7,
                                "note": "Manual spreadsheet step removed.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 84,
                                "value": 2,
                                "confidence": 7,
                                "note": "Report ready on Tuesday morning.",
                                "author": "sofie.lund",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-ops-planning-days",
                        "title": "Cut quarterly planning time per squad from 9 days to 4",
                        "metric": "planning days per squad per quarter",
                        "unit": "days",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 9,
                        "target": 4,
                        "weight": 1,
                        "owner": "jonas.kjaer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 30,
                                "value": 9,
                                "confidence": 6,
                                "note": "Measured from calendars of the last planning round.",
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 85,
                                "value": 6.5,
                                "confidence": 5,
                                "note": (
                                    "One-page OKR draft replaced the long planning deck; "
                                    "dependency mapping still takes three days."
                                ),
                                "author": "jonas.kjaer",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-cs",
                "cycle": "previous",
                "team": "customer-success",
                "title": "Get every new club to a good first match day",
                "description": (
                    "Churn interviews told us the same story: the camera arrived, nobody got it "
                    "working, and the club gave up before the first match."
                ),
                "commitment": "committed",
                "aligned_to": "kr-prev-company-retention",
                "contributes": True,
                "final_score": 0.7,
                "key_results": [
                    {
                        "key": "kr-prev-cs-first-match",
                        "title": (
                            "Raise new clubs recording a match within 14 days of delivery from 58% "
                            "to 80%"
                        ),
                        "metric": "new clubs recording within 14 days",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 58,
                        "target": 80,
                        "weight": 1,
                        "owner": "hanna.poulsen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 60,
                                "confidence": 7,
                                "note": "Welcome call offered to every new club.",
                                "author": "hanna.poulsen",
                            },
                            {
                                "day": 42,
                                "value": 66,
                                "confidence": 7,
                                "note": "Calls booked by 70% of clubs.",
                                "author": "hanna.poulsen",
                            },
                            {
                                "day": 70,
                                "value": 71,
                                "confidence": 7,
                                "note": "Video guide in five languages.",
                                "author": "hanna.poulsen",
                            },
                            {
                                "day": 88,
                                "value": 74,
                                "confidence": 7,
                                "note": (
                                    "Closing at 74%; clubs that skipped the welcome call stay near "
                                    "60%."
                                ),
                                "author": "hanna.poulsen",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Welcome call for every new club",
                                "status": "done",
                                "link": "",
                            },
                            {
                                "title": "Setup video guide in five languages",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-prev-cs-qbr",
                        "title": (
                            "Raise business review coverage of clubs over 300 players from 40% to "
                            "90%"
                        ),
                        "metric": "clubs over 300 players with a quarterly review",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 40,
                        "target": 90,
                        "weight": 1,
                        "owner": "emil.brandt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 55,
                                "confidence": 7,
                                "note": "Review template with usage numbers per team.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 56,
                                "value": 68,
                                "confidence": 7,
                                "note": "Reviews combined with renewal talks.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 84,
                                "value": 78,
                                "confidence": 7,
                                "note": "78% at close; the rest are clubs without a named admin.",
                                "author": "emil.brandt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-cs-never-worked",
                        "title": "Cut churn reasons citing 'never got it working' from 31% to 15%",
                        "metric": "churn reasons: never got it working",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 31,
                        "target": 15,
                        "weight": 1,
                        "owner": "emil.brandt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 30,
                                "value": 29,
                                "confidence": 6,
                                "note": "Exit survey made mandatory in the cancel flow.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 60,
                                "value": 24,
                                "confidence": 6,
                                "note": "Welcome calls reach the clubs that struggle.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 88,
                                "value": 21,
                                "confidence": 6,
                                "note": (
                                    "21% at close; what remains is mostly Wi-Fi at the club house."
                                ),
                                "author": "emil.brandt",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-sales",
                "cycle": "previous",
                "team": "sales",
                "title": "Turn tournament buyers into season subscribers",
                "description": (
                    "Thousands of clubs bought a tournament pass last year. They already trust the "
                    "camera; the season plan should be an easy next step."
                ),
                "commitment": "committed",
                "aligned_to": "kr-prev-company-paying-clubs",
                "contributes": True,
                "final_score": 0.49,
                "key_results": [
                    {
                        "key": "kr-prev-sales-conversion",
                        "title": "Raise tournament-pass to season-plan conversion from 9% to 18%",
                        "metric": "tournament-pass to season-plan conversion",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 9,
                        "target": 18,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 9.5,
                                "confidence": 6,
                                "note": "Upgrade offer emailed after each tournament.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 42,
                                "value": 10.8,
                                "confidence": 5,
                                "note": (
                                    "Offer arrives too late; clubs have already planned their "
                                    "season budget."
                                ),
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 70,
                                "value": 11.9,
                                "confidence": 5,
                                "note": "Offer moved to before the tournament.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 88,
                                "value": 12.5,
                                "confidence": 4,
                                "note": "Ending at 12.5%. Budget timing matters more than price.",
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-sales-new-arr",
                        "title": "Add EUR 1.8M of new club ARR",
                        "metric": "new club ARR signed",
                        "unit": "EUR M",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1.8,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 0.3,
                                "confidence": 6,
                                "note": "Slow start in Germany.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 56,
                                "value": 0.7,
                                "confidence": 6,
                                "note": "Nordic season plans sold well.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 84,
                                "value": 1.1,
                                "confidence": 5,
                                "note": (
                                    "EUR 1.1M at close; the Swedish deal was the missing piece."
                                ),
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-sales-swedish-federation",
                        "title": "Sign the Swedish national youth federation partnership",
                        "metric": "partnership contract signed",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": None,
                        "chance_of_success": 0.35,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 0,
                                "confidence": 4,
                                "note": "Federation prefers a tender process.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 56,
                                "value": 0,
                                "confidence": 3,
                                "note": "Tender postponed to next year.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 84,
                                "value": 0,
                                "confidence": 1,
                                "note": "Not happening this quarter.",
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [],
                    },
                    # weak: activity
                    {
                        "key": "kr-prev-sales-trade-fairs",
                        "title": "Attend 6 regional football trade fairs",
                        "metric": "trade fairs attended",
                        "unit": "fairs",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 6,
                        "weight": 1,
                        "owner": "lukas.meyer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 2,
                                "confidence": 8,
                                "note": "Cologne and Aarhus done.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 56,
                                "value": 4,
                                "confidence": 8,
                                "note": "Utrecht and Malmö done.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 84,
                                "value": 6,
                                "confidence": 9,
                                "note": "All six attended.",
                                "author": "lukas.meyer",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-capture",
                "cycle": "previous",
                "team": "product-capture",
                "title": "Make recording a match a one-tap habit",
                "description": (
                    "If starting a recording takes more than a tap, parents forget it in the "
                    "excitement of kick-off."
                ),
                "commitment": "committed",
                "aligned_to": "kr-prev-product-matches-per-club",
                "contributes": True,
                "final_score": 0.75,
                "key_results": [
                    {
                        "key": "kr-prev-capture-widget",
                        "title": "Raise matches started from the lock-screen widget from 0% to 40%",
                        "metric": "matches started from the lock-screen widget",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 40,
                        "weight": 1,
                        "owner": "mikkel.sorensen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 4,
                                "confidence": 6,
                                "note": "Widget live on iOS.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 42,
                                "value": 18,
                                "confidence": 7,
                                "note": "Widget live on Android.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 70,
                                "value": 27,
                                "confidence": 7,
                                "note": "Widget promoted in the setup wizard.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 88,
                                "value": 31,
                                "confidence": 7,
                                "note": "31% at close; few Android users add widgets at all.",
                                "author": "mikkel.sorensen",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-capture-crashes",
                        "title": (
                            "Cut recording sessions that end in an app crash from 1.2% to 0.4%"
                        ),
                        "metric": "recording sessions ending in a crash",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 1.2,
                        "target": 0.4,
                        "weight": 1,
                        "owner": "anders.moller",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 0.9,
                                "confidence": 7,
                                "note": "Memory leak in the preview fixed.",
                                "author": "anders.moller",
                            },
                            {
                                "day": 56,
                                "value": 0.7,
                                "confidence": 7,
                                "note": "Crash reporting on all devices.",
                                "author": "anders.moller",
                            },
                            {
                                "day": 84,
                                "value": 0.55,
                                "confidence": 7,
                                "note": "Old Android devices make up most of the rest.",
                                "author": "anders.moller",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-capture-audio",
                        "title": (
                            "Bring audio desync complaints down to at most 5 per 1,000 matches"
                        ),
                        "metric": "audio desync complaints per 1,000 matches",
                        "unit": "complaints",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 9,
                        "target": 5,
                        "weight": 1,
                        "owner": "anders.moller",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 8,
                                "confidence": 6,
                                "note": "Timestamps now come from the camera clock.",
                                "author": "anders.moller",
                            },
                            {
                                "day": 56,
                                "value": 6.5,
                                "confidence": 7,
                                "note": "Fix live on iOS.",
                                "author": "anders.moller",
                            },
                            {
                                "day": 84,
                                "value": 6,
                                "confidence": 7,
                                "note": "Bluetooth microphones still drift.",
                                "author": "anders.moller",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-capture-android-1080p",
                        "title": (
                            "Raise Android phones passing the 1080p recording check from 71% to 85%"
                        ),
                        "metric": "Android phones passing the 1080p check",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 71,
                        "target": 85,
                        "weight": 1,
                        "owner": "nanna.frost",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 74,
                                "confidence": 6,
                                "note": "Test lab with 40 common models.",
                                "author": "nanna.frost",
                            },
                            {
                                "day": 56,
                                "value": 77,
                                "confidence": 6,
                                "note": "Encoder settings per chipset.",
                                "author": "nanna.frost",
                            },
                            {
                                "day": 84,
                                "value": 80,
                                "confidence": 6,
                                "note": "Samsung A-series encoder bug found; fix next quarter.",
                                "author": "nanna.frost",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-highlights",
                "cycle": "previous",
                "team": "product-highlights",
                "title": "Put the whole season on one screen for coaches",
                "description": (
                    "Coaches asked for the season, not single matches: who played, what improved, "
                    "which moments to show the team."
                ),
                "commitment": "committed",
                "aligned_to": "kr-prev-product-season-view",
                "contributes": True,
                "final_score": 0.91,
                "key_results": [
                    {
                        "key": "kr-prev-highlights-dashboard-use",
                        "title": (
                            "Raise coaches opening the season dashboard at least twice a month "
                            "from 8% to 20%"
                        ),
                        "metric": "coaches opening the season dashboard twice a month",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 8,
                        "target": 20,
                        "weight": 1,
                        "owner": "ida.winther",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 11,
                                "confidence": 7,
                                "note": "Beta with 200 clubs.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 56,
                                "value": 17,
                                "confidence": 8,
                                "note": "Released to everyone.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 84,
                                "value": 22,
                                "confidence": 9,
                                "note": "Above target. Was 20% too modest?",
                                "author": "ida.winther",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-highlights-load-time",
                        "title": "Cut season dashboard p75 load time on 4G from 6.5 to 2.5 seconds",
                        "metric": "season dashboard p75 load time on 4G",
                        "unit": "s",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 6.5,
                        "target": 2.5,
                        "weight": 1,
                        "owner": "victor.hansen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 4.9,
                                "confidence": 7,
                                "note": "Pre-computed season aggregates.",
                                "author": "victor.hansen",
                            },
                            {
                                "day": 56,
                                "value": 3.4,
                                "confidence": 8,
                                "note": "Thumbnails lazy-loaded.",
                                "author": "victor.hansen",
                            },
                            {
                                "day": 84,
                                "value": 2.8,
                                "confidence": 8,
                                "note": (
                                    "2.8 s at close; thumbnails on slow networks are the last gap."
                                ),
                                "author": "victor.hansen",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-highlights-player-tags",
                        "title": "Raise clips tagged to a named player from 15% to 40%",
                        "metric": "clips tagged to a named player",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 15,
                        "target": 40,
                        "weight": 1,
                        "owner": "karoline.bak",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 21,
                                "confidence": 7,
                                "note": "Shirt-number recognition in beta.",
                                "author": "karoline.bak",
                            },
                            {
                                "day": 56,
                                "value": 29,
                                "confidence": 8,
                                "note": "Squad lists imported from the club app.",
                                "author": "karoline.bak",
                            },
                            {
                                "day": 84,
                                "value": 35,
                                "confidence": 8,
                                "note": (
                                    "35% at close; shirt numbers are unreadable in 720p footage."
                                ),
                                "author": "karoline.bak",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-platform",
                "cycle": "previous",
                "team": "eng-platform",
                "title": "Give every upload a second chance",
                "description": "Bad coverage at the pitch should delay an upload, never lose it.",
                "commitment": "committed",
                "aligned_to": "kr-prev-eng-lost-matches",
                "contributes": True,
                "final_score": 0.68,
                "key_results": [
                    {
                        "key": "kr-prev-platform-resume",
                        "title": "Raise uploads resumed after a dropped connection from 20% to 57%",
                        "metric": "uploads resumed after a dropped connection",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 20,
                        "target": 57,
                        "weight": 1,
                        "owner": "peter.skov",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 22,
                                "confidence": 7,
                                "note": "Chunked upload protocol designed.",
                                "author": "peter.skov",
                            },
                            {
                                "day": 42,
                                "value": 38,
                                "confidence": 8,
                                "note": "Resume on iOS.",
                                "author": "peter.skov",
                            },
                            {
                                "day": 70,
                                "value": 51,
                                "confidence": 8,
                                "note": "Resume on Android in beta.",
                                "author": "peter.skov",
                            },
                            {
                                "day": 88,
                                "value": 57,
                                "confidence": 8,
                                "note": "Target reached.",
                                "author": "peter.skov",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-platform-queue",
                        "title": (
                            "Cut p95 processing queue wait at the Saturday peak from 65 to 30 "
                            "minutes"
                        ),
                        "metric": "p95 queue wait, Saturday 15:00-18:00",
                        "unit": "min",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 65,
                        "target": 30,
                        "weight": 1,
                        "owner": "oliver.krogh",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 60,
                                "confidence": 6,
                                "note": "Autoscaling on queue length.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 56,
                                "value": 52,
                                "confidence": 6,
                                "note": "Spot GPU instances added.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 84,
                                "value": 48,
                                "confidence": 5,
                                "note": "Spot capacity unreliable at the peak.",
                                "author": "oliver.krogh",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-platform-storage",
                        "title": "Cut storage cost per match-hour from EUR 0.24 to EUR 0.15",
                        "metric": "storage cost per match-hour",
                        "unit": "EUR",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 0.24,
                        "target": 0.15,
                        "weight": 1,
                        "owner": "amalie.juhl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 0.23,
                                "confidence": 6,
                                "note": "Storage classes analysed.",
                                "author": "amalie.juhl",
                            },
                            {
                                "day": 56,
                                "value": 0.21,
                                "confidence": 6,
                                "note": "Raw files compressed after processing.",
                                "author": "amalie.juhl",
                            },
                            {
                                "day": 84,
                                "value": 0.19,
                                "confidence": 6,
                                "note": "Cold tier postponed to next quarter.",
                                "author": "amalie.juhl",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-support",
                "cycle": "previous",
                "team": "cs-support",
                "title": "Fix match-day problems while the match is still on",
                "description": "Support worked office hours while clubs play at weekends.",
                "commitment": "committed",
                "aligned_to": "kr-prev-cs-never-worked",
                "contributes": False,
                "final_score": 0.62,
                "key_results": [
                    {
                        "key": "kr-prev-support-first-response",
                        "title": (
                            "Cut median first response on Saturday tickets from 6 hours to 2 hours"
                        ),
                        "metric": "median first response, Saturday tickets",
                        "unit": "hours",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 6,
                        "target": 2,
                        "weight": 1,
                        "owner": "clara.vidal",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 5.2,
                                "confidence": 6,
                                "note": "Volunteer Saturday shifts.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 56,
                                "value": 4.1,
                                "confidence": 6,
                                "note": "Shifts cover mornings only.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 84,
                                "value": 3.5,
                                "confidence": 6,
                                "note": "A paid weekend rota is needed.",
                                "author": "clara.vidal",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-support-csat",
                        "title": "Keep ticket CSAT at or above 90%",
                        "metric": "ticket CSAT",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "at_least",
                        "baseline": 91,
                        "target": 90,
                        "weight": 1,
                        "owner": "clara.vidal",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 92.0,
                                "confidence": 8,
                                "note": "Holding with the volunteer Saturday shifts.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 56,
                                "value": 93.1,
                                "confidence": 8,
                                "note": "Saved replies for match-day issues lifted scores.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 84,
                                "value": 93.5,
                                "confidence": 8,
                                "note": "Ending at 93.5%.",
                                "author": "clara.vidal",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-support-helpful-articles",
                        "title": "Raise help-centre articles rated helpful from 48% to 65%",
                        "metric": "help-centre article helpful rating",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 48,
                        "target": 65,
                        "weight": 1,
                        "owner": "sara.lindqvist",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 49,
                                "confidence": 5,
                                "note": "Top 20 articles rewritten.",
                                "author": "sara.lindqvist",
                            },
                            {
                                "day": 56,
                                "value": 52,
                                "confidence": 5,
                                "note": "Screenshots updated for app 5.0.",
                                "author": "sara.lindqvist",
                            },
                            {
                                "day": 84,
                                "value": 54,
                                "confidence": 5,
                                "note": "Readers want videos, not text.",
                                "author": "sara.lindqvist",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-support-ticket-rate",
                        "title": "Cut tickets per 100 active clubs per week from 14 to 10",
                        "metric": "tickets per 100 active clubs per week",
                        "unit": "tickets",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 14,
                        "target": 10,
                        "weight": 1,
                        "owner": "tobias.eriksen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 13.5,
                                "confidence": 6,
                                "note": "Top ticket causes shared with Capture.",
                                "author": "tobias.eriksen",
                            },
                            {
                                "day": 56,
                                "value": 12.8,
                                "confidence": 6,
                                "note": "Setup questions still the largest group.",
                                "author": "tobias.eriksen",
                            },
                            {
                                "day": 84,
                                "value": 12.0,
                                "confidence": 6,
                                "note": "12 at close; magic-link login halved password tickets.",
                                "author": "tobias.eriksen",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-prev-emea",
                "cycle": "previous",
                "team": "sales-emea",
                "title": "Build a repeatable way to sell to German clubs",
                "description": (
                    "Germany has the most youth teams in Europe and our smallest share. We need a "
                    "sales motion that works there before we scale the team."
                ),
                "commitment": "committed",
                "aligned_to": "kr-prev-sales-new-arr",
                "contributes": True,
                "final_score": 0.56,
                "key_results": [
                    {
                        "key": "kr-prev-emea-german-clubs",
                        "title": "Grow paying German clubs from 210 to 400",
                        "metric": "paying clubs in Germany",
                        "unit": "clubs",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 210,
                        "target": 400,
                        "weight": 1,
                        "owner": "lukas.meyer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 222,
                                "confidence": 6,
                                "note": "German-speaking account executive started.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 42,
                                "value": 248,
                                "confidence": 5,
                                "note": "Clubs ask for a federation recommendation first.",
                                "author": "julia.wagner",
                            },
                            {
                                "day": 70,
                                "value": 281,
                                "confidence": 5,
                                "note": "Regional pilot in Bavaria agreed.",
                                "author": "julia.wagner",
                            },
                            {
                                "day": 88,
                                "value": 300,
                                "confidence": 5,
                                "note": (
                                    "300 at close: German clubs wait for a federation "
                                    "recommendation."
                                ),
                                "author": "lukas.meyer",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-emea-demo-to-trial",
                        "title": "Raise demo-to-trial conversion in DACH from 25% to 40%",
                        "metric": "demo-to-trial conversion, DACH",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 25,
                        "target": 40,
                        "weight": 1,
                        "owner": "julia.wagner",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 29,
                                "confidence": 6,
                                "note": "Demos held at the club ground, not over video.",
                                "author": "julia.wagner",
                            },
                            {
                                "day": 56,
                                "value": 33,
                                "confidence": 7,
                                "note": "Trial camera left after the demo.",
                                "author": "julia.wagner",
                            },
                            {
                                "day": 84,
                                "value": 35,
                                "confidence": 7,
                                "note": (
                                    "35% at close; trials without a coach at the demo convert "
                                    "poorly."
                                ),
                                "author": "julia.wagner",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-prev-emea-trial-to-paid",
                        "title": "Cut median days from trial to paid in DACH from 38 to 25",
                        "metric": "median days from trial to paid, DACH",
                        "unit": "days",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 38,
                        "target": 25,
                        "weight": 1,
                        "owner": "marco.rossi",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 36,
                                "confidence": 6,
                                "note": "Club committees meet once a month.",
                                "author": "marco.rossi",
                            },
                            {
                                "day": 56,
                                "value": 33,
                                "confidence": 6,
                                "note": "Committee-ready summary sent after each trial.",
                                "author": "marco.rossi",
                            },
                            {
                                "day": 84,
                                "value": 31,
                                "confidence": 6,
                                "note": "31 days at close; committees still meet once a month.",
                                "author": "marco.rossi",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-company",
                "cycle": "current",
                "team": "company",
                "title": "Make Fieldreel the camera every youth club keeps for next season",
                "description": (
                    "A club renews when the camera works on its first match day and the coaches "
                    "use the footage in Monday's training. This quarter retention comes before new "
                    "logos."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-company-retention",
                        "title": "Raise 90-day club retention from 68% to 80%",
                        "metric": "90-day club retention",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 68,
                        "target": 80,
                        "weight": 1,
                        "owner": "emil.brandt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 69.0,
                                "confidence": 7,
                                "note": (
                                    "First cohort on the new onboarding call script is holding up "
                                    "better; too early to call it."
                                ),
                                "author": "emil.brandt",
                            },
                            {
                                "day": 28,
                                "value": 71.5,
                                "confidence": 7,
                                "note": (
                                    "Clubs that recorded in week one retain at 84%; the rest at "
                                    "52%. First match day is the lever."
                                ),
                                "author": "emil.brandt",
                            },
                            {
                                "day": 42,
                                "value": 73.0,
                                "confidence": 6,
                                "note": (
                                    "Two Dutch academies left after the price change, otherwise "
                                    "every cohort is trending up."
                                ),
                                "author": "emil.brandt",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Guided onboarding call within 48 hours of delivery",
                                "status": "in_progress",
                                "link": "",
                            },
                            {
                                "title": "Renewal playbook for clubs under 100 players",
                                "status": "planned",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-company-first-match",
                        "title": (
                            "Cut median days from camera delivery to first recorded match from 9 "
                            "to 3"
                        ),
                        "metric": "median days from delivery to first recorded match",
                        "unit": "days",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 9,
                        "target": 3,
                        "weight": 1,
                        "owner": "rasmus.dahl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 8.0,
                                "confidence": 7,
                                "note": "Pre-paired cameras leave the warehouse from this week.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 28,
                                "value": 6.5,
                                "confidence": 7,
                                "note": (
                                    "Setup wizard v2 live for everyone; the median moved a full "
                                    "day in a fortnight."
                                ),
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 42,
                                "value": 5.0,
                                "confidence": 8,
                                "note": (
                                    "Weekend deliveries now arrive on Thursday instead of Monday, "
                                    "so clubs record the same weekend."
                                ),
                                "author": "rasmus.dahl",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Ship cameras pre-paired to the club account",
                                "status": "done",
                                "link": "",
                            },
                            {
                                "title": "Move courier cut-off so kits arrive before the weekend",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-company-arr",
                        "title": "Grow club subscription ARR from EUR 21.4M to EUR 24.0M",
                        "metric": "club subscription ARR",
                        "unit": "EUR M",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 21.4,
                        "target": 24.0,
                        "weight": 1,
                        "owner": "mette.holm",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 21.7,
                                "confidence": 6,
                                "note": "Renewal month for the Nordic clubs went well.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 28,
                                "value": 22.3,
                                "confidence": 6,
                                "note": "Federation deals in the Netherlands started billing.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 42,
                                "value": 22.6,
                                "confidence": 6,
                                "note": (
                                    "Only EUR 0.3M this fortnight: German pipeline waits for the "
                                    "federation decision."
                                ),
                                "author": "mette.holm",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-company-germany",
                        "title": "Sign the national youth federation partnership in Germany",
                        "metric": "partnership contract signed",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": 80,
                        "chance_of_success": 0.45,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 0,
                                "confidence": 5,
                                "note": (
                                    "Term sheet is with the federation's lawyers; their board "
                                    "meets in week 9."
                                ),
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 42,
                                "value": 0,
                                "confidence": 4,
                                "note": (
                                    "Board meeting pushed back two weeks and the data-processing "
                                    "annex is still open."
                                ),
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Data-processing annex reviewed by our DPO",
                                "status": "in_progress",
                                "link": "",
                            },
                            {
                                "title": "Pilot results pack for the federation board",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    # weak: vanity
                    {
                        "key": "kr-cur-company-matches",
                        "title": "Reach 2 million total recorded matches",
                        "metric": "total recorded matches",
                        "unit": "matches",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 1_840_000,
                        "target": 2_000_000,
                        "weight": 1,
                        "owner": "mette.holm",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 1_872_000,
                                "confidence": 9,
                                "note": "On pace.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 28,
                                "value": 1_905_500,
                                "confidence": 9,
                                "note": "Tournament weekend in Jutland added 14,000 matches.",
                                "author": "mette.holm",
                            },
                            {
                                "day": 42,
                                "value": 1_941_000,
                                "confidence": 9,
                                "note": "Still on pace for 2 million before the cycle ends.",
                                "author": "mette.holm",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-product",
                "cycle": "current",
                "team": "product",
                "title": "Turn every recorded match into something a coach uses on Monday",
                "description": (
                    "Recording is solved for most clubs; value is not. Coaches who review footage "
                    "keep the subscription, so the product has to make review quick and sharing "
                    "natural."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-company-retention",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-product-coach-weekly",
                        "title": (
                            "Raise clubs where a coach opens match analysis every week from 31% to "
                            "45%"
                        ),
                        "metric": "clubs with weekly coach analysis sessions",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 31,
                        "target": 45,
                        "weight": 1,
                        "owner": "rasmus.dahl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 32.5,
                                "confidence": 7,
                                "note": "Monday digest email went out to all coaches.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 28,
                                "value": 35.0,
                                "confidence": 7,
                                "note": (
                                    "Digest opens are high, clicks through to analysis low; "
                                    "testing a clip-first layout."
                                ),
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 42,
                                "value": 37.8,
                                "confidence": 7,
                                "note": "Clip-first digest won the test: +9% click-through.",
                                "author": "rasmus.dahl",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Monday digest with three auto-picked clips",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-product-setup-success",
                        "title": "Raise first-attempt camera setup success from 74% to 90%",
                        "metric": "first-attempt setup success",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 74,
                        "target": 90,
                        "weight": 1,
                        "owner": "mikkel.sorensen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 76.0,
                                "confidence": 7,
                                "note": "Wizard v2 at 50% rollout.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 28,
                                "value": 81.0,
                                "confidence": 8,
                                "note": "Wizard v2 fully rolled out.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 42,
                                "value": 84.0,
                                "confidence": 8,
                                "note": "Android encoder fix helped older Samsung phones.",
                                "author": "mikkel.sorensen",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-product-parent-share",
                        "title": (
                            "Raise matches with at least one clip shared to parents from 22% to 35%"
                        ),
                        "metric": "matches with a clip shared to parents",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 22,
                        "target": 35,
                        "weight": 1,
                        "owner": "ida.winther",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 23.0,
                                "confidence": 6,
                                "note": "Share sheet redesign in development.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 28,
                                "value": 24.1,
                                "confidence": 5,
                                "note": (
                                    "Redesign slipped to sprint 5; GDPR review of parent links "
                                    "took longer than planned."
                                ),
                                "author": "ida.winther",
                            },
                            {
                                "day": 42,
                                "value": 24.6,
                                "confidence": 4,
                                "note": (
                                    "Still waiting on the consent flow. Will not reach 35% without "
                                    "it."
                                ),
                                "author": "ida.winther",
                            },
                        ],
                        "initiatives": [
                            {"title": "Share sheet redesign", "status": "in_progress", "link": ""},
                            {
                                "title": "Parental consent flow for clip links",
                                "status": "in_progress",
                                "link": "",
                            },
                        ],
                    },
                    # weak: logins_views
                    {
                        "key": "kr-cur-product-logins",
                        "title": "Increase monthly app logins from 410,000 to 500,000",
                        "metric": "monthly app logins",
                        "unit": "logins",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 410_000,
                        "target": 500_000,
                        "weight": 1,
                        "owner": "rasmus.dahl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 418_000,
                                "confidence": 8,
                                "note": "League restart gave logins a lift.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 28,
                                "value": 436_000,
                                "confidence": 8,
                                "note": "Push reminder before kick-off is working.",
                                "author": "rasmus.dahl",
                            },
                            {
                                "day": 42,
                                "value": 452_000,
                                "confidence": 8,
                                "note": "Steady growth.",
                                "author": "rasmus.dahl",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-engineering",
                "cycle": "current",
                "team": "engineering",
                "title": "Make uploads boringly reliable on any pitch and any network",
                "description": (
                    "A match that never reaches the cloud is a match the club paid for and lost. "
                    "Rural pitches with poor coverage are where we lose most of them."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-company-first-match",
                "contributes": False,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-eng-upload-failure",
                        "title": "Cut failed match uploads from 4.1% to 1.5%",
                        "metric": "failed match uploads",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 4.1,
                        "target": 1.5,
                        "weight": 1,
                        "owner": "freja.nielsen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 3.8,
                                "confidence": 7,
                                "note": "Resumable uploads on iOS at full rollout.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 28,
                                "value": 3.0,
                                "confidence": 8,
                                "note": "Android resumable uploads at 100% since day 26.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 42,
                                "value": 2.4,
                                "confidence": 8,
                                "note": (
                                    "Remaining failures are mostly phones running out of storage "
                                    "mid-match."
                                ),
                                "author": "freja.nielsen",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Resumable uploads on Android and iOS",
                                "status": "done",
                                "link": "",
                            },
                            {
                                "title": "Warn before kick-off when phone storage is low",
                                "status": "planned",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-eng-processing",
                        "title": "Process at least 95% of uploaded matches within 30 minutes",
                        "metric": "matches processed within 30 minutes",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "at_least",
                        "baseline": 88,
                        "target": 95,
                        "weight": 1,
                        "owner": "oliver.krogh",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 89.0,
                                "confidence": 6,
                                "note": "Weekday numbers fine, Saturday peak is the problem.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 28,
                                "value": 90.5,
                                "confidence": 6,
                                "note": "Autoscaling tuned for the 15:00-18:00 peak.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 42,
                                "value": 90.2,
                                "confidence": 5,
                                "note": "Two Saturdays without spot GPUs wiped out the gain.",
                                "author": "oliver.krogh",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-eng-cost",
                        "title": "Keep cloud video cost per recorded match at or below EUR 0.42",
                        "metric": "cloud video cost per recorded match",
                        "unit": "EUR",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 0.51,
                        "target": 0.42,
                        "weight": 1,
                        "owner": "freja.nielsen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 0.5,
                                "confidence": 6,
                                "note": "Cold storage tier for matches older than 90 days is live.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 28,
                                "value": 0.47,
                                "confidence": 6,
                                "note": "Lower default bitrate for youth 7-a-side matches.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 42,
                                "value": 0.46,
                                "confidence": 6,
                                "note": (
                                    "Spot shortages forced on-demand GPUs two weekends in a row; "
                                    "cost crept back up."
                                ),
                                "author": "freja.nielsen",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-eng-iso",
                        "title": "Pass the ISO 27001 stage 2 certification audit",
                        "metric": "ISO 27001 certificate issued",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "freja.nielsen",
                        "deadline_day": 75,
                        "chance_of_success": 0.7,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 0,
                                "confidence": 7,
                                "note": "Auditor booked for day 70.",
                                "author": "freja.nielsen",
                            },
                            {
                                "day": 35,
                                "value": 0,
                                "confidence": 8,
                                "note": (
                                    "Stage 1 closed with two minor findings, both already fixed."
                                ),
                                "author": "freja.nielsen",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Access review for all production systems",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                ],
            },
            {
                "key": "o-cur-productops",
                "cycle": "current",
                "team": "product-ops",
                "title": "Put our people where the value is, and know it with numbers",
                "description": (
                    "Squads keep telling us capacity goes to the wrong places. Instead of counting "
                    "how many teams follow the OKR process, we measure whether planning and "
                    "allocation got better."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-ops-cost-gap",
                        "title": (
                            "Cut the average gap between estimated and actual feature cost from "
                            "34% to 15%"
                        ),
                        "metric": "average estimate-vs-actual feature cost gap",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 34,
                        "target": 15,
                        "weight": 1,
                        "owner": "jonas.kjaer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 33.0,
                                "confidence": 6,
                                "note": "Baseline confirmed on the last 40 closed features.",
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 28,
                                "value": 27.0,
                                "confidence": 6,
                                "note": (
                                    "Squads now size with reference features; ten closed features "
                                    "this fortnight."
                                ),
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 42,
                                "value": 24.0,
                                "confidence": 6,
                                "note": (
                                    "Two platform epics still ran 60% over and pull the average up."
                                ),
                                "author": "jonas.kjaer",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Reference-class sizing with past features",
                                "status": "done",
                                "link": "",
                            },
                            {
                                "title": "Re-estimate any feature that passes 120% of its estimate",
                                "status": "in_progress",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-ops-unmapped-work",
                        "title": (
                            "Cut the share of sprint work that maps to no key result from 38% to "
                            "15%"
                        ),
                        "metric": "sprint points with no linked key result",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 38,
                        "target": 15,
                        "weight": 1,
                        "owner": "sofie.lund",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 35.0,
                                "confidence": 7,
                                "note": "Backlog items now carry a key-result field.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 28,
                                "value": 29.0,
                                "confidence": 7,
                                "note": "Highlights squad cut a whole epic that served nothing.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 42,
                                "value": 23.0,
                                "confidence": 7,
                                "note": (
                                    "Most of what is left is support escalations; they need their "
                                    "own key result."
                                ),
                                "author": "sofie.lund",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-ops-status-hours",
                        "title": (
                            "Cut the hours each lead spends compiling status reports from 5 to 1.5 "
                            "a week"
                        ),
                        "metric": "weekly hours per lead on status reporting",
                        "unit": "hours",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 5,
                        "target": 1.5,
                        "weight": 1,
                        "owner": "jonas.kjaer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 4.6,
                                "confidence": 7,
                                "note": "Survey of all nine leads repeated every fortnight.",
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 28,
                                "value": 3.4,
                                "confidence": 7,
                                "note": (
                                    "Live dashboard replaced the Thursday status deck in four of "
                                    "five departments."
                                ),
                                "author": "jonas.kjaer",
                            },
                            {
                                "day": 42,
                                "value": 2.9,
                                "confidence": 7,
                                "note": "Sales still rebuilds pipeline numbers by hand.",
                                "author": "jonas.kjaer",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Retire the Thursday status deck",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-ops-tools",
                        "title": "Bring the tools a squad must update every week down to at most 4",
                        "metric": "tools updated weekly per squad",
                        "unit": "tools",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 7,
                        "target": 4,
                        "weight": 1,
                        "owner": "sofie.lund",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 7,
                                "confidence": 7,
                                "note": "Inventory done: 7 tools, 3 of them hold the same data.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 28,
                                "value": 6,
                                "confidence": 7,
                                "note": "Roadmap spreadsheet retired.",
                                "author": "sofie.lund",
                            },
                            {
                                "day": 42,
                                "value": 5,
                                "confidence": 7,
                                "note": "Sprint wiki pages replaced by the tracker's sprint goal.",
                                "author": "sofie.lund",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-cs",
                "cycle": "current",
                "team": "customer-success",
                "title": "Be the reason a club renews, not the reason it calls",
                "description": (
                    "Clubs that get a good first match day stay. Customer Success moves from "
                    "answering problems to preventing them in the first two weeks."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-company-retention",
                "contributes": False,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-cs-onboarded",
                        "title": (
                            "Raise clubs completing guided onboarding within 14 days from 52% to "
                            "75%"
                        ),
                        "metric": "clubs onboarded within 14 days",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 52,
                        "target": 75,
                        "weight": 1,
                        "owner": "hanna.poulsen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 55.0,
                                "confidence": 7,
                                "note": "Call booking link added to the delivery email.",
                                "author": "hanna.poulsen",
                            },
                            {
                                "day": 28,
                                "value": 61.0,
                                "confidence": 8,
                                "note": "Evening call slots for volunteer coaches filled up first.",
                                "author": "hanna.poulsen",
                            },
                            {
                                "day": 42,
                                "value": 66.0,
                                "confidence": 8,
                                "note": "Added two more evening slots per week.",
                                "author": "hanna.poulsen",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Evening onboarding slots for volunteer coaches",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-cs-red-accounts",
                        "title": "Cut renewals flagged red 60 days before renewal from 18% to 10%",
                        "metric": "renewals with a red health score at 60 days",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 18,
                        "target": 10,
                        "weight": 1,
                        "owner": "emil.brandt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 18.0,
                                "confidence": 5,
                                "note": "No change yet.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 28,
                                "value": 17.5,
                                "confidence": 4,
                                "note": (
                                    "The health score still leans on logins, so it flags the wrong "
                                    "clubs."
                                ),
                                "author": "emil.brandt",
                            },
                            {
                                "day": 42,
                                "value": 16.0,
                                "confidence": 4,
                                "note": (
                                    "Rebuilding the score on recorded matches per week; ready "
                                    "around day 55."
                                ),
                                "author": "emil.brandt",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Health score based on recorded matches per week",
                                "status": "in_progress",
                                "link": "",
                            },
                        ],
                    },
                    # weak: no_target
                    {
                        "key": "kr-cur-cs-coach-satisfaction",
                        "title": "Improve coach satisfaction",
                        "metric": "satisfaction",
                        "unit": "",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "emil.brandt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 0.3,
                                "confidence": 5,
                                "note": "Coaches sound happier on calls.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 42,
                                "value": 0.5,
                                "confidence": 5,
                                "note": "Good feedback from the clubs around Aarhus.",
                                "author": "emil.brandt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-cs-nps",
                        "title": "Keep club admin NPS at or above 40",
                        "metric": "club admin NPS",
                        "unit": "points",
                        "kind": "metric",
                        "direction": "at_least",
                        "baseline": 44,
                        "target": 40,
                        "weight": 1,
                        "owner": "emil.brandt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 45,
                                "confidence": 7,
                                "note": "Survey sent to 600 club admins.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 28,
                                "value": 42,
                                "confidence": 6,
                                "note": "Price-change emails cost us three points.",
                                "author": "emil.brandt",
                            },
                            {
                                "day": 42,
                                "value": 41,
                                "confidence": 6,
                                "note": (
                                    "Detractors mostly mention the price change, not the product."
                                ),
                                "author": "emil.brandt",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-sales",
                "cycle": "current",
                "team": "sales",
                "title": "Win federations, not only single clubs, in our core European markets",
                "description": (
                    "One federation deal brings hundreds of clubs at a lower cost of sale than "
                    "winning them one by one. We focus on Germany, the Netherlands and the "
                    "Nordics."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-company-arr",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-sales-new-arr",
                        "title": "Add EUR 1.6M of new club ARR this quarter",
                        "metric": "new club ARR signed",
                        "unit": "EUR M",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1.6,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 0.21,
                                "confidence": 6,
                                "note": "Nordic renewals season keeps the team busy.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 28,
                                "value": 0.58,
                                "confidence": 6,
                                "note": "Dutch federation clubs converting from pilot to paid.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 42,
                                "value": 0.74,
                                "confidence": 6,
                                "note": "German deals waiting for the federation decision.",
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-sales-federation-clubs",
                        "title": "Grow clubs onboarded through federation deals from 140 to 400",
                        "metric": "clubs onboarded via federation deals",
                        "unit": "clubs",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 140,
                        "target": 400,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 155,
                                "confidence": 6,
                                "note": "Dutch pilot clubs onboarding in batches of 20.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 28,
                                "value": 190,
                                "confidence": 5,
                                "note": "Batch size limited by onboarding call capacity.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 42,
                                "value": 231,
                                "confidence": 5,
                                "note": (
                                    "Group onboarding webinars started; should double the weekly "
                                    "rate."
                                ),
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-sales-cycle",
                        "title": (
                            "Cut the median sales cycle for clubs over 300 players from 74 to 50 "
                            "days"
                        ),
                        "metric": "median sales cycle, clubs over 300 players",
                        "unit": "days",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 74,
                        "target": 50,
                        "weight": 1,
                        "owner": "laura.schmidt",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 72,
                                "confidence": 7,
                                "note": "Standard security questionnaire answers published.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 28,
                                "value": 66,
                                "confidence": 7,
                                "note": "Board-ready one-pager for club committees.",
                                "author": "laura.schmidt",
                            },
                            {
                                "day": 42,
                                "value": 61,
                                "confidence": 7,
                                "note": "Committee meetings remain the bottleneck.",
                                "author": "laura.schmidt",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Board-ready one-pager for club committees",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-sales-dutch-pilot",
                        "title": "Sign the Dutch regional federation deal covering 120 clubs",
                        "metric": "regional federation contract signed",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "lukas.meyer",
                        "deadline_day": None,
                        "chance_of_success": 0.6,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 0,
                                "confidence": 6,
                                "note": "Pilot review meeting went well.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 42,
                                "value": 0,
                                "confidence": 6,
                                "note": "Contract in their legal review; price agreed.",
                                "author": "lukas.meyer",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-capture",
                "cycle": "current",
                "team": "product-capture",
                "title": "Make the first match day with a Fieldreel camera just work",
                "description": (
                    "Volunteer parents set up the camera ten minutes before kick-off, often in the "
                    "rain. Every step we remove is a match that gets recorded."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-product-setup-success",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-capture-setup-time",
                        "title": "Cut median camera setup time at the pitch from 14 to 5 minutes",
                        "metric": "median setup time at the pitch",
                        "unit": "min",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 14,
                        "target": 5,
                        "weight": 1,
                        "owner": "mikkel.sorensen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 12.5,
                                "confidence": 7,
                                "note": "Setup timer in the app gives us real numbers now.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 28,
                                "value": 9.0,
                                "confidence": 8,
                                "note": "Auto-framing calibration removed the manual corner step.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 42,
                                "value": 7.5,
                                "confidence": 8,
                                "note": (
                                    "Tripod mount redesign arrives with the next hardware batch."
                                ),
                                "author": "nanna.frost",
                            },
                        ],
                        "initiatives": [
                            {"title": "Auto-framing calibration", "status": "done", "link": ""},
                            {
                                "title": "Quick-release tripod mount",
                                "status": "in_progress",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-capture-pairing",
                        "title": (
                            "Raise first-attempt pairing between app and camera from 79% to 95%"
                        ),
                        "metric": "first-attempt pairing success",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 79,
                        "target": 95,
                        "weight": 1,
                        "owner": "anders.moller",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 81.0,
                                "confidence": 6,
                                "note": "Android encoder fix in review.",
                                "author": "anders.moller",
                            },
                            {
                                "day": 28,
                                "value": 86.0,
                                "confidence": 7,
                                "note": "Android encoder fix shipped on day 20.",
                                "author": "anders.moller",
                            },
                            {
                                "day": 42,
                                "value": 88.0,
                                "confidence": 6,
                                "note": "Bluetooth drops on older iPhones still open.",
                                "author": "anders.moller",
                            },
                        ],
                        "initiatives": [
                            {"title": "Android encoder fix", "status": "done", "link": ""},
                            {
                                "title": "Bluetooth reconnect on iOS",
                                "status": "in_progress",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-capture-battery",
                        "title": "Keep matches cut short by a flat battery at or below 2%",
                        "metric": "matches ended by a flat battery",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 3.4,
                        "target": 2.0,
                        "weight": 1,
                        "owner": "mikkel.sorensen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 3.3,
                                "confidence": 5,
                                "note": "Low-power preview mode ready for beta.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 28,
                                "value": 2.9,
                                "confidence": 5,
                                "note": "Beta helps on phones, not on the cameras.",
                                "author": "mikkel.sorensen",
                            },
                            {
                                "day": 42,
                                "value": 3.1,
                                "confidence": 4,
                                "note": (
                                    "Cold evening fixtures drain batteries faster than our lab "
                                    "tests predicted."
                                ),
                                "author": "mikkel.sorensen",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Cold-weather battery profile in firmware",
                                "status": "planned",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-capture-setup-tickets",
                        "title": "Cut setup-related tickets per 100 new cameras from 21 to 8",
                        "metric": "setup tickets per 100 new cameras",
                        "unit": "tickets",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 21,
                        "target": 8,
                        "weight": 1,
                        "owner": "nanna.frost",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 19,
                                "confidence": 7,
                                "note": "Ticket tagging agreed with Club Support.",
                                "author": "nanna.frost",
                            },
                            {
                                "day": 28,
                                "value": 14,
                                "confidence": 8,
                                "note": "Wizard v2 removed the two most common questions.",
                                "author": "nanna.frost",
                            },
                            {
                                "day": 42,
                                "value": 12,
                                "confidence": 8,
                                "note": "Remaining tickets are about Wi-Fi at club houses.",
                                "author": "nanna.frost",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-highlights",
                "cycle": "current",
                "team": "product-highlights",
                "title": "Give volunteer coaches a match review that fits in a lunch break",
                "description": (
                    "Most youth coaches are volunteers with a day job. If a review takes an "
                    "evening it does not happen; if it takes fifteen minutes it becomes a habit."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-product-coach-weekly",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-highlights-review-time",
                        "title": (
                            "Cut median time to build a 5-minute match review from 42 to 15 minutes"
                        ),
                        "metric": "median time to build a 5-minute review",
                        "unit": "min",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 42,
                        "target": 15,
                        "weight": 1,
                        "owner": "ida.winther",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 40,
                                "confidence": 6,
                                "note": "Measured from the editor's session logs.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 28,
                                "value": 33,
                                "confidence": 6,
                                "note": "Auto-suggested clips cut browsing time.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 42,
                                "value": 29,
                                "confidence": 6,
                                "note": (
                                    "Editor beta users at 17 minutes; the rest still on the old "
                                    "flow."
                                ),
                                "author": "ida.winther",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Auto-suggested clips in the review builder",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-highlights-auto-tags",
                        "title": (
                            "Raise auto-tagged goals and shots kept without edits from 61% to 80%"
                        ),
                        "metric": "auto-tags kept unedited",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 61,
                        "target": 80,
                        "weight": 1,
                        "owner": "karoline.bak",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 62.0,
                                "confidence": 7,
                                "note": "Labelled 4,000 youth-match clips for retraining.",
                                "author": "karoline.bak",
                            },
                            {
                                "day": 28,
                                "value": 66.0,
                                "confidence": 7,
                                "note": "New model handles small goals on 5-a-side pitches.",
                                "author": "karoline.bak",
                            },
                            {
                                "day": 42,
                                "value": 71.0,
                                "confidence": 7,
                                "note": "Shots from outside the box still confused with passes.",
                                "author": "karoline.bak",
                            },
                        ],
                        "initiatives": [],
                    },
                    # weak: activity
                    {
                        "key": "kr-cur-highlights-interviews",
                        "title": "Run 5 customer interviews with U13 coaches",
                        "metric": "customer interviews held",
                        "unit": "interviews",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 5,
                        "weight": 1,
                        "owner": "victor.hansen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 2,
                                "confidence": 9,
                                "note": "Two interviews in Odense.",
                                "author": "victor.hansen",
                            },
                            {
                                "day": 28,
                                "value": 4,
                                "confidence": 9,
                                "note": "Two more over video.",
                                "author": "victor.hansen",
                            },
                            {
                                "day": 42,
                                "value": 5,
                                "confidence": 10,
                                "note": "Done; notes are in the research folder.",
                                "author": "victor.hansen",
                            },
                        ],
                        "initiatives": [],
                    },
                    # weak: activity
                    {
                        "key": "kr-cur-highlights-editor",
                        "title": "Launch the new highlight editor",
                        "metric": "highlight editor launched",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "ida.winther",
                        "deadline_day": 60,
                        "chance_of_success": 0.8,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 0,
                                "confidence": 8,
                                "note": "Beta with 30 clubs.",
                                "author": "ida.winther",
                            },
                            {
                                "day": 42,
                                "value": 0,
                                "confidence": 6,
                                "note": "Launch slipped to sprint 6.",
                                "author": "ida.winther",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-platform",
                "cycle": "current",
                "team": "eng-platform",
                "title": "Keep Saturday afternoon calm for the video pipeline",
                "description": (
                    "Most youth matches end between 15:00 and 18:00 on Saturdays. The pipeline has "
                    "to absorb that peak without queues, outages or a surprise cloud bill."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-eng-processing",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-platform-queue",
                        "title": (
                            "Cut p95 processing queue wait at the Saturday peak from 48 to 20 "
                            "minutes"
                        ),
                        "metric": "p95 queue wait, Saturday 15:00-18:00",
                        "unit": "min",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 48,
                        "target": 20,
                        "weight": 1,
                        "owner": "oliver.krogh",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 46,
                                "confidence": 5,
                                "note": "Queue metrics split by region.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 28,
                                "value": 41,
                                "confidence": 5,
                                "note": "Priority lane for short 7-a-side matches.",
                                "author": "oliver.krogh",
                            },
                            {
                                "day": 42,
                                "value": 43,
                                "confidence": 3,
                                "note": (
                                    "Spot GPU capacity dried up two Saturdays running; quote for a "
                                    "reserved pool pending."
                                ),
                                "author": "oliver.krogh",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Priority lane for short matches",
                                "status": "done",
                                "link": "",
                            },
                            {
                                "title": "Reserved GPU pool for the Saturday peak",
                                "status": "planned",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-platform-resume",
                        "title": (
                            "Raise uploads that recover from a dropped network without user action "
                            "from 57% to 90%"
                        ),
                        "metric": "uploads resumed automatically after a network drop",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 57,
                        "target": 90,
                        "weight": 1,
                        "owner": "peter.skov",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 63,
                                "confidence": 8,
                                "note": "Chunked upload protocol live on iOS.",
                                "author": "peter.skov",
                            },
                            {
                                "day": 28,
                                "value": 78,
                                "confidence": 9,
                                "note": "Android at 100% since day 26.",
                                "author": "peter.skov",
                            },
                            {
                                "day": 42,
                                "value": 84,
                                "confidence": 9,
                                "note": "Left: uploads interrupted by the OS killing the app.",
                                "author": "peter.skov",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-platform-availability",
                        "title": "Keep upload API availability at or above 99.9%",
                        "metric": "upload API availability",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "at_least",
                        "baseline": 99.93,
                        "target": 99.9,
                        "weight": 1,
                        "owner": "amalie.juhl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 99.95,
                                "confidence": 8,
                                "note": "Quiet fortnight.",
                                "author": "amalie.juhl",
                            },
                            {
                                "day": 28,
                                "value": 99.87,
                                "confidence": 6,
                                "note": "47-minute incident on day 24 from a certificate rotation.",
                                "author": "amalie.juhl",
                            },
                            {
                                "day": 42,
                                "value": 99.91,
                                "confidence": 7,
                                "note": "Certificate rotation automated; back above the line.",
                                "author": "amalie.juhl",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-platform-storage",
                        "title": "Cut storage cost per match-hour from EUR 0.19 to EUR 0.13",
                        "metric": "storage cost per match-hour",
                        "unit": "EUR",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 0.19,
                        "target": 0.13,
                        "weight": 1,
                        "owner": "amalie.juhl",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 0.19,
                                "confidence": 6,
                                "note": "Lifecycle rules written, not applied yet.",
                                "author": "amalie.juhl",
                            },
                            {
                                "day": 28,
                                "value": 0.17,
                                "confidence": 7,
                                "note": "Cold tier live for matches older than 90 days.",
                                "author": "amalie.juhl",
                            },
                            {
                                "day": 42,
                                "value": 0.15,
                                "confidence": 7,
                                "note": "Duplicate raw uploads now deleted after processing.",
                                "author": "amalie.juhl",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-support",
                "cycle": "current",
                "team": "cs-support",
                "title": "Answer clubs fast enough that no match day is lost",
                "description": (
                    "A question on Saturday morning that gets an answer on Monday means a lost "
                    "match. Support has to be there when the games are played."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-support-first-response",
                        "title": (
                            "Cut median first response on match-day tickets from 3.5 hours to 30 "
                            "minutes"
                        ),
                        "metric": "median first response, match-day tickets",
                        "unit": "hours",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 3.5,
                        "target": 0.5,
                        "weight": 1,
                        "owner": "clara.vidal",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 2.8,
                                "confidence": 7,
                                "note": "Saturday rota with two agents from day 15.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 28,
                                "value": 1.6,
                                "confidence": 8,
                                "note": "Rota running; Sunday mornings still thin.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 42,
                                "value": 1.1,
                                "confidence": 8,
                                "note": "Canned answers for the ten most common match-day issues.",
                                "author": "sara.lindqvist",
                            },
                        ],
                        "initiatives": [
                            {"title": "Weekend support rota", "status": "done", "link": ""},
                        ],
                    },
                    {
                        "key": "kr-cur-support-troubleshooter",
                        "title": (
                            "Raise tickets solved by the in-app troubleshooter from 12% to 30%"
                        ),
                        "metric": "tickets solved in-app without an agent",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 12,
                        "target": 30,
                        "weight": 1,
                        "owner": "tobias.eriksen",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 13,
                                "confidence": 6,
                                "note": "Troubleshooter covers pairing only.",
                                "author": "tobias.eriksen",
                            },
                            {
                                "day": 28,
                                "value": 17,
                                "confidence": 6,
                                "note": "Added Wi-Fi and storage checks.",
                                "author": "tobias.eriksen",
                            },
                            {
                                "day": 42,
                                "value": 19,
                                "confidence": 5,
                                "note": (
                                    "Usage is low because the entry point is hidden in Settings."
                                ),
                                "author": "tobias.eriksen",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Troubleshooter entry point on the recording screen",
                                "status": "planned",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-support-csat",
                        "title": "Keep ticket CSAT at or above 92%",
                        "metric": "ticket CSAT",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "at_least",
                        "baseline": 93.5,
                        "target": 92,
                        "weight": 1,
                        "owner": "clara.vidal",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 94.0,
                                "confidence": 8,
                                "note": "Weekend rota well received.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 28,
                                "value": 93.0,
                                "confidence": 7,
                                "note": "Slight dip on billing tickets.",
                                "author": "clara.vidal",
                            },
                            {
                                "day": 42,
                                "value": 92.6,
                                "confidence": 7,
                                "note": "Billing questions after the price change pull it down.",
                                "author": "clara.vidal",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-support-reopened",
                        "title": "Cut reopened tickets from 9% to 5%",
                        "metric": "reopened tickets",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 9,
                        "target": 5,
                        "weight": 1,
                        "owner": "sara.lindqvist",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 8.7,
                                "confidence": 6,
                                "note": "Reopen reasons tagged since day 3.",
                                "author": "sara.lindqvist",
                            },
                            {
                                "day": 42,
                                "value": 8.9,
                                "confidence": 4,
                                "note": (
                                    "Reopens rose after app 5.2; Capture is fixing the pairing bug "
                                    "behind them."
                                ),
                                "author": "sara.lindqvist",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-cur-emea",
                "cycle": "current",
                "team": "sales-emea",
                "title": "Open Germany and the Netherlands through their federations",
                "description": (
                    "Federation pilots prove the product on real pitches; weekly recording clubs "
                    "are what convince a federation board to sign."
                ),
                "commitment": "committed",
                "aligned_to": "kr-cur-sales-federation-clubs",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-cur-emea-pilot-clubs",
                        "title": "Grow federation pilot clubs recording every week from 40 to 150",
                        "metric": "pilot clubs recording weekly",
                        "unit": "clubs",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 40,
                        "target": 150,
                        "weight": 1,
                        "owner": "lukas.meyer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 52,
                                "confidence": 6,
                                "note": "Dutch pilot clubs onboarding.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 28,
                                "value": 71,
                                "confidence": 6,
                                "note": "German pilot in Bavaria started with 25 clubs.",
                                "author": "julia.wagner",
                            },
                            {
                                "day": 42,
                                "value": 88,
                                "confidence": 6,
                                "note": "Group webinars in German doubled attendance.",
                                "author": "julia.wagner",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "German-language group onboarding webinars",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-cur-emea-win-rate",
                        "title": (
                            "Raise the win rate on qualified club opportunities from 18% to 26%"
                        ),
                        "metric": "win rate, qualified club opportunities",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 18,
                        "target": 26,
                        "weight": 1,
                        "owner": "lukas.meyer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 19.0,
                                "confidence": 6,
                                "note": "New qualification checklist in the CRM.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 28,
                                "value": 21.0,
                                "confidence": 6,
                                "note": "Reference calls with pilot clubs help.",
                                "author": "marco.rossi",
                            },
                            {
                                "day": 42,
                                "value": 20.5,
                                "confidence": 5,
                                "note": "Lost four Italian deals to a cheaper fixed-camera rival.",
                                "author": "marco.rossi",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-emea-discount",
                        "title": "Keep the average discount on new contracts at or below 12%",
                        "metric": "average discount on new contracts",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 17,
                        "target": 12,
                        "weight": 1,
                        "owner": "lukas.meyer",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 16.0,
                                "confidence": 7,
                                "note": "Discount approval now needs a second signature.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 28,
                                "value": 14.5,
                                "confidence": 7,
                                "note": "Annual prepay offered instead of discounts.",
                                "author": "lukas.meyer",
                            },
                            {
                                "day": 42,
                                "value": 13.2,
                                "confidence": 8,
                                "note": "Prepay taken by a third of new clubs.",
                                "author": "lukas.meyer",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-cur-emea-dpa",
                        "title": (
                            "Get the German federation's data protection officer to approve our "
                            "processing agreement"
                        ),
                        "metric": "processing agreement approved",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "julia.wagner",
                        "deadline_day": 60,
                        "chance_of_success": 0.55,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 0,
                                "confidence": 5,
                                "note": "Questions on where video of minors is stored.",
                                "author": "julia.wagner",
                            },
                            {
                                "day": 42,
                                "value": 1,
                                "confidence": 10,
                                "note": "Approved on day 40 with one clause on retention periods.",
                                "author": "julia.wagner",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
        ],
    },
    {
        "slug": "demo-coaching",
        "name": "Bussola Strategia",
        "language": "it",
        "vision": (
            "Aiutare le aziende di prodotto italiane a scegliere poche priorità e a misurare "
            "davvero se le stanno raggiungendo."
        ),
        "strategy": (
            "Lavoriamo con scale-up tra 50 e 500 persone in percorsi di 12 settimane con coaching "
            "settimanale. Cresciamo grazie ai clienti che rinnovano e ci presentano ad altri, non "
            "con la pubblicità."
        ),
        "people": [
            {
                "username": "giulia.ferri",
                "first_name": "Giulia",
                "last_name": "Ferri",
                "role": "admin",
            },
            {
                "username": "marco.bellini",
                "first_name": "Marco",
                "last_name": "Bellini",
                "role": "ops",
            },
            {
                "username": "chiara.romano",
                "first_name": "Chiara",
                "last_name": "Romano",
                "role": "lead",
            },
            {"username": "luca.gallo", "first_name": "Luca", "last_name": "Gallo", "role": "lead"},
            {
                "username": "francesca.conti",
                "first_name": "Francesca",
                "last_name": "Conti",
                "role": "lead",
            },
            {
                "username": "paolo.greco",
                "first_name": "Paolo",
                "last_name": "Greco",
                "role": "member",
            },
            {
                "username": "elena.marino",
                "first_name": "Elena",
                "last_name": "Marino",
                "role": "member",
            },
            {
                "username": "davide.costa",
                "first_name": "Davide",
                "last_name": "Costa",
                "role": "member",
            },
            {
                "username": "sara.ricci",
                "first_name": "Sara",
                "last_name": "Ricci",
                "role": "member",
            },
            {
                "username": "andrea.fontana",
                "first_name": "Andrea",
                "last_name": "Fontana",
                "role": "member",
            },
            {
                "username": "martina.villa",
                "first_name": "Martina",
                "last_name": "Villa",
                "role": "member",
            },
            {
                "username": "roberto.esposito",
                "first_name": "Roberto",
                "last_name": "Esposito",
                "role": "viewer",
            },
        ],
        "teams": [
            {
                "key": "company",
                "name": "Bussola Strategia",
                "kind": "company",
                "parent": None,
                "leads": ["giulia.ferri"],
                "members": [
                    "marco.bellini",
                    "chiara.romano",
                    "luca.gallo",
                    "francesca.conti",
                    "roberto.esposito",
                ],
            },
            {
                "key": "coaching",
                "name": "Coaching OKR",
                "kind": "team",
                "parent": "company",
                "leads": ["chiara.romano"],
                "members": ["paolo.greco", "elena.marino"],
            },
            {
                "key": "academy",
                "name": "Academy",
                "kind": "team",
                "parent": "company",
                "leads": ["luca.gallo"],
                "members": ["davide.costa", "sara.ricci"],
            },
            {
                "key": "growth",
                "name": "Crescita",
                "kind": "team",
                "parent": "company",
                "leads": ["francesca.conti"],
                "members": ["andrea.fontana", "martina.villa", "marco.bellini"],
            },
        ],
        "cycles": [
            {"key": "current", "status": "active", "quarter_offset": 0},
        ],
        "objectives": [
            {
                "key": "o-bs-company",
                "cycle": "current",
                "team": "company",
                "title": "Diventare il partner OKR che le scale-up di prodotto richiamano",
                "description": (
                    "Un cliente che rinnova o ci presenta a un'altra azienda vale più di qualsiasi "
                    "campagna. Questo trimestre misuriamo il valore che lasciamo, non le ore che "
                    "vendiamo."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-bs-company-renewal",
                        "title": (
                            "Aumentare i clienti che rinnovano dopo il primo percorso dal 55% al "
                            "70%"
                        ),
                        "metric": "clienti che rinnovano dopo il primo percorso",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 55,
                        "target": 70,
                        "weight": 1,
                        "owner": "giulia.ferri",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 56,
                                "confidence": 6,
                                "note": "Due rinnovi firmati, uno in sospeso per il budget.",
                                "author": "giulia.ferri",
                            },
                            {
                                "day": 28,
                                "value": 60,
                                "confidence": 6,
                                "note": "Il cliente logistico di Verona rinnova per sei mesi.",
                                "author": "giulia.ferri",
                            },
                            {
                                "day": 42,
                                "value": 62,
                                "confidence": 6,
                                "note": (
                                    "Chi arriva con KR misurabili al kickoff rinnova quasi sempre."
                                ),
                                "author": "giulia.ferri",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Review di fine percorso con i numeri del cliente",
                                "status": "in_progress",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-bs-company-referrals",
                        "title": (
                            "Portare i nuovi clienti arrivati da referral da 2 a 5 nel trimestre"
                        ),
                        "metric": "nuovi clienti da referral nel trimestre",
                        "unit": "clienti",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 2,
                        "target": 5,
                        "weight": 1,
                        "owner": "giulia.ferri",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 3,
                                "confidence": 5,
                                "note": "Una fintech di Torino presentata da un cliente attuale.",
                                "author": "giulia.ferri",
                            },
                            {
                                "day": 42,
                                "value": 3,
                                "confidence": 5,
                                "note": "Due trattative aperte, nessuna firmata.",
                                "author": "giulia.ferri",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-company-margin",
                        "title": "Mantenere il margine lordo per progetto ad almeno il 45%",
                        "metric": "margine lordo per progetto",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "at_least",
                        "baseline": 48,
                        "target": 45,
                        "weight": 1,
                        "owner": "marco.bellini",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 47,
                                "confidence": 7,
                                "note": "In linea.",
                                "author": "marco.bellini",
                            },
                            {
                                "day": 42,
                                "value": 44,
                                "confidence": 5,
                                "note": (
                                    "Troppe ore di coaching extra non fatturate su due clienti."
                                ),
                                "author": "marco.bellini",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-company-framework",
                        "title": (
                            "Firmare l'accordo quadro con l'associazione delle software house "
                            "lombarde"
                        ),
                        "metric": "accordo quadro firmato",
                        "unit": "",
                        "kind": "binary",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 1,
                        "weight": 1,
                        "owner": "giulia.ferri",
                        "deadline_day": 70,
                        "chance_of_success": 0.5,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 0,
                                "confidence": 5,
                                "note": "Proposta presentata al consiglio direttivo.",
                                "author": "giulia.ferri",
                            },
                            {
                                "day": 42,
                                "value": 0,
                                "confidence": 6,
                                "note": "Chiedono un pilota con tre associati prima di firmare.",
                                "author": "giulia.ferri",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-bs-coaching",
                "cycle": "current",
                "team": "coaching",
                "title": "Portare i clienti a OKR misurabili prima che il ciclo inizi",
                "description": (
                    "Se al kickoff i KR non hanno metrica, baseline e target, il resto del "
                    "trimestre si spende a discutere opinioni invece che numeri."
                ),
                "commitment": "committed",
                "aligned_to": "kr-bs-company-renewal",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-bs-coaching-measurable",
                        "title": (
                            "Aumentare i KR dei clienti con metrica, baseline e target al kickoff "
                            "dal 40% all'85%"
                        ),
                        "metric": "KR dei clienti misurabili al kickoff",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 40,
                        "target": 85,
                        "weight": 1,
                        "owner": "chiara.romano",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 48,
                                "confidence": 7,
                                "note": "Checklist di qualità dei KR usata in tutti i workshop.",
                                "author": "chiara.romano",
                            },
                            {
                                "day": 28,
                                "value": 63,
                                "confidence": 8,
                                "note": (
                                    "Sessione dedicata alle baseline una settimana prima del "
                                    "kickoff."
                                ),
                                "author": "elena.marino",
                            },
                            {
                                "day": 42,
                                "value": 71,
                                "confidence": 8,
                                "note": "Restano difficili i KR dei team di piattaforma.",
                                "author": "chiara.romano",
                            },
                        ],
                        "initiatives": [
                            {
                                "title": "Sessione baseline prima del kickoff",
                                "status": "done",
                                "link": "",
                            },
                        ],
                    },
                    {
                        "key": "kr-bs-coaching-first-checkin",
                        "title": (
                            "Ridurre i giorni dal kickoff al primo check-in dei clienti da 21 a 10"
                        ),
                        "metric": "giorni dal kickoff al primo check-in",
                        "unit": "giorni",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 21,
                        "target": 10,
                        "weight": 1,
                        "owner": "paolo.greco",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 19,
                                "confidence": 7,
                                "note": "Primo check-in fissato in agenda già al kickoff.",
                                "author": "paolo.greco",
                            },
                            {
                                "day": 28,
                                "value": 14,
                                "confidence": 8,
                                "note": "Promemoria automatici ai referenti.",
                                "author": "paolo.greco",
                            },
                            {
                                "day": 42,
                                "value": 12,
                                "confidence": 8,
                                "note": "Due clienti fanno già il check-in ogni due settimane.",
                                "author": "paolo.greco",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-coaching-client-score",
                        "title": "Portare lo score medio di fine ciclo dei clienti da 0,48 a 0,65",
                        "metric": "score medio di fine ciclo dei clienti",
                        "unit": "score",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0.48,
                        "target": 0.65,
                        "weight": 1,
                        "owner": "chiara.romano",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 28,
                                "value": 0.52,
                                "confidence": 6,
                                "note": "Stima sui cicli chiusi a metà trimestre.",
                                "author": "chiara.romano",
                            },
                            {
                                "day": 42,
                                "value": 0.55,
                                "confidence": 6,
                                "note": "Target più realistici aiutano, la calibrazione è lenta.",
                                "author": "chiara.romano",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-coaching-unbilled",
                        "title": (
                            "Ridurre le ore di coaching non fatturate per cliente a massimo 8 al "
                            "mese"
                        ),
                        "metric": "ore di coaching non fatturate per cliente al mese",
                        "unit": "ore",
                        "kind": "metric",
                        "direction": "at_most",
                        "baseline": 14,
                        "target": 8,
                        "weight": 1,
                        "owner": "elena.marino",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 13,
                                "confidence": 6,
                                "note": "Le ore extra ora si registrano nel gestionale.",
                                "author": "elena.marino",
                            },
                            {
                                "day": 42,
                                "value": 11,
                                "confidence": 6,
                                "note": "Pacchetto di ore aggiuntive proposto a due clienti.",
                                "author": "elena.marino",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-bs-academy",
                "cycle": "current",
                "team": "academy",
                "title": "Fare dell'Academy la porta d'ingresso ai percorsi di coaching",
                "description": (
                    "I corsi aperti portano persone motivate ma raramente diventano progetti. "
                    "Vogliamo capire quali partecipanti hanno un problema che il coaching risolve."
                ),
                "commitment": "committed",
                "aligned_to": None,
                "contributes": False,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-bs-academy-conversion",
                        "title": (
                            "Aumentare i partecipanti che diventano clienti di coaching entro 90 "
                            "giorni dal 4% al 10%"
                        ),
                        "metric": "partecipanti convertiti in clienti entro 90 giorni",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 4,
                        "target": 10,
                        "weight": 1,
                        "owner": "luca.gallo",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 5,
                                "confidence": 6,
                                "note": "Call di follow-up offerta a fine corso.",
                                "author": "luca.gallo",
                            },
                            {
                                "day": 42,
                                "value": 6.5,
                                "confidence": 6,
                                "note": (
                                    "Il corso per Head of Product converte meglio di quello base."
                                ),
                                "author": "luca.gallo",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-academy-rating",
                        "title": "Mantenere la valutazione media dei corsi ad almeno 4,5 su 5",
                        "metric": "valutazione media dei corsi",
                        "unit": "punti",
                        "kind": "metric",
                        "direction": "at_least",
                        "baseline": 4.6,
                        "target": 4.5,
                        "weight": 1,
                        "owner": "sara.ricci",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 4.7,
                                "confidence": 8,
                                "note": "Edizione di Milano molto apprezzata.",
                                "author": "sara.ricci",
                            },
                            {
                                "day": 42,
                                "value": 4.6,
                                "confidence": 8,
                                "note": "Chiesti più esempi su team non di prodotto.",
                                "author": "sara.ricci",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-academy-empty-seats",
                        "title": "Ridurre i posti vuoti nei corsi a calendario dal 30% al 12%",
                        "metric": "posti vuoti nei corsi a calendario",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 30,
                        "target": 12,
                        "weight": 1,
                        "owner": "davide.costa",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 27,
                                "confidence": 7,
                                "note": "Edizioni accorpate da quattro a tre.",
                                "author": "davide.costa",
                            },
                            {
                                "day": 28,
                                "value": 22,
                                "confidence": 7,
                                "note": "Lista d'attesa aperta sulle date piene.",
                                "author": "davide.costa",
                            },
                            {
                                "day": 42,
                                "value": 19,
                                "confidence": 7,
                                "note": "L'edizione online del mese prossimo è ancora mezza vuota.",
                                "author": "davide.costa",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
            {
                "key": "o-bs-growth",
                "cycle": "current",
                "team": "growth",
                "title": "Riempire la pipeline di aziende che hanno già il problema giusto",
                "description": (
                    "Le trattative migliori partono da un dolore chiaro: obiettivi che cambiano "
                    "ogni mese, team che lavorano su priorità diverse. Cerchiamo quelle aziende, "
                    "non volumi di contatti."
                ),
                "commitment": "committed",
                "aligned_to": "kr-bs-company-referrals",
                "contributes": True,
                "final_score": None,
                "key_results": [
                    {
                        "key": "kr-bs-growth-discovery-calls",
                        "title": "Aumentare le call di scoperta qualificate da 9 a 20 al mese",
                        "metric": "call di scoperta qualificate al mese",
                        "unit": "call",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 9,
                        "target": 20,
                        "weight": 1,
                        "owner": "francesca.conti",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 11,
                                "confidence": 7,
                                "note": "Criteri di qualifica condivisi con il team Coaching.",
                                "author": "francesca.conti",
                            },
                            {
                                "day": 28,
                                "value": 14,
                                "confidence": 7,
                                "note": "Webinar sugli OKR per Product Ops ha portato sei call.",
                                "author": "andrea.fontana",
                            },
                            {
                                "day": 42,
                                "value": 15,
                                "confidence": 6,
                                "note": (
                                    "Tre aziende rimandano a dopo la chiusura del budget annuale."
                                ),
                                "author": "francesca.conti",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-growth-win-rate",
                        "title": "Aumentare la conversione da proposta a contratto dal 28% al 40%",
                        "metric": "conversione da proposta a contratto",
                        "unit": "%",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 28,
                        "target": 40,
                        "weight": 1,
                        "owner": "francesca.conti",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 30,
                                "confidence": 5,
                                "note": "Proposte più corte, con un solo obiettivo di business.",
                                "author": "francesca.conti",
                            },
                            {
                                "day": 42,
                                "value": 29,
                                "confidence": 4,
                                "note": (
                                    "Due proposte perse sul prezzo contro formazione finanziata."
                                ),
                                "author": "francesca.conti",
                            },
                        ],
                        "initiatives": [],
                    },
                    # weak: activity
                    {
                        "key": "kr-bs-growth-blog-posts",
                        "title": "Pubblicare 8 articoli sul blog",
                        "metric": "articoli pubblicati",
                        "unit": "articoli",
                        "kind": "metric",
                        "direction": "increase",
                        "baseline": 0,
                        "target": 8,
                        "weight": 1,
                        "owner": "martina.villa",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 14,
                                "value": 3,
                                "confidence": 9,
                                "note": "Tre casi studio anonimizzati pubblicati.",
                                "author": "martina.villa",
                            },
                            {
                                "day": 28,
                                "value": 5,
                                "confidence": 9,
                                "note": "Due articoli sugli OKR per Product Ops.",
                                "author": "martina.villa",
                            },
                            {
                                "day": 42,
                                "value": 7,
                                "confidence": 9,
                                "note": "Manca un articolo.",
                                "author": "martina.villa",
                            },
                        ],
                        "initiatives": [],
                    },
                    {
                        "key": "kr-bs-growth-sales-cycle",
                        "title": "Ridurre il ciclo di vendita medio da 45 a 30 giorni",
                        "metric": "ciclo di vendita medio",
                        "unit": "giorni",
                        "kind": "metric",
                        "direction": "decrease",
                        "baseline": 45,
                        "target": 30,
                        "weight": 1,
                        "owner": "andrea.fontana",
                        "deadline_day": None,
                        "chance_of_success": None,
                        "check_ins": [
                            {
                                "day": 21,
                                "value": 44,
                                "confidence": 5,
                                "note": "Sessione di diagnosi gratuita come primo passo.",
                                "author": "andrea.fontana",
                            },
                            {
                                "day": 42,
                                "value": 40,
                                "confidence": 5,
                                "note": "Gli acquisti dei clienti grandi restano lenti.",
                                "author": "andrea.fontana",
                            },
                        ],
                        "initiatives": [],
                    },
                ],
            },
        ],
    },
]
