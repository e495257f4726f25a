"""Ids derived from a record's natural key, for records two laptops may each make on their own.

A report draft (one per inspection and report type), a score (one per session and item) and
a score's evidence link (one per evidence item) are unique on their key. With random
ids, two inspectors who each made "the same" record offline held two records at the office,
and each laptop set the colleague's aside (its unique key was taken): the team's report
diverged without anybody being asked. With the id derived from the key it is one record,
merged field by field at the office like any concurrent edit, the losing values kept for
review (decision 0025). Signal links (``signal_links.link_id``) and concern ratings did this
first, with namespaces of their own.
"""

from __future__ import annotations

import uuid

_ROOT = uuid.UUID("5b0c4d2e-8f3a-4e51-9a6d-0c7e2f91b348")


def natural_id(table: str, *key: str) -> str:
    """The id of the ``table`` record whose unique key is ``key``."""
    return str(uuid.uuid5(_ROOT, ":".join((table, *key))))
