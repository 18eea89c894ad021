"""A unit's report is one, its clerks' conversations are several (bot.dialog.colleagues): a clerk who joins a report
the unit has filled in is told who filled in what and asked only what is left; a clerk whose answer a colleague
changed is told once — who, which question, from what to what — and the paragraphs drafted from it follow, as the
clerk's own change would bring them; 重新开始 says whose answers go and starts the colleagues afresh, told so."""

from __future__ import annotations

from dataclasses import replace

from bot.dialog.colleagues import colleague_changed, joining, restarted
from bot.dialog.engine import RESTARTED_EVENT
from tests.bot.dialog_helpers import Chat, township

TABLES = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否")


def clerk(name: str) -> Chat:
    return Chat(replace(township(), user_name=name))


def write(writer: Chat, name: str, text: str, *colleagues: tuple[Chat, str]) -> str:
    """`writer` sends `text`; the edge then does for each colleague what it does after a change of the report."""
    before = writer.report
    reply = writer.send(text)
    result = writer.last
    for chat, me in colleagues:
        if RESTARTED_EVENT in result.events:
            chat.state = restarted(chat.state, by=name)
        else:
            chat.state = colleague_changed(chat.state, result.state, chat.ctx, by=name, me=me, before=before,
                                           after=result.report, changes=result.changes, redrafted=result.redrafted)
        chat.report = writer.report
    return reply


def joined(zhang: Chat, name: str = "孙丽") -> Chat:
    """A clerk's first conversation about the report 张明 has been filling in (`joining`, at the edge)."""
    sun = clerk(name)
    sun.state = joining(zhang.state, sun.ctx, by="张明", me=name)  # type: ignore[arg-type]
    sun.report = zhang.report
    return sun


def test_a_clerk_joining_a_filled_in_report_is_told_by_whom_and_asked_only_what_is_left() -> None:
    zhang = clerk("张明")
    zhang.say_all(*TABLES[:5])
    sun = joined(zhang)
    reply = sun.send("你好")
    assert reply.index("孙丽，您好") < reply.index("本单位张明已填写 4 题，无需再答") < reply.index("【3.1】"), reply
    assert "【2.1】" not in reply
    assert "本单位张明" not in sun.send("否")  # told once


def sun_changed_zhangs_decisions() -> tuple[Chat, Chat]:
    """张明 answered table 二 (2.3: 210 12 0); 孙丽 joined and changed 2.3 to 198 12 0: (张明, 孙丽)."""
    zhang = clerk("张明")
    zhang.say_all(*TABLES[:5])
    sun = joined(zhang)
    sun.send("你好")
    write(sun, "孙丽", "修改 2.3", (zhang, "张明"))
    write(sun, "孙丽", "198 12 0", (zhang, "张明"))
    return zhang, sun


def test_an_answer_a_colleague_changed_is_told_once_to_the_clerk_who_gave_it_from_what_to_what() -> None:
    zhang, sun = sun_changed_zhangs_decisions()
    reply = zhang.send("继续")
    assert reply.startswith("本单位孙丽修改了您填写的【2.3】行政许可、处罚、强制：由“210 12 0”改为“198 12 0”"), reply
    assert zhang.report.cells["t2.license"] == 198
    assert "本单位孙丽" not in write(zhang, "张明", "否", (sun, "孙丽"))  # said once
    reply = write(zhang, "张明", "修改 2.3", (sun, "孙丽"))
    write(zhang, "张明", "205 12 0", (sun, "孙丽"))
    reply = sun.send("继续")  # 孙丽 gave the last 【2.3】: she is told in turn
    assert "本单位张明修改了您填写的【2.3】" in reply and "由“198 12 0”改为“205 12 0”" in reply, reply


def test_a_paragraph_one_clerk_adopted_follows_the_numbers_another_changes() -> None:
    zhang = clerk("张明")
    zhang.say_all(*TABLES, "1", "政府网站公开信息86条", "1")  # 【1.1】 and 【1.2】 adopted as drafted
    assert "本年未制发行政规范性文件" in zhang.report.text["s1.active"]
    sun = joined(zhang)
    sun.send("你好")
    write(sun, "孙丽", "修改 2.2", (zhang, "张明"))
    reply = write(sun, "孙丽", "1 0 1", (zhang, "张明"))
    assert "【1.2】" in reply, reply  # brought up to date in her step, as in his own
    assert "本年未制发行政规范性文件" not in zhang.report.text["s1.active"]
    told = zhang.send("继续")
    assert "本单位孙丽修改了您填写的【2.2】行政规范性文件：由“0 0 0”改为“1 0 1”" in told, told
    assert "您撰写的【1.2】主动公开已按修改后的数字同步更新" in told, told


def test_a_paragraph_a_clerk_is_writing_stays_theirs_when_a_colleague_changes_a_number() -> None:
    zhang = clerk("张明")
    zhang.say_all(*TABLES, "1")
    offered = zhang.send("政府网站公开信息86条")  # his draft of 【1.2】 on offer
    assert "回复1采用" in offered
    sun = joined(zhang)
    sun.send("你好")
    write(sun, "孙丽", "修改 2.4", (zhang, "张明"))
    write(sun, "孙丽", "0.5", (zhang, "张明"))
    assert zhang.state["facts"]["1.2"] and "1.2" in zhang.state["offered"]  # type: ignore[index]
    assert "草稿已按修改后的数字重写" in zhang.send("1")  # his draft, drafted again with the fee: shown first
    zhang.send("1")
    assert "政府网站公开信息86条" in zhang.report.text["s1.active"]
    assert "0.5万元" in zhang.report.text["s1.active"]


def test_a_draft_on_offer_is_rewritten_with_the_numbers_a_colleague_changes_and_shown_before_it_is_adopted() -> None:
    zhang = clerk("张明")
    zhang.say_all(*TABLES, "1")
    offered = zhang.send("政府网站公开信息86条")  # his draft of 【1.2】 on offer: 2.2 was 0 0 0
    assert "本年未制发行政规范性文件" in offered and "回复1采用" in offered
    sun = joined(zhang)
    sun.send("你好")
    write(sun, "孙丽", "修改 2.2", (zhang, "张明"))
    write(sun, "孙丽", "1 0 1", (zhang, "张明"))
    reply = zhang.send("1")  # adopts nothing he has not seen: the draft is shown again as rewritten
    assert "您正在撰写的【1.2】主动公开草稿已按修改后的数字重写" in reply and "原草稿未采用" in reply, reply
    assert "s1.active" not in zhang.report.text and "1.2" not in zhang.state["answered"]  # type: ignore[index]
    draft = reply[reply.index("【1.2】主动公开（"):]
    assert "本年未制发行政规范性文件" not in draft and "政府网站公开信息86条" in draft, draft
    assert "草稿已按" not in zhang.send("1")  # seen: 1 adopts it
    assert "本年未制发行政规范性文件" not in zhang.report.text["s1.active"]
    assert "政府网站公开信息86条" in zhang.report.text["s1.active"]


def test_restart_names_whose_answers_go_and_starts_the_colleagues_afresh_told_once() -> None:
    zhang = clerk("张明")
    zhang.say_all(*TABLES[:5])
    sun = joined(zhang)
    sun.say_all("你好", "否")
    asked = write(sun, "孙丽", "重新开始", (zhang, "张明"))
    assert "张明填写的 4 题也将一并清空" in asked and "张明的填写进度将同时从头开始" in asked, asked
    write(sun, "孙丽", "确认", (zhang, "张明"))
    assert "t2.license" not in sun.report.cells and zhang.state["answered"] == []  # type: ignore[index]
    reply = zhang.send("你好")
    assert "本单位孙丽已将" in reply and "您此前填写的 4 题已一并清空" in reply and "【2.1】" in reply, reply
    assert "本单位孙丽" not in zhang.send("0 0 0")


def test_restart_by_a_clerk_alone_says_nothing_of_colleagues() -> None:
    zhang = clerk("张明")
    zhang.say_all(*TABLES[:3])
    assert zhang.send("重新开始").startswith("重新开始将清空已填写的全部数字和文字。确定吗？")


def test_submit_in_the_reply_that_tells_a_colleagues_change_is_held_until_read() -> None:
    zhang, _ = sun_changed_zhangs_decisions()
    reply = zhang.send("提交")
    assert reply.index("本单位孙丽修改了您填写的【2.3】") < reply.index("报告暂未提交。请先核对上述修改"), reply
    assert "submitted" not in zhang.last.events
    assert "报告暂未提交" not in zhang.send("提交")  # read: 提交 goes on as usual
