"""退回 from the desk (handlers.web.desk.actions.review, real SQLite) tells the unit's clerks who accepted each warning
the reason leaves accepted, as the chat's 退回 does; the other commands do not read who accepted what."""

from __future__ import annotations

import json

from handlers.web.desk.actions import review
from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    NOW,
    OVERSIGHT_FACTS,
    TZ,
    UNIT,
    say,
    store,
)

ACCEPTED = "已向县政务公开办核实"


def test_a_return_from_the_desk_names_the_clerk_who_accepted_a_warning(store: Store) -> None:  # noqa: F811
    liu = User("liu", "刘主任", "supervisor", None, "示范县")
    store.save_user(liu)
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
        *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:], "提交")
    say(store, "zhang", f"确认提交 {ACCEPTED}")
    unit = store.unit(UNIT)
    assert unit is not None
    done, _ = review(store, liu, UNIT, unit.area, 2025, "return", "表二行政许可的数字请再核对", NOW, TZ)
    assert done and store.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]
    rows = store.db.query("SELECT touser, payload FROM outbox WHERE msgtype = 'text' ORDER BY id")
    (notice,) = [json.loads(r["payload"])["content"] for r in rows
                 if "zhang" in r["touser"].split("|") and "已被审核人员退回" in r["payload"]]
    assert f"（张明已确认，原因：{ACCEPTED}）。" in notice, notice


def test_a_rollup_does_not_read_who_accepted_each_warning(store: Store, monkeypatch) -> None:  # noqa: F811, ANN001
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
        *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:], "提交")
    say(store, "zhang", f"确认提交 {ACCEPTED}")
    read: list[str] = []
    monkeypatch.setattr(Store, "accepted_by", lambda self, unit, year: read.append(unit) or {})
    assert "汇总" in say(store, "liu", "汇总表 含待审")
    say(store, "liu", "查看 城关镇")
    assert read == []
    say(store, "liu", "退回 城关镇 表二行政许可的数字请再核对")
    assert read == [UNIT]
