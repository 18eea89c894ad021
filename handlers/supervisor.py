"""Supervisors and admins by message: the edge around `bot.supervision.supervisor_command`.

Runs inside the storage transaction the edge opened for the message (see `handlers.service.Engine`): the area is
loaded, the command answered and its actions executed — a status changed, a notice or reminder queued in the outbox,
a due date stored — all committed together with the reply, or not at all.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime, tzinfo

from bot.incoming import Incoming, Reply
from bot.supervision import (
    ApproveReport,
    AreaView,
    Campaign,
    CommandResult,
    RemindNow,
    ReturnReport,
    SetDue,
    is_supervisor_command,
    submitted_notice,
    supervisor_command,
)
from bot.supervision.commands import SUPERVISOR_ROLES, parse_day, reports_needed
from bot.supervision.messages import say
from handlers.areas import (
    Scope,
    area_campaign,
    attach_reports,
    default_campaign,
    load_area,
    load_units,
    scope_for,
    supervisors_of,
)
from handlers.outbox_worker import queue_text
from handlers.unit_stats import refresh_unit_figures
from storage import Campaign as StoredCampaign
from storage import Store, User
from storage.supervision import ReminderRecord

log = logging.getLogger("nianbao.supervisor")

# A staff member is refused only for what can be nothing but a supervisor command: the bare word, or 设置截止 with a
# date. "通过政府网站公开" or "查看 政策文件" are answers and go to the conversation.
_BARE_WORDS = frozenset({"汇总", "未完成", "逾期", "导出", "催办", "汇总表", "查看", "退回", "通过", "设置截止"})
_SET_DUE = re.compile(r"^设置截止\s*(.+)$", re.S)


def is_command(incoming: Incoming) -> bool:
    """A supervisor command (for a supervisor or admin who also fills in a unit's report)."""
    return incoming.kind == "text" and is_supervisor_command(incoming.text)


def is_refused_for_staff(incoming: Incoming) -> bool:
    """Clearly a supervisor command: what a staff member gets the polite refusal for instead of the conversation."""
    if incoming.kind != "text":
        return False
    text = incoming.text.replace("\u3000", " ").strip().strip("。.!！")
    if text in _BARE_WORDS:
        return True
    m = _SET_DUE.match(text)
    return bool(m and parse_day(m.group(1)))


def supervisor_turn(store: Store, user: User, incoming: Incoming, now: datetime, tz: tzinfo) -> list[Reply]:
    text = incoming.text if incoming.kind == "text" else ""
    if user.role not in SUPERVISOR_ROLES:
        return supervisor_command(text, user.role, _nobody(now, tz), now, tz).replies
    if not text.strip():
        return [Reply(say("help", admin=user.role == "admin"))]
    scope = scope_for(store, user, text)
    if scope is None:
        return [Reply(say("edge_no_area", name=user.name))]
    campaign, stored = area_campaign(store, scope.area, now, tz)
    view = load_area(store, scope.area, campaign, scope.label, reports=False)
    attach_reports(store, campaign.year, view.units, reports_needed(scope.text, view.units), scope.area)
    result = supervisor_command(scope.text, user.role, view, now, tz)
    execute(store, user, result, view, scope, stored, now)
    return result.replies


def execute(store: Store, user: User, result: CommandResult, view: AreaView, scope: Scope,
            stored: StoredCampaign | None, now: datetime) -> None:
    """Carry out what the command decided, in the caller's transaction."""
    year = view.campaign.year
    for action in result.actions:
        if isinstance(action, ReturnReport):
            store.set_status(action.unit, year, "returned", now, actor=user.userid, reason=action.reason)
            refresh_unit_figures(store, action.unit, year)
            _tell(store, action.staff, action.notice, now)
        elif isinstance(action, ApproveReport):
            store.set_status(action.unit, year, "approved", now, actor=user.userid)
            refresh_unit_figures(store, action.unit, year)
            _tell(store, action.staff, action.notice, now)
        elif isinstance(action, RemindNow):
            _remind(store, action, view.campaign, stored, now)
        elif isinstance(action, SetDue):
            _set_due(store, action, view.campaign, stored, scope)


def _tell(store: Store, users: tuple[str, ...], text: str, now: datetime) -> None:
    if users and text:
        queue_text(store, list(users), text, now)


def _remind(store: Store, action: RemindNow, campaign: Campaign, stored: StoredCampaign | None,
            now: datetime) -> None:
    """催办: queued at once, and recorded like the timer's sends when a campaign is stored (a repeat in the same
    minute has the same key and is not queued twice)."""
    records = []
    for send in action.sends:
        _, unit, slot = send.key
        key = f"reminder:{stored.id if stored else campaign.key}:{unit}:{slot}"
        for n, part in enumerate(send.messages):
            store.enqueue(list(send.users), "text", {"content": part}, now, dedup_key=f"{key}#{n}")
        records.append(ReminderRecord(unit, slot, now, "sent", None, len(send.users)))
    if stored is not None:
        store.record_reminders(stored.id, records, now)


def _set_due(store: Store, action: SetDue, campaign: Campaign, stored: StoredCampaign | None, scope: Scope) -> None:
    own = stored is not None and stored.area == scope.area and stored.year == campaign.year
    store.save_campaign(campaign.year, action.due, campaign.publish_by, area=scope.area,
                        settings=stored.settings if own and stored else {})
    log.info("campaign %s/%s: due date set to %s", campaign.year, scope.label, action.due)


def notify_submitted(store: Store, unit: str, year: int, now: datetime, tz: tzinfo) -> None:
    """One short message to the area's supervisors: the unit, when, and the warnings it accepted with its reasons."""
    known = store.unit(unit)
    area = known.area if known else None
    campaign, _ = area_campaign(store, area, now, tz)
    if campaign.year != year:
        campaign = replace(campaign, year=year)
    statuses = load_units(store, campaign, names=[unit])
    recipients = supervisors_of(store, area)
    if not statuses or not recipients:
        log.warning("%s submitted its %s report, but nobody supervises area %r", unit, year, area)
        return
    queue_text(store, list(recipients), submitted_notice(statuses[0], tz), now)


def no_unit_reply(user: User) -> list[Reply]:
    return [Reply(say("edge_no_unit", name=user.name))]


def _nobody(now: datetime, tz: tzinfo) -> AreaView:
    """An empty view: a staff member's command is refused before any unit is looked at."""
    return AreaView("", default_campaign(now, tz), [])
