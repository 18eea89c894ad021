"""Checking as the user goes (after each table) and before submitting, with the command that fixes each finding."""

from __future__ import annotations

from .. import messages
from ..findings import Finding
from ..report import with_derived
from ..rules import check_report
from .flow import Turn, owners, question

_MAX_FIXES = 4


def findings_now(turn: Turn) -> list[Finding]:
    report = with_derived(turn.report, turn.fmt)
    return check_report(report, previous=turn.ctx.previous, fmt=turn.fmt, other_units=turn.ctx.other_units)


def key(f: Finding) -> str:
    return f"{f.rule}:{','.join(f.cells)}"


def fix_targets(turn: Turn, f: Finding) -> list[tuple[str, str]]:
    codes = list(dict.fromkeys(code for cell in f.cells for code in owners(turn.fmt, cell)))
    out = []
    for code in codes[:_MAX_FIXES]:
        q = question(turn.fmt, code)
        if q is not None:
            out.append((code, f"「{q.title}」"))
    return out


def shown(turn: Turn, f: Finding) -> dict[str, str]:
    return {"message": f.message.strip(), "fix": messages.fix_commands(fix_targets(turn, f))}


def check_table(turn: Turn, table: str) -> None:
    """The table's own findings: every error, and the warnings not shown before."""
    prefix = f"{table}."
    found = [f for f in findings_now(turn) if any(c.startswith(prefix) for c in f.cells)]
    errors = [f for f in found if f.level == "error"]
    fresh = [f for f in found if f.level == "warning" and key(f) not in turn.state["warnings"]]
    for f in fresh:
        turn.state["warnings"][key(f)] = {"rule": f.rule, "accepted": None}
    if errors or fresh:
        title = f"表{turn.fmt.table(table).section}"
        turn.say(messages.findings(title, [shown(turn, f) for f in errors], [shown(turn, f) for f in fresh]))


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
