"""An assessment's result said aloud names the body that assessed by its level (县里考核得了优秀 → 在县年度考核中…);
where the unit's name or its area says the place, the draft and the notes shown name it (在龙亭区年度考核中): a 区's
township had published 在县年度考核中, a county it does not belong to, and no report says a bare 县 for its own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.units import place_of_level

from .test_dialog_prose import at, reply

SAID = "培训两次 年底县里考核政务公开得了优秀"


def _offered(unit: str, area: str) -> str:
    chat = at("1.6", kind="镇")
    chat.ctx = replace(chat.ctx, unit=unit, area=area)
    chat.send(SAID)
    return reply(chat)


@pytest.mark.parametrize(("unit", "area", "named"), [
    ("龙亭区柳园口镇", "", "在龙亭区年度考核中政务公开工作获评优秀"),  # a 区: never 在县…
    ("城关镇", "示范县", "在示范县年度考核中政务公开工作获评优秀"),  # the area the organisation file gives
    ("新郑市城关镇", "", "在新郑市年度考核中政务公开工作获评优秀"),  # a 县级市
])
def test_the_draft_and_its_notes_name_the_county_that_assessed(unit: str, area: str, named: str) -> None:
    offered = _offered(unit, area)
    draft, notes = offered.split("要点：")[0], offered.split("要点：")[1]
    assert named in draft and named in notes, offered
    assert "在县" not in offered, offered


def test_a_unit_whose_county_is_not_known_keeps_the_level_said() -> None:
    assert "在县年度考核中政务公开工作获评优秀" in _offered("城关镇", "")


def test_a_level_said_is_the_place_of_that_level() -> None:
    assert place_of_level("市", "开封市龙亭区柳园口乡") == "开封市"
    assert place_of_level("县", "开封市龙亭区柳园口乡") == "龙亭区"
    assert place_of_level("区", "城关镇", "示范县") == "示范县"
    assert place_of_level("市", "城关镇", "示范县") == ""
