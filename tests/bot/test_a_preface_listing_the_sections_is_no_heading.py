"""A preface that lists what the report holds, numbered and separated by semicolons ("本报告主要内容包括：1.总体情况；
2.主动公开政府信息情况；…；6.其他需要报告的事项。", 五华科技产业园管委会's 2022 report), is one paragraph of the
preface: its items are not the sections' headings. Split as headings they made sections 二 to 六 of the preface, so
the report's own 一、 总体情况 was never found and R10 asked 六 — which the cut copy does not have — for its fee
statement. A heading glued to the end of a sentence, with its text after it, is still a heading."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes

LIST = ("本报告主要内容包括:1.总体情况;2.主动公开政府信息情况;3.收到和处理政府信息公开申请情况;4.政府信息公开行政复议、"
        "行政诉讼情况;5.存在的主要问题及改进情况;6.其他需要报告的事项。报告统计数据时间为2022年1月1日至2022年12月31日。")
REPORT = ("五华科技产业园管理委员会2022年度政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》有关要求编制本报告。{list}\n"
          "一、 总体情况\n2022年，园区政府网站发布信息90条。\n二、 主动公开政府信息情况\n第二十条第(一)项 | |||\n"
          "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 0 |\n")


def test_a_listed_section_is_not_a_section_and_the_report_keeps_its_own_headings() -> None:
    imported = import_bytes(REPORT.format(list=LIST).encode("utf-8"), "report.txt")
    text = imported.report.text
    assert "90条" in text.get("s1.summary", "") + text.get("s1.active", "")
    assert not any(k.startswith(("s5.", "s6.")) for k in text)
    assert "R10" not in {f.rule for f in check_imported(imported)}


def test_a_heading_glued_to_a_sentence_still_opens_its_section() -> None:
    glued = "五、存在的主要问题及改进情况\n信息更新不够及时。六、其他需要报告的事项本年度未收取信息处理费。\n"
    imported = import_bytes((REPORT.format(list="") + glued).encode("utf-8"), "report.txt")
    assert "未收取信息处理费" in imported.report.text.get("s6.other", "")
