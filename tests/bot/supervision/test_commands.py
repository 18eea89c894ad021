from __future__ import annotations

import json
import re
from datetime import date

import pytest

from bot.formats import GOV2021
from bot.incoming import Reply
from bot.report import with_derived
from bot.supervision import (
    ApproveReport,
    AreaView,
    AskConfirmation,
    Campaign,
    CommandResult,
    PendingReview,
    RemindNow,
    ReturnReport,
    SetDue,
    UnitStatus,
    approved_notice,
    is_confirmation,
    is_refused_for_staff,
    is_supervisor_command,
    returned_notice,
    submitted_notice,
    supervisor_command,
)

from .helpers import CAMPAIGN, TZ, at, many_units, seed_area, seed_unit


def run(text: str, area: AreaView | None = None, role: str = "supervisor", day: int = 12, confirmed: bool = False):
    return supervisor_command(text, role, area or seed_area(), at(day, 10), TZ, confirmed=confirmed)


def texts(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies if r.kind == "text")


def test_every_text_reply_fits_wecom() -> None:
    for command in ("汇总", "进度", "未完成", "逾期", "查看 柳园口", "查看 册井", "汇总表", "导出", "催办", "帮助"):
        for r in run(command).replies:
            assert r.kind == "file" or 0 < len(r.text.encode()) <= 2048, command


@pytest.mark.parametrize("text", ["汇总", "未完成", "逾期", "导出", "催办", "汇总表", "查看 柳园口", "退回 柳园口 数不对",
                                  "通过 胡集", "催办 柳园口", "汇总表 含已提交", "设置截止 2026-01-20", "汇总表　含已提交"])
def test_staff_are_refused_politely(text: str) -> None:
    assert is_supervisor_command(text)
    result = run(text, role="staff")
    assert result.refused and not result.actions
    assert "仅供审核人员使用" in result.replies[0].text and "「进度」" in result.replies[0].text


@pytest.mark.parametrize("text", ["进度", "继续", "通过政府网站公开政策文件12件", "查看一下表三", "汇总一下", "提交", "是"])
def test_staff_answers_are_not_supervisor_commands(text: str) -> None:
    assert not is_supervisor_command(text)


@pytest.mark.parametrize(("asked", "command"), [("谁还没交？", "未完成"), ("哪些单位还没交呢", "未完成"), ("还差哪些单位", "未完成"),
                                               ("哪些单位逾期了？", "逾期"), ("情况怎么样", "汇总")])
def test_a_supervisors_plain_question_is_the_command_it_asks_for(asked: str, command: str) -> None:
    assert is_supervisor_command(asked)
    assert texts(run(asked).replies) == texts(run(command).replies)


@pytest.mark.parametrize("asked", ["册井镇填得怎么样了？", "册井交了吗", "册井的报告进度如何", "册井提交了没有呢"])
def test_a_plain_question_about_one_unit_is_a_look_at_its_report(asked: str) -> None:
    assert is_supervisor_command(asked)
    assert texts(run(asked).replies) == texts(run("查看 册井").replies)


@pytest.mark.parametrize("text", ["规章怎么样", "网站栏目交了吗不清楚", "公开栏情况"])
def test_words_about_a_report_that_ask_about_no_unit_are_no_command(text: str) -> None:
    assert not is_supervisor_command(text)


def test_a_plain_question_from_staff_goes_to_their_own_conversation() -> None:
    assert not is_refused_for_staff("情况怎么样") and not is_refused_for_staff("谁还没交？")
    assert not is_refused_for_staff("册井交了吗")


def test_supervisor_progress_is_the_summary() -> None:
    assert run("进度").replies[0].text == run("汇总").replies[0].text


def test_unknown_text_gets_the_command_list() -> None:
    result = run("你好")
    assert not result.handled and "「汇总」" in result.replies[0].text and "设置截止" not in result.replies[0].text
    assert "设置截止" in run("你好", role="admin").replies[0].text


def test_a_supervisors_greeting_is_greeted_back_before_the_commands() -> None:
    assert run("你好").replies[0].text.startswith("您好！\n")
    assert not run("帮助").replies[0].text.startswith("您好")


def test_view_a_unit() -> None:
    replies = run("查看 册井").replies
    assert "沙河市册井镇人民政府（镇）" in replies[0].text and "已通过" in replies[0].text
    assert "（单位说明：镇政府文件沿用）" in replies[0].text  # the accepted warning shows its reason
    assert "表三各项均为0" in texts(replies[1:]) and "表二" in texts(replies[1:])  # the tables in a line each
    assert len(texts(replies[1:]).splitlines()) <= 5
    assert replies[-1].kind == "file" and replies[-1].file_name.endswith(".docx")
    # the Word file is a job's work, not the message's: the reply names the report it renders
    assert not replies[-1].file_bytes and replies[-1].deferred is not None
    assert replies[-1].deferred.kind == "report_docx" and replies[-1].deferred.args["unit"] == "沙河市册井镇人民政府"


def test_view_unknown_and_ambiguous() -> None:
    assert "您是否要找：柳园口乡？请回复「查看 柳园口乡」" in run("查看 柳元口").replies[0].text
    assert run("查看").replies[0].text.startswith("胡集乡（乡）2025年度报告")  # the one report waiting for review
    none_waiting = AreaView("龙亭区", CAMPAIGN, [u for u in seed_area().units if u.status != "submitted"])
    assert "请写明单位名称" in run("查看", none_waiting).replies[0].text
    area = AreaView("A", CAMPAIGN, [UnitStatus("甲区东风乡", "乡", "A"), UnitStatus("乙区东风镇", "镇", "A")])
    assert "对应多个单位" in run("查看 东风", area).replies[0].text
    [only] = run("查看 甲区东风乡", area).replies  # nothing written yet: no text, no file
    assert "尚未开始填写" in only.text and "未开始" in only.text


def test_return_a_submitted_unit() -> None:
    result = run("退回 胡集 表三结转数与上年不一致", confirmed=True)
    [action] = result.actions
    assert isinstance(action, ReturnReport) and action.unit == "胡集乡" and action.reason == "表三结转数与上年不一致"
    assert action.staff == ("staff2",) and "退回意见：表三结转数与上年不一致" in action.notice
    assert "已退回胡集乡" in result.replies[0].text


def test_return_an_approved_unit_reopens_it() -> None:
    result = run("退回 刘街，数字有误", confirmed=True)
    assert isinstance(result.actions[0], ReturnReport) and "撤销通过" in result.replies[0].text


def test_return_needs_a_submitted_report_and_a_reason() -> None:
    result = run("退回 柳园口 数不对")
    assert not result.actions and "尚未提交报告，无需退回" in result.replies[0].text
    result = run("退回 胡集")  # nothing is returned yet: the reason is asked for, to come in the next message
    assert [type(a) for a in result.actions] == [AskConfirmation] and "请直接回复退回胡集乡" in result.replies[0].text
    assert result.actions[0].pending.awaits_reason


def test_the_approval_notice_names_the_publication_date_or_says_it_has_passed() -> None:
    unit = seed_unit(2)
    assert "请于2026年1月31日前按程序在政府网站公开" in approved_notice(unit, date(2026, 1, 31), date(2026, 1, 31))
    late = approved_notice(unit, date(2026, 1, 31), date(2026, 11, 27))
    assert "公开期限（2026年1月31日）已过，请尽快" in late and "请于" not in late
    assert "请在公开期限前" in approved_notice(unit)  # a report of an earlier year: no date of its own here


def test_approve() -> None:
    result = run("通过 胡集乡", confirmed=True)
    [action] = result.actions
    assert isinstance(action, ApproveReport) and action.unit == "胡集乡" and "审核通过" in action.notice
    assert "暂不能审核通过" in run("通过 柳园口").replies[0].text and not run("通过 柳园口").actions
    assert "无需重复操作" in run("通过 刘街").replies[0].text
    area = seed_area()
    area.units[2].open_errors = 2
    assert "仍有2处错误" in run("通过 胡集", area).replies[0].text


def test_approve_and_return_ask_for_confirmation_first() -> None:
    """issue 11: 通过 and 退回 change nothing until the supervisor confirms the unit and year they were shown."""
    for text, word, reason in (("通过 胡集", "通过", ""), ("退回 胡集 数不对", "退回", "数不对"),
                               ("退回 刘街 需补充", "退回", "需补充")):
        result = run(text)
        [action] = result.actions
        assert isinstance(action, AskConfirmation), text
        unit = "胡集乡" if "胡集" in text else action.pending.unit
        assert action.pending == PendingReview(word, unit, CAMPAIGN.year, reason)
        assert "请确认" in result.replies[0].text and unit in result.replies[0].text
        assert "回复「确认」" in result.replies[0].text
        # what is stored survives JSON, and running it confirmed names the same unit
        again = PendingReview.from_dict(json.loads(json.dumps(action.pending.to_dict())))
        assert again == action.pending
        done = run(again.command, confirmed=True).actions
        assert done and isinstance(done[0], ApproveReport | ReturnReport) and done[0].unit == unit
    assert PendingReview.from_dict({"word": "通过"}) is None
    assert is_confirmation("确认。") and is_confirmation(" 确定 ") and not is_confirmation("确认 表三")


@pytest.mark.parametrize("said", ["好", "好的。", "可以", "是的", "OK", "同意"])
def test_a_plain_yes_confirms_a_review_as_confirm_does(said: str) -> None:
    assert is_confirmation(said)


@pytest.mark.parametrize("said", ["不好", "好的谢谢", "是 城关镇", "看看", "退回"])
def test_words_that_are_no_plain_yes_confirm_nothing(said: str) -> None:
    assert not is_confirmation(said)


def test_remind_all_or_one() -> None:
    result = run("催办")
    [action] = result.actions
    assert isinstance(action, RemindNow) and set(action.units) == {"延津县塔铺街道", "龙亭区柳园口乡人民政府"}
    assert {s.users for s in action.sends} == {("staff3",), ("staff4",)}
    assert all("回复「继续」" in s.text for s in action.sends)
    assert "已向2个单位的经办人（2人）发送催办提醒：" in result.replies[0].text
    assert "延津县塔铺街道" in result.replies[0].text and "龙亭区柳园口乡人民政府" in result.replies[0].text
    assert all(s.text.startswith("【年报催办】") and "审核人员请您抓紧完成年度报告" in s.text for s in action.sends)
    one = run("催办 柳园口")
    assert one.actions[0].units == ("龙亭区柳园口乡人民政府",)
    assert "无需催办" in run("催办 胡集").replies[0].text
    area = seed_area()
    for u in area.units:
        u.status = "approved"
    assert "无需催办" in run("催办", area).replies[0].text and not run("催办", area).actions
    area = seed_area()
    area.units[4].staff = ()
    assert "未登记经办人" in run("催办", area).replies[0].text


def test_set_due_for_admins_only() -> None:
    assert "管理员权限" in run("设置截止 2026-01-20").replies[0].text
    result = run("设置截止 2026-01-20", role="admin")
    assert result.actions == [SetDue(date(2026, 1, 20), 2025, date(2026, 1, 31))]
    assert "已设为2026年1月20日" in result.replies[0].text
    assert run("设置截止 2026年1月18日", role="admin").actions == [SetDue(date(2026, 1, 18), 2025, date(2026, 1, 31))]
    assert "晚于公开期限2026年1月31日" in run("设置截止 2026-02-05", role="admin").replies[0].text
    assert "早于今天（2026年1月12日）" in run("设置截止 2026-01-05", role="admin").replies[0].text
    assert "未能识别日期" in run("设置截止 下周五", role="admin").replies[0].text
    assert "报告年度" in run("设置截止 2025-12-30", role="admin").replies[0].text


def admin_in_november(text: str) -> CommandResult:
    """The QA's situation: 2026-11-22, the 2025 campaign (due and publish-by 2026-01-31) long over."""
    area = seed_area()
    area.campaign = Campaign(2025, date(2026, 1, 31), date(2026, 1, 31), "龙亭区")
    return supervisor_command(text, "admin", area, at(22, 10, month=11), TZ)


def test_set_due_for_the_next_campaign_when_the_current_one_is_over() -> None:
    result = admin_in_november("设置截止 2027-01-15")
    assert result.actions == [SetDue(date(2027, 1, 15), 2026, date(2027, 1, 31))]
    reply = result.replies[0].text
    assert "2026年度报告" in reply and "2027年1月15日" in reply and "公开期限2027年1月31日" in reply
    # 2026 has not ended yet: the campaign is stored now and starts on 1 January, 2025 stays the year worked on
    assert "2027年1月1日起生效" in reply and "继续填写和提交2025年度报告" in reply
    moved = admin_in_november("设置截止 2027-01-10 公开 2027-01-25")
    assert moved.actions == [SetDue(date(2027, 1, 10), 2026, date(2027, 1, 25))]


@pytest.mark.parametrize("typed", ["设置截止 ２０２７－０１－２０", "设置截止 1月20日", "设置截止 2027年1月20日。",
                                   "设置截止\u30002027/1/20"])
def test_set_due_date_forms(typed: str) -> None:
    assert admin_in_november(typed).actions == [SetDue(date(2027, 1, 20), 2026, date(2027, 1, 31))], typed


@pytest.mark.parametrize(("typed", "says"), [
    ("设置截止 2026-11-30", "不在报告年度的次年1月至3月之间"),
    ("设置截止 2026-11-22", "不在报告年度的次年1月至3月之间"),
    ("设置截止 2026-01-15", "早于今天（2026年11月22日）"),
    ("设置截止 2027-02-10", "晚于公开期限2027年1月31日"),
    ("设置截止 2029-01-15", "尚未开始"),
    ("设置截止 2027-01-15 公开 明年", "未能识别公开期限"),
    ("设置截止", "请在「设置截止」后写明日期"),
    ("设置截止 下周五", "未能识别日期「下周五」"),
])
def test_set_due_refusals_give_an_example_that_works_today(typed: str, says: str) -> None:
    result = admin_in_november(typed)
    reply = result.replies[0].text
    assert not result.actions and says in reply, reply
    example = re.search(r"「(设置截止 [^」]+)」", reply)
    assert example, reply
    assert admin_in_november(example.group(1)).actions, example.group(1)
    assert not re.search(r"(?<![年\d])1月31日", reply)  # every date with its year


def test_admin_help_names_the_area_prefix_and_the_command_line() -> None:
    area = seed_area()
    area.areas = ("示范县", "龙亭区")
    text = supervisor_command("帮助", "admin", area, at(22, 10, month=11), TZ).replies[0].text
    assert text.startswith("管理员可用命令") and "「示范县 汇总」" in text
    assert "设置截止 2027-01-15" in text and "nianbao campaign set --year 2026" in text and "「未登记」" in text
    assert run("帮助").replies[0].text.startswith("审核人员可用命令")


def test_notices() -> None:
    area = seed_area()
    notice = submitted_notice(area.units[1], TZ, [u.unit for u in area.units])
    assert "沙河市册井镇人民政府于2026年1月10日 10:30提交了年度报告" in notice and "（说明：镇政府文件沿用）" in notice
    assert "退回意见：数不对" in returned_notice(area.units[2], "数不对", [])
    assert "胡集乡2024年" in approved_notice(area.units[2])


def test_commands_never_mention_another_area() -> None:
    area_a = AreaView("祥符区", CAMPAIGN, many_units(12, "祥符区"), ("supA",))
    others = [u.unit for u in many_units(12, "鼓楼区")] + [u.unit for u in seed_area().units]
    commands = ["汇总", "未完成", "逾期", "催办", "汇总表 含已提交", "导出", "查看 柳园口", "退回 柳园口 错",
                "通过 北道门", "查看 胡集", "查看 鼓楼区柳园口镇"]
    for day in (12, 20):
        for command in commands:
            result = run(command, area_a, role="admin", day=day)
            seen = texts(result.replies) + "".join(str(a) for a in result.actions)
            for name in others:
                assert name not in seen, (command, name)
            for action in result.actions:
                units = getattr(action, "units", None) or (getattr(action, "unit", None),)
                assert all(u is None or u.startswith("开封市祥符区") for u in units)


def county_area() -> AreaView:
    names = (("城关镇人民政府", "镇"), ("青山乡人民政府", "乡"), ("示范县教育局", "县级部门"), ("示范县人民政府", "县级政府"))
    return AreaView("示范县", CAMPAIGN, [UnitStatus(n, k, "示范县", "submitted") for n, k in names])


def test_a_unit_of_another_kind_is_offered_not_opened() -> None:
    reply = run("查看 青山镇", county_area()).replies[0].text
    assert "没有找到名为「青山镇」" in reply and "您是否要找：青山乡？请回复「查看 青山乡」" in reply
    reply = run("查看 县政府", county_area()).replies[0].text
    assert reply.startswith("示范县人民政府（县级政府）") and "教育局" not in reply


@pytest.mark.parametrize("text", ["退回 城关镇 不行", "查看 城关镇", "通过 县政府", "催办 青山", "设置截止 1月20日",
                                  "汇总。", "未完成？", "汇总表 含已提交", "未登记"])
def test_staff_refusal_covers_any_command_with_a_unit_or_date(text: str) -> None:
    from bot.supervision import is_refused_for_staff

    assert is_refused_for_staff(text, ["青山乡人民政府"]), text


@pytest.mark.parametrize("text", ["通过政府网站公开政策文件12件", "通过城关镇政府网站公开", "查看一下表三", "查看 政策文件",
                                  "汇总一下", "进度", "通过 网站和公众号公开"])
def test_staff_answers_starting_with_a_command_word_are_not_refused(text: str) -> None:
    from bot.supervision import is_refused_for_staff

    assert not is_refused_for_staff(text, ["城关镇人民政府", "青山乡人民政府"]), text


def test_reminders_after_the_publication_date_name_full_dates() -> None:
    area = seed_area()
    area.campaign = Campaign(2025, date(2026, 1, 31), date(2026, 1, 31), "龙亭区")
    [send, *_] = run("催办 柳园口", area, day=22).actions[0].sends
    assert "超过截止日期（2026年1月31日）" not in send.text  # on 1-22 it is not late yet
    late = supervisor_command("催办 柳园口", "supervisor", area, at(22, 10, month=11), TZ).actions[0].sends[0].text
    # one day both the deadline and the publication date: named once (it had been named twice)
    assert "已超过截止日期（即公开期限，2026年1月31日）295天" in late and late.count("2026年1月31日") == 1, late
    assert "公开期限为1月31日" not in late
    area.campaign = Campaign(2025, date(2026, 1, 15), date(2026, 1, 31), "龙亭区")
    later = supervisor_command("催办 柳园口", "supervisor", area, at(22, 10, month=11), TZ).actions[0].sends[0].text
    assert "已超过截止日期（2026年1月15日）311天，公开期限（2026年1月31日）也已过" in later, later


def test_view_of_an_unfinished_report_says_what_is_still_to_fill_not_errors() -> None:
    """issue 11: blank cells of a report being filled in are work to do, listed by table and part."""
    area = seed_area()
    unit = area.units[4]  # in progress
    assert unit.status == "in_progress" and unit.report is not None
    for cell in [c for c in unit.report.cells if c.startswith("t3.")][:20]:
        unit.report.cells[cell] = None
    unit.report.text["s5.problems"] = ""
    unit.link = "https://nianbao.example/reports/abc"
    head = run("查看 柳园口", area).replies[0].text
    assert "报告尚未填完，还需填写" in head and "表三（收到和处理政府信息公开申请情况）" in head, head
    assert "五、存在的主要问题及改进情况（一）存在的主要问题：未写" in head
    assert "格未填" in head and "未填写" not in head.split("还需填写")[0]
    assert "网页版：https://nianbao.example/reports/abc" in head
    assert not re.search(r"检查发现\d+处错误：\n1\. 表三.*空", head)
    typed_results = [c for c in unit.report.cells
                     if c.startswith("t3.") and ".new." not in c and not GOV2021.cell(c).derived]
    for cell in typed_results:
        del unit.report.cells[cell]  # never given: 本年新收 typed, its results not yet
    unit.report.cells.update(with_derived(unit.report).cells)  # stored with its totals, as the engine saves it
    head = run("查看 柳园口", area).replies[0].text
    assert not re.search(r"检查发现\d+处错误[^\n]*\n1\. 表三", head), head  # unbalanced only because unfinished
    tables = texts(run("查看 柳园口", area).replies[1:])
    assert "表三尚未填完" in tables and "表三各项均为0" not in tables, tables  # blanks are unknown, not zero


def test_view_of_a_report_filled_in_but_not_handed_in_says_so() -> None:
    area = seed_area()
    unit = area.units[4]  # in progress
    for cell in GOV2021.cells:
        if not cell.derived and unit.report.cells.get(cell.id) is None:
            unit.report.cells[cell.id] = 0
    for slot in GOV2021.slots:
        unit.report.text[slot.id] = unit.report.text.get(slot.id) or "本年度无相关情况。"
    head = run("查看 柳园口", area).replies[0].text
    assert "各部分均已填写，尚未提交。" in head and "报告尚未填完" not in head, head


@pytest.mark.parametrize(("asked", "command"), [
    ("逾期的有哪些？", "逾期"), ("谁交了", "汇总"), ("截止日期是哪天", "汇总"), ("什么时候截止？", "汇总"),
    ("册井镇错在哪", "查看 册井"), ("册井有什么问题", "查看 册井"), ("催一下册井镇", "催办 册井"),
    ("提醒胡集乡", "催办 胡集")])
def test_more_plain_questions_are_the_commands_they_ask_for(asked: str, command: str) -> None:
    assert is_supervisor_command(asked)
    assert texts(run(asked).replies) == texts(run(command).replies)


def test_returning_a_unit_said_plainly_asks_for_confirmation_with_its_reason() -> None:
    result = run("把册井镇退回去，表三结转数不对")
    assert result.actions and isinstance(result.actions[0], AskConfirmation)
    assert result.actions[0].pending.word == "退回" and result.actions[0].pending.reason == "表三结转数不对"


@pytest.mark.parametrize("text", ["提醒群众注意保密", "提醒各村及时公开", "把旧制度退回修改"])
def test_a_clerks_sentence_starting_with_remind_or_return_is_no_command(text: str) -> None:
    assert not is_supervisor_command(text)


def test_a_unit_named_alone_is_a_look_at_its_report() -> None:
    from bot.supervision import naming_a_unit

    units = seed_area().units
    assert naming_a_unit("册井镇。", units) == "查看 册井镇"
    assert naming_a_unit("汇总", units) == "汇总"
    assert naming_a_unit("好的", units) == "好的"
