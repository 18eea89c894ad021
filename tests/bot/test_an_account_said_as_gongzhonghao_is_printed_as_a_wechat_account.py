"""A clerk's 公众号 is printed as published reports write it, 微信公众号 (27 times in tests/fixtures/corpus; a bare
公众号 in running prose reads colloquial, QA30 finding 9) — in the counts of 1.2 and the channels the opening of 一
names; an account the clerk named (政务公众号, 公众号“城关发布”) stays as named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("城关镇人民政府", "镇", 2025)
VOICE = voice_of(REPORT, self_word="我镇", people_government=True)
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
_BARE = re.compile(r"(?<!微信)(?<!政务)(?<![”」])公众号(?![“「])")


def test_published_reports_write_weixin_gongzhonghao() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt"))
    assert text.count("微信公众号") > 20 and text.count("政务微信公众号") == 0


@pytest.mark.parametrize("part", ["s1.active", "s1.platform"])
@pytest.mark.parametrize("variant", range(3))
def test_a_bare_gongzhonghao_is_printed_as_weixin_gongzhonghao(part: str, variant: int) -> None:
    text = draft_paragraph(part, "网站发了123条，公众号发了两百条，公众号有", REPORT, VOICE, variant=variant)
    assert "微信公众号" in text and not _BARE.search(text), text


@pytest.mark.parametrize(("notes", "kept"), [
    ("政务公众号120条", "政务公众号发布信息120条"),
    ("公众号“城关发布”120条", "公众号“城关发布”发布信息120条"),
    ("微信公众号120条", "微信公众号发布信息120条"),
])
def test_an_account_the_clerk_named_stays_as_named(notes: str, kept: str) -> None:
    text = draft_paragraph("s1.active", notes, REPORT, VOICE)
    assert kept in text and "微信微信" not in text and "政务微信" not in text, text


def test_the_opening_of_one_names_the_wechat_account_told_at_1_2() -> None:
    chat = at("1.2", kind="镇")
    chat.send("网站发了一百二十三条 公众号发了大概两百多条 公开栏十二期")
    chat.send("1")
    assert "通过微信公众号发布信息200余条" in chat.report.text["s1.active"]
    assert "网站、微信公众号、公开栏" in chat.report.text["s1.summary"], chat.report.text["s1.summary"]
    assert not _BARE.search(chat.report.text["s1.summary"] + chat.report.text["s1.active"]), reply(chat)
