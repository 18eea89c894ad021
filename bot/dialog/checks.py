"""Checking as the user goes (after each table) and before submitting, with the command that fixes each finding."""

from __future__ import annotations

from .. import messages
from ..findings import Finding
from ..formats import Format
from ..report import with_derived
from ..rules import check_report
from .flow import Turn, owners, question

_MAX_FIXES = 2  # one line of at most two 修改 commands per finding
_MAX_LISTED = 6  # a longer list is summarised: the rest come back on the next 提交
_LISTED_BYTES = 1500  # and the list stays well inside one 2048-byte reply


def findings_now(turn: Turn) -> list[Finding]:
    report = with_derived(turn.report, turn.fmt)
    return check_report(report, previous=turn.ctx.previous, fmt=turn.fmt, other_units=turn.ctx.other_units)


def errors_now(turn: Turn) -> list[Finding]:
    return [f for f in findings_now(turn) if f.level == "error"]


def key(f: Finding) -> str:
    return f"{f.rule}:{','.join(f.cells)}"


def where(fmt: Format, f: Finding) -> str:
    """Where the finding is, from its cells: 一、总体情况 for a text, 表三 for a table."""
    slots = {s.id: s for s in fmt.slots}
    for cell in f.cells:
        if cell in slots:
            return fmt.section(slots[cell].section).heading if slots[cell].section else "报告开头"
    for cell in f.cells:
        if fmt.has_cell(cell):
            return f"表{fmt.table(fmt.cell(cell).table).section}"
    return ""


def _fix_cells(fmt: Format, f: Finding) -> tuple[str, ...]:
    """A balance is fixed on its results side first (办理结果), then its input side (新收)."""
    for b in fmt.balances:
        if b.rule == f.rule and set(b.left + b.right) == set(f.cells):
            return b.right + b.left
    return f.cells


def fix_targets(turn: Turn, f: Finding, asking: str | None = None) -> list[tuple[str, str]]:
    """The questions to reopen: not a computed one (it follows the others), nor the one being asked anyway."""
    codes = list(dict.fromkeys(code for cell in _fix_cells(turn.fmt, f) for code in owners(turn.fmt, cell)))
    found = [q for q in (question(turn.fmt, c) for c in codes) if q is not None and q.kind != "computed"]
    if len(found) > _MAX_FIXES:
        found = [q for q in found if q.kind != "prefill"] or found
    return [(q.code, f"「{q.title}」") for q in found if q.code != asking][:_MAX_FIXES]


def shown(turn: Turn, f: Finding, asking: str | None = None) -> dict[str, str]:
    return {"message": f.message.strip(), "fix": messages.fix_commands(fix_targets(turn, f, asking)),
            "where": where(turn.fmt, f)}


def render(turn: Turn, errors: list[Finding], warnings: list[Finding], asking: str | None = None,
           ask_reason: bool = True) -> str:
    """Errors first, then warnings, under a heading that says where they are; each fixing command said once."""
    items = [shown(turn, f, asking) for f in errors] + [shown(turn, f, asking) for f in warnings]
    seen: set[str] = set()
    for item in items:
        if item["fix"] in seen:
            item["fix"] = ""
        seen.add(item["fix"])
    listed, size = 0, 0
    for item in items:
        size += len((item["message"] + item["fix"]).encode())
        if listed and (listed >= _MAX_LISTED or size > _LISTED_BYTES):
            break
        listed += 1
    shown_errors, shown_warnings = items[: min(listed, len(errors))], items[len(errors):listed]
    places = list(dict.fromkeys(i["where"] for i in items[:listed]))
    return messages.say(
        "findings", title=places[0] if len(places) == 1 else "", errors=shown_errors, warnings=shown_warnings,
        labelled=len(places) > 1, more=len(items) - listed, ask_reason=ask_reason,
    )


def check_table(turn: Turn, table: str, asking: str | None = None) -> None:
    """The table's own findings: every error, and the warnings not shown before."""
    prefix = f"{table}."
    found = [f for f in findings_now(turn) if any(c.startswith(prefix) for c in f.cells)]
    errors = [f for f in found if f.level == "error"]
    fresh = [f for f in found if f.level == "warning" and key(f) not in turn.state["warnings"]]
    remember_shown(turn, fresh)
    if errors or fresh:
        turn.say(render(turn, errors, fresh, asking))
        turn.findings_shown = turn.findings_shown or bool(errors)


def remember_shown(turn: Turn, warnings: list[Finding]) -> None:
    for f in warnings:
        turn.state["warnings"].setdefault(key(f), {"rule": f.rule, "accepted": None})


def open_warnings(turn: Turn, found: list[Finding]) -> list[Finding]:
    return [
        f for f in found
        if f.level == "warning" and (turn.state["warnings"].get(key(f)) or {}).get("accepted") is None
    ]


def accept_warnings(turn: Turn, keys: list[str], reason: str) -> None:
    for k in keys:
        entry = turn.state["warnings"].setdefault(k, {"rule": k.split(":", 1)[0], "accepted": None})
        entry["accepted"] = reason
        turn.events.append(f"warning_accepted:{entry['rule']}:{reason}")


def pending_warning_keys(turn: Turn) -> list[str]:
    return [k for k, v in turn.state["warnings"].items() if v.get("accepted") is None]


def error_codes(turn: Turn, errors: list[Finding]) -> set[str]:
    """The questions whose answers an open error concerns (for 进度: 有误)."""
    out: set[str] = set()
    for f in errors:
        codes = (code for cell in f.cells for code in owners(turn.fmt, cell))
        out.update(c for c in codes if (q := question(turn.fmt, c)) is not None and q.kind != "computed")
    return out

