"""step(): one message in, the new state, report changes and replies out. Pure: no clock, no I/O."""

from __future__ import annotations

import copy
import re
from typing import Any

from .. import messages, mistyped
from ..confirmations import not_carried_out
from ..file_names import report_file
from ..formats.questions import Question
from ..incoming import Deferred, Incoming, Reply
from ..parse import QUESTION_SAID, normalise, parse_yes_no
from ..render import render_text, split_for_wecom
from ..report import Report, report_diff, with_derived
from ..spoken import END_PARTICLES, without_decoration
from ..summary import blank_ids, table_lines
from . import asked_back, checks, colleagues, corrections, hand_in, prose, questions, several, taken_over
from .context import DialogContext, StepResult, initial_state, load_state
from .facts import writes_own_paragraph
from .flow import (
    Position,
    Turn,
    done_total,
    first_sub,
    is_relevant,
    mark_answered,
    next_position,
    previous_position,
    question,
    table_complete,
    unanswered,
    unmark,
)
from .questions import answer, ask, complete, settle, typed_cells

PASSIVE_LIMIT = 2048
_EDIT = re.compile(r"^修改\s*[【\[(（]?\s*(\d+(?:\.\d+)?)\s*[】\])）]?$")
# 改 2.3, 修改 2.3 203 13 0: a question's code (never a note's number: 改 2 新内容 changes a paragraph's note 2),
# with the new answer in the same message
_EDIT_ANSWERED = re.compile(r"^(?:修改|改)\s*[【\[(（]?\s*(\d+\.\d+)\s*[】\])）]?(?:[\s:：,，]+(\S.*))?$", re.S)
# 修改 with no code, or a word where the code goes (修改 表三); “修改了…制度” is an answer, not a command
_EDIT_OTHER = re.compile(r"^修改\s*(?:$|([【\[(（]?\s*(?:[表第题]|\d)\S{0,5}|[一二三四五六七八九十]\S{0,3}))$")
_CONFIRM_SUBMIT = re.compile(r"^确认提交\s*[:：,，]?\s*(.*)$", re.S)
_CONFIRM_REASON = re.compile(r"^确认\s*[:：,，]?\s*(.+)$", re.S)
_SIMPLE = {"帮助", "进度", "返回", "跳过", "预览", "全文", "提交", "重新开始", "取消", "导入"}
# 撤回 is a command only where it cannot be an answer: a submitted report, or no question open (an applicant's
# 撤回 answers 【3.4】 while it is asked)
_WITHDRAW = "撤回"
_WITHDRAW_SAID = {"撤回", "撤销", "撤消"}  # 撤销 alone: as ambiguous as 撤回, so a command only where 撤回 is
# name the submission: always a command
_WITHDRAW_SUBMISSION = {"撤回提交", "撤销提交", "撤消提交", "取消提交", "撤回报告", "撤销报告", "撤消报告"}
# said of a report handed in, where no question is open: 我要撤回, 帮我撤销一下 ask for it; 能撤回吗, 怎么撤销 ask how
_WITHDRAW_WORD = re.compile(r"撤回|撤销|撤消")
_NOT_WITHDRAWING = re.compile(r"不要|不用|不必|不需要|别(?!的)|先不|暂不")  # 别的都对，帮我撤回 does ask for it
# the request itself, a clause of its own: 我要撤回, 帮我撤销一下, 请撤回报告吧, 撤回刚才的提交 (领导说先撤销 reports it)
_WITHDRAW_ASKED = re.compile(r"^(?:我(?:要|想)|帮我|请(?:帮我)?|麻烦(?:帮我)?)?(?:撤回|撤销|撤消)(?:一下)?"
                             r"(?:刚才的?|我的|这份)?(?:提交|报告|年报)?[吧了啊呀哈]*$")
# an applicant's withdrawal (申请人撤回的那件, 撤回了申请): words about table 三, never a request for the report
_APPLICATION_WITHDRAWN = re.compile(r"申请人[^，,。；;]{0,6}(?:撤回|撤销|撤消)|(?:撤回|撤销|撤消)了?[^，,。；;]{0,4}申请")
_CLAUSE_BREAK = re.compile(r"[\s，,；;。.!！~～]+")
_ASKING_ABOUT = re.compile(r"吗|么|怎|如何|能否|能不能|可否|可以|可不可以|是否|[?？]")
_PREVIOUS = {"上一题", "上一步", "上一个", "回到上一题"}
_RESUME = {"继续", "开始", "继续填写", "开始填写", "继续填报", "开始填报", "接着填", "接着填写"}
# a clerk asking how (after a return, at a question they do not know how to answer) gets the commands, not 没有看懂
_ASKING_HOW = {"怎么改", "怎么修改", "如何修改", "咋改", "怎么填", "如何填写", "咋填", "怎么弄", "咋弄", "怎么办", "咋办",
               "不会填", "不会弄", "不知道怎么填", "不知道怎么改", "怎么操作", "怎么用", "怎么回复", "怎么回答"}
# a clerk who says they do not know what is asked (我不会填, 看不懂, 说明) asks about the question, as 什么意思 does
_NOT_UNDERSTOOD = re.compile(r"不会填|不会弄|不懂|不明白|不理解|不清楚什么|说明一下|^说明$|^解释$|解释一下")
# the questions whose answer is a number or 是/否: a question typed there is answered before the question is asked again
_EXPLAINED_KINDS = ("row", "prefill", "amount", "gate", "menu", "menu_rows", "computed")
# a greeting mid-flow is no answer: greet back and ask the question again
_GREETINGS = {
    "你好", "您好", "你好呀", "您好呀", "在吗", "在不在", "在么", "hi", "hello", "hey", "嗨", "哈喽", "早", "早上好",
    "上午好", "中午好", "下午好", "晚上好", "大家好", "老师好", "你好啊", "您好啊",
}
_READ_ONLY = {"帮助", "进度", "预览", "全文"}
# the pinyin of each command word typed alone, for a phone whose Chinese input is off (jindu, Bang Zhu): read as the
# word at the edge (`handlers.conversation`), so it is that command wherever it arrives
COMMAND_PINYIN = {
    "帮助": "bang zhu", "进度": "jin du", "返回": "fan hui", "跳过": "tiao guo", "预览": "yu lan", "全文": "quan wen",
    "提交": "ti jiao", "重新开始": "chong xin kai shi", "取消": "qu xiao", _WITHDRAW: "che hui", "继续": "ji xu",
    "修改": "xiu gai", "确认": "que ren", "确认提交": "que ren ti jiao", "导入": "dao ru",
}
_LOCKED = ("submitted", "approved")
# the event of a step whose 重新开始 was confirmed: the unit's report is empty, its other clerks start afresh too
RESTARTED_EVENT = "restarted"


def step(state: dict[str, Any] | None, report: Report, incoming: Incoming, ctx: DialogContext,
         handed_over: bool = False, derived: bool = False) -> StepResult:
    """`handed_over`: the caller read `state` for this step alone, so the step may change it instead of a copy.
    `derived`: the report's derived cells are its sums already (the caller knows: a step's report, stored and read
    back as written), so the step starts from a copy of it instead of summing them all again."""
    start = report.copy() if derived else with_derived(report, ctx.fmt)
    turn = Turn(ctx, load_state(state, copy=not handed_over, ctx=ctx), start)
    turn.hold_as_derived(report if derived else None)  # `report` is only read from here on: see report_diff below
    turn.drafts_read = prose.draft_inputs(turn)
    _dispatch(turn, incoming)
    new = turn.derived()
    changes = report_diff(report, new)
    if turn.state.get("by") and changes:  # what this clerk answered now is theirs, no longer a colleague's
        colleagues.answered_here(turn.state, turn.fmt, changes, turn.redrafted)
    return StepResult(
        state=turn.state, report=new, changes=changes, replies=_replies(turn), log=turn.log,
        events=turn.events, redrafted=tuple(slot for slot in turn.redrafted if slot in changes),
    )


def _dispatch(turn: Turn, incoming: Incoming) -> None:
    if incoming.kind == "draft":  # a model draft from its job, not a message from the clerk
        questions.model_draft_arrived(turn, incoming.event_key, incoming.text)
        return
    text = incoming.text if incoming.kind == "text" else incoming.event_key
    text = without_decoration((text or "").strip())
    turn.as_typed = text
    if incoming.kind == "text" and not writes_own_paragraph(text):
        text = mistyped.meant(text)  # 依身请 → 依申请: the word meant, for every reader of the reply
    typed = incoming.kind in ("text", "click", "card") and bool(text)
    command, argument = _command(text) if typed else (None, "")
    if turn.ctx.status == "returned" and turn.state["returned_seen"] != turn.ctx.return_mark:
        _greet_returned(turn, command, argument)  # the return first: what colleagues did is told within it
        return
    changed_under = False  # a colleague changed this clerk's answers since their last message
    if turn.state["greeted"]:  # a clerk not yet greeted is told after the greeting
        _say_colleague_file(turn)
        changed_under = _say_colleague_news(turn)
    if not turn.state["greeted"] and not (command == "导入" and turn.state["file_offer"]):
        _first_message(turn, text if typed and command is None else "")
        return
    if incoming.kind == "file":
        turn.say(messages.say("file_unsupported"))
        _ask_current(turn)
        return
    if not typed:
        _greet(turn, returning=True)
        return
    # 撤回 typed while a question is asked that no word answers (a table's numbers, 是/否) is 撤回, not a slip for 返回
    if command is None and _says_withdraw(turn, normalise(text).strip("。.!！ ")):
        command = _WITHDRAW
    if command is None and _locked(turn) and _asks_how_to_withdraw(turn, text):
        return
    if command is None and _locked(turn) and _WITHDRAW_WORD.search(text):
        if not _asks_for_withdrawal(text):  # 申请人撤回了申请, 领导说先撤销: said, nothing withdrawn
            turn.say(messages.say("withdraw_not_asked", status=_status(turn),
                                  application=bool(_APPLICATION_WITHDRAWN.search(normalise(text)))))
            return
        command = _WITHDRAW  # 我要撤回, 撤回刚才的提交: nothing else a report handed in could be asked to do
    if _locked(turn):
        _while_locked(turn, command, argument)
        return
    if changed_under and (turn.state["pending"] == "submit_reason" or command in ("提交", "确认提交")):
        # not handed in in the very reply that tells what a colleague changed: read first, then 提交 again
        turn.state["pending"] = None
        turn.say(messages.say("colleague_submit_held"))
        _ask_current(turn)
        return
    if turn.state["pending"] == "submit_reason" and command == "确认":
        command = "确认提交"  # 确认 加原因, asked for a reason to submit: the submission confirmed
    if turn.state["pending"] and not _answers_pending(turn, command):
        _drop_pending(turn)
    if command == _WITHDRAW:
        _withdraw(turn, argument)
        return
    if turn.state["pending"] == "restart" and command is None:
        _confirm_restart(turn, text)
        return
    if turn.state["pending"] == "submit_reason" and command is None and _current(turn) is None:
        _try_submit(turn, confirmed=True, reason=text)
        return
    if command is not None:
        _COMMANDS[command](turn, argument)
        return
    correcting = turn.state["pending"] == _CORRECTING
    turn.state["pending"] = None
    if (rest := corrections.earlier_answer_said_wrong(text)) is not None:
        _correct_earlier(turn, rest)
        return
    if (rest := _another_answer_said_wrong_at_a_gate(turn, text)) is not None:
        _correct_earlier(turn, rest)
        return
    if _asks_for_numbers_only(turn) and (rest := corrections.answer_said_wrong(text)) is not None:
        if rest and _names_current(turn, rest):  # 说错了，许可是13 at 2.3: the answer to it, said again
            _answer_current(turn, rest)
        else:
            _correct_earlier(turn, rest)
        return
    if correcting and _answer_several(turn, text):  # 行政处罚 1, as the hint said: the table, never the part's notes
        return
    near = _near_command(text)
    if near is not None and _asks_numbers(turn):  # 帮主 at a table question: no number, nearly a command
        turn.say(messages.say("did_you_mean", typed=normalise(text), command=near))
        return
    if _asks_back(turn, text):
        _help(turn, text)
        return
    if _shows_numbers(turn) and (rest := corrections.answer_said_wrong(text)):
        text = corrections.new_words(rest)  # 不对，应该是0 1 0 0 0 0 at numbers shown: the numbers that replace them
    _answer_current(turn, text)


def _asks_back(turn: Turn, text: str) -> bool:
    """A question typed at a number question (规章是啥 我们有吗, 什么时候截止啊, 我不会填, ？) that is no answer to it:
    what it asks is answered, not refused as no number. A reply that reads as an answer stays one (有吗 → 有)."""
    pos = _current(turn)
    q = question(turn.fmt, pos[0]) if pos else None
    plain = normalise(text)
    if pos is not None and q is not None and q.kind == "prose":  # 这个啥意思 at a part: told what it asks, never drafted
        return asked_back.asks_about_part(text)
    if pos is None or q is None or q.kind not in _EXPLAINED_KINDS:
        return False
    if not (QUESTION_SAID.search(plain) or _NOT_UNDERSTOOD.search(plain)):
        return False
    trial = Turn(turn.ctx, copy.deepcopy(turn.state), copy.deepcopy(turn.report))
    return not (_answer_several(trial, text) or answer(trial, q, pos[1], text))


# a prose question told how to correct an earlier answer (上面那个填错了): the next reply is read first as rows and their
# numbers (行政处罚 1), as the hint offers, before it is read as the part's notes
_CORRECTING = "correction"
# what each awaited confirmation (state["pending"]) is answered by, besides 取消: anything else drops it, said so
_PENDING_KIND = {"restart": "restart", "submit_reason": "submit", "import": "import"}


def _answers_pending(turn: Turn, command: str | None) -> bool:
    pending = turn.state["pending"]
    if command == "取消":
        return True
    if pending == "restart":
        return command is None  # 确认 (or 是) restarts, any other words keep what was filled in, said so
    if pending == "submit_reason":
        return command == "确认提交" or (command is None and _current(turn) is None)  # the reason itself
    if pending == _CORRECTING:
        return command is None  # the row and its number, as told; a command drops it without a word
    if pending == "import":  # this year's file on offer: 导入 takes it; 预览 and the like leave it on offer
        return command == "导入" or command in _READ_ONLY
    return False


def _drop_pending(turn: Turn, cancelled: bool = False) -> None:
    """The confirmation awaited is dropped, and the reply says first that its action was not carried out."""
    kind = _PENDING_KIND.get(turn.state["pending"] or "")
    turn.state["pending"] = None
    turn.state["file_offer"] = None
    if kind is not None:
        turn.say(not_carried_out(kind, cancelled=cancelled))  # type: ignore[arg-type]


def _while_locked(turn: Turn, command: str | None, argument: str) -> None:
    """A submitted report: 帮助/进度/预览 work; anything else greets with where the report stands."""
    if command in _READ_ONLY:
        _COMMANDS[command](turn, argument)
    elif command == _WITHDRAW:
        _withdraw(turn, argument)
    else:
        turn.say(messages.say("locked", status=_status(turn), greeting=command in (None, "继续", "问候"),
                              user_name=turn.ctx.user_name, unit=turn.ctx.unit, year=turn.report.year))


def _says_withdraw(turn: Turn, plain: str) -> bool:
    if plain in _WITHDRAW_SUBMISSION:
        return True
    return plain in _WITHDRAW_SAID and (_locked(turn) or _current(turn) is None or _asks_numbers(turn))


def _asks_for_withdrawal(text: str) -> bool:
    """我要撤回, 别的都对，帮我撤回, 撤回刚才的提交: a clause that is a request for the report back, and nothing that
    says no (不要撤回) or that speaks of an application withdrawn (申请人撤回了申请)."""
    plain = normalise(text)
    if _NOT_WITHDRAWING.search(plain) or _APPLICATION_WITHDRAWN.search(plain):
        return False
    return any(_WITHDRAW_ASKED.match(clause) for clause in _CLAUSE_BREAK.split(plain))


def _asks_how_to_withdraw(turn: Turn, text: str) -> bool:
    """能撤回吗, 怎么撤销 of a report handed in: answered with how (or why not), nothing withdrawn unasked."""
    if not (_WITHDRAW_WORD.search(text) and _ASKING_ABOUT.search(text)) or _APPLICATION_WITHDRAWN.search(text):
        return False
    status = _status(turn)
    turn.say(messages.say("withdraw_how") if status == "submitted" else messages.say("withdraw_refused", status=status))
    return True


def _locked(turn: Turn) -> bool:
    return turn.ctx.status in _LOCKED or (turn.state["submitted"] and turn.ctx.status != "returned")


def _command(text: str) -> tuple[str | None, str]:
    plain = normalise(text).strip("。.!！ ")
    if plain in _SIMPLE:
        return plain, ""
    if plain.rstrip(END_PARTICLES) in _SIMPLE:  # 跳过吧, 提交啦
        return plain.rstrip(END_PARTICLES), ""
    if plain in _PREVIOUS:
        return "返回", ""
    if plain.rstrip("?？" + END_PARTICLES) in _ASKING_HOW:
        return "帮助", plain
    if plain in _RESUME:
        return "继续", ""
    if plain.strip("?？~～,，").casefold() in _GREETINGS:
        return "问候", ""
    m = _EDIT.match(plain)
    if m:
        return "修改", m.group(1)
    m = _EDIT_ANSWERED.match(plain)
    if m:
        return "修改", f"{m.group(1)} {m.group(2) or ''}".strip()
    m = _EDIT_OTHER.match(plain)
    if m:
        return "修改", (m.group(1) or "").strip()
    m = _CONFIRM_SUBMIT.match(plain)
    if m:
        return "确认提交", _as_typed(_CONFIRM_SUBMIT, text, m.group(1))
    m = _CONFIRM_REASON.match(plain)
    if m and not plain.startswith("确认提交"):
        return "确认", _as_typed(_CONFIRM_REASON, text, m.group(1))
    return None, ""


def _as_typed(command: re.Pattern[str], text: str, read: str) -> str:
    """The reason given with a command, in the clerk's own characters (，not the , the command was read with): the
    supervisor reads it as typed."""
    m = command.match(text.strip())
    return (m.group(1) if m else read).strip()


# --- greeting and asking -----------------------------------------------------------------------------------------


def _first_message(turn: Turn, text: str) -> None:
    """The greeting; a first message that already answers the first question (a reply to a reminder) is recorded."""
    if text and _answers_several_first(turn, text):
        return
    if not text or not _answers_first(turn, text):
        _greet(turn, returning=False)
        return
    _greet(turn, returning=False, asking=False)
    turn.state["cur"] = list(next_position(turn.ctx, turn.state) or ()) or None
    _answer_current(turn, text)


def _answers_several_first(turn: Turn, text: str) -> bool:
    """A first message naming the questions it answers: the greeting, then each answer recorded."""
    trial = Turn(turn.ctx, copy.deepcopy(turn.state), copy.deepcopy(turn.report))
    trial.state["cur"] = list(next_position(trial.ctx, trial.state) or ()) or None
    if not _answer_several(trial, text):
        return False
    _greet(turn, returning=False, asking=False)
    turn.state["cur"] = list(next_position(turn.ctx, turn.state) or ()) or None
    return _answer_several(turn, text)


def _answers_first(turn: Turn, text: str) -> bool:
    """Whether `text` is a valid answer to the first question, tried on a copy (nothing said, nothing stored)."""
    pos = next_position(turn.ctx, turn.state)
    q = question(turn.fmt, pos[0]) if pos else None
    if pos is None or q is None or q.kind == "prose":  # any text is prose material: a first hello is not
        return False
    trial = Turn(turn.ctx, copy.deepcopy(turn.state), copy.deepcopy(turn.report))
    return answer(trial, q, pos[1], text)


def _greet(turn: Turn, returning: bool, asking: bool = True) -> None:
    if not turn.state["greeted"]:
        turn.state["greeted"] = True
        _fill_automatic_slots(turn)
    done, total = _done_total(turn)
    # last year's file is asked for only while there is none, and not over a draft a file of this year became
    asks_file = turn.ctx.previous is None and not taken_over.has_typed(turn.report, turn.fmt)
    turn.say(messages.say(
        "greeting", user_name=turn.ctx.user_name, unit=turn.ctx.unit, year=turn.report.year,
        returning=returning, done=done, total=total, asks_file=asks_file,
    ))
    _say_colleague_file(turn)
    _say_colleague_news(turn)
    if asking:
        _ask_current(turn)


def _say_colleague_file(turn: Turn) -> None:
    """Once, at the head of the reply (after the greeting, for a clerk not yet greeted): another clerk of the unit
    took a file over as the draft since this clerk's last message, so what it answered is not asked
    (`taken_over.colleague_state`). Not said over a report handed in since: its standing says more."""
    turn.say(_colleague_file_text(turn))


def _colleague_file_text(turn: Turn) -> str:
    """What `_say_colleague_file` says ("" when nothing), taken from the state: told once."""
    told = turn.state["colleague_file"]
    if not told:
        return ""
    turn.state["colleague_file"] = None
    if _locked(turn):
        return ""
    rewritten = question(turn.fmt, told.get("rewritten") or "")
    return messages.say("colleague_file", by=told["by"], name=told["name"], answered=told["answered"],
                        unit=turn.ctx.unit, year=turn.report.year, rewritten=rewritten)


def _say_colleague_news(turn: Turn) -> bool:
    """Once, at the head of the reply (after the greeting, for a clerk not yet greeted): what the unit's other clerks
    answered, changed of this clerk's answers, or started afresh since this clerk's last message (`colleagues`).
    Whether it told of answers of theirs changed."""
    told = turn.state.get("colleague_news")
    turn.say(_colleague_news(turn))
    return bool(told and (told["changed"] or told["refreshed"]))


def _colleague_news(turn: Turn) -> str:
    """What `_say_colleague_news` says ("" when nothing), taken from the state: told once."""
    told = turn.state.get("colleague_news")
    if not told:
        return ""
    turn.state["colleague_news"] = None
    titles = {q.code: q.title for q in turn.fmt.questions}
    return messages.say(
        "colleague_news", unit=turn.ctx.unit, year=turn.report.year, titles=titles,
        filled={by: codes for by, codes in told["filled"].items() if codes}, changed=told["changed"],
        refreshed=told["refreshed"], restarted=told["restarted"], rewritten=told.get("rewritten") or {},
        accepted=told.get("accepted") or [])


def _greet_returned(turn: Turn, command: str | None, argument: str) -> None:
    """The return notice, then the message itself if it is a command; else the question the reason concerns. 提交
    is held: the clerk has not read the reason yet, so nothing goes back to the supervisor unread and unchanged."""
    reason, mark = turn.ctx.returned_reason or "", turn.ctx.return_mark
    # a reason (or 确认) answering the 确认提交 asked before the return came is a 提交 too, from a stale point: held
    held = command in ("提交", "确认提交") or (
        turn.state["pending"] == "submit_reason" and command in (None, "确认") and _current(turn) is None)
    # the same reason as the return this clerk last met: the supervisor returned it again, unchanged in their eyes
    again = turn.ctx.times_returned > 1 and _reason_of(turn.state["returned_seen"]) == reason
    # what a colleague mended after this return is the unit's: kept (`colleagues`); what was mended before, forgotten
    mended = turn.state["mended"] if turn.state.get("mended_after") == mark else {}
    turn.state.update(returned_seen=mark, submitted=False, greeted=True, pending=None, mended=mended,
                      mended_after=mark if mended else None)
    codes = checks.concerned_questions(turn, reason)
    code = codes[0] if codes else None
    turn.state["queue"] = codes[1:]
    reopened = _reopen_concerned_warnings(turn, reason, mark)
    # 进度 asked as the return arrives is answered by the return notice itself (the status, the reason, the part to
    # fix): a list of parts all 已完成 between 下面是意见涉及的题目 and that part only hides it
    runs = command is not None and not held and command not in ("继续", "问候") and not (command == "进度" and code)
    # the return is told first; what colleagues did since this clerk's last message follows it, before the part to
    # fix (a colleague's acceptance heading the reply had hidden the return behind it)
    titles = {q.code: q.title for q in turn.fmt.questions}
    revised = [{"code": c, "title": titles.get(c, ""), **by}
               for c, by in colleagues.revised_after_return(turn.state, mark, codes).items()]
    _told_as_revised(turn, [r["code"] for r in revised])
    news = "\n".join(filter(None, (_colleague_file_text(turn), _colleague_news(turn))))
    turn.say(messages.say("returned", user_name=turn.ctx.user_name, unit=turn.ctx.unit, year=turn.report.year,
                          reason=reason or "（未填写）", times=turn.ctx.times_returned, again=again, code=code, more="、".join(f"【{c}】" for c in codes[1:]),
                          asks=not runs, held=held, news=news, revised=revised, reopened=reopened))
    if code:
        q = question(turn.fmt, code)
        turn.state["editing"] = True
        turn.state["cur"] = list(_entry(turn, q)) if q else [code, 0]
        if q is not None and not runs:
            questions.say_current(turn, q)
    if runs:
        _COMMANDS[command](turn, argument)
    elif code or next_position(turn.ctx, turn.state):
        _ask_current(turn)


def _reason_of(mark: str | None) -> str | None:
    """The reason of a return as `DialogContext.return_mark` marked it (None: no return met)."""
    return None if mark is None else re.sub(r"#\d+$", "", mark)


def _reopen_concerned_warnings(turn: Turn, reason: str, mark: str) -> list[dict[str, Any]]:
    """The warnings the unit accepted before this return that its reason concerns are no longer accepted: the
    supervisor has read the reason given and returned the report for them, so 提交 asks them again (a new reason may
    be given). Those accepted after this return (a colleague met it first) and those the reason does not concern stay.
    Returns who had accepted how many, with which reason ([{by, reason, count}]; by "" for this clerk), to be told."""
    accepted = {k: e for k, e in turn.state["warnings"].items()
                if e.get("accepted") is not None and e.get("after") != mark}
    if not accepted:
        return []
    warnings = [f for f in hand_in.hand_in_findings(turn) if f.level == "warning" and checks.key(f) in accepted]
    told: list[dict[str, Any]] = []
    for f in checks.warnings_concerned(turn, reason, warnings):
        k = checks.key(f)
        entry = accepted[k]
        was = {"by": entry.pop("by", ""), "reason": entry["accepted"]}
        entry.update(accepted=None, reopened=was)
        turn.events.append(f"{checks.REOPENED_EVENT}:{k}")
        same = next((t for t in told if t["by"] == was["by"] and t["reason"] == was["reason"]), None)
        if same is None:
            told.append({**was, "count": 1})
        else:
            same["count"] += 1
    news = turn.state.get("colleague_news")
    for r in told if news else ():  # a colleague's acceptance reopened is not told as needing no new confirmation
        colleagues.untell_accepted(news, r["by"], r["reason"], r["count"])
    return told


def _told_as_revised(turn: Turn, codes: list[str]) -> None:
    """A paragraph of this clerk's a colleague revised after the return is told once, as revised after it (with
    when), not a second time as 本单位…修改了您填写的 with nothing more to say (a number's change, from what to what,
    is still told)."""
    changed = (turn.state.get("colleague_news") or {}).get("changed") or {}
    for code in codes:
        if code in changed and not (changed[code]["before"] or changed[code]["after"]):
            del changed[code]


def _fill_automatic_slots(turn: Turn) -> None:
    """Slots no question asks for (the preface) are drafted at once; the user may still replace them by pasting."""
    asked = {q.slot for q in turn.fmt.questions if q.slot}
    for slot in turn.fmt.slots:
        if slot.id not in asked and not slot.section and not (turn.report.text.get(slot.id) or "").strip():
            turn.report.text[slot.id] = prose.draft_preface(turn.ctx, turn.report)
            turn.redrafted.add(slot.id)


def _near_command(text: str) -> str | None:
    """The command word `text` misses by one character (帮主, 进渡, 提叫), when it holds no digit."""
    plain = normalise(text).strip("。.!！?？ ")
    if re.search(r"\d", plain) or not 2 <= len(plain) <= 4:
        return None
    same_length = (c for c in sorted(_SIMPLE) if len(c) == len(plain))
    return next((c for c in same_length if sum(a != b for a, b in zip(c, plain, strict=True)) == 1), None)


def _asks_numbers(turn: Turn) -> bool:
    """The current question is answered with numbers (a menu's or a prose question's answer may be any word: 撤回)."""
    q = _current_question(turn)
    return q is not None and q.kind in ("row", "prefill", "amount", "gate")


# the questions no reply opening with 不对 answers: not a gate (不对 is its 否), not a prose part, a computed row or a
# row shown filled from last year's report (what it shows said wrong)
_NUMBERS_ONLY = ("row", "prefill", "amount", "menu", "menu_rows")


def _asks_for_numbers_only(turn: Turn) -> bool:
    """The current question is answered by numbers or options and shows none, so a reply opening with 不对 speaks of an
    earlier one."""
    q = _current_question(turn)
    return q is not None and q.kind in _NUMBERS_ONLY and not questions.shows_last_years(turn, q)


def _another_answer_said_wrong_at_a_gate(turn: Turn, text: str) -> str | None:
    """At a 是/否 question, what follows an opening 不对/不是 that names another question (不对，收费是3500元): said of
    that answer, never this question's 否, which would set a whole table to 0."""
    q = _current_question(turn)
    if q is None or q.kind != "gate" or (rest := corrections.no_and_more(text)) is None:
        return None
    named = several.named_only(turn.fmt, rest)
    return rest if named is not None and named != q.code else None


def _shows_numbers(turn: Turn) -> bool:
    """The current question shows numbers to confirm (结转下年度 computed, 上年结转 from last year's report)."""
    q = _current_question(turn)
    return q is not None and (q.kind == "computed" or questions.shows_last_years(turn, q))


def _names_current(turn: Turn, text: str) -> bool:
    """The words name the current question by a name no other question has (许可是13 at 2.3), and no row of it was
    answered yet (at 3.5's second result kind, 自然人是9 may be the first one's)."""
    cur = _current(turn)
    return cur is not None and cur[1] == 0 and several.named_only(turn.fmt, text) == cur[0]


def _current_question(turn: Turn) -> Question | None:
    cur = _current(turn)
    return question(turn.fmt, cur[0]) if cur else None


def _current(turn: Turn) -> Position | None:
    cur = turn.state["cur"]
    if cur:
        q = question(turn.fmt, cur[0])
        if q is not None and is_relevant(turn.fmt, turn.state, q):
            return cur[0], int(cur[1])
    return None


def _ask_current(turn: Turn) -> None:
    pos = _current(turn) or next_position(turn.ctx, turn.state)
    if pos is None:
        _say_all_done(turn)
    else:
        ask(turn, pos)


def _ask_next(turn: Turn) -> None:
    _go(turn, next_position(turn.ctx, turn.state), leaving=True)


def _queued(turn: Turn) -> Position | None:
    """The next question a return reason named, once nothing else is left unanswered."""
    while turn.state["queue"]:
        q = question(turn.fmt, turn.state["queue"].pop(0))
        if q is not None and is_relevant(turn.fmt, turn.state, q):
            return _entry(turn, q)
    return None


def _entry(turn: Turn, q: Question) -> Position:
    """Where a revisited question opens: a prose question that has its text shows it first (回复1保留), so a return or
    a 修改 never starts again from an empty facts prompt."""
    if q.kind == "prose" and (turn.report.text.get(q.slot) or "").strip():
        turn.state["keep"] = q.code
        return q.code, 1
    return q.code, first_sub(turn.ctx, q)


def _say_all_done(turn: Turn) -> None:
    skipped = [q.code for q in unanswered(turn.ctx, turn.state)]
    if skipped:
        turn.say(messages.say("all_done_skipped", codes="、".join(f"【{c}】" for c in skipped)))
        return
    errors = checks.errors_now(turn)
    if not errors:
        turn.say(messages.say("all_done"))
        return
    if not turn.findings_shown:
        turn.say(checks.render(turn, errors, []))
    turn.say(messages.say("all_done_errors"))


def _answer_several(turn: Turn, text: str) -> bool:
    """A reply that names the questions it answers (“规章0 0 0，规范性文件0 0 0”): each answered, all or none."""
    cur = _current(turn)
    found = several.pieces(turn, text, cur[0] if cur else None)
    targets = [(question(turn.fmt, code), piece) for code, piece in found]
    if not targets or any(q is None or not is_relevant(turn.fmt, turn.state, q) or not p for q, p in targets):
        return False
    trial = Turn(turn.ctx, copy.deepcopy(turn.state), copy.deepcopy(turn.report))
    if not all(answer(trial, q, first_sub(turn.ctx, q), piece) for q, piece in targets):  # type: ignore[arg-type]
        return False
    for q, piece in targets:
        answer(turn, q, first_sub(turn.ctx, q), piece)  # type: ignore[arg-type]
        settle(turn, q)  # type: ignore[arg-type]
    turn.state["pending"] = None
    nxt = next_position(turn.ctx, turn.state)
    for table in dict.fromkeys(q.table for q, _ in targets if q is not None and q.table):
        if table_complete(turn.ctx, turn.state, table):
            checks.check_table(turn, table, asking=nxt[0] if nxt else None)
    _go(turn, nxt, leaving=True)
    return True


def _correct_earlier(turn: Turn, text: str) -> None:
    """A reply that says an earlier answer was wrong: the questions the words after it name are answered; without
    such words the clerk is told how to correct an earlier answer, and the question asked stands."""
    if text and _answer_several(turn, text):
        return
    answered = [code for code in turn.state["answered"] if (q := question(turn.fmt, code)) and q.kind != "prose"]
    # the answer a 不对 speaks of is the last one given — after 修改 2.2 … that is 2.2, not the last question in order
    last = turn.state.get("last_answered")
    answered = [*(c for c in answered if c != last), last] if last in answered else answered
    # applied at once, not asked back (是否更正【2.2】？): nothing has been answered at the question asked, so 不对 can
    # only mean the answer just echoed; the echo says what changed, and a clerk on a phone is spared a round trip
    if text and answered and _answers_last(turn, answered[-1], corrections.new_words(text)):
        return
    turn.say(messages.say("earlier_wrong", code=answered[-1] if answered else ""))
    pos = _current(turn)
    if pos is not None and (q := question(turn.fmt, pos[0])) is not None and q.kind == "prose":
        turn.state["pending"] = _CORRECTING
    _ask_current(turn)


# the questions whose whole answer a correction may give unnamed (不对，是1 0 5 just after 1 0 3): one row, one amount
_CORRECTED_UNNAMED = ("row", "prefill", "amount")


def _answers_last(turn: Turn, code: str, new: str) -> bool:
    """不对，是1 0 5 right after 规范性文件 1 0 3: the words after 不对 are a whole answer to the last question answered,
    so they replace it there (as 修改 2.2 1 0 5 would); False, nothing changed, when they are not (不对，是5 at a row of
    three: which column is meant is not said)."""
    q = question(turn.fmt, code)
    if q is None or q.kind not in _CORRECTED_UNNAMED or not new:
        return False
    trial = Turn(turn.ctx, copy.deepcopy(turn.state), copy.deepcopy(turn.report))
    if not answer(trial, q, first_sub(turn.ctx, q), new):
        return False
    _edit(turn, f"{code} {new}")
    return True


def _answer_current(turn: Turn, text: str) -> None:
    pos = _current(turn)
    if pos is None:
        _ask_current(turn)
        return
    q0 = question(turn.fmt, pos[0])
    if q0 is not None and q0.kind != "prose" and _answer_several(turn, text):
        return
    q = question(turn.fmt, pos[0])
    assert q is not None
    typed = typed_cells(turn, q, pos[1])
    if not answer(turn, q, pos[1], text):
        ask(turn, pos, again=True)
        return
    typed = turn.typed_instead or typed
    if turn.state.get("keep") == q.code:
        turn.state["keep"] = None  # past the current text: a new draft from here on
    if turn.pasted and q.code not in turn.state["answered"]:
        own = []  # a block of another table's rows: the question asked still waits for its own answer
    else:
        own = checks.own_errors(turn, q.code, typed) if typed else checks.gate_errors(turn, q)
    if own:
        _stay(turn, q, pos, own)
        return
    settle(turn, q)
    nxt = _after(turn, q)
    for table in _tables_touched(turn, q):
        if table_complete(turn.ctx, turn.state, table):
            checks.check_table(turn, table, asking=nxt[0] if nxt else None)
    _go(turn, nxt)


def _after(turn: Turn, q: Question) -> Position | None:
    """The same question while it goes on (the next chosen kind, the draft after the facts); else the next one."""
    if q.code not in turn.state["answered"] and q.code in turn.state["partial"] and is_relevant(turn.fmt, turn.state, q):
        return q.code, turn.state["partial"][q.code]
    return next_position(turn.ctx, turn.state)


def _stay(turn: Turn, q: Question, pos: Position, errors: list) -> None:
    """An answer that breaks a rule about its own cells (规章 typed by a 街道): recorded, but the question stands."""
    unmark(turn.state, q.code)
    if q.kind == "menu_rows":
        turn.state["partial"][q.code] = pos[1]
    turn.say(checks.render(turn, errors, [], asking=q.code))
    turn.say(messages.say("ask_again", code=q.code))
    ask(turn, pos)


def _go(turn: Turn, pos: Position | None, leaving: bool = False) -> None:
    cur = turn.state["cur"]
    if not leaving and pos is not None and cur and pos[0] == cur[0] and pos[0] not in turn.state["answered"]:
        ask(turn, pos)  # still inside the question (修改 included): not yet back where the user was
        return
    if pos is None:
        pos = _queued(turn)
        if pos is not None:
            turn.state["editing"] = True
            ask(turn, pos)
            return
    turn.state["editing"] = False
    if pos is None:
        turn.state["cur"] = None
        _say_all_done(turn)
    else:
        ask(turn, pos)


def _tables_touched(turn: Turn, q: Question) -> list[str]:
    if turn.pasted:  # a pasted block may fill another table than the question's
        return [t.key for t in turn.fmt.tables]
    return [q.table] if q.table else []


def _done_total(turn: Turn) -> tuple[int, int]:
    return done_total(turn.ctx, turn.state)


def _status(turn: Turn) -> str:
    if turn.ctx.status == "draft" and turn.state["submitted"]:
        return "submitted"
    return turn.ctx.status


# --- commands ----------------------------------------------------------------------------------------------------


def _help(turn: Turn, asked: str) -> None:
    """帮助: the commands. 怎么填 (`asked`): the commands and what the question's rows are; a question typed at a
    number question (规章是啥, 什么时候截止): what it asks about, answered from the format. Then the question again."""
    pos = None if _locked(turn) else _current(turn)
    q = question(turn.fmt, pos[0]) if pos else None
    how = asked and normalise(asked).strip("。.!！ ").rstrip("?？" + END_PARTICLES) in _ASKING_HOW
    if not asked or how or q is None or q.kind not in (*_EXPLAINED_KINDS, "prose"):
        turn.say(messages.say("help"))
    if asked and pos is not None and q is not None and q.kind == "prose":  # 这个啥意思, 怎么填: what the part asks
        turn.say(asked_back.part_help(turn, q, prompted=pos[1] == 0, asked=asked))
    if asked and pos is not None and q is not None and q.kind in _EXPLAINED_KINDS:
        turn.say(asked_back.question_help(turn, q, pos[1], asked, fallback=not how))
        if q.kind == "menu" and not how:
            return  # the answer says 「继续」 shows the options again: the whole list pushed after it hid the answer
    if not _locked(turn):
        _ask_current(turn)


def _hello(turn: Turn, _: str) -> None:
    """你好 mid-flow: a short greeting back, then the question the user is at (as 继续)."""
    turn.say(messages.say("hello", user_name=turn.ctx.user_name, year=turn.report.year))
    _resume(turn, "")


def _resume(turn: Turn, _: str) -> None:
    """继续 / 开始: the question the user is at, shown again; nothing is stored."""
    _ask_current(turn)


def _progress(turn: Turn, _: str) -> None:
    with_errors = checks.error_codes(turn, checks.errors_now(turn))
    lines, not_needed = [], []
    done = 0
    for q in turn.fmt.questions:
        if not is_relevant(turn.fmt, turn.state, q):
            not_needed.append(q.code)
            continue
        if q.code in turn.state["answered"]:
            mark = "有误" if q.code in with_errors else "已完成"
        elif q.code in turn.state["skipped"]:
            mark = "已跳过"
        else:
            mark = "未填写"
        done += mark == "已完成"
        lines.append(f"【{q.code}】{q.title}：{mark}")
    total = len(lines)
    turn.say(messages.say(
        "progress", done=done, total=total, lines=lines, not_needed="".join(f"【{c}】" for c in not_needed),
        errors=sum(1 for line in lines if line.endswith("有误")), status=_status(turn),
        reason=turn.ctx.returned_reason or "", unit=turn.ctx.unit, year=turn.report.year,
    ))
    if not _locked(turn):
        _ask_current(turn)


def _back(turn: Turn, _: str) -> None:
    """The step before: within a question its earlier step; another question opens as 修改 opens it — what it holds
    first (当前：…), a paragraph already written shown to keep (回复1保留), never as if it were blank."""
    cur = _current(turn)
    pos = previous_position(turn.ctx, turn.state, cur)
    if pos is None:
        turn.say(messages.say("nothing_back"))
        _ask_current(turn)
        return
    turn.state["editing"] = True
    q = question(turn.fmt, pos[0])
    if q is not None and (cur is None or cur[0] != q.code):
        questions.say_current(turn, q)
        if q.kind == "prose":
            pos = _entry(turn, q)
    ask(turn, pos)


def _skip(turn: Turn, _: str) -> None:
    """Left for later; but a question that has all its answers keeps them (跳过 during 修改 = keep the old answer)."""
    pos = _current(turn)
    if pos is None:
        _ask_current(turn)
        return
    q = question(turn.fmt, pos[0])
    if q is not None and complete(turn, q):
        mark_answered(turn.state, q.code)
        turn.say(messages.say("skipped", code=q.code, kept=True))
        settle(turn, q)
        _ask_next(turn)
        return
    if pos[0] not in turn.state["skipped"] and pos[0] not in turn.state["answered"]:
        turn.state["skipped"].append(pos[0])
    turn.say(messages.say("skipped", code=pos[0], kept=False))
    _ask_next(turn)


def _edit(turn: Turn, argument: str) -> None:
    """修改 2.3: the question asked again, with what it holds; 修改 2.3 203 13 0: answered at once with the new words."""
    code, _, new_answer = argument.partition(" ")
    q = question(turn.fmt, code)
    if q is None:
        turn.say(messages.say("unknown_code", code=code, groups=_code_groups(turn)))
        _ask_current(turn)
        return
    if not is_relevant(turn.fmt, turn.state, q):
        closed_by = q.gate if q.gate and turn.state["gates"].get(q.gate) is False else q.menu or q.gate
        turn.say(messages.say("not_relevant", code=code, gate=closed_by, skipped=closed_by in turn.state["skipped"]))
        _ask_current(turn)
        return
    turn.state["editing"] = True
    if q.code in turn.state["skipped"]:
        turn.state["skipped"].remove(q.code)
    if new_answer:
        turn.state["cur"] = list(_entry(turn, q))
        _answer_current(turn, new_answer)
        return
    questions.say_current(turn, q)
    ask(turn, _entry(turn, q))


def _code_groups(turn: Turn) -> list[str]:
    """“表二 2.1–2.4” …: every code a 修改 can name, by the table or section it belongs to."""
    groups: dict[str, list[str]] = {}
    for q in turn.fmt.questions:
        section = turn.fmt.slot(q.slot).section if q.slot else ""
        name = f"表{turn.fmt.table(q.table).section}" if q.table else turn.fmt.section(section).heading
        groups.setdefault(name, []).append(q.code)
    return [f"{name} {codes[0]}" + (f"–{codes[-1]}" if len(codes) > 1 else "") for name, codes in groups.items()]


def _preview(turn: Turn, _: str) -> None:
    """The report in a few lines: the tables summarised, the parts not yet written named; the whole text is 全文,
    the Word file follows."""
    report, unfinished = _preview_report(turn)
    keys = tuple(t.key for t in turn.fmt.tables if f"表{t.section}" in unfinished)
    unwritten = [q.title for q in turn.fmt.questions if q.kind == "prose" and not (turn.report.text.get(q.slot) or "").strip()]
    turn.say(messages.say("preview", tables=table_lines(report, turn.fmt, keys), unwritten=unwritten))
    turn.extra.append(_word_file(turn, report.year))
    if not _locked(turn):
        _ask_current(turn)


def _full_text(turn: Turn, _: str) -> None:
    """全文: the whole report as text, in as many messages as it takes."""
    report, _unfinished = _preview_report(turn)
    parts = split_for_wecom(render_text(report, turn.fmt, turn.ctx.submitted_on), PASSIVE_LIMIT)
    turn.say(messages.say("full_text", parts=len(parts)))
    turn.extra.extend(Reply(text=p) for p in parts)
    if not _locked(turn):
        _ask_current(turn)


def _word_file(turn: Turn, year: int) -> Reply:
    name = report_file(turn.ctx.unit, year, "docx")
    # the Word file takes over 100 ms: the edge renders it as a job after the message is committed
    return Reply(kind="file", file_name=name, deferred=Deferred("report_docx", {"unit": turn.ctx.unit, "year": year}))


def _preview_report(turn: Turn) -> tuple[Report, list[str]]:
    """The report as it stands: a total with a blank addend stays blank, a text not yet written says so."""
    report = with_derived(turn.report, turn.fmt)
    unfinished = [f"表{t.section}" for t in turn.fmt.tables if not table_complete(turn.ctx, turn.state, t.key)]
    blank = blank_ids(turn.report, turn.fmt)  # what the supervisor's 查看 leaves out of the findings, too
    for cell in turn.fmt.cells:  # a total with a blank addend (a row not yet typed): its 0 would read as an answer
        if cell.derived and cell.id in blank:
            report.cells.pop(cell.id, None)
    for slot in turn.fmt.slots:
        if slot.id in blank:
            report.text[slot.id] = messages.say("to_be_written")
    return report, unfinished


def _restart(turn: Turn, _: str) -> None:
    turn.state["pending"] = "restart"
    own, others = colleagues.answered_by(turn.state)  # the report is the unit's: whose answers go with it is said
    turn.say(messages.say("restart_confirm", own=own, others=others))


def _confirm_restart(turn: Turn, text: str) -> None:
    plain = normalise(text).strip("。.!！ ")
    if plain == "确认" or parse_yes_no(plain) is True:
        turn.state = initial_state()
        turn.events.append(RESTARTED_EVENT)  # the unit's other clerks start afresh too, told so (the edge)
        r = turn.report
        turn.report = Report(r.unit, r.unit_kind, r.year, {}, {}, r.format_id)
        turn.say(messages.say("restarted"))
        _greet(turn, returning=False)
        return
    _drop_pending(turn, cancelled=True)
    _ask_current(turn)


def _cancel(turn: Turn, _: str) -> None:
    if turn.state["pending"]:
        _drop_pending(turn, cancelled=True)
        _ask_current(turn)
    elif turn.state["editing"]:
        turn.say(messages.say("cancelled", what="edit"))
        _ask_next(turn)
    else:
        turn.say(messages.say("cancelled", what="nothing"))
        _ask_current(turn)


def _accept_reason(turn: Turn, reason: str) -> None:
    keys = checks.pending_warning_keys(turn)
    if not keys:
        # not about warnings: 确认 … is an answer like any other (e.g. to 结转下年度)
        _answer_current(turn, f"确认 {reason}")
        return
    checks.accept_warnings(turn, keys, reason)
    turn.say(messages.say("warnings_accepted", reason=reason))
    _ask_current(turn)


def _import_file(turn: Turn, _: str) -> None:
    """导入: this year's file on offer replaces the draft (the values replaced stay in the audit); the conversation
    goes on at the first question the file left open."""
    offer = turn.state.get("file_offer")
    if not offer:
        turn.say(messages.say("file_imported", offered=False))
        _ask_current(turn)
        return
    taken = taken_over.take_over_turn(turn, Report.from_dict(offer["report"], turn.fmt))
    turn.events.append(f"{taken_over.TAKEN_OVER_EVENT}:{offer['name']}")
    if not turn.state["greeted"]:  # the file came before any message: the opening is drafted as a greeting drafts it
        turn.state["greeted"] = True
        _fill_automatic_slots(turn)
    turn.say(messages.say("file_imported", offered=True, name=offer["name"], unit=turn.ctx.unit,
                          year=turn.report.year, answered=len(taken.answered),
                          still_open=taken.still_open_labels))
    _ask_current(turn)


def _submit(turn: Turn, _: str) -> None:
    _try_submit(turn, confirmed=False, reason="")


def _confirm_submit(turn: Turn, reason: str) -> None:
    _try_submit(turn, confirmed=True, reason=reason)


def _try_submit(turn: Turn, confirmed: bool, reason: str) -> None:
    missing = unanswered(turn.ctx, turn.state)
    if missing:
        items = [(q.code, q.title, q.code in turn.state["skipped"]) for q in missing]
        turn.say(messages.say("unanswered", items=items))
        first = missing[0]
        if first.code != (turn.state["cur"] or [None])[0]:
            turn.state["editing"] = True
        ask(turn, next_position(turn.ctx, {**turn.state, "skipped": []}) or (first.code, first_sub(turn.ctx, first)))
        return
    _fill_automatic_slots(turn)
    found = hand_in.hand_in_findings(turn)
    errors = [f for f in found if f.level == "error"]
    warnings = checks.open_warnings(turn, found)
    checks.remember_shown(turn, warnings)
    if errors:
        turn.say(checks.render(turn, errors, warnings))
        turn.say(messages.say("submit_blocked"))
        return
    if warnings and not confirmed:
        turn.state["pending"] = "submit_reason"
        turn.say(checks.render(turn, [], warnings, ask_reason=False))
        turn.say(messages.say("submit_warnings", example=checks.reason_example(warnings)))
        return
    if warnings and (not reason.strip() or parse_yes_no(reason) is not None):  # 是/好 is no reason
        turn.state["pending"] = "submit_reason"
        turn.say(messages.say("submit_need_reason", count=len(warnings), example=checks.reason_example(warnings)))
        return
    told = hand_in.results_in_reason(turn, warnings, reason)
    if told is not None and told.new:
        _offer_results_told(turn, told, [checks.key(f) for f in warnings], reason.strip())
        return
    if warnings:
        checks.accept_warnings(turn, [checks.key(f) for f in warnings], reason.strip())
    _finish(turn)


def _offer_results_told(turn: Turn, told: hand_in.ResultsInReason, keys: list[str], reason: str) -> None:
    """确认提交 今年没考核也没评议: the results the reason states are the part's notes, its draft offered with them,
    never a reason the published part goes without. The part stays answered with its text (the draft replaces it only
    once taken), and the rest of the reason is the reason the warnings are accepted with: 1 then 提交 hands in; 确认提交
    with the same reason again hands in as the part stands. Handed in without the draft taken, the part's warning is
    accepted with the whole reason (`_finish`)."""
    q = told.question
    turn.state["pending"] = None
    turn.state["reason_offered"] = {"slot": q.slot, "results": told.results, "reason": reason}
    if told.rest:
        checks.accept_warnings(turn, keys, told.rest)
    turn.say(messages.say("reason_in_part", code=q.code, title=q.title, clauses=told.clauses, rest=told.rest))
    _edit(turn, f"{q.code} {'；'.join(told.clauses)}")
    mark_answered(turn.state, q.code)  # the published part stands until the new draft is taken


def _finish(turn: Turn) -> None:
    offered, turn.state["reason_offered"] = turn.state.get("reason_offered"), None
    keys = hand_in.results_still_left_out(turn, offered) if offered else []
    if keys and any(turn.state["warnings"].get(k, {}).get("accepted") != offered["reason"] for k in keys):
        checks.accept_warnings(turn, keys, offered["reason"])  # the results it states were not taken into the part
    report = turn.derived()
    turn.state.update(submitted=True, pending=None, cur=None, editing=False)
    turn.events.append("submitted")
    turn.say(messages.say("submitted", unit=turn.ctx.unit, year=report.year, tables=table_lines(report, turn.fmt)))
    turn.extra.append(_word_file(turn, report.year))


def _withdraw(turn: Turn, _: str) -> None:
    """撤回: a submitted report comes back to its clerk until a supervisor has reviewed it (the edge sets it back to
    draft and tells the supervisors on the event); after 通过 or 退回 there is nothing to withdraw."""
    status = _status(turn)
    if status != "submitted":
        turn.say(messages.say("withdraw_refused", status=status))
        if not _locked(turn):
            _ask_current(turn)
        return
    turn.state.update(submitted=False, pending=None, editing=False)
    turn.events.append("withdrawn")
    turn.say(messages.say("withdrawn", unit=turn.ctx.unit, year=turn.report.year))


_COMMANDS = {
    "帮助": _help,
    "进度": _progress,
    "返回": _back,
    "跳过": _skip,
    "修改": _edit,
    "预览": _preview,
    "全文": _full_text,
    "提交": _submit,
    "继续": _resume,
    "问候": _hello,
    "确认提交": _confirm_submit,
    "重新开始": _restart,
    "取消": _cancel,
    "确认": _accept_reason,
    "导入": _import_file,
}


# --- output ------------------------------------------------------------------------------------------------------


def _replies(turn: Turn) -> list[Reply]:
    text = "\n\n".join(p for p in turn.parts if p)
    pieces = split_for_wecom(text, PASSIVE_LIMIT) if text else [""]
    return [Reply(text=p.strip()) for p in pieces] + turn.extra


__all__ = ["step"]
