"""The conversation's flow as the QA report found it wanting (numbers are the QA items): 继续, 退回, 跳过, 修改,
进度, menus by name, zero applications after 是, rows typed with their total, 预览 of an unfinished report."""

from __future__ import annotations

from dataclasses import replace

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")


def _submitted(chat: Chat) -> None:
    chat.say_all("你好", *ZERO_T2, "否", "否", *PROSE_ALL_DEFAULT, "提交")
    assert "submitted" in chat.last.events


def _to_prose(chat: Chat) -> None:
    chat.say_all("你好", *ZERO_T2, "否", "否")
    assert "【1.1】" in chat.last.replies[0].text


# --- 2: 继续 -------------------------------------------------------------------------------------------------------


def test_continue_shows_the_current_question_and_is_never_stored():
    chat = Chat(township())
    _to_prose(chat)
    chat.send("1")  # 1.1 adopted; 1.2 asks for facts
    reply = chat.send("继续")
    assert "【1.2】" in reply and "s1.active" not in chat.report.text and not chat.state["facts"].get("1.2")
    chat.send("网站 56 条")
    reply = chat.send("继续")  # at the draft
    assert "【1.2】" in reply and "回复1采用" in reply and "s1.active" not in chat.report.text
    chat.send("1")
    assert "继续" not in chat.report.text["s1.active"]


def test_continue_after_a_return_shows_the_question_concerned():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("returned", "监督保障部分请补充培训情况")
    reply = chat.send("继续")
    assert "退回意见" in reply and "【1.6】" in reply
    reply = chat.send("继续")
    assert "【1.6】" in reply and "退回意见" not in reply
    assert "继续" not in chat.report.text["s1.oversight"]


# --- 4: covered in test_dialog_checks (recomputed, refused overrides) --------------------------------------------
# --- 5: the first message after a 退回 -----------------------------------------------------------------------------


def test_a_command_sent_right_after_a_return_is_carried_out_after_the_notice():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("returned", "请核对表二数字")
    reply = chat.send("修改 2.3")
    assert "退回意见：请核对表二数字" in reply and "【2.3】" in reply
    assert reply.index("退回意见") < reply.index("【2.3】") and "下面是意见涉及的题目" not in reply
    assert reply.index("意见涉及【2.1】") < reply.index("【2.3】")  # the part the reason names, though 2.3 is asked
    chat.send("1 0 0")
    assert chat.report.cells["t2.license"] == 1


def test_submit_sent_right_after_a_return_is_held_until_the_reason_is_read():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("returned", "请核对表二数字")
    reply = chat.send("提交")
    assert "「提交」暂未执行" in reply and "下面是意见涉及的题目" in reply and "已提交" not in reply
    assert "submitted" not in chat.last.events and "【2.1】" in reply, reply
    chat.send("提交")
    assert "submitted" in chat.last.events  # asked again, unchanged: the clerk's choice, the supervisor is told


def test_an_answer_right_after_a_return_is_not_taken_for_a_question_not_shown():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("returned", "平台建设部分请补充政务新媒体情况")
    reply = chat.send("1 0 0 0 1")
    assert "退回意见" in reply and "【1.5】" in reply and chat.last.changes == {}


# --- 8: 跳过 on an answered question ----------------------------------------------------------------------------------


def test_skip_during_an_edit_keeps_the_answer():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 1")
    chat.send("修改 2.2")
    reply = chat.send("跳过")
    assert "保留原答案" in reply and "已跳过" not in reply and "【2.3】" in reply
    assert "2.2" in chat.state["answered"] and "2.2" not in chat.state["skipped"]
    assert chat.report.cells["t2.normative.in_force"] == 1


def test_skip_inside_the_result_rows_during_an_edit_keeps_the_other_rows():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "3 0 0 0 0 0", "无", "1 2", "2 0 0 0 0 0", "1 0 0 0 0 0", "1")
    assert "【4.1】" in chat.last.replies[0].text
    chat.send("修改 3.5")
    chat.send("2 0 0 0 0 0")  # 予以公开 again, unchanged
    reply = chat.send("跳过")  # 部分公开 keeps its 1
    assert "保留原答案" in reply and "3.5" in chat.state["answered"] and not chat.state["skipped"]
    assert "【4.1】" in reply and chat.report.cells["t3.partial.person"] == 1


# --- 13: zero applications after 是 --------------------------------------------------------------------------------


def test_yes_then_no_new_and_no_carried_in_is_taken_as_no():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "0 0 0 0 0 0")
    reply = chat.send("无")
    assert "均为 0" in reply and "【3.4】" not in reply and "【4.1】" in reply
    assert chat.state["gates"]["3.1"] is False and chat.report.cells["t3.total.total"] == 0


# --- 14: 修改 without a code -----------------------------------------------------------------------------------------


def test_edit_without_a_valid_code_lists_the_codes():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2)
    for text in ("修改 表三", "修改"):
        reply = chat.send(text)
        assert "题号" in reply and "表三 3.1–3.6" in reply and "【3.1】" in reply
        assert "没有看懂" not in reply and "3.1" not in chat.state["gates"]
    chat.send("否")
    chat.send("否")
    chat.send("1")  # 1.1
    chat.send("修改完善了信息公开制度，网站发布 56 条")  # a facts answer that starts with 修改 is an answer
    assert "修改完善了信息公开制度" in chat.state["facts"]["1.2"]


# --- 18: 进度 -------------------------------------------------------------------------------------------------------


def test_progress_counts_what_it_lists_marks_errors_and_repeats_the_question():
    chat = Chat(township())
    chat.say_all("你好", "1 0 1", "跳过", "0 0 0")  # 规章 for a 乡: R7 error, kept by 跳过 (QA2 9)
    reply = chat.send("进度")
    assert "填报中" in reply and "【2.1】规章：有误" in reply and "【2.2】行政规范性文件：已完成" in reply
    done = reply.count("：已完成")
    assert f"已完成 {done}/" in reply and "1 题有误" in reply
    assert reply.rstrip().endswith(chat.last.replies[0].text.split("\n\n")[-1].rstrip())
    assert "【2.3】行政许可、处罚、强制（第 3/" in reply  # the current question, repeated at the end
    total = int(reply.split("已完成 1/")[1].split(" ")[0])
    chat.say_all("0 0 0", "0", "是", "1 0 0 0 0 0", "无", "1 2")
    reply = chat.send("进度")
    assert f"/{total} 题" in reply  # the kinds chosen do not change the count of questions
    chat.send("1 0 0 0 0 0")
    assert "是否不选此项" in chat.send("0 0 0 0 0 0")  # a kind chosen, then all 0 (QA2 24)
    assert f"/{total} 题）" in chat.send("是")  # the header counts the same questions
    chat.say_all("1", "否")
    reply = chat.send("进度")
    assert f"/{total - 2} 题" in reply and "【4.2】【4.3】因前面的回答无需填写" in reply


def test_progress_says_the_report_was_returned_and_why():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("submitted")
    assert "已提交，等待审核" in chat.send("进度")
    chat.with_status("returned", "平台建设请补充")
    chat.send("你好")
    reply = chat.send("进度")
    assert "已退回修改（退回意见：平台建设请补充）" in reply and "【1.5】" in reply


# --- 19: 修改 during a pending draft -----------------------------------------------------------------------------------


def test_edit_during_a_pending_draft_shows_the_new_draft_first_then_returns_to_the_old():
    chat = Chat(township())
    _to_prose(chat)
    chat.say_all("1", "网站 56 条", "1", "1", "落实一事一审", "1")
    reply = chat.send("公众号 80 条")  # 1.5 facts: its draft is offered
    assert "【1.5】" in reply and "回复1采用" in reply
    chat.send("修改 1.6")
    reply = chat.send("培训1次，纳入年度考核")
    assert "【1.6】" in reply and "回复1采用" in reply and "【1.5】" not in reply
    reply = chat.send("1")
    assert "【1.5】" in reply and "回复1采用" in reply  # back to 1.5, its draft offered again
    assert "培训" in chat.report.text["s1.oversight"]


# --- 20: menus by name -------------------------------------------------------------------------------------------------


def test_menus_accept_option_names():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "3 0 0 0 0 0", "无")
    chat.send("予以公开、国家秘密")
    assert chat.state["choices"]["3.4"] == ["open", "refuse_1"]
    chat.say_all("2 0 0 0 0 0", "1 0 0 0 0 0", "1", "是")
    reply = chat.send("复议")
    assert chat.state["choices"]["4.2"] == ["review"] and "【4.3】" in reply


def test_menu_errors_do_not_point_at_the_menu_itself_nor_offer_zero_after_yes():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "否", "是")
    reply = chat.send("诉讼的")
    assert "【4.2】" in reply and "修改 4.2" not in reply and "请回复 0" not in reply
    assert "1. 行政复议" in reply  # a short menu is shown again whole
    chat.send("未经复议")
    assert chat.state["choices"]["4.2"] == ["suit_direct"]
    chat.send("修改 3.1")
    chat.send("是")
    chat.send("1 0 0 0 0 0")
    chat.send("无")
    reply = chat.send("随便")  # the long menu is not repeated: how to see it again, and how to say “none yet”
    assert "【3.4】" in reply and "修改 3.4" not in reply and "「继续」" in reply and "1. 予以公开" not in reply


def test_an_ambiguous_name_is_asked_back_with_the_numbers_and_their_names():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "3 0 0 0 0 0", "无")
    reply = chat.send("不予公开")
    assert "对应多个选项（3 不予公开·国家秘密、4 不予公开·法律法规禁止、" in reply and "10 不予公开·行政查询事项）" in reply
    assert "【3.4】" in reply


# --- 27: 提交 with a question left asks it ---------------------------------------------------------------------------


def test_submit_with_the_current_question_unanswered_just_asks_it():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "否", "否", *PROSE_ALL_DEFAULT[:-1])
    assert "【6.1】" in chat.last.replies[0].text
    reply = chat.send("提交")
    assert "【6.1】其他需要报告的事项" in reply and "修改 6.1" not in reply and "回复1采用" in reply


# --- 29: 零零零 and a row typed with its total ------------------------------------------------------------------------


def test_zero_run_and_a_row_with_its_own_total():
    chat = Chat(township())
    chat.send("你好")
    chat.send("零零零")
    assert [chat.report.cells[f"t2.regulations.{c}"] for c in ("issued", "abolished", "in_force")] == [0, 0, 0]
    chat.say_all("0 0 0", "0 0 0", "0", "否", "是", "1")
    reply = chat.send("1 0 0 0 1")  # 结果维持 1 … 总计 1, as printed
    assert chat.report.cells["t4.review.upheld"] == 1 and "【1.1】" in reply
    chat.send("修改 4.3")
    reply = chat.send("1 0 0 0 2")  # a total that does not add up is not a total
    assert "收到 5 个" in reply and chat.report.cells["t4.review.upheld"] == 1


# --- 30: the 2.1 hint for every kind that makes no 规章 -----------------------------------------------------------------


def test_regulations_hint_follows_the_unit_kind():
    department = replace(township(), unit="示范县教育局", unit_kind="县级部门")
    assert "县级部门不制定规章" in Chat(department).send("你好")
    assert "乡镇、街道不制定规章" in Chat(township()).send("你好")
    city = replace(township(), unit="某市人民政府", unit_kind="设区的市政府")
    assert "不制定规章" not in Chat(city).send("你好")


# --- 31: 预览 of an unfinished report -----------------------------------------------------------------------------------


def test_preview_marks_unwritten_text_and_totals_only_complete_rows_of_an_unfinished_table():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "1 0 0 0 0 0", "无")
    chat.send("预览")
    reply = "".join(r.text for r in chat.last.replies)
    assert "表三尚未填完" in reply and "表四尚未填完" in reply and "【3.4】" in reply and "尚未撰写：" in reply
    chat.send("全文")
    body = "".join(r.text for r in chat.last.replies[1:])
    assert "（待填写）" in body
    line = next(x for x in body.splitlines() if x.startswith("一、本年新收"))
    assert line.split("\t")[1] == "1" and line.split("\t")[-1] == "1"  # a complete row shows its 总计 (QA3 18)
    line = next(x for x in body.splitlines() if x.startswith("四、结转下年度"))
    assert line.split("\t")[-1] == ""  # a row with blanks: no 总计 yet


# --- 34: 你好 after submitting ------------------------------------------------------------------------------------------


def test_hello_after_submitting_greets_with_the_status_and_what_can_be_done():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("submitted")
    reply = chat.send("你好")
    assert reply.startswith("张三，您好！") and "已提交，正在等待审核" in reply and "「预览」" in reply
    assert "继续" not in reply
