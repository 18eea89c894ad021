"""The guided conversation of the 2021 format, declared as data (see `questions.py` for the vocabulary).

Numbers come before the prose that depends on them: 表二, 表三, 表四, then 一, 五, 六. Table 三 hides behind one gate,
table 四 behind another, so a unit with no applications answers each of them with one word.
"""

from __future__ import annotations

from .gov2021_tables import APPLICANT_COLUMNS, RESULT_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS
from .questions import Question

_T2_COUNTS = ("本年制发件数", "本年废止件数", "现行有效件数")
_APPLICANT_LABELS = tuple(c.label for c in T3_COLUMNS if c.key in APPLICANT_COLUMNS)
_T4_GROUPS = tuple(g.key for g in T4_ROWS)
_T4_TYPED = tuple(c.key for c in T4_COLUMNS if c.key != "total")


def _t3_cells() -> tuple[str, ...]:
    # every cell of table 三, derived ones included: 否 makes all 175 of them 0
    return tuple(f"t3.{r.key}.{c.key}" for r in T3_ROWS for c in T3_COLUMNS)


def _row(table: str, row: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{table}.{row}.{c}" for c in columns)


T2 = (
    Question(
        "2.1", "row", "规章", "规章：本年制发、本年废止、现行有效各多少件？请回复三个数字{regulations_note}。",
        cells=_row("t2", "regulations", ("issued", "abolished", "in_force")), labels=_T2_COUNTS, example="0 0 0",
        table="t2",
    ),
    Question(
        "2.2", "row", "行政规范性文件", "行政规范性文件：本年制发、本年废止、现行有效各多少件？请回复三个数字。",
        cells=_row("t2", "normative", ("issued", "abolished", "in_force")), labels=_T2_COUNTS, example="1 0 3",
        table="t2", mentions=("规范性文件",),
    ),
    Question(
        "2.3", "row", "行政许可、处罚、强制",
        "本年作出的行政许可、行政处罚、行政强制决定各多少件（含未公开的）？请依次回复三个数字。",
        cells=("t2.license", "t2.penalty", "t2.enforcement"), labels=("行政许可", "行政处罚", "行政强制"),
        example="12 3 0", table="t2",
    ),
    Question(
        "2.4", "amount", "行政事业性收费",
        "本年行政事业性收费金额是多少万元？没有收费请回复 0（按元填写请带“元”字，如 3500元）。",
        cells=("t2.fees",), labels=("本年收费金额（万元）",), example="0.35", table="t2",
        mentions=("收费",),
    ),
)

T3 = (
    Question(
        "3.1", "gate", "是否收到申请", "本年度是否收到政府信息公开申请，或有上年结转未办结的申请？请回复“是”或“否”。",
        cells=_t3_cells(), table="t3", no_echo="本年度未收到政府信息公开申请，也没有上年结转的申请",
    ),
    Question(
        "3.2", "row", "本年新收", "本年新收的申请，按申请人分别是多少件？请依次回复六个数字：自然人、商业企业、科研机构、"
        "社会公益组织、法律服务机构、其他。",
        cells=_row("t3", "new", APPLICANT_COLUMNS), labels=_APPLICANT_LABELS, example="2 0 0 0 0 0", table="t3",
        gate="3.1",
    ),
    Question(
        "3.3", "prefill", "上年结转", "上年结转到本年的申请，按申请人分别是多少件？请回复六个数字，没有请回复“无”。",
        cells=_row("t3", "carried_in", APPLICANT_COLUMNS), labels=_APPLICANT_LABELS, example="0 0 0 0 0 0",
        table="t3", gate="3.1", prefill=_row("t3", "carry_over", APPLICANT_COLUMNS),
    ),
    Question(
        "3.4", "menu", "办理结果种类", "这些申请的办理结果有哪几种？请回复下列编号（可多选，用空格隔开，如 1 13）：",
        table="t3", gate="3.1", rows=RESULT_ROWS, example="1 13",
    ),
    Question(
        "3.5", "menu_rows", "办理结果件数", "按申请人分别是多少件？请依次回复六个数字：自然人、商业企业、科研机构、"
        "社会公益组织、法律服务机构、其他。",
        table="t3", gate="3.1", menu="3.4", columns=APPLICANT_COLUMNS, labels=_APPLICANT_LABELS,
        example="1 0 0 0 0 0",
    ),
    Question(
        "3.6", "computed", "结转下年度",
        "结转下年度继续办理的申请，按“新收 + 上年结转 − 办理结果”计算如下。",
        cells=_row("t3", "carry_over", APPLICANT_COLUMNS), labels=_APPLICANT_LABELS, example="0 0 0 0 0 0",
        table="t3", gate="3.1",
    ),
)

T4 = (
    Question(
        "4.1", "gate", "是否有复议诉讼", "本年度是否有因政府信息公开引起的行政复议或行政诉讼？请回复“是”或“否”。",
        cells=tuple(f"t4.{g}.{c.key}" for g in _T4_GROUPS for c in T4_COLUMNS), table="t4",
        no_echo="本年度没有因政府信息公开引起的行政复议、行政诉讼",
    ),
    Question(
        "4.2", "menu", "复议诉讼种类", "涉及哪几类？请回复编号（可多选）：", table="t4", gate="4.1", rows=_T4_GROUPS,
        example="1",
    ),
    Question(
        "4.3", "menu_rows", "复议诉讼件数", "结果维持、结果纠正、其他结果、尚未审结各多少件？请依次回复四个数字。",
        table="t4", gate="4.1", menu="4.2", columns=_T4_TYPED, labels=("结果维持", "结果纠正", "其他结果", "尚未审结"),
        example="1 0 0 0", one_by_column_named=True,
    ),
)

PROSE = (
    Question(
        "1.1", "prose", "总体情况（开头）", "一、总体情况的开头一段", slot="s1.summary", drafter="summary",
        mentions=("总体情况",), draws_on=("1.2",),
    ),
    Question(
        "1.2", "prose", "主动公开", "（一）主动公开", slot="s1.active", drafter="active",
        facts_prompt="本年度主要通过哪些平台主动公开信息、各公开了多少条？重点公开了哪些内容？",
        facts_example="政府网站信息公开专栏 56 条，政务公众号 120 条，政务公开栏 12 期；重点公开财政预决算、惠民补贴",
    ),
    Question("1.3", "prose", "依申请公开", "（二）依申请公开", slot="s1.on_request", drafter="on_request",
             about=("t3", "t4"), stated_by_tables=("政府信息公开申请", "依申请公开", "申请", "行政复议", "复议",
                                                   "行政诉讼", "诉讼", "复议诉讼")),
    Question(
        "1.4", "prose", "政府信息管理", "（三）政府信息管理", slot="s1.management", drafter="management",
        facts_prompt="政府信息管理方面做了什么？如保密审查怎么做、建立或修订了哪些制度。",
        facts_example="落实“先审查、后公开”和“一事一审”，修订了信息发布审核制度",
    ),
    Question(
        "1.5", "prose", "平台建设", "（四）政府信息公开平台建设", slot="s1.platform", drafter="platform",
        facts_prompt="公开平台建设方面有哪些情况？如网站栏目调整、政务新媒体（公众号、视频号）、公开栏。",
        facts_example="规范网站“政府信息公开”专栏 8 个子栏目，运营政务公众号，每月更新公开栏",
    ),
    Question(
        "1.6", "prose", "监督保障", "（五）监督保障", slot="s1.oversight", drafter="oversight",
        facts_prompt="监督保障方面：本年组织培训几次？有哪些督查或监督措施？",
        people_government_prompt="监督保障方面：本年组织培训几次？政务公开是否纳入工作考核、考核结果如何？是否开展社会评议（如群众满意度评议）？"
        "有无责任追究？没有请写“无责任追究”。",
        facts_example="培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究",
    ),
    Question(
        "5.1", "prose", "存在的主要问题", "五、（一）存在的主要问题", slot="s5.problems", drafter="problems",
        facts_prompt="本年度政务公开工作存在哪些主要问题？已经或准备怎样改进？请用“改进：”把两部分隔开。",
        facts_example="信息更新不够及时，政策解读形式单一；改进：明确专人每周更新，增加图解解读",
    ),
    Question(
        "5.2", "prose", "改进情况", "五、（二）改进情况", slot="s5.improvements", drafter="improvements", facts_from="5.1",
        mentions=("上年度问题", "上年问题", "上一年度问题"),
        offer_prompt="上年度报告所列问题本年已整改的，请回复“{rectified_mark}”加做法，如“{rectified_mark}已安排专人每周更新网站”。",
    ),
    Question(
        "6.1", "prose", "其他需要报告的事项", "六、其他需要报告的事项", slot="s6.other", drafter="other",
        mentions=("信息处理费", "提案", "工作要点"),
        offer_prompt="本年办理人大代表建议和政协委员提案、落实年度政务公开工作要点的情况如需报告，请直接发送要点，"
        "如“承办县人大代表建议2件，均按期办结并公开答复”。",
    ),
)

QUESTIONS = T2 + T3 + T4 + PROSE
