"""What an older national format printed where the current one prints something else, declared as data.

Importers read an old layout with it: a label listed here is recognised as the old format's (R12 reports it), and
an old column's numbers are kept only where the old column means what a current column means.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LegacyLayout:
    name: str  # how people call the old format, e.g. 2019年试行格式
    # printed column label → the current column key with the same meaning, or None when no current column has it
    columns: tuple[tuple[str, str | None], ...]
    # printed row label → (table key, row key with the same meaning, or None when the current format dropped it)
    rows: tuple[tuple[str, tuple[str, str | None]], ...]

    def column_meaning(self, label: str) -> str | None:
        return dict(self.columns).get(label)
