"""Display labels for the closed vocabularies (domain enums). Framework codes carry
their own nl/en labels in the data."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale


def _t(text: object) -> str:
    return QCoreApplication.translate("labels", str(text))


class Bilingual(Protocol):
    @property
    def nl(self) -> str: ...
    @property
    def en(self) -> str: ...


def english() -> bool:
    return QLocale().language() == QLocale.Language.English


def code_text(label: Bilingual) -> str:
    """A framework label in the interface language."""
    return label.en if english() else label.nl


def status(value: str) -> str:
    return _t(
        {
            "voorbereiding": QT_TRANSLATE_NOOP("labels", "preparation"),
            "veldwerk": QT_TRANSLATE_NOOP("labels", "fieldwork"),
            "analyse": QT_TRANSLATE_NOOP("labels", "analysis"),
            "rapportage": QT_TRANSLATE_NOOP("labels", "reporting"),
            "vervolg": QT_TRANSLATE_NOOP("labels", "follow-up"),
            "afgesloten": QT_TRANSLATE_NOOP("labels", "closed"),
        }.get(value, value)
    )


def inspection_type(value: str) -> str:
    return _t(
        {
            "risico": QT_TRANSLATE_NOOP("labels", "risk-based"),
            "thema": QT_TRANSLATE_NOOP("labels", "thematic"),
            "netwerk": QT_TRANSLATE_NOOP("labels", "network"),
            "incident": QT_TRANSLATE_NOOP("labels", "incident"),
            "vervolg": QT_TRANSLATE_NOOP("labels", "follow-up"),
        }.get(value, value)
    )


def declared_role(value: str) -> str:
    return _t(
        {
            "agenderen_stimuleren": QT_TRANSLATE_NOOP("labels", "agenda-setting"),
            "sparringpartner": QT_TRANSLATE_NOOP("labels", "sparring partner"),
            "naleving": QT_TRANSLATE_NOOP("labels", "compliance"),
            "handhaving": QT_TRANSLATE_NOOP("labels", "enforcement"),
        }.get(value, value)
    )


def invitation_status(value: str) -> str:
    return _t(
        {
            "gepland": QT_TRANSLATE_NOOP("labels", "planned"),
            "uitgenodigd": QT_TRANSLATE_NOOP("labels", "invited"),
            "bevestigd": QT_TRANSLATE_NOOP("labels", "confirmed"),
            "afgemeld": QT_TRANSLATE_NOOP("labels", "declined"),
            "bewust_niet_uitgenodigd": QT_TRANSLATE_NOOP("labels", "deliberately not invited"),
        }.get(value, value)
    )


def search_source(value: str) -> str:
    return _t(
        {
            "note": QT_TRANSLATE_NOOP("labels", "note"),
            "signal": QT_TRANSLATE_NOOP("labels", "signal"),
            "event": QT_TRANSLATE_NOOP("labels", "session event"),
            "observation": QT_TRANSLATE_NOOP("labels", "observation"),
        }.get(value, value)
    )


def _pick(value: str | None, table: dict[str, object]) -> str:
    return _t(table.get(value or "", value or ""))


def movement(value: str) -> str:
    return _pick(
        value,
        {
            "vooruitgang": QT_TRANSLATE_NOOP("labels", "progress"),
            "stabiel": QT_TRANSLATE_NOOP("labels", "stable"),
            "achteruitgang": QT_TRANSLATE_NOOP("labels", "decline"),
            "niet_beoordeeld": QT_TRANSLATE_NOOP("labels", "not assessed"),
        },
    )


def traffic_light(value: str | None) -> str:
    return _pick(
        value,
        {
            "groen": QT_TRANSLATE_NOOP("labels", "green"),
            "oranje": QT_TRANSLATE_NOOP("labels", "amber"),
            "rood": QT_TRANSLATE_NOOP("labels", "red"),
        },
    )


def evidence_kind(value: str) -> str:
    return _pick(
        value,
        {
            "notitie": QT_TRANSLATE_NOOP("labels", "note"),
            "signaal": QT_TRANSLATE_NOOP("labels", "signal"),
            "sessiegebeurtenis": QT_TRANSLATE_NOOP("labels", "session event"),
            "observatie": QT_TRANSLATE_NOOP("labels", "observation"),
            "bijlage": QT_TRANSLATE_NOOP("labels", "attachment"),
        },
    )


def exclusion(value: str | None) -> str:
    """Why an evidence item stays out of reports ("" when it may appear)."""
    return _pick(
        value,
        {
            "vertrouwelijk": QT_TRANSLATE_NOOP("labels", "stays internal: confidential"),
            "niet_voor_rapport": QT_TRANSLATE_NOOP("labels", "stays internal: not marked for the report"),
            "zacht_niet_omgezet": QT_TRANSLATE_NOOP("labels", "stays internal: soft signal, not converted"),
        },
    )


def intervention_status(value: str) -> str:
    return _pick(
        value,
        {
            "gepland": QT_TRANSLATE_NOOP("labels", "planned"),
            "uitgevoerd": QT_TRANSLATE_NOOP("labels", "done"),
            "vervallen": QT_TRANSLATE_NOOP("labels", "cancelled"),
        },
    )


def plan_assessment(value: str | None) -> str:
    return _pick(
        value,
        {
            "in_beoordeling": QT_TRANSLATE_NOOP("labels", "plan under assessment"),
            "goedgekeurd": QT_TRANSLATE_NOOP("labels", "plan approved"),
            "afgewezen": QT_TRANSLATE_NOOP("labels", "plan rejected"),
        },
    )


def reflection_moment(value: str) -> str:
    return _pick(
        value,
        {
            "vooraf": QT_TRANSLATE_NOOP("labels", "before"),
            "halverwege": QT_TRANSLATE_NOOP("labels", "midway"),
            "achteraf": QT_TRANSLATE_NOOP("labels", "afterwards"),
        },
    )


def ladder_rung(value: str | None) -> str:
    return _pick(
        value,
        {
            "intern": QT_TRANSLATE_NOOP("labels", "internal"),
            "informeel": QT_TRANSLATE_NOOP("labels", "informal"),
            "terugkerend": QT_TRANSLATE_NOOP("labels", "recurring"),
            "individueel": QT_TRANSLATE_NOOP("labels", "individual address"),
            "handhaving": QT_TRANSLATE_NOOP("labels", "enforcement"),
        },
    )


def report_type(value: str) -> str:
    return _pick(
        value,
        {
            "gebiedsrapportage": QT_TRANSLATE_NOOP("labels", "area report (gebiedsrapportage)"),
            "briefrapport": QT_TRANSLATE_NOOP("labels", "letter report (briefrapport)"),
        },
    )


def report_section(value: str) -> str:
    return _pick(
        value,
        {
            "samenvatting": QT_TRANSLATE_NOOP("labels", "Summary"),
            "rol": QT_TRANSLATE_NOOP("labels", "Role of the inspectorate"),
            "context": QT_TRANSLATE_NOOP("labels", "Context"),
            "bevindingen": QT_TRANSLATE_NOOP("labels", "Findings per theme"),
            "aanbevelingen": QT_TRANSLATE_NOOP("labels", "Recommendations"),
            "waardering": QT_TRANSLATE_NOOP("labels", "Appreciation"),
            "grafieken": QT_TRANSLATE_NOOP("labels", "Charts"),
            "deelnemers": QT_TRANSLATE_NOOP("labels", "Annex: participants by role"),
            "werkwijze": QT_TRANSLATE_NOOP("labels", "Annex: method"),
            "bronnen": QT_TRANSLATE_NOOP("labels", "Annex: sources"),
        },
    )


def note_kind(value: str) -> str:
    return _pick(
        value,
        {
            "waarneming": QT_TRANSLATE_NOOP("labels", "observation"),
            "citaat": QT_TRANSLATE_NOOP("labels", "quote"),
            "interpretatie": QT_TRANSLATE_NOOP("labels", "interpretation"),
            "vraag": QT_TRANSLATE_NOOP("labels", "question"),
            "actie": QT_TRANSLATE_NOOP("labels", "action"),
        },
    )
