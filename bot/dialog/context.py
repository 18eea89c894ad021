"""What the edge hands the conversation besides the message, and what it gets back."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ..formats import GOV2021, Format
from ..incoming import Reply
from ..report import Report
from ..rules.names import AreaNames
from ..units import unit_kind

Status = Literal["draft", "submitted", "returned", "approved"]
STATE_VERSION = 1
# a state whose return marks carry the return's number (`DialogContext.return_mark`): one without it was stored before
MARKS_NUMBERED = "marks_numbered"
# the parts a colleague revised under the report's current return, with that return's mark (`colleagues`)
REVISED = "revised_after_return"


@dataclass(frozen=True)
class DialogContext:
    user_name: str
    unit: str
    unit_kind: str
    year: int
    previous: Report | None = None
    status: Status = "draft"
    returned_reason: str | None = None
    other_units: AreaNames | tuple[str, ...] = ()  # the area's unit names: best the matcher held per area
    area: str = ""  # the area's name (示范县): the place the unit belongs to when its own name does not say (R13)
    fmt: Format = GOV2021
    model_drafts: bool = False  # a language model writes the drafts: "正在草拟…" now, the draft by a job
    submitted_on: date | None = None  # the unit's day the report as it stands was handed in (its 落款); None: a draft
    # how many times the report was returned, this return included (0: not returned): a return made again with the
    # same reason is another return, told again and answered again
    times_returned: int = 0

    @property
    def return_mark(self) -> str:
        """What tells this return from the report's earlier ones, kept in the state (`returned_seen`, what was mended
        or accepted after it): its reason, and for a second return or later its number too — a supervisor returning
        the report again for the very same reason is not answered by what was read or done after the first."""
        reason = self.returned_reason or ""
        return reason if self.times_returned <= 1 else f"{reason}#{self.times_returned}"


def is_people_government(ctx: DialogContext) -> bool:
    """A 人民政府 (乡镇、街道 included): its 监督保障 also states 工作考核、社会评议和责任追究结果."""
    kind = unit_kind(ctx.unit_kind)
    return bool(kind and kind.people_government) or ctx.unit_kind in ctx.fmt.people_government_kinds


@dataclass
class StepResult:
    state: dict[str, Any]  # plain JSON: stored between messages
    report: Report  # the new report, derived cells computed
    changes: dict[str, tuple[Any, Any]]  # cell or slot id → (old, new)
    replies: list[Reply]  # replies[0] is the passive reply; the rest go out through the API
    log: list[str] = field(default_factory=list)  # free text kept where a number was expected
    events: list[str] = field(default_factory=list)  # "submitted", "warning_accepted:<rule>:<reason>" …
    redrafted: tuple[str, ...] = ()  # the changed slots the step wrote of itself, not the clerk (see Turn.redrafted)


def initial_state() -> dict[str, Any]:
    """A conversation that has not started: the first message greets."""
    return {
        "v": STATE_VERSION,
        "greeted": False,
        "cur": None,  # [code, sub]: the question being asked
        "answered": [],  # codes fully answered
        "last_answered": None,  # the code answered last, 修改 included: the answer a bare 不对 right after speaks of
        "partial": {},  # code → the next sub-step (a chosen result kind, or the draft after the facts)
        "gates": {},  # gate code → True/False
        "choices": {},  # menu code → chosen row keys
        "facts": {},  # prose code → the facts, a numbered list of statements the clerk controls
        "raw": {},  # prose code → the last facts reply as typed (用我的原文)
        "checked": {},  # prose code → the clerk's own text, corrected by the checks as-you-type, on offer
        "offered": {},  # prose code → the draft offered
        "variants": {},  # prose code → how many times 重写 was asked: each redraft reads differently
        "fees_yuan": None,  # 信息处理费 collected, in 元, as typed for 六
        "skipped": [],
        "editing": False,  # in 修改/返回: 取消 goes back to where the user was
        "pending": None,  # "restart" | "submit_reason": a confirmation awaited
        # key → {"shown": bool, "accepted": reason | None, "by": the colleague who accepted it (absent: this clerk)}
        "warnings": {},
        "submitted": False,
        # {slot, results, reason}: results a reason to hand in stated, offered as that part's notes (`_finish`)
        "reason_offered": None,
        "returned_seen": None,  # the return reason already greeted
        MARKS_NUMBERED: True,  # its return marks are `DialogContext.return_mark`s (see `number_marks`)
        "queue": [],  # codes a return reason names, visited one after another once the current one is done
        # prose code → the facts the clerk wrote with 改 N since the last return: mended, no longer flagged as what
        # the return reason finds fault with
        "mended": {},
        # the return reason `mended` answers: a colleague's mending of it is the unit's (`colleagues`), and is kept
        # when this clerk meets that same return after it
        "mended_after": None,
        "keep": None,  # prose code revisited (修改, 退回) whose current text is shown first, to keep with 1
        "zero_row": None,
        "column_asked": None,  # {code, row, column}: a column named with no count, its count asked (结果维持的有几件？)
        # [code, n, what it is drafted from]: the model draft awaited for this question (n tells one request from the
        # next; older states hold [code, n])
        "drafting": None,
        "file_offer": None,  # {name, report}: this year's file on offer, taken by 导入 (pending "import")
        # {by, name, answered}: another clerk of the unit took this file over as the draft; said with the next reply
        "colleague_file": None,
        # Kept only once a unit has several clerks (`colleagues`), so a clerk alone stores and parses nothing more:
        # "by": code → the colleague of the unit who answered it (absent: this clerk);
        # "colleague_news": what colleagues answered, changed or started afresh since this clerk's last message,
        # said with the next reply (`colleagues.news`)
    }


def load_state(state: dict[str, Any] | None, copy: bool, ctx: DialogContext | None = None) -> dict[str, Any]:
    """A stored state completed with the keys added since it was stored; one of another version (or none) starts
    afresh. `copy`: the result shares nothing with `state` (the conversation changes it in place). `ctx`: the
    report's return as it stands, which a state stored before returns had numbers is brought to (`number_marks`);
    without it such a state stays unmarked, to be brought to it where the return is known."""
    if not state or state.get("v") != STATE_VERSION:
        return initial_state()
    loaded = {**initial_state(), **(json_copy(state) if copy else state)}
    if MARKS_NUMBERED not in state:
        if ctx is None:
            del loaded[MARKS_NUMBERED]
        else:
            number_marks(loaded, ctx)
    return loaded


def number_marks(state: dict[str, Any], ctx: DialogContext) -> None:
    """A state stored before a second return was told from the first by its number (`DialogContext.return_mark`)
    holds the bare reason where it met, mended or accepted after the return (`returned_seen`, `mended_after`,
    `warnings[*].after`, a colleague's revision noted): a bare reason equal to the current return's is that return —
    the conversation had met it — and takes its mark, or a report in its second return or later would be greeted
    again and its acceptances reopened at the first message after the upgrade."""
    if ctx.status == "returned" and ctx.times_returned > 1 and ctx.returned_reason is not None:
        bare, mark = ctx.returned_reason, ctx.return_mark
        for key in ("returned_seen", "mended_after"):
            if state.get(key) == bare:
                state[key] = mark
        for entry in state["warnings"].values():
            if entry.get("after") == bare:
                entry["after"] = mark
        revised = state.get(REVISED)
        if revised and revised.get("reason") == bare:
            revised["reason"] = mark
    state[MARKS_NUMBERED] = True


def json_copy(value: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts, lists, strings, numbers), several times quicker than `deepcopy`,
    which this runs on every message; anything else is left to `deepcopy`."""
    kind = type(value)
    if kind is dict:
        return {k: json_copy(v) for k, v in value.items()}
    if kind is list:
        return [json_copy(v) for v in value]
    if kind in _IMMUTABLE:
        return value
    return deepcopy(value)


_IMMUTABLE = frozenset({str, int, float, bool, type(None)})
