"""The report's own words as a phone's pinyin or voice input mistypes them: a near character that makes no word
(依身请 for 依申请, 达复 for 答复, 陪训 for 培训). Read as the word meant, as a careful reader reads them, before the
message is answered: a gate, a row's name and a note drafted into the report all see the word itself.

Only misspellings that are no word of their own belong here: a correction must never change what was meant.
"""

from __future__ import annotations

import re

MISTYPED: dict[str, str] = {
    # 依申请 (application-based disclosure): 申 typed as 身 / 伸 / 深, 请 as 情 / 清
    "依身请": "依申请", "依伸请": "依申请", "依深请": "依申请", "依申情": "依申请", "依申清": "依申请",
    "依身情": "依申请",
    # 答复 (the reply to an application)
    "达复": "答复", "答付": "答复", "答服": "答复", "打复": "答复",
    # 复议 and 诉讼 (table 四)
    "行政复义": "行政复议", "复意申请": "复议申请", "诉颂": "诉讼", "诉送": "诉讼",
    # table 二 and 三 rows
    "规范性问件": "规范性文件", "规范性文建": "规范性文件", "结专": "结转", "结传": "结转",
    # the prose parts' everyday words
    "陪训": "培训", "培迅": "培训", "保秘审查": "保密审查", "公众好": "公众号", "公开拦": "公开栏",
}

# typo → (characters it never follows, characters it never precedes): where the typo's characters are the edge of a
# real word it is no typo. 送达复议 is 送达 + 复议, 问答服务 问答 + 服务, 公众好评 公众 + 好评, 总结传达 总结 + 传达, 起诉送达
# 起诉 + 送达 (found in public text: 表达复杂, 到达复核, 冻结专用, 总结专家, 终结传唤, 完结传递)
_NOT_AT: dict[str, tuple[str, str]] = {
    "达复": ("送传到下表抵发通转直雷上高长多马", "议核杂习盘工印查审制兴合检位用"),
    "打复": ("", "印习制盘查核合检审议杂工"),
    "答服": ("", "务从装刑药气帖"),
    "答付": ("", "费款出清息诸"),
    "诉送": ("", "达交至到往回给审检法出"),
    "结专": ("总冻完终小归团连联集凝缔纠巩了审办", "项题家业门栏刊案班利用职科线区款报网人员属"),
    "结传": ("总冻完终小归团连联集凝缔纠巩了审办", "达承统递播染授输唱真阅来入出感唤"),
    "公众好": ("", "评感奇处的事坏多些像转在意学客友心玩看听用好比找查办懂"),
    "公开拦": ("", "截阻住下"),
    "陪训": ("", "练"),
}


def _alternative(typo: str) -> str:
    before, after = _NOT_AT.get(typo, ("", ""))
    return (f"(?<![{before}])" if before else "") + re.escape(typo) + (f"(?![{after}])" if after else "")


_ANY = re.compile("|".join(_alternative(w) for w in sorted(MISTYPED, key=len, reverse=True)))


def meant(text: str) -> str:
    """`text` with every mistyped word of the report read as the word meant, where it is no edge of a real word."""
    return _ANY.sub(lambda m: MISTYPED[m.group()], text) if text else text
