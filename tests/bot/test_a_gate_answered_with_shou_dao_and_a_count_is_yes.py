"""“是否收到申请” answered 收到3件, 收到申请3件, 有依申请, 收到两件申请: a careful reader hears 是 and a count. The count
alone (no applicant named) is shown to be filled in below, never placed by guess; 收到0件 stays 否."""

from .dialog_helpers import Chat, township

AT_APPLICATIONS = ("你好", "0 0 0", "0 0 0", "3 5 0", "0")


def _answered(text: str) -> Chat:
    chat = Chat(township())
    chat.say_all(*AT_APPLICATIONS)
    chat.send(text)
    return chat


def test_shou_dao_with_a_count_or_the_applications_named_is_yes() -> None:
    for said in ("收到3件", "收到申请3件", "收到两件申请", "有依申请"):
        chat = _answered(said)
        assert chat.state["gates"].get("3.1") is True and chat.state["cur"][0] == "3.2", said
        assert "t3.new.person" not in chat.report.cells, said


def test_shou_dao_zero_is_no() -> None:
    chat = _answered("收到0件")
    assert chat.state["gates"].get("3.1") is False and chat.report.cells["t3.new.person"] == 0
