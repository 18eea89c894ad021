from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.parse import (
    ParseError,
    chinese_to_int,
    explain,
    normalise,
    parse_choices,
    parse_number,
    parse_row,
    parse_yes_no,
)

LABELS_T3_NEW = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


# --- an independent int → Chinese numeral writer, the inverse the property tests check against --------------------

_CN_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int, liang: bool = False, zero: str = "零") -> str:
    """The standard written form: 十二, 一百零五, 一万零五百, 十万, 两千 (when liang)."""
    if n == 0:
        return zero
    out, gap = "", False
    for value, name in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if value == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or value < 1000):
            out += zero
        out += _section(value, liang, zero) + name
        gap = False
    return out[1:] if out.startswith("一十") else out


def _section(value: int, liang: bool, zero: str) -> str:
    out, gap = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit == 0:
            gap = gap or bool(out)
            continue
        if gap:
            out += zero
            gap = False
        out += ("两" if liang and digit == 2 and unit >= 100 else _CN_DIGITS[digit]) + name
    return out


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_the_inverse_writer_itself():
    cases = {0: "零", 10: "十", 12: "十二", 20: "二十", 105: "一百零五", 110: "一百一十", 1010: "一千零一十",
             10005: "一万零五", 10500: "一万零五百", 100000: "十万", 120000: "十二万", 1000000: "一百万",
             2000: "二千", 100010: "十万零一十", 101000: "十万一千"}  # fmt: skip
    assert {n: to_chinese(n) for n in cases} == cases
    assert to_chinese(2200, liang=True) == "两千两百"


# --- properties -----------------------------------------------------------------------------------------------------


@given(st.integers(0, 10**6))
def test_every_written_form_of_an_integer_reads_back(n):
    assert parse_number(str(n)) == n
    assert parse_number(to_full_width(str(n))) == n
    assert parse_number(to_chinese(n)) == n


@given(
    st.integers(0, 10**6),
    st.booleans(),
    st.sampled_from(["零", "〇"]),
    st.sampled_from(["", "件", "个", " 条"]),
)
def test_chinese_variants_read_back(n, liang, zero, unit):
    assert parse_number(to_chinese(n, liang, zero) + unit) == n


@given(st.integers(0, 10**12 - 1))
def test_chinese_beyond_a_million(n):
    assert chinese_to_int(to_chinese(n)) == n


@given(st.decimals(min_value=0, max_value=1000, places=4))
def test_amounts_read_back_in_wan_yuan_and_in_yuan(amount):
    assert parse_number(str(amount), "amount") == amount
    assert parse_number(f"{amount}万元", "amount") == amount
    assert parse_number(f"{amount * 10000}元", "amount") == amount


@given(
    st.lists(st.integers(0, 9999), min_size=1, max_size=8),
    st.sampled_from([" ", ",", "，", "、", "\t", "\n", ";", "；", " , ", "　"]),
)
def test_rows_read_back_with_every_separator(values, separator):
    assert parse_row(separator.join(map(str, values)), len(values)) == values


@given(st.sets(st.integers(1, 21), min_size=1), st.sampled_from([" ", "、", ",", "，"]))
def test_choices_read_back(chosen, separator):
    assert parse_choices(separator.join(map(str, sorted(chosen))), 21) == sorted(chosen)


@given(st.text(max_size=30))
def test_no_input_raises(text):
    assert isinstance(parse_number(text), int | ParseError)
    assert isinstance(parse_number(text, "amount"), Decimal | ParseError)
    assert isinstance(parse_row(text, 3), list | ParseError)
    assert isinstance(parse_choices(text, 21), list | ParseError)
    assert parse_yes_no(text) in (True, False, None)
    for result in (parse_number(text), parse_row(text, 3), parse_choices(text, 21)):
        if isinstance(result, ParseError):
            assert explain(result)


# --- every input form -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3), (" 3 ", 3), ("０", 0), ("１２", 12), ("３　件", 3), ("12件", 12), ("5条", 5), ("2个", 2), ("4次", 4),
        ("3 件", 3), ("共3件", 3), ("共计 12", 12), ("3。", 3), ("3.0", 3), ("1,200", 1200), ("１，２００", 1200),
        ("一", 1), ("两", 2), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("一百", 100),
        ("一百零五", 105), ("一百〇五", 105), ("一百一十", 110), ("一百五", 150), ("两百", 200), ("三千", 3000),
        ("三千二", 3200), ("一千零一十", 1010), ("一万", 10000), ("两万", 20000), ("一万二", 12000),
        ("一万二千", 12000), ("一万零五", 10005), ("十万", 100000), ("十万五", 105000), ("一百万", 1000000),
        ("一〇五", 105), ("二〇二一", 2021), ("壹佰零伍", 105), ("叁拾", 30), ("三件", 3), ("十二条", 12),
        ("1万", 10000), ("1.2万", 12000), ("3千", 3000), ("三点零", 3),
        ("无", 0), ("没有", 0), ("没", 0), ("暂无", 0), ("零", 0), ("〇", 0), ("—", 0), ("——", 0), ("-", 0),
        ("0", 0), ("0件", 0), ("无。", 0), ("-0", 0),
    ],
)  # fmt: skip
def test_count_forms(text, value):
    result = parse_number(text)
    assert result == value and type(result) is int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.35", "0.35"), ("０．３５", "0.35"), ("0.35万元", "0.35"), ("0.35 万元", "0.35"), ("0.35万", "0.35"),
        ("3500元", "0.35"), ("３５００元", "0.35"), ("3500 元", "0.35"), ("3500块", "0.35"), ("1,200元", "0.12"),
        ("三千五百元", "0.35"), ("零点三五", "0.35"), ("零点三五万元", "0.35"), ("3", "3"), ("两万元", "2"),
        ("1万元", "1"), ("50元", "0.005"), ("0", "0"), ("无", "0"), ("0.350", "0.35"), (".5", "0.5"),
        ("0。35", "0.35"), ("100000元", "10"),
    ],
)  # fmt: skip
def test_amount_forms(text, value):
    result = parse_number(text, "amount")
    assert isinstance(result, Decimal) and result == Decimal(value)
    assert str(result) == value  # the plain form a clerk writes: no 0.3500, no 1E+1


@pytest.mark.parametrize(
    "text",
    ["1 0 0 0 0 0", "1,0,0,0,0,0", "1，0，0，0，0，0", "1、0、0、0、0、0", "1\t0\t0\t0\t0\t0", "1\n0\n0\n0\n0\n0",
     "1;0;0;0;0;0", "1；0；0；0；0；0", "１ ０ ０ ０ ０ ０", "1件 0 0 0 0 0", "一 零 〇 无 没有 —", "1, 0, 0, 0, 0, 0。",
     "  1   0 0\n 0 0 0  "],
)  # fmt: skip
def test_row_forms(text):
    assert parse_row(text, 6) == [1, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("text", ["无", "没有", "零", "暂无", "—"])
def test_a_zero_word_alone_is_a_row_of_zeros(text):
    assert parse_row(text, 6) == [0] * 6


@pytest.mark.parametrize("text", ["0", "0。", "都是0", "全部为零", "均为0", "都是0 许可也是0", "没有这类情况", "自然人0"])
def test_a_reply_that_states_only_zero_is_a_row_of_zeros(text):
    """Issue 9: “0” to a multi-number question means all zero, as every clerk means it."""
    assert parse_row(text, 6) == [0] * 6


@pytest.mark.parametrize("text", ["没有收费", "未收取", "无", "都是0"])
def test_no_fee_is_an_amount_of_zero(text):
    assert parse_number(text, "amount") == 0


@pytest.mark.parametrize("text", ["不知道", "没看懂", "都是1", "三点零", "许可0 处罚3", "没有3件"])
def test_a_reply_with_a_number_or_a_shrug_is_not_all_zero(text):
    assert parse_row(text, 3) != [0, 0, 0]


@pytest.mark.parametrize("text", ["40多件", "十几", "约60", "差不多8个", "二十来件", "300左右", "好几个", "五十余件"])
def test_a_rough_number_is_asked_for_exactly_not_read(text):
    error = parse_row(f"1 {text} 0", 3)
    assert isinstance(error, ParseError) and error.code == "approximate" and error.position == 2
    assert "确切" in explain(error, ["许可", "处罚", "强制"], "12 3 0")


@pytest.mark.parametrize("text", ["许可", "不清楚", "待统计"])
def test_words_that_are_no_number_are_not_called_rough(text):
    error = parse_number(text)
    assert isinstance(error, ParseError) and error.code in ("not_a_number", "not_known")  # never "approximate"


def test_amount_rows():
    assert parse_row("0.35 3500元", 2, "amount") == [Decimal("0.35"), Decimal("0.35")]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("1 3 5", [1, 3, 5]), ("1、3", [1, 3]), ("1,3", [1, 3]), ("1，3", [1, 3]), ("1-3", [1, 2, 3]),
        ("1～3", [1, 2, 3]), ("3-1", [1, 2, 3]), ("1至3", [1, 2, 3]), ("1到3", [1, 2, 3]), ("1-3 7", [1, 2, 3, 7]),
        ("5 1 5", [1, 5]), ("第1项、第3项", [1, 3]), ("一、三", [1, 3]), ("十二", [12]), ("２１", [21]),
        ("1 3 5。", [1, 3, 5]), ("无", []), ("没有", []), ("0", []), ("０", []), ("全部", list(range(1, 22))),
    ],
)  # fmt: skip
def test_choice_forms(text, chosen):
    assert parse_choices(text, 21) == chosen


YES = ["是", "是的", "对", "有", "有的", "好", "好的", "确认", "确定", "同意", "yes", "Yes", "YES", "y", "Y", "1", "１",
       "✔", "✔️", "√", "嗯", "嗯嗯", "收到了", "ok", "OK", "是。", "好的！", "对对对", "可以"]  # fmt: skip
NO = [
    "否",
    "不",
    "不是",
    "没有",
    "无",
    "no",
    "No",
    "n",
    "N",
    "2",
    "２",
    "没",
    "不对",
    "不用",
    "没收到",
    "否。",
    "×",
]
NEITHER = ["", "   ", "0", "3", "是不是", "有3件", "不知道", "12", "hello", "也许", "11"]


@pytest.mark.parametrize("text", YES)
def test_yes(text):
    assert parse_yes_no(text) is True


@pytest.mark.parametrize("text", NO)
def test_no(text):
    assert parse_yes_no(text) is False


@pytest.mark.parametrize("text", NEITHER)
def test_neither(text):
    assert parse_yes_no(text) is None


def test_normalise():
    assert normalise("　１２，３４　\t５\n") == "12,34 5"
    assert normalise("０．３５万元") == "0.35万元"
    assert normalise("１\u200b２") == "12"
    assert normalise("一、二；三") == "一、二;三"


# --- every error code -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: parse_number(""), ParseError("empty")),
        (lambda: parse_number(" \n "), ParseError("empty")),
        (lambda: parse_number("abc"), ParseError("not_a_number", token="abc")),
        (lambda: parse_number("三件多"), ParseError("not_a_number", token="三件多")),
        (lambda: parse_number("百"), ParseError("not_a_number", token="百")),
        (lambda: parse_number("十十"), ParseError("not_a_number", token="十十")),
        (lambda: parse_number("3500元"), ParseError("not_a_number", token="3500元")),
        (lambda: parse_number("1e5"), ParseError("not_a_number", token="1e5")),
        (lambda: parse_number("NaN"), ParseError("not_a_number", token="NaN")),
        (lambda: parse_number("-3"), ParseError("negative", token="-3")),
        (lambda: parse_number("－３"), ParseError("negative", token="-3")),
        (lambda: parse_number("负三"), ParseError("negative", token="负三")),
        (lambda: parse_number("-0.35", "amount"), ParseError("negative", token="-0.35", kind="amount")),
        (lambda: parse_number("3.5"), ParseError("not_whole", token="3.5")),
        (lambda: parse_number("0.35"), ParseError("not_whole", token="0.35")),
        (lambda: parse_number("三点五"), ParseError("not_whole", token="三点五")),
        (lambda: parse_number("3 4"), ParseError("count_mismatch", expected=1, got=2)),
        (lambda: parse_row("", 6), ParseError("empty", expected=6, want="row")),
        (lambda: parse_row("1 0 0 0 0", 6), ParseError("count_mismatch", expected=6, got=5, want="row")),
        (lambda: parse_row("1 0 0 0 0 0 0", 6), ParseError("count_mismatch", expected=6, got=7, want="row")),
        (
            lambda: parse_row("1 x 0", 3),
            ParseError("not_a_number", token="x", position=2, expected=3, want="row"),
        ),
        (
            lambda: parse_row("1 0 -2", 3),
            ParseError("negative", token="-2", position=3, expected=3, want="row"),
        ),
        (
            lambda: parse_row("1.5 0 0", 3),
            ParseError("not_whole", token="1.5", position=1, expected=3, want="row"),
        ),
        (
            lambda: parse_row("a b", 3),
            ParseError("not_a_number", token="a", position=1, expected=3, want="row"),
        ),
        (lambda: parse_choices("", 21), ParseError("empty", maximum=21, want="choices")),
        (lambda: parse_choices("25", 21), ParseError("out_of_range", token="25", maximum=21, want="choices")),
        (lambda: parse_choices("0 3", 21), ParseError("out_of_range", token="0", maximum=21, want="choices")),
        (
            lambda: parse_choices("1-30", 21),
            ParseError("out_of_range", token="1-30", maximum=21, want="choices"),
        ),
        (lambda: parse_choices("-3", 21), ParseError("out_of_range", token="-3", maximum=21, want="choices")),
        (
            lambda: parse_choices("1 abc", 21),
            ParseError("not_a_number", token="abc", maximum=21, want="choices"),
        ),
        (lambda: parse_choices("1.5", 21), ParseError("not_whole", token="1.5", maximum=21, want="choices")),
    ],
)
def test_error_codes(call, error):
    assert call() == error


def test_a_bad_token_is_named_before_a_wrong_count():
    assert parse_row("1 x", 6).code == "not_a_number"


# --- explaining -----------------------------------------------------------------------------------------------------


def test_explain_a_short_row_as_in_the_brief():
    error = parse_row("1 0 0 0 0", 6)
    assert explain(error, LABELS_T3_NEW) == (
        "请回复 6 个数字，依次为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他，"
        "用空格隔开，例如：1 0 0 0 0 0。收到 5 个。"
    )


def test_explain_names_the_column_of_a_bad_number():
    text = explain(parse_row("1 -1 0 0 0 0", 6), LABELS_T3_NEW, example="2 0 1 0 0 0")
    assert text.startswith("第 2 个数（商业企业）「-1」为负数")
    assert "例如：2 0 1 0 0 0。" in text


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (parse_number(""), "未收到内容。请回复一个数字，例如：3；没有请回复 0。"),
        (parse_number("abc"), "「abc」不是数字。请回复一个数字，例如：3；没有请回复 0。"),
        (parse_number("-3"), "「-3」为负数，数量不能小于 0。请回复一个数字，例如：3；没有请回复 0。"),
        (parse_number("3.5"), "「3.5」不是整数，数量须为整数。请回复一个数字，例如：3；没有请回复 0。"),
        (parse_number("3 4"), "请回复一个数字，例如：3；没有请回复 0。收到 2 个。"),
        (
            parse_number("约三百", "amount"),
            "「约三百」是约数，年度报告须填写确切的数字，请按台账核对后回复。请回复金额，单位为万元，例如：0.35；按元填写请加“元”字，例如：3500元；未收取请回复 0。",
        ),
        (parse_row("1 x 0", 3), "第 2 个数「x」不是数字。请回复 3 个数字，用空格隔开，例如：1 0 0。"),
        (
            parse_choices("25", 21),
            "「25」不在选项之中。请回复选项编号（1 至 21），多个编号用空格隔开，例如：1 3；也可回复选项名称。",
        ),
        (
            parse_choices("1 甲", 2),
            "「甲」不是选项编号。请回复选项编号（1 至 2），多个编号用空格隔开，例如：1；也可回复选项名称。",
        ),
    ],
)
def test_explain_every_code(error, expected):
    assert explain(error) == expected


# --- labelled rows and menus by explanation (QA2 16) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自然人3件，企业1件", [3, 1, 0, 0, 0, 0]),
        ("商业企业 1", [0, 1, 0, 0, 0, 0]),
        ("个人为两件、律所1", [2, 0, 0, 0, 1, 0]),
        ("其他组织 1", [0, 0, 0, 0, 0, 1]),
        ("科研 2 公益组织 1", [0, 0, 2, 1, 0, 0]),
    ],
)
def test_a_row_typed_by_column_names(text, expected):
    from bot.parse import parse_labelled

    assert parse_labelled(text, LABELS_T3_NEW) == expected


def test_a_row_by_name_needs_names_first_and_once():
    from bot.parse import parse_labelled

    assert parse_labelled("3 0 0 0 0 0", LABELS_T3_NEW) is None
    assert parse_labelled("有自然人3件", LABELS_T3_NEW) is None
    assert parse_labelled("自然人3 自然人1", LABELS_T3_NEW) is None
    error = parse_labelled("自然人 很多", LABELS_T3_NEW)
    assert isinstance(error, ParseError) and error.position == 1 and error.token == "很多"
    assert parse_labelled("制发2件，现行有效15件", ["本年制发件数", "本年废止件数", "现行有效件数"]) == [2, 0, 15]
    assert parse_labelled("维持1 未审结2", ["结果维持", "结果纠正", "其他结果", "尚未审结"]) == [1, 0, 0, 2]


LABELS_T2_DOCUMENTS = ("本年制发件数", "本年废止件数", "现行有效件数")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发了2个 废止0 有效5", [2, 0, 5]),
        ("印发2件，废止1件，现行有效7件", [2, 1, 7]),
        ("新出台2个，没有废止，有效的5个", [2, 0, 5]),
        ("出台3个 废止的没有 有效10", [3, 0, 10]),
        ("没有制发，现行有效4件", [0, 0, 4]),
        ("发布1个、作废1个、仍有效6个", [1, 1, 6]),
    ],
)
def test_documents_counted_in_everyday_words(text, expected):
    from bot.parse import parse_labelled

    assert parse_labelled(text, LABELS_T2_DOCUMENTS) == expected


def test_a_column_said_to_be_none_is_zero_and_the_others_still_read():
    from bot.parse import parse_labelled

    assert parse_labelled("个人没有 企业2", LABELS_T3_NEW) == [0, 2, 0, 0, 0, 0]
    assert parse_labelled("无自然人，公司1个", LABELS_T3_NEW) == [0, 1, 0, 0, 0, 0]
    assert parse_labelled("维持1 没有纠正 未审结2", ["结果维持", "结果纠正", "其他结果", "尚未审结"]) == [1, 0, 0, 2]
    assert parse_labelled("有效的很多", LABELS_T2_DOCUMENTS).token == "很多"  # not a number: asked again


def test_a_menu_option_named_by_its_explanation_when_only_one_has_the_word():
    names, explains = ["予以公开", "部分公开", "其他处理·其他"], ["全部提供", "只提供一部分", "申请人撤回申请等其他情形"]
    assert parse_choices("撤回", 3, names, explains) == [3]
    assert isinstance(parse_choices("提供", 3, names, explains), ParseError)  # in two explanations
    assert isinstance(parse_choices("撤回", 3, names), ParseError)  # no explanations given


def test_a_documents_count_followed_by_the_rows_own_name_is_read():
    from bot.parse import parse_labelled

    typed = "发了2个规范性文件 废止0 现行有效十五个"
    assert parse_labelled(typed, LABELS_T2_DOCUMENTS, own=["行政规范性文件", "规范性文件"]) == [2, 0, 15]
    assert isinstance(parse_labelled(typed, LABELS_T2_DOCUMENTS), ParseError)  # another row's name is no filler
    assert parse_labelled("发了规范性文件", LABELS_T2_DOCUMENTS, own=["规范性文件"]).code == "not_a_number"


@pytest.mark.parametrize(("text", "expected"), [
    ("没有发过啊 0 0 0", [0, 0, 0]),
    ("嗯 1 0 3", [1, 0, 3]),
    ("1 0 3 就这些", [1, 0, 3]),
])
def test_words_around_exactly_the_numbers_asked_are_set_aside(text, expected):
    assert parse_row(text, 3) == expected


@pytest.mark.parametrize("text", [
    "去年 1 0 3",  # another year's numbers
    "可能 1 0 3",  # a guess
    "1 0 3 吗",  # a question
    "规章是啥 0 0",  # a question, and too few numbers
    "大概 1 0 3",  # a number said roughly
    "嗯 1 0",  # too few numbers
    "发了 2 个 文件 0 3",  # words between the numbers
])
def test_words_that_change_the_numbers_or_leave_too_few_are_not_set_aside(text):
    assert isinstance(parse_row(text, 3), ParseError)


def test_a_column_named_without_its_number_says_so_instead_of_nothing_received():
    from bot.parse import parse_labelled

    error = parse_labelled("维持了", ["结果维持", "结果纠正", "其他结果", "尚未审结"])
    message = explain(error, ["结果维持", "结果纠正", "其他结果", "尚未审结"])
    assert "「维持」之后没有写明件数" in message and "未收到内容" not in message, message
    assert explain(parse_row("", 3)).startswith("未收到内容")


def test_a_word_that_names_a_row_or_column_of_the_form_is_never_set_aside():
    assert isinstance(parse_row("许可 1 0 3", 3, named={"行政许可", "行政处罚"}), ParseError)
    assert parse_row("许可 1 0 3", 3) == [1, 0, 3]  # without the form's words it is chatter like any other
