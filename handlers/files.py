"""A file a staff member sends: last year's report is stored so this year's conversation can start from it;
this year's report (written elsewhere) is checked against every rule, and becomes the draft while the draft holds
nothing anyone gave (`may_take_over`; the conversation then goes on at the first question the file left open, see
`bot.dialog.taken_over`); anything else is explained.

Reading a file is a job (kind `import_file`, see `handlers.jobs.kinds`), never part of the message: the download
is capped at WeCom's 20 MB, `read_file` runs in an isolated child with a time and memory cap and refuses a
.docx/.xlsx whose parts would inflate beyond `MAX_INFLATED_BYTES` before anything is decompressed; the verdict
comes back as plain data and `verdict_replies` turns it into replies (and stores last year's report).
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.checking import check_imported, parts_read
from bot.dialog.taken_over import has_typed
from bot.formats import FORMATS, GOV2021
from bot.importers import ImportResult, NotAReport, import_bytes
from bot.incoming import Reply
from bot.messages import edge
from bot.report import Report
from bot.units import core_name, same_zone
from storage import Store, StoredReport, Unit, User

log = logging.getLogger(__name__)

FINDINGS_SHOWN = 10
OPEN = ("draft", "returned")  # a report still being written: a file may change it (submitted/approved: never)
STATUS_WORDS = {"draft": "填报中", "submitted": "已提交", "returned": "已退回", "approved": "已通过"}
MAX_INFLATED_BYTES = 64 * 1024 * 1024  # every part of a Word/Excel package together, decompressed
MAX_RATIO = 200  # a real package compresses its XML 5–20×; a bomb thousands of times


class FileRefused(Exception):
    """The file is refused before it is parsed (the message is the user's sentence)."""


@dataclass(frozen=True)
class FileVerdict:
    """What a file turned out to be, as plain data (crosses the process boundary)."""

    outcome: str  # not_report | other_unit | other_year | checked (this year's) | last_year
    name: str
    reason: str = ""
    file_unit: str = ""
    file_year: int = 0
    report_json: str = ""  # last_year, checked: the report as it would be stored
    format_id: str = ""
    findings: list[dict[str, Any]] = field(default_factory=list)  # {level, rule, message}
    read: dict[str, Any] = field(default_factory=dict)  # checked: what the file gave ({tables, prose, missing, numbers_missing})


def check_package_size(data: bytes, name: str) -> None:
    """A zip package (.docx, .xlsx) whose declared parts inflate beyond the cap, or far beyond their compressed
    size, is refused before a byte of it is decompressed."""
    if not data.startswith(b"PK\x03\x04"):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except zipfile.BadZipFile:
        return  # not a readable package: the importer says so in its own words
    inflated = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos) or 1
    if inflated > MAX_INFLATED_BYTES or (inflated > 8 * 1024 * 1024 and inflated / compressed > MAX_RATIO):
        raise FileRefused(edge("file", outcome="too_large_inflated", name=name,
                               megabytes=inflated // (1024 * 1024), limit=MAX_INFLATED_BYTES // (1024 * 1024)))


def read_file(data: bytes, name: str, unit: str, unit_kind: str, year: int) -> FileVerdict:
    """Import the file and judge it for `unit`'s report of `year` — pure, run in an isolated child."""
    check_package_size(data, name)
    try:
        imported = import_bytes(data, name)
    except NotAReport as error:
        if error.__cause__ is not None:  # a reader gave up on it: damaged, or a reader's bug the log must show
            log.warning("%s was not read as a report", name, exc_info=error.__cause__)
        return FileVerdict("not_report", name, reason=str(error))
    found = imported.report
    if found.unit and core_name(found.unit) not in unit and core_name(unit) not in found.unit \
            and not same_zone(found.unit, unit):  # 舒城经开区管委会's file for 舒城经济开发区管理委员会
        return FileVerdict("other_unit", name, file_unit=found.unit)
    if found.year == year - 1:
        report = found.copy(unit=unit, unit_kind=unit_kind)  # filed under the unit as the county knows it
        checked = ImportResult(report, imported.findings, imported.source)
        return FileVerdict("last_year", name, file_unit=unit, file_year=found.year, report_json=report.to_json(),
                           format_id=report.format_id, findings=_plain(check_imported(checked)))
    if found.year == year:
        fmt = FORMATS.get(found.format_id, GOV2021)
        parts = parts_read(found, fmt)
        numbers_missing = not found.not_found.isdisjoint(fmt.typed_cell_ids)
        draft = found.copy(unit=unit, unit_kind=unit_kind)  # what an empty draft takes over
        return FileVerdict("checked", name, file_unit=found.unit, file_year=found.year,
                           report_json=draft.to_json(), format_id=draft.format_id,
                           findings=_plain(check_imported(imported)),
                           read={"tables": parts.tables, "prose": parts.prose, "missing": parts.missing,
                                 "numbers_missing": numbers_missing})
    return FileVerdict("other_year", name, file_year=found.year)


def _plain(findings: list[Any]) -> list[dict[str, Any]]:
    return [{"level": f.level, "rule": f.rule, "message": f.message} for f in findings]


def verdict_replies(store: Store, user: User, unit: Unit, year: int, verdict: FileVerdict, now: datetime) -> tuple[
        list[Reply], str]:
    """The replies, and what the conversation does next: "resume" (last year's report was stored: it goes on, now
    with it to draw on), "take_over" (this year's file becomes the empty draft: no replies yet, the caller takes it
    over with the conversation, see `taken_over_reply`), "offer" (the draft is filled: the conversation holds the
    file on offer, for 导入), or "" (nothing)."""
    name = verdict.name
    if verdict.outcome == "not_report":
        return [Reply(edge("file", outcome="not_report", name=name, reason=verdict.reason))], ""
    if verdict.outcome == "other_unit":
        return [Reply(edge("file", outcome="other_unit", name=name, file_unit=verdict.file_unit,
                           unit=unit.name))], ""
    if verdict.outcome == "other_year":
        return [Reply(edge("file", outcome="other_year", name=name, file_year=verdict.file_year, year=year))], ""
    if verdict.outcome == "checked":
        stored = store.report(unit.name, verdict.file_year)
        if verdict.report_json and may_take_over(stored):
            return [], "take_over"
        if verdict.report_json and stored is not None and stored.status in OPEN:
            return [_checked_this_year(stored, unit, verdict, offered=True)], "offer"
        return [_checked_this_year(stored, unit, verdict)], ""
    existing = store.report(unit.name, verdict.file_year)
    if existing is not None and existing.status in ("submitted", "approved"):
        status = STATUS_WORDS[existing.status]
        return [Reply(edge("file", outcome="kept", name=name, unit=unit.name, file_year=verdict.file_year,
                           status=status))], ""
    store.save_report(file_report(verdict), actor=user.userid, now=now)
    return [_checked(verdict, "last_year")], "resume"


def may_take_over(stored: StoredReport | None) -> bool:
    """This year's file becomes the draft only while the draft holds nothing anyone gave, and never once the report
    is handed in: a filled draft is not overwritten silently, a submitted or approved one not at all."""
    if stored is None:
        return True
    fmt = FORMATS.get(stored.report.format_id, GOV2021)
    return stored.status == "draft" and not has_typed(stored.report, fmt)


def file_report(verdict: FileVerdict) -> Report:
    """The report the file gave, filed under the unit (last year's, or this year's to take over)."""
    return Report.from_json(verdict.report_json, FORMATS.get(verdict.format_id, GOV2021))


def taken_over_reply(unit: Unit, verdict: FileVerdict, answered: int, still_open: list[str]) -> Reply:
    """What was taken over from the file, what is still to fill, the check's findings and what to do next."""
    return Reply(edge("file", outcome="taken_over", name=verdict.name, unit=unit.name, file_unit=verdict.file_unit,
                      file_year=verdict.file_year, findings=verdict.findings, limit=FINDINGS_SHOWN,
                      read=verdict.read, answered=answered, still_open=still_open))


def _checked(verdict: FileVerdict, outcome: str) -> Reply:
    return Reply(edge("file", outcome=outcome, name=verdict.name, unit=verdict.file_unit,
                      file_unit=verdict.file_unit, file_year=verdict.file_year, findings=verdict.findings,
                      limit=FINDINGS_SHOWN))


def _checked_this_year(stored: StoredReport | None, unit: Unit, verdict: FileVerdict, offered: bool = False
                       ) -> Reply:
    """This year's report written elsewhere: checked, not imported — said together with what the file gave and
    that the report in the system is as it was, so the clerk knows nothing was taken over or lost, and what next
    (`offered`: the conversation holds the file for 导入, which replaces the filled draft). `stored`: the unit's
    report of the file's year, as `verdict_replies` read it."""
    filled = stored is not None and bool(stored.report.cells or any(stored.report.text.values()))
    return Reply(edge("file", outcome="checked", name=verdict.name, unit=unit.name, file_unit=verdict.file_unit,
                      file_year=verdict.file_year, findings=verdict.findings, limit=FINDINGS_SHOWN,
                      read=verdict.read, system_filled=filled, offered=offered,
                      system_status=STATUS_WORDS[stored.status] if stored and filled else ""))
