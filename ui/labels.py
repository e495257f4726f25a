"""Display labels for the closed vocabularies (domain enums). Framework codes carry
their own nl/en labels in the data."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _t(text: object) -> str:
    return QCoreApplication.translate("labels", str(text))


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
