"""A result said after the assessment it belongs to (纳入年度考核，考核结果为优秀) is that assessment's: the draft says
考核 once (将政务公开工作纳入年度考核，结果为优秀), never 纳入年度考核，考核结果为优秀."""

from __future__ import annotations

import pytest

from .test_dialog_prose import at, reply


@pytest.mark.parametrize(("said", "drafted"), [
    ("纳入年度考核，考核结果为优秀", "将政务公开工作纳入年度考核，结果为优秀。"),
    ("纳入年度考核；考核为良好", "将政务公开工作纳入年度考核，结果为良好。"),
    ("纳入年度绩效考核 考核获评优秀", "将政务公开工作纳入年度绩效考核，获评优秀。"),
])
def test_the_result_of_the_assessment_just_named_says_kaohe_once(said: str, drafted: str) -> None:
    chat = at("1.6", kind="镇")
    chat.send(said)
    draft = reply(chat).split("要点：")[0]
    assert drafted in draft and draft.count("考核") == 1, draft


def test_a_finding_of_the_assessment_is_no_result_to_merge() -> None:
    chat = at("1.6", kind="镇")
    chat.send("纳入年度考核，考核发现问题3个")
    assert "考核发现问题3个" in reply(chat).split("要点：")[0]
