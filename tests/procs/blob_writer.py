"""Child process for the blob kill test: puts random blobs in a loop, reporting each.

argv: blob folder, key (hex), seed. Prints ``PUT <sha>`` after ``put`` returned, so
every reported blob was acknowledged as written.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from inspectorapp.blobs import BlobStore


def main() -> None:
    folder, key, seed = Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), int(sys.argv[3])
    blobs = BlobStore(folder, key)
    rng = random.Random(seed)
    while True:
        data = rng.randbytes(rng.randint(1, 3 * 1024 * 1024))
        print(f"PUT {blobs.put(data)}", flush=True)


if __name__ == "__main__":
    main()
