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

_ANY = re.compile("|".join(re.escape(w) for w in sorted(MISTYPED, key=len, reverse=True)))


def meant(text: str) -> str:
    """`text` with every mistyped word of the report read as the word meant."""
    return _ANY.sub(lambda m: MISTYPED[m.group()], text) if text else text
