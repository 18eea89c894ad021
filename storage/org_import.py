"""`nianbao org import FILE.csv`: the organisation (units and their people) from one CSV file.

Everything is checked before anything is written, every bad line is reported, and the writing is one transaction:
a file is imported whole or not at all. Re-importing updates units and users; people missing from the new file
are marked inactive, never deleted, and no report or answer is touched.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from bot import messages
from bot.units import UNIT_KINDS, guess_unit_kind

from .db import StorageError
from .org import ROLES, Unit, User
from .store import Store

COLUMNS = ("userid", "name", "role", "unit", "unit_kind", "area")
PARENT_COLUMN = "parent_area"  # optional: the area the row's area lies in (a county's city); files without it work
# what people type in the role column of a spreadsheet made in Chinese
ROLE_ALIASES = {"工作人员": "staff", "填报人": "staff", "审核人": "supervisor", "管理员": "admin"}


class OrgImportError(StorageError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(messages.text("storage", "org_refused", problems=problems))


@dataclass
class OrgImportResult:
    units_added: int = 0
    units_updated: int = 0
    users_added: int = 0
    users_updated: int = 0
    users_deactivated: int = 0
    areas_nested: int = 0


@dataclass
class _UnitSeen:
    unit: Unit
    line: int


def import_org_csv(store: Store, source: str | Path | bytes) -> OrgImportResult:
    """Import the CSV given as a path, as bytes (UTF-8 with or without BOM, or GBK) or as text (with a newline)."""
    units, users, parents = _parse(_text_of(source), store)
    result = OrgImportResult()
    with store.transaction():
        for area, parent in parents.items():
            result.areas_nested += store.save_area_parent(area, parent)
        for unit in units:
            outcome = store.save_unit(unit)
            result.units_added += outcome == "added"
            result.units_updated += outcome == "updated"
        store.set_unit_order([unit.name for unit in units])  # the file's order is the county's official order
        for user in users:
            outcome = store.save_user(user)
            result.users_added += outcome == "added"
            result.users_updated += outcome == "updated"
        result.users_deactivated = store.deactivate_users_except({u.userid for u in users})
    return result


def _text_of(source: str | Path | bytes) -> str:
    if isinstance(source, bytes):
        return _decode(source)
    if isinstance(source, str) and "\n" in source:
        return source.removeprefix("\ufeff")
    path = Path(source)
    if not path.is_file():
        raise OrgImportError([messages.text("storage", "org_no_file", path=path)])
    return _decode(path.read_bytes())


def _decode(data: bytes) -> str:
    # Excel on Chinese Windows saves CSV as GBK; gb18030 is its superset and decodes every GBK file
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OrgImportError([messages.text("storage", "org_bad_encoding")])


def _parse(text: str, store: Store) -> tuple[list[Unit], list[User], dict[str, str]]:
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise OrgImportError([messages.text("storage", "org_bad_header", missing=missing, columns=COLUMNS)])
    problems: list[str] = []
    units: dict[str, _UnitSeen] = {}
    users: dict[str, tuple[dict[str, str], int]] = {}
    parents: dict[str, tuple[str, int]] = {}  # area → (its parent, the line that said so)
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        line = reader.line_num
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        row_problems = _check_row(row, store)
        if not row_problems:
            row_problems = (_merge_unit(row, line, units, store) + _check_duplicate(row, users)
                            + _merge_parent(row, line, parents))
        if row_problems:
            problems += [messages.text("storage", "org_line", line=line, problem=p) for p in row_problems]
            continue
        users[row["userid"]] = (row, line)
    if not problems and not users:
        problems.append(messages.text("storage", "org_no_people"))
    problems += _cycles(parents, store)
    if problems:
        raise OrgImportError(problems)
    # users last: a unit's area may come from a later row than the user's
    return ([seen.unit for seen in units.values()], [_user_of(row, units) for row, _ in users.values()],
            {area: parent for area, (parent, _) in parents.items()})


def _merge_parent(row: dict[str, str], line: int, parents: dict[str, tuple[str, int]]) -> list[str]:
    parent = row.get(PARENT_COLUMN, "")
    if not parent:
        return []
    area = row["area"]
    if not area:
        return [messages.text("storage", "org_parent_without_area")]
    if parent == area:
        return [messages.text("storage", "org_parent_self", area=area)]
    seen = parents.get(area)
    if seen is not None and seen[0] != parent:
        return [messages.text("storage", "org_parent_conflict", area=area, parent=parent, line=seen[1],
                              other=seen[0])]
    parents.setdefault(area, (parent, line))
    return []


def _cycles(parents: dict[str, tuple[str, int]], store: Store) -> list[str]:
    """An area that would lie within itself (a → b → a), with the file's parents over the stored ones."""
    tree = {**store.area_parents(), **{area: parent for area, (parent, _) in parents.items()}}
    problems = []
    for area, (_, line) in parents.items():
        chain, at = [area], tree.get(area)
        while at is not None and at not in chain:
            chain.append(at)
            at = tree.get(at)
        if at == area:
            problems.append(messages.text("storage", "org_line", line=line, problem=messages.text(
                "storage", "org_parent_cycle", area=area, chain=[*chain, area])))
    return problems


def _check_row(row: dict[str, str], store: Store) -> list[str]:
    problems = []
    if not row["userid"]:
        problems.append(messages.text("storage", "org_no_userid"))
    elif any(ch.isspace() or ch == "|" for ch in row["userid"]):
        problems.append(messages.text("storage", "org_bad_userid", userid=row["userid"]))
    if not row["name"]:
        problems.append(messages.text("storage", "org_no_name"))
    role = ROLE_ALIASES.get(row["role"], row["role"].lower())
    if role not in ROLES:
        problems.append(messages.text("storage", "bad_role", role=row["role"]))
    row["role"] = role
    if role == "staff" and not row["unit"]:
        problems.append(messages.text("storage", "org_staff_unit"))
    if role == "supervisor" and not row["area"]:
        problems.append(messages.text("storage", "org_supervisor_area"))
    if row["unit"]:
        problems += _check_kind(row, store)
    return problems


def _check_kind(row: dict[str, str], store: Store) -> list[str]:
    if row["unit_kind"]:
        if row["unit_kind"] not in UNIT_KINDS:
            return [messages.text("storage", "org_bad_kind", kind=row["unit_kind"], kinds=list(UNIT_KINDS))]
        return []
    known = store.unit(row["unit"])
    row["unit_kind"] = (known.kind if known and known.kind else None) or guess_unit_kind(row["unit"]) or ""
    if not row["unit_kind"]:
        return [messages.text("storage", "org_unknown_kind", unit=row["unit"])]
    return []


def _merge_unit(row: dict[str, str], line: int, units: dict[str, _UnitSeen], store: Store) -> list[str]:
    """Gather the unit of this row; several rows may name one unit, but they must agree on its kind and area."""
    name = row["unit"]
    if not name:
        return []
    seen = units.get(name)
    if seen is None:
        known = store.unit(name)
        area = row["area"] or (known.area if known else None)
        units[name] = _UnitSeen(Unit(name, row["unit_kind"], area or None), line)
        return []
    problems = []
    if seen.unit.kind != row["unit_kind"]:
        problems.append(messages.text("storage", "org_kind_conflict", unit=name, kind=row["unit_kind"], line=seen.line,
                              other=seen.unit.kind))
    if row["area"] and seen.unit.area and row["area"] != seen.unit.area:
        problems.append(messages.text("storage", "org_area_conflict", unit=name, area=row["area"], line=seen.line,
                              other=seen.unit.area))
    elif row["area"] and not seen.unit.area:
        seen.unit = Unit(name, seen.unit.kind, row["area"])
    return problems


def _check_duplicate(row: dict[str, str], users: dict[str, tuple[dict[str, str], int]]) -> list[str]:
    if row["userid"] in users:
        return [messages.text("storage", "org_duplicate", userid=row["userid"], line=users[row["userid"]][1])]
    return []


def _user_of(row: dict[str, str], units: dict[str, _UnitSeen]) -> User:
    unit = units[row["unit"]].unit if row["unit"] else None
    area = row["area"] or (unit.area if unit else None)
    return User(row["userid"], row["name"], row["role"], row["unit"] or None, area or None, True)
