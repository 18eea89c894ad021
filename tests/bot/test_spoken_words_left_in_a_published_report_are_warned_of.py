"""R17 on what QA32 found in a published, approved report with no warning (finding 2 and 3): 那个 as a filler, 老百姓,
告的, 镇里 as a subject, 做的 before how it went, 建议办N件, a word typed twice (网站网站), an English word in Chinese
prose (wechat) and a count with no noun (发布约10个). `nianbao check` over the report's Word file warns of them; the
公文 words around them (群众, a saying quoted, 人民政府政府信息, a site's address) are never flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.report import empty_report
from bot.rules import check_report
from handlers.cli import main

QA32 = Path(__file__).parent.parent / "fixtures" / "qa32"


def _spoken(text: str, slot: str = "s1.management") -> list[str]:
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.text[slot] = text
    return [f.message for f in check_report(report) if f.rule == "R17"]


@pytest.mark.parametrize(("text", "word"), [
    ("我镇注重加强政府信息管理，落实先审后发、那个、三审三校，确保公开的信息准确规范。", "那个"),
    ("另外，我镇复议是1个老百姓不服告的。", "老百姓"),
    ("另外，我镇复议是1个群众不服告的。", "告的"),
    ("本年度，开展2次培训、镇里领导重视，成立了领导小组。", "镇里"),
    ("我镇政府信息公开工作还存在一些不足，三是解读做的较少。", "做的"),
    ("在人大代表建议和政协委员提案办理方面，我镇人大建议办2件，均已按期办结。", "建议办"),
    ("本年度，我街道通过网站网站发布信息30条。", "网站网站"),
    ("本年度，我街道通过wechat微信公众号发布信息50条。", "wechat"),
    ("本年度，我街道通过视频发布约10个。", "约10个"),
])
def test_a_spoken_word_left_in_the_prose_is_warned_of(text: str, word: str) -> None:
    found = _spoken(text)
    assert any(f"“{word}”" in m for m in found), found


@pytest.mark.parametrize("text", [
    "我镇坚持“老百姓的事就是大事”，围绕群众关心的事项主动公开政府信息。",
    "特向社会公布2025年连生乡人民政府政府信息公开工作情况报告，区政府政府信息公开工作工作人员参加培训。",
    "群众可通过网站（www.example.gov.cn）查阅，或下载PDF版本。",
    "我镇运营政务公众号“平安City有我”，发布信息120条。",
    "我镇政策解读工作做得较好，群众满意度较高。",
    "我镇办理人大代表建议2件，均已按期办结。",
    "我镇一步一步推进基层政务公开标准化规范化建设，城乡里各村公开栏覆盖到位。",
    "全年通过公开栏更新信息12期，发布政策解读5个。",
])
def test_the_written_words_around_them_are_not_flagged(text: str) -> None:
    assert not _spoken(text)


@pytest.mark.parametrize(("docx", "words"), [
    ("chengguan_spoken.docx", ("那个", "老百姓", "镇里", "做的", "建议办")),
    ("dongcheng_spoken.docx", ("wechat", "网站网站", "约10个")),
])
def test_check_over_a_published_word_file_warns_of_its_spoken_words(docx: str, words: tuple[str, ...], capsys) -> None:
    main(["check", str(QA32 / docx), "--json"])
    out = capsys.readouterr().out
    spoken = [f["message"] for f in _findings(json.loads(out)) if f["rule"] == "R17"]
    assert all(any(f"“{w}”" in m for m in spoken) for w in words), spoken


def _findings(payload: object) -> list[dict]:
    """The findings of `nianbao check --json`, however the files are nested in it."""
    if isinstance(payload, dict):
        if "rule" in payload and "message" in payload:
            return [payload]
        return [f for v in payload.values() for f in _findings(v)]
    if isinstance(payload, list):
        return [f for v in payload for f in _findings(v)]
    return []
