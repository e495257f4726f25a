"""Dutch for supervision trajectories, reporting duties and reports (issue #15).

Same rules as ``translations_nl_sense.py``: "aandachtspunt" for a concern, "onderbouwing"
for evidence, "motivering" for a rationale, "overleg" for a deliberation, formal "u".
"""

from __future__ import annotations

TRAJECTORIES: dict[str, str | tuple[str, str]] = {}
