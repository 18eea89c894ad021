"""Supervisor commands through the real engine and real SQLite (no HTTP): who sees what, and what each action does."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.dialog import initial_state
from bot.importers import import_report
from bot.incoming import Incoming, Reply
from handlers.areas import load_area, scope_for
from handlers.conversation import NianbaoEngine
from storage import Store, Unit, User
from tests.conftest import seed_path

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 8, 10, 0, tzinfo=TZ)


def seeded(store: Store, unit: str, n: int, status: str = "submitted") -> None:
    report = replace(import_report(seed_path(n)).report, unit=unit, year=2025, unit_kind="乡")
    store.save_report(report, "seed", NOW, status=status)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "sup.db")
    for name, area in (("柳园口乡", "A区"), ("北道门乡", "A区"), ("水稻乡", "A区"), ("西姜寨乡", "B区")):
        s.save_unit(Unit(name, "乡", area))
    for userid, unit, area in (("liu", "柳园口乡", "A区"), ("bei", "北道门乡", "A区"), ("xi", "西姜寨乡", "B区")):
        s.save_user(User(userid, userid, "staff", unit, area))
    s.save_user(User("supA", "甲审核", "supervisor", None, "A区"))
    s.save_user(User("supB", "乙审核", "supervisor", None, "B区"))
    s.save_user(User("root", "管理员", "admin", None, None))
    s.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    seeded(s, "柳园口乡", 1)
    seeded(s, "西姜寨乡", 2)
    yield s
    s.close()


def say(store: Store, user: str, text: str, now: datetime = NOW) -> list[Reply]:
    engine = NianbaoEngine(TZ)
    account = store.user(user)
    assert account is not None
    with store.transaction():
        return engine(store, account, Incoming(user, "text", now, text=text), now)


def review(store: Store, user: str, text: str, now: datetime = NOW) -> list[Reply]:
    """通过/退回 as a supervisor does it: the command, then 确认 (the command alone changes nothing)."""
    asked = say(store, user, text, now)
    assert "请确认" in asked[0].text, asked[0].text
    return say(store, user, "确认", now)


def outbox(store: Store, user: str) -> list[str]:
    rows = store.db.query("SELECT touser, payload, msgtype FROM outbox ORDER BY id")
    payloads = [json.loads(r["payload"]) for r in rows if user in r["touser"].split("|") and r["msgtype"] == "text"]
    return [p.get("content", "") for p in payloads if "card" not in p]  # the texts (cards: test_cards)


def test_the_area_view_comes_from_storage(store: Store) -> None:
    store.save_conversation("bei", {**initial_state(), "greeted": True, "answered": ["2.1", "2.2"], "cur": ["2.3", 0]},
                            NOW)
    sup = store.user("supA")
    assert sup is not None
    scope = scope_for(store, sup, "汇总")
    assert scope is not None and scope.area == "A区"
    from handlers.areas import area_campaign

    campaign, _ = area_campaign(store, scope.area, NOW, TZ)
    view = load_area(store, scope.area, campaign)
    units = {u.unit: u for u in view.units}
    assert set(units) == {"柳园口乡", "北道门乡", "水稻乡"} and view.supervisors == ("supA",)
    assert units["柳园口乡"].status == "submitted" and units["柳园口乡"].progress == 100
    assert units["柳园口乡"].staff == ("liu",) and units["柳园口乡"].report is not None
    assert units["北道门乡"].status == "in_progress" and units["北道门乡"].next_question == "【2.3】行政许可、处罚、强制"
    assert 0 < units["北道门乡"].progress < 20
    assert units["水稻乡"].status == "not_started" and units["水稻乡"].staff == ()


def test_summary_lists_only_the_supervisors_area(store: Store) -> None:
    (reply,) = say(store, "supA", "汇总")
    assert "共3个单位" in reply.text and "北道门" in reply.text and "西姜寨" not in reply.text
    (reply,) = say(store, "supB", "进度")
    assert "共1个单位" in reply.text


def test_a_supervisor_cannot_see_or_act_on_another_area(store: Store) -> None:
    before = store.report("西姜寨乡", 2025)
    for text in ("查看 西姜寨", "退回 西姜寨 表三有误", "通过 西姜寨", "催办 西姜寨"):
        replies = say(store, "supA", text)
        assert len(replies) == 1 and "A区没有找到名为" in replies[0].text, text
    after = store.report("西姜寨乡", 2025)
    assert before is not None and after is not None
    assert (after.status, after.updated_at) == (before.status, before.updated_at)
    assert outbox(store, "xi") == []


def test_staff_get_the_refusal_only_for_clear_supervisor_commands(store: Store) -> None:
    for text in ("汇总", "导出", "通过", "设置截止 2026-01-20"):
        (reply,) = say(store, "bei", text)
        assert "仅供审核人员使用" in reply.text, text
    answer = say(store, "bei", "通过 政府网站公开")
    assert "仅供审核人员使用" not in answer[0].text  # an answer goes to the conversation


def test_return_and_approve_change_the_status_and_tell_the_staff(store: Store) -> None:
    replies = review(store, "supA", "退回 柳园口 请核对表三结转数")
    assert "已退回柳园口乡" in replies[0].text
    stored = store.report("柳园口乡", 2025)
    assert stored is not None and stored.status == "returned" and stored.returned_reason == "请核对表三结转数"
    notice = outbox(store, "liu")  # the reason, then the checker's findings (in two messages: it is long)
    assert "退回意见：请核对表三结转数" in notice[0] and all(len(m.encode()) <= 2048 for m in notice)
    assert "无需退回" in say(store, "supA", "退回 柳园口 再退一次")[0].text
    seeded(store, "柳园口乡", 1)  # resubmitted
    assert "已审核通过" in review(store, "supA", "通过 柳园口乡")[0].text
    stored = store.report("柳园口乡", 2025)
    assert stored is not None and stored.status == "approved" and stored.returned_reason is None
    assert "已审核通过" in outbox(store, "liu")[-1]
    assert [a["actor"] for a in store.audit_log("柳园口乡", 2025) if a["field"] == "status"][-3:] == ["supA", "seed", "supA"]


def test_remind_now_queues_and_records_once_a_minute(store: Store) -> None:
    assert "已向北道门乡的经办人（1人）发送催办提醒。" in say(store, "supA", "催办")[0].text
    say(store, "supA", "催办")  # the same minute: the same key, not queued twice
    assert len(outbox(store, "bei")) == 1 and "北道门乡" in outbox(store, "bei")[0]
    (record,) = store.reminder_records(store.current_campaign("A区").id)  # type: ignore[union-attr]
    assert record["unit"] == "北道门乡" and record["slot"].startswith("manual-") and record["status"] == "sent"


def test_an_admin_sets_the_due_date_for_all_or_for_one_area(store: Store) -> None:
    assert "需要管理员权限" in say(store, "supA", "设置截止 2026-01-20")[0].text
    assert "已设为2026年1月20日" in say(store, "root", "设置截止 2026-01-20")[0].text
    assert store.campaign(2025).due_date == date(2026, 1, 20)  # type: ignore[union-attr]
    assert "已设为2026年1月16日" in say(store, "root", "B区 设置截止 2026-01-16")[0].text
    assert store.campaign(2025, "B区").due_date == date(2026, 1, 16)  # type: ignore[union-attr]
    assert "共4个单位" in say(store, "root", "汇总")[0].text
    assert "共1个单位" in say(store, "root", "B区 汇总")[0].text


def test_a_submission_is_announced_to_the_areas_supervisors(store: Store) -> None:
    from handlers.supervisor import notify_submitted

    store.accept_warning("柳园口乡", 2025, "R13:s1.summary", "沿用县政府文件表述", NOW, "liu")
    with store.transaction():
        notify_submitted(store, "柳园口乡", 2025, NOW, TZ)
    (notice,) = outbox(store, "supA")
    assert "柳园口乡于2026年1月8日 10:00提交了年度报告" in notice and "沿用县政府文件表述" in notice
    assert outbox(store, "supB") == [] and outbox(store, "root") == []
    [card] = [json.loads(r["payload"])["card"] for r in store.db.query("SELECT payload FROM outbox WHERE touser = 'supA'")
              if "card" in json.loads(r["payload"])]  # 通过 / 退回 by a tap, under the notice
    assert [key for key, _ in card["options"]] == ["通过 柳园口乡 2025", "退回 柳园口乡 2025"]


def test_people_without_an_area_or_a_unit_are_told_politely(store: Store) -> None:
    store.save_user(User("lost", "王五", "supervisor", None, None))
    store.save_user(User("nobody", "赵六", "staff", None, None))
    assert "尚未设置负责的区域" in say(store, "lost", "汇总")[0].text
    assert "尚未关联填报单位" in say(store, "nobody", "你好")[0].text


NOVEMBER = datetime(2026, 11, 22, 10, 0, tzinfo=TZ)  # the 2025 campaign is over


def test_in_november_an_admin_opens_the_next_campaign(store: Store) -> None:
    reply = say(store, "root", "设置截止 2027-01-15", NOVEMBER)[0].text
    assert "已设置2026年度报告的收集工作" in reply and "2027年1月15日" in reply
    assert "2027年1月1日起生效" in reply and "继续填写和提交2025年度报告" in reply
    campaign = store.campaign(2026)
    assert campaign is not None and (campaign.due_date, campaign.publish_by) == (date(2027, 1, 15), date(2027, 1, 31))
    assert store.campaign(2025).due_date == date(2026, 1, 15)  # type: ignore[union-attr]  # the old one kept
    summary = say(store, "root", "汇总", NOVEMBER)[0].text  # 2026 has not ended: everyone stays on 2025 until 1 January
    assert "2025年度报告进度" in summary and "已设置2026年度报告的收集工作（截止日期2027年1月15日），2027年1月1日起生效" in summary
    assert "2026年度报告进度" in say(store, "root", "汇总", datetime(2027, 1, 1, 0, 5, tzinfo=TZ))[0].text
    reply = say(store, "root", "A区 设置截止 1月10日 公开 2027-01-25", NOVEMBER)[0].text
    area_campaign = store.campaign(2026, "A区")
    assert area_campaign is not None and area_campaign.publish_by == date(2027, 1, 25), reply
    assert "早于今天（2026年11月22日）" in say(store, "root", "设置截止 2026-01-15", NOVEMBER)[0].text


@pytest.mark.parametrize("text", ["退回 柳园口 不行", "查看 北道门", "查看 柳园口乡", "通过 水稻", "催办 柳园口",
                                  "查看 城关镇", "汇总。", "未完成？", "汇总表 含已提交", "设置截止 1月20日"])
def test_staff_are_refused_for_any_command_with_a_unit_or_date(store: Store, text: str) -> None:
    (reply,) = say(store, "bei", text)
    assert "仅供审核人员使用" in reply.text, text


def test_staff_answers_that_start_with_a_command_word_reach_the_conversation(store: Store) -> None:
    for text in ("通过政府网站公开政策文件12件", "通过柳园口乡政府网站公开", "查看 政策文件"):
        replies = say(store, "bei", text)
        assert "仅供审核人员使用" not in replies[0].text, text


def test_commands_tolerate_punctuation_and_name_unknown_areas_and_commands(store: Store) -> None:
    assert "共3个单位" in say(store, "supA", "汇总。")[0].text
    assert "尚未提交的单位" in say(store, "supA", "未完成？")[0].text
    assert "共3个单位" in say(store, "supA", "A区\u3000汇总")[0].text
    assert "您负责的区域是A区" in say(store, "supA", "B区 汇总")[0].text
    reply = say(store, "root", "龙亭区 汇总")[0].text
    assert "未找到区域「龙亭区」，您可查看：A区、B区" in reply
    reply = say(store, "root", "foo")[0].text
    assert "抱歉，未能理解「foo」。" in reply and "「汇总」" in reply and "「A区 汇总」" in reply
    assert say(store, "root", "你好")[0].text.startswith("您好！\n管理员可用命令")


def test_view_names_the_staff_and_the_return_reason(store: Store) -> None:
    review(store, "supA", "退回 柳园口 请核对表三结转数")
    head = say(store, "supA", "查看 柳园口")[0].text
    assert "经办人：liu" in head and "退回原因：请核对表三结转数" in head
    store.save_user(User("liu2", "王芳", "staff", "柳园口乡", "A区"))
    assert "经办人：liu、王芳" in say(store, "supA", "查看 柳园口")[0].text
    assert "经办人：未登记" in say(store, "supA", "查看 水稻")[0].text


def test_empty_review_commands_act_on_the_one_report_waiting_and_list_several(store: Store) -> None:
    assert say(store, "supA", "通过")[0].text.startswith("请确认：审核通过柳园口乡2025年度报告")
    say(store, "supA", "取消")
    assert say(store, "supA", "退回")[0].text.startswith("请直接回复退回柳园口乡2025年度报告的原因")
    say(store, "supA", "取消")
    seeded(store, "北道门乡", 3)
    reply = say(store, "supA", "通过")[0].text
    assert "已提交待审核的单位：" in reply and "柳园口乡" in reply and "北道门乡" in reply
    assert "表三结转数与上年不一致」" in say(store, "supA", "退回")[0].text


def test_remind_counts_only_the_people_reminded_now(store: Store) -> None:
    assert "已向北道门乡的经办人（1人）发送催办提醒。" in say(store, "supA", "催办 北道门")[0].text
    reply = say(store, "supA", "催办")[0].text
    assert "已向" not in reply and "北道门乡刚刚已提醒过，本次未重复发送" in reply and "水稻乡" in reply
    assert len(outbox(store, "bei")) == 1


def test_admins_list_unknown_users(store: Store) -> None:
    store.log_unknown_user("nobody_123", NOW)
    store.log_unknown_user("nobody_123", datetime(2026, 1, 9, 8, 30, tzinfo=TZ))
    reply = say(store, "root", "未登记")[0].text
    assert "nobody_123：首次2026年1月8日 10:00，最近2026年1月9日 08:30，共2次" in reply
    assert "需要管理员权限" in say(store, "supA", "未登记")[0].text


def test_view_of_a_returned_unit_says_when_it_was_returned(store: Store) -> None:
    later = datetime(2026, 1, 9, 15, 20, tzinfo=TZ)
    review(store, "supA", "退回 柳园口 请核对表三", later)
    head = say(store, "supA", "查看 柳园口", later)[0].text
    assert "状态：已退回，2026年1月9日 15:20退回（2026年1月8日 10:00提交）" in head, head
    assert "退回原因：请核对表三" in head


def last_year(store: Store, unit: str, n: int, cells: dict[str, int]) -> None:
    """The unit's 2024 report: the seed with some cells changed."""
    report = replace(import_report(seed_path(n)).report, unit=unit, year=2024, unit_kind="乡")
    report.cells.update(cells)
    store.save_report(report, "seed", NOW, status="approved")


def test_view_compares_with_last_years_report_and_shows_the_units_reasons(store: Store) -> None:
    last_year(store, "柳园口乡", 1, {"t2.license": 20})  # this year 204: a threefold swing (R15)
    store.accept_warning("柳园口乡", 2025, "R15:t2.license", "承接了省级下放的审批事项", NOW, "liu")
    head = "".join(r.text for r in say(store, "supA", "查看 柳园口") if r.kind == "text").split("报告全文")[0]
    jump = [line for line in head.splitlines() if "单位说明：承接了省级下放的审批事项" in line]
    assert len(jump) == 1 and "204" in jump[0] and "20" in jump[0].replace("204", ""), head
    assert "审核通过" in review(store, "supA", "通过 柳园口")[0].text  # a warning does not hold the approval


def test_an_error_against_last_year_holds_the_approval(store: Store) -> None:
    last_year(store, "柳园口乡", 1, {"t3.carry_over.person": 2, "t3.carry_over.total": 2})  # this year: 0 in (R6)
    head = say(store, "supA", "查看 柳园口")[0].text
    assert "检查发现1处错误" in head, head
    assert "仍有1处错误" in say(store, "supA", "通过 柳园口")[0].text
    assert store.report("柳园口乡", 2025).status == "submitted"


def test_a_unit_named_like_its_area_keeps_a_name_of_its_own(store: Store) -> None:
    store.save_unit(Unit("示范县人民政府", "县级政府", "示范县"))
    store.save_unit(Unit("示范县城关镇", "镇", "示范县"))
    store.save_user(User("county", "县政府经办", "staff", "示范县人民政府", "示范县"))
    store.save_user(User("supS", "丙审核", "supervisor", None, "示范县"))
    store.save_conversation("county", {**initial_state(), "greeted": True, "answered": ["2.1"], "cur": ["2.2", 0]},
                            NOW)
    late = datetime(2026, 1, 20, 9, 0, tzinfo=TZ)
    for command in ("汇总", "未完成", "逾期"):
        text = "".join(r.text for r in say(store, "supS", command, late))
        assert "示范县人民政府" in text and "城关镇" in text, (command, text)
        assert "\n示范县 " not in text, (command, text)


def test_view_of_a_resubmitted_report_tells_its_return(store: Store) -> None:
    review(store, "supA", "退回 柳园口 请核对表三结转数")
    again = datetime(2026, 1, 9, 15, 20, tzinfo=TZ)
    store.set_status("柳园口乡", 2025, "submitted", again, actor="liu")
    head = say(store, "supA", "查看 柳园口", again)[0].text
    assert "曾于2026年1月8日 10:00退回，原因：请核对表三结转数；2026年1月9日 15:20重新提交。" in head, head
    assert "退回原因" not in head  # the current status is no return
