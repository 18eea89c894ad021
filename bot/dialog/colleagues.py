"""Several clerks, one report.

A unit's report is the unit's; each of its clerks has a conversation of their own (what they answered, where they
are, the paragraphs they are writing). Once one clerk's answer changes the report, the others' conversations learn
what the draft now holds, as they do when a clerk takes a file over (`taken_over.colleague_state`): the answers, the
gates and result kinds, the facts the paragraphs were drafted from and which paragraphs are held as drafted, the
warnings accepted with a reason and the points mended after a return (the report's, not one clerk's) — so a colleague
is not asked again what was answered or confirmed, nor led to a point already mended, and a change of theirs brings
every held paragraph up to date as the clerk's own change would (`prose.refresh_drafts`). What a clerk is in the
middle of stays theirs; a draft of theirs on offer is drafted again with the numbers it cites (`prose.refresh_offer`),
and shown again before 1 adopts it.

A clerk is told once, with their next reply (`news`): which questions a colleague answered, which of their own
answers a colleague changed (from what to what), which of their paragraphs and drafts on offer followed, which
warnings a colleague accepted, and who started the report afresh. `by` remembers, per question, the colleague who
answered it (absent: the clerk themselves).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..formats import Format
from ..report import Report
from . import prose
from .context import REVISED, DialogContext, initial_state, json_copy, load_state
from .flow import Turn, owners, question
from .questions import current_values

# what of a conversation says what the draft holds, not what its clerk is doing: every clerk's is the last writer's
# (after a take-over, the taker's: `taken_over.colleague_state`)
THE_DRAFTS = ("gates", "choices", "as_drafted")
# what a paragraph was drafted from: the last writer's, except for a paragraph the clerk is in the middle of
_PARAGRAPHS = ("facts", "raw", "variants")
# REVISED (`context`): the state's key for the parts colleagues revised under the current return (`_note_revised`):
# kept only by a clerk of a unit of several, until they meet that return


def news() -> dict[str, Any]:
    """What a clerk is told of their colleagues with their next reply (kept in the state as `colleague_news`)."""
    return {"filled": {}, "changed": {}, "refreshed": [], "restarted": None, "rewritten": {}, "accepted": []}


def accepted_warnings(state: dict[str, Any]) -> dict[str, Any]:
    """The warnings a conversation accepted with a reason (key → its entry): the unit's report's, not one clerk's —
    every clerk of the unit holds them (`_learn`), none is asked to confirm them again."""
    return {key: entry for key, entry in (state.get("warnings") or {}).items() if entry.get("accepted") is not None}


def touched(fmt: Format, changes: Mapping[str, Any], redrafted: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(the questions whose answers a step changed, the paragraphs it brought up to date of itself): from the cells
    typed and the slots written, never from a total that moved with them."""
    typed = set(fmt.typed_cell_ids)
    cells = set(fmt.cell_ids)
    by_itself = set(redrafted)
    answered: dict[str, None] = {}
    refreshed: dict[str, None] = {}
    for key in changes:
        if key in cells and key not in typed:
            continue
        for code in owners(fmt, key):
            (refreshed if key in by_itself else answered)[code] = None
    return list(answered), [code for code in refreshed if code not in answered]


def answered_here(state: dict[str, Any], fmt: Format, changes: Mapping[str, Any], redrafted: Iterable[str]) -> None:
    """The questions a clerk's own step answered anew are theirs from now on (`by` forgets who gave them before)."""
    for code in touched(fmt, changes, redrafted)[0]:
        state["by"].pop(code, None)


def answer_text(ctx: DialogContext, state: dict[str, Any], report: Report, code: str) -> str:
    """What a question holds, in the form it is typed, without its title (“210 12 0”; a result kind's rows keep
    their names); "" for a paragraph or nothing yet."""
    q = question(ctx.fmt, code)
    if q is None:
        return ""
    return "；".join(v.removeprefix(f"{q.title} ") for v in current_values(Turn(ctx, state, report), q))


def colleague_changed(state: dict[str, Any] | None, theirs: dict[str, Any], ctx: DialogContext, by: str, me: str,
                      before: Report, after: Report, changes: Mapping[str, Any],
                      redrafted: Iterable[str] = (), at: str = "") -> dict[str, Any]:
    """The conversation of clerk `me` once colleague `by` changed the report from `before` to `after` (`changes`,
    `theirs`: their conversation right after it; `at`: when, as people write it). It learns what the draft holds;
    its next reply tells what changed."""
    mine = load_state(state, copy=True, ctx=ctx)
    answers, refreshed = touched(ctx.fmt, changes, redrafted)
    told = mine.get("colleague_news") or news()
    was = {code: answer_text(ctx, mine, before, code) for code in answers if _mine(mine, code)}
    before_answered = set(mine["answered"])
    known = accepted_warnings(mine)
    _learn(mine, theirs, ctx.fmt, by, me, answers)
    _learn_mended(mine, theirs, ctx)
    _note_revised(mine, ctx, by, at, answers)
    _tell_accepted(told, by, _newly_accepted(told, known, accepted_warnings(mine), by))
    for code in answers:
        if code in was:
            earlier = told["changed"].get(code)
            told["changed"][code] = {"by": by, "before": earlier["before"] if earlier else was[code],
                                     "after": answer_text(ctx, mine, after, code)}
    for code in mine["answered"]:
        if code not in before_answered and code not in told["changed"]:
            told["filled"].setdefault(mine["by"].get(code, by), []).append(code)
    told["refreshed"] += [code for code in refreshed if _mine(mine, code) and code not in told["refreshed"]]
    rewritten = prose.refresh_offer(Turn(ctx, mine, after))
    if rewritten:  # the draft on offer follows the numbers as a paragraph taken as drafted does
        rewrite = told.setdefault("rewritten", {}).setdefault(rewritten, {"answers": [], "numbers": False})
        rewrite["by"] = by
        rewrite["answers"] += [code for code in answers if code not in rewrite["answers"]]
        rewrite["numbers"] = rewrite["numbers"] or any(_kind(ctx.fmt, code) != "prose" for code in answers)
    mine["colleague_news"] = told
    return mine


def joining(theirs: dict[str, Any], ctx: DialogContext, by: str, me: str) -> dict[str, Any]:
    """The first conversation of clerk `me` about a report colleague `by` (and those before them) filled in already
    (`theirs`: that colleague's): it starts where the unit stands, and its greeting says who answered how much."""
    mine = initial_state()
    _learn(mine, theirs, ctx.fmt, by, me, list(theirs.get("answered") or []))
    _learn_mended(mine, theirs, ctx)
    told = news()
    for code in mine["answered"]:
        told["filled"].setdefault(mine["by"].get(code, by), []).append(code)
    _tell_accepted(told, by, list(accepted_warnings(mine).values()))  # told once, as a clerk there all along was
    mine["colleague_news"] = told if told["filled"] or told["accepted"] else None
    return mine


def restarted(state: dict[str, Any] | None, by: str) -> dict[str, Any]:
    """The conversation of a clerk whose colleague `by` started the report afresh: afresh too (their answers are
    gone with the report), told so with their next reply, with how many of their own answers went."""
    mine = load_state(state, copy=False)
    own = sum(1 for code in mine["answered"] if _mine(mine, code))
    fresh = initial_state()
    fresh["colleague_news"] = {**news(), "restarted": {"by": by, "own": own}}
    return fresh


def answered_by(state: dict[str, Any]) -> tuple[int, dict[str, int]]:
    """(the questions a clerk answered themselves, those their colleagues answered by name): what 重新开始 loses."""
    loaded = load_state(state, copy=False)
    others: dict[str, int] = {}
    own = 0
    for code in loaded["answered"]:
        who = (loaded.get("by") or {}).get(code)
        if who:
            others[who] = others.get(who, 0) + 1
        else:
            own += 1
    return own, others


def _tell_accepted(told: dict[str, Any], by: str, entries: list[dict[str, Any]]) -> None:
    """The warnings colleagues accepted (colleague `by`, unless an entry names another), told by whom and reason:
    1 条提示，原因：…"""
    said = told.setdefault("accepted", [])
    for entry in entries:
        who = entry.get("by", by)
        same = next((a for a in said if a["by"] == who and a["reason"] == entry["accepted"]), None)
        if same is None:
            said.append({"by": who, "reason": entry["accepted"], "count": 1})
        else:
            same["count"] += 1


def _newly_accepted(told: dict[str, Any], known: dict[str, Any], now: dict[str, Any], by: str) -> list[dict[str, Any]]:
    """The acceptances a clerk learnt: new ones, and those given again with another reason (after a return), whose
    earlier reason is no longer told as the one that holds."""
    fresh = []
    for key, entry in now.items():
        was = known.get(key)
        if was is not None and was["accepted"] == entry["accepted"]:
            continue
        if was is not None:
            untell_accepted(told, was.get("by", by), was["accepted"])
        fresh.append(entry)
    return fresh


def untell_accepted(told: dict[str, Any], by: str, reason: str, count: int = 1) -> None:
    """`count` acceptances by `by` with `reason`, not yet told, no longer hold: they are not told."""
    for a in told.get("accepted") or []:
        if a["by"] == by and a["reason"] == reason:
            a["count"] -= count
    told["accepted"] = [a for a in told.get("accepted") or [] if a["count"] > 0]


def _kind(fmt: Format, code: str) -> str:
    q = question(fmt, code)
    return q.kind if q is not None else ""


def _mine(state: dict[str, Any], code: str) -> bool:
    return code in state["answered"] and code not in (state.get("by") or {})


def _learn(mine: dict[str, Any], theirs: dict[str, Any], fmt: Format, by: str, me: str, answers: list[str]) -> None:
    """`mine` takes what the draft holds from `theirs`; `answers`: the questions their step answered or changed."""
    prose = {q.code for q in fmt.questions if q.kind == "prose"}
    working = in_progress(mine, prose)
    # theirs where they hold one, else what this clerk held: an answer that changed no cell (a gate's 是) reaches
    # only the conversation that gave it, and is not lost when another's change comes back
    for key in THE_DRAFTS:
        mine[key] = {**(mine.get(key) or {}), **json_copy(theirs.get(key) or {})}
    mine["as_drafted"] = {code: held for code, held in mine["as_drafted"].items() if code not in working}
    for key in _PARAGRAPHS:
        own = mine.get(key) or {}
        mine[key] = {**own, **{c: v for c, v in json_copy(theirs.get(key) or {}).items() if c not in working}}
    mine["fees_yuan"] = theirs.get("fees_yuan")
    # a warning accepted is the report's: theirs (the last reason given) over what this clerk was shown of it, with
    # who accepted it (`by`; absent: this clerk), as a clerk joining later is told
    for key, entry in accepted_warnings(theirs).items():
        learned = {**json_copy(entry), "by": entry.get("by", by)}
        if learned["by"] == me:
            del learned["by"]
        mine["warnings"][key] = learned
    given = set(answers)
    answered_before = set(mine["answered"])
    theirs_answered = list(theirs.get("answered") or [])
    their_by = theirs.get("by") or {}
    kept = [code for code in mine["answered"] if code not in given and code not in theirs_answered]
    mine["answered"] = [*theirs_answered, *kept]
    mine_by = {code: who for code, who in (mine.get("by") or {}).items() if code in kept}
    for code in theirs_answered:
        who = their_by.get(code, by)
        if who != me:
            mine_by[code] = who
    mine["by"] = mine_by
    done = set(mine["answered"])
    mine["skipped"] = [code for code in mine["skipped"] if code not in done]
    mine["partial"] = {code: sub for code, sub in mine["partial"].items() if code not in given or code in working}
    cur = mine["cur"]
    # answered by them now: a gate's 否 changes no cell, so it is among their answers, not among `given`
    newly = cur and cur[0] not in answered_before and cur[0] in done
    if cur and (cur[0] in given or newly) and cur[0] not in working:
        # the question they were asked was answered by the colleague: their next message goes on at the first one
        # left open (a gate or result kind changed under them is asked again from there)
        mine.update(cur=None, editing=False, keep=None, zero_row=None)


def _learn_mended(mine: dict[str, Any], theirs: dict[str, Any], ctx: DialogContext) -> None:
    """The points a colleague mended (改 N) after the report's current return are the unit's: no longer flagged as
    what the return finds fault with for this clerk either, whether or not they have met the return yet. Mending
    after an earlier return is not learnt (theirs answers another reason)."""
    reason = ctx.return_mark if ctx.status == "returned" else None
    if reason is None or theirs.get("mended_after") != reason or not theirs.get("mended"):
        return
    if mine.get("mended_after") != reason:
        mine["mended"] = {}
    mine["mended_after"] = reason
    for code, written in theirs["mended"].items():
        own = mine["mended"].setdefault(code, [])
        own += [fact for fact in written if fact not in own]


def _note_revised(mine: dict[str, Any], ctx: DialogContext, by: str, at: str, answers: list[str]) -> None:
    """The parts colleague `by` revised under the report's current return (code → {by, at}, kept with that return's
    reason as `revised_after_return`): a clerk meeting the return after them is told the part shown is already the
    colleague's revision, not the text the supervisor returned."""
    if ctx.status != "returned" or not answers:
        return
    reason = ctx.return_mark
    noted = mine.get(REVISED)
    if not noted or noted.get("reason") != reason:
        noted = {"reason": reason, "parts": {}}
    noted["parts"].update({code: {"by": by, "at": at} for code in answers})
    mine[REVISED] = noted


def revised_after_return(state: dict[str, Any], reason: str, codes: Iterable[str]) -> dict[str, dict[str, str]]:
    """Which of `codes` a colleague revised after the return of `reason` (code → {by, at}); told once: forgotten."""
    noted = state.pop(REVISED, None)
    if not noted or noted.get("reason") != reason:
        return {}
    return {code: noted["parts"][code] for code in codes if code in noted["parts"]}


def in_progress(state: dict[str, Any], prose: set[str]) -> set[str]:
    """The paragraphs a clerk is in the middle of: facts taken and a draft to come, a text on offer, a model draft
    awaited. A text offered stays in the state once taken: it is on offer only at the question asked, or while the
    paragraph is unanswered (a paragraph taken and left learns a colleague's facts: its points had stayed the clerk's
    old ones under the colleague's new text)."""
    drafting = state["drafting"][0] if state["drafting"] else None
    asked = state["cur"][0] if state["cur"] else None
    answered = set(state["answered"])
    offers = [code for code in (*state["offered"], *state["checked"]) if code == asked or code not in answered]
    return {code for code in (*state["partial"], *offers, drafting) if code in prose}
