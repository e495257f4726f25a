"""Run a module under cProfile in every thread: ``VELDWERK_BENCH_PROFILE``'s server runner.

    python -m bench.profiled OUT.prof -m sync.server --db URL serve ...

``python -m cProfile`` profiles the main thread only, and the sync server answers every
request on worker threads (FastAPI runs plain ``def`` endpoints on anyio's thread pool; blob
hashing has its own pool), so its profile held the event loop and none of the handlers.
Here ``threading.setprofile`` gives every thread started after this point a hook that, on
the thread's first call, replaces itself with that thread's own ``cProfile.Profile``. At exit
(uvicorn returns after SIGINT) all the threads' profiles are merged into OUT.prof, which
``pstats``/snakeviz read as usual; the number of threads seen goes to stderr.
"""

from __future__ import annotations

import cProfile
import pstats
import runpy
import sys
import threading
from types import FrameType
from typing import Any

_profiles: list[cProfile.Profile] = []
_lock = threading.Lock()


def _first_call(_frame: FrameType, _event: str, _arg: Any) -> None:
    """The hook of a new thread: hand over to a profiler of its own."""
    sys.setprofile(None)
    profile = cProfile.Profile()
    with _lock:
        _profiles.append(profile)
    profile.enable()


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "-m":
        print(__doc__, file=sys.stderr)
        return 2
    out, module, args = argv[0], argv[2], argv[3:]
    sys.argv = [module, *args]
    threading.setprofile(_first_call)
    main_profile = cProfile.Profile()
    _profiles.append(main_profile)
    main_profile.enable()
    code = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    finally:
        main_profile.disable()
        threading.setprofile(None)
        with _lock:
            profiles = list(_profiles)
        stats = pstats.Stats(profiles[0])
        for profile in profiles[1:]:
            profile.disable()
            stats.add(profile)
        stats.dump_stats(out)
        print(f"bench.profiled: {len(profiles)} threads profiled into {out}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
