"""Thirty careless notes a township clerk typed on a phone at 1.x (QA round 32): each printed wrong in the notes shown
or the draft — 一件一审 as 1件一审, 签个字 and 都答复了 as typed, 满意度百分之九十八 without whose, 七八十条 after 也有, 公众号一百五 without its 条, 没人来申请 as
暂无人来申请. Each is now noted as a report writes it."""

from __future__ import annotations

import pytest

from bot.drafting import fact_items


@pytest.mark.parametrize(("typed", "noted"), [
    ("保密审查一件一审 没出过问题", ["保密审查一件一审", "未出现问题"]),
    ("发布前都要领导签个字", ["信息发布前须经领导审核签字"]),
    ("政协提案都答复了", ["政协委员提案均已答复"]),
    ("人大建议都办完了", ["人大代表建议均已办结"]),
    ("财政预决算都公开了 没有漏的", ["财政预决算均已公开", "无遗漏"]),
    ("满意度百分之九十八", ["群众满意度达98%"]),
    ("兼职的多", ["兼职人员较多"]),
    ("更新有时候慢", ["信息更新有时不够及时"]),
    ("今年没人来申请", ["未收到政府信息公开申请"]),
    ("文件清理了一遍", ["开展文件清理"]),
    ("政策文件清理了十来个", ["清理政策文件10余个"]),
    ("网站专栏改了版", ["完成网站专栏改版"]),
    ("公众号也有七八十条吧", ["公众号发布70余条"]),
    ("便民服务中心设了个查阅点", ["在便民服务中心设置查阅点"]),
    ("公众号那个一百五", ["公众号发布150条"]),
    ("公众号一千二", ["公众号发布1200条"]),
    # the second round of notes
    ("重点就是乡村振兴 还有低保那块", ["重点为乡村振兴、低保"]),
    ("人大建议三件都答复了", ["办理人大代表建议3件，均已答复"]),
    ("文件都归档了", ["文件均已归档"]),
    ("规范性文件没有新出的", ["未制发行政规范性文件"]),
    ("参加县里的培训两次", ["参加县级培训2次"]),
    ("公众号每个礼拜都发", ["公众号每周发布"]),
    ("十二个村都有", ["覆盖12个村"]),
    ("网站加了个专栏", ["网站增设专栏"]),
    ("把栏目都补上", ["补齐栏目"]),
    ("宣传单发了五千份", ["发放宣传单5000份"]),
    ("也做了图解", ["制作图解"]),
    ("宣传不够 群众不太知道", ["宣传不够", "群众知晓度不高"]),
])
def test_a_careless_note_of_the_year_is_noted_as_a_report_writes_it(typed: str, noted: list[str]) -> None:
    assert fact_items(typed) == noted
