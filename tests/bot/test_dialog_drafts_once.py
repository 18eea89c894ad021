"""A paragraph is drafted once per wording: 重写 drafts the next wording, and the question that then offers it shows
that draft rather than drafting it again (drafting is the costliest part of a prose answer)."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext, prose

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat


def at_active() -> Chat:
    chat = Chat(DialogContext(user_name="李四", unit="柳园口乡人民政府", unit_kind="乡", year=2025))
    chat.send("开始")
    chat.say_all("0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while "【1.2】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    return chat


def test_a_redraft_is_drafted_once_and_offered_as_drafted(monkeypatch: pytest.MonkeyPatch) -> None:
    chat = at_active()
    chat.send("政务公众号 120 条，政府网站专栏 56 条")
    drafted: list[str] = []
    real = prose.draft

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        drafted.append(real(*args, **kwargs))
        return drafted[-1]

    monkeypatch.setattr(prose, "draft", counted)
    text = chat.send("重写")
    assert len(drafted) == len(set(drafted)) == 1, drafted  # the one new wording, not drafted again to be shown
    assert drafted[0] in text
    chat.send("1")
    assert chat.report.text["s1.active"] == drafted[0]
