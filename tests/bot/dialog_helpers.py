"""A scripted user for the conversation engine: every message goes through a JSON round trip of state and report,
as if the server restarted between any two messages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.dialog import DialogContext, StepResult, step
from bot.incoming import Incoming
from bot.report import Report

WHEN = datetime(2025, 1, 6, 9, 0)


@dataclass
class Chat:
    ctx: DialogContext
    state: dict | None = None
    report: Report | None = None
    sent: int = 0  # user messages (events not counted)
    results: list[StepResult] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.report is None:
            self.report = Report(self.ctx.unit, self.ctx.unit_kind, self.ctx.year)

    def send(self, text: str, kind: str = "text") -> str:
        incoming = Incoming("zhangsan", kind, WHEN, text=text if kind == "text" else "")  # type: ignore[arg-type]
        result = step(self.state, self.report, incoming, self.ctx)
        for reply in result.replies:
            if reply.kind == "text":
                assert len(reply.text.encode()) <= 2048, reply.text
        # a restart between every two messages: only JSON survives
        self.state = json.loads(json.dumps(result.state, ensure_ascii=False))
        self.report = Report.from_json(result.report.to_json())
        self.results.append(result)
        if kind == "text":
            self.sent += 1
        return result.replies[0].text

    def say_all(self, *texts: str) -> str:
        reply = ""
        for t in texts:
            reply = self.send(t)
        return reply

    @property
    def last(self) -> StepResult:
        return self.results[-1]

    def with_status(self, status: str, reason: str | None = None) -> None:
        self.ctx = replace(self.ctx, status=status, returned_reason=reason)  # type: ignore[arg-type]


def township(previous: Report | None = None, year: int = 2025) -> DialogContext:
    return DialogContext(user_name="张三", unit="龙亭区柳园口乡", unit_kind="乡", year=year, previous=previous)


def asked_back_at(steps: tuple[str, ...], code: str, asked: str) -> str:
    """The reply to a question typed at the question `code` the `steps` reach: answered, nothing refused, the
    question still the one asked — what the reply says before that question is asked again."""
    chat = Chat(township())
    chat.say_all(*steps)
    assert chat.state["cur"][0] == code, chat.state["cur"]
    reply = chat.send(asked)
    assert "不是" not in reply and chat.state["cur"][0] == code, reply
    return reply.split(f"【{code}】")[0]


PROSE_ALL_DEFAULT = (
    "1",  # 1.1 总体情况
    "政府网站信息公开专栏 56 条，政务公众号 120 条", "1",  # 1.2
    "1",  # 1.3 依申请公开
    "落实一事一审，修订信息发布审核制度", "1",  # 1.4
    "规范网站专栏 8 个子栏目", "1",  # 1.5
    "培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究", "1",  # 1.6
    "信息更新不够及时；改进：明确专人每周更新", "1", "1",  # 5.1, 5.2
    "1",  # 6.1
)
