"""A scripted township clerk: reads each question the bot asks over WeCom and answers it from a target report,
the way a person would — gates, the menu of result kinds, one row per chosen kind, and 1 to accept each draft."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.dialog.flow import question
from bot.formats import GOV2021
from bot.formats.questions import Question
from bot.report import Report
from tests.e2e.servers import Server

CODE = re.compile(r"【(\d+\.\d+)】")
# what a clerk tells each facts question, the way the questions ask for it
FACTS = {
    "1.2": "政府网站信息公开专栏 56 条，政务公众号 120 条；重点公开财政预决算、惠民补贴",
    "1.4": "落实“先审查、后公开”，修订了信息发布审核制度",
    "1.5": "规范网站专栏 8 个子栏目，还有公开栏",
    "1.6": "培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究",
    "5.1": "信息更新不够及时，政策解读形式单一；改进：明确专人每周更新，增加图解解读",
}


def _number(value: object) -> str:
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value or 0)


@dataclass
class Clerk:
    server: Server
    userid: str
    target: Report
    sent: int = 0
    transcript: list[tuple[str, str]] = field(default_factory=list)

    async def say(self, text: str) -> str:
        reply = await self.server.say(self.userid, text) or ""
        self.sent += 1
        self.transcript.append((text, reply))
        return reply

    async def fill_and_submit(self, limit: int = 80) -> str:
        reply = await self.say("你好")
        while self.sent < limit:
            if "已提交" in reply:
                return reply
            reply = await self.say(self.answer(reply))
        raise AssertionError("no submission within the message limit:\n" + self.dump())

    def answer(self, reply: str) -> str:
        if "确认提交" in reply:
            return "确认提交 经核实，情况属实"
        if "全部题目已填写完毕" in reply:
            return "提交"
        codes = CODE.findall(reply)
        assert codes, "the bot asked nothing:\n" + self.dump()
        q = _question(codes[-1])
        return ANSWERS[q.kind](self, q, reply[reply.rindex(f"【{q.code}】"):])

    def cells(self, ids: tuple[str, ...] | list[str]) -> str:
        return " ".join(_number(self.target.cells.get(c)) for c in ids)

    def happened(self, table: str, row: str) -> bool:
        return any(self.target.cells.get(c.id) for c in GOV2021.table(table).cells if c.row == row)

    def dump(self) -> str:
        return "\n".join(f"> {said}\n< {got}" for said, got in self.transcript[-6:])


def _row(clerk: Clerk, q: Question, asked: str) -> str:
    return clerk.cells(q.cells)


def _gate(clerk: Clerk, q: Question, asked: str) -> str:
    return "是" if any(clerk.target.cells.get(c) for c in q.cells) else "否"


def _prefill(clerk: Clerk, q: Question, asked: str) -> str:
    offered = re.search(r"为 (\d+) 件", asked)
    wanted = clerk.target.cells.get(q.cells[0].rsplit(".", 1)[0] + ".total")
    if offered and int(offered.group(1)) == wanted:
        return "1"  # last year's 结转 is this year's 上年结转: confirm it
    return clerk.cells(q.cells) if wanted else "无"


def _question(code: str) -> Question:
    q = question(GOV2021, code)
    if q is None:
        raise KeyError(code)
    return q


def _menu(clerk: Clerk, q: Question, asked: str) -> str:
    chosen = [str(n) for n, row in enumerate(q.rows, 1) if clerk.happened(q.table, row)]
    return " ".join(chosen) or "无"


def _menu_rows(clerk: Clerk, q: Question, asked: str) -> str:
    table = GOV2021.table(q.table)
    menu = _question(q.menu)
    # the question names the kind it asks about; the longest matching name wins (其他处理·其他 vs 其他)
    asked_rows = [r for r in menu.rows if table.row(r).short and table.row(r).short in asked]
    row = max(asked_rows, key=lambda r: len(table.row(r).short))
    return clerk.cells([f"{q.table}.{row}.{col}" for col in q.columns])


def _computed(clerk: Clerk, q: Question, asked: str) -> str:
    return "1"


def _prose(clerk: Clerk, q: Question, asked: str) -> str:
    return "1" if "回复1采用" in asked else FACTS.get(q.code, "无")


ANSWERS = {"row": _row, "amount": _row, "gate": _gate, "prefill": _prefill, "menu": _menu,
           "menu_rows": _menu_rows, "computed": _computed, "prose": _prose}
