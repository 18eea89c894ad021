"""Issue 9: “A pasted table 三 block was read (已从粘贴的表格中读取 6 行) and then every count was asked again” — a
block pasted from a table fills the rows it matches, every question it fills whole is skipped, and what was filled is
shown once for confirmation (已从粘贴的表格中读取…：…，如需更改请回复 修改 3.x). Every message goes through a JSON
round trip of the state (tests/bot/dialog_helpers.py)."""

from __future__ import annotations

from tests.conftest import seed_path

from .dialog_helpers import Chat, township

COLUMNS = 7  # 自然人, five kinds of 法人或其他组织, 总计


def _line(label: str, *values: int) -> str:
    return "\t".join([label, *(str(v) for v in values), str(sum(values))])


# what a clerk copies from last year's Word table when only the rows that happened matter: six rows with the totals
SIX_ROWS = "\n".join([
    _line("一、本年新收政府信息公开申请数量", 2, 1, 0, 0, 0, 0),
    _line("二、上年结转政府信息公开申请数量", 1, 0, 0, 0, 0, 0),
    _line("（一）予以公开", 1, 1, 0, 0, 0, 0),
    _line("1.本机关不掌握相关政府信息", 1, 0, 0, 0, 0, 0),
    _line("（七）总计", 2, 1, 0, 0, 0, 0),
    _line("四、结转下年度继续办理", 1, 0, 0, 0, 0, 0),
])


def _at(code: str) -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0")
    if code == "3.2":
        chat.send("是")
    assert f"【{code}】" in chat.last.replies[0].text
    return chat


def test_six_pasted_rows_fill_table_three_and_the_counts_are_not_asked_again():
    chat = _at("3.1")
    reply = chat.send(SIX_ROWS)
    assert reply.startswith("已从粘贴的表格中读取 6 行")
    for shown in ("【3.1】是否收到申请：是", "【3.2】本年新收 2 1 0 0 0 0", "【3.3】上年结转 1 0 0 0 0 0",
                  "【3.4】办理结果种类：已选 1. 予以公开、11. 无法提供·本机关不掌握",
                  "【3.5】办理结果件数：予以公开 1 1 0 0 0 0；无法提供·本机关不掌握 1 0 0 0 0 0",
                  "【3.6】结转下年度 1 0 0 0 0 0", "均记为 0", "如需更改，请回复「修改 3.1」"):
        assert shown in reply, (shown, reply)
    assert "【4.1】是否有复议诉讼" in reply.split("如需更改")[1]  # the next question, in the same reply
    cells = chat.report.cells
    assert cells["t3.new.company"] == 1 and cells["t3.carry_over.person"] == 1 and cells["t3.unable_1.person"] == 1
    assert cells["t3.partial.person"] == 0 and cells["t3.other_3.company"] == 0  # left out, and the total says 0
    chat.send("否")
    assert "【1.1】" in chat.last.replies[0].text


def test_a_whole_block_pasted_at_the_first_count_skips_to_the_next_table():
    text = seed_path(4).read_text(encoding="utf-8")
    block = text[text.index("一、本年新收"):text.index("四、政府信息公开行政复议")]
    chat = _at("3.2")
    reply = chat.send(block)
    assert "读取 25 行" in reply and "【3.2】本年新收 1 0 0 0 0 0" in reply and "【3.1】" not in reply
    assert reply.rindex("【4.1】") > reply.index("如需更改")


def test_rows_that_do_not_add_up_to_their_total_leave_the_results_to_be_asked():
    block = SIX_ROWS.replace(_line("（七）总计", 2, 1, 0, 0, 0, 0), _line("（七）总计", 3, 1, 0, 0, 0, 0))
    chat = _at("3.2")
    chat.send(block)
    reply = "\n".join(r.text for r in chat.last.replies)  # the menu is long: the reply comes in two messages
    assert "【3.2】本年新收 2 1 0 0 0 0" in reply and "均记为 0" not in reply and "【3.6】" not in reply
    assert "【3.4】办理结果种类（" in reply  # asked: the block does not say what the third result was
    assert "3.4" not in chat.state["answered"] and "3.6" not in chat.state["answered"]


def test_a_block_of_table_three_pasted_at_table_two_fills_table_three_and_table_two_is_still_asked():
    chat = Chat(township())
    chat.send("你好")
    reply = chat.send(SIX_ROWS)
    assert "【3.2】本年新收 2 1 0 0 0 0" in reply and "未填" not in reply
    assert reply.rstrip().endswith("请回复三个数字（乡镇、街道不制定规章，一般为 0 0 0）。")  # 【2.1】 asked again
    chat.say_all("0 0 0", "0 0 0", "0 0 0", "0")
    assert "【4.1】" in chat.last.replies[0].text  # table 三 is not asked again


def test_edit_after_a_paste_shows_the_pasted_values():
    chat = _at("3.1")
    chat.send(SIX_ROWS)
    assert "当前：予以公开 1 1 0 0 0 0；无法提供·本机关不掌握 1 0 0 0 0 0。" in chat.send("修改 3.5")
