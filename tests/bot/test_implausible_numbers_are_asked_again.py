"""A number no reporting body could state (99999999999 applications, a digit held down) is refused with what was
read and the bound, and the question is asked again; the bound is declared per cell in the format, not in the
parser. Every message goes through a JSON round trip of the state (tests/bot/dialog_helpers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.formats import GOV2021
from bot.parse import beyond_bounds

from .dialog_helpers import Chat, township

BOUND = 10_000_000


def _at_new_requests() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是")
    assert "【3.2】" in chat.last.replies[0].text
    return chat


def test_every_typed_cell_declares_a_plausible_bound_a_province_stays_below():
    for cell in GOV2021.cells:
        assert cell.maximum is not None, cell.id
        assert 1_000_000 <= cell.maximum <= 100_000_000, cell.id  # above any county, reachable by no province
    assert GOV2021.cell("t2.fees").maximum == Decimal(BOUND)


@pytest.mark.parametrize("typed, read", [
    ("99999999999 0 0 0 0 0", "99,999,999,999"),
    ("一亿 0 0 0 0 0", "100,000,000"),
    ("自然人 123456789件", "123,456,789"),
])
def test_an_implausible_count_is_refused_with_what_was_read_and_asked_again(typed, read):
    chat = _at_new_requests()
    reply = chat.send(typed)
    assert f"第 1 个数（自然人）读作 {read}" in reply and "10,000,000" in reply
    assert "【3.2】本年新收" in reply and "已记录" not in reply
    assert "t3.new.person" not in chat.report.cells
    assert "已记录：本年新收 自然人 3" in chat.send("3 0 0 0 0 0")


def test_the_bound_itself_is_accepted_and_one_more_is_not():
    chat = _at_new_requests()
    assert "读作 10,000,001" in chat.send(f"0 0 0 0 0 {BOUND + 1}")
    assert "已记录" in chat.send(f"0 0 0 0 0 {BOUND}")
    assert chat.report.cells["t3.new.other"] == BOUND


def test_the_position_of_the_implausible_number_is_named_in_table_two():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0")
    reply = chat.send("2 0 55555555555")
    assert "第 3 个数（行政强制）读作 55,555,555,555" in reply and "【2.3】" in reply
    assert "t2.enforcement" not in chat.report.cells


def test_an_implausible_amount_is_refused_in_wan_yuan():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0")
    reply = chat.send("88888888888万元")
    assert "读作 88,888,888,888 万元" in reply and "不超过 10,000,000 万元" in reply and "【2.4】" in reply
    assert "t2.fees" not in chat.report.cells


def test_an_implausible_count_of_a_chosen_result_kind_is_asked_again():
    chat = _at_new_requests()
    chat.say_all("2 0 0 0 0 0", "无", "1")
    reply = chat.send("77777777777 0 0 0 0 0")
    assert "读作 77,777,777,777" in reply and "予以公开" in reply
    assert "t3.open.person" not in chat.report.cells


def test_a_pasted_row_with_an_implausible_number_is_not_taken():
    chat = _at_new_requests()
    block = "\n".join([
        "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2",
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t333333333\t333333333",
        "（一）予以公开\t2\t0\t0\t0\t0\t0\t2",
    ])
    reply = chat.send(block)
    assert "超出合理范围" in reply and "：上年结转。" in reply
    assert chat.report.cells["t3.new.person"] == 2 and chat.report.cells["t3.open.person"] == 2
    assert "t3.carried_in.other" not in chat.report.cells


def test_beyond_bounds_names_the_first_value_above_its_own_bound():
    assert beyond_bounds([5, 12, 30], [10, 20, 20]) is not None
    error = beyond_bounds([5, 12, 30], [10, 20, 20])
    assert (error.code, error.position, error.token, error.maximum) == ("too_large", 3, "30", 20)
    assert beyond_bounds([10, 20], [10, None]) is None
