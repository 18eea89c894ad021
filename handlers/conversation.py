"""The engine behind the WeCom edge: staff fill their report through the guided conversation
(`bot.dialog.step`), supervisors and admins give commands (`handlers.supervisor`).

Runs inside the storage transaction the edge opened for this message (see `handlers.service.Engine`): everything
read and written here is committed together with the dedup record and the outbox rows, or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.dialog import COMMAND_PINYIN as CLERK_PINYIN
from bot.dialog import DialogContext, StepResult, colleagues, step
from bot.dialog.checks import REOPENED_EVENT
from bot.dialog.engine import RESTARTED_EVENT
from bot.dialog.taken_over import TAKEN_OVER_EVENT, colleague_state, offer_file, take_over
from bot.incoming import Deferred, Incoming, Reply
from bot.messages import edge
from bot.report import Report
from bot.spoken import by_pinyin, word_from_pinyin
from bot.supervision import COMMAND_PINYIN as SUPERVISOR_PINYIN
from bot.supervision.area import short_time
from handlers import supervisor
from handlers.areas import campaign_year
from handlers.files import FileVerdict, file_report, taken_over_reply, verdict_replies
from handlers.handed_in import current_submitted_on
from handlers.taps import card_tap, question_cards, review_cards
from storage import Store, StoredReport, Unit, User
from storage.conversations import state_year


def report_year(store: Store, area: str | None, now: datetime, tz: ZoneInfo) -> int:
    """The year being reported on: the area's campaign of a year already ended, else the previous calendar year in
    local time — never a year still under way, so no report is submitted before its year has ended."""
    return campaign_year(store, area, now, tz)


ReportLink = Callable[[str, int], str]  # (unit, year) → the signed address of the report's web page
# a page of the supervisors' desk (signed in through WeCom): ("unit", name) a unit's, ("area", name) an area's
DeskLink = Callable[..., str]
# a command word typed in pinyin alone (jindu, Cui Ban): read as the word before anything routes the message, so it
# is exactly that command for a clerk, a supervisor or the polite refusal
_COMMANDS_BY_PINYIN = by_pinyin({**CLERK_PINYIN, **SUPERVISOR_PINYIN})


class NianbaoEngine:
    """Matches `handlers.service.Engine`."""

    def __init__(self, tz: ZoneInfo, report_link: ReportLink | None = None, model_drafts: bool = False,
                 desk_link: DeskLink | None = None) -> None:
        self.tz = tz
        self.report_link = report_link
        self.desk_link = desk_link
        self.model_drafts = model_drafts  # a language model writes the drafts (handlers.jobs.model_drafts)

    def __call__(self, store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        if incoming.kind == "text" and (word := word_from_pinyin(incoming.text, _COMMANDS_BY_PINYIN)):
            incoming = replace(incoming, text=word)
        if incoming.kind == "card":  # a tap is read as the text it stands for, if its card is still current
            return card_tap(self, store, user, incoming, now)
        if user.role in ("supervisor", "admin") and (not user.unit or supervisor.is_command(incoming, store, user)):
            replies = supervisor.supervisor_turn(store, user, incoming, now, self.tz, self.report_link,
                                                 self.desk_link)
            return [*replies, *review_cards(store, user)]
        if user.role == "staff" and supervisor.is_refused_for_staff(incoming, store):
            return supervisor.supervisor_turn(store, user, incoming, now, self.tz)  # the polite refusal
        # a supervisor who also fills in a report: a message to the conversation drops a 通过/退回 awaiting 确认
        dropped = supervisor.drop_pending(store, user, now) if user.role in ("supervisor", "admin") else []
        replies, state = self._staff_turn(store, user, incoming, now)
        if incoming.kind == "file":  # acknowledged, nothing asked: the card comes with the file's answer (after_file)
            return [*dropped, *replies]
        return [*dropped, *replies, *question_cards(store, user, state)]

    def staff_turn(self, store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        return self._staff_turn(store, user, incoming, now)[0]

    def _staff_turn(self, store: Store, user: User, incoming: Incoming, now: datetime
                    ) -> tuple[list[Reply], dict[str, Any] | None]:
        """The replies, and the conversation state the turn saved (None: it saved none)."""
        unit = store.unit(user.unit or "")
        if unit is None:
            return supervisor.no_unit_reply(user), None
        # a report of an earlier year returned after the campaign moved on is fixed first
        year, stored, last_year = store.year_at_hand(unit.name, report_year(store, unit.area, now, self.tz))
        if incoming.kind == "file":
            return file_received(incoming, year, self.tz), None
        ctx = self._context(store, user, unit, year, stored, last_year)
        report = stored.report if stored else Report(unit.name, unit.kind, year)
        # a fresh state for a new year; the one read is this step's alone
        state = store.conversation(user.userid, year)
        if state is None and unit.clerks > 1 and stored is not None:  # joins a report colleagues are filling in
            state = _joining(store, user, ctx)
        shared = _shared(state) if unit.clerks > 1 else None  # read before the step changes the state in place
        result = step(state, report, incoming, ctx, handed_over=True, derived=stored is not None and stored.derived)
        _commit(store, user, incoming, now, stored, result, ctx.previous)
        taken = [e.split(":", 1)[1] for e in result.events if e.startswith(f"{TAKEN_OVER_EVENT}:")]
        if taken:  # 导入: the file the conversation held became the draft
            _tell_colleagues(store, user, ctx, result.state, result.report, taken[0], len(result.state["answered"]),
                             now)
        elif unit.clerks > 1 and (result.changes or RESTARTED_EVENT in result.events
                                  or _shared(result.state) != shared):
            _keep_colleagues_current(store, user, ctx, stored, result, now, short_time(now, self.tz))
        if "submitted" in result.events:
            supervisor.notify_submitted(store, unit.name, year, now, self.tz, self.desk_link)
            return [*result.replies, *self.report_card(unit.name, year)], result.state
        if "withdrawn" in result.events:
            supervisor.notify_withdrawn(store, unit.name, year, now, self.tz)
        return result.replies, result.state

    def _context(self, store: Store, user: User, unit: Unit, year: int, stored: StoredReport | None,
                 last_year: StoredReport | None) -> DialogContext:
        return DialogContext(
            user_name=user.name,
            unit=unit.name,
            unit_kind=unit.kind,
            year=year,
            previous=last_year.report if last_year else None,
            status=stored.status if stored else "draft",  # type: ignore[arg-type]
            returned_reason=stored.returned_reason if stored else None,
            other_units=store.unit_name_matcher(unit.area) if unit.area else (),
            area=unit.area or "",
            model_drafts=self.model_drafts,
            submitted_on=current_submitted_on(stored, self.tz) if stored else None,
            # read only for a report now returned: what tells this return from an earlier one of the same reason
            times_returned=store.times_returned(unit.name, year) if stored and stored.status == "returned" else 0,
        )

    def after_file(self, store: Store, user: User, year: int, verdict: FileVerdict, now: datetime) -> list[Reply]:
        """The answer to a file once the import job has read it (in the job's delivering transaction)."""
        unit = store.unit(user.unit or "")
        if unit is None:
            return supervisor.no_unit_reply(user)
        replies, then = verdict_replies(store, user, unit, year, verdict, now)
        if then == "take_over":
            replies, then = [self._take_over(store, user, unit, verdict, now)], "resume"
        if then == "offer":  # the filled draft stays; the clerk's 导入 replaces it with the file's report
            offered = offer_file(store.conversation(user.userid, verdict.file_year), verdict.name, file_report(verdict))
            store.save_conversation(user.userid, offered, now, year=verdict.file_year, forget=False)
        if then == "resume":  # carry on: from where they were with last year's report, or after the file's answers
            # asked as after any answer: the question in the text, its card (if it has one) after it
            (first, *rest), state = self._staff_turn(store, user, Incoming(user.userid, "enter_agent", now), now)
            return [Reply(f"{replies[0].text}\n\n{first.text}"), *rest, *question_cards(store, user, state)]
        return replies

    def _take_over(self, store: Store, user: User, unit: Unit, verdict: FileVerdict, now: datetime) -> Reply:
        """This year's file becomes the empty draft: stored (audited as the clerk's), the conversation marked with the
        questions it answered, so the next message goes on at the first one it left open."""
        year = verdict.file_year
        stored, last_year = store.report(unit.name, year), store.report(unit.name, year - 1)
        ctx = self._context(store, user, unit, year, stored, last_year)
        taken = take_over(store.conversation(user.userid, year), file_report(verdict), ctx,
                          stored.report if stored else None)
        store.save_report(taken.report, actor=user.userid, now=now, before=stored, forget=False, derived=True)
        store.save_conversation(user.userid, taken.state, now, year=year, forget=False)
        _tell_colleagues(store, user, ctx, taken.state, taken.report, verdict.name, len(taken.answered), now)
        store.forget_figures(unit.name, years=(year, year + 1))
        return taken_over_reply(unit, verdict, len(taken.answered), taken.still_open_labels)

    def report_card(self, unit: str, year: int) -> list[Reply]:
        """A textcard linking to the report's web page (none when the server has no public address)."""
        if self.report_link is None:
            return []
        title, description = edge("report_card", unit=unit, year=year).split("\n", 1)
        return [Reply(kind="textcard", title=title, text=description, url=self.report_link(unit, year))]


def file_received(incoming: Incoming, year: int, tz: ZoneInfo) -> list[Reply]:
    """A file is read by a job (download, caps, import in an isolated child): acknowledged now, answered later."""
    # over the long connection the name is learnt with the download; the app's callback names the file
    name = incoming.file_name or ("" if incoming.file_url else "未命名文件")
    where = {"url": incoming.file_url, "aeskey": incoming.file_key} if incoming.file_url else {
        "media_id": incoming.media_id}
    job = Deferred("import_file", {**where, "name": name, "year": year, "tz": tz.key}, data=incoming.file_bytes)
    return [Reply(edge("file", outcome="received", name=incoming.file_name)), Reply(deferred=job)]


def _tell_colleagues(store: Store, user: User, ctx: DialogContext, taken: dict[str, Any], report: Report, name: str,
                     answered: int, now: datetime) -> None:
    """The unit's other clerks learn what the file `user` took over answered (`colleague_state`; `report`: the draft
    it became, which a draft of theirs on offer is drafted again from): a conversation is each clerk's, the report the
    unit's. A few rows, once a take-over. A conversation about a later year's report
    is left as it is (this one is an earlier report returned and being fixed); one about an earlier year is done
    with: it starts afresh, as it would with the clerk's next message."""
    for colleague, mine in _colleagues(store, user, ctx):
        told = colleague_state(mine, taken, ctx.fmt, by=user.name, name=name, answered=answered, ctx=ctx,
                               report=report)
        store.save_conversation(colleague.userid, told, now, year=ctx.year, forget=False)


def _colleagues(store: Store, user: User, ctx: DialogContext) -> list[tuple[User, dict[str, Any] | None]]:
    """The unit's other clerks, each with their conversation about this report (None: none yet, or one about an
    earlier year, done with); a clerk fixing an earlier year's returned report while this one is later is left out."""
    found = []
    for colleague in store.users_of_unit(ctx.unit):
        if colleague.userid == user.userid:
            continue
        state = store.conversation(colleague.userid)
        about = state_year(state) if state is not None else None
        if about is not None and about > ctx.year:
            continue
        found.append((colleague, state if about in (None, ctx.year) else None))
    return found


def _shared(state: dict[str, Any] | None) -> tuple[Any, ...] | None:
    """What of a conversation its colleagues' learn (`colleagues`) besides the report: what was answered and how,
    the warnings accepted."""
    if state is None:
        return None
    return (tuple(state.get("answered") or ()), repr(state.get("gates")), repr(state.get("choices")),
            repr(colleagues.accepted_warnings(state)))


def _joining(store: Store, user: User, ctx: DialogContext) -> dict[str, Any] | None:
    """The first conversation of a clerk about a report the unit's other clerks are filling in: it starts from the
    one of them who answered most, and says who answered what (`colleagues.joining`). Only a unit of several clerks
    reads this, once a clerk and year."""
    started = [(c, s) for c, s in _colleagues(store, user, ctx) if s is not None and s.get("answered")]
    if not started:
        return None
    colleague, theirs = max(started, key=lambda found: len(found[1]["answered"]))
    return colleagues.joining(theirs, ctx, by=colleague.name, me=user.name)


def _keep_colleagues_current(store: Store, user: User, ctx: DialogContext, stored: StoredReport | None,
                             result: StepResult, now: datetime, when: str) -> None:
    """After `user` changed the unit's report, its other clerks' conversations learn what it holds now (what was
    answered, the paragraphs' facts, the gates), each told with their next reply which of their answers changed; after
    重新开始 they start afresh too, told so. Only a unit of several clerks pays for this: a few rows a change."""
    before = stored.report if stored else Report(ctx.unit, ctx.unit_kind, ctx.year)
    for colleague, state in _colleagues(store, user, ctx):
        if RESTARTED_EVENT in result.events:
            if state is None:
                continue
            told = colleagues.restarted(state, by=user.name)
        elif state is None:
            continue  # not yet begun: their first message starts from where the unit stands (`_joining`)
        else:
            told = colleagues.colleague_changed(state, result.state, ctx, by=user.name, me=colleague.name,
                                                before=before, after=result.report, changes=result.changes,
                                                redrafted=result.redrafted, at=when)
        store.save_conversation(colleague.userid, told, now, year=ctx.year, forget=False)


def _withdraw_reopened(store: Store, result: StepResult, accepted: dict[str, str], now: datetime,
                       actor: str) -> None:
    """The acceptances a return reopened are the report's no longer (the desk and the supervisor's notices read them),
    unless a colleague has already given a new reason since."""
    prefix = f"{REOPENED_EVENT}:"
    for key in (e.removeprefix(prefix) for e in result.events if e.startswith(prefix)):
        was = (result.state["warnings"].get(key) or {}).get("reopened") or {}
        if key in accepted and accepted[key] == was.get("reason"):
            store.accept_warning(result.report.unit, result.report.year, key, None, now, actor)


def _commit(store: Store, user: User, incoming: Incoming, now: datetime, stored: StoredReport | None,
            result: StepResult, previous: Report | None) -> None:
    typed = incoming.text if incoming.kind == "text" else incoming.event_key or incoming.file_name
    store.log_message(user.userid, now, incoming.kind, typed, "；".join(result.log) or None)
    status = "submitted" if "submitted" in result.events else "draft" if "withdrawn" in result.events else None
    if result.changes or status or stored is None:
        # a step's report has its derived cells computed: the next message need not sum them again
        store.save_report(result.report, actor=user.userid, now=now, status=status, changed=result.changes,
                          before=stored, forget=False, redrafted=result.redrafted, derived=True)
    accepted = stored.accepted_warnings if stored else {}
    _withdraw_reopened(store, result, accepted, now, user.userid)
    for key, entry in result.state.get("warnings", {}).items():
        reason = entry.get("accepted")
        if reason is not None and accepted.get(key) != reason:
            store.accept_warning(result.report.unit, result.report.year, key, reason, now, user.userid)
    store.save_conversation(user.userid, result.state, now, year=result.report.year, forget=False)
    # the unit's 汇总 figures are now stale (its report or its people's progress changed): forgotten in one statement
    # for both saves. handlers.jobs.figures computes them after the batch, once however many messages changed the
    # unit, instead of a second full check in every message. Only this year's and next year's (which this report's
    # prose and numbers are checked against, as in save_report): earlier years' figures did not change
    year = result.report.year
    store.forget_figures(user.unit, years=(year, year + 1))
