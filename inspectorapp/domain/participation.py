"""Participation in a group session, and the scales its observation scheme scores it
on. Pure rules: no storage, no I/O.

Participation: who spoke how much, by role category and by organisation, and how
dominant the top speaker was. The numbers describe, they never judge: the inspector
reads them beside the timeline ("the VVT executive had 43 % of the turns").

Scales: what a score on an item of the scheme (framework taxonomies observation_item
and dilemma) may hold, and when it needs evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .framework_codes import Scale
from .snapshots import Label, TimelineItem, TurnCount
from .validation import Checker

NO_ORGANISATION = Label("", "Zonder organisatie", "No organisation")


@dataclass(frozen=True)
class Attendee:
    """One participant as the summary sees them."""

    participant_id: str
    label: str
    category: Label  # role category (person_role parent), code = category code
    organisation: Label | None  # code = organisation id
    present: bool  # aanwezig or deels; an absent participant is listed with 0
    turns: int


@dataclass(frozen=True)
class Share:
    """Turns of one participant, role category or organisation."""

    key: str  # participant id | category code | organisation id ("" = none)
    label: Label
    turns: int
    share: float  # of all turns; 0.0 when nobody spoke
    participants: int  # attendees in this group
    present: int  # of them present


@dataclass(frozen=True)
class Dominance:
    top_participant_id: str | None  # None when nobody spoke (or a tie for first place)
    top_share: float  # share of the top speaker
    equal_share: float  # what each present attendee would have in an even meeting
    gini: float  # 0 = everybody present spoke equally, towards 1 = one person spoke


@dataclass(frozen=True)
class ParticipationSummary:
    total_turns: int
    by_participant: tuple[Share, ...]
    by_category: tuple[Share, ...]
    by_organisation: tuple[Share, ...]
    dominance: Dominance

    @property
    def absent(self) -> tuple[Share, ...]:
        return tuple(s for s in self.by_participant if s.present == 0)


def gini(values: Sequence[int]) -> float:
    """Gini coefficient of non-negative counts (mean absolute difference / 2 x mean)."""
    n, total = len(values), sum(values)
    if n < 2 or total == 0:
        return 0.0
    # sum_i sum_j |x_i - x_j| = 2 * sum_i (2i - n + 1) x_(i) over the ascending order
    # (i from 0), and 2 n^2 mean = 2 n total: the twos cancel.
    weighted = sum((2 * i - n + 1) * x for i, x in enumerate(sorted(values)))
    return weighted / (n * total)


def summarise(attendees: Iterable[Attendee]) -> ParticipationSummary:
    people = list(attendees)
    if any(a.turns < 0 for a in people):
        raise ValueError("turn counts are never negative")
    total = sum(a.turns for a in people)

    def group(key: Callable[[Attendee], Label]) -> tuple[Share, ...]:
        groups: dict[str, list[Attendee]] = {}
        labels: dict[str, Label] = {}
        for a in people:
            lab = key(a)
            groups.setdefault(lab.code, []).append(a)
            labels.setdefault(lab.code, lab)
        shares = []
        for code, members in groups.items():
            turns = sum(a.turns for a in members)
            present = sum(1 for a in members if a.present)
            shares.append(
                Share(code, labels[code], turns, turns / total if total else 0.0, len(members), present)
            )
        return tuple(sorted(shares, key=lambda s: (-s.turns, -s.present, s.label.nl, s.key)))

    present_turns = [a.turns for a in people if a.present]
    ranked = sorted(people, key=lambda a: -a.turns)
    top = ranked[0] if ranked and ranked[0].turns > 0 else None
    if top is not None and len(ranked) > 1 and ranked[1].turns == top.turns:
        top = None  # a shared first place has no single dominant speaker
    dominance = Dominance(
        top.participant_id if top else None,
        (ranked[0].turns / total) if total else 0.0,
        1 / len(present_turns) if present_turns else 0.0,
        gini(present_turns),
    )
    return ParticipationSummary(
        total,
        group(lambda a: Label(a.participant_id, a.label, a.label)),
        group(lambda a: a.category),
        group(lambda a: a.organisation or NO_ORGANISATION),
        dominance,
    )


def turns_per_minute(
    turns: Iterable[tuple[str, datetime]], captions: Mapping[str, str]
) -> list[TimelineItem]:
    """Speaking turns as timeline items, one per minute, with the count per participant."""
    minutes: dict[datetime, dict[str, int]] = {}
    for pid, at in turns:
        bucket = minutes.setdefault(at.replace(second=0, microsecond=0), {})
        bucket[pid] = bucket.get(pid, 0) + 1
    out = []
    for minute, per in sorted(minutes.items()):
        counts = tuple(
            TurnCount(pid, captions.get(pid, "?"), n) for pid, n in sorted(per.items(), key=lambda kv: -kv[1])
        )
        one = counts[0] if len(counts) == 1 else None
        text = ", ".join(f"{t.label} ×{t.count}" for t in counts)
        who, caption = (one.participant_id, one.label) if one else (None, None)
        out.append(TimelineItem(minute, "turns", None, None, None, text, who, caption, counts))
    return out


# Scales of the observation scheme

SCALE_BOUNDS: dict[str, tuple[int, int]] = {
    Scale.PRESENCE: (0, 2),
    Scale.BIPOLAR: (-2, 2),
    Scale.COUNT: (0, 100_000),
    Scale.PERCENT: (0, 100),
    Scale.BOOL: (0, 1),
}
SCALES = frozenset(Scale)


def scale_of(taxonomy: str, parent: str | None, attributes: Mapping[str, Any]) -> str | None:
    """The item's scale; dilemmas are bipolar; section headings (no parent) have none."""
    if parent is None:
        return None
    if taxonomy == "dilemma":
        return Scale.BIPOLAR
    scale = attributes.get("scale")
    return scale if scale in SCALES else None


def _label(code: Any, raw: Any) -> Label:
    raw = raw if isinstance(raw, dict) else {}
    nl = str(raw.get("nl", code))
    return Label(str(code), nl, str(raw.get("en", nl)))


def options_of(attributes: Mapping[str, Any]) -> tuple[Label, ...]:
    raw = attributes.get("options")
    return tuple(_label(o["code"], o.get("label")) for o in raw or () if isinstance(o, dict) and "code" in o)


def poles_of(attributes: Mapping[str, Any]) -> tuple[Label, Label] | None:
    """(the -2 end, the +2 end) of a bipolar item or dilemma."""
    if "pole_a" not in attributes or "pole_b" not in attributes:
        return None
    return _label("pole_a", attributes["pole_a"]), _label("pole_b", attributes["pole_b"])


def needs_evidence(scale: str | None, value: int | None) -> bool:
    """Every non-neutral score needs evidence: present (AANW > 0) or off-centre (BIPOOL != 0)."""
    if value is None:
        return False
    return (scale == Scale.PRESENCE and value > 0) or (scale == Scale.BIPOLAR and value != 0)


def check_value(
    c: Checker, scale: str, options: Sequence[Label], value: Any, value_code: Any, not_applicable: bool
) -> tuple[int | None, str | None]:
    """(value, value_code) that fit the scale, or issues on ``c``. A REF value_code comes
    back unchecked beyond its form: the caller checks it names a participant."""
    if not_applicable:
        for field, given in (("value", value), ("value_code", value_code)):
            if given is not None and given != "":
                c.add(field, "not_allowed", scale=scale)
        return None, None
    if scale == Scale.BOOL and isinstance(value, bool):
        value = int(value)
    v = None
    if scale in SCALE_BOUNDS:
        v = c.integer("value", value, *SCALE_BOUNDS[scale])
    elif value is not None and value != "":
        c.add("value", "not_allowed", scale=scale)
    code = None
    if value_code is None or value_code == "":
        pass
    elif scale == Scale.REF:
        code = c.ref("value_code", value_code)
    elif options:
        code = c.code("value_code", value_code, {o.code for o in options})
    else:
        c.add("value_code", "not_allowed", scale=scale)
    return v, code
