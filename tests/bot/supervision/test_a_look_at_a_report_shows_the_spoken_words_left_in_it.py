"""查看 of a report handed in with the spoken words QA32 found in an approved report (那个 as an item, 老百姓不服告的):
the supervisor is shown them as R17 warnings, with the sentence, and need not find them by reading."""

from __future__ import annotations

from dataclasses import replace

from bot.supervision import supervisor_command

from .helpers import TZ, at, seed_area


def test_a_look_at_a_report_handed_in_names_its_spoken_words() -> None:
    area = seed_area()
    unit = next(u for u in area.units if u.unit.endswith("胡集乡"))
    report = replace(unit.report, text={**unit.report.text,
                                        "s1.management": "我乡落实先审后发、那个、三审三校，确保公开的信息准确规范。",
                                        "s6.other": "另外，我乡复议是1个老百姓不服告的。"})
    area = replace(area, units=[replace(u, report=report) if u is unit else u for u in area.units])
    text = supervisor_command("查看 胡集", "supervisor", area, at(12, 10), TZ).replies[0].text
    assert "“那个”" in text and "“老百姓”" in text and "“告的”" in text, text
