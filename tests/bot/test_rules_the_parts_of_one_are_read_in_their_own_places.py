"""R14 reads each part of 一 in its own place first: a 依申请公开 part that speaks of applications in plain words
(未收到群众申请, 办理申请2件) is there, even when it also mentions 主动公开 or 群众咨询; a part whose place speaks only
of another part by name (主动公开 written where 依申请公开 belongs) is missing, unless another text of 一 names it."""

from __future__ import annotations

import re

import pytest

from bot.importers import import_report
from bot.report import Report
from bot.rules import check_rules
from tests.conftest import seed_path

FIVE = {
    "s1.summary": "2024年，我镇认真贯彻落实《条例》。",
    "s1.active": "全年通过政府网站主动公开各类信息120条。",
    "s1.management": "严格落实保密审查制度。",
    "s1.platform": "依托县政府网站专栏发布信息。",
    "s1.oversight": "将政务公开纳入年度考核。",
}


def _missing(text: dict[str, str]) -> set[str]:
    report = Report("测试镇", "镇", 2024, text=text)
    return {c for f in check_rules(report, ["R14"]) if "缺少" in f.message for c in f.cells}


@pytest.mark.parametrize("own", [
    "本年度我镇主动公开政务服务事项清单，未收到群众申请。",
    "坚持以主动公开为主，群众咨询的问题当场答复，全年没有收到申请。",
    "畅通申请渠道，在政务服务中心设立受理点，全年未收到申请。",
    "主动公开工作扎实，群众没有来申请的，12345热线转来的诉求都及时办理。",
    "全年办理群众申请2件，均在法定期限内答复，群众来电咨询均当场解答。",
])
def test_an_application_part_in_plain_words_is_there(own: str) -> None:
    assert "s1.on_request" not in _missing({**FIVE, "s1.on_request": own})


@pytest.mark.parametrize("own", [
    "全年主动公开信息120条，涵盖政策文件、工作动态。",
    "我镇在做好主动公开的同时，加强公开平台建设。",
    "群众来电咨询均当场答复。",  # another topic (咨询), as before
])
def test_a_place_that_speaks_only_of_another_part_lacks_its_own(own: str) -> None:
    assert "s1.on_request" in _missing({**FIVE, "s1.on_request": own})


def test_a_part_named_elsewhere_in_one_is_still_there() -> None:
    text = {**FIVE, "s1.on_request": "全年主动公开信息120条。",
            "s1.summary": "我镇扎实做好主动公开、依申请公开等工作。"}
    assert "s1.on_request" not in _missing(text)


def _seed_texts(n: int) -> dict[str, str]:
    return {k: v for k, v in import_report(seed_path(n)).report.text.items() if v}


def _in_plain_words(text: str) -> str:
    """A seed's 依申请公开 paragraph as a clerk might type it: no set phrase, plain 申请, an aside on 主动公开 and
    on 群众咨询 (another topic's word) beside it."""
    text = re.sub(r"依申请公开|政府信息公开申请|信息公开申请|政务信息公开申请|公开申请", "群众申请", text)
    return f"在做好主动公开的同时，群众来电咨询均当场解答。{text}"


@pytest.mark.parametrize("n", range(5))
def test_the_seeds_application_parts_in_plain_words_are_there(n: int) -> None:
    texts = _seed_texts(n)
    assert _missing(texts) == set()
    plain = {**texts, "s1.on_request": _in_plain_words(texts["s1.on_request"])}
    assert "s1.on_request" not in _missing(plain), plain["s1.on_request"]


@pytest.mark.parametrize("n", [1, 2, 3, 4])  # seed 0 names 依申请公开 under 监督保障 too: there it is never missing
def test_a_seed_whose_application_part_holds_its_active_part_lacks_it(n: int) -> None:
    texts = _seed_texts(n)
    assert "s1.on_request" in _missing({**texts, "s1.on_request": texts["s1.active"]})
