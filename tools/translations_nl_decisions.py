"""Dutch for decisions, their log and the rationale rule (issue #15).

Same rules as ``translations_nl_sense.py``: "aandachtspunt" for a concern, "onderbouwing"
for evidence, "motivering" for a rationale, "overleg" for a deliberation, formal "u".
"""

from __future__ import annotations

DECISIONS: dict[str, str | tuple[str, str]] = {}
