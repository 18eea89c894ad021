"""Every sentence the checker says, in one place. Fields in braces are filled by the rules."""

# R1 — 勾稽关系 of 表三, column by column
BALANCE = "{table}「{column}」列：{left}，但{right}，相差 {diff}。请检查办理结果各行或结转数。"
# R2/R3/R4 — a 总计 cell against its addends
SUM = "{target}应为 {count} 项{noun}之和 {expected}，但填报为 {actual}，相差 {diff}。{detail}"
SUM_DETAIL_PARTS = "其中{parts}，其余为 0。"
SUM_DETAIL_ZERO = "这 {count} 项均为 0。"
SUM_NOUNS = {"R2": "办理结果", "R3": "申请人", "R4": "结果"}
# R5
CELL_VALUES = "{table}「{row}」行：{problems}。{advice}"
CELL_MISSING = "「{column}」未填"
CELL_BLANK = "「{column}」为空白或“/”"
CELL_NEGATIVE = "「{column}」为 {value}，不能为负数"
CELL_FRACTION = "「{column}」为 {value}，应为整数"
CELL_NOT_NUMBER = "「{column}」不是数字"
ADVICE_COUNT = "每一格都应填写不小于 0 的整数，没有发生的请填 0。"
ADVICE_AMOUNT = "应填写不小于 0 的金额（单位：万元），没有收费的请填 0。"
# R6
CARRY = "{table}「{this_row}」行应等于上年报告的「{last_row}」行，但{parts}。请核对本年的上年结转数或上年报告。"
CARRY_PART = "「{column}」列本年为 {this}、上年为 {last}"
# R7
REGULATIONS = (
    "本单位为{kind}，不制定规章，{table}「{row}」行应全部为 0，但{parts}。"
    "请改为 0；本单位制发的文件请计入「行政规范性文件」行。"
)
# R8
IN_FORCE = (
    "{table}「{row}」{in_force}为 {actual}，但上年现行有效 {last} + 本年制发 {issued} − 本年废止 {abolished}"
    " = {expected}，相差 {diff}。如有修订或清理导致不一致可不改，请确认。"
)
# R9
PROSE_NUMBER = "{slot}写“{claim}”，即 {stated} 件，但{label}为 {actual}。请核对正文与表格，使二者一致。"
# R10
FEE_MISSING = (
    "六、其他需要报告的事项未说明信息处理费。按国办函〔2020〕109号的要求，应写明本年度收取的信息处理费金额，"
    "或写明“本年度未收取信息处理费”。"
)
FEE_UNSTATED = (
    "六、其他需要报告的事项提到了信息处理费，但没有写明本年度是否收取。"
    "请写明收取金额，或写明“本年度未收取信息处理费”。"
)
# R11
STALE_YEAR = "{slot}提到 {years}：“{quote}”。本报告为 {year} 年度，请确认是否沿用了往年的文字；如为与往年对比，可不改。"
FUTURE_YEAR = "{slot}提到 {years}：“{quote}”，晚于本报告的 {year} 年度。请确认年份是否有误。"
# R12
OLD_FORMAT_CITATION = (
    "{slot}引用了旧格式文件“{quote}”。现行格式为国办公开办函〔2021〕30号，请按新格式编写并删去旧文号。"
)
OLD_FORMAT_COLUMN = "{slot}出现了 2019 年旧格式的栏目“{term}”：“{quote}”。请按国办公开办函〔2021〕30号的新格式填写。"
# R13
WRONG_SELF_WORD = "本单位为{kind}，正文应自称“{right}”，但{slot}写了“{wrong}”：“{quote}”。请改为“{right}”。"
OTHER_UNIT = "{slot}出现了其他单位的名称“{name}”：“{quote}”。请确认是否沿用了其他单位的文字。"
# R14
PARTS_MISSING = (
    "一、总体情况缺少{parts}方面的内容。格式要求总体情况写明主动公开、依申请公开、政府信息管理、"
    "平台建设、监督保障五个方面，请补充本单位的具体情况。"
)
FIVE_EMPTY = "五、存在的主要问题及改进情况为空。请写明本单位存在的主要问题，以及已经或将要采取的改进措施。"
PLACEHOLDER = "{slot}留有占位内容“{token}”：“{quote}”。请替换为实际内容或删除。"
# R15
JUMP = (
    "{label}本年为 {this}，上年为 {last}，变化在 3 倍以上。请在一、总体情况中用一句话说明原因"
    "（如新增职能、集中整治等），便于审核。"
)
