"""Organisations under supervision, their units, care networks and people."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.domain import limits
from inspectorapp.domain.enums import Confidentiality, NetworkFocus, NetworkLayer, UnitType

from .base import Base, Synced, code_column, codes_column, enum_column, length_check


class Organisation(Synced, Base):
    """A care provider or another party (municipality, insurer, client organisation)."""

    __tablename__ = "organisation"
    __table_args__ = (length_check("name", limits.NAME),)

    name: Mapped[str] = mapped_column(String(limits.NAME))
    org_type: Mapped[str | None] = code_column("organisation_type")
    sector: Mapped[str | None] = code_column("sector")
    region: Mapped[str | None] = mapped_column(String(limits.NAME))
    external_ref: Mapped[str | None] = mapped_column(String(limits.NAME))
    description: Mapped[str | None] = mapped_column(Text)


class Unit(Synced, Base):
    """A ward, specialist group, site or team inside an organisation."""

    __tablename__ = "unit"
    __table_args__ = (length_check("name", limits.NAME),)

    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    unit_type: Mapped[UnitType] = mapped_column(enum_column(UnitType, "unit_type"))
    name: Mapped[str] = mapped_column(String(limits.NAME))


class Network(Synced, Base):
    """A care network: three or more organisations coordinating care."""

    __tablename__ = "network"
    __table_args__ = (length_check("name", limits.NAME),)

    name: Mapped[str] = mapped_column(String(limits.NAME))
    focus: Mapped[NetworkFocus] = mapped_column(enum_column(NetworkFocus, "network_focus"))
    region: Mapped[str | None] = mapped_column(String(limits.NAME))
    description: Mapped[str | None] = mapped_column(Text)
    financing_domains: Mapped[list[str]] = codes_column("financing_domain")


class NetworkMembership(Synced, Base):
    __tablename__ = "network_membership"

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    layer: Mapped[NetworkLayer] = mapped_column(enum_column(NetworkLayer, "network_layer"))
    roles: Mapped[list[str]] = codes_column("network_role")
    joined_on: Mapped[date | None] = mapped_column(default=None)
    left_on: Mapped[date | None] = mapped_column(default=None)


class NetworkBody(Synced, Base):
    """A body of a network: kerngroep, stuurgroep, werkgroep, MDO ..."""

    __tablename__ = "network_body"
    __table_args__ = (length_check("name", limits.NAME),)

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    body_type: Mapped[str] = code_column("network_body")
    name: Mapped[str] = mapped_column(String(limits.NAME))


class LifeEvent(Synced, Base):
    """Merger, change of board, media attention ...: context for sense-making."""

    __tablename__ = "life_event"
    __table_args__ = (
        CheckConstraint("organisation_id IS NOT NULL OR network_id IS NOT NULL", name="has_subject"),
    )

    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    event_type: Mapped[str] = code_column("life_event_type")
    occurred_on: Mapped[date]
    description: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))


class Person(Synced, Base):
    """Someone by role first; the name is optional and restricted."""

    __tablename__ = "person"

    role_code: Mapped[str] = code_column("person_role")
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(limits.NAME))
    function_title: Mapped[str | None] = mapped_column(String(limits.NAME))
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality, "confidentiality"), default=Confidentiality.RESTRICTED
    )
