"""An assessment's result said aloud as not yet out (考核结果县里还没出, 评议结果还没出来) is drafted as a report states it,
the assessment named once: the words come from templates/drafts/check_result.j2, never from slicing a two-character
word out of the clerk's note (item[2:], m.group()[:4])."""

from __future__ import annotations

import pytest

from bot.drafting.wording import formal

from .test_dialog_prose import at, reply


@pytest.mark.parametrize(("said", "drafted"), [
    ("考核结果县里还没出", "考核结果尚未公布"),
    ("评议结果还没出来呢", "评议结果尚未公布"),
    ("考评结果尚未公布", "考评结果尚未公布"),
])
def test_a_result_not_out_is_written_as_a_report_writes_it(said: str, drafted: str) -> None:
    assert formal(said) == drafted


@pytest.mark.parametrize(("said", "drafted"), [
    ("纳入年度考核，考核结果县里还没出", "将政务公开工作纳入年度考核，结果尚未公布。"),
    ("纳入年度考核，考核获评优秀", "将政务公开工作纳入年度考核，获评优秀。"),
    ("纳入年度考核，考核结果是良好", "将政务公开工作纳入年度考核，结果为良好。"),
])
def test_the_result_after_its_assessment_names_it_once(said: str, drafted: str) -> None:
    chat = at("1.6", kind="镇")
    chat.send(said)
    draft = reply(chat).split("要点：")[0]
    assert drafted in draft and draft.count("考核") == 1, draft
