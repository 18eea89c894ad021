"""One reading of activities for every draft: a note that only says an activity was or was not done, in any order a
phone message puts it (考核有, 有考核, 考核：有, 没评议, 评议也没搞, 问责无), reads as a report says it (已开展考核,
未开展评议, 未发生责任追究); an activity named bare is 开展…; a paragraph's verb (落实, 公开, 建设) goes only in front of
what it fits, and a note that is none of these (分管领导, 档案) is never given one."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, fact_items, voice_of
from bot.drafting.wording import activity_said
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("青山乡人民政府", "乡", 2025)
VOICE = voice_of(REPORT, self_word="我乡", people_government=True)


def _draft(part: str, notes: list[str]) -> str:
    return draft_paragraph(part, notes, REPORT, VOICE)


@pytest.mark.parametrize(("note", "said"), [
    ("考核有", ("考核", True)),
    ("有考核", ("考核", True)),
    ("考核有的", ("考核", True)),
    ("考核：有", ("考核", True)),
    ("年度考核也搞了", ("年度考核", True)),
    ("有开展社会评议", ("社会评议", True)),
    ("保密审查都做了", ("保密审查", True)),
    ("评议没有", ("评议", False)),
    ("没评议", ("评议", False)),
    ("无考核", ("考核", False)),
    ("社会评议：无", ("社会评议", False)),
    ("满意度测评也没搞", ("满意度测评", False)),
    ("问责无", ("问责", False)),
    ("从未开展政策解读", ("政策解读", False)),
])
def test_an_activity_said_done_or_not_in_either_order_is_read(note, said):
    assert activity_said(note) == said


@pytest.mark.parametrize("note", ["网站没有", "公开栏有", "搞了两次培训", "培训2次", "纳入年度考核", "分管领导"])
def test_a_note_that_says_more_or_names_no_activity_is_not_read_as_yes_or_no(note):
    assert activity_said(note) is None


@pytest.mark.parametrize(("typed", "items"), [
    ("考核有，评议没搞，问责无", ["已开展考核", "未开展评议", "未发生责任追究"]),
    ("有考核；没有社会评议；追责：没有", ["已开展考核", "未开展社会评议", "未发生责任追究"]),
    ("考核：有 满意度测评：有", ["已开展考核", "已开展满意度测评"]),
])
def test_the_notes_read_as_a_report_says_them(typed, items):
    assert fact_items(typed) == items


@pytest.mark.parametrize("notes", [
    ["考核有", "评议没有"], ["有考核", "没评议", "问责无"], ["考核有的", "评议也搞了"], ["考核：有", "社会评议：无"],
])
def test_the_oversight_paragraph_never_prints_the_colloquial_yes_or_no(notes):
    text = _draft("s1.oversight", notes)
    assert "开展政务公开工作考核" in text and "社会评议" in text  # as the format names them (工作考核、社会评议)
    for raw in ("考核有", "有考核", "评议没", "没评议", "落实有", "落实考核", "：有", "：无"):
        assert raw not in text, (raw, text)


@pytest.mark.parametrize(("part", "notes", "absent"), [
    ("s1.oversight", ["分管领导", "工作经费"], ["落实分管领导", "落实工作经费"]),
    ("s1.management", ["档案", "信息员"], ["落实档案", "落实信息员"]),
    ("s1.active", ["专人负责", "政策解读有"], ["公开专人负责", "公开政策解读", "公开已开展"]),
    ("s1.platform", ["网站改版", "栏目调整"], ["建设网站改版", "建设栏目调整"]),
])
def test_a_note_that_is_no_fit_for_the_parts_verb_gets_none(part, notes, absent):
    text = _draft(part, notes)
    for wrong in absent:
        assert wrong not in text, (wrong, text)


@pytest.mark.parametrize(("part", "notes", "present"), [
    ("s1.management", ["一事一审", "信息发布审核制度"], ["落实一事一审", "落实信息发布审核制度"]),
    ("s1.management", ["保密审查"], ["开展保密审查"]),
    ("s1.active", ["财政预决算", "政策解读"], ["涵盖财政预决算", "开展政策解读"]),
    ("s1.oversight", ["业务培训", "责任追究制度"], ["开展业务培训", "落实责任追究制度"]),
])
def test_a_rule_is_put_in_practice_content_published_and_an_activity_carried_out(part, notes, present):
    text = _draft(part, notes)
    for right in present:
        assert right in text, (right, text)


def test_in_the_conversation_the_draft_of_oversight_reads_the_yes_and_no():
    chat = at("1.6")
    chat.send("考核有，评议没搞，问责无")
    text = reply(chat)
    assert "已开展考核" in text and "未开展评议" in text and "责任追究" in text
    assert "考核有" not in text and "评议没搞" not in text
