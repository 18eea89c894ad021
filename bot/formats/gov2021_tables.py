"""The rows and columns of tables 三 and 四 of the 2021 format: declared apart from `gov2021.py` because both
the format (its cells, sums and balances) and its guided conversation (`gov2021_questions.py`) are built from them.

Labels are printed exactly as in the format; row and column keys make the public cell ids: keep them stable.
"""

from __future__ import annotations

from .model import Column, Row

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
    Row("new", "一、本年新收政府信息公开申请数量", "", "本年新收",
        "本年1月1日至12月31日新收到的政府信息公开申请，按申请人类型分别统计"),
    # published reports print this row with 申请 dropped (临潼开发区管委会's 2021 report); 结转 alone is either carry
    # (结转是啥): said of both rows, it is asked back which one is meant
    Row("carried_in", "二、上年结转政府信息公开申请数量", "", "上年结转",
        "上年收到、到上年12月31日尚未办结、转到本年继续办理的申请，应与上年报告的“结转下年度继续办理”一致",
        ("二、上年结转政府信息公开数量",), said=("结转",)),
    # 公开 alone, as a clerk says it (都公开了), is this row: 部分公开 and 不予公开 say which they are
    Row("open", "（一）予以公开", _RESULTS, "予以公开", "申请的信息全部提供给申请人", said=("公开",)),
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
    Row("total", "（七）总计", _RESULTS, "办理结果总计", "本年已办结的申请，为以上各项办理结果之和"),
    Row("carry_over", "四、结转下年度继续办理", "", "结转下年度", "到本年12月31日尚未办结、转到下一年度继续办理的申请",
        said=("结转",)),
)
RESULT_ROWS = tuple(r.key for r in T3_ROWS[2:23])  # the 21 leaf result rows


# --- 表四 行政复议、行政诉讼 ------------------------------------------------------------------------------------

T4_ROWS = (
    Row("review", "行政复议", "", "行政复议", "申请人对本机关政府信息公开工作不服，依法申请行政复议的案件"),
    Row("suit_direct", "未经复议直接起诉", "行政诉讼", "未经复议直接起诉",
        "申请人未经行政复议，直接向人民法院提起行政诉讼的案件", said=("直接告到法院", "直接去法院告", "直接告")),
    Row("suit_after_review", "复议后起诉", "行政诉讼", "复议后起诉", "申请人经行政复议后仍不服，向人民法院提起行政诉讼的案件",
        said=("复议后告到法院", "复议后又告到法院", "复议完又告到法院", "复议后又告")),
)
T4_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
