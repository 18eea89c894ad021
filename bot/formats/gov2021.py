"""《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）, declared as data.

Labels are printed exactly as in the format. Cell ids are public (JSON, export headers, commands): keep them stable.
"""

from __future__ import annotations

from .model import Balance, Cell, Column, Format, ProseSlot, Row, Section, Sum, Table

SECTIONS = (
    Section("一", "总体情况"),
    Section("二", "主动公开政府信息情况"),
    Section("三", "收到和处理政府信息公开申请情况"),
    Section("四", "政府信息公开行政复议、行政诉讼情况"),
    Section("五", "存在的主要问题及改进情况"),
    Section("六", "其他需要报告的事项"),
)

SLOTS = (
    ProseSlot("preface", "", ""),
    ProseSlot("s1.summary", "一", ""),
    ProseSlot("s1.active", "一", "（一）主动公开", ("主动公开",)),
    ProseSlot("s1.on_request", "一", "（二）依申请公开", ("依申请公开", "依申请")),
    ProseSlot("s1.management", "一", "（三）政府信息管理", ("政府信息管理", "信息管理")),
    ProseSlot("s1.platform", "一", "（四）政府信息公开平台建设", ("平台建设", "公开平台", "平台")),
    ProseSlot("s1.oversight", "一", "（五）监督保障", ("监督保障", "监督")),
    ProseSlot("s5.problems", "五", "（一）存在的主要问题", ("存在的主要问题", "主要问题", "存在问题", "存在不足")),
    ProseSlot("s5.improvements", "五", "（二）改进情况", ("改进情况", "改进措施", "下一步")),
    ProseSlot("s6.other", "六", ""),
)

# --- 表二 主动公开 -------------------------------------------------------------------------------------------

T2_ROWS = (
    Row("regulations", "规章", "第二十条第（一）项", "规章"),
    Row("normative", "行政规范性文件", "第二十条第（一）项", "行政规范性文件"),
    Row("license", "行政许可", "第二十条第（五）项", "行政许可"),
    Row("penalty", "行政处罚", "第二十条第（六）项", "行政处罚"),
    Row("enforcement", "行政强制", "第二十条第（六）项", "行政强制"),
    Row("fees", "行政事业性收费", "第二十条第（八）项", "行政事业性收费"),
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
    return tuple(cells)


# --- 表三 收到和处理政府信息公开申请情况 ---------------------------------------------------------------------------

T3_COLUMNS = (
    Column("person", "自然人"),
    Column("company", "商业企业", "法人或其他组织"),
    Column("research", "科研机构", "法人或其他组织"),
    Column("ngo", "社会公益组织", "法人或其他组织"),
    Column("legal", "法律服务机构", "法人或其他组织"),
    Column("other", "其他", "法人或其他组织"),
    Column("total", "总计"),
)
APPLICANT_COLUMNS = tuple(c.key for c in T3_COLUMNS if c.key != "total")

_REFUSE = "（三）不予公开"
_UNABLE = "（四）无法提供"
_REJECT = "（五）不予处理"
_OTHER = "（六）其他处理"
_RESULTS = "三、本年度办理结果"

T3_ROWS = (
    Row("new", "一、本年新收政府信息公开申请数量", "", "本年新收"),
    Row("carried_in", "二、上年结转政府信息公开申请数量", "", "上年结转"),
    Row("open", "（一）予以公开", _RESULTS, "予以公开", "申请的信息全部提供给申请人"),
    Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", _RESULTS, "部分公开",
        "只提供了一部分，其余不公开（区分处理的只计这一项）"),
    Row("refuse_1", "1.属于国家秘密", _REFUSE, "不予公开·国家秘密", "申请的信息属于国家秘密"),
    Row("refuse_2", "2.其他法律行政法规禁止公开", _REFUSE, "不予公开·法律法规禁止", "其他法律、行政法规禁止公开"),
    Row("refuse_3", "3.危及“三安全一稳定”", _REFUSE, "不予公开·危及三安全一稳定",
        "公开后可能危及国家安全、公共安全、经济安全和社会稳定", ('3.危及"三安全一稳定"', "3.危及三安全一稳定")),
    Row("refuse_4", "4.保护第三方合法权益", _REFUSE, "不予公开·第三方权益", "涉及商业秘密、个人隐私等第三方合法权益"),
    Row("refuse_5", "5.属于三类内部事务信息", _REFUSE, "不予公开·内部事务", "人事管理、后勤管理、内部工作流程等内部事务信息"),
    Row("refuse_6", "6.属于四类过程性信息", _REFUSE, "不予公开·过程性信息", "讨论记录、过程稿、磋商信函、请示报告等过程性信息"),
    Row("refuse_7", "7.属于行政执法案卷", _REFUSE, "不予公开·执法案卷", "行政执法案卷信息"),
    Row("refuse_8", "8.属于行政查询事项", _REFUSE, "不予公开·行政查询事项", "应通过查询渠道办理的事项（如档案、不动产登记查询）"),
    Row("unable_1", "1.本机关不掌握相关政府信息", _UNABLE, "无法提供·本机关不掌握", "不是本机关的信息，或信息不存在"),
    Row("unable_2", "2.没有现成信息需要另行制作", _UNABLE, "无法提供·需另行制作", "需要对现有信息加工、分析才能提供"),
    Row("unable_3", "3.补正后申请内容仍不明确", _UNABLE, "无法提供·补正后仍不明确", "请申请人补正后，申请内容仍不明确"),
    Row("reject_1", "1.信访举报投诉类申请", _REJECT, "不予处理·信访举报投诉", "以申请为名的信访、举报、投诉"),
    Row("reject_2", "2.重复申请", _REJECT, "不予处理·重复申请", "同一申请人重复提出同一申请"),
    Row("reject_3", "3.要求提供公开出版物", _REJECT, "不予处理·公开出版物", "要求提供公开出版物"),
    Row("reject_4", "4.无正当理由大量反复申请", _REJECT, "不予处理·大量反复申请", "无正当理由大量、反复申请"),
    Row("reject_5", "5.要求行政机关确认或重新出具已获取信息", _REJECT, "不予处理·确认或重新出具",
        "要求确认或重新出具已经获取的信息"),
    Row("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", _OTHER, "其他处理·逾期不补正",
        "请申请人补正，逾期未补正"),
    Row("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", _OTHER,
        "其他处理·逾期未缴费", "发出收费通知后，申请人逾期未缴费"),
    Row("other_3", "3.其他", _OTHER, "其他处理·其他", "申请人撤回申请等其他情形"),
    Row("total", "（七）总计", _RESULTS, "办理结果总计"),
    Row("carry_over", "四、结转下年度继续办理", "", "结转下年度"),
)
RESULT_ROWS = tuple(r.key for r in T3_ROWS[2:23])  # the 21 leaf result rows
T3_CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _t3_cells() -> tuple[Cell, ...]:
    cells = []
    for row in T3_ROWS:
        for col in T3_COLUMNS:
            derived = col.key == "total" or row.key == "total"
            label = f"表三「{row.short}」行「{col.label}」列"
            cells.append(Cell(f"t3.{row.key}.{col.key}", "t3", row.key, col.key, label, derived=derived))
    return tuple(cells)


# --- 表四 行政复议、行政诉讼 ------------------------------------------------------------------------------------

T4_ROWS = (
    Row("review", "行政复议", "", "行政复议"),
    Row("suit_direct", "未经复议直接起诉", "行政诉讼", "未经复议直接起诉"),
    Row("suit_after_review", "复议后起诉", "行政诉讼", "复议后起诉"),
)
T4_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)


def _t4_cells() -> tuple[Cell, ...]:
    return tuple(
        Cell(f"t4.{g.key}.{c.key}", "t4", g.key, c.key, f"表四「{g.short}」{c.label}", derived=c.key == "total")
        for g in T4_ROWS
        for c in T4_COLUMNS
    )


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


from .gov2021_questions import QUESTIONS  # noqa: E402  (it reads the rows and columns declared above)

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
)
