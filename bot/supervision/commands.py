"""Supervisor commands by message, and the notices that go with a review.

    result = supervisor_command(text, user_role, area, now, tz)

`result.replies` answer the user (each within 2048 bytes; files as Reply(kind="file")); `result.actions` are plain
values the edge executes (change a status, queue reminders, store a date). The area view is built by the edge for
this supervisor's area only, so nothing here can name a unit of another area.

Routing at the edge: supervisors and admins → `supervisor_command` for `is_supervisor_command(text)` or 进度;
staff → `is_supervisor_command(text)` gets the refusal (`supervisor_command` with role staff), anything else goes to
the conversation (staff have their own 进度).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from ..dialog import DialogContext
from ..dialog.checks import warnings_concerned
from ..dialog.context import initial_state
from ..dialog.flow import Turn
from ..file_names import rollup_file
from ..findings import Finding
from ..formats import FORMATS, GOV2021, Format
from ..incoming import Reply
from ..rules.names import AreaNames
from ..spoken import END_PARTICLES
from .area import AreaView, UnitStatus, display_names, local_date, official_order, short_date, short_time
from .deadline import DueRefusal, SetDue, decide_due, example_due, parse_day
from .export import export_reply
from .matching import match_unit, name_kind, suggest_units
from .messages import pieces, say
from .reminders import Send, remind_now
from .rollup import INCLUDED_STATUSES, Include, render_rollup_docx, rolled_units, rollup, rollup_text
from .summary import (
    DIGEST_TEXTS,
    area_summary,
    overdue_list,
    pending_units,
    review_findings,
    unfinished_list,
    unit_detail,
    unit_findings,
    warning_key,
)

SUPERVISOR_ROLES = ("supervisor", "admin")
DESK_WORD = "审核台"
_NO_ARGS = ("汇总", "未完成", "逾期", "错误单位", "导出", "未登记", DESK_WORD)
_WITH_ARGS = ("查看", "退回", "通过", "催办", "汇总表", "设置截止")
# longest first: 汇总表 before 汇总
_WORDS = sorted({*_NO_ARGS, *_WITH_ARGS, "进度"}, key=len, reverse=True)
COMMAND_WORDS = frozenset(_WORDS)
_COMMAND = re.compile(rf"^({'|'.join(_WORDS)})(.*)$", re.S)
_ARG_SPLIT = re.compile(r"[\s，,：:]+")
_TRAILING = "。.，,！!？?；;、~～ "
# the pinyin of each command word typed alone, for a phone whose Chinese input is off (huizong, Cui Ban): read as the
# word at the edge (`handlers.conversation`), so it is that command wherever it arrives
COMMAND_PINYIN = {
    "汇总": "hui zong", "未完成": "wei wan cheng", "逾期": "yu qi", "错误单位": "cuo wu dan wei", "导出": "dao chu",
    "未登记": "wei deng ji", "催办": "cui ban", "汇总表": "hui zong biao", "进度": "jin du", DESK_WORD: "shen he tai",
}
# what else asks for the 年报审核台 the WeCom cards name: its word for a supervisor, the polite refusal for a clerk
# (not an everyday question, which a clerk's conversation would take)
SAID_FOR_DESK = frozenset({"审核", "打开审核台", "审核台链接", "审核台网址", "审核台地址", "审核台在哪", "审核台在哪里",
                           "打开审核", "审核链接", "审核网址", "年报审核台"})
_GREETINGS = frozenset({"", "你好", "您好", "帮助", "help", "菜单", "命令", "hi", "hello", "在吗", "?"})
_HELLOS = frozenset({"你好", "您好", "hi", "hello", "在吗", "老师好", "早上好", "上午好", "下午好", "晚上好"})  # greeted back


@dataclass(frozen=True)
class ReturnReport:
    unit: str
    reason: str
    staff: tuple[str, ...] = ()
    notice: str = ""  # returned_notice(...) for the staff


@dataclass(frozen=True)
class ApproveReport:
    unit: str
    staff: tuple[str, ...] = ()
    notice: str = ""  # approved_notice(...) for the staff


@dataclass(frozen=True)
class RemindNow:
    units: tuple[str, ...]
    sends: tuple[Send, ...] = ()
    unreachable: tuple[str, ...] = ()  # units without staff to remind


@dataclass(frozen=True)
class LookedAt:
    """查看 opened this unit's report: the edge remembers it in the supervisor's pending state (`AreaView.looked_at`)."""

    unit: str
    year: int


@dataclass(frozen=True)
class ListUnknownUsers:
    """未登记: the edge answers from storage (who wrote to the bot without being registered)."""


CONFIRM_WITHIN = timedelta(minutes=30)  # a 确认 later than this confirms nothing: the question is asked again
# 好 after 「请确认：审核通过…」 is a yes, as a clerk's 好的 is: it had cancelled the review and listed every command
CONFIRM_WORDS = frozenset({"确认", "确定", "确认通过", "确认退回", "好", "好的", "是", "是的", "对", "可以", "行", "同意",
                           "没问题", "确认无误", "ok"})
CANCEL_WORDS = frozenset({"取消", "取消通过", "取消退回"})


@dataclass(frozen=True)
class PendingReview:
    """A 通过 or 退回 waiting for the supervisor's 确认: exactly what will happen, as data the edge stores.

    On 确认 the edge runs `command` again, confirmed: the unit is named in full and the year given, so the
    confirmation acts on the unit the supervisor saw named, and its status is checked again at that moment.
    """

    word: str  # 通过 | 退回
    unit: str
    year: int
    reason: str = ""

    @property
    def awaits_reason(self) -> bool:
        """A 退回 typed without its reason: the supervisor's next message, unless a command, is the reason."""
        return self.word == "退回" and not self.reason

    def with_reason(self, reason: str) -> PendingReview:
        return PendingReview(self.word, self.unit, self.year, reason.strip())

    @property
    def command(self) -> str:
        return " ".join(p for p in (self.word, self.unit, str(self.year), self.reason) if p)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PendingReview | None:
        try:
            return cls(str(data["word"]), str(data["unit"]), int(data["year"]), str(data.get("reason") or ""))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class AskConfirmation:
    """The edge stores `pending`; the supervisor's next message either confirms it or drops it."""

    pending: PendingReview


Action = ReturnReport | ApproveReport | RemindNow | SetDue | ListUnknownUsers | AskConfirmation | LookedAt


def is_confirmation(text: str) -> bool:
    return _normalise(text).lower() in CONFIRM_WORDS


def is_cancellation(text: str) -> bool:
    return _normalise(text) in CANCEL_WORDS


@dataclass
class CommandResult:
    replies: list[Reply]
    actions: list[Action] = field(default_factory=list)
    refused: bool = False  # a staff member typed a supervisor command
    handled: bool = True  # False: not a supervisor command at all (the edge may answer otherwise)


# what a supervisor asks in plain words, for the commands that take no argument
_SAID_AS = {
    "未完成": ("谁还没交", "谁没交", "还有谁没交", "哪些单位没交", "哪些单位还没交", "哪些没交", "没交的", "没交的单位",
            "谁没提交", "谁还没提交", "哪些单位未提交", "哪些单位没提交", "未提交", "未提交的单位", "谁还没填", "谁没填完",
            "哪些单位没填完", "还差谁", "还差哪些单位"),
    "逾期": ("谁逾期了", "哪些逾期", "哪些单位逾期", "哪些单位逾期了", "超期的", "超期了吗", "谁超期了", "逾期的有哪些",
           "逾期的单位", "有谁逾期", "有哪些单位逾期", "哪些逾期了", "逾期了的"),
    "错误单位": ("哪些单位的表对不上", "谁的表对不上", "哪些表对不上", "表对不上的", "表对不上的单位", "哪些单位表对不上",
             "谁的表有错", "谁的报告有错", "哪些单位有错", "哪些单位有错误", "有错误的单位", "有错的单位", "谁有错误",
             "哪些报告有错误", "哪些报告有错", "数字对不上的单位", "哪些单位数字对不上"),
    "汇总": ("情况怎么样", "总体情况", "整体进度", "交了多少", "交了几个", "多少单位交了", "填报情况", "进展怎么样",
           "谁交了", "哪些单位交了", "交了哪些", "截止日期是哪天", "什么时候截止", "哪天截止", "截止时间", "截止日期",
           "还有几天截止", "离截止还有几天"),
}
_EVERYDAY = {phrase: word for word, phrases in _SAID_AS.items() for phrase in phrases}
_END_WORDS = "了" + END_PARTICLES  # and 了, which closes a question about progress (教育局填得怎么样了)


def _normalise(text: str, units: Sequence[UnitStatus] | None = None) -> str:
    """Full-width spaces as spaces, and no trailing punctuation: 「汇总。」 and 「未完成？」 are commands too; a plain
    question (谁还没交？, 哪些单位逾期了) is the command it asks for. `units`: the area's, which a question about one
    unit must name (`_about_one_unit`)."""
    plain = _plain(text)
    return _everyday(plain, units) or plain


def _plain(text: str) -> str:
    plain = text.replace("\u3000", " ").strip().rstrip(_TRAILING)
    return DESK_WORD if plain in SAID_FOR_DESK else plain


# a plain question about one unit's report is 查看 that unit: 教育局填得怎么样了, 城关镇交了吗, 青山乡进度如何,
# 城关镇错在哪, and after a return 城关镇改好了吗
_ABOUT_ONE_UNIT = re.compile(
    r"^(?P<unit>[^\s，,]{2,30}?)的?(?:报告|年报)?"
    r"(?:(?:填|填报|报|交|写)得(?:怎么样|咋样|如何)|(?:进度|进展|情况)(?:怎么样|咋样|如何)"
    r"|(?:交|提交|报|上报|填完|填好|改|改完|改好|修改|修改好|改过来)了(?:没有|没|吗)"
    r"|(?:错在哪(?:里|儿)?|哪里错了|哪儿错了|有什么错(?:误)?|有什么问题|有哪些错误?|的错误))$")


def _about_everyone(bare: str) -> bool:
    """A question about one unit's report asked of the whole area (大家交得怎么样了, 都填得咋样): the 汇总."""
    m = _ABOUT_ONE_UNIT.match(bare)
    return m is not None and _EVERYONE.fullmatch(m["unit"]) is not None


_EVERYONE = re.compile(r"(?:大家|大伙|各单位|各乡镇|各部门|全部|所有单位|咱们|我们)(?:的|都|伙儿)?")

def _about_one_unit(bare: str, units: Sequence[UnitStatus] | None) -> str | None:
    """The unit a plain question about one unit's report names (城关镇改好了吗, 册井交了吗): a name that says it is a
    unit, or one of the area's `units`; without them (routing a message, the area unknown), any name but the loose
    words of a question about the area. None for a question that names no unit: 退回的改了没有, 数据改了吗 (they had
    been 查看 of units named 退回 and 数据)."""
    m = _ABOUT_ONE_UNIT.match(bare)
    if m is None:
        return None
    name = m["unit"]
    if _UNIT_ENDING.search(name):
        return name
    if units is None:
        return name if _AROUND_WORDS.sub("", _ASKED_WORD.sub("", name)) else None
    return name if isinstance(match_unit(name, units, strict=True), UnitStatus) else None


# 催一下城关镇, 提醒青山乡: 催办 that unit; 把城关镇退回去，规章数字不对: 退回 with its reason (which asks 确认)
# (the name must end as a unit's does: 提醒群众注意…, 把旧制度退回修改 are a clerk's sentences, not commands)
_UNIT_NAMED = r"(?P<unit>[^\s，,]{1,28}?(?:乡|镇|街道|办事处|政府|局|委|办|中心|委员会))"
_UNIT_ENDING = re.compile(r"(?:乡|镇|街道|办事处|政府|局|委|办|中心|委员会)$")  # a name that says it is a unit
_REMIND_ONE = re.compile(rf"^(?:催一下|催一催|催催|催促|提醒一下|提醒){_UNIT_NAMED}$")
_RETURN_ONE = re.compile(rf"^把?{_UNIT_NAMED}(?:的报告|的年报)?退回(?:去|重填|修改|重报)?"
                         r"(?:[，,：:;；\s]+(?:原因是|因为)?(?P<reason>.+))?$", re.S)


def _everyday(plain: str, units: Sequence[UnitStatus] | None = None) -> str | None:
    bare = plain.rstrip(_END_WORDS)
    said = _EVERYDAY.get(plain) or _EVERYDAY.get(bare)
    if said is not None:
        return said
    if unit := _about_one_unit(bare, units):
        return f"查看 {unit}"
    if _about_everyone(bare):
        return "汇总"
    if m := _REMIND_ONE.match(bare):
        return f"催办 {m['unit']}"
    if m := _RETURN_ONE.match(plain):
        return f"退回 {m['unit']} {m['reason'] or ''}".rstrip()
    return None


# A supervisor's loose question about the whole area (还有几个没交的, 把没交的名单发我, 谁逾期, 进度咋样, 全部催一下): the
# words that say what is asked, and the words around them that add nothing. It is that command when nothing else is
# left, so a question that also names a unit, a date or a reason is read as it was before (查看, 退回 …).
_ASKED = {
    "催办": ("催办", "催促", "催一催", "催催", "催", "提醒"),
    "导出": ("导出", "下载", "excel"),
    "汇总表": ("汇总表", "合计"),
    "逾期": ("逾期", "超期", "过期", "超时", "晚交", "迟交", "交晚了", "晚了", "迟了"),
    "错误单位": ("对不上", "有错", "出错", "错误", "有问题", "加不上", "合不上", "不一致", "不相符", "算错"),
    "未完成": ("没交", "未交", "没提交", "未提交", "没报", "未报", "没上报", "未上报", "没报送", "未报送", "没填完",
            "没填好", "没弄完", "没完成", "未完成", "还差", "没有交", "没有提交", "没有报", "没动", "退回"),
    "汇总": ("进度", "进展", "汇总", "情况", "待审核", "待审", "等审核", "等待审核", "没审核", "未审核", "需要审核", "要审核",
           "交了", "提交了", "报了", "交上来", "截止", "通过了", "已通过", "填到哪", "写到哪", "弄到哪", "到哪一步",
           "还剩几天", "剩几天", "还有几天", "几天"),
}
_ASKED_ORDER = tuple(_ASKED)  # the first word found wins: 催一下逾期的 reminds, 逾期没交的 lists the overdue
_ASKED_AS = {said: word for word, words in _ASKED.items() for said in words}
_AROUND = ("一下", "一哈", "下", "把", "给我", "发给我", "发我", "发", "给", "帮我", "帮忙", "麻烦", "请", "你", "我",
           "看看", "看下", "看", "查查", "查", "列出来", "列出", "列", "出来", "说说", "现在", "目前", "今天", "到现在",
           "为止", "截至", "还有", "还", "都", "有", "谁", "哪些", "哪几个", "哪个", "哪家", "哪几家", "几家", "几个",
           "多少", "个", "家", "单位", "乡镇", "部门", "的", "名单", "列表", "清单", "是", "了", "吗", "咋样",
           "咋", "怎么样", "怎么", "如何", "全部", "所有", "大家", "一共", "总共", "共", "县里", "咱们", "我们", "统计",
           "剩下", "一览", "报告", "年报", "表格", "表", "数据", "数字", "数", "哪天", "几号", "什么时候",
           "日期", "时间", "来", "改了", "改好", "改完", "改过来", "修改了", "修改好", "修改完", "经办人", "联系人", "负责人", "填报人", "已经", "审核", "电话", "手机", "联系方式", "有没有", "没有", "动静", "呢", "啊", "呀", "吧", "嘛", "哈", "么")
_ASKED_ALTERNATIVES = "|".join(sorted(_ASKED_AS, key=len, reverse=True))  # longest first: 没提交 before 提交了
_AROUND_ALTERNATIVES = "|".join([*sorted(_AROUND, key=len, reverse=True), r"[\s，,。.？?！!~～、]"])
_ASKED_WORD = re.compile(_ASKED_ALTERNATIVES)
_AROUND_WORDS = re.compile(f"(?:{_AROUND_ALTERNATIVES})+")
LOOSE_LONGEST = 16  # longer texts are sentences, not a question about the area


def loosely(text: str) -> str:
    """The command a supervisor's loose question about the whole area asks for (还有几个没交的 → 未完成), or the text
    as it was."""
    plain = _plain(text).lower()
    if not plain or len(plain) > LOOSE_LONGEST or plain in COMMAND_WORDS:
        return text
    found: set[str] = set()

    def asked(m: re.Match[str]) -> str:
        found.add(_ASKED_AS[m[0]])
        return " "

    rest = _ASKED_WORD.sub(asked, plain)
    if not found or _AROUND_WORDS.sub("", rest):
        return text
    return next(word for word in _ASKED_ORDER if word in found)


# what may come before a unit's name in a loose question about it (看看城关镇, 催一下城关), and after it (城关镇的报告,
# 青山乡咋还没交): the words of `_ASKED` and `_AROUND`
_REMIND_LEAD = "催办一下|催一下|催一催|催催|催促|催|提醒一下|提醒"
_LOOK_LEAD = "看看|看一下|看下|查看一下|查一下|查查|瞧瞧|打开|给我看看|给我|帮我|发我|把|问问|问一下"
_ABOUT_A_UNIT = re.compile(
    rf"^(?:(?P<remind>{_REMIND_LEAD})|{_LOOK_LEAD})?(?P<unit>.+?)"
    rf"(?:{_ASKED_ALTERNATIVES}|{_AROUND_ALTERNATIVES})*$", re.S)


# 城关镇通过, 城关镇的报告可以通过了: 通过 that unit (which asks 确认, as every 通过 does)
_APPROVE_ONE = re.compile(r"^(?P<unit>[^\s，,]{2,30}?)(?:的报告|的年报|的)?[\s，,]*(?:可以了?|没问题了?|行了?|没啥问题)?"
                          r"[\s，,]*(?:可以|审核)?通过(?:了|吧|啊)*$")
_SURELY_UNITS = ("乡", "镇", "街道", "政府", "局")  # endings no question ends with (咋办 does end like an 办)


def naming_a_unit(text: str, units: Sequence[UnitStatus]) -> str:
    """A unit's name alone (青山乡, 城关镇。) is 查看 that unit, and so is a loose question about it (看看城关镇,
    城关镇的报告, 青山乡咋还没交); 催一下城关 is 催办 it. Any other text is returned as it is."""
    plain = _plain(text)
    if not plain or _parse(plain, units) is not None:
        return text
    if isinstance(match_unit(plain, units, strict=True), UnitStatus):
        return f"查看 {plain}"
    if (approving := _APPROVE_ONE.match(plain)) and isinstance(match_unit(approving["unit"], units, strict=True),
                                                                UnitStatus):
        return f"通过 {approving['unit']}"
    m = _ABOUT_A_UNIT.match(plain) if len(plain) <= LOOSE_LONGEST + 10 else None
    if m is None or m["unit"] == plain:
        return text
    # a name that says it is a unit (xx镇, 青山乡) is looked up even when it is none: 查看 then names the nearest
    if not isinstance(match_unit(m["unit"], units, strict=True), UnitStatus) and name_kind(m["unit"]) not in _SURELY_UNITS:
        return text
    reminding = m["remind"] or "催办" in {_ASKED_AS[w] for w in _ASKED_WORD.findall(plain[m.end("unit"):])}
    return f"{'催办' if reminding else '查看'} {m['unit']}"


def is_supervisor_command(text: str) -> bool:
    """Strictly a supervisor command: a bare command word, or one followed by a space and its argument.

    Strict on purpose: a staff member's answer like "通过政府网站公开…" must reach the conversation, not a refusal.
    进度 is not here: staff ask 进度 about their own report.
    """
    text = _normalise(text)
    word, _, rest = text.partition(" ")
    if not rest:
        return text in _NO_ARGS or text in ("催办", "汇总表")
    return word in _WITH_ARGS


def is_refused_for_staff(text: str, unit_names: Sequence[str] = ()) -> bool:
    """What a staff member gets the polite refusal for: a command word alone, or followed by what it acts on — a
    unit (known, or named with its kind: 城关镇, 县政府), a date for 设置截止, 含已提交 for 汇总表.

    An answer that merely starts with such a word ("通过政府网站公开…", "查看 政策文件") reaches the conversation, and
    so does a plain question (情况怎么样): staff ask about their own report.
    """
    if _everyday(_plain(text)):
        return False
    text = _normalise(text)
    if text in COMMAND_WORDS - {"进度"}:
        return True
    parsed = _parse(text)
    if parsed is None or parsed[0] in _NO_ARGS:
        return False
    word, arg = parsed
    if word == "设置截止":
        return parse_day(_ARG_SPLIT.split(arg)[0], default_year=2000) is not None
    if word == "汇总表":
        return "提交" in arg
    first = _ARG_SPLIT.split(arg, maxsplit=1)[0]
    return bool(first) and _names_a_unit(first, unit_names)


def _names_a_unit(name: str, unit_names: Sequence[str]) -> bool:
    if name_kind(name) in ("乡", "镇", "街道", "政府"):
        return True
    units = [UnitStatus(n, "", None) for n in unit_names]
    return len(name) >= 2 and bool(match_unit(name, units, strict=True))


def _parse(text: str, units: Sequence[UnitStatus] | None = None) -> tuple[str, str] | None:
    """(command word, argument) with a lenient argument: 查看柳园口 works as well as 查看 柳园口. `units`: the area's,
    which a plain question about one unit must name (`_about_one_unit`)."""
    m = _COMMAND.match(_normalise(text, units))
    if not m:
        return None
    word, arg = m.group(1), m.group(2).strip()
    return ("汇总" if word == "进度" else word), arg


def digest_command(text: str) -> str | None:
    """汇总 (or 进度), 未完成 or 逾期 alone: a command an area's digest answers (`summary.DIGEST_TEXTS`), without
    every unit's status — the command word; None for any other text."""
    parsed = _parse(text)
    return parsed[0] if parsed is not None and not parsed[1] and parsed[0] in DIGEST_TEXTS else None


def reports_needed(text: str, units: list[UnitStatus], looked_at: str = "") -> set[str]:
    """The units whose report the command reads: the one named by 查看, 退回 or 通过, the ones 汇总表 sums, every
    unit for 导出; none for the others, which are answered from each unit's status, progress and open errors."""
    parsed = _parse(text)
    if parsed is None or (parsed[0] in _NO_ARGS and parsed[1]):
        return set()
    word, arg = parsed
    if word == "汇总表":
        return {u.unit for u in units if u.status in INCLUDED_STATUSES[_included(arg)]}
    if word == "导出":
        return {u.unit for u in units}
    if word not in ("查看", "退回", "通过"):
        return set()
    name = _split_unit_and_reason(arg)[0] if word == "退回" else arg
    found = match_unit(name, units) if name else unnamed_target(units, looked_at, word)
    return {found.unit} if isinstance(found, UnitStatus) else set()


def returns_a_report(text: str) -> bool:
    """退回: the one command whose notice names who accepted each warning (`returned_notice`)."""
    parsed = _parse(text)
    return parsed is not None and parsed[0] == "退回"


def names_no_unit(text: str) -> bool:
    """查看, 通过 or 退回 typed alone: the command acts on `unnamed_target`."""
    parsed = _parse(text)
    return parsed is not None and parsed[0] in ("查看", "退回", "通过") and not parsed[1]


# what 通过 and 退回 can act on: a report 查看 opened that can be neither (a unit still filling in) is not what they mean
_REVIEWABLE = {"通过": ("submitted",), "退回": ("submitted", "approved")}


def unnamed_target(units: Sequence[UnitStatus], looked_at: str = "", word: str = "") -> UnitStatus | None:
    """What 查看, 通过 or 退回 (`word`) typed without a unit act on: the report the supervisor last opened with 查看,
    else the one report waiting for review — also when the one opened cannot be approved or returned (a unit still
    filling in, looked at since the report waiting came in). The question before 通过/退回 names it, so nothing
    happens unmeant."""
    looked = next((u for u in units if u.unit == looked_at), None) if looked_at else None
    if looked is not None and (word not in _REVIEWABLE or looked.status in _REVIEWABLE[word]):
        return looked
    return the_one_waiting(units) or looked


def the_one_waiting(units: Sequence[UnitStatus]) -> UnitStatus | None:
    """The one report waiting for review, when there is exactly one: what 查看, 通过 or 退回 typed alone act on (the
    question before 通过/退回 names it, so nothing happens to a unit the supervisor did not mean)."""
    waiting = None
    for u in units:
        if u.status == "submitted":
            if waiting is not None:
                return None
            waiting = u
    return waiting


def supervisor_command(text: str, user_role: str, area: AreaView, now: datetime, tz: tzinfo,
                       confirmed: bool = False) -> CommandResult:
    """Answer one command. `confirmed`: the supervisor has just confirmed this 通过/退回 (see `PendingReview`);
    without it, a command that changes a report's status asks for 确认 and changes nothing."""
    if user_role not in SUPERVISOR_ROLES:
        parsed = _parse(text)
        return CommandResult([Reply(say("refused_staff", desk=parsed is not None and parsed[0] == DESK_WORD))],
                             refused=True)
    text = loosely(text)
    parsed = _parse(text, area.units)
    if parsed is None:  # 城关镇, 看看城关镇, 催一下城关: a unit named loosely (the edge reads it so too)
        text = naming_a_unit(text, area.units)
        parsed = _parse(text, area.units)
    word, arg = parsed or ("", "")
    if parsed is None or (word in _NO_ARGS and arg):
        typed = _normalise(text)
        known = typed.lower() in _GREETINGS | _HELLOS
        reply = help_text(user_role, area, now, tz, unknown="" if known else typed, hello=typed.lower() in _HELLOS)
        return CommandResult([Reply(t) for t in pieces(reply)], handled=False)
    if word == "未登记":
        if user_role != "admin":
            return _say("admin_only", what="查看未登记用户")
        return CommandResult([], [ListUnknownUsers()])
    return COMMANDS[word].run(_Call(arg, user_role, area, now, tz, confirmed))


def help_text(role: str, area: AreaView, now: datetime, tz: tzinfo, unknown: str = "", hello: bool = False) -> str:
    """The command list (for admins with the area prefix, 设置截止 and 未登记); `unknown`: the text not understood;
    `hello`: a greeting, greeted back first."""
    today = local_date(now, tz)
    example = example_due(area.upcoming or area.campaign, today)
    first = area.units[:1]
    return say("help", admin=role == "admin", unknown=unknown, hello=hello, areas=list(area.areas),
               example_unit=display_names(first)[first[0].unit] if first else "",
               example_due=example.isoformat(), example_year=example.year - 1,
               example_publish=date(example.year, 1, 31).isoformat())


@dataclass(frozen=True)
class _Call:
    arg: str
    role: str
    area: AreaView
    now: datetime
    tz: tzinfo
    confirmed: bool = False


def _texts(texts: list[str]) -> CommandResult:
    return CommandResult([Reply(t) for t in texts])


def _say(template: str, /, **context: object) -> CommandResult:
    return CommandResult([Reply(t) for t in pieces(say(template, **context))])


def _summary(call: _Call) -> CommandResult:
    return _texts(area_summary(call.area, call.now, call.tz))


def _unfinished(call: _Call) -> CommandResult:
    return _texts(unfinished_list(call.area, call.now, call.tz))


def _overdue(call: _Call) -> CommandResult:
    return _texts(overdue_list(call.area, call.now, call.tz))


ERRORS_SHOWN = 50  # units named by 错误单位, most errors first; the rest are counted


def _with_errors(call: _Call) -> CommandResult:
    """错误单位: the units whose report the checker still finds errors in (tables that do not add up, a year that
    does not match …), most errors first, with where each stands."""
    flawed = sorted((u for u in call.area.units if u.open_errors), key=lambda u: (-u.open_errors, *official_order(u)))
    names = display_names(flawed[:ERRORS_SHOWN])
    units = [{"name": names[u.unit], "errors": u.open_errors, "status": u.status_label, "progress": u.progress}
             for u in flawed[:ERRORS_SHOWN]]
    return _say("with_errors", area=call.area.area, count=len(flawed), units=units,
                unlisted=len(flawed) - len(units), example=units[0]["name"] if units else "")


_REASON_EXAMPLE = "表三结转数与上年不一致"


def _find(call: _Call, name: str, word: str) -> UnitStatus | CommandResult:
    """The unit named for the command `word` (查看, 退回 …), or the reply that explains why there is none (unknown,
    ambiguous, missing)."""
    if not name:
        return unnamed_target(call.area.units, call.area.looked_at, word) or _need_unit(call, word)
    found = match_unit(name, call.area.units)
    if isinstance(found, UnitStatus):
        return found
    if found:
        return _say("ambiguous", name=name, units=[u.unit for u in found[:10]], more=len(found) > 10, example=word)
    suggested = suggest_units(name, call.area.units)
    names = display_names(suggested)
    return _say("not_found", name=name, area=call.area.area, units=[names[u.unit] for u in suggested],
                example=word)


def _need_unit(call: _Call, word: str) -> CommandResult:
    """An empty 查看/退回/通过: the units waiting for review (or, for 查看, any unit) and an example with a real name."""
    waiting = [u for u in call.area.units if u.status == "submitted"]
    shown = waiting or ([] if word != "查看" else [u for u in call.area.units if u.report is not None or u.progress])
    sample = (shown or call.area.units)[:1]
    names = display_names(shown[:20] + sample)
    return _say("need_unit", word=word, area=call.area.area, waiting=[names[u.unit] for u in waiting[:20]],
                more=max(0, len(waiting) - 20), example=names[sample[0].unit] if sample else "",
                reason=_REASON_EXAMPLE if word == "退回" else "")


def _view(call: _Call) -> CommandResult:
    unit = _find(call, call.arg, "查看")
    if isinstance(unit, CommandResult):
        return unit
    return CommandResult(unit_detail(unit, call.area, call.tz), [LookedAt(unit.unit, call.area.campaign.year)])


def _split_unit_and_reason(arg: str) -> tuple[str, str]:
    parts = _ARG_SPLIT.split(arg, maxsplit=1)
    return parts[0], (parts[1].strip() if len(parts) > 1 else "")


def _return(call: _Call) -> CommandResult:
    name, reason = _split_unit_and_reason(call.arg)
    unit = _find(call, name, "退回")
    if isinstance(unit, CommandResult):
        return unit
    if unit.status not in ("submitted", "approved"):
        return _say("cannot_return", unit=unit.unit, status=unit.status_label)
    if not reason:  # the supervisor's next message is taken as the reason (see `PendingReview.awaits_reason`)
        pending = PendingReview("退回", unit.unit, call.area.campaign.year)
        reply = say("need_reason", unit=unit.unit, year=pending.year, example=_REASON_EXAMPLE,
                    minutes=int(CONFIRM_WITHIN.total_seconds() // 60), looked_at=_as_looked_at(call, name, unit))
        return CommandResult([Reply(reply)], [AskConfirmation(pending)])
    if not call.confirmed:
        return _ask_confirmation(call, PendingReview("退回", unit.unit, call.area.campaign.year, reason), unit, name)
    notice = returned_notice(unit, reason, unit_findings(unit, call.area))
    action = ReturnReport(unit.unit, reason, unit.staff, notice)
    reply = say("returned_ok", unit=unit.unit, year=call.area.campaign.year, reason=reason, staff=len(unit.staff),
                staff_names=list(unit.staff_names), was_approved=unit.status == "approved")
    return CommandResult([Reply(t) for t in pieces(reply)], [action])


def _approve(call: _Call) -> CommandResult:
    unit = _find(call, call.arg, "通过")
    if isinstance(unit, CommandResult):
        return unit
    if unit.status == "approved":
        return _say("already_approved", unit=unit.unit)
    if unit.status != "submitted":
        return _say("cannot_approve", unit=unit.unit, status=unit.status_label)
    if unit.open_errors:
        return _say("approve_has_errors", unit=unit.unit, errors=unit.open_errors)
    if not call.confirmed:
        return _ask_confirmation(call, PendingReview("通过", unit.unit, call.area.campaign.year), unit, call.arg)
    campaign = call.area.campaign
    publish_by = campaign.publish_by if unit.report is None or unit.report.year == campaign.year else None
    today = local_date(call.now, call.tz)
    action = ApproveReport(unit.unit, unit.staff, approved_notice(unit, publish_by, today))
    # the supervisor is told what the clerk is told: the date to publish by, or that it has passed
    reply = say("approved_ok", unit=unit.unit, year=call.area.campaign.year, staff=len(unit.staff),
                staff_names=list(unit.staff_names), publish_by=short_date(publish_by) if publish_by else "",
                late=publish_by is not None and today > publish_by)
    return CommandResult([Reply(reply)], [action])


def _ask_confirmation(call: _Call, pending: PendingReview, unit: UnitStatus, name: str) -> CommandResult:
    reply = say("confirm_review", word=pending.word, unit=unit.unit, year=pending.year, reason=pending.reason,
                status=unit.status_label, staff=len(unit.staff), staff_names=list(unit.staff_names),
                minutes=int(CONFIRM_WITHIN.total_seconds() // 60), looked_at=_as_looked_at(call, name, unit))
    return CommandResult([Reply(reply)], [AskConfirmation(pending)])


def _as_looked_at(call: _Call, name: str, unit: UnitStatus) -> bool:
    """The unit was not named but taken as the report the supervisor last opened with 查看 (said in the question)."""
    return not name and unit.unit == call.area.looked_at


def _remind(call: _Call) -> CommandResult:
    if call.arg:
        unit = _find(call, call.arg, "催办")
        if isinstance(unit, CommandResult):
            return unit
        if unit.done:
            return _say("remind_done_unit", unit=unit.unit, status=unit.status_label)
        targets = [unit]
    else:
        targets = pending_units(call.area.units)
        if not targets:
            return _say("remind_nothing", area=call.area.area)
    sends, unreachable = remind_now(call.area, targets, call.now)
    action = RemindNow(tuple(u.unit for u in targets if u.staff), tuple(sends), tuple(u.unit for u in unreachable))
    reply = remind_reply(sends, [], action.unreachable)
    return CommandResult([Reply(t) for t in pieces(reply)], [action] if sends else [])


def remind_reply(sent: Sequence[Send], repeated: Sequence[Send], unreachable: Sequence[str]) -> str:
    """催办's answer: only the people reminded now count; the units reminded a moment ago are named apart."""
    return say("remind_ok", units=len(sent), people=len({u for s in sent for u in s.users}),
               names=[s.key[1] for s in sent[:20]],
               repeated=[s.key[1] for s in repeated], unreachable=list(unreachable))


def _rollup(call: _Call) -> CommandResult:
    include = _included(call.arg)
    chosen = rolled_units(call.area.units, include)
    if not chosen:
        return _say("rollup_empty", include=include)
    report = rollup(call.area.units, include, call.area.area, call.area.campaign.year)
    replies = [Reply(t) for t in pieces(rollup_text(report, len(chosen), include))]
    name = rollup_file(call.area.area, report.year)
    replies.append(Reply(kind="file", file_name=name, file_bytes=render_rollup_docx(report, call.area.area)))
    return CommandResult(replies)


def _included(arg: str) -> Include:
    """汇总表 含已提交 (or 含待审, 全部): the reports waiting for review summed too."""
    return "submitted" if any(word in arg for word in ("提交", "待审", "全部", "所有")) else "approved"


def is_desk_command(text: str) -> bool:
    """审核台 (or 审核, 打开审核台, 审核台链接 …) alone: answered with the desk's address, no area loaded."""
    return _parse(text) == (DESK_WORD, "")


def desk_reply(link: str, every_area: bool = False) -> list[Reply]:
    """审核台: the address of the 年报审核台 (`link`, '' when the server has none) and what it is for; `every_area`:
    an admin's, over every area."""
    return [Reply(say("desk_link", link=link, every_area=every_area))]


def _desk(call: _Call) -> CommandResult:
    """审核台 reaching the core: the edge answers it before loading any area, with the server's address
    (`handlers.supervisor._desk_address`); the core knows no address, so it answers as a server without one."""
    return CommandResult(desk_reply(""))


def _export(call: _Call) -> CommandResult:
    """Every report of the area in one workbook: a job's work (the edge queues it), never this message's."""
    return CommandResult(export_reply(call.area.area, call.area.area, call.area.campaign.year, call.now, call.tz))


def _set_due(call: _Call) -> CommandResult:
    if call.role != "admin":
        return _say("admin_only", what="设置截止日期")
    today = local_date(call.now, call.tz)
    current = call.area.upcoming or call.area.campaign  # a campaign set in advance is the one to move
    decision = decide_due(call.arg, current, today)
    example = example_due(current, today)
    if isinstance(decision, DueRefusal):
        return _say("due_rejected", problem=decision.problem, text=decision.text,
                    day=short_date(decision.day) if decision.day else "",
                    publish_by=short_date(decision.publish_by) if decision.publish_by else "",
                    today=short_date(today), example=example.isoformat(), example_year=example.year - 1,
                    example_publish=date(example.year, 1, 31).isoformat())
    campaign = call.area.campaign
    starts = short_date(date(decision.year + 1, 1, 1)) if decision.year >= today.year else ""
    reply = say("due_set", day=short_date(decision.due), year=decision.year, left=(decision.due - today).days,
                publish_by=short_date(decision.publish_by), area=call.area.area,
                new_year=decision.year != campaign.year, old_year=campaign.year, starts=starts)
    return CommandResult([Reply(reply)], [decision])


@dataclass(frozen=True)
class Command:
    """One supervisor command: its word, what runs it, and whether it changes a report (then it asks 确认)."""

    word: str
    run: Callable[[_Call], CommandResult]
    confirm: bool = False


COMMANDS: dict[str, Command] = {c.word: c for c in (
    Command("汇总", _summary),
    Command("未完成", _unfinished),
    Command("逾期", _overdue),
    Command("错误单位", _with_errors),
    Command("查看", _view),
    Command("退回", _return, confirm=True),
    Command("通过", _approve, confirm=True),
    Command("催办", _remind),
    Command("汇总表", _rollup),
    Command("导出", _export),
    Command(DESK_WORD, _desk),
    Command("设置截止", _set_due),
)}


# --- notices --------------------------------------------------------------------------------------------------


def _accepted_view(unit: UnitStatus, names: AreaNames | Iterable[str]) -> list[dict[str, str]]:
    """The warnings the unit accepted that its report still gives, each in the finding's words with the reason: one
    fixed since (a return asked for it) is no longer the supervisor's to weigh."""
    found = {warning_key(f): f.message for f in review_findings(unit, names) if f.level == "warning"}
    return [{"message": found[key], "reason": reason} for key, reason in unit.accepted_warnings.items() if key in found]


def submitted_notice(unit: UnitStatus, tz: tzinfo, names: AreaNames | Iterable[str]) -> str:
    """To the area's supervisors when a unit submits: unit, time, and the warnings it accepted with its reasons; a
    report handed in again after a return also says why it was returned and which parts changed since. `names`: the
    area's unit names, as the review reads them (R13)."""
    when = short_time(unit.submitted_at, tz) if unit.submitted_at else ""
    again = unit.returns[-1] if unit.returns else None
    fmt = FORMATS.get(unit.report.format_id, GOV2021) if unit.report is not None else GOV2021
    return say("submitted_notice", unit=unit.unit, short=display_names([unit])[unit.unit], when=when,
               accepted=_accepted_view(unit, names),
               again=again is not None, reason=again.reason if again else "",
               changed=changed_parts(unit.changed_since_return, fmt),
               redrafted=changed_parts(unit.redrafted_since_return, fmt))


def changed_parts(fields: Sequence[str], fmt: Format = GOV2021) -> list[dict[str, str]]:
    """The parts of the report the fields (cell and slot ids) belong to — each table by its section number, each
    prose part by its section's heading and its title — each once, in the report's order."""
    changed = set(fields)
    parts = [{"table": t.section, "section": "", "title": ""} for t in fmt.tables
             if any(c.id in changed for c in t.cells)]
    sections = {s.number: s.heading for s in fmt.sections}
    parts += [{"table": "", "section": sections.get(s.section, ""), "title": s.title} for s in fmt.slots
              if s.id in changed]
    return parts


def returned_notice(unit: UnitStatus, reason: str, findings: list[Finding]) -> str:
    """To the unit's staff: the supervisor's reason and the checker's findings; a warning the unit accepted with a
    reason is told as accepted, by whom and why, not among those to check (it read as unconfirmed to every clerk) —
    unless the reason concerns it: then its acceptance no longer holds (the clerks are asked it again at 提交)."""
    year = unit.report.year if unit.report is not None else ""
    warnings = [f for f in findings if f.level == "warning"]
    was_accepted = [f for f in warnings if warning_key(f) in unit.accepted_warnings]
    reopened = {warning_key(f) for f in _concerned_by_return(unit, reason, was_accepted)}
    accepted = [{"message": f.message, "reason": unit.accepted_warnings[warning_key(f)],
                 "by": unit.accepted_by.get(warning_key(f), ""), "reopened": warning_key(f) in reopened}
                for f in was_accepted]
    return say("returned_notice", unit=unit.unit, year=year, reason=reason,
               errors=[f.message for f in findings if f.level == "error"],
               warnings=[f.message for f in warnings if warning_key(f) not in unit.accepted_warnings],
               accepted=[a for a in accepted if not a["reopened"]],
               reopened=[a for a in accepted if a["reopened"]])


def _concerned_by_return(unit: UnitStatus, reason: str, warnings: list[Finding]) -> list[Finding]:
    """The warnings a return reason concerns, read as the clerk's conversation reads it on meeting the return."""
    report = unit.report
    if report is None or not warnings or not reason:
        return []
    fmt = FORMATS.get(report.format_id, GOV2021)
    ctx = DialogContext("", unit.unit, unit.kind or report.unit_kind, report.year, previous=unit.previous, fmt=fmt)
    return warnings_concerned(Turn(ctx, initial_state(), report), reason, warnings)


def approved_notice(unit: UnitStatus, publish_by: date | None = None, today: date | None = None) -> str:
    """The clerks' notice of 通过: when the report must be public (`publish_by`, the campaign's, when the report is
    of its year), or that the date has passed."""
    year = unit.report.year if unit.report is not None else ""
    late = publish_by is not None and today is not None and today > publish_by
    return say("approved_notice", unit=unit.unit, year=year, publish_by=short_date(publish_by) if publish_by else "",
               late=late)


UNKNOWN_USERS_SHOWN = 30


def unknown_users_text(rows: Sequence[dict[str, object]], tz: tzinfo) -> list[str]:
    """未登记: the WeCom accounts that wrote without being registered — userid, first and last seen, how often."""
    def when(moment: object) -> str:
        return short_time(moment, tz) if isinstance(moment, datetime) else ""

    shown = [{"userid": r["userid"], "first": when(r["first_seen"]), "last": when(r["last_seen"]), "count": r["count"]}
             for r in rows[:UNKNOWN_USERS_SHOWN]]
    return pieces(say("unknown_users", users=rows, shown=shown))
