"""六 typed by a careless clerk (没收钱 另外人大建议有2件都办了) had been published as 我镇人大建议有2件都办了。另外，暂无收钱。
No fee charged is what 六's fee sentence states already, never a remark after it; the proposals handled are written
as a report writes them."""

from __future__ import annotations

import pytest

from bot.drafting import fact_items

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize(("typed", "noted"), [
    ("没收钱", ["未收取信息处理费"]),
    ("人大建议有2件都办了", ["办理人大代表建议2件，均已办结"]),
    ("政协提案1件办完了", ["办理政协委员提案1件，已办结"]),
])
def test_a_note_of_six_is_noted_as_a_report_writes_it(typed: str, noted: list[str]) -> None:
    assert fact_items(typed) == noted


def test_six_states_the_fee_once_and_the_proposals_in_a_reports_words() -> None:
    draft = draft_part(at("6.1", "镇").send("没收钱 另外人大建议有2件都办了"))
    assert draft.count("未收取信息处理费") == 1 and "收钱" not in draft, draft
    assert "办理人大代表建议2件，均已办结" in draft and "都办了" not in draft, draft
