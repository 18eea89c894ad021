"""一、总体情况 of a unit with nothing to add (the five seeds' figures, every answer 无): the opening names the 条例 and
the principle; the parts do not name them again (an evaluator reads 《中华人民共和国政府信息公开条例》 three times
in one section, after the preface has named it 《条例》, as text pasted together)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import seed_drafts, voice

ONE = ("summary", "active", "on_request", "management", "platform", "oversight")


@pytest.fixture(scope="module")
def seeds():
    return seed_drafts()


def test_the_law_is_named_once_in_one(seeds) -> None:
    for unit, parts in seeds.items():
        section = "".join(parts[p] for p in ONE)
        assert section.count("政府信息公开条例》") <= 1, (unit, section)


def test_the_principle_is_said_once_in_one() -> None:
    for variant in range(3):
        for name, kind in (("延津县塔铺街道", "街道"), ("胡集乡", "乡"), ("册井镇人民政府", "镇")):
            report = with_derived(empty_report(name, kind, 2025))
            v = voice(name, kind, 2025)
            section = "".join(draft_paragraph(p, "", report, v, variant=variant) for p in ONE)
            assert section.count("不公开为例外") <= 1, section
