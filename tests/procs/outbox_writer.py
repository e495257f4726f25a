"""Child process for kill tests: writes organisations in a loop, reporting progress.

argv: store path, passphrase, mode ('loop' or 'hold'). In 'hold' mode it
flushes one insert, prints HOLDING and waits inside the open transaction.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from inspectorapp.domain.drafts import OrganisationDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import organisations
from inspectorapp.store_access import open_store


def main() -> None:
    path, passphrase, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = open_store(path, passphrase)
    ctx = ActionContext("kill-test", "kill-device")
    if mode == "hold":
        with store.transaction() as session:
            organisations.create_organisation(session, ctx, OrganisationDraft(name="Nooit gecommit"))
            session.flush()
            print("HOLDING", flush=True)
            time.sleep(60)
        return
    n = 0
    while True:
        with store.transaction() as session:
            org = organisations.create_organisation(session, ctx, OrganisationDraft(name=f"Organisatie {n}")).value
        with store.transaction() as session:
            from storage.models import Organisation

            row = session.get(Organisation, org.id)
            assert row is not None
            row.region = f"Regio {n}"
        n += 1
        print(f"COMMITTED {n}", flush=True)


if __name__ == "__main__":
    main()
