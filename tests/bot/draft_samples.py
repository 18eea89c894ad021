"""Ten demo units with their own facts and figures, as ten clerks would give them: the material the drafting tests
(and `python -m tests.bot.draft_samples`, which prints the drafts for a reader) work on."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bot.drafting import Voice, draft_paragraph
from bot.formats import GOV2021
from bot.importers import import_report
from bot.report import Report, empty_report, with_derived
from bot.units import UNIT_KINDS
from handlers.demo import DEMO_UNITS

PARTS = ("summary", "active", "on_request", "management", "platform", "oversight", "problems", "improvements",
         "other")
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

# per unit: the facts of each part (what the clerk typed) and a few table cells
DEMO_FACTS: dict[str, tuple[dict[str, str], dict[str, int]]] = {
    "城关镇人民政府": (
        {"active": "政府网站信息公开专栏 56 条，政务公众号 120 条，政务公开栏 12 期；重点公开财政预决算、惠民补贴",
         "management": "落实“先审查、后公开”和“一事一审”，修订了信息发布审核制度",
         "platform": "规范网站“政府信息公开”专栏 8 个子栏目，运营政务公众号“城关发布”",
         "oversight": "培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究",
         "problems": "信息更新不够及时，政策解读形式单一；改进：明确专人每周更新，增加图解解读",
         "other": "办理人大代表建议3件"},
        {"t2.license": 12, "t3.new.person": 2, "t3.open.person": 2}),
    "青山乡人民政府": (
        {"active": "公开栏 24 期 网站 30 条", "management": "先审后发",
         "platform": "还有公开栏，每个村都有公开栏", "oversight": "没培训，无责任追究",
         "problems": "公开时效性不高 群众关注度较低 改进：提高时效性", "other": "无"},
        {}),
    "东城街道办事处": (
        {"active": "街道公众号发了200多条，重点是老旧小区改造、养老服务", "management": "建立信息发布三级审核",
         "platform": "开通视频号，社区电子屏12块", "oversight": "组织培训两次，纳入社区考核，开展满意度测评，满意率98%",
         "problems": "人员少兼职多、栏目更新慢、明年准备安排专人负责", "other": ""},
        {"t2.penalty": 5, "t3.new.person": 1, "t3.unable_1.person": 1}),
    "示范县教育局": (
        {"active": "局网站发布信息85条，重点公开招生入学政策、教育收费", "management": "修订政府信息公开保密审查办法",
         "platform": "优化网站“教育公开”专栏", "oversight": "开展专项督查1次",
         "problems": "解读材料不够通俗；改进：已制作图解3期，下一步增加视频解读", "other": "办理政协委员提案2件"},
        {"t2.license": 40, "t2.normative.issued": 1, "t2.normative.in_force": 6, "t3.new.person": 4,
         "t3.open.person": 3, "t3.partial.person": 1}),
    "示范县人民政府": (
        {"active": "县政府门户网站发布信息1200条，重点公开重大项目、财政资金", "management": "开展行政规范性文件清理",
         "platform": "整合部门网站，县政务新媒体矩阵", "oversight": "纳入全县绩效考核，社会评议1次，无责任追究",
         "problems": "部分部门公开不及时；改进：加强督查通报", "other": "全县政务公开工作要点落实"},
        {"t2.normative.issued": 5, "t2.normative.abolished": 2, "t2.normative.in_force": 30, "t3.new.person": 9,
         "t3.new.company": 2, "t3.open.person": 8, "t3.unable_1.company": 2, "t3.carry_over.person": 1}),
    "柳河镇人民政府": (
        {"active": "政务公众号“柳河发布”推送80条", "management": "坚持先审后公开",
         "platform": "每月更新村务公开栏", "oversight": "培训1次，纳入年度考核",
         "problems": "公开内容不够全面", "other": "镇村两级公开目录编制完成"},
        {"t2.penalty": 3}),
    "石桥乡人民政府": (
        {"active": "重点公开涉农补贴、低保名单", "management": "落实保密审查",
         "platform": "运营微信群、公开栏", "oversight": "开展群众评议",
         "problems": "栏目设置不规范；改进：对照标准目录规范栏目", "other": ""},
        {"t3.new.person": 1, "t3.other_3.person": 1}),
    "西关街道办事处": (
        {"active": "网站信息公开专栏发布信息46条", "management": "建立信息公开台账",
         "platform": "街道网站专栏，社区公开栏6个", "oversight": "纳入社区年度考核；无追究",
         "problems": "社区公开栏更新慢", "other": "街道政务服务中心设置政务公开专区"},
        {}),
    "示范县市场监督管理局": (
        {"active": "公示行政处罚信息、双随机抽查结果", "management": "行政处罚决定7日内公示",
         "platform": "更新“双随机、一公开”专栏", "oversight": "开展业务培训3次",
         "problems": "处罚信息公示格式不统一；改进：统一公示模板", "other": "无"},
        {"t2.penalty": 65, "t2.license": 320, "t3.new.company": 3, "t3.open.company": 2, "t3.reject_1.company": 1}),
    "示范县自然资源局": (
        {"active": "公开征地信息18条，重点公开国土空间规划", "management": "征地信息发布前法律审核",
         "platform": "网站“征地信息公开”专栏", "oversight": "纳入局年度考核",
         "problems": "征地信息公开不够及时；改进：征地批复后5个工作日内公开", "other": "办理人大代表建议1件"},
        {"t2.license": 28, "t3.new.person": 6, "t3.open.person": 4, "t3.unable_1.person": 1,
         "t3.carry_over.person": 1, "t4.review.upheld": 1}),
}


def voice(name: str, kind: str, year: int) -> Voice:
    k = UNIT_KINDS[kind]
    return Voice(name, kind, k.self_word, year, k.people_government)


def demo_report(name: str, kind: str, year: int = 2025) -> Report:
    report = empty_report(name, kind, year)
    report.cells.update(DEMO_FACTS[name][1])
    return with_derived(report)


def demo_drafts(year: int = 2025) -> dict[str, dict[str, str]]:
    """unit → part → the drafted paragraph."""
    out = {}
    for unit in DEMO_UNITS:
        facts, _ = DEMO_FACTS[unit.name]
        report, v = demo_report(unit.name, unit.kind, year), voice(unit.name, unit.kind, year)
        facts = {**facts, "improvements": facts.get("problems", "")}  # 5.2 is drafted from 5.1's 改进 part
        known = {part: facts.get(part, "") for part in PARTS}
        out[unit.name] = {part: draft_paragraph(part, facts.get(part, ""), report, v, known=known,
                                                fees_yuan=None) for part in PARTS}
    return out


def seed_drafts() -> dict[str, dict[str, str]]:
    """The five real township reports' figures, drafted with no facts (a clerk who answered 无 everywhere)."""
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        report = with_derived(import_report(path, GOV2021).report)
        kind = report.unit_kind or "镇"
        out[f"{path.stem} {report.unit}"] = {
            part: draft_paragraph(part, "", report, voice(report.unit, kind, report.year)) for part in PARTS}
    return out


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", re.sub(r"〔\d+〕\d+号|\d{4}年", "", text))


if __name__ == "__main__":
    drafts = seed_drafts() if "--seeds" in sys.argv else demo_drafts()
    for unit, parts in drafts.items():
        print(f"=== {unit}")
        for part, text in parts.items():
            print(f"[{part}] {text}")
