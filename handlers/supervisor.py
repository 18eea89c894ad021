"""Supervisors and admins by message: the edge around `bot.supervision.supervisor_command`.

Runs inside the storage transaction the edge opened for the message (see `handlers.service.Engine`): the area is
loaded, the command answered and its actions executed — a status changed, a notice or reminder queued in the outbox,
a due date stored — all committed together with the reply, or not at all.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, tzinfo
from typing import Any

from bot import messages
from bot.cards import review_card
from bot.confirmations import not_carried_out
from bot.file_names import report_file
from bot.incoming import Incoming, Reply
from bot.supervision import (
    ApproveReport,
    AreaView,
    AskConfirmation,
    Campaign,
    CommandResult,
    ListUnknownUsers,
    LookedAt,
    PendingReview,
    RemindNow,
    ReturnReport,
    SetDue,
    is_confirmation,
    is_supervisor_command,
    loosely,
    naming_a_unit,
    remind_reply,
    submitted_notice,
    supervisor_command,
    unknown_users_text,
)
from bot.supervision import is_refused_for_staff as refused_for_staff
from bot.supervision.area import UnitStatus, short_time
from bot.supervision.commands import (
    COMMAND_WORDS,
    CONFIRM_WITHIN,
    SAID_FOR_DESK,
    SUPERVISOR_ROLES,
    desk_reply,
    digest_command,
    is_cancellation,
    is_desk_command,
    names_no_unit,
    reports_needed,
    returns_a_report,
)
from bot.supervision.export import export_reply
from bot.supervision.matching import match_unit
from bot.supervision.messages import pieces, say
from bot.supervision.reminders import Send
from bot.supervision.summary import DIGEST_TEXTS
from handlers.areas import (
    Scope,
    area_campaign,
    attach_accepted_by,
    attach_history,
    attach_reports,
    default_campaign,
    load_area,
    load_digest,
    load_units,
    scope_for,
    sub_area_map,
    supervisors_of,
    upcoming_campaign,
)
from handlers.jobs.area_commands import area_command_reply, runs_as_job
from handlers.unit_stats import refresh_unit_figures
from handlers.wecom.outbox_worker import queue_text
from storage import AUTOMATIC, Store, User
from storage import Campaign as StoredCampaign
from storage.supervision import RETURN_REASON, ReminderRecord

log = logging.getLogger("nianbao.supervisor")
# the command words as `str.startswith` takes several: one call in C for every clerk's message, not one a word
_COMMAND_STARTS = tuple(COMMAND_WORDS | SAID_FOR_DESK)
EXPORT_WORD = "导出"
# 查看/通过/退回 <单位> [年份] [原因]: the unit, and a report year typed after it
_REVIEW = re.compile(r"^(查看|通过|退回)\s*(\S+?)(?:[\s，,]+((?:19|20)\d{2})(?:年度|年)?(?=[\s，,]|$))?(?:[\s，,：:]+(.*))?$", re.S)

def is_command(incoming: Incoming, store: Store | None = None, user: User | None = None) -> bool:
    """A supervisor command (for a supervisor or admin who also fills in a unit's report), or the 确认 or 取消 of a
    通过/退回 this supervisor was just asked about."""
    if incoming.kind != "text":
        return False
    if is_supervisor_command(incoming.text):
        return True
    return (store is not None and user is not None
            and (is_confirmation(incoming.text) or is_cancellation(incoming.text))
            and store.pending_review(user.userid) is not None)


def _take_pending(store: Store, user: User, now: datetime) -> tuple[PendingReview | None, bool]:
    """The 通过/退回 waiting for this supervisor's 确认, forgotten now whatever they answer: (it, whether it had
    expired). Any other message drops the question (and is told so), so a later 确认 never acts on something long
    forgotten."""
    stored = store.pending_review(user.userid)
    if stored is None:
        return None, False
    store.set_pending_review(user.userid, None, now)
    data, asked_at = stored
    return PendingReview.from_dict(data), now - asked_at > CONFIRM_WITHIN


def _not_carried_out(pending: PendingReview, expired: bool = False, cancelled: bool = False) -> Reply:
    return Reply(not_carried_out("review", cancelled=cancelled, expired=expired, word=pending.word,
                                 unit=pending.unit, year=pending.year, reason=pending.reason))


def drop_pending(store: Store, user: User, now: datetime) -> list[Reply]:
    """A supervisor's message that goes to their own unit's conversation also drops the 通过/退回 awaiting 确认:
    the notice that it was not carried out, to put before the conversation's reply."""
    pending, expired = _take_pending(store, user, now)
    return [_not_carried_out(pending, expired)] if pending is not None else []


def is_refused_for_staff(incoming: Incoming, store: Store | None = None) -> bool:
    """Clearly a supervisor command — a command word alone, or followed by a unit of the staff member's world or a
    date: what a staff member gets the polite refusal for instead of the conversation. An answer that merely starts
    with such a word ("通过政府网站公开…") goes to the conversation."""
    if incoming.kind != "text":
        return False
    text = incoming.text.replace("\u3000", " ").strip()
    if not text.startswith(_COMMAND_STARTS):
        return False  # the common case: no need to read the unit names
    names = store.unit_names() if store is not None else ()
    return refused_for_staff(text, names)


def supervisor_turn(store: Store, user: User, incoming: Incoming, now: datetime, tz: tzinfo,
                    report_link: Callable[[str, int], str] | None = None,
                    desk_link: Callable[..., str] | None = None) -> list[Reply]:
    text = incoming.text if incoming.kind == "text" else ""
    if user.role not in SUPERVISOR_ROLES:
        return supervisor_command(text, user.role, _nobody(now, tz), now, tz).replies
    scope = scope_for(store, user, text)
    if scope is None:
        return [Reply(say("edge_no_area", name=user.name))]
    if scope.unknown_area:
        return [Reply(say("area_not_found", name=scope.unknown_area, areas=store.area_names(), command=scope.text))]
    if scope.other_area:
        return [Reply(say("area_other", own=user.area, command=scope.text))]
    pending, expired = _take_pending(store, user, now)
    if is_cancellation(text):
        cancelled = _not_carried_out(pending, cancelled=True) if pending is not None else None
        return [cancelled or Reply(messages.say("cancelled", what="nothing"))]
    confirmed = is_confirmation(text)
    if pending is not None and pending.awaits_reason and not expired:
        if confirmed:  # 确认 is no reason: the question stands
            store.set_pending_review(user.userid, pending.to_dict(), now)
            return [Reply(say("still_need_reason", unit=pending.unit, year=pending.year))]
        if _is_reason(scope.text):  # the reason asked for: 退回 with it, which asks 确认 as any 退回 does
            scope = replace(scope, text=pending.with_reason(scope.text).command)
            return _command_turn(store, user, scope, text, False, now, tz, report_link)
    if confirmed and (pending is None or expired):
        return [Reply(say("nothing_to_confirm", expired=expired))]
    dropped = [_not_carried_out(pending, expired)] if pending is not None and not confirmed else []
    if is_desk_command(scope.text):  # the desk's address: nothing of the area to load
        return [*dropped, *desk_reply(_desk_address(desk_link, scope), every_area=scope.area is None)]
    if confirmed and pending is not None:
        scope = replace(scope, text=pending.command)
    else:
        scope = replace(scope, text=loosely(scope.text))
    return [*dropped, *_command_turn(store, user, scope, text, confirmed, now, tz, report_link)]


def _desk_address(desk_link: Callable[..., str] | None, scope: Scope) -> str:
    """The desk's page of the scope's area (its home for an admin's every area), as the handed-in card links a unit's
    page; '' when the server has no public address."""
    if desk_link is None:
        return ""
    return desk_link("area", scope.area) if scope.area else desk_link()


def _is_reason(text: str) -> bool:
    """A message that may be the reason for a 退回 asked about: not a command of its own (汇总, 催办 城关镇, 谁没交)."""
    return not is_supervisor_command(text) and loosely(text) == text


def _command_turn(store: Store, user: User, scope: Scope, text: str, confirmed: bool, now: datetime, tz: tzinfo,
                  report_link: Callable[[str, int], str] | None) -> list[Reply]:
    campaign, stored = area_campaign(store, scope.area, now, tz)
    if scope.text.replace("\u3000", " ").strip() == EXPORT_WORD:  # every report of the area: a job, not here
        return export_reply(scope.area, scope.label, campaign.year, now, tz)  # type: ignore[arg-type]
    as_job = None if confirmed else runs_as_job(store, scope.area, scope.text)
    if as_job is not None:  # a whole area's reports, or a large area: a job answers, not this message
        return area_command_reply(*as_job, text, now, tz)  # type: ignore[arg-type]
    return _answer(store, user, scope, campaign, stored, now, tz, report_link, confirmed)


def answer_command(store: Store, user: User, text: str, now: datetime, tz: tzinfo) -> list[Reply]:
    """A command answered as its message would have answered it (no 确认 pending): what an area-command job runs."""
    scope = scope_for(store, user, text)
    if scope is None or scope.unknown_area or scope.other_area:
        return []
    campaign, stored = area_campaign(store, scope.area, now, tz)
    return _answer(store, user, scope, campaign, stored, now, tz, None, False)


def _answer(store: Store, user: User, scope: Scope, campaign: Campaign, stored: StoredCampaign | None,
            now: datetime, tz: tzinfo, report_link: Callable[[str, int], str] | None,
            confirmed: bool) -> list[Reply]:
    word = None if confirmed or user.role not in SUPERVISOR_ROLES else digest_command(scope.text)
    if word is not None:
        return _from_digest(word, store, scope, campaign, now, tz)
    view = load_area(store, scope.area, campaign, scope.label, reports=False)
    view.sub_areas = sub_area_map(store, scope.area)
    view.waiting_earlier = tuple((r["unit"], r["year"]) for r in store.waiting_reports(campaign.year, scope.area))
    text, year = review_target(naming_a_unit(scope.text, view.units), view)
    # 查看/通过/退回 alone act on the report the supervisor last opened with 查看 (of whichever year it was)
    looked = store.looked_at(user.userid) if names_no_unit(text) else None
    if looked is not None:
        year = looked[1]
    if year != campaign.year:  # a report of an earlier year still waiting for review
        earlier = load_area(store, scope.area, replace(campaign, year=year), scope.label, reports=False)
        view = replace(view, campaign=earlier.campaign, units=earlier.units)
    if user.role == "admin":
        view.areas = tuple(store.area_names())
    view.upcoming = upcoming_campaign(store, scope.area, now, tz)
    view.looked_at = looked[0] if looked is not None else ""
    needed = reports_needed(text, view.units, view.looked_at)
    attach_reports(store, year, view.units, needed, scope.area)
    attach_history(store, year, view.units, needed)
    if returns_a_report(text):
        attach_accepted_by(store, year, view.units, needed)
    if report_link is not None:
        for unit in view.units:
            if unit.unit in needed:
                unit.link = report_link(unit.unit, year)
    result = supervisor_command(text, user.role, view, now, tz, confirmed=confirmed)
    replaced = execute(store, user, result, view, replace(scope, text=text), stored, now, tz)
    return replaced if replaced is not None else result.replies


def _from_digest(word: str, store: Store, scope: Scope, campaign: Campaign, now: datetime,
                 tz: tzinfo) -> list[Reply]:
    """汇总, 未完成 or 逾期: counted in storage (`load_digest`), the same answer the area's view would give."""
    digest = load_digest(store, scope.area, campaign, tz, scope.label)
    digest.upcoming = upcoming_campaign(store, scope.area, now, tz)
    return [Reply(t) for t in DIGEST_TEXTS[word](digest, now, tz)]


def review_target(text: str, view: AreaView) -> tuple[str, int]:
    """The report year 查看/通过/退回 act on, and the command without a year typed after the unit.

    "通过 城关镇 2025" names the year; without one, a unit that has not handed in this year's report is reviewed on
    its newest earlier report still waiting for review (the campaign moved on on 1 January, the review did not).
    """
    year = view.campaign.year
    m = _REVIEW.match(text.replace("\u3000", " ").strip())
    if not m:
        return text, year
    word, name, typed_year, rest = m.groups()
    if typed_year:
        return f"{word} {name}{f' {rest}' if rest else ''}", int(typed_year)
    unit = match_unit(name, view.units)
    if not isinstance(unit, UnitStatus) or unit.status in ("submitted", "approved", "returned"):
        return text, year
    earlier = [y for u, y in view.waiting_earlier if u == unit.unit] if view.waiting_earlier else None
    return text, max(earlier) if earlier else year


def execute(store: Store, user: User, result: CommandResult, view: AreaView, scope: Scope,
            stored: StoredCampaign | None, now: datetime, tz: tzinfo | None = None) -> list[Reply] | None:
    """Carry out what the command decided, in the caller's transaction; the replies to send instead of the
    command's when what happened differs from what it expected (a reminder sent a moment ago is not sent again)."""
    year = view.campaign.year
    replaced = None
    for action in result.actions:
        if isinstance(action, ReturnReport):
            store.set_status(action.unit, year, "returned", now, actor=user.userid, reason=action.reason)
            store.record_return_reason(action.unit, year, action.reason, now, actor=user.userid)
            refresh_unit_figures(store, action.unit, year)
            _tell(store, action.staff, action.notice, now)
        elif isinstance(action, ApproveReport):
            store.set_status(action.unit, year, "approved", now, actor=user.userid)
            refresh_unit_figures(store, action.unit, year)
            _tell(store, action.staff, action.notice, now)
            _send_published_files(store, action.unit, year, action.staff, now)
        elif isinstance(action, RemindNow):
            sent, repeated = queue_reminders(store, action, view.campaign, stored, now)
            replaced = [Reply(t) for t in pieces(remind_reply(sent, repeated, action.unreachable))]
        elif isinstance(action, SetDue):
            _set_due(store, action, stored, scope)
        elif isinstance(action, AskConfirmation):
            store.set_pending_review(user.userid, action.pending.to_dict(), now)
        elif isinstance(action, LookedAt):
            store.set_looked_at(user.userid, action.unit, action.year, now)
        elif isinstance(action, ListUnknownUsers):
            replaced = [Reply(t) for t in unknown_users_text(store.unknown_users(), tz or view.campaign.zone)]
    return replaced


def _send_published_files(store: Store, unit: str, year: int, users: tuple[str, ...], now: datetime) -> None:
    """The approved report as Word and PDF to its clerks, rendered by jobs outside this transaction."""
    from handlers.jobs.queue import enqueue

    for userid in users:
        for kind, ext in (("report_docx", "docx"), ("report_pdf", "pdf")):
            name = report_file(unit, year, ext)
            enqueue(store, kind, {"unit": unit, "year": year, "userid": userid, "file_name": name,
                                  "what": name}, now, dedup_key=f"approved:{unit}:{year}:{userid}:{ext}:{now.isoformat()}")


def _tell(store: Store, users: tuple[str, ...], text: str, now: datetime) -> None:
    if users and text:
        queue_text(store, list(users), text, now)


def queue_reminders(store: Store, action: RemindNow, campaign: Campaign, stored: StoredCampaign | None,
                    now: datetime) -> tuple[list[Send], list[Send]]:
    """催办: queued at once, and recorded like the timer's sends when a campaign is stored. A unit reminded in the
    same minute already (same key) is not reminded again: (sent now, sent a moment ago)."""
    records = []
    sent, repeated = [], []
    for send in action.sends:
        _, unit, slot = send.key
        key = f"reminder:{stored.id if stored else campaign.key}:{unit}:{slot}"
        if store.is_queued(f"{key}#0"):
            repeated.append(send)
            continue
        for n, part in enumerate(send.messages):
            store.enqueue(list(send.users), "text", {"content": part}, now, dedup_key=f"{key}#{n}")
        records.append(ReminderRecord(unit, slot, now, "sent", None, len(send.users)))
        sent.append(send)
    if stored is not None:
        store.record_reminders(stored.id, records, now)
    return sent, repeated


def _set_due(store: Store, action: SetDue, stored: StoredCampaign | None, scope: Scope) -> None:
    """The campaign of the action's year for the scope's area, created if need be; a new one keeps the reminder
    settings of the campaign it follows."""
    same = store.campaign(action.year, scope.area)
    settings = (same or stored).settings if (same or stored) else {}
    store.save_campaign(action.year, action.due, action.publish_by, area=scope.area, settings=settings)
    log.info("campaign %s/%s: due %s, publish by %s", action.year, scope.label, action.due, action.publish_by)


def notify_submitted(store: Store, unit: str, year: int, now: datetime, tz: tzinfo,
                     desk_link: Callable[..., str] | None = None) -> None:
    """One short message to the area's supervisors: the unit, when, and the warnings it accepted with its reasons;
    the 通过/退回 card; and, when the server has a public address, a card opening the unit's page on the desk."""
    known = store.unit(unit)
    area = known.area if known else None
    campaign, _ = area_campaign(store, area, now, tz)
    if campaign.year != year:
        campaign = replace(campaign, year=year)
    recipients = supervisors_of(store, area)
    statuses = load_units(store, campaign, names=[unit]) if recipients else []  # (a full check of the report)
    if not statuses or not recipients:
        log.warning("%s submitted its %s report, but nobody supervises area %r", unit, year, area)
        return
    attach_history(store, year, statuses, {unit})
    if statuses[0].returns:  # handed in again: what changed since the return, for the supervisor to look at
        changed, redrafted = changed_since_return(store.audit_log(unit, year))
        statuses[0].changed_since_return, statuses[0].redrafted_since_return = changed, redrafted
    names = store.unit_name_matcher(area) if area else ()
    queue_text(store, list(recipients), submitted_notice(statuses[0], tz, names), now)
    card = review_card(unit, year)  # 通过 / 退回 by a tap, where the supervisor's client shows cards
    store.enqueue(list(recipients), "text", {"content": card.hint, "card": card.to_json()}, now)
    if desk_link is not None:
        title, description = messages.edge("desk_card", unit=unit, year=year).split("\n", 1)
        store.enqueue(list(recipients), "textcard", {"title": title, "description": description,
                                                     "url": desk_link("unit", unit)}, now)


def changed_since_return(audit: list[dict[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cells and parts the unit changed after the report's last return, and those only the assistant redrafted
    of itself (the preface drafted, a paragraph brought up to its new figures), from its audit log (oldest first)."""
    last = max((i for i, r in enumerate(audit) if r["field"] == "status" and r["new_value"] == "returned"), default=None)
    if last is None:
        return (), ()
    rows = [r for r in audit[last + 1:]
            if r["field"] not in ("status", RETURN_REASON) and not r["field"].startswith("accepted:")]
    changed = tuple(dict.fromkeys(r["field"] for r in rows if r["actor"] != AUTOMATIC))
    return changed, tuple(dict.fromkeys(r["field"] for r in rows if r["actor"] == AUTOMATIC and r["field"] not in changed))


def notify_withdrawn(store: Store, unit: str, year: int, now: datetime, tz: tzinfo) -> None:
    """The area's supervisors learn that a report they were about to review went back to its clerk."""
    known = store.unit(unit)
    recipients = supervisors_of(store, known.area if known else None)
    if recipients:
        queue_text(store, list(recipients), say("withdrawn_notice", unit=unit, year=year, when=short_time(now, tz)), now)


def no_unit_reply(user: User) -> list[Reply]:
    return [Reply(say("edge_no_unit", name=user.name))]


def _nobody(now: datetime, tz: tzinfo) -> AreaView:
    """An empty view: a staff member's command is refused before any unit is looked at."""
    return AreaView("", default_campaign(now, tz), [])
