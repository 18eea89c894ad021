"""What a clerk adds to the list of what was published (重点是低保和惠农补贴 还有那个财政预决算) joins that list —
着重公开低保、惠农补贴和财政预决算等信息 — and a thing published named alone (财政预决算) is what the year's information
covered: 1.2 never drafts a sentence without its subject such as 「此外，公开财政预决算。」 (QA30 finding 9)."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("城关镇人民政府", "镇", 2025)
VOICE = voice_of(REPORT, self_word="我镇", people_government=True)
# a sentence that opens on a connective and goes straight to a bare verb of publishing: a fragment
_FRAGMENT = re.compile(r"(?:^|。)(?:此外|同时|另外)?，?(?:公开|发布)[^。]*。")


def _active(notes: str | list[str], variant: int) -> str:
    return draft_paragraph("s1.active", notes, REPORT, VOICE, variant=variant)


@pytest.mark.parametrize("notes", [
    "网站发了123条 公众号发了大概两百多条 公开栏十二期，重点是低保和惠农补贴 还有那个财政预决算",
    ["网站发布123条", "公众号发布200余条", "公开栏12期", "重点为低保和惠农补贴", "财政预决算"],
])
@pytest.mark.parametrize("variant", range(3))
def test_an_item_said_with_haiyou_joins_the_list_of_the_focus(notes: str | list[str], variant: int) -> None:
    text = _active(notes, variant)
    assert "公开低保、惠农补贴和财政预决算等信息" in text or "发布低保、惠农补贴和财政预决算等信息" in text, text
    assert not _FRAGMENT.search(text) and "那个" not in text, text


@pytest.mark.parametrize(("notes", "said"), [
    (["网站56条", "财政预决算"], "发布信息56条，内容涵盖财政预决算等。"),
    (["财政预决算", "惠民补贴"], "主动公开政府信息，内容涵盖财政预决算、惠民补贴等。"),
    (["重点公开低保、救助", "财政预决算"], "低保、救助、财政预决算等信息。"),
    # read in the demo (QA30 follow-up): 重点公开了低保 还有那个医保缴费 had drafted 「此外，还医保缴费。」
    (["公开栏24期", "网站发布30余条", "重点公开了低保", "医保缴费"], "低保、医保缴费等信息。"),
    (["网站30条", "医保缴费"], "发布信息30条，内容涵盖医保缴费等。"),
])
@pytest.mark.parametrize("variant", range(3))
def test_a_thing_published_named_alone_is_never_a_sentence_without_its_subject(notes: list[str], said: str,
                                                                               variant: int) -> None:
    text = _active(notes, variant)
    assert said in text and not _FRAGMENT.search(text), text


@pytest.mark.parametrize("variant", range(3))
def test_a_clause_after_the_opening_sentence_goes_on_with_hai(variant: int) -> None:
    text = _active(["重点公开低保", "开展政策解读3次"], variant)
    assert re.search(r"。(?:同时|此外)，还开展政策解读3次。", text), text


def test_the_clerk_at_1_2_gets_one_list_of_what_was_published() -> None:
    chat = at("1.2", kind="镇")
    chat.send("网站发了一百二十三条 公众号发了大概两百多条 公开栏十二期，重点是低保和惠农补贴 还有那个财政预决算")
    drafted = reply(chat).split("要点：")[0]
    assert "低保、惠农补贴和财政预决算等信息。" in drafted, drafted
    assert "此外，公开" not in drafted and "。公开" not in drafted, drafted
