"""Frameworks as data: load a version into the store, look up codes and labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.framework_file import FrameworkDoc, parse_framework
from inspectorapp.domain.snapshots import ActionContext, FrameworkSummary, Label, OpResult
from inspectorapp.domain.visit_views import CodeLabel
from inspectorapp.errors import FrameworkFileError, NotFoundError
from resources import path as resource_path
from storage.models import FrameworkVersion, TaxonomyItem

from . import audit

# Every version stays bundled: inspections keep the version they were made with, new ones
# take the newest (latest_version_id). A published version is never edited (decision 0013).
BUNDLED = ("igj-starter-2026.1.json", "igj-starter-2026.2.json")


def bundled_framework_docs() -> list[FrameworkDoc]:
    docs = []
    for name in BUNDLED:
        file = resource_path("frameworks", name)
        docs.append(parse_framework(file.read_bytes(), f"frameworks/{name}"))
    return docs


def load_framework(session: Session, ctx: ActionContext, doc: FrameworkDoc) -> OpResult[FrameworkSummary]:
    """Store one framework version. Loading the same bytes again is a no-op; different
    bytes under an existing key+version are refused (a published version is immutable)."""
    existing = session.scalar(
        select(FrameworkVersion).where(
            FrameworkVersion.key == doc.key, FrameworkVersion.version == doc.version
        )
    )
    if existing is not None:
        if existing.content_sha256 != doc.sha256:
            raise FrameworkFileError(
                f"{doc.key} {doc.version}",
                "this version is already loaded with different content; publish a new version",
            )
        return OpResult(_summary(session, existing), ChangeSet())
    fv = FrameworkVersion(
        key=doc.key,
        version=doc.version,
        title_nl=doc.title_nl,
        title_en=doc.title_en,
        published_on=doc.published_on,
        content_sha256=doc.sha256,
    )
    session.add(fv)
    session.flush()
    for taxonomy in doc.taxonomies.values():
        session.add_all(
            TaxonomyItem(
                framework_version_id=fv.id,
                taxonomy=taxonomy.key,
                code=item.code,
                parent_code=item.parent,
                position=n,
                label_nl=item.label_nl,
                label_en=item.label_en,
                description_nl=item.description_nl,
                description_en=item.description_en,
                attributes=item.attributes,
            )
            for n, item in enumerate(taxonomy.items)
        )
    audit.record(
        session,
        ctx,
        "framework.load",
        "framework_version",
        fv.id,
        key=doc.key,
        version=doc.version,
        sha256=doc.sha256,
    )
    session.flush()
    return OpResult(_summary(session, fv), ChangeSet.of(framework_version=[fv.id]))


def load_framework_file(
    session: Session, ctx: ActionContext, data: bytes, source: str
) -> OpResult[FrameworkSummary]:
    return load_framework(session, ctx, parse_framework(data, source))


def ensure_bundled(session: Session, ctx: ActionContext) -> ChangeSet:
    changes = ChangeSet()
    for doc in bundled_framework_docs():
        changes = changes | load_framework(session, ctx, doc).changes
    return changes


def _summary(session: Session, fv: FrameworkVersion) -> FrameworkSummary:
    count = session.scalar(
        select(func.count()).select_from(TaxonomyItem).where(TaxonomyItem.framework_version_id == fv.id)
    )
    return FrameworkSummary(fv.id, fv.key, fv.version, fv.title_nl, fv.title_en, fv.published_on, count or 0)


def list_frameworks(session: Session) -> list[FrameworkSummary]:
    rows = session.scalars(select(FrameworkVersion).order_by(FrameworkVersion.key, FrameworkVersion.version))
    return [_summary(session, fv) for fv in rows]


def find_version(session: Session, key: str, version: str) -> str:
    fv_id = session.scalar(
        select(FrameworkVersion.id).where(FrameworkVersion.key == key, FrameworkVersion.version == version)
    )
    if fv_id is None:
        raise NotFoundError("framework_version", f"{key} {version}")
    return fv_id


def latest_version_id(session: Session) -> str:
    fv_id = session.scalar(
        select(FrameworkVersion.id).order_by(
            FrameworkVersion.published_on.desc(), FrameworkVersion.version.desc()
        )
    )
    if fv_id is None:
        raise NotFoundError("framework_version", "any")
    return fv_id


def codes(session: Session, taxonomy: str, framework_version_id: str | None = None) -> set[str]:
    """Known codes of a taxonomy: of one version, or of any loaded version (signals
    outlive the framework an inspection used)."""
    q = select(TaxonomyItem.code).where(TaxonomyItem.taxonomy == taxonomy)
    if framework_version_id is not None:
        q = q.where(TaxonomyItem.framework_version_id == framework_version_id)
    return set(session.scalars(q))


def labels(session: Session, taxonomy: str, framework_version_id: str | None = None) -> list[Label]:
    """Labels in framework order; with no version, the newest label of each code wins."""
    q = (
        select(TaxonomyItem)
        .join(FrameworkVersion)
        .where(TaxonomyItem.taxonomy == taxonomy)
        .order_by(FrameworkVersion.published_on, TaxonomyItem.position)
    )
    if framework_version_id is not None:
        q = q.where(TaxonomyItem.framework_version_id == framework_version_id)
    out: dict[str, Label] = {}
    for item in session.scalars(q):
        out[item.code] = Label(item.code, item.label_nl, item.label_en)
    return list(out.values())


def known_codes(session: Session, taxonomy: str, wanted: Iterable[str | None]) -> set[str]:
    """Which of ``wanted`` exist in any loaded version: an indexed look-up of just those codes
    (the autosave path checks a handful of codes; loading whole taxonomies costs more)."""
    codes = {c for c in wanted if c}
    if not codes:
        return set()
    return set(
        session.scalars(
            select(TaxonomyItem.code).where(TaxonomyItem.taxonomy == taxonomy, TaxonomyItem.code.in_(codes))
        )
    )


def all_codes(session: Session) -> Callable[[str], frozenset[str]]:
    """taxonomy -> the codes any loaded version defines, each taxonomy read once when first
    asked (an import checks every code of a file against them)."""
    read: dict[str, frozenset[str]] = {}

    def codes(taxonomy: str) -> frozenset[str]:
        if taxonomy not in read:
            q = select(TaxonomyItem.code).where(TaxonomyItem.taxonomy == taxonomy).distinct()
            read[taxonomy] = frozenset(session.scalars(q))
        return read[taxonomy]

    return codes


def code_labels(
    session: Session, taxonomy: str, framework_version_id: str | None = None
) -> tuple[CodeLabel, ...]:
    """Codes with labels and parents in framework order, for forms. Without a version the
    newest label of each code wins (as in ``labels``)."""
    i = TaxonomyItem
    q = (  # columns, not entities: the board asks for three taxonomies on every paint
        select(i.code, i.label_nl, i.label_en, i.parent_code)
        .join(FrameworkVersion)
        .where(i.taxonomy == taxonomy)
        .order_by(FrameworkVersion.published_on, i.position)
    )
    if framework_version_id is not None:
        q = q.where(i.framework_version_id == framework_version_id)
    out = {row[0]: CodeLabel(*row) for row in session.execute(q)}
    return tuple(out.values())
