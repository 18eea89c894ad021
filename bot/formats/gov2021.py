"""《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）, declared as data.

Labels are printed exactly as in the format. Cell ids are public (JSON, export headers, commands): keep them stable.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .gov2019 import GOV2019_TABLE_TWO
from .gov2021_questions import QUESTIONS
from .gov2021_tables import APPLICANT_COLUMNS, RESULT_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS
from .model import Balance, Cell, Column, Format, ProseSlot, Row, Section, Sum, Table

SECTIONS = (
    Section("一", "总体情况", aliases=("基本情况", "工作基本情况", "总体工作情况", "工作总体情况", "工作概况", "概述",
                                         "工作开展情况")),
    Section("二", "主动公开政府信息情况"),
    Section("三", "收到和处理政府信息公开申请情况"),
    # the 2019 trial format's title, still printed by many (with or without its 、)
    Section("四", "政府信息公开行政复议、行政诉讼情况",
            aliases=("因政府信息公开工作被申请行政复议、提起行政诉讼情况", "因政府信息公开申请行政复议、提起行政诉讼情况")),
    Section("五", "存在的主要问题及改进情况"),
    Section("六", "其他需要报告的事项"),
)

SLOTS = (
    ProseSlot("preface", "", ""),
    ProseSlot("s1.summary", "一", ""),
    ProseSlot("s1.active", "一", "（一）主动公开", ("主动公开",),
              aliases=("主动公示", "主动发布"),
              signals=("公开各类信息", "发布信息", "公开信息", "政府信息公开专栏", "解读", "重点领域", "公开力度",
                       "公开范围", "公开内容")),
    ProseSlot("s1.on_request", "一", "（二）依申请公开", ("依申请公开", "依申请"),
              aliases=("信息公开申请", "政务公开申请", "公开申请"),
              # in its own place, an application however it is worded (未收到群众申请, 办理申请2件) is this part
              signals=("申请",)),
    ProseSlot("s1.management", "一", "（三）政府信息管理", ("政府信息管理", "信息管理"),
              aliases=("信息发布审核", "发布审核", "保密审查"),
              signals=("审核", "审查", "保密", "先审后发", "三审", "公开属性", "源头认定", "清理", "动态调整",
                       "动态更新", "维护", "台账", "归档", "发布流程", "发布程序", "专人负责", "规范管理")),
    ProseSlot("s1.platform", "一", "（四）政府信息公开平台建设", ("平台建设", "公开平台", "平台"),
              aliases=("网站建设", "政务新媒体", "公开载体"),
              signals=("网站", "专栏", "公众号", "新媒体", "公开栏", "公示栏", "公告栏", "查阅点", "查阅室", "专区",
                       "微博", "抖音", "客户端")),
    ProseSlot("s1.oversight", "一", "（五）监督保障", ("监督保障", "监督"),
              aliases=("考核问责", "责任追究", "社会评议"),
              signals=("考核", "评议", "问责", "培训", "领导小组", "督查", "督促"),
              people_government_results=(("工作考核", ("考核", "考评")), ("社会评议", ("评议", "满意度", "测评")),
                                         ("责任追究", ("追究", "追责", "问责"))),
              # 纳入年度考核 alone: the work is assessed, its result not said (纳入年度考核，结果为优秀 states it)
              results_only_named=(("工作考核", r"纳入[^，,。；;]{0,12}?(?:考核|考评)(?:体系|内容|范围|指标)?"
                                                r"(?![，,]?(?:考核)?(?:结果|获评|位列|等次|被评为|评为))"),),
              result_forms=(r"^(?:本年度|全年|今年)?未开展", r"获评|结果为|被?评为|等次为|位列|满意率", r"结果尚未公布",
                            r"未发生[^，,。；;]{0,12}?(?:责任追究|追责|问责)")),
    ProseSlot("s5.problems", "五", "（一）存在的主要问题", ("存在的主要问题", "主要问题", "存在问题", "存在不足")),
    ProseSlot("s5.improvements", "五", "（二）改进情况", ("改进情况", "改进措施", "下一步"),
              heads_early=("上年度问题整改", "上年度存在问题整改", "上一年度问题整改", "上年问题整改", "上年度整改")),
    ProseSlot("s6.other", "六", ""),
)


# The plausible bounds of a typed cell, by kind. A province's or a large city's counts (applications, 行政许可
# decisions) reach hundreds of thousands, never ten million; its 行政事业性收费 reaches millions of 万元 at most.
# A county, a township or a department is far below either: a value above the bound was mistyped, not counted.
PLAUSIBLE_MAXIMUM = {"count": 10_000_000, "amount": Decimal(10_000_000)}


def _bounded(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    return tuple(replace(c, maximum=PLAUSIBLE_MAXIMUM[c.kind]) for c in cells)


# --- 表二 主动公开 -------------------------------------------------------------------------------------------

T2_ROWS = (
    Row("regulations", "规章", "第二十条第（一）项", "规章",
        "国务院部门和省、自治区、直辖市及设区的市、自治州人民政府依照《立法法》制定，以部门令或政府令公布的部门规章和地方政府规章"),
    # 檔案 is the Taiwan word for 文件: a mirror's Taiwan-vocabulary copy prints the row as 行政規範性檔案
    Row("normative", "行政规范性文件", "第二十条第（一）项", "行政规范性文件",
        "除规章外，本机关依照法定权限、程序制定并公开发布，涉及公民、法人和其他组织权利义务，具有普遍约束力，"
        "在一定期限内反复适用的文件；内部工作制度、人事任免、表彰通报等不计入",
        aliases=("行政规范性档案",)),
    Row("license", "行政许可", "第二十条第（五）项", "行政许可", "本机关依申请作出的行政许可决定（如各类审批、证照办理）"),
    Row("penalty", "行政处罚", "第二十条第（六）项", "行政处罚", "本机关依法作出的警告、罚款、没收违法所得等行政处罚决定"),
    Row("enforcement", "行政强制", "第二十条第（六）项", "行政强制", "本机关依法作出的查封、扣押等行政强制措施和行政强制执行决定"),
    Row("fees", "行政事业性收费", "第二十条第（八）项", "行政事业性收费", "本机关依法收取的行政事业性收费金额，单位为万元"),
)
T2_COLUMNS = (
    Column("issued", "本年制发件数"),
    Column("abolished", "本年废止件数", ),
    Column("in_force", "现行有效件数"),
    Column("decisions", "本年处理决定数量"),
    Column("amount", "本年收费金额（单位：万元）"),
)


def _t2_cells() -> tuple[Cell, ...]:
    cells = []
    for row in ("regulations", "normative"):
        label = next(r.label for r in T2_ROWS if r.key == row)
        for col in T2_COLUMNS[:3]:
            cells.append(Cell(f"t2.{row}.{col.key}", "t2", row, col.key, f"表二「{label}」{col.label}"))
    for row in ("license", "penalty", "enforcement"):
        label = next(r.label for r in T2_ROWS if r.key == row)
        cells.append(Cell(f"t2.{row}", "t2", row, "decisions", f"表二「{label}」本年处理决定数量"))
    cells.append(Cell("t2.fees", "t2", "fees", "amount", "表二「行政事业性收费」本年收费金额（万元）", kind="amount"))
    return _bounded(tuple(cells))


# --- 表三 收到和处理政府信息公开申请情况 ---------------------------------------------------------------------------

T3_CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _t3_cells() -> tuple[Cell, ...]:
    cells = []
    for row in T3_ROWS:
        for col in T3_COLUMNS:
            derived = col.key == "total" or row.key == "total"
            label = f"表三「{row.short}」行「{col.label}」列"
            cells.append(Cell(f"t3.{row.key}.{col.key}", "t3", row.key, col.key, label, derived=derived))
    return _bounded(tuple(cells))


# --- 表四 行政复议、行政诉讼 ------------------------------------------------------------------------------------


def _t4_cells() -> tuple[Cell, ...]:
    return _bounded(tuple(
        Cell(f"t4.{g.key}.{c.key}", "t4", g.key, c.key, f"表四「{g.short}」{c.label}", derived=c.key == "total")
        for g in T4_ROWS
        for c in T4_COLUMNS
    ))


def _sums() -> tuple[Sum, ...]:
    sums = []
    for row in T3_ROWS:  # R3: each row's 总计 is the sum of the six applicant columns
        sums.append(Sum(f"t3.{row.key}.total", tuple(f"t3.{row.key}.{c}" for c in APPLICANT_COLUMNS), "R3"))
    for col in T3_COLUMNS:  # R2: each column's （七）总计 is the sum of the 21 result rows
        sums.append(Sum(f"t3.total.{col.key}", tuple(f"t3.{r}.{col.key}" for r in RESULT_ROWS), "R2"))
    for g in T4_ROWS:  # R4
        sums.append(Sum(f"t4.{g.key}.total", tuple(f"t4.{g.key}.{c.key}" for c in T4_COLUMNS[:4]), "R4"))
    return tuple(sums)


def _balances() -> tuple[Balance, ...]:
    return tuple(
        Balance((f"t3.new.{c.key}", f"t3.carried_in.{c.key}"), (f"t3.total.{c.key}", f"t3.carry_over.{c.key}"), "R1", c.key)
        for c in T3_COLUMNS
    )


GOV2021 = Format(
    id="gov2021",
    name="中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）",
    sections=SECTIONS,
    slots=SLOTS,
    tables=(
        Table("t2", "二", "主动公开政府信息情况", T2_ROWS, T2_COLUMNS, _t2_cells(), layout="blocks", corner="信息内容"),
        Table("t3", "三", "收到和处理政府信息公开申请情况", T3_ROWS, T3_COLUMNS, _t3_cells(), T3_CAPTION,
              column_header="申请人情况"),
        Table("t4", "四", "政府信息公开行政复议、行政诉讼情况", T4_ROWS, T4_COLUMNS, _t4_cells(), layout="wide"),
    ),
    sums=_sums(),
    balances=_balances(),
    # 人民政府 (乡镇 and 街道 included) also report 工作考核、社会评议和责任追究结果 under 监督保障
    people_government_kinds=frozenset({"乡", "镇", "街道", "县级政府", "市级政府"}),
    questions=QUESTIONS,
    legacy=(GOV2019_TABLE_TWO,),
    roles={
        "normative_issued": "t2.normative.issued", "normative_abolished": "t2.normative.abolished",
        "normative_in_force": "t2.normative.in_force", "license": "t2.license", "penalty": "t2.penalty",
        "enforcement": "t2.enforcement", "charges": "t2.fees",
        "requests_new": "t3.new.total", "requests_carried_in": "t3.carried_in.total",
        "requests_handled": "t3.total.total", "requests_carried_over": "t3.carry_over.total",
        "reviews": "t4.review.total", "suits_direct": "t4.suit_direct.total",
        "suits_after_review": "t4.suit_after_review.total",
    },
)
