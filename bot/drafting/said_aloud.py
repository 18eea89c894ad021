"""What a careless clerk said aloud in QA round 32 that the drafts had printed as said (那个 as an item of a list,
老百姓不服告的, 镇里领导挺重视的, 解读做的少, 人大建议办了两件, wechat公众号, 网站网站, 视频发了10个左右), in the
words a report writes (`as_written`): read before the general table of `wording.formal`."""

from __future__ import annotations

import re

from ..rewrites import Rewrites
from ..rules.textscan import cn_to_int

_COUNT = r"[\d一二两三四五六七八九十百]+"
_PROPOSAL_KINDS = {"人大": "人大代表建议", "政协": "政协委员提案"}


def _digits(said: str) -> str:
    return said if said.isdigit() else str(cn_to_int(said) or said)


def _short_videos(m: re.Match[str]) -> str:
    """视频发了10个左右 → 发布短视频约10条: a video is counted in 条, and a rough count is said with 约."""
    rough = "约" if m.group("about") or m.group("around") else ""
    return f"发布短视频{rough}{_digits(m.group('n'))}条"


# a word typed twice (网站网站上发了30条): once is written (县政府政府信息, 公开工作工作人员 are two words each); apart
# from the table below, whose patterns join into one search only without a back reference (`rewrites.joined`)
_TYPED_TWICE = re.compile(r"(?!一|政府政府|工作工作人员)([\u4e00-\u9fff]{2,4})\1")

_TABLE = Rewrites((
    # an English word for the platform (wechat公众号): the Chinese name is the report's
    (re.compile(r"(?i)(?:wechat|weixin)\s*(?=微信)"), ""),
    (re.compile(r"(?i)(?:wechat|weixin)\s*"), "微信"),
    (re.compile(r"(?i)douyin\s*(?=抖音)"), ""),
    (re.compile(r"(?i)douyin\s*"), "抖音"),
    # 那个 alone between the items of a list (先审后发 那个 三审三校): the pause before a word, no item of it
    (re.compile(r"、(?:那个|这个|那啥)(?=、|$)"), ""),
    (re.compile(r"^(?:那个|这个|那啥)、"), ""),
    # 复议的话是一个老百姓不服告的: an application for review, as table 四 counts it (R9 holds it against the table)
    (re.compile(rf"^(?:那个)?(?:行政)?复议(?:的话|这块|方面)?(?:是|有|收到)?(?P<n>{_COUNT})(?:个|件)"
                r"[^，；、]{0,10}?(?:不服|告|起诉|申请|提)[^，；、]{0,6}$"),
     lambda m: f"收到行政复议{_digits(m.group('n'))}件"),
    (re.compile(r"老百姓(?![^“”]*”)"), "群众"),  # (a saying quoted keeps its words)
    # 镇里领导挺重视的: the leaders' attention, as a report states it; 镇里 before a word is the unit the draft names
    (re.compile(r"^(?:(?:镇|乡|街道|局|区|县)里的?|我们的?)?(?:主要)?领导(?:都|也|还|一直)?(?:挺|很|比较|非常|特别|蛮|高度)?"
                r"重视(?:的|了)?(?:这项工作|这块|政务公开(?:工作)?)?$"), "领导高度重视"),
    (re.compile(r"^(?:镇|乡|街道)里的?(?=[\u4e00-\u9fff]{2})"), ""),
    # 解读做的少: too few readings of policy, as 五 names the problem; 做的 before how it went is 做得
    (re.compile(r"^(?:政策)?解读(?:做|搞|弄|出)(?:的|得)(?:也|太|比较|有点|有些)?少(?:了)?$"), "政策解读数量较少"),
    (re.compile(r"(?<=[做干写])的(?=(?:较|比较|很|不|太|还|有点|有些|非常)?(?:少|多|好|差|慢|快|及时|到位|扎实))"), "得"),
    # 人大建议办了两件 → 办理人大代表建议2件; 都办完了 said after it → 均已办结
    (re.compile(rf"^(?:承办|办理)?(?P<who>人大|政协)(?:代表|委员)?(?:建议|提案)(?:办了?|办理了?|承办了?)(?P<n>{_COUNT})件$"),
     lambda m: f"办理{_PROPOSAL_KINDS[m.group('who')]}{_digits(m.group('n'))}件"),
    (re.compile(r"^(?:都|均|全部|全都)(?:已经?)?(?:办完|办结|办好)了?(?:的)?$"), "均已办结"),
    # 视频发了10个左右 → 发布短视频约10条
    (re.compile(rf"^(?:短)?视频(?:也|还)?(?:发了|发布了?|发|做了|拍了|出了|弄了|搞了)(?P<about>大概|约|差不多)?"
                rf"(?P<n>{_COUNT})(?:个|条|部)(?P<around>左右|上下)?$"), _short_videos),
))



def as_written(text: str) -> str:
    """`text` with what QA32's clerk said aloud written as a report writes it."""
    return _TABLE(_TYPED_TWICE.sub(r"\1", text))


__all__ = ["as_written"]
