"""Demo data of concerns as competing hypotheses: the working fields, the competing
hypotheses, the evidence matrix and the status history (read as strictly as the rest)."""

from __future__ import annotations

from typing import Any

from inspectorapp.domain import limits
from inspectorapp.domain.enums import ConcernRating
from inspectorapp.ids import new_id
from storage import models as m

from .concerns import rating_id
from .demo_reader import Reader

# Optional keys of a demo concern read here (beside those demo_capture reads).
CONCERN_KEYS = (
    "alternatives",
    "open_questions",
    "next_step",
    "next_step_owner",
    "next_step_due",
    "next_review_on",
    "hypotheses",
    "history",
)


def concern_fields(r: Reader, c: dict[str, Any], w: str) -> dict[str, Any]:
    """The concern's working columns."""
    return {
        "alternatives": r.text(f"{w}.alternatives", c.get("alternatives"), limits.LONG_TEXT),
        "open_questions": r.text(f"{w}.open_questions", c.get("open_questions"), limits.LONG_TEXT),
        "next_step": r.text(f"{w}.next_step", c.get("next_step"), limits.SHORT_TEXT),
        "next_step_owner": r.text(f"{w}.next_step_owner", c.get("next_step_owner"), limits.NAME),
        "next_step_due": r.day(f"{w}.next_step_due", c.get("next_step_due")),
        "next_review_on": r.day(f"{w}.next_review_on", c.get("next_review_on")),
    }


def concern_rows(
    r: Reader, c: dict[str, Any], w: str, cid: str, title: str, rated: list[tuple[str, str, Any]]
) -> list[Any]:
    """Hypothesis 0 (the statement) and the competing ones, the ratings of the attached
    signals (``rated``: where, signal id, the list of ratings in column order) and the
    status history."""
    columns = [m.ConcernHypothesis(id=new_id(), concern_id=cid, position=0, statement=title)]
    for k, h in enumerate(r.items(c, "hypotheses", w)):
        hw = f"{w}.hypotheses[{k}]"
        columns.append(
            m.ConcernHypothesis(
                id=new_id(), concern_id=cid, position=k + 1, statement=r.text(hw, h, limits.LONG_TEXT, True)
            )
        )
    rows: list[Any] = list(columns)
    for sw, sid, ratings in rated:
        if ratings is None:
            continue
        if not isinstance(ratings, list) or len(ratings) != len(columns):
            raise r.fail(f"{sw}.ratings", f"must be a list of {len(columns)} ratings or nulls")
        for col, value in zip(columns, ratings, strict=True):
            rating = r.choice(f"{sw}.ratings", value, ConcernRating, required=False)
            if rating is not None:
                rows.append(
                    m.EvidenceRating(
                        id=rating_id(col.id, sid), hypothesis_id=col.id, signal_id=sid, rating=rating
                    )
                )
    for k, step in enumerate(r.items(c, "history", w)):
        sw = f"{w}.history[{k}]"
        step = r.obj(step, sw, ("from", "to", "rationale", "changed_at"), ("changed_by", "decision"))
        rows.append(
            m.ConcernStatusChange(
                concern_id=cid,
                from_status=r.code(f"{sw}.from", step["from"], "concern_status", True),
                to_status=r.code(f"{sw}.to", step["to"], "concern_status", True),
                rationale=r.text(f"{sw}.rationale", step["rationale"], limits.SHORT_TEXT, True),
                changed_by=r.text(f"{sw}.changed_by", step.get("changed_by"), limits.NAME),
                changed_at=r.moment(f"{sw}.changed_at", step["changed_at"], True),
                decision_id=r.resolve(f"{sw}.decision", step.get("decision"), "decision"),
            )
        )
    return rows
