"""A report of a unit with several clerks, returned by the supervisor (handlers.conversation, real SQLite): each clerk
is told the return first, then what a colleague did; a warning a colleague accepted with a reason is told as theirs,
with the reason, never as one still to check."""

from __future__ import annotations

import json

import pytest

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    NOW,
    OVERSIGHT_FACTS,
    UNIT,
    say,
    store,
)

REASON = "监督保障写得太简单，请补充培训和考核情况"
ACCEPTED = "已向县政务公开办核实"


@pytest.fixture
def returned(store: Store) -> Store:  # noqa: F811
    """张明 fills the report in and hands it in, accepting R14's warning on 监督保障 with a reason; 孙丽 had begun
    before; the supervisor returns it."""
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
        *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:], "提交")
    say(store, "zhang", f"确认提交 {ACCEPTED}")
    say(store, "liu", f"退回 {UNIT} {REASON}", "确认")
    assert store.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]
    return store


def pushed_to(db: Store, userid: str) -> list[str]:
    rows = db.db.query("SELECT touser, payload FROM outbox WHERE msgtype = 'text' ORDER BY id")
    return [json.loads(r["payload"])["content"] for r in rows if userid in r["touser"].split("|")]


def test_a_clerk_meeting_a_return_is_told_the_return_before_a_colleagues_acceptance(returned: Store) -> None:
    reply = say(returned, "sun", "继续")
    assert reply.startswith("孙丽，您好！城关镇人民政府2025年度报告已被审核人员退回，退回意见：" + REASON), reply
    told = reply.index(f"退回意见涉及本单位张明此前确认的 1 条提示（原因：{ACCEPTED}），该确认已不再有效")
    assert told < reply.index("下面是意见涉及的题目") < reply.index("【1.6】"), reply


def test_the_return_notice_tells_a_warning_accepted_as_the_colleagues_with_its_reason(store: Store) -> None:  # noqa: F811
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
        *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:], "提交")
    say(store, "zhang", f"确认提交 {ACCEPTED}")
    say(store, "liu", f"退回 {UNIT} 表二行政许可的数字请再核对", "确认")  # a reason not about 监督保障
    (notice,) = [n for n in pushed_to(store, "sun") if "已被审核人员退回" in n]
    assert notice == [n for n in pushed_to(store, "zhang") if "已被审核人员退回" in n][0]
    assert "需核实的情况" not in notice, notice  # its only warning was accepted: nothing left to check
    assert "本单位已确认的提示（无需再次确认）：\n1. 一、总体情况（五）监督保障尚未写明" in notice, notice
    assert f"（张明已确认，原因：{ACCEPTED}）。" in notice, notice


def test_a_clerk_whose_hand_in_meets_the_return_is_told_a_colleague_revised_the_part_after_it(
        returned: Store) -> None:
    say(returned, "zhang", "继续", "培训 3 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究", "1")
    reply = say(returned, "sun", "提交")
    assert "您发送的「提交」暂未执行" in reply, reply
    told = reply.index("本单位张明已在退回后修改了【1.6】监督保障（2026年1月8日 10:00），请核对下面修改后的内容。")
    assert told < reply.index("这一段目前的内容如下") and "培训3次" in reply, reply
    assert "本单位张明已在退回后" not in say(returned, "sun", "进度")  # told once


def test_a_part_of_hers_a_colleague_revised_after_the_return_is_told_once_as_revised_after_it(store: Store) -> None:  # noqa: F811
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT)
    say(store, "sun", "修改 1.6", "清空", "培训 1 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究", "1")  # hers
    say(store, "zhang", "提交", "提交")  # told first what she changed, then handed in
    say(store, "liu", f"退回 {UNIT} {REASON}", "确认")
    assert store.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]
    say(store, "zhang", "继续", "培训 3 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究", "1")
    reply = say(store, "sun", "提交")
    assert "本单位张明已在退回后修改了【1.6】监督保障" in reply, reply
    assert "修改了您填写的【1.6】" not in reply, reply
