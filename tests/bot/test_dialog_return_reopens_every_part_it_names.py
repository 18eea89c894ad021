"""A return reason that names several parts reopens every one of them, however they are written — by code (1.5、5.2),
by section and part (五（二）, 第五部分第二项, 一之（四）, 总体情况（四）, several parts after one section: 一（三）（四）,
a numeral only one section's parts have: （三）（四）),
or by title — and the clerk is told which, then taken through them one after another."""

from __future__ import annotations

import pytest

from bot.formats import GOV2021

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")


def _returned(reason: str) -> Chat:
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "否", "否", *PROSE_ALL_DEFAULT, "提交")
    assert "submitted" in chat.last.events
    chat.with_status("returned", reason)
    return chat


@pytest.mark.parametrize(("reason", "codes"), [
    ("1.5和5.2写得太简单", ["1.5", "5.2"]),
    ("1.5、5.2写得太简单", ["1.5", "5.2"]),
    ("第一部分第四项和第五部分第二项太简单", ["1.5", "5.2"]),
    ("一（四）和五（二）内容太少", ["1.5", "5.2"]),
    ("一之（四）、五之（二）需充实", ["1.5", "5.2"]),
    ("总体情况（四）写得笼统，五、（二）改进情况要具体", ["1.5", "5.2"]),
    ("第一部分的（三）（四）写得太简单", ["1.4", "1.5"]),
    ("第一部分第三项、第四项太简单", ["1.4", "1.5"]),
    ("五（一）（二）都太简单", ["5.1", "5.2"]),
    ("第5部分第2点太简单", ["5.2"]),
    ("1.3、1.4、1.6都太简单", ["1.3", "1.4", "1.6"]),
    ("平台建设和监督保障写得太少", ["1.5", "1.6"]),
    ("（一）主动公开太简单，（二）改进情况也要写具体", ["1.2", "5.2"]),
    # a part numeral alone that only 一 has: 一（三）（四） (a supervisor's 「（三）（四）两部分太笼统」 reopened neither)
    ("（三）（四）两部分太笼统，写具体做法；监督保障要写明社会评议和考核结果", ["1.4", "1.5", "1.6"]),
    # no part named, but words only a paragraph or two say (the opening lists the platforms again): those paragraphs
    ("公众号发布数量与实际不符", ["1.2"]),
    ("政务公众号推送的数字有误", ["1.1", "1.2"]),
    ("子栏目数量不对", ["1.5"]),
    # 第三部分 before a title of a part numbered （三） names that part (政府信息管理 is 一（三）), never section 三
    ("第三部分政府信息管理里面写得太简单", ["1.4"]),
    ("第四部分平台建设太简单", ["1.5"]),
    ("第一部分第三项政府信息管理和五（二）太简单", ["1.4", "5.2"]),
    ("五（二）太简单，第三部分政府信息管理也是", ["1.4", "5.2"]),
    # a part named, and a phrase only another part says (未收到政府信息公开申请 is 1.3's): both are opened
    ("第三部分政府信息管理太笼统，还有“无上年结转和结转下年度办理的申请”这句不通顺", ["1.3", "1.4"]),
    ("监督保障要写评议结果，另外规范网站专栏8个子栏目这句话说法不对", ["1.5", "1.6"]),
    # an item of an article (第二十条第（五）项) is no part of 一
    ("表二第二十条第（五）项行政许可数量与正文不一致", ["2.3"]),
])
def test_every_part_a_reason_names_is_reopened(reason: str, codes: list[str]) -> None:
    chat = _returned(reason)
    reply = chat.send("你好")
    assert [chat.state["cur"][0], *chat.state["queue"]] == codes
    assert f"【{codes[0]}】" in reply and all(f"【{c}】" in reply for c in codes)  # the clerk is told which


def test_the_clerk_is_told_every_part_and_taken_through_them_in_turn() -> None:
    chat = _returned("1.2和五（二）写得太简单，第一部分第四项也要补充")
    reply = chat.send("你好")
    assert "【1.2】" in reply and "意见还涉及【1.5】、【5.2】" in reply
    seen = []
    for _ in range(3):
        seen.append(chat.state["cur"][0])
        reply = chat.send("1")  # 保留 the paragraph: the next part named comes up
    assert seen == ["1.2", "1.5", "5.2"]
    assert "全部题目已填写完毕" in reply


def test_a_table_part_is_not_read_as_a_prose_part() -> None:
    """三（二） is a row of table 三 (部分公开), not a prose part: no prose part of 三 is opened for it."""
    chat = _returned("三（二）部分公开的数不对")
    chat.send("你好")
    opened = [chat.state["cur"][0], *chat.state["queue"]]
    assert opened and all(q.table == "t3" for q in GOV2021.questions if q.code in opened)
