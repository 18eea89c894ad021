"""A paragraph pasted from another report (a PDF's text: 2024 年, 26 条, its own sub-heading “(一) 主动公开情况：”)
reads as the report prints its own text: no space between a number and its word, no heading of its own before it
(the report prints the part's heading once, above it), and, cut into notes at a facts question, no note that is
only that heading or a time phrase (近年来), no verb put before words that hold theirs (精准、规范公开政府信息)."""

from __future__ import annotations

from .test_dialog_facts_list import at, draft_part

PASTED = ("(一) 主动公开情况：近年来，我乡围绕重点领域，深入推进基层政府信息公开标准化建设，精准、精细、规范公开政府"
          "信息，通过信息公开平台发布信息 26 条，信息浏览点击量达 12.9 万人次，有效扩大公众参与。")


def test_a_paragraph_pasted_as_notes_drafts_without_its_heading_or_a_verb_doubled() -> None:
    chat = at("1.2")
    draft = draft_part(chat.send(PASTED))
    assert "主动公开情况" not in draft and "近年来" not in chat.state["facts"]["1.2"], draft
    assert "公开精准" not in draft and "精准、精细、规范公开政府信息" in draft, draft
    assert "26条" in draft and "12.9万人次" in draft, draft


def _own_at_the_opening(text: str) -> str:
    chat = at("1.1")
    chat.send(text)
    if "【1.1】" in chat.last.replies[0].text:
        chat.send("1")
    return chat.report.text["s1.summary"]


def test_a_pasted_opening_loses_the_spaces_a_pdf_put_around_its_numbers() -> None:
    paragraph = _own_at_the_opening("2025 年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》，全年发布信息 26 条，"
                                    "扎实推进政务公开各项工作，现将有关情况报告如下。")
    assert paragraph.startswith("2025年，我乡") and "26条" in paragraph, paragraph


def test_a_pasted_opening_loses_its_own_heading() -> None:
    paragraph = _own_at_the_opening("一、总体情况：2025年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进"
                                    "政务公开各项工作，现将有关情况报告如下。")
    assert paragraph.startswith("2025年，我乡"), paragraph


def test_an_own_paragraph_that_begins_with_an_ordinal_of_its_own_keeps_its_words() -> None:
    paragraph = _own_at_the_opening("（一）加强领导：我乡认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开"
                                    "各项工作，现将有关情况报告如下。")
    assert "加强领导" in paragraph, paragraph


def test_a_time_phrase_cut_from_a_pasted_sentence_is_dropped_without_a_word() -> None:
    chat = at("1.2")
    text = chat.send(PASTED)
    assert "近年来" not in text, text


def test_a_list_of_items_ending_in_a_word_that_can_open_a_clause_stays_one_list() -> None:
    chat = at("1.4")
    draft = draft_part(chat.send("严格落实保密审查制度，切实把好政治关、政策关、内容关，加强重点领域、重点项目信息审核"))
    assert "政治关、政策关、内容关" in draft and "重点领域、重点项目" in draft, draft
