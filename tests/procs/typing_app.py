"""Child process for the kill-while-typing test: the real visit page and note editor
in an offscreen Qt app, typing Dutch text on a timer until it is killed.

argv: home, passphrase, visit id, seed. Prints ``SAVED <json>`` after every save the
store confirmed (the done callback runs after the commit), one line per paragraph.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from inspectorapp.paths import app_paths
from inspectorapp.workspace import Workspace
from ui import gc_guard
from ui.visit_page import VisitPage

TEXT = (
    "De teamleider zegt dat alle incidenten worden gemeld, maar de VIM-map is leeg. "
    "Cliënten wachten ’s nachts lang op hulp; één verpleegkundige voor achtentwintig bedden. "
    "Het bestuur noemt dit „incidenteel”. "
)


def main() -> None:
    home, passphrase, visit_id, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    rng = random.Random(seed)
    app = QApplication([])
    gc_guard.install(app)
    ws = Workspace.unlock(app_paths(Path(home)), passphrase, "kill-test")
    page = VisitPage(ws)
    page.resize(1000, 700)
    page.show()
    editor = page.editor
    sent: dict[str, str] = {}
    original = editor._save

    def save(upserts, deletes, done, failed):  # type: ignore[no-untyped-def]
        texts = {p.id: p.text for p in upserts}

        def confirmed(result):  # type: ignore[no-untyped-def]
            for pid, text in texts.items():
                print("SAVED " + json.dumps({"id": pid, "text": text}, ensure_ascii=False), flush=True)
            done(result)

        sent.update(texts)
        original(upserts, deletes, confirmed, failed)

    editor._save = save
    state = {"n": 0}

    def type_one() -> None:
        if editor.conversation_id is None:
            return
        if state["n"] == 0:
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            print("READY", flush=True)
        ch = TEXT[state["n"] % len(TEXT)]
        state["n"] += 1
        if state["n"] % 97 == 0:
            QApplication.sendEvent(
                editor,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"),
            )
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(rng.randint(3, 12))
    page.open_visit(visit_id)
    app.exec()


if __name__ == "__main__":
    main()
