"""Dutch for overleg (deliberation), agenda packs and the review cycle (issue #15).

Same rules as ``translations_nl_sense.py``: "aandachtspunt" for a concern, "onderbouwing"
for evidence, "motivering" for a rationale, "overleg" for a deliberation, formal "u".
"""

from __future__ import annotations

OVERLEG: dict[str, str | tuple[str, str]] = {}
