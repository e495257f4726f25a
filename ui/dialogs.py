"""Opening dialogs the one way the app does: window-modal, deleted when closed."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

D = TypeVar("D", bound=QDialog)


def open_dialog(dialog: D) -> D:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# Room a window manager takes around a window (title bar, borders) and a taskbar takes off the
# screen: a dialog of the size asked for, less where that would not fit the screen it opens on.
FRAME_ROOM = (16, 72)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME_ROOM[0])
        height = min(height, room.height() - FRAME_ROOM[1])
    window.resize(width, height)
