"""The clerk's notes as material for 公文 prose, and the last polish of a drafted paragraph.

A note is what a clerk types on a phone: "没培训", "还有公开栏", "网站５６条 公众号120条", "搞了两次培训". Here each note
becomes one clean item in report wording (half-width digits with their measure word, no filler, no colloquial
negation, no subject of its own), and notes that state nothing (a bare number, 是/否, a command word) are dropped:
the drafts never print what the clerk did not say, and never print what was not meant as a statement.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import templates

from ..rewrites import Rewrites
from ..rules.names import ACCOUNT_BRANDS
from ..rules.textscan import FAMILIAR_NAME, cn_to_int
from ..spoken import (
    ACCOUNTABILITY,
    ACTIVITY,
    ASSESSED,
    DEGREE,
    END_PARTICLES,
    GOT_A_GRADE,
    GOT_A_PLACE,
    LAUGHING_PARTICLE,
    LIST_END,
    PUBLISHED_COUNT,
    ROUGH_COUNT,
    THIS_PART,
    TOPIC_BEFORE_FIGURE,
    VERBS_OF_DOING,
    WHOLE_DUTY,
    decoration_replaced,
)
from . import said_aloud

_CJK = r"\u3400-\u9fff"
_MEASURE = "条期次个件篇场人家项份余多年月日轮批"
# the separators of a clerk's list of notes (、 only separates notes that each state a count, see fact_items)
# a clause of consequence (，导致…, ，造成…) belongs to the note it follows: no break before it
CONSEQUENCE = r"(?:导致|造成|致使|以致|以至于|使得|从而|进而)"
_NOTE_BREAKS = re.compile(rf"[；;。\n\r]+|[，,](?![^“”]*”)(?!\s*{CONSEQUENCE})")
# what a clerk types that is not a statement: replies, commands, shrugs
_NOT_STATEMENTS = frozenset(
    "是 是的 否 不是 对 好 好的 行 可以 嗯 哦 无 没有 暂无 没 不知道 不清楚 同上 一样 默认 采用 采纳 确认 跳过 继续 "
    "重写 重新草拟 重新起草 再写一遍 清空 删除 修改 改 用我的原文 返回 取消 全文 预览 提交 查看 帮助".split()
)
_COMMAND = re.compile(r"^(?:重新草拟|重新起草|重写|改成|改为|换成|删除|删掉|清空|用我的原文|采用|不要|去掉)")
# 还有 before 个 is “there is also a”: it stays for the note's 有个 (有个公众号“…” → 运营公众号“…”)
_FILLER = re.compile(r"^(?:还有(?!一?个)|另外|然后|再就是|就是|以及|并且|而且|此外|同时还|同时|也|还(?!有一?个)|另|另有)\s*")
# what a clerk says before the answer itself, typing as they would speak: a sound, a hesitation, a reply to the bot
# (好的, 对 — only before a pause: 对外, 好评 are words), a remark about the message (补充一下, 再说一句), the speaker
# (我们这边). A report prints none of it; an answer keeps what follows.
_PAUSE = r"[\s，,、。.!！:：…~～—-]"
# 这个月, 那个星期: 这个 or 那个 before a span of time names it, never a pause of one looking for a word
_NOT_A_TIME = r"(?!月|年|季度|星期|周)"
_SPOKEN_LEAD = re.compile(
    r"^(?:(?:嗯|呃|唉|啊|哦|噢|喔)+"
    rf"|那个{_NOT_A_TIME}|这个嘛?{_NOT_A_TIME}|那啥|那么|那就是|就是说|怎么说呢?|怎么讲呢?|咋说呢?|是这样的?|其实|反正|总的来说|总之|所以说"
    r"|我觉得|我感觉|我记得|好像|貌似|印象中"
    rf"|(?:(?:好的?|好吧|好嘞|行|对的?|是的?|没错|额|唔|ok|okay|(?:让我|我)?想想|你看|你瞧)+(?={_PAUSE}|$))"
    r"|(?:再|还要?|另外|顺便|我)?(?:补充|说|讲|提)(?:一下|一句|一点|两句)|补充(?=[:：\s，,])|对了|还有一点|另外还有(?!一?个)"
    r"|(?:我们|咱们?|俺们?)(?:这边|这里|这儿|那边|单位|乡里|镇里|街道|乡|镇|局里|局|委|办)?"
    r"|这一?块(?:的话|嘛|呢)?"  # the topic said aloud before the answer: 这块都是先审后发的
    rf"){_PAUSE}*",
    re.I,
)
_SELF = re.compile(r"^(?:我|本)(?:乡|镇|街道|县|区|市|局|委|办|单位|机关|部门)(?:政府)?[，,]?")
# the year the whole report is about, said before a note — also as a pasted sentence says it (近年来，我乡…)
_YEAR_LEAD = re.compile(r"^(?:(?:(?:19|20)\d{2}\s*年度?)(?:[，,]|$)|(?:今年|本年度?)(?:以来)?[，,]?"
                        r"|(?:近年来|近年|一年来|年内)(?:[，,]|$))\s*")
# the mark a clerk types between the problems of 五 and what is done about them: 改进：, or 改进 said bare between two
# pauses (…更新慢 改进 明年争取配个专人), never the verb of a plan (改进工作方法)
BARE_IMPROVE_MARK = re.compile(r"(?:^|(?<=[、，,；;。\s]))(?:改进措施|改进情况|改进打算|整改措施|改进|整改)[、，,；;。\s]+")
# the mark a clerk types before what was done this year about the problems last year's report named (上年整改：, as
# the offer of 五（二） asks; 去年整改：, 上年度问题整改情况：): read before 改进：, whose 整改： it ends with
RECTIFIED_MARK = re.compile(r"[；;。，,\s]*(?:上一?年度?|去年)(?:存在的?)?(?:问题)?整改(?:情况)?\s*[:：]")
# a label the clerk typed before a note (改进：…, 问题：…): the paragraph says what the note is, never the label
_LABEL = re.compile(r"^(?:(?:改进措施|改进情况|改进打算|改进|整改措施|整改|存在问题|主要问题|问题|不足)\s*[:：]"
                    # the label said aloud: 问题的话就是…, 主要问题是…, 存在的问题有…
                    r"|(?:存在的?|主要的?)?(?:问题|不足)(?:的话|方面|这块|嘛|呢|啊)?[，,\s]*(?:就是|主要是|是|有))\s*")
# what a clerk adds on a phone that a published report never prints: laughter and a closing particle are taken off
# the note; a note that passes on what someone said, names a colleague or an applicant (小王, 老李), gives a phone
# number or a contact, or complains, is dropped whole (the clerk sees the facts listed without it)
_LAUGHTER = re.compile(r"哈{2,}|呵{2,}|嘿{2,}|嘻{2,}|[（(](?:笑|捂脸|狗头)[)）]")
# a particle ends a spoken clause, wherever the clause ends (80多条吧 公众号…); 哈 only after a measure or a particle
_END_PARTICLE = re.compile(rf"[{END_PARTICLES.replace(LAUGHING_PARTICLE, '')}]+(?=$|[\s，,、；;。])"
                           rf"|(?<=[\u3400-\u9fff]){LAUGHING_PARTICLE}+(?=$|[\s，,、；;。])"
                           r"|(?<=[\u3400-\u9fff])嘛(?=[\u3400-\u9fff])")  # 公开栏嘛每月都换: a pause after the topic
_PARTICLES = END_PARTICLES + "嘛"  # what every match of _END_PARTICLE takes


def without_end_particles(text: str) -> str:
    """`text` without the particles that end its spoken clauses (80多条吧 → 80多条)."""
    # a text without any particle is left alone: the pattern's lookbehinds would be tried at every character
    return _END_PARTICLE.sub("", text) if has_any(text, _PARTICLES) else text


def has_any(text: str, chars: str) -> bool:
    """Whether `text` holds one of `chars`: a pattern each of whose matches takes one of them cannot match where none
    is found, and a pattern that opens with a lookbehind is tried at every character of the text."""
    return any(c in text for c in chars)


_CHATTER = re.compile(
    # a hotline the unit opened (开通咨询电话) is a fact; someone's number, or "call me", is not
    r"1[3-9]\d{9}|\d{3,4}-\d{7,8}|(?:打|他|她|我|联系)电话|电话\s*[:：]?\s*\d|手机号|微信号|联系我|找我|问我|打我"
    r"|领导(?:说|讲|让|叫|很满意)|先(?:这样|这么)|这么写|就这样吧|凑合"
    rf"|{FAMILIAR_NAME.pattern}"
    r"|(?:忙|累|烦)死|太忙了|不太清楚|记不清|不记得"
)
_LIST_MARK = re.compile(r"^(?:\d+[.、．]|[（(]\d+[)）]|[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十][、.．]|[①-⑩]|[-*•·]"
                        r"|[一二三四五六七八九十]是(?![的否])|(?:其|第)[一二三四五六七八九十](?:[，,、：:]|是))\s*")

# --- activities: the one reading of what was done (培训, 考核, 评议 …), for the notes and for the drafts --------------

_ACCOUNTABILITY = ACCOUNTABILITY
_ACTIVITY = ACTIVITY
_ACTIVITY_NAME = rf"(?:组织|开展|进行|举办)?(?P<name>[{_CJK}“”]{{0,10}}?{_ACTIVITY})"
_SAID_DONE = r"(?:都|也|还|均)?(?:有的|有|是的|是|有开展|开展了|已开展|搞了|弄了|做了|有做|进行了|组织了|搞过|做过)(?:的)?"
_SAID_NOT_DONE = r"(?:都|也|还|均)?(?:没有|没|无|未|暂无|从未|不曾)(?:开展|搞|弄|做|进行|组织)?(?:过)?"
# the two orders a phone message puts it in: 考核有 · 考核：没有 · 评议也没搞 — and 有考核 · 没评议 · 无追究
_ACTIVITY_SAID = (
    (re.compile(rf"^{_ACTIVITY_NAME}\s*[:：]?\s*{_SAID_NOT_DONE}$"), False),
    (re.compile(rf"^{_ACTIVITY_NAME}\s*[:：]?\s*{_SAID_DONE}$"), True),
    (re.compile(rf"^{_SAID_NOT_DONE}\s*{_ACTIVITY_NAME}$"), False),
    (re.compile(rf"^(?:有|有开展|已开展|搞了|弄了|做了|整了|开展了|进行了|组织了)\s*{_ACTIVITY_NAME}$"), True),
)
_A_COUNT = re.compile(r"[\d一二两三四五六七八九十百]+\s*[次场期轮项个]")
_BARE_ACTIVITY = re.compile(rf"^[{_CJK}“”]{{0,10}}{_ACTIVITY}(?:工作)?$")


def activity_said(note: str) -> tuple[str, bool] | None:
    """(the activity, whether it was done) when a note says only that an activity was or was not carried out, in
    any of the colloquial orders (考核有, 有考核, 考核有的, 评议没搞, 没评议, 问责无, 保密审查都做了); None for
    any other note (网站没有 names no activity, 培训2次 says more than yes or no)."""
    text = note.strip(" 。.!！~～")
    for pattern, done in _ACTIVITY_SAID:
        m = pattern.match(text)
        if m and not _A_COUNT.search(m.group("name")):  # 搞了两次培训 says how often: a count, not a yes
            return m.group("name"), done
    return None


def names_an_activity(item: str) -> bool:
    """An activity named bare, with nothing said about it (保密审查, 政策解读, 业务培训): a thing done, which a
    paragraph introduces with 开展, never with 落实 or 公开."""
    return bool(_BARE_ACTIVITY.match(item))


# a short rule of work, as a clerk names one (一事一审, 先审后发, 三审三校, 保密审查制度): a measure, not a list's item
_A_MEASURE = re.compile(
    rf"“?(?:[{_CJK}]{{0,6}}(?:制度|机制|责任制|原则|办法|流程|程序|清单|台账|工作法)|先[{_CJK}]{{1,2}}后[{_CJK}]{{1,2}}"
    rf"|一[{_CJK}]一[{_CJK}]|[一二三]审[一二三](?:校|签)|专人(?:负责|专管|管理))”?")


# how the work just named went, judged bare (效果较好, 群众反响良好, 受到群众好评): no statement of its own, it
# belongs to the point before it
EVALUATION = (r"(?:(?:总体|整体|社会|群众)?(?:效果|反响|反映|成效|评价)(?:都|也|均)?(?:较好|良好|明显|显著|较为明显|积极)"
              r"|群众(?:比较|较为|十分|普遍)?满意|受到(?:群众|社会)(?:一致|广泛)?好评|取得(?:了)?(?:较好|良好|明显)(?:的)?(?:效果|成效))")


def names_a_measure(words: str) -> bool:
    """一事一审, 先审后发, 三审三校, 信息发布审核制度: a short rule of work named on its own."""
    return bool(_A_MEASURE.fullmatch(words))


def _activity_in_words(note: str) -> str:
    """A note that only says an activity was or was not done, as a report says it; any other note as it was."""
    said = activity_said(note)
    if said is None:
        return note
    name, done = said
    if re.search(f"(?:{_ACCOUNTABILITY})$", name):
        return "未发生责任追究" if not done else f"开展{name}"
    return f"已开展{name}" if done else f"未开展{name}"


# the accounts and columns a clerk names (公众号叫青山发布, 公众号青山发布), and what an account's name ends with (R13's
# account words: 发布, 政务, 之声 …)
_ACCOUNTS = "公众号|视频号|抖音号|微博|小程序"
_CARRIERS = f"{_ACCOUNTS}|专栏|栏目|网站"


def _rough_tens(m: re.Match[str]) -> str:
    """七八十 → 七十余: the lower of two neighbouring tens, and 余; two numerals apart (二五十) stay as said."""
    low, high = "一二三四五六七八九".index(m.group(1)), "一二三四五六七八九".index(m.group(2))
    return f"{m.group(1)}十余" if high == low + 1 else m.group()


def _proposals_said(m: re.Match[str]) -> str:
    """人大建议2件都办了 → 办理人大代表建议2件，均已办结 (templates/drafts/proposals_done.j2), the count said in words
    alike (三件)."""
    return templates.render("drafts/proposals_done.j2", kind=_PROPOSAL_KINDS[m.group("who")],
                            n=str(cn_to_int(m.group("n")) or m.group("n")) if m.group("n") else "",
                            answered=bool(m.group("answered"))).strip()


def _count_said_bare(m: re.Match[str]) -> str:
    """公众号一百五 → 公众号发布一百五十条: a platform's count said without its measure is of items published; 一百五
    is a hundred and fifty (the last 十 left unsaid), 一千二 twelve hundred."""
    n = m.group("n")
    if re.fullmatch(r"[一二两三四五六七八九][百千][一二两三四五六七八九]", n):
        n += "十" if n[1] == "百" else "百"
    return f"发布{n}{'余' if m.group('about') else ''}条"


_SPAN_SAID = {"月": "月", "季度": "季", "星期": "周", "周": "周"}  # 这个季度 → 当季, 这个星期 → 当周
_PROPOSAL_KINDS = {"人大": "人大代表建议", "政协": "政协委员提案"}  # by whose they are, as 六 names them
# each carrier as a fixed-width look-behind (Python's look-behinds take one width each)
_CARRIERS_LOOKBEHIND = "|".join(f"(?<={c})" for c in f"{_CARRIERS}|公开栏|宣传栏|公示栏|电子屏".split("|"))
_NAME_ENDINGS = "|".join(sorted((*ACCOUNT_BRANDS, "之声"), key=len, reverse=True))
# what follows an account word and is no name: what was published on it, how often (公众号信息发布及时, 公众号每周发布)
_NOT_A_NAME = r"信息|政务|政策|内容|文章|新闻|及时|定期|每|共|累计|全年|主要|也|都|还|已|上|里|中|和|及|与|等|当月|当季|当周"
_DONE_TO_THINGS = "制度|办法|机制|规定|规程|流程|目录|指南|台账|栏目|专栏|内容|方案|清单|细则"
_DONE_TO = {"补上": "补齐", "补全": "补齐"}
_PLACES = "村（社区）|村居|村组|社区|小区|站所|村|组"
# where a board or a screen stands, as a clerk names the spot (镇政府门口, 便民服务中心大厅)
_SPOT = "(?:门口|大门口|大厅|广场|院内|楼前|楼下|办公楼|服务中心|村委会|村部)"
# colloquial words and the words a published report uses; a small table, no NLP (applied in order, the runs of it
# that find nothing in a note passed over at once: `Rewrites`)
_FORMAL = Rewrites((
    # the stray words of a phone note (prose31, QA30): 主要是 leading a note only leads in (主要是镇政府网站专栏更新了);
    # 那边/这边 after a place says nothing (档案室那边整理了文件); 建了个目录 is 建立目录; 二十来份 is 二十余份; what last
    # year's report said (去年说的栏目不全) is the problem itself at 5.2, whose draft names last year's report
    (re.compile(r"^主要(?:就)?是(?=[^、，；]+了)"), ""),  # a deed only (…更新了): 主要是低保、医保等 leads a list
    (re.compile(r"(?<=[\u3400-\u9fff])(?:那边|这边|那块|这块)(?=[\u3400-\u9fff])"), ""),
    (re.compile(r"(?<=[\u3400-\u9fff]{2})(?:那块|这块|这一块|那一块)(?:的)?(?=$|[、，；])"), ""),  # 低保那块 → 低保
    (re.compile(r"(?:建|搭|设)了(?:一)?个"), lambda m: {"建": "建立", "搭": "搭建", "设": "设置"}[m.group()[0]]),
    (re.compile(r"(?<=[\d一二两三四五六七八九十百])来(?=[份条个件项次篇期场])"), "余"),
    (re.compile(r"^(?:去年|上年|上一年)(?:报告)?(?:里|中)?(?:说的|提的|提到的|指出的|讲的|说到的)"), ""),
    # 没有追责的: no one was held to account, as a report says it (it had been drafted 暂无追责的)
    (re.compile(r"^(?:暂|也|都|均)?(?:没有?|无|未)(?:发生|出现|进行)?(?:过)?(?:追责|问责|责任追究)(?:的|情况|的情况)?$"),
     "未发生责任追究"),
    # a platform said aloud (网站专栏调了一下，子栏目改成八个，公众号有，视频号没有): what was done to it or whether it
    # is run, as a report says it (调整网站专栏, 子栏目调整为9个, 运营公众号, 暂未开通视频号)
    (re.compile(r"^(?P<what>[\u3400-\u9fff]{2,8}?)(?:也|都)?(?:调整|调)了(?:一下)?$"), r"调整\g<what>"),
    (re.compile(r"(?<=栏目)(?:改成|改为|改到|调成|变成)(?=[\d一二两三四五六七八九十])"), "调整为"),
    (re.compile(r"^(?P<acct>(?:政务)?(?:微信)?(?:公众号|视频号|抖音号|微博|小程序))(?:也|都|还)?有(?:的)?$"),
     r"运营\g<acct>"),
    (re.compile(r"^(?P<acct>(?:政务)?(?:微信)?(?:公众号|视频号|抖音号|微博|小程序))(?:也|都|还|暂时?)?(?:没有?|无)(?:开通|开|做)?(?:的)?$"),
     r"暂未开通\g<acct>"),
    # 补了三个栏目: what was added, as a report says it (it had been drafted 补3个栏目)
    (re.compile(r"^(?:今年|本年)?(?:又|也)?补了?(?=\d)"), "补充"),
    # 考核纳入了: the work is in the assessment, whose name is kept (it had been drafted 将政务公开工作纳入，)
    (re.compile(r"^(?P<what>(?:年度|绩效|目标|综合)?考核)(?:也|都|均)?(?:已经?)?(?:纳入|列入)了?(?:的)?$"),
     lambda m: "纳入" + (m.group("what") if m.group("what") != "考核" else "年度考核")),
    # the spoken verbs of doing, as a report says them (搞了两次培训 → 开展2次培训): spoken.VERBS_OF_DOING, R17's fixes
    *VERBS_OF_DOING,
    # an assessment's result said aloud (年底县里考核政务公开得了优秀 → 在县年度考核中政务公开工作获评优秀), and 得了
    # before a grade or a place elsewhere (考核得了良好 → 考核获评良好), as R17 fixes them (spoken.ASIDES)
    ASSESSED, GOT_A_GRADE, GOT_A_PLACE,
    # 没超期的: none of the applications was answered late (before 没有 is read as 暂无 below)
    (re.compile(r"^(?:都|均|全部|全都)?(?:没有?|未|无)(?:一件|一个)?(?:超期|超时|逾期)(?:答复|办理)?(?:的)?$"),
     "均在法定期限内予以答复"),
    # 让办公室再配个人 → 由办公室增配1名工作人员: a hand added, as a report says it (配个人 had been printed as typed)
    # 没有配个人 is none added: the negation is read with it (it had been drafted 暂无增配1名工作人员)
    (re.compile(r"(?P<no>(?:都|也|还)?(?:没有?|未|无|不)(?:再|多|另)?)?(?:(?:让|请|由)(?P<who>[^，；、\d]{1,6}?))?"
                r"(?:再|多|另)?(?:配|加|派|增加|增配)(?:一|1)?个(?:人|人手)(?![\u3400-\u9fff])"),
     lambda m: templates.render("drafts/hand_added.j2", who=m.group("who") or "", not_added=bool(m.group("no"))).strip()),
    # 财政预决算都公开了 没有漏的: all of it published, none left out, as a report says it (never 暂无漏的)
    (re.compile(r"^([\u3400-\u9fff、]{2,12}?)(?<!的)(?:都|均|全部|全都)(?:已经?)?(公开|发布|归档|备案|整改|办结|录入|上网)(?:了|过了)$"),
     lambda m: f"{m.group(1)}均已{'公开' if m.group(2) == '发布' else m.group(2)}"),
    (re.compile(r"^(?:都|也)?(?:没有?|无)(?:漏|遗漏|落下|漏掉)(?:的|过)?$"), "无遗漏"),
    # 规范性文件没有新出的: none made this year, as 二 and a report say it
    (re.compile(r"^(?:行政)?规范性文件(?:今年|本年度?)?(?:都|也)?(?:没有?|未)(?:新)?(?:出|发|制发|出台|印发)(?:过)?(?:新的|的)?$"),
     "未制发行政规范性文件"),
    # 县里的培训 → 县级培训: a body's level as a report names it
    (re.compile(r"([县区市])里的(?=培训|会议|考核|检查|督查|评议)"), r"\1级"),
    # 十二个村都有 (公开栏 said just before): where it is found, as a report says it
    (re.compile(r"^(?:全镇|全乡|全街道)?(\d+|[一二两三四五六七八九十]+)个(村|社区|村（社区）|小区)(?:都|均|全)有$"), r"覆盖\1个\2"),
    # 千家万户都知道 → 家喻户晓: the idiom a report uses for it
    (re.compile(r"(?:让|使)?(?:千家万户|家家户户|老百姓|群众)(?:都|全都)(?:知道|晓得|了解)(?:了)?$"), "家喻户晓"),
    # 网站加了个专栏 → 网站增设专栏; 宣传单发了五千份 → 发放宣传单5000份; 也做了图解 → 制作图解
    (re.compile(r"(?:加了|添了|增加了|新加了|新增了?)(?:一)?个(?=专栏|栏目|专区|板块|子栏目)"), "增设"),
    (re.compile(r"^(宣传单|宣传册|宣传资料|宣传页|明白纸|明白卡|告知书|折页|手册)(?:也|共|都)?(?:发了|发放了?|发出|印发了?)"),
     r"发放\1"),
    (re.compile(r"^(?:也|还)?(?:做了|搞了|弄了|出了)(?=图解|解读|视频|海报|动漫|长图|短视频|H5)"), "制作"),
    # 群众不太知道: the public little aware, a problem of 五 (never a clerk's doubt, 不知道)
    (re.compile(r"(?:群众|老百姓|百姓|居民|村民)(?:都|还|对此)?(?:不太|不大|不怎么|不)(?:知道|了解)(?:的)?$"), "群众知晓度不高"),
    # 今年没人来申请: no application, as 三 says it (it had been noted 暂无人来申请)
    (re.compile(r"^(?:今年|本年度?|全年)?(?:都|也)?(?:没有?|无)(?:人|群众)(?:来|提出|提交|申请过)?(?:申请|提申请)(?:过)?(?:的)?$"),
     "未收到政府信息公开申请"),
    # 文件清理了一遍 → 开展文件清理; 政策文件清理了十来个 → 清理政策文件10余个; 网站专栏改了版 → 完成网站专栏改版
    (re.compile(r"^([\u3400-\u9fff]{2,8}?)(?:都|也)?清理了(?:一遍|一下|一次|一轮)?$"), r"开展\1清理"),
    (re.compile(r"^([\u3400-\u9fff]{2,8}?)(?:都|也)?清理了?(?=[\d一二两三四五六七八九十][^，；、]*[个件份条项]$)"), r"清理\1"),
    (re.compile(r"^([\u3400-\u9fff]{2,8}?)(?:也|都)?改了版$"), r"完成\1改版"),
    # 便民服务中心设了个查阅点: where a thing was set up is said with 在 (it had been drafted 建设便民服务中心设置…)
    (re.compile(r"^(?!在)([\u3400-\u9fff]{0,10}?(?:中心|大厅|服务站|便民站|门口|办公室|阅览室|档案室|村部|社区))(?:里|内)?"
                r"(?:也|还|都)?(?:设了|建了|设置了?|设立了?|建立了?)(?:一个|个)?(?=[\u3400-\u9fff]{2,10}$)"), r"在\1设置"),
    # 没收钱: no 信息处理费 was charged, as 六 states it (it had been drafted 另外，暂无收钱)
    (re.compile(r"^(?:都|也|一分钱都|一分钱也)?(?:没有?|未|不)(?:收过?|收取)(?:钱|费|费用|处理费)(?:的)?$"), "未收取信息处理费"),
    # 人大建议有2件都办了 → 办理人大代表建议2件，均已办结 (templates/drafts/proposals_done.j2)
    # (答复了 is what was said of them: 均已答复, never 均已办结)
    (re.compile(r"^(?:承办|办理|办了)?(?P<who>人大|政协)(?:代表|委员)?(?:建议|提案)(?:有?(?P<n>\d+|[一二两三四五六七八九十]+)件)?(?:都|均|全部|全都)?"
                r"(?:办了|办完了|办结了|办理了|已办结|办结|(?P<answered>答复了|已答复|已经答复了?))$"),
     _proposals_said),
    # 满意度95%: whose satisfaction, as 社会评议 states it (群众满意度达95%)
    # (群众满意度98% is written Chinese already and stays)
    (re.compile(r"^满意(?:度|率)(?:达到?|为|是|有)?(?=\d+(?:\.\d+)?[%％]$)"), "群众满意度达"),
    # 公开栏每个月都更新 → 公开栏每月更新: how often, as a report says it
    (re.compile(r"每个?(月|周|季度|星期|礼拜)(?:都|也都|均)?(?=更新|发布|推送|公开|调整|维护|检查|开展|召开|组织|发$|$)"),
     lambda m: "每" + ("周" if m.group(1) in ("星期", "礼拜") else m.group(1))),
    (re.compile(r"(?<=每[日周月])发$|(?<=每季度)发$"), "发布"),
    # 公开栏两个礼拜换一次 → 公开栏每两周更新 (it had been drafted 通过公开栏2个礼拜换开展1次)
    (re.compile(r"(?P<n>[两二三四2-4]|半)个(?P<unit>礼拜|星期|周|月)(?:都|就)?(?:换|更新)(?:一次|1次|一回|1回)"),
     lambda m: f"每{'两' if m.group('n') in '二2' else m.group('n')}{'周' if m.group('unit') != '月' else '个月'}更新"),  # 公众号每个礼拜都发 → 公众号每周发布
    # 抖音号发布10余个视频 → 抖音号发布视频10余个: what was published, then how many, as a platform's count is written
    (re.compile(r"(?:发布|发了|推送了?|制作了?)(\d+余?|[一二两三四五六七八九十百几来多余]+)(个|条|篇)(视频|短视频|图解|海报|长图|动漫|文章)$"),
     r"发布\3\1\2"),
    # 公众号每周发布 (每个礼拜都发): how often the platform published, a clause (never an item of what was covered)
    (re.compile(rf"^((?:微信)?(?:{_ACCOUNTS})|(?:政府)?网站)(每[日周月]|每季度|定期)(?:更新|发布|推送)$"), r"\2通过\1发布信息"),
    # 都按时答复的: each application answered in time, as a report says it
    # (没超期 said after it is the same: 都按时答复的 没超期, read as one list)
    (re.compile(r"^(?:都|均|全部|全都)?(?:是)?(?:按时|按期|及时)(?:答复|回复|办结|办理)(?:的|了)?"
                r"(?:、(?:都|均|也)?(?:没有?|未|无)(?:超期|超时|逾期)(?:答复|办理)?的?)?$"), "均在法定期限内予以答复"),
    # 没有泄密的, 没出过泄密: no secret leaked, as a report says it (never 暂无泄密的)
    (re.compile(r"^(?:都|均)?(?:没有?|无|未)(?:发生|出现|出)?过?(?:失泄密|泄密|泄露)(?:的|情况|事件|问题)?$"), "未发生泄密情况"),
    # 文件发之前都要领导审一下: what is published is checked first, and by whom, as a report says it
    (re.compile(r"^(?P<what>文件|信息|稿件|稿子|内容)?(?:发|发布|公开|上网)(?:之前|以前|前)(?:都|均)?(?:要|需要|得|会)?(?:经|让|给|由)?"
                r"(?P<who>(?:分管|主要|主管)?领导)?(?:审|审核|审批|把关|看)(?:过|一遍|一下)?$"),
     lambda m: templates.render("drafts/checked_first.j2", what=m.group("what") or "", who=m.group("who") or "").strip()),
    (re.compile(rf"没有?(?=(?!{_ACCOUNTABILITY}){_ACTIVITY})"), "未开展"),  # 没追责 is 未发生责任追究, below
    (re.compile(rf"^({_ACTIVITY})开展了?(?=\d|[一二两三四五六七八九十])"), r"开展\1"),  # 培训搞了一次 → 开展培训1次
    (re.compile(r"(?:没有?|未)出(?:过)?(?:错|差错|错误)(?:的)?$"), "未出现差错"),  # 没出过错 (never 未出现错)
    (re.compile(r"没有?出过|未出过"), "未出现"),
    (re.compile(r"没有?(?=开展|发生|收到|出现|组织|举办|发布|公开|制定|修订|建立|设置|开设|收取|作出|更新)"), "未"),
    (re.compile(r"^(?:无|没有?)(?:追究|追责|问责)$|(?<=[，；、])(?:无|没有?)(?:追究|追责|问责)(?=$|[，；、])"),
     "未发生责任追究"),
    (re.compile(r"^没有?(?=[^，；、]{2,})"), "暂无"),
    (re.compile(r"(?<![印下转分收签颁出开引配刊散派研爆激启触批抄核首复挥揭告拨])发了"), "发布"),
    (re.compile(r"按(规定|流程|程序|要求)走的?"), r"按\1办理"),
    (re.compile(r"(?<=[\d一二两三四五六七八九十百千])多(?=[条次个件篇场期项人])"), "余"),  # 三百多条 → 三百余条
    # 120条左右 → 约120条 (the drafts read a platform's count as 公众号约120条), said in words too (一百五十条左右)
    (re.compile(r"([\d一二两三四五六七八九十百千]+(?:\.\d+)?余?[条次个件篇场期项人轮批])(?:左右|上下)"), r"约\1"),
    # spoken asides around a figure or a list (公众号的话大概两百条 → 公众号约两百条, 征兵那些 → 征兵等), as R17 fixes
    # them in a final text (spoken.ASIDES); 大概 before a figure moves before the number
    TOPIC_BEFORE_FIGURE, LIST_END, ROUGH_COUNT,
    (re.compile(rf"(?<=[，、；])(?:还有|另外|然后|再就是)(?:(?:那个|这个){_NOT_A_TIME})?"), ""),
    (re.compile(r"(?<=主要|重点)就是"), "是"),  # 主要就是网站改版 → 主要是网站改版
    # more of what is said aloud, as a report says it: 网站弄了80条 → 网站发布80条, 一百来条 → 一百余条, 一回 → 1次,
    # 好几个 → 多个, 有时候 → 有时, 有个人管这个 → 明确专人负责, 好好学习 → 认真学习, 没啥问题 → 暂无问题
    # 公众号也有七八十条: what a platform has in a count of items is what it published (it had been drafted 内容涵盖…也有…)
    (re.compile(rf"(?:{_CARRIERS_LOOKBEHIND})(?:上|里)?(?:也|还|都)?有(?=[\d一二两三四五六七八九十百几]+[余多来]?[条篇期])"), "发布"),
    # 七八十条, 二三十条: two neighbouring numerals said for a rough count, as a report writes one (七十余条 → 70余条)
    (re.compile(r"([一二三四五六七八])([二三四五六七八九])十(?=[条次个件篇场期项人])"), _rough_tens),
    PUBLISHED_COUNT,
    # 宣传栏弄了12期 (read 宣传栏发布12期 just above): a board's issues are updates, as the draft says them
    (re.compile(r"(?<=公开栏|公示栏|宣传栏|信息栏|公告栏)发布(?=[\d一二两三四五六七八九十]+\s*期$)"), "更新"),
    (re.compile(r"(?<=[\d一二两三四五六七八九十百千])来(?=[条次个件篇期项])"), "余"),
    (re.compile(r"(?<=[一二两三四五六七八九十百])几(?=[条次个件篇期项])"), "余"),  # 二十几条 → 二十余条
    (re.compile(r"^几十(?=[条次个件篇期项])|(?<=[^\d一二两三四五六七八九十百])几十(?=[条次个件篇期项])"), "数十"),
    (re.compile(r"(?<=[\d一二两三四五六七八九十])回(?![复应访])"), "次"),
    (re.compile(r"好几(?=[个次条项件篇期])"), "多"),
    (re.compile(r"有时候"), "有时"),
    (re.compile(r"(?:专门)?有个?(?:人|专人)(?:在)?(?:管|负责)(?:这个|这块|这事|这项工作)?$"), "明确专人负责"),
    (re.compile(r"好好(?=学习|落实|研究|贯彻|执行)"), "认真"),
    (re.compile(r"^(?:没有?|无|暂无)(?:啥|什么)(?=问题|困难|不足|差错|错误)"), "暂无"),
    (re.compile(r"(?:挺|很|比较)?严的$"), "严格"),
    (re.compile(r"(?<=重视|满意|规范|及时|严格|较好|良好|很好)的$"), ""),
    # how it went, said aloud (效果不错, 反响挺好): as a report judges it
    (re.compile(r"(效果|反响|反映|成效|评价)(?:都|也|还)?(?:不错|还可以|还行|挺好|蛮好|较好)的?$"), r"\1较好"),
    # a work said done well (问答服务搞得不错, 公开栏弄得挺好): the work, and how it went as a report judges it
    (re.compile(r"^(.{2,12}?)(?:搞|弄|做|整)得(?:都|也|还)?(?:不错|还可以|还行|挺好|蛮好|很好|较好)的?$"), r"\1成效较好"),
    (re.compile(r"(效果|反响|反映|成效|评价)(?:都|也|还)?(?:很好|特别好|非常好)的?$"), r"\1良好"),
    # how some of the applications came in, and that they were answered in time, as a report says it
    (re.compile(r"^(?:其中)?有?(?P<n>[\d一二两三四五六七八九十]+)\s*(?:个|件)(?:申请)?(?:是|为)?(?:通过)?"
                r"(?P<how>邮寄|信函|来信|寄来|快递|电子邮件|邮箱|网上|网络|在线|当面|现场|窗口|传真)"
                r"(?:的|来的|申请的|提交的|提出的|方式)?$"), lambda m: _some_by_channel(m)),
    (re.compile(r"^(?:都|均|全部|全都)(?:是)?(?:按时|及时|按期|在期限内|在规定时间内)(?:答复|回复|办结)(?:了|的)?"
                r"(?:[，,]?(?:都|均|也)?(?:没有?|未|无)(?:超期|超时|逾期)(?:的)?)?$"), "均在法定期限内予以答复"),
    # what one application asked and where the applicant was sent, as said aloud (有个是问征地补偿标准的告知他去找县
    # 自然资源局了 → 有1件申请涉及征地补偿标准，已告知申请人向县自然资源局咨询): the applicant is 申请人, never 他
    (re.compile(r"^(?:其中)?有(?:一个|个|一件|1个|1件)(?:申请)?(?:人)?(?:是)?(?:问|咨询|询问|查询|想要|要|申请公开|申请)"
                r"(?P<what>[^，；、的]{2,20})的(?:[，,]?(?P<rest>[^，；、]+))?$"),
     lambda m: f"有1件申请涉及{m.group('what')}" + (f"，{m.group('rest')}" if m.group("rest") else "")),
    (re.compile(r"(?<=告知|通知|答复|回复|提醒|引导|建议)(?:他|她)们?"), "申请人"),
    (re.compile(r"^(?:已经?)?(?:给|向|为)(?:他|她)们?(公开|提供|答复|回复|邮寄|寄送)了?$"), r"已向申请人\1"),  # 给他公开了
    (re.compile(r"(?<=告知申请人)(?:去|到)?找([^，；、]{2,15}?)(?:咨询|问问?|申请)?(?=了?(?:$|[，；、]))"), r"向\1咨询"),
    (re.compile(r"(?:^|(?<=，))告知(申请人[^，；、]+?)了$"), r"已告知\1"),
    # 考核纳入了年度考核 → 纳入年度考核; 网站用的区里的 → 网站依托区政府门户网站
    (re.compile(r"^(?:考核|政务公开(?:工作)?)?纳入了?"), "纳入"),
    (re.compile(r"^(?:网站|门户网站)(?:用的|用|是用的|依托的|挂在)(县|区|市)里?的?(?:网站|平台)?的?$"), r"依托\1政府门户网站公开政府信息"),
    # 电子屏也设置了 → 电子屏设置了, 公众号也发布约50条 → 公众号发布约50条: 也 ties a note to one said before it
    (re.compile(r"(?<=[\u3400-\u9fff]{2})也(?=设置|开展|建立|开通|开设|制作|更新|发布|推送|公开)"), ""),
    # a plan or a problem said aloud: 配个专人 → 配备专人, 多弄点图解 → 增加图解, 解读也少 → 解读较少, 不太及时 → 不够及时
    (re.compile(r"(?<![增分调搭装适])配(?:了|上)?(?:一个|一名|个|名)?(?=专人|专职|人员|工作人员|联络员|信息员)"), "配备"),
    (re.compile(r"多(?:弄|搞|做|出|发|开展)(?:点|些|一些|一点)"), "增加"),  # 多搞点解读 (搞 read as 开展 above)
    (re.compile(r"^人(?:也|太|比较|有点|有些)?少$"), "工作人员较少"),
    (re.compile(rf"(?<=[{_CJK}])(?:也|太|比较|有点|有些)少$"), "较少"),
    (re.compile(r"不太够|不太(?=及时|规范|完善|全面|到位|准确|丰富)"), "不够"),
    # 多搞几次培训 → 增加培训频次: “几次” is no count a report prints
    (re.compile(rf"多(?:开展|组织|举办|进行|搞|弄|做)?几(?:次|场|期|轮)([{_CJK}]{{1,8}}?)(?=$|[，；、])"), r"增加\1频次"),
    # the topic said aloud: 网站这块我们是依托县政府网站的 → 网站依托县政府网站 (the draft gives the subject); 这块 as
    # R17 fixes it (spoken.THIS_PART)
    THIS_PART,
    (re.compile(rf"(?<=[{_CJK}])(?:这方面|方面的话)(?=[{_CJK}])"), ""),
    (re.compile(rf"(?<=[{_CJK}])(?:我们|咱们|俺们)(?=[{_CJK}])"), ""),
    (re.compile(r"(?:^|(?<=[\u3400-\u9fff]))是((?:依托|通过|利用|按照|由|在|用)[^，；、]+?)的$"), r"\1"),
    (re.compile(r"(?:^|(?<=[\u3400-\u9fff]))(?:都|均|一直|一般)是([^，；、]+?)的$"), r"\1"),  # 都是先审后发的 → 先审后发
    # 修订了一下 → 修订了; 要领导审一下 → 要领导审: 一下 softens a verb and says no more, never that it was done
    (re.compile(r"(?<=[\u3400-\u9fff])(了?)一下(?=$|[，；、])"), r"\1"),
    # 公众号那个也发了一百来条: 那个 after a carrier is the pause of one looking for a word, never the account's name
    # (it had been drafted 公众号“那个发布”)
    (re.compile(rf"(?:{_CARRIERS_LOOKBEHIND})(?:那个|这个){_NOT_A_TIME}(?=[\u3400-\u9fff\d])"), ""),
    # 公众号这个月发了5条: the span said as a report says it (当月), never a bare 月 (it had been drafted 公众号月发布5条)
    (re.compile(r"(?:这个|这)(月|季度|星期|周)"), lambda m: "当" + _SPAN_SAID[m.group(1)]),
    (re.compile(r"上个(月|季度|星期|周)"), lambda m: "上" + _SPAN_SAID[m.group(1)]),  # 上个月 → 上月
    (re.compile(r"^全覆盖$"), "实现全覆盖"),  # 全覆盖 said on its own: what was achieved, a clause
    # 公众号那个一百五 (那个 gone above): a platform's count said bare, never printed 公众号一百五
    (re.compile(rf"(?:{'|'.join(f'(?<={c})' for c in ('公众号', '视频号', '抖音号', '微博', '网站'))})(?:上|里)?"
                r"(?:也|还|都)?(?:发了|发布|有)?(?P<n>\d{2,}|[一二两三四五六七八九十]*[十百千][一二两三四五六七八九十百千]*)"
                r"(?P<about>来|多)?$"), _count_said_bare),
    # a name said with 叫: 公众号叫青山发布 → 公众号“青山发布”
    (re.compile(rf"({_CARRIERS})(?:(?:的)?(?:名字|名称)(?:叫做|叫作|叫|是|为)|叫做|叫作|名叫|叫)“?([^，；、“”\s]{{2,12}}?)”?"
                r"(?=$|[，；、])"), r"\1“\2”"),
    # a name said right after the account word, as an account is named (公众号青山发布, 视频号青山之声): quoted alike
    (re.compile(rf"((?:微信)?(?:{_ACCOUNTS}))(?!{_NOT_A_NAME})([{_CJK}]{{2,8}}?(?:{_NAME_ENDINGS}))"
                rf"(?=$|[，；、。]|发布|推送|转发|更新|每|累计|共|全年|\d)"), r"\1“\2”"),
    # a column set up on a platform, said as a phone note (网站设政府信息公开专栏): where, then what was set up
    # (县里的网站上有个专栏: the level said aloud before the site is the government's whose site it is)
    (re.compile(r"^(?:(?P<level>[县区市镇乡])(?:里的?|的))?"
                r"(?P<site>(?:[县区市镇乡]?政府)?(?:门户)?网站|(?:微信)?公众号)(?:上|里)?(?:也|还)?"
                r"(?:设置了?|设立了?|开设了?|设了|设|开了|建了|有)(?:一个|个)?"
                r"(?P<what>[^，；、]{0,16}?(?:专栏|栏目|专区|板块))$"),
     lambda m: f"在{m.group('level') or ''}{'政府' if m.group('site') in ('网站', '门户网站') else ''}{m.group('site')}"
               f"设置{m.group('what')}"),
    # 今年 said inside a note, before what was (not) done: the report's year, as the report names it (社会评议今年没搞
    # → 社会评议本年度未开展); a date (今年3月) stays for the clerk to read
    (re.compile(r"(?<=[\u4e00-\u9fff])今年(?=未|没有?|已|均|都|共|累计|开展|组织|举办|完成|召开)"), "本年度"),
    # a result said with 是 (考核结果是良好): a report states it with 为
    (re.compile(r"(?<=结果)是(?=优秀|良好|合格|称职|达标|先进|好)"), "为"),
    # 公开栏也弄了: a board said first, then that it was put up
    (re.compile(r"^(?P<board>[^，；、]{0,8}?(?:公开栏|公示栏|宣传栏|信息栏|展板|电子屏))(?:也|还|都)?"
                r"(?:弄|搞|做|整|建|设置|设)了$"), r"设置\g<board>"),
    # 设置了宣传栏12期 (弄了宣传栏12期 as the spoken verbs read it): the issues are what the board carried, as the
    # draft says it — the notes shown say the same (宣传栏更新12期), never the setting up of 12 boards
    (re.compile(r"^(?:设置|开设|设立)了?(?P<board>[^，；、\d]{0,8}?(?:公开栏|公示栏|宣传栏|信息栏|公告栏|橱窗|展板))"
                r"(?=[\d一二两三四五六七八九十]+\s*期$)"), r"\g<board>更新"),
    # 有个公众号“青山发布” → 运营公众号“青山发布”: the account the unit has is the one it runs
    (re.compile(rf"^(?:有|还有|也有)(?:一个|个)?(?=(?:微信)?(?:{_ACCOUNTS})“)"), "运营"),
    (re.compile(r"^((?:政务)?(?:公众号|视频号|抖音号|微博号?))(“[^”]+”)$"), r"运营\1\2"),  # the account named alone
    # an event held, a platform opened, a site redone, as said aloud: 办了个…活动 → 举办了…活动, 新开了公众号 → 新开通了公众号,
    # 网站改版了 → 完成了网站改版
    (re.compile(r"办了?(?:一个|个|一场|场|一次|次)(?=[^，；、。]{0,12}(?:活动|日|会|讲座|培训班))"), "举办了"),
    (re.compile(r"(?<!公)开了(?=[^，；、]{0,6}(?:公众号|视频号|抖音号|专栏|栏目|微博|热线))"), "开通了"),
    (re.compile(r"^(主要是)?((?:门户)?网站|专栏|栏目|平台)(?:今年|也|都)?改版了$"), r"\1完成了\2改版"),
    (re.compile(r"^((?:门户)?网站|专栏|栏目|平台|公众号)(?:进行)?改版$"), r"对\1进行改版"),  # 网站改版 → 对网站进行改版
    # 镇政府门口有电子屏 → 在镇政府门口设置电子屏: where a board or a screen stands, and what it is
    (re.compile(rf"^(?P<where>[{_CJK}]{{1,10}}?{_SPOT})(?:都|也|还)?(?:有|设有|装有|装了|安装了|放了)(?:一块|块|一个|个|一面|面)?"
                r"(?P<what>[^，；、]{0,8}?(?:屏|栏|查阅点|查阅室|资料架|终端|一体机))$"), r"在\g<where>设置\g<what>"),
    # a degree said aloud: 更新慢了点 → 更新较慢
    (re.compile(r"(慢|少|差|低|晚|弱)了?(?:一?点|一?些)(?:儿)?$"), r"较\1"),
    # how often, said aloud: 一个月换一次 → 每月更新 (not a count of 1个, and not 换)
    (re.compile(r"(?:一个月|每个?月|一月)(?:换|更新|更|换新)(?:一次|1次|一回)"), "每月更新"),
    (re.compile(r"(?:一周|每周|一个星期|每个?星期|一星期)(?:换|更新|更|发)(?:一次|1次|一回)"), "每周更新"),
    (re.compile(r"(?:一个季度|每个?季度)(?:换|更新|更)(?:一次|1次|一回)"), "每季度更新"),
    # 更新及时点 → 及时更新: a plan said as a wish
    (re.compile(rf"^([{_CJK}]{{2}})及时(?:一?点|一?些)$"), r"及时\1"),
    (re.compile(r"(社区|村级|村|镇|乡|街道)的(?=公开栏|宣传栏|公示栏|电子屏|显示屏)"), r"\1"),  # 社区的公开栏
    # the thing first, then what was done to it, as said aloud: 制度今年修订了 → 修订了制度, 栏目补上 → 补齐栏目
    # (an item of a list alike: 多开展培训、把栏目都补上)
    (re.compile(rf"(?:^|(?<=[、，；]))把?(?P<thing>[{_CJK}“”]{{0,10}}(?:{_DONE_TO_THINGS}))(?:今年|本年度?|年内)?"
                r"(?:也|都|已经?|又)?(?P<verb>修订|修改|制定|建立|完善|健全|更新|出台|印发|调整|补上|补齐|补全)(?P<done>了)?"
                r"(?=$|[、，；])"),
     lambda m: _DONE_TO.get(m.group("verb"), m.group("verb")) + (m.group("done") or "") + m.group("thing")),
    # what a clerk says of the whole duty, as a report says it (spoken.ASIDES, as R17 fixes it)
    WHOLE_DUTY,
    # 公众号也发了一些: a channel that was used, with no count to print
    (re.compile(r"^(.*?(?:公众号|视频号|网站|专栏|公开栏|平台|微信群|群))(?:也|还)?(?:发布|推送|更新|公开)了?"
                r"(?:一些|一点|些|不少|部分)(?:信息|内容)?$"), r"通过\1发布信息"),
    # 约 said before the verb (约发了200条): it qualifies the count (发布约200条)
    (re.compile(r"约(发布|推送|更新|公开|张贴|刊发|上传)(?=\d)"), r"\1约"),
    # a carrier the clerk says the unit has (我们有网站专栏): the carrier is the note
    (re.compile(r"^(?:有|还有|也有)(?:一个|个)?(?=[^，；、]{0,10}(?:栏|专栏|网站|公众号|视频号|平台|微信群|显示屏|电子屏)$)"),
     ""),
    # the website said to rest on the county's (网站这块我们是依托县政府网站的 → 网站依托县政府网站)
    (re.compile(r"^(?:政府)?(?:网站|门户网站)(?:是)?(依托|借助|使用)((?:县|区|市)[^，；、]{0,10}(?:网站|平台))的?$"),
     r"依托\2公开政府信息"),
    # problems said aloud, as a report names them
    (re.compile(r"(?:^|(?<=[、，；]))(?:人员|人手|人)(?:不够|不足|太少|较少|少|紧张)(?=$|[、，；])"), "工作人员不足"),
    (re.compile(r"^(?:(?:都|均|全|全部)是)?兼职(?:的|人员)?$"), "工作人员均为兼职"),  # 都是兼职的 (已读作 兼职)
    # 就我一个人兼着搞 → 仅有1名兼职工作人员; 有时候更新慢 (有时候 read as 有时 above) → 信息更新有时不够及时
    (re.compile(r"^(?:就|只有|只|仅有?)(?:我|俺)?(?:一|1)个?人(?:在)?兼(?:着|职)?(?:搞|做|干|弄|管|开展)?(?:的)?$"), "仅有1名兼职工作人员"),
    (re.compile(r"^有时(?:信息)?更新(?:比较|有点|有些|较)?慢(?:了?一?点|了?一?些)?$"), "信息更新有时不够及时"),
    # 更新有时候慢 (said the other way round), 兼职的多 (a report: 兼职人员较多)
    (re.compile(r"^(?:信息)?更新有时(?:比较|有点|有些|较)?慢(?:了?一?点|了?一?些)?$"), "信息更新有时不够及时"),
    (re.compile(r"^兼职(?:的|人员)?(?:比较|较|太|很)?多$"), "兼职人员较多"),
    # read in a demo report (QA30 follow-up): 一个人兼好几样 → 工作人员身兼多职, 公开栏有时候忘了换 → 公开栏更新有时不够及时
    (re.compile(r"^(?:一|1)个?人(?:要|得)?兼(?:着)?(?:好几样|好几个|好多|多样|多个|多项|几样|几个)(?:工作|活|事|岗)?(?:儿)?$"),
     "工作人员身兼多职"),
    (re.compile(rf"^([{_CJK}]{{2,6}}?)有时(?:会)?忘(?:了|记)?(?:换|更新|贴|发|上传)$"), r"\1更新有时不够及时"),
    # read in a demo county report: 政务公开专区也建起来了 → 建成政务公开专区, 门户网站和部门网站集约化了 → 推进门户网站
    # 和部门网站集约化, 新媒体矩阵也有 → (建设)政务新媒体矩阵, 信息发布前都要领导签字 → 信息发布前须经领导审核签字
    (re.compile(rf"^([{_CJK}“”]{{2,12}}?)(?:也|还|都)?(?:建|搭|设|弄|搞)起来了?$"), r"建成\1"),
    (re.compile(rf"^([{_CJK}“”]{{2,14}}?)集约化(?:了|建设了)$"), r"推进\1集约化"),
    (re.compile(r"^(?:政务)?新媒体矩阵(?:也|还|都)?(?:有|建了|搞了|弄了)(?:的)?$"), "政务新媒体矩阵"),
    (re.compile(rf"^([{_CJK}]{{0,6}}(?:公众号|视频号|微博))(?:也|还|都)有(?:的)?$"), r"\1"),
    (re.compile(r"^(信息)?(?:发布|公开|上网)前(?:都|均|全)?(?:要|得|需要?)(?:经过?)?领导签(?:个|一下|下)?字(?:审核)?(?:的)?$"),
     lambda m: f"{m.group(1) or '信息'}发布前须经领导审核签字"),
    (re.compile(r"(?:搞|弄|做|出)(?:点|些|一些|一点)(?=图解|解读|视频|海报|动漫|长图|短视频)"), "制作"),
    # 视频号也开了 (a demo street report) → 开通视频号
    (re.compile(rf"^([{_CJK}]{{0,6}}(?:公众号|视频号|抖音号|微博|头条号|专栏|专区))(?:也|还|都)?开(?:了|通了|起来了)$"),
     r"开通\1"),
    # the year's work said aloud (把公开栏都换新了 → 更新公开栏, 搞了个政务公开日 → 开展政务公开日活动)
    (re.compile(r"^(?:[^把，；、]{0,6}把)?([^把，；、]{2,8}?)(?:都|全部|全|统一)?换(?:新|成新的)了?$"), r"更新\1"),
    (re.compile(r"^(?:搞|弄|办|做|整|开)了?(?:一个|个|一次|一场|场|次)?((?:政务公开|政府开放|公众开放|开放|宣传)(?:日|周|月))(?:活动)?$"),
     r"开展\1活动"),
    (re.compile(rf"^([{_CJK}]{{2,6}}?)有的是空的$|^有的([{_CJK}]{{2,6}}?)是空的$"), lambda m: f"部分{m.group(1) or m.group(2)}内容空缺"),
    (re.compile(r"^(?:群众|老百姓|居民|村民)(?:知道|了解)的(?:不多|少|很少|太少)$"), "群众知晓度不高"),
    (re.compile(rf"(?<=[{_CJK}]{{2}})(?<![较很太多减缺])少$"), "较少"),  # 解读少 → 解读较少
    (re.compile(r"重点是"), "重点为"),
    (re.compile(r"^(?:啥的|什么的|之类的)"), ""),
    (re.compile(r"(?:啥的|什么的|之类的)"), "等"),
    # where something is found everywhere: 公开栏每个社区都有, 每个村都有公开栏 → 公开栏覆盖各社区 / 各村
    (re.compile(rf"^(.+?)[、，]?在?(?:各|每个)({_PLACES})(?:都|均)?有$"), r"\1覆盖各\2"),
    (re.compile(rf"^(?:各|每个)?({_PLACES})里?的?(公开栏|宣传栏|公示栏)(?:都|均)有$"), r"\2覆盖各\1"),  # 村里的公开栏都有
    (re.compile(rf"^在?(?:各|每个)({_PLACES})(?:都|均)?有(.+)$"), r"\2覆盖各\1"),
    (re.compile(rf"[、，]?在?(?:各|每个)({_PLACES})(?:都|均)有(?=$|[，、；])"), r"覆盖各\1"),
    (re.compile(r"(?<=评议|测评|调查|评价)(?=满意率|满意度为|满意度达)"), "，"),
    DEGREE,  # 挺好 → 较好, as R17 fixes it; any other 挺 or 蛮 goes
    (re.compile(r"挺|蛮|比较(?=好|多)"), ""),
    # 有个便民服务站: what the unit has is the note (个别 is no count: 有个别村 stays)
    (re.compile(rf"^(?:还有|也有|有)(?:一个|个)(?!别)(?=[{_CJK}])"), ""),
    # 考核结果县里还没出: a result not yet out, as a report states it (县里 and 还没出 had reached the draft)
    (re.compile(r"(?P<what>考核|考评|评议)结果(?:县里|区里|市里|上级)?(?:还没有?|尚未|还未|没有?)(?:出|公布|下来|出来)(?:呢)?$"),
     lambda m: templates.render("drafts/check_result.j2", what=m.group("what"), not_out=True, got=False,
                                      grade="").strip()),
    # 评议本年度未开展 (评议今年没搞): 未开展评议, as 监督保障 names what was not held
    (re.compile(r"^(考核|考评|评议|社会评议)(?:本年度|今年|全年)?未开展$"), r"未开展\1"),
))
# a whole numeral, however long (一百二十三 is five characters: a shorter limit left its 一 behind, 一123条). It starts
# with a digit's word: a bare 千, 万 or 百 begins an idiom (千家万户, 千人座谈会, 百家争鸣), never a count
_CN_COUNT = re.compile(r"(?<!数)了?([一二两三四五六七八九十][一二两三四五六七八九十百千万零〇]{0,11})"
                       r"(?=余?[次场期轮条篇件个项份家人](?!性|月|星期|季度))")
# the set phrases of 公文 that hold a numeral and a measure word: their numeral is part of the name, never a count
_NUMBERED_PHRASE = re.compile(
    r"两个(?:维护|确立|责任|毫不动摇)|四个(?:意识|自信|全面)|三个(?:代表|务必|区分开来)|八项规定|三项制度|"
    r"一件事|(?<=跑)一次|一次(?:办好|办成|办|告知)|一条龙|一个窗口|一个(?:不落|不少)|一[人户村]一档|"
    r"一[件条篇项事个]一[审核档查议办策]")  # 一件一审, 一事一议: one each, never 1件一审


# full-width digits and Latin letters (０–９, Ａ–Ｚ, ａ–ｚ) and their ASCII forms: one str.translate, not a Python loop
# over every character of every paragraph
_HALF_WIDTH = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFF10, 0xFF5B) if chr(cp).isalnum()}


_FULL_WIDTH = re.compile(f"[{''.join(map(chr, _HALF_WIDTH))}]")


def half_width(text: str) -> str:
    """Full-width digits and Latin letters as ASCII (２９０件 → 290件); Chinese punctuation stays full-width."""
    # translate looks every character up in the table: a text without one to change (nearly all) is only searched
    return text.translate(_HALF_WIDTH) if _FULL_WIDTH.search(text) else text


# a reply to the bot rather than a note, however often it is said: 好的好的, 嗯嗯, 收到收到, OK
_ACKNOWLEDGEMENT = re.compile(r"(?:好的?|好嘞|嗯|哦|噢|行|对的?|是的?|收到|明白|知道了|没问题|ok|okay)+了?", re.I)


def is_statement(note: str) -> bool:
    """Whether a note states something: not a bare number, a yes/no, an acknowledgement, a command word or a lone
    character."""
    word = re.sub(r"[\s。，、；：！？!?.,;:]+", "", note)
    if len(word) < 2 or word in _NOT_STATEMENTS or _COMMAND.match(word) or _ACKNOWLEDGEMENT.fullmatch(word):
        return False
    if re.fullmatch(r"[\d.%％元件条次个]+|(?:(?:19|20)\d{2}年度?|今年|全年|本年度?)", word):
        return False  # a bare figure, or only the year the whole report is about
    return bool(re.search(f"[{_CJK}]", word))


# “nothing more to say”, however it is said: a statement of nothing, never a note (暂无别的要说的了 is no sentence)
_NOTHING_MORE = re.compile(
    r"(?:(?:暂|也|都|均|就|再|确实)?(?:没有?|无)(?:啥|什么|别的|其他的?|其它的?|另外的?|其他情况|其他事项|此|特别的?|特殊的?|相关的?)?"
    r"(?:需要|要|可|好|能)?(?:说|讲|报告|补充|写|汇报)?的?(?:东西|内容|事情|事项|事|情况)?|"
    r"(?:别的|其他的?|其它的?|另外的?)(?:事项|情况|事)?(?:都|也|就|暂|再)?(?:没有?|无)(?:啥|什么)?(?:要说|可说|要补充|要写)?(?:的)?|"
    r"(?:大概|大致|差不多|基本上?|应该|暂时)?(?:也)?就(?:这些|这么多|这样|这几项|这几样)|(?:没有?|无)(?:别的|其他的?)(?:了))了?"
    rf"[{END_PARTICLES}]?"
)


# the pauses a statement of nothing is said with, taken out before `says_nothing_more` and `says_none_of` read it:
# 其他的，都没有了 and 其他的, 都没有了 (a phone's Latin keys) say the same
_PAUSES = re.compile(r"[\s。，、；！!.~～,;]+")


def says_nothing_more(note: str) -> bool:
    """没有别的要说的了, 其他没有了, 就这些, 无, 均无, 无此情况: the clerk has nothing (more) to report. The one reading
    of "nothing" for the notes, the facts answers and the replies to a draft."""
    return bool(_NOTHING_MORE.fullmatch(_PAUSES.sub("", note)))


def says_none_of(note: str, subjects: tuple[str, ...]) -> bool:
    """没有申请, 暂无申请, 一件申请也没收到, 本年没有复议和诉讼: the note says only that there was none of `subjects`."""
    return bool(subjects) and bool(_none_of(subjects).fullmatch(_PAUSES.sub("", note)))


@lru_cache(maxsize=16)
def _none_of(subjects: tuple[str, ...]) -> re.Pattern[str]:
    subject = "|".join(sorted(map(re.escape, subjects), key=len, reverse=True))
    several = rf"(?:{subject})(?:[和、及或与]?(?:{subject}))*"
    none = r"(?:也|都|均|暂|确实|还|并)?(?:没有?|无|未)(?:人|任何)?(?:收到|接到|发生|出现|有)?过?(?:任何)?"
    before = rf"(?:本年度?|今年|全年|一年来)?{none}{several}(?:件|案件|的?情况|事项)?"
    after = rf"(?:本年度?|今年|全年)?(?:一件|一个|一起)?{several}(?:一件|一个|一起)?(?:也|都|均|暂)?(?:没有?|无|未)(?:收到|接到)?"
    return re.compile(rf"(?:{before}|{after})了?[{END_PARTICLES}]?")


# 跟去年一样: what the year was like is not said by pointing at another year's report (R11's copied text); the
# facts said with it stand, and this is left out
_SAME_AS_BEFORE = re.compile(r"(?:跟|和|同|与)?(?:去年|上年|往年|以前|之前|过去|原来)(?:一样|相同|差不多|一致|那样)(?:的)?"
                             rf"[{END_PARTICLES}]*")


def says_same_as_before(note: str) -> bool:
    """跟去年一样吧, 和往年差不多: the note points at another year instead of stating this one."""
    return bool(_SAME_AS_BEFORE.fullmatch(without_lead(note.strip(" 。；;，,、.！!～~"))))


# what the clerk does not know (评议不清楚, 考核结果还不知道): unknown is not a fact, never printed and never counted as
# the thing said (社会评议 stays not stated); a fault said so (职责分工不清楚) is one, and stays
_UNKNOWN = re.compile(r"^(?P<what>[\u3400-\u9fff]{0,10}?)(?:还|也|都|暂时?|目前|现在)?(?:不太|不大|还不)?"
                      r"(?:不清楚|清楚|不知道|知道|不确定|确定|不记得|记不清|说不准|待核实|待确认|要问[一问]?下)"
                      r"(?:了|呢|啊|吧|的)?$")
_UNKNOWN_SAID = re.compile(r"不清楚|不知道|不确定|不[太大](?:清楚|知道|确定)|还不(?:清楚|知道|确定)|不记得|记不清|说不准|待核实|待确认|要问")
_FAULT_OF_CLARITY = re.compile(r"(?:职责|分工|界限|边界|权责|责任|标准|流程|口径)$")
# 群众不太知道: what the public does not know is a problem of the work (群众知晓度不高), never the clerk's doubt
_THE_PUBLIC = re.compile(r"(?:群众|老百姓|百姓|居民|村民|公众)(?:都|还|对此)?$")


def says_unknown(note: str) -> bool:
    """评议不清楚, 不知道, 考核结果还不确定: the note says something is not known, not what was done."""
    text = re.sub(r"[\s。，、；！!？?]+", "", note)
    m = _UNKNOWN.match(text)
    return bool(m and _UNKNOWN_SAID.search(text) and not _FAULT_OF_CLARITY.search(m.group("what"))
                and not _THE_PUBLIC.search(m.group("what")))


@lru_cache(maxsize=4096)  # a pure function of the note: every draft and every facts list cleans the same notes again
def clean_note(note: str) -> str:
    """One note in report wording, or "" when it states nothing."""
    text = half_width(decoration_replaced(note))
    text = _LAUGHTER.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" 。；;，,、.！!～~")
    if _CHATTER.search(text) or says_same_as_before(text):
        return ""
    text = without_end_particles(text)
    text = _LIST_MARK.sub("", text)
    text = _LIST_MARK.sub("", _LABEL.sub("", text))  # 存在问题：一是…: the list's own ordinal, after its label
    text = without_lead(text)
    if says_nothing_more(text) or says_unknown(text):
        return ""
    if " " in text:  # each pattern takes a space: none, and their lookbehinds need not be tried at every character
        text = re.sub(rf"(?<=[{_CJK}\d]) (?=[{_MEASURE}])", "", text)  # 56 条 → 56条
        text = re.sub(rf"(?<=[{_CJK}“”）]) (?=\d)|(?<=\d) (?=[{_CJK}])", "", text)  # 专栏 56 → 专栏56
        text = re.sub(rf"(?<=[{_CJK}“”《》（）]) (?=[{_CJK}“”《》（）])", "，", text)  # 两个词组之间的空格是停顿
    text = text.replace(",", "，").replace(";", "；").replace(":", "：").replace("(", "（").replace(")", "）")
    text = formal(text)
    text = re.sub(r"([，、；：])[，、；：]+", r"\1", text).strip("，、；： ")
    return text if is_statement(text) else ""


def without_spoken_lead(text: str) -> str:
    """`text` without the spoken words a clerk put before it (嗯，那个，好的，补充一下：…): for a paragraph of the
    clerk's own, whose year and subject stay."""
    while (stripped := _SPOKEN_LEAD.sub("", text, count=1)) != text:
        text = stripped
    return text


def without_lead(text: str) -> str:
    """A note without whatever stands before what it states: the spoken words, a label (问题：, 问题嘛主要是), the year
    the whole report is about, the unit's own name for itself and a connective (嗯 那个 今年我们这边还有… → …): the draft gives the subject."""
    while True:
        stripped = _FILLER.sub("", _SELF.sub("", _YEAR_LEAD.sub("", _LABEL.sub("", without_spoken_lead(text)))))
        if stripped == text:
            return text
        text = stripped


# a hedge said inside a note (评议好像也没有, 培训应该搞了两次): the report states what was done, without it; 应该 only
# before what was done or a count (应该公开的 is what ought to be, and stays)
_HEDGE = re.compile(r"好像|貌似|似乎|印象中|我记得|应该是?(?=[\d一二两三四五六七八九十]|搞|弄|做|有|没|也|都|发|开展|组织|更新)")
# 大概…左右 around one count reads as 约 twice: once is said
_ABOUT_TWICE = re.compile(r"约(?:\s*约)+")
# 约 before a count that says 余 (大概三百多条 → 约300余条): the estimate is said once, by 余
_ABOUT_SAID_BY_YU = re.compile(r"约(?=\d+(?:\.\d+)?余)")
# 公开栏更新了12期, 推送了90余篇 → 更新12期, 推送90余篇: a count follows its verb without 了
_LE_BEFORE_COUNT = re.compile(r"(?<=更新|发布|推送|张贴|刊发|上传)了(?=\d)")
# how often something is done (每周至少更新一次, 每月推送两次): 公文 write a frequency's count in Chinese numerals,
# as they write 一是 and 第一, while a count of what was done (发布信息300条, 开展培训2次) stays in Arabic numerals
_HOW_OFTEN_COUNT = re.compile(r"(每(?:半年|年|个?季度|个?月|两周|周|个?星期|天|日)(?:至少|不少于|最少|均|都)?"
                              rf"[{_CJK}]{{0,8}}?)(10|[1-9])(?=[次回遍](?!数))")
_FREQUENCY_WORDS = ("", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十")


def _in_chinese_numerals(m: re.Match[str]) -> str:
    return m.group(1) + _FREQUENCY_WORDS[int(m.group(2))]
# 上/里 after a platform, as a clerk says where (网站上发布200余条, 公众号里推送80条): a report names the platform alone;
# 网上, 墙上, 板上 are words of their own (在网上公开, 墙上张贴)
_LOCATIVE_BEFORE_VERB = re.compile(r"(?<=[栏站号台屏博群])(?:上|里)(?=发布|公开|更新|推送|张贴|刊发|上传|发了|发\d)")
# a sentence-final 了 after a verb and its object (纳入年度考核了, 建立审核制度了): a report's sentence ends on what was
# done; 了 after a state (老方法不适用了) says it changed, and stays
_FINAL_LE = re.compile(r"^((?:已经?)?(?:纳入|建立|制定|修订|完善|健全|开通|开设|设置|印发|出台|实行|推行|明确|配备)"
                       r"[^，；、了]{2,12})了$")


def formal(text: str) -> str:
    """Colloquial words in the words a published report uses (没培训 → 未开展培训, 搞了两次 → 开展2次, 发了 → 发布):
    the one table for the drafts and for the facts as the clerk sees them listed."""
    text = _HEDGE.sub("", said_aloud.as_written(text))
    text = _activity_in_words(text)  # 考核有 → 已开展考核, 没评议 → 未开展评议: the one reading of activities
    text = _FORMAL(text)
    # read again once the spoken words around it are gone (保密审查这块我们也有做 → 保密审查也有做 → 已开展保密审查)
    text = _CN_COUNT.sub(_digits, _activity_in_words(text))
    if "百分之" in text:  # 满意度百分之九十八 → 满意度98%, then whose, as 满意度98% typed in digits (群众满意度达98%)
        text = _BARE_SATISFACTION.sub("群众满意度达", _PERCENT_IN_WORDS.sub(_percent, text))
        text = re.sub(r"(?<=%)满意$", "", text) if text.startswith("群众满意度达") else text
    text = _LE_BEFORE_COUNT.sub("", _ABOUT_TWICE.sub("约", _ABOUT_SAID_BY_YU.sub("", text)))
    text = _LOCATIVE_BEFORE_VERB.sub("", text)
    if "每" in text:  # the frequency read after the counts were written in digits (每周至少更新一次 → …1次 → …一次)
        text = _HOW_OFTEN_COUNT.sub(_in_chinese_numerals, text)
    return _FINAL_LE.sub(r"\1", text)


# how an application reached the unit (申请方式), in the words a report uses: a small table, no NLP
APPLICATION_CHANNELS = (
    ("信函", re.compile(r"邮寄|信函|来信|寄来|寄的|挂号信|邮政|快递")),
    ("电子邮件", re.compile(r"电子邮件|电子邮箱|邮箱|e-?mail", re.I)),
    ("网络", re.compile(r"网上|网络|在线|网站|网申|政务网|平台提交")),
    ("现场提交", re.compile(r"当面|现场|窗口|上门")),
    ("传真", re.compile(r"传真")),
)
# what is left of a note that only says how an application came in (“邮寄的”, “申请方式为信函”)
_CHANNEL_GLUE = re.compile(r"申请方式|申请渠道|方式|渠道|申请|提出|提交|递交|来的|送来|均|都|是|为|通过|以|采用|就|的|了|[\s，、。；]")


_BY_CHANNEL = {"信函": "以信函方式提出", "电子邮件": "通过电子邮件提出", "网络": "通过网络提出", "现场提交": "现场提出",
               "传真": "通过传真提出"}


def _some_by_channel(m: re.Match[str]) -> str:
    """有一个是邮寄的 → 有1件申请以信函方式提出 (not 收到的申请中有1件, which R9 would read as all received)."""
    named = channels_in(m.group("how"))
    n = m.group("n") if m.group("n").isdigit() else str(cn_to_int(m.group("n")) or m.group("n"))
    return f"有{n}件申请{_BY_CHANNEL[named[0]]}" if named else m.group()


def channels_in(text: str) -> list[str]:
    """The application channels a text names, in the table's order (邮寄的 → 信函)."""
    return [name for name, pattern in APPLICATION_CHANNELS if pattern.search(text)]


def without_channels(text: str) -> str:
    """The text with its channel words taken out: "" when it said nothing else."""
    for _, pattern in APPLICATION_CHANNELS:
        text = pattern.sub(" ", text)
    return "" if not _CHANNEL_GLUE.sub("", text) else " ".join(text.split())


def application_channels(items: Sequence[str]) -> tuple[str, list[str]]:
    """(the channels the notes name, joined by 、; the notes that say something else): “申请方式为信函” is drafted
    into the 依申请公开 sentence, not appended as a remark."""
    channels: list[str] = []
    rest = []
    for item in items:
        named = channels_in(item)
        if named and not without_channels(item):
            channels += [c for c in named if c not in channels]
        else:
            rest.append(item)
    return "、".join(channels), rest


_HOW_OFTEN = re.compile(r"(?:每[日周月年]|每季度|定期)(?:更新|发布|公开)")


# the ordinals of a numbered list as reports write them (一是…；二是…, （一）…（二）…): after a break, or first
POINT_MARK = r"(?:[一二三四五六七八九十]是(?![的否])|[（(][一二三四五六七八九十][)）])"
_POINT_START = re.compile(rf"(?:^|(?<=[；;。\n：:\s]))(?={POINT_MARK})")


def numbered_points(text: str) -> list[str] | None:
    """A numbered list's points, each whole with its ordinal (“一是常态化做好主动公开。聚焦…，…”), the words before
    the first kept apart; None when `text` holds no list of two points or more beginning with 一."""
    if not has_any(text, "是（("):  # no ordinal (一是, （一）): no list, and no zero-width search at every character
        return None
    cuts = [m.start() for m in _POINT_START.finditer(text)]
    if len(cuts) < 2 or not re.match(r"(?:一是|[（(]一[)）])", text[cuts[0]:]):
        return None
    lead = text[: cuts[0]].strip()
    lead = "" if lead.endswith(("：", ":")) else lead  # 存在的主要问题：: the list's heading, no statement
    pieces = [lead] + [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    return [p.strip(" \n；;，,。") for p in pieces if p.strip(" \n；;，,。：:")]


# a topic said before a comma (对不属于本机关掌握的信息，告知…): the clause after it says what was done about it; the
# comma is no break between two notes
_TOPIC = re.compile(r"^(?:对于?|针对|关于)[^，；。]{2,24}?(?:信息|申请|事项|问题|情况|内容|诉求)$")


def topics_joined(pieces: Sequence[str]) -> list[str]:
    """The pieces of a note cut at its commas, a topic (对…的信息) joined again to the clause after it."""
    out: list[str] = []
    for piece in pieces:
        if out and _TOPIC.match(out[-1].strip()) and piece.strip():
            out[-1] += f"，{piece}"
        else:
            out.append(piece)
    return out


# a run of speech without a pause (网站发了三百多条吧还有公众号…): 还有, 然后, 另外 after a count or a closing particle
# begin the next note
_RUN_ON = re.compile(r"(?<=[条期次个件篇场项份吧啊呢呀右下])(?=(?:还有|然后|另外|再就是|此外)(?![待些点所]))")


def _run_on(note: str) -> list[str]:
    if not has_any(note, "还然另再此"):  # no connective: no zero-width search at every character
        return [note]
    return [piece for piece in _RUN_ON.split(note) if piece]


def _breaks_of(note: str) -> list[str]:
    """A note cut at its breaks; a point of a numbered list (一是…) is one item, its commas and full stops inside."""
    if re.match(POINT_MARK, note):
        return [note]
    return _NOTE_BREAKS.split(note)


def fact_items(facts: str | Sequence[str]) -> list[str]:
    """The notes as clean items, in order, repeats and non-statements dropped. A string is split at its breaks; a
    run of counts joined by 、 (网站56条、公众号120条) is split into its counts."""
    if isinstance(facts, str):
        return list(_items_of_text(facts))  # a list of its own: the caller may change it
    return _items(facts)


# a part's facts are read again in the same message and up to six later (5.1's by 5.2's draft), while 2,000 clerks
# typing add some 800 texts a round of their messages
@lru_cache(maxsize=8192)
def _items_of_text(text: str) -> tuple[str, ...]:
    """The items of one text, held: keyed on the text, all they are a function of. A part's facts are read by its own
    draft and by the drafts drawing on them (1.2's by the opening of 一 in the same message, 5.1's by 5.2's)."""
    return tuple(_items_of(_pieces_of_text(text)))


@lru_cache(maxsize=8192)
def _pieces_of_text(text: str) -> tuple[str, ...]:
    """The pieces of one text, held: a statement's are cut for its items (`fact_items`) and again for what of it was
    left out (`left_out`) in the same message."""
    return tuple(_pieces([text]))


def _pieces(facts: Sequence[str]) -> list[str]:
    """The notes cut into the pieces each of which becomes one item, or none."""
    notes = [without_spoken_lead(_tidy(note)) for note in facts]
    notes = [point for note in notes for point in (numbered_points(note) or [note])]
    raw = [piece for note in notes for part in topics_joined(_breaks_of(note)) for run in _run_on(part)
           for piece in _word_gaps(run)]
    return [piece for note in raw for piece in _split_counts(note)]


def left_out(facts: str | Sequence[str]) -> list[tuple[str, str]]:
    """The pieces of the notes no item was made of though they said something, each with why (跟去年一样: "fragment",
    a phone number or a colleague's name: "chatter"): what the clerk is told was not recorded. A sound or a lead-in
    (嗯, 还有) is left out without a word."""
    pieces = _pieces_of_text(facts) if isinstance(facts, str) else _pieces(facts)
    return [(p.strip(" 。；;，,、"), "chatter" if _CHATTER.search(p) else "fragment") for p in pieces
            if not clean_note(p) and is_statement(bare := without_end_particles(without_lead(p)))
            and not says_nothing_more(bare)]  # 没有别的了 among the notes: said, nothing to refuse


def _items(facts: Sequence[str]) -> list[str]:
    return _items_of(_pieces(facts))


def _items_of(pieces: Sequence[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        item = clean_note(piece)
        if not item or any(item in o for o in out):
            continue
        out = [o for o in out if o not in item]  # 公开栏, then 公开栏覆盖每个村: the fuller note stands
        if out and item.startswith("覆盖各"):  # 公开栏 每个村都有: where the note before is found
            out[-1] += item
        elif out and _HOW_OFTEN.fullmatch(item):  # 公开栏 一个月换一次: how often the note before is done
            out[-1] += f"，{item}"
        else:
            out.append(item)
    return with_counts_attached(out)


# a count said alone right after the platform it was published on (公众号平安镇发布，发了120条): the platform's count
_BARE_COUNT = re.compile(r"^(?P<verb>发布|推送|更新|公开|刊发|上传)(?P<info>信息)?(?P<n>约?\d+(?:\.\d+)?余?[条篇期次])$")
_ENDS_ON_A_CARRIER = re.compile(rf"(?:{_CARRIERS}|公开栏|宣传栏|平台|电子屏|显示屏)(?:“[^”]+”)?$")


_SPOKEN_COUNT = re.compile(r"^(?:搞|弄|做|整|有|共|一共|总共)了?(?P<n>约?\d+(?:\.\d+)?余?[份件个项篇册卷本])(?:左右)?$")
_DONE_TO_A_THING = re.compile(rf"(?P<verb>[{_CJK}]{{2}})了?(?P<thing>[^了，、；\d\s]{{1,6}})$")


_VIDEOS = "发布短视频"  # said_aloud's 视频发了10个左右
_BARE_ACCOUNT = re.compile(r"(?:运营)?(?:抖音号|视频号|快手号|快手|抖音)")


def with_counts_attached(items: Sequence[str]) -> list[str]:
    """The items with a count said alone (发布120条) joined to the platform named just before it, as one point
    (运营公众号“平安镇发布”，发布信息120条): standing alone, the count names nothing it was published on."""
    out: list[str] = []
    for item in items:
        m = _BARE_COUNT.match(item)
        if m and out and _ENDS_ON_A_CARRIER.search(out[-1]):
            info = m.group("info") or ("信息" if m.group("n")[-1] in "条篇" else "")
            out[-1] += f"，{m.group('verb')}{info}{m.group('n')}"
        elif item.startswith(_VIDEOS) and out and _BARE_ACCOUNT.fullmatch(out[-1]):
            out[-1] += item  # 抖音号 视频发了10个: the videos went out on the account just named (抖音号发布短视频约10条)
        elif (said := _SPOKEN_COUNT.match(item)) and out and _DONE_TO_A_THING.search(out[-1]):
            # 整理了文件 搞了二十来份: the count is of what was just done (整理文件20余份), never 「搞20余份」 alone
            out[-1] = _DONE_TO_A_THING.sub(r"\g<verb>\g<thing>", out[-1], count=1) + said.group("n")
        else:
            out.append(item)
    return out


def _tidy(note: str) -> str:
    """A note as typed, before it is split into items: emoji and laughter out (they stood between two notes, or
    glued two into one), full-width digits half-width, a count joined to its word (网站 ５６条 → 网站56条)."""
    text = _LAUGHTER.sub(" ", _full_width_marks(half_width(decoration_replaced(note, " "))))
    return _COUNT_AFTER_SPACE.sub("", text) if has_any(text, _SPACES) else text


_SPACES = " \t\u3000"
_COUNT_AFTER_SPACE = re.compile(rf"(?<=[{_CJK}])[{_SPACES}]+(?=\d)")


# a space between two Chinese words is where a clerk on a phone ends one note and begins the next
_WORD_GAP = re.compile(rf"(?<=[{_CJK}”）])\s+(?=[{_CJK}“（])")
_A_SPACE = re.compile(r"\s")
_COUNT_END = re.compile(rf"\d+(?:\.\d+)?[{_MEASURE}](?:左右|上下)?$")


# a list the clerk begins (主要是低保 救助 还有征兵): the words after it, spaced or joined by 还有, are its items
_LIST_LEAD = re.compile(r"^(?:主要就?是|主要有|主要为|重点就?是|重点为|重点公开|主要公开|包括|涉及)")
# (还有那个财政预决算: 那个 is the clerk's pause before the item, no word of it)
_AND_ALSO = re.compile(rf"^(?:还有|以及|和|及|另外还有)(?:(?:那个|这个){_NOT_A_TIME})?")
_LIST_END = re.compile(r"等|等等|之类|之类的|那些|这些|什么的|啥的")
_ENDS_A_LIST = re.compile(r"(?:等|等等|之类的?|那些|这些|什么的|啥的)$")  # 养老医疗这些: the list's last item


# a short word that states something on its own (人少, 人手缺): a note, not a pause before the next word
_SHORT_STATEMENT = re.compile(r"[少多慢差低高弱缺乱]$")
_A_CARRIER = re.compile(r"(?:公众号|视频号|抖音号|网站|专栏|公开栏|宣传栏|公示栏|平台|微信群|电子屏|显示屏|微博)$")


def _word_gaps(note: str) -> list[str]:
    """A note split where a space separates two words of three characters or more (“时效性不高 关注度低”); a space
    after a short word (“提高 时效性”) is only a pause; the words of a list begun (主要是低保 救助) stay its items."""
    out: list[str] = []
    # a note without a space has no gap: its lookbehind is not tried at every character
    for piece in _WORD_GAP.split(note) if _A_SPACE.search(note) else [note]:
        if not without_spoken_lead(piece).strip():
            continue  # 公开栏更新了十二期 嗯 还有…: a sound between two notes belongs to neither
        if out and _LIST_LEAD.fullmatch(out[-1]):
            out[-1] += piece
        elif out and _LIST_LEAD.match(out[-1]) and not re.search(r"\d", piece) and (
                len(piece) < 6 or _AND_ALSO.match(piece) or _ENDS_A_LIST.search(piece)):
            out[-1] += ("" if _LIST_END.fullmatch(piece) else "、") + _AND_ALSO.sub("", piece)
        elif out and (len(out[-1]) < 3 and not _SHORT_STATEMENT.search(out[-1]) or len(piece) < 3):
            # 公众号 网站: two carriers named one after the other are two, not 公众号网站
            out[-1] += ("、" if _A_CARRIER.search(out[-1]) and _A_CARRIER.search(piece) else "") + piece
        else:
            out.append(piece)
    return out


# what makes a piece between 、 a spoken statement of its own (网站用的县里的, 每个村都有公开栏, 都是先审后发的), not an
# item of a list (低保、惠农补贴)
_SPOKEN_STATEMENT = re.compile(r"都是|都有|均有|叫|用的|[的了]$")
_STATEMENT_MIN = 4  # characters of each piece: 领导签字 is a statement, 低保 an item
# a piece between 、 that says where something is, or that it is as before (公开栏每个村都有, 镇政府门口有电子屏, 跟去年
# 一样吧): a statement of its own among the items of a list (公众号、视频号)
_WHERE_IT_IS = re.compile(rf"{_SPOT}(?:都|也|还)?(?:有|设有|装有|装了|安装了)|(?:各|每个)(?:{_PLACES})(?:都|均)有")


# what finds fault in a piece between 、 (人手不够, 兼着搞, 更新慢): a problem of its own, not an item of a list
_A_FAULT = re.compile(r"不够|不足|不及时|不到位|没有?|未|缺|慢|少|差|低|弱|难|滞后|兼")
# a piece that says what is to be done (明年打算再配个人, 下一步加强培训)
_A_PLAN = re.compile(r"(?:明年|下一年|下一步|下步|今后|准备|计划|打算|争取)")


def _stands_alone(part: str) -> bool:
    return len(part) >= _STATEMENT_MIN and bool(_WHERE_IT_IS.search(part) or says_same_as_before(part))


def _statements_apart(parts: list[str]) -> list[str]:
    """The parts, each statement on its own, the items between them one list (公众号、视频号)."""
    out: list[str] = []
    joins = False  # whether the next item joins the list before it
    for part in parts:
        if _stands_alone(part):
            out.append(part)
            joins = False
        elif joins:
            out[-1] += f"、{part}"
        else:
            out.append(part)
            joins = True
    return out


def _split_counts(note: str) -> list[str]:
    """网站56条、公众号120条 and 网站56条、还有公开栏 are separate notes; 财政预决算、惠民补贴 is one; spoken statements
    joined by 、 where the clerk left a space (网站用的县里的、每个村都有公开栏) are separate notes too."""
    parts = re.split(r"[、 ]+", note.strip())
    if (len(parts) > 1 and not _LIST_LEAD.match(parts[0]) and all(len(p) >= _STATEMENT_MIN for p in parts)
            and any(_SPOKEN_STATEMENT.search(p) for p in parts)):
        return parts
    if len(parts) > 1 and not _LIST_LEAD.match(parts[0]) and any(map(_stands_alone, parts)):
        return _statements_apart(parts)
    if len(parts) > 1 and all(len(p) >= _STATEMENT_MIN - 1 and (_A_FAULT.search(p) or _A_PLAN.match(p)) for p in parts) \
            and _A_FAULT.search(parts[0]):
        # 人手不够、就我一个人兼着搞、有时候更新慢: three problems, said with pauses — and the plan said after them
        # (明年打算再配个人), a note of its own
        return parts
    if len(parts) < 2 or not any(_ends_with_count(p) or _FILLER.match(p) or activity_said(p) for p in parts):
        return [note]
    out: list[str] = []
    for part in parts:
        in_list = bool(out) and bool(_LIST_LEAD.match(out[-1])) and not _ends_with_count(part)
        starts = _ends_with_count(part) or activity_said(part) or _FILLER.match(part) and not in_list
        if out and not starts and not _ends_with_count(out[-1]) and not activity_said(out[-1]):
            out[-1] += f"、{part}"  # 重点公开财政预决算、惠民补贴, 主要是低保、还有征兵: one list
        else:
            out.append(part)
    return out


_CN_COUNT_END = re.compile(rf"[一二两三四五六七八九十百千万]+[{_MEASURE}](?:左右|上下)?$")


def _ends_with_count(part: str) -> bool:
    """网站56条, 公众号两百条, 网站80多条吧: a count ends the note (a particle after it changes nothing)."""
    plain = without_end_particles(half_width(part))
    return bool(_COUNT_END.search(plain) or _CN_COUNT_END.search(plain))


# 满意率百分之九十八 (read in a demo street report): a report prints a rate as 98%
_PERCENT_IN_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?")
_CN_DIGIT = dict(zip("零〇一二两三四五六七八九", "001223456789", strict=True))


_BARE_SATISFACTION = re.compile(r"^满意度(?=\d+(?:\.\d+)?%$)|^(?=\d+(?:\.\d+)?%满意$)")  # 百分之百满意 alike


def _percent(m: re.Match[str]) -> str:
    whole = "0" if m.group(1) in ("零", "〇") else str(cn_to_int(m.group(1)) or "")
    if not whole:
        return m.group()
    return whole + ("." + "".join(_CN_DIGIT[c] for c in m.group(2)) if m.group(2) else "") + "%"


def _digits(m: re.Match[str]) -> str:
    n = cn_to_int(m.group(1))
    return str(n) if n and not _NUMBERED_PHRASE.match(m.string, m.start(1)) else m.group()




# a half-width mark typed on a phone after a Chinese word is the Chinese mark (发布56条.公众号… → 发布56条。公众号…);
# between digits it is a decimal point or a thousands separator and stays (0.5万元, 1,200)
_HALF_MARKS = {".": "。", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALF_MARK_BY_CJK = re.compile(rf"(?<=[{_CJK}“”（）])[.,;:?!]|[,;:?!](?=[{_CJK}“”（）])")


def _full_width_marks(text: str) -> str:
    if not has_any(text, ".,;:?!"):  # no half-width mark: the lookbehind is not tried at every character
        return text
    return _HALF_MARK_BY_CJK.sub(lambda m: _HALF_MARKS[m.group()], text)


def punctuated(text: str) -> str:
    """Text as printed: half-width digits, no spaces between Chinese, no doubled or clashing punctuation (“：。”,
    “，，”, “，。”). The one polish of every paragraph, drafted or typed by the clerk (line breaks are kept)."""
    text = _full_width_marks(half_width(text))
    if has_any(text, _SPACES):  # both take a space, after a lookbehind tried at every character: only where one is
        text = _SPACE_IN_CHINESE.sub("", text)
        text = _SPACE_BEFORE_DIGIT.sub("", text)
    text = _MARK_BEFORE_STOP.sub("", text)
    text = _MARKS_DOUBLED.sub(r"\1", text)
    return _STOPS_DOUBLED.sub("。", text)


_SPACE_IN_CHINESE = re.compile(rf"(?<=[{_CJK}，。；：、“”（）《》\d])[{_SPACES}]+(?=[{_CJK}，。；：、“”（）《》])")
_SPACE_BEFORE_DIGIT = re.compile(rf"(?<=[{_CJK}，。；：、“”（）《》])[{_SPACES}]+(?=\d)")
_MARK_BEFORE_STOP = re.compile(r"[，、；：:]+(?=[。！？])")
_MARKS_DOUBLED = re.compile(r"([，、；：。])[，、；：]+")
_STOPS_DOUBLED = re.compile(r"。{2,}")


def written(text: str) -> str:
    """The last polish of a drafted paragraph: `punctuated`, no dangling comma, a closing full stop."""
    text = punctuated(text).strip(" ，、；：")
    return text + "。" if text and text[-1] not in "。！？”）" else text


class Chooser:
    """Stable choices of wording for one unit and one part: the same unit always reads the same, another unit with
    the same facts reads differently (sha256, not hash(), which is salted per process). `variant` turns every choice
    to its next option: 重写 asks for variant + 1, so a redraft from the same facts never reads as the one before."""

    def __init__(self, unit: str, part: str, variant: int = 0) -> None:
        self.unit = unit.strip()
        self.seed = f"{self.unit}\x00{part}"
        self.variant = variant

    def __call__(self, key: str, *options: str) -> str:
        return self._option(f"{self.seed}\x00{key}", options)

    def across(self, key: str, *options: str) -> str:
        """A choice whose place in `options` is the same in every part of the unit's report: parts that list the
        same words in turned orders never say the same one (the time said at the head of (一) and of (二), and twice
        in (二): 一年来 … 一年来 read as a template)."""
        return self._option(f"{self.unit}\x00\x00{key}", options)

    def _option(self, seed: str, options: tuple[str, ...]) -> str:
        if not options:
            return ""
        digest = hashlib.sha256(seed.encode()).digest()
        return options[(int.from_bytes(digest[:8], "big") + self.variant) % len(options)]
