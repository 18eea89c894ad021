"""A file a staff member sends: last year's report is stored so this year's conversation can start from it;
this year's report (written elsewhere) is checked against every rule; anything else is explained."""

from __future__ import annotations

from datetime import datetime

from bot.checking import check_imported
from bot.importers import ImportResult, NotAReport, import_bytes
from bot.incoming import Incoming, Reply
from bot.messages import edge
from bot.units import core_name
from storage import Store, Unit, User

FINDINGS_SHOWN = 10
STATUS_WORDS = {"draft": "填报中", "submitted": "已提交", "returned": "已退回", "approved": "已通过"}


def file_replies(store: Store, user: User, unit: Unit, year: int, incoming: Incoming, now: datetime) -> tuple[
        list[Reply], bool]:
    """The replies, and whether last year's report was stored (the conversation then starts from it)."""
    name = incoming.file_name or "未命名文件"
    if not incoming.file_bytes:
        return [Reply(edge("file", outcome="not_downloaded", name=incoming.file_name))], False
    try:
        imported = import_bytes(incoming.file_bytes, name)
    except NotAReport as error:
        return [Reply(edge("file", outcome="not_report", name=name, reason=str(error)))], False
    found = imported.report
    if found.unit and core_name(found.unit) not in unit.name and core_name(unit.name) not in found.unit:
        return [Reply(edge("file", outcome="other_unit", name=name, file_unit=found.unit, unit=unit.name))], False
    if found.year == year - 1:
        return _store_last_year(store, user, unit, imported, name, now)
    if found.year == year:
        return [_checked(imported, name, "checked")], False
    return [Reply(edge("file", outcome="other_year", name=name, file_year=found.year, year=year))], False


def _store_last_year(store: Store, user: User, unit: Unit, imported: ImportResult, name: str,
                     now: datetime) -> tuple[list[Reply], bool]:
    year = imported.report.year
    existing = store.report(unit.name, year)
    if existing is not None and existing.status in ("submitted", "approved"):
        status = STATUS_WORDS[existing.status]
        return [Reply(edge("file", outcome="kept", name=name, unit=unit.name, file_year=year, status=status))], False
    report = imported.report.copy(unit=unit.name, unit_kind=unit.kind)  # filed under the unit as the county knows it
    store.save_report(report, actor=user.userid, now=now)
    return [_checked(ImportResult(report, imported.findings, imported.source), name, "last_year")], True


def _checked(imported: ImportResult, name: str, outcome: str) -> Reply:
    report = imported.report
    return Reply(edge("file", outcome=outcome, name=name, unit=report.unit, file_unit=report.unit,
                         file_year=report.year, findings=check_imported(imported), limit=FINDINGS_SHOWN))
