"""R17 gives one finding per sentence that says something aloud, not one per word: a clerk reading the checks on a
phone saw five near-identical lines for 「同时，我镇都是按时答复的没超期，是问…告知他去找县自然资源局了。」. The one
finding names every spoken word of the sentence, says the written word where it is certain (没 → 未, 他 → 申请人, 了
taken off) and which words only a rewrite helps; its fix makes every certain change at once."""

from __future__ import annotations

from bot.report import empty_report, with_derived
from bot.rules import check_report

QA27 = "同时，我镇都是按时答复的没超期，是问征地补偿标准的告知他去找县自然资源局了。"


def _r17(text: str):
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    report.text["s1.on_request"] = text
    return [f for f in check_report(report) if f.rule == "R17"]


def test_one_sentence_with_four_spoken_words_is_one_finding_naming_them_all() -> None:
    [found] = _r17(QA27)
    assert found.message == (
        "一、总体情况（二）依申请公开有口语化用词“没”、“是问”、“他”、“了”："
        "“…我镇都是按时答复的没超期，是问征地补偿标准的告知他去找县自然资源局了”。"
        "年度报告是正式公文，可将“没”改为“未”，“他”改为“申请人”，“了”删去；“是问”请改用书面用语。")
    assert found.fix is not None
    assert found.fix.apply(QA27) == "同时，我镇都是按时答复的未超期，是问征地补偿标准的告知申请人去找县自然资源局。"


def test_each_sentence_is_told_apart_and_quoted_alone() -> None:
    found = _r17("这个事情啊我们已经办结。有个是问征地补偿标准的吧，已告知申请人。")
    assert [f.message.split("：“", 1)[1].split("”。", 1)[0] for f in found] == [
        "这个事情啊我们已经办结", "有个是问征地补偿标准的吧，已告知申请人"]
    assert "“啊”、“我们”" in found[0].message and "可将“我们”改为“我镇”；“啊”请改用书面用语。" in found[0].message
    assert "“有个”、“是问”、“吧”" in found[1].message


def test_a_sentence_only_a_rewrite_helps_has_no_fix_and_one_word_reads_as_before() -> None:
    [found] = _r17("有个是问征地补偿标准的，已告知申请人向县自然资源局咨询。")
    assert found.fix is None and found.message.endswith("年度报告是正式公文，请改用书面用语。")
    [one] = _r17("我镇按时答复，没超期。")
    assert one.message == "一、总体情况（二）依申请公开有口语化用词“没”：“我镇按时答复，没超期”。年度报告是正式公文，可将“没”改为“未”。"
