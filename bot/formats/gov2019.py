"""The 2019 trial format (国办公开办函〔2019〕60号) as far as it differs from the 2021 format's tables.

Its 表二 counted 上一年项目数量 / 本年增/减 / 处理决定数量 for licences and penalties and 本年新制作数量 / 本年新公开数量 /
对外公开总数量 for documents; only 处理决定数量 means what a 2021 column means (本年处理决定数量).
"""

from __future__ import annotations

from .legacy import LegacyLayout

GOV2019_TABLE_TWO = LegacyLayout(
    name="2019年试行格式",
    columns=(
        ("本年新制作数量", None),
        ("本年新公开数量", None),
        ("对外公开总数量", None),
        ("上一年项目数量", None),
        ("本年增/减", None),
        ("处理决定数量", "decisions"),
        ("采购项目数量", None),
        ("采购总金额", None),
    ),
    rows=(
        ("规范性文件", ("t2", "normative")),
        ("其他对外管理服务事项", ("t2", None)),
        ("政府集中采购", ("t2", None)),
    ),
)
