"""Two clerks of one unit on a real store (handlers.conversation): the second, joining the report the first filled
in, is asked only what is left; an answer of one the other changed is told to them once; 重新开始 by one starts the
other afresh too, told so; the unit's progress is the unit's, and so is a warning one of them accepted with a reason.
A unit of one clerk pays no statement for any of it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.incoming import Incoming
from handlers.areas import default_campaign, load_units
from handlers.conversation import NianbaoEngine
from storage import Store, Unit, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT

OVERSIGHT_FACTS = PROSE_ALL_DEFAULT.index("培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究")

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 8, 10, 0, tzinfo=TZ)
UNIT = "城关镇人民政府"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "clerks.db") as s:
        s.save_unit(Unit(UNIT, "镇", "示范县"))
        s.save_unit(Unit("青山乡人民政府", "乡", "示范县"))
        for userid, name, unit in (("zhang", "张明", UNIT), ("sun", "孙丽", UNIT), ("li", "李华", "青山乡人民政府")):
            s.save_user(User(userid, name, "staff", unit, "示范县"))
        yield s


def say(store: Store, userid: str, *texts: str) -> str:
    user = store.user(userid)
    assert user is not None
    reply = ""
    for text in texts:
        with store.transaction():
            reply = NianbaoEngine(TZ)(store, user, Incoming(userid, "text", NOW, text=text), NOW)[0].text
    return reply


def progress(store: Store) -> int:
    (unit,) = load_units(store, default_campaign(NOW, TZ), names=[UNIT], reports=False)
    return unit.progress


def test_the_second_clerk_is_asked_only_what_is_left_and_a_changed_answer_is_told_to_the_first(store: Store) -> None:
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    reply = say(store, "sun", "你好")
    assert "本单位张明已填写 4 题，无需再答" in reply and "【3.1】" in reply and "【2.1】" not in reply, reply
    say(store, "sun", "修改 2.3", "198 12 0")
    reply = say(store, "zhang", "否")  # his answer to 【3.1】, told first what she changed
    assert reply.startswith("本单位孙丽修改了您填写的【2.3】行政许可、处罚、强制：由“210 12 0”改为“198 12 0”"), reply
    assert "本单位孙丽" not in say(store, "zhang", "否")
    assert "本单位张明已填写【3.1】是否收到申请、【4.1】是否有复议诉讼" in say(store, "sun", "进度")


def test_restart_by_one_clerk_starts_the_other_afresh_and_the_unit_at_nought(store: Store) -> None:
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    assert progress(store) > 0
    assert "张明填写的 4 题也将一并清空" in say(store, "sun", "重新开始")
    say(store, "sun", "确认")
    assert progress(store) == 0  # not his conversation's 4 answers of a report emptied since
    reply = say(store, "zhang", "你好")
    assert "本单位孙丽已将城关镇人民政府2025年度报告清空并重新开始填写" in reply and "【2.1】" in reply, reply


def test_a_warning_one_clerk_accepted_is_the_units_and_not_asked_again_of_another(store: Store) -> None:
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")  # she has begun: she learns of his acceptance as of any answer of his
    asked = say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
                *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:], "提交")
    assert "监督保障尚未写明" in asked and "确认提交" in asked, asked  # R14: he states why
    say(store, "zhang", "确认提交 已向县政务公开办核实")
    say(store, "zhang", "撤回")
    accepted = store.report(UNIT, 2025).accepted_warnings  # type: ignore[union-attr]
    assert list(accepted.values()) == ["已向县政务公开办核实"]
    handed_in = say(store, "sun", "提交")  # the unit's report, its warning accepted: not asked again
    assert "监督保障尚未写明" not in handed_in and "确认提交" not in handed_in, handed_in
    assert "本单位张明已确认 1 条提示，原因：已向县政务公开办核实" in handed_in, handed_in
    assert store.report(UNIT, 2025).status == "submitted"  # type: ignore[union-attr]
    assert store.report(UNIT, 2025).accepted_warnings == accepted  # type: ignore[union-attr]  # the desk's as before
    assert [r["actor"] for r in store.audit_log(UNIT, 2025) if r["field"].startswith("accepted:")] == ["zhang"]


def test_a_unit_of_one_clerk_reads_no_colleague(store: Store) -> None:
    say(store, "li", "你好")
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        say(store, "li", "0 0 0")
    finally:
        store.db.conn.set_trace_callback(None)
    assert statements and not [s for s in statements if "FROM users" in s], statements  # held with the unit
    assert sum("FROM conversations" in s for s in statements) <= 1, statements  # their own at most (held in memory)


def test_a_clerk_added_after_the_report_was_filled_in_joins_it(store: Store) -> None:
    say(store, "li", "你好", "0 0 0", "0 0 0")
    assert store.unit("青山乡人民政府").clerks == 1  # type: ignore[union-attr]
    store.save_user(User("zhou", "周倩", "staff", "青山乡人民政府", "示范县"))  # as `nianbao org import` adds her
    assert store.unit("青山乡人民政府").clerks == 2  # type: ignore[union-attr]
    reply = say(store, "zhou", "你好")
    assert "本单位李华已填写【2.1】规章、【2.2】行政规范性文件，无需再答" in reply and "【2.3】" in reply, reply


def test_a_clerk_joining_after_a_warning_was_accepted_is_told_of_it_once(store: Store) -> None:
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0", "否", "否",
        *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次", *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:], "提交")
    say(store, "zhang", "确认提交 已向县政务公开办核实", "撤回")
    store.save_user(User("wu", "吴静", "staff", UNIT, "示范县"))  # added later, as `nianbao org import` adds her
    greeting = say(store, "wu", "你好")
    assert "本单位张明已确认 1 条提示，原因：已向县政务公开办核实。" in greeting, greeting
    assert "已确认" not in say(store, "wu", "进度")
    handed_in = say(store, "wu", "提交")
    assert "确认提交" not in handed_in and "已提交" in handed_in, handed_in
