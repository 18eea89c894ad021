"""The drafts of a township clerk's careless phone notes (QA round 32): a result not out yet joined to its assessment
with 、 and 考核 said twice, a place drafted 建设便民服务中心设置查阅点, products (政策解读, 图解) drafted as channels
(通过图解设置2个), a deed (宣传深入千家万户) listed as what the information covered, proposals answered printed as typed."""

from __future__ import annotations

import pytest

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize(("code", "typed", "drafted", "never"), [
    ("1.6", "纳入年度考核 考核结果还没出来", "将政务公开工作纳入年度考核，结果尚未公布", ("、考核结果",)),
    ("1.5", "便民服务中心设了个查阅点", "在便民服务中心设置查阅点", ("建设便民",)),
    ("1.2", "政策解读搞了三篇 图解两个", "发布政策解读3篇、图解2个", ("通过政策解读", "通过图解", "设置2个")),
    ("1.2", "惠民政策宣传深入千家万户", "惠民政策宣传深入千家万户", ("内容涵盖惠民", "1000")),
    ("1.2", "发布信息一千余条，做到应公开尽公开", "1000余条", ("内容涵盖做到",)),
    ("1.2", "网站发了一百二十来条 公众号也有七八十条吧", "通过微信公众号发布信息70余条", ("也有", "内容涵盖")),
    ("1.2", "网站上发了两百多条，公众号那个一百五", "通过微信公众号发布信息150条", ("一百五", "内容涵盖")),
    ("1.2", "公开栏每季度换一次 全覆盖", "每季度更新公开栏", ("内容涵盖公开栏", "此外，全覆盖")),
    ("1.2", "公众号这个月发了5条，上个月发了八条", "上月发布", ("通过上个月", "上个月")),
    ("1.2", "财政预决算都公开了 没有漏的", "财政预决算均已公开，无遗漏", ("内容涵盖财政", "此外，无遗漏")),
    ("1.5", "便民服务中心设了个查阅点 村部也设了个查阅点", "在便民服务中心设置查阅点，在村部设置查阅点", ("在在", "建设村部", "建设便民")),
    ("1.2", "主动公开了两千多条信息", "主动公开政府信息2000余条", ("通过主动公开",)),
    ("1.2", "政策解读做了五篇 也做了图解", "制作图解", ("内容涵盖做了", "做了图解")),
    ("1.2", "宣传单发了五千份 入户宣传全覆盖", "发放宣传单5000份", ("通过宣传单",)),
    ("1.5", "网站栏目调了 加了个专栏叫乡村振兴", "增设专栏“乡村振兴”", ("依托加了个", "加了个")),
    ("5.1", "宣传不够 群众不太知道", "群众知晓度不高", ("尚不清楚", "不太知道")),
    ("5.2", "下一步多搞培训 把栏目都补上", "补齐栏目", ("把栏目", "补齐把")),
    ("6.1", "政协提案都答复了 人大建议两件都办了", "政协委员提案均已答复", ("都答复了", "我镇政协提案")),
])
def test_the_draft_of_a_careless_note_holds_no_stray_word(code: str, typed: str, drafted: str,
                                                          never: tuple[str, ...]) -> None:
    draft = draft_part(at(code, "镇").send(typed))
    assert drafted in draft and not any(word in draft for word in never), draft
