"""Supervision: the county 政务公开办's view of its area — status, review, roll-up, export and reminders.

A pure core: the edge loads an `AreaView` (only the supervisor's area), passes `now`, and executes the returned
actions and sends.
"""

from .area import STATUS_LABELS, AreaView, Campaign, ReminderPlan, UnitStatus
from .calendar import ChinaWorkdays, shift_to_workday, weekdays
from .commands import (
    COMMAND_PINYIN,
    ApproveReport,
    AskConfirmation,
    CommandResult,
    ListUnknownUsers,
    LookedAt,
    PendingReview,
    RemindNow,
    ReturnReport,
    approved_notice,
    help_text,
    is_confirmation,
    is_refused_for_staff,
    is_supervisor_command,
    loosely,
    naming_a_unit,
    remind_reply,
    returned_notice,
    submitted_notice,
    supervisor_command,
    unknown_users_text,
)
from .deadline import SetDue
from .export import export_xlsx
from .matching import match_unit, suggest_units
from .reminders import Send, Skip, Slot, digest_unit, due_sends, plan_slots, remind_now
from .rollup import rollup, rollup_text, table_findings
from .summary import area_summary, overdue_list, unfinished_list, unit_detail

__all__ = [
    "COMMAND_PINYIN", "STATUS_LABELS", "AreaView", "Campaign", "ReminderPlan", "UnitStatus",
    "ChinaWorkdays", "shift_to_workday", "weekdays",
    "ApproveReport", "AskConfirmation", "CommandResult", "PendingReview", "ListUnknownUsers", "LookedAt",
    "RemindNow", "ReturnReport", "SetDue",
    "approved_notice", "help_text", "is_confirmation", "is_refused_for_staff", "is_supervisor_command", "loosely",
    "naming_a_unit",
    "remind_reply",
    "returned_notice", "submitted_notice", "supervisor_command", "unknown_users_text",
    "export_xlsx", "match_unit", "suggest_units",
    "Send", "Skip", "Slot", "digest_unit", "due_sends", "plan_slots", "remind_now",
    "rollup", "rollup_text", "table_findings",
    "area_summary", "overdue_list", "unfinished_list", "unit_detail",
]
