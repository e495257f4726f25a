"""The rationale rule of decisions and interventions (issue #15): a team that decides not to
act, or to enforce, must be able to account for it afterwards ("als het dan toch mis gaat is
het lastig om hier verantwoording over af te leggen"). Pure functions: the services apply
them, the forms use them to say why before they submit."""

from __future__ import annotations

import unicodedata
from datetime import date

from .framework_codes import ActionTypeCode, LadderRung

# FieldIssue problems (ui/messages.py words them): why this rationale cannot be left out.
NO_ACTION_RATIONALE = "rationale_no_action"
ENFORCEMENT_RATIONALE = "rationale_enforcement"
# A "come back to it" date that already passed.
IN_THE_PAST = "in_the_past"
IN_THE_FUTURE = "in_the_future"


def accountable(action_type: str | None, rung: str | None) -> str | None:
    """The problem to report when this action is taken without a rationale: GEEN_ACTIE and
    every rung of enforcement ("handhaving") have their own; None for the others (for a
    decision the rationale is required anyway, for an intervention it is optional)."""
    if action_type == ActionTypeCode.NO_ACTION:
        return NO_ACTION_RATIONALE
    if rung == LadderRung.ENFORCEMENT:
        return ENFORCEMENT_RATIONALE
    return None


def rationale_missing(value: object) -> bool:
    """Empty, only whitespace or invisible format characters, or not text at all."""
    return not isinstance(value, str) or blank(value)


def blank(text: str) -> bool:
    """Nothing a reader would see: whitespace and format characters (category Cf: zero-width
    space and joiners, BOM, direction marks, soft hyphen) print as nothing, so a rationale of
    only those accounts for nothing."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def return_problem(return_on: date, today: date) -> str | None:
    """A decision to come back to it names a day that is still to come (or today)."""
    return IN_THE_PAST if return_on < today else None
