"""The typo table reads 达复 as 答复 and 公众好 as 公众号; unguarded it also read the real words around them: 问答服务 became
问答复务, 送达复议决定书 送答复议决定书, 公众好评率 公众号评率, 总结传达 总转达, 起诉送达 起诉讼达. A typo is read as the word meant
only where its characters are not the edge of a real word, and a clerk's own paragraph (用我的原文) is taken as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.mistyped import MISTYPED, meant

from .test_dialog_facts_list import at

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

REAL_WORDS = (
    "问答服务", "解答服务", "送达复议决定书", "打复印件", "公众好评率", "总结传达", "起诉送达", "解答付费",
    # more of each entry's characters at the edge of a real word
    "传达复杂文件", "表达复杂", "到达复核点", "下达复工通知", "未达复议条件", "答服从安排", "打复习资料", "解答付款方式",
    "总结专项工作", "团结专家队伍", "冻结专用账户", "终结传唤", "完结传递", "上诉送交法院", "投诉送到窗口",
    "公众好感度", "公众好奇", "公开拦截", "陪训练",
)


@pytest.mark.parametrize("words", REAL_WORDS)
def test_a_real_word_holding_a_typos_characters_is_left_as_written(words: str) -> None:
    assert meant(words) == words


@pytest.mark.parametrize(("typed", "read"), [
    ("按时达复", "按时答复"), ("已达复申请人", "已答复申请人"), ("已打复", "已答复"), ("均已答服", "均已答复"), ("答付及时", "答复及时"),
    ("公众好发布20条", "公众号发布20条"), ("行政诉送0件", "行政诉讼0件"), ("上年结专3件", "上年结转3件"),
    ("结传下年度", "结转下年度"), ("依身请公开", "依申请公开"), ("公开拦更新", "公开栏更新"),
])
def test_a_typo_among_other_words_is_still_read_as_the_word_meant(typed: str, read: str) -> None:
    assert meant(typed) == read


def real_report_texts() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html"))


def test_no_typo_entry_changes_a_word_of_the_real_reports() -> None:
    """Every real report among the fixtures, read through the table: not a character changes. A report holds no
    typo of its own words, so any change would be a real word rewritten."""
    texts = real_report_texts()
    assert len(texts) > 50
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="ignore")
        assert meant(text) == text, (path.name, [typo for typo in MISTYPED if typo in text])


def test_an_own_paragraph_is_adopted_as_the_clerk_wrote_it() -> None:
    """No list of a typo's neighbours is ever complete (公众好记 is no 公众号记): the clerk's own paragraph is not read
    through the table at all."""
    chat = at("1.2")
    chat.send("用我的原文：本年度我乡精简网站栏目名称，便于公众好记好找，问答服务满意度较高。")
    adopted = chat.report.text["s1.active"]
    assert "公众好记好找" in adopted and "问答服务" in adopted, adopted


def test_the_last_reply_adopted_as_own_text_keeps_its_words() -> None:
    chat = at("1.5")
    chat.send("我乡规范网站专栏8个子栏目，便于公众好记")
    chat.send("用我的原文")
    assert chat.report.text["s1.platform"] == "我乡规范网站专栏8个子栏目，便于公众好记。"
