"""Child process for the passphrase kill test: changes the store's passphrase once.

argv: store path, current passphrase, new passphrase. Prints START before the change
and DONE after it; the test kills it at a random moment in between.
"""

from __future__ import annotations

import sys
from pathlib import Path

from inspectorapp.store_access import change_passphrase


def main() -> None:
    path, current, new = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    print("START", flush=True)
    change_passphrase(path, current, new, new)
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
