"""National report formats, each declared as data."""

from .gov2021 import GOV2021
from .model import Balance, Cell, Column, Format, ProseSlot, Row, Section, Sum, Table

FORMATS = {GOV2021.id: GOV2021}
DEFAULT_FORMAT = GOV2021

__all__ = [
    "FORMATS", "DEFAULT_FORMAT", "GOV2021",
    "Balance", "Cell", "Column", "Format", "ProseSlot", "Row", "Section", "Sum", "Table",
]
