"""The names of the files people get — a unit's report, an area's roll-up, an area's export — written in
`templates/messages/files.j2` and made safe for every system the file lands on. The chat, the desk and the report's
page call these, so one file has one name wherever it is downloaded."""

from __future__ import annotations

from datetime import date

from .messages import text

# what a file system or Excel refuses in a name, as the full-width characters a Chinese reader expects there anyway
_UNSAFE = str.maketrans({"/": "／", "\\": "＼", "?": "？", "*": "＊", "[": "【", "]": "】", ":": "：", "<": "＜",
                         ">": "＞", '"': "”", "|": "｜"})


def file_name(name: str) -> str:
    """A file name safe on every system the file lands on (示范县/开发区 is no folder)."""
    return name.translate(_UNSAFE)


def report_file(unit: str, year: int, ext: str) -> str:
    """龙亭区柳园口乡2025年政府信息公开工作年度报告.docx"""
    return file_name(text("files", "report", unit=unit, year=year, ext=ext))


def rollup_unit(area: str) -> str:
    """龙亭区汇总: the roll-up's name where a report has its unit's (the chat's answer to 汇总表)."""
    return text("files", "rollup_unit", area=area)


def rollup_title(area: str, year: int) -> tuple[str, ...]:
    """("龙亭区", "2025年政府信息公开工作年度报告汇总表"): the roll-up's title, in the two pieces a long title breaks
    between — the area's summary, not a report of a unit named 龙亭区汇总."""
    title = text("files", "rollup_title", area=area, year=year)
    return (area, title[len(area):]) if area and title.startswith(area) else (title,)


def rollup_file(area: str, year: int) -> str:
    """龙亭区2025年政府信息公开工作年度报告汇总表.docx: an area's tables 二–四 summed, named as its title."""
    return file_name(text("files", "rollup", area=area, year=year))


def export_file(area: str | None, year: int, day: date) -> str:
    """龙亭区2025年度报告数据20260120.xlsx: one row per unit, made on `day` (the area's local date)."""
    return file_name(text("files", "export", area=area or "", year=year, day=day))
