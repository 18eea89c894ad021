"""A long text sent as several WeCom messages (全文, a long supervision list) is cut between paragraphs, and a
heading (一、… （五）… 第二十条第（一）项) is never the last thing of one message with its paragraph in the next."""

from __future__ import annotations

import pytest

from bot.formats import GOV2021
from bot.render import render_text, split_for_wecom

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township
from .test_render import numbered_report


def _headings() -> set[str]:
    """The report's own headings, from the format: sections and the titled parts of the prose."""
    return {s.heading for s in GOV2021.sections} | {s.title for s in GOV2021.slots if s.title}


def _last_line(piece: str) -> str:
    lines = [line for line in piece.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def _assert_no_heading_left_behind(parts: list[str], limit: int) -> None:
    headings = _headings()
    assert all(len(p.encode()) <= limit for p in parts)
    for piece in parts[:-1]:
        assert _last_line(piece) not in headings, (limit, _last_line(piece))


@pytest.mark.parametrize("limit", [500, 700, 900, 1200, 1600, 2048])
def test_no_piece_of_the_whole_report_ends_with_a_heading(limit):
    text = render_text(numbered_report())
    parts = split_for_wecom(text, limit)
    assert "".join(parts) == text and len(parts) > 1
    _assert_no_heading_left_behind(parts, limit)


def test_the_full_text_command_keeps_every_heading_with_its_paragraph():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3", "2 0 0", "0", "是", "2 0 0 0 0 0", "无", "1 11", "1 0 0 0 0 0",
                 "1 0 0 0 0 0", "1", "否", *PROSE_ALL_DEFAULT)
    chat.send("全文")
    parts = [r.text for r in chat.last.replies[1:] if r.kind == "text"]
    assert len(parts) > 1
    _assert_no_heading_left_behind(parts, 2048)
    assert any(p.startswith("（五）监督保障") or "（五）监督保障\n\n我乡" in p for p in parts)


def test_a_chain_of_headings_travels_with_the_first_paragraph():
    text = "甲" * 200 + "。\n\n三、收到和处理政府信息公开申请情况\n\n（一）依申请公开\n\n" + "乙" * 200 + "。"
    parts = split_for_wecom(text, 700)
    assert "".join(parts) == text
    assert parts[0] == "甲" * 200 + "。\n\n"
    assert parts[1].startswith("三、收到和处理政府信息公开申请情况\n\n（一）依申请公开\n\n乙")


def test_a_heading_over_a_paragraph_too_long_for_one_message_leads_the_first_piece():
    body = "。".join("丙" * 50 for _ in range(30)) + "。"
    text = "前言" * 50 + "。\n\n（二）改进情况\n\n" + body
    parts = split_for_wecom(text, 600)
    assert "".join(parts) == text and all(len(p.encode()) <= 600 for p in parts)
    holder = next(p for p in parts if "（二）改进情况" in p)
    assert holder.startswith("（二）改进情况\n\n丙")
    assert all(p.endswith("。") or p.endswith("\n") for p in parts[:-1])  # a long paragraph is cut between sentences


def test_a_numbered_line_inside_a_table_stays_with_the_row_after_it():
    rows = "\n".join(f"第二十条第（{n}）项\n信息内容\t本年处理决定数量\n行政许可\t{n}" for n in "一二三四五六七八")
    parts = split_for_wecom(rows, 120)
    assert "".join(parts) == rows
    assert not any(_last_line(p).startswith("第二十条") for p in parts[:-1])


def test_a_list_of_names_is_still_cut_between_its_lines():
    names = "\n".join(f"城关镇{i}（已提交）" for i in range(200))
    parts = split_for_wecom(names, 300)
    assert "".join(parts) == names and len(parts) > 5
    assert all(p.endswith("\n") for p in parts[:-1]) and all(len(p.encode()) <= 300 for p in parts)
