"""JSON as text, as every part of sync writes it: compact, by orjson (several times faster:
every record travels and is stored as JSON), and by the standard library where orjson
refuses (an integer beyond 64 bits, which the value checks then refuse with their reason)."""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any, *, sort_keys: bool = False) -> str:
    """``value`` as compact JSON text; ``sort_keys`` for text that must be the same bytes
    every time it is made (a frozen push batch)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0).decode("utf-8")
    except TypeError:
        return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))
