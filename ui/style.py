"""The look: the OS palette (light or dark) with one accent colour and generous spacing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

ACCENT = "#1f6f8b"  # calm teal-blue; valence colours are reserved for signals

STYLE = f"""
QPushButton#submit {{
    background: {ACCENT}; color: white; border: none; border-radius: 4px;
    padding: 6px 18px; font-weight: 600;
}}
QPushButton#submit:disabled {{ background: palette(mid); }}
QPushButton#submit:focus {{ outline: 2px solid palette(highlight); }}
QLabel#pageTitle {{ font-size: 16pt; font-weight: 600; padding: 4px 0 8px 0; }}
QListWidget#navigation {{ border: none; background: palette(window); font-size: 11pt; outline: none; }}
QListWidget#navigation::item {{ padding: 8px 12px; }}
QListWidget#navigation::item:selected {{
    background: palette(base); color: {ACCENT}; border-left: 3px solid {ACCENT};
}}
QTableView {{ gridline-color: palette(midlight); }}
QHeaderView::section {{ padding: 4px 6px; font-weight: 600; }}
QLabel#error {{ color: #c0392b; }}
"""


def apply(app: QApplication) -> None:
    app.setStyleSheet(STYLE)
