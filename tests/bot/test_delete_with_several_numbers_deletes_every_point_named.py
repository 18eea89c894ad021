"""删除 2 5 (删除2、5, 删除第2和第5条) at a prose part's 要点 list deletes both points and says which; it had been refused
as no report content, and nothing was deleted. A number not in the list deletes none of them, said so."""

import pytest

from .test_dialog_facts_list import at

NOTES = "政务公众号120条，市长热线转办290件，公开栏12期，网站专栏56条，视频号10条"


@pytest.mark.parametrize("command", ["删除 2 5", "删除2、5", "删除第2和第5条", "删除 2,5", "删除 5 2"])
def test_delete_with_two_numbers_deletes_both(command: str) -> None:
    chat = at("1.2")
    chat.send(NOTES)
    text = chat.send(command)
    assert "已删除第 2、5 条要点「市长热线转办290件」「视频号10条」" in text, text
    assert chat.state["facts"]["1.2"] == ["政务公众号120条", "公开栏12期", "网站专栏56条"]


def test_a_number_not_in_the_list_deletes_none() -> None:
    chat = at("1.2")
    chat.send(NOTES)
    text = chat.send("删除 2 9")
    assert "要点只有 5 条，没有第 9 条，要点均未删除。" in text, text
    assert len(chat.state["facts"]["1.2"]) == 5
