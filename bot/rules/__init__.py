"""The checker: rules R1–R15 (DOMAIN.md), each a small function `(report, ctx) -> list[Finding]`.

    findings = check_report(report, previous=None, fmt=GOV2021, other_units=())

Errors come first, then warnings, each in rule order. `RULES` lists the rules for docs and `nianbao check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..findings import Finding, Level
from ..formats import GOV2021, Format
from ..report import Report
from .context import RuleContext
from .prose import (
    r9_prose_numbers,
    r10_fee_statement,
    r11_stale_years,
    r12_old_format,
    r13_self_and_others,
    r14_completeness,
)
from .tables import (
    r1_balance,
    r2_column_totals,
    r3_row_totals,
    r4_review_totals,
    r5_cell_values,
    r6_carried_in,
    r7_regulations,
    r8_in_force,
    r15_jumps,
)

RuleFunction = Callable[[Report, RuleContext], list[Finding]]


class Rule(NamedTuple):
    function: RuleFunction
    level: Level
    description: str


RULES: dict[str, Rule] = {
    "R1": Rule(r1_balance, "error", "表三各列：新收 + 上年结转 = 办理结果总计 + 结转下年度"),
    "R2": Rule(r2_column_totals, "error", "表三各列：（七）总计 = 21 项办理结果之和"),
    "R3": Rule(r3_row_totals, "error", "表三各行：总计 = 六类申请人之和"),
    "R4": Rule(r4_review_totals, "error", "表四各项：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
    "R5": Rule(r5_cell_values, "error", "各数量为不小于 0 的整数，收费金额为不小于 0 的万元数，无空白或“/”"),
    "R6": Rule(r6_carried_in, "error", "表三「上年结转」等于上年报告的「结转下年度」（有上年报告时）"),
    "R7": Rule(r7_regulations, "error", "乡镇、街道和县级部门的「规章」行为 0"),
    "R8": Rule(r8_in_force, "warning", "现行有效件数 ≈ 上年现行有效 + 本年制发 − 本年废止（有上年报告时）"),
    "R9": Rule(r9_prose_numbers, "error", "正文中的申请数、结转数、复议诉讼情况与表格一致"),
    "R10": Rule(r10_fee_statement, "error", "六、其他需要报告的事项写明信息处理费收取情况"),
    "R11": Rule(r11_stale_years, "warning", "正文中没有往年或未来的年份（疑似沿用旧文）"),
    "R12": Rule(r12_old_format, "error", "使用 2021 年新格式，未引用 2019 年旧格式"),
    "R13": Rule(r13_self_and_others, "warning", "自称与单位类别一致（镇写“我镇”），未出现其他单位名称"),
    "R14": Rule(r14_completeness, "warning", "总体情况五个方面齐全，第五部分不为空，没有遗留占位符"),
    "R15": Rule(r15_jumps, "warning", "与上年相比变化 3 倍以上的数据需在总体情况中说明"),
}


def check_report(
    report: Report,
    previous: Report | None = None,
    fmt: Format = GOV2021,
    other_units: Iterable[str] = (),
) -> list[Finding]:
    """All findings about `report`: errors first, then warnings, each group in rule order."""
    ctx = RuleContext(fmt=fmt, previous=previous, other_units=tuple(other_units))
    findings = [f for rule in RULES.values() for f in rule.function(report, ctx)]
    return sorted(findings, key=lambda f: f.level != "error")  # stable: rule order within each level


__all__ = ["RULES", "Rule", "RuleContext", "RuleFunction", "check_report"]
