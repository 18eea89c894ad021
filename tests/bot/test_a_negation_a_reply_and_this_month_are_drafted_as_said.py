"""Three small slips of the drafting words: 没有配个人 was drafted 暂无增配1名工作人员 (a hand added, under a negation);
政协提案3件都答复了 was drafted 均已办结 (an answer is no 办结); 公众号这个月发了5条 was drafted 公众号月发布5条 (这个 after a
carrier taken for a pause, leaving 月 alone). Each is now drafted as the clerk said it."""

from __future__ import annotations

import pytest

from bot.drafting.wording import fact_items, formal


@pytest.mark.parametrize(("typed", "drafted"), [
    ("没有配个人", "未增配工作人员"),
    ("没配个人", "未增配工作人员"),
    ("也没再配个人", "未增配工作人员"),
])
def test_no_hand_added_is_never_drafted_as_one_added(typed: str, drafted: str) -> None:
    assert formal(typed) == drafted


def test_a_hand_added_is_still_drafted_as_added() -> None:
    assert formal("让办公室再配个人") == "由办公室增配1名工作人员"


@pytest.mark.parametrize(("typed", "noted"), [
    ("政协提案3件都答复了", ["办理政协委员提案3件，均已答复"]),
    ("人大建议1件已答复", ["办理人大代表建议1件，已答复"]),
    ("人大建议有2件都办了", ["办理人大代表建议2件，均已办结"]),
])
def test_proposals_answered_are_drafted_answered_and_those_handled_handled(typed: str, noted: list[str]) -> None:
    assert fact_items(typed) == noted


@pytest.mark.parametrize(("typed", "drafted"), [
    ("公众号这个月发了5条", "公众号当月发布5条"),
    ("网站这个季度更新了3次", "网站当季更新3次"),
    ("公众号这个星期发了两条", "公众号当周发布2条"),
    ("公众号这个也发了50条", "公众号发布50条"),
])
def test_this_month_after_a_carrier_is_drafted_as_the_month_never_a_bare_month(typed: str, drafted: str) -> None:
    assert formal(typed) == drafted
