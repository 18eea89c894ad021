"""A township's clerk confirming 提交 with a reason that names 考核 but states no result of it (乡镇不单独考核，由县统一
考核) hands the report in (handlers.conversation, real SQLite): the reason reaches the supervisor's notice, and the
published 监督保障 is left as the clerk wrote it. It had been drafted into 1.6 (开展乡镇不单独考核…), which was then
unanswered, and neither 提交 nor 确认提交 could hand the report in."""

from __future__ import annotations

import json

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    OVERSIGHT_FACTS,
    UNIT,
    say,
    store,
)

REASON = "乡镇不单独考核，由县统一考核"


def _notices_to(store: Store, userid: str) -> list[str]:  # noqa: F811
    rows = store.db.query("SELECT touser, payload FROM outbox WHERE msgtype = 'text' ORDER BY id")
    return [json.loads(r["payload"])["content"] for r in rows if userid in r["touser"].split("|")]


def test_a_reason_that_states_no_result_hands_in_and_reaches_the_supervisor(store: Store) -> None:  # noqa: F811
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS],
        "培训 2 次；纳入年度考核", *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:])
    assert "确认提交" in say(store, "zhang", "提交")
    oversight = store.report(UNIT, 2025).report.text["s1.oversight"]  # type: ignore[union-attr]
    reply = say(store, "zhang", f"确认提交 {REASON}")
    stored = store.report(UNIT, 2025)
    assert stored is not None and stored.status == "submitted", reply
    assert stored.report.text["s1.oversight"] == oversight and "单独考核" not in oversight
    (notice,) = [n for n in _notices_to(store, "liu") if "【报告提交】" in n]
    assert f"（说明：{REASON}）" in notice, notice
