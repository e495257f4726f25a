"""Frameworks (toetsingskaders) and their taxonomies, as versioned data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.ids import new_id

from .base import Base


class FrameworkVersion(Base):
    """One published version of a framework. Immutable once loaded: a change is a new version.

    Not an outbox table: frameworks are published by the office and reach laptops
    through pull (the sync issue), never pushed from a laptop.
    """

    __tablename__ = "framework_version"
    __table_args__ = (UniqueConstraint("key", "version"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    key: Mapped[str] = mapped_column(String(limits.CODE))
    version: Mapped[str] = mapped_column(String(limits.CODE))
    title_nl: Mapped[str] = mapped_column(String(limits.NAME))
    title_en: Mapped[str] = mapped_column(String(limits.NAME))
    published_on: Mapped[date]
    content_sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(default=utc_now)


class TaxonomyItem(Base):
    __tablename__ = "taxonomy_item"
    __table_args__ = (
        UniqueConstraint("framework_version_id", "taxonomy", "code"),
        Index("ix_taxonomy_item_taxonomy_code", "taxonomy", "code"),  # code look-ups across versions
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    framework_version_id: Mapped[str] = mapped_column(ForeignKey("framework_version.id"))
    taxonomy: Mapped[str] = mapped_column(String(limits.CODE))
    code: Mapped[str] = mapped_column(String(limits.CODE))
    parent_code: Mapped[str | None] = mapped_column(String(limits.CODE))
    position: Mapped[int] = mapped_column(Integer)
    label_nl: Mapped[str] = mapped_column(String(limits.NAME))
    label_en: Mapped[str] = mapped_column(String(limits.NAME))
    description_nl: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
