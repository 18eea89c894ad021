"""An admin (or a city's supervisor) puts an area's name before a loose question as before a command: 「A区 还有几个
没交的」 answers for A区 alone, as 「A区 未完成」 does. Real SQLite, the engine as the WeCom edge calls it."""

from __future__ import annotations

from tests.handlers.test_supervisor import say, store  # noqa: F401


def test_an_area_named_before_a_loose_question_scopes_it(store) -> None:  # noqa: F811
    loose = say(store, "root", "A区 还有几个没交的")[0].text
    assert loose == say(store, "root", "A区 未完成")[0].text
    assert loose.startswith("A区尚未提交的单位共")
