"""铜官区人力资源和社会保障局's page prints the site's share line (用微信扫描二维码分享至好友和朋友圈) above a title
split over two lines (…2024年政府 / 信息公开工作年度报告). Read over three lines, the share line became part of the
unit's name; of two titles pieced together, the one of fewer lines is the title."""

from __future__ import annotations

from bot.importers import import_bytes

PAGE = """行政规范性文件
用微信扫描二维码分享至好友和朋友圈
铜官区人力资源和社会保障局2024年政府
信息公开工作年度报告
根据《中华人民共和国政府信息公开条例》要求,编制本年度报告。
一、总体情况
2024年,我局立足决策、执行、管理、服务、结果“五公开”。"""


def test_the_unit_is_the_titles_own() -> None:
    report = import_bytes(PAGE.encode("utf-8"), "page.txt").report
    assert (report.unit, report.year) == ("铜官区人力资源和社会保障局", 2024)
