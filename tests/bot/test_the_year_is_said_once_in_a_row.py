"""六 (and any drafted part) says the year of the report once in a row: a sentence that would open with 本年度 / 全年 /
年内 right after one that said it already (年内未收取信息处理费。本年度无其他需要报告的事项。) opens without it; a
sentence after one that did not say it keeps its year."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice
from tests.bot.test_dialog_prose import at

_YEAR = re.compile(r"本年度|全年|年内")


def _other(notes: str, variant: int, fee: str | None = None) -> str:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    return draft_paragraph("s6.other", notes, report, voice("青山乡人民政府", "乡", 2025), fees_yuan=fee,
                           variant=variant)


def _two_in_a_row(text: str) -> bool:
    sentences = [s for s in re.findall(r"[^。]*。", text)]
    return any(_YEAR.search(a) and _YEAR.search(b) for a, b in zip(sentences, sentences[1:], strict=False))


@pytest.mark.parametrize("variant", range(4))
@pytest.mark.parametrize("fee", [None, "200"])
@pytest.mark.parametrize("notes", ["", "全年办理人大建议2件，本年度开展政务公开日活动1次"])
def test_the_other_matters_never_say_the_year_in_two_sentences_in_a_row(notes: str, fee: str | None,
                                                                       variant: int) -> None:
    text = _other(notes, variant, fee)
    assert not _two_in_a_row(text), text


def test_nothing_else_to_report_after_the_fee_drops_its_year() -> None:
    texts = [_other("", variant) for variant in range(4)]
    assert any(t.endswith("。无其他需要报告的事项。") for t in texts), texts


def test_a_sentence_after_one_without_the_year_keeps_it() -> None:
    texts = [_other("", variant, "200") for variant in range(4)]
    assert any(t.endswith("元。本年度无其他需要报告的事项。") for t in texts), texts


def test_the_other_matters_adopted_in_the_dialog_say_the_year_once() -> None:
    for redrafts in range(3):
        chat = at("6.1")
        for _ in range(redrafts):
            chat.send("重写")
        chat.send("本年度没有收费，本年度办理人大建议3件，今年也没有别的事")
        chat.send("1")
        text = chat.report.text["s6.other"]
        assert not _two_in_a_row(text) and "别的事" not in text and "办理人大建议3件" in text, text
