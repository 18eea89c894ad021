"""The 全文 sent in WeCom text messages ends with its 落款 as a phone can show it: a text message cannot align right,
so the unit's name and, under it, the day stand flush left on their own lines after a blank line (no padding that
would wrap on a narrow screen or come along when copied), and they arrive in the same message as the last
paragraph they sign — never a message of their own, never a last message that looks unsigned."""

from __future__ import annotations

from datetime import date

import pytest

from bot.render import render_text, split_for_wecom
from tests.bot.test_render import numbered_report

UNIT = "永清县刘街乡"
SIGNED = f"\n\n{UNIT}\n2025年1月20日\n"
LAST_PARAGRAPH = "本年度未收取信息处理费。"


def _full_text(day: date | None = date(2025, 1, 20)) -> str:
    return render_text(numbered_report(), submitted_on=day)


def test_the_signature_stands_flush_left_on_its_own_lines_after_a_blank_line() -> None:
    text = _full_text()
    assert text.endswith(LAST_PARAGRAPH + SIGNED)
    tail = text[text.rindex(LAST_PARAGRAPH):].splitlines()
    assert tail == [LAST_PARAGRAPH, "", UNIT, "2025年1月20日"]  # no spaces of any width pushing it right


# every cut the last messages can have, from a piece that holds the last part whole to WeCom's 2048 bytes
@pytest.mark.parametrize("limit", range(200, 2049, 7))
def test_the_signature_arrives_in_the_message_of_the_paragraph_it_signs(limit: int) -> None:
    text = _full_text()
    parts = split_for_wecom(text, limit)
    assert "".join(parts) == text
    assert parts[-1].endswith(LAST_PARAGRAPH + SIGNED)
    assert all(len(p.encode("utf-8")) <= limit for p in parts)


@pytest.mark.parametrize("limit", range(200, 2049, 11))
def test_a_drafts_signature_of_its_name_only_stays_with_the_last_paragraph(limit: int) -> None:
    parts = split_for_wecom(_full_text(day=None), limit)
    assert parts[-1].endswith(f"{LAST_PARAGRAPH}\n\n{UNIT}\n")
