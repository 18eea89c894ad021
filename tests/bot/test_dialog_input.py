"""Every input form a person types, explanations of bad input, and a block pasted from last year's table."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import seed_path

from .dialog_helpers import Chat, township


def _at_t3(chat: Chat) -> None:
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0")


def test_rows_in_every_form():
    chat = Chat(township())
    chat.send("你好")
    chat.send("０　０　０")  # full-width digits and space
    assert chat.report.cells["t2.regulations.in_force"] == 0
    chat.send("三、一、十二")  # Chinese numerals and 顿号
    assert [chat.report.cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [3, 1, 12]
    chat.send("一百零五,2\t0")  # commas and tabs
    assert (chat.report.cells["t2.license"], chat.report.cells["t2.penalty"]) == (105, 2)
    reply = chat.send("0.35")
    assert chat.report.cells["t2.fees"] == Decimal("0.35") and "0.35 万元" in reply


def test_newlines_zero_words_and_yes_no_synonyms():
    chat = Chat(township())
    chat.say_all("你好", "无", "0\n0\n0", "没有", "零")
    assert chat.report.cells["t2.normative.issued"] == 0 and chat.report.cells["t2.fees"] == 0
    assert chat.last.replies[0].text.startswith("已记录")
    chat.send("有的")  # gate: yes
    assert "【3.2】" in chat.last.replies[0].text
    chat.send("1 0 0 0 0 0")
    chat.send("无")
    chat.send("1、13")  # menu with 顿号
    assert chat.state["choices"]["3.4"] == ["open", "unable_3"]


def test_bad_input_is_explained_kept_in_the_log_and_asked_again():
    chat = Chat(township())
    chat.send("你好")
    reply = chat.send("去年好像有两件吧")
    assert "【2.1】" in reply  # the same question again
    assert reply.split("【2.1】")[0].strip()  # preceded by an explanation
    assert chat.last.log == ["2.1 去年好像有两件吧"]
    assert "t2.regulations.issued" not in chat.report.cells
    reply = chat.send("1 2")  # two numbers where three are expected
    assert "【2.1】" in reply and chat.last.log


def test_gate_needs_yes_or_no():
    chat = Chat(township())
    _at_t3(chat)
    reply = chat.send("不太清楚")
    assert "是" in reply and "否" in reply and "【3.1】" in reply


def test_menu_out_of_range_is_explained():
    chat = Chat(township())
    _at_t3(chat)
    chat.say_all("是", "1 0 0 0 0 0", "无")
    reply = chat.send("25")
    assert "【3.4】" in reply and chat.last.log


def test_block_pasted_from_last_years_table_fills_the_rows_it_matches():
    text = seed_path(4).read_text(encoding="utf-8")
    block = text[text.index("一、本年新收"):text.index("四、政府信息公开行政复议")]
    chat = Chat(township())
    _at_t3(chat)
    chat.send("是")
    reply = chat.send(block)
    assert "已从粘贴的表格中读取" in reply
    assert chat.report.cells["t3.new.person"] == 1 and chat.report.cells["t3.open.person"] == 1
    assert chat.state["choices"]["3.4"] == ["open"]
    assert "【3.6】结转下年度 0 0 0 0 0 0" in reply  # shown with what was filled, not asked again
    assert reply.rindex("【4.1】") > reply.index("如需更改")


def test_pasted_table_two_block():
    chat = Chat(township())
    chat.send("你好")
    reply = chat.send("规章\t0\t0\t0\n行政规范性文件\t2\t0\t5\n行政许可\t7\n行政处罚\t1\n行政强制\t0\n行政事业性收费\t0.5")
    assert chat.report.cells["t2.normative.in_force"] == 5 and chat.report.cells["t2.license"] == 7
    assert chat.report.cells["t2.fees"] == Decimal("0.5")
    assert "【3.1】" in reply


def test_own_text_instead_of_the_draft():
    chat = Chat(township())
    _at_t3(chat)
    chat.say_all("否", "否")
    own = "2025年，我乡坚持以公开为常态，扎实推进政务公开各项工作。"
    chat.send(own)
    assert chat.report.text["s1.summary"] == own


def test_fee_collected_is_drafted_into_section_six():
    chat = Chat(township())
    _at_t3(chat)
    # 五 must name real problems: "无" is asked again there, "默认" takes the usual wording
    chat.say_all("否", "否", "1", "无", "1", "无", "无", "无", "无")  # 无 at a facts question: the usual wording
    assert "存在的主要问题是年度报告必须写明的内容" in chat.last.replies[0].text
    chat.say_all("默认", "1")
    assert "【6.1】" in chat.last.replies[0].text
    reply = chat.send("200元")
    assert "200" in reply and "【6.1】" in reply
    chat.send("1")
    assert "200" in chat.report.text["s6.other"]


def test_clearing_section_six_clears_the_fee_said_there_too():
    chat = Chat(township())
    _at_t3(chat)
    chat.say_all("否", "否", "1", "无", "1", "无", "无", "无", "无", "默认", "1", "200元")
    assert "200" in chat.last.replies[0].text
    reply = chat.send("清空")
    assert "已清空" in reply and "未收取信息处理费" in reply and "如本年收取了信息处理费" in reply, reply
    assert chat.state["fees_yuan"] is None


def test_a_large_amount_without_a_unit_is_confirmed_before_it_is_recorded():
    chat = Chat(township())
    chat.send("你好")
    chat.say_all("0 0 0", "0 0 0", "0 0 0")
    asked = chat.send("3500")
    assert "3500 万元" in asked and "0.35" in asked and "【2.4】" in asked
    assert "t2.fees" not in chat.report.cells  # nothing recorded yet
    chat.send("0.35")
    assert chat.report.cells["t2.fees"] == Decimal("0.35")
    again = Chat(township())
    again.send("你好")
    again.say_all("0 0 0", "0 0 0", "0 0 0", "3500", "确认")
    assert again.report.cells["t2.fees"] == Decimal("3500")
    plain = Chat(township())
    plain.send("你好")
    plain.say_all("0 0 0", "0 0 0", "0 0 0", "3500元")
    assert plain.report.cells["t2.fees"] == Decimal("0.35")
