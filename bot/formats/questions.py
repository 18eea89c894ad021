"""The vocabulary a format's guided conversation is declared in.

A `Question` is data: its code, the cells it fills, how the answer is typed, the gate it hides behind and the prose slot
it drafts. `bot.dialog` walks a format's questions in order and knows nothing of any particular year's cells.

Kinds:
- row        n numbers typed in one reply, filling `cells` in order (a row of table 二 or 三)
- amount     one decimal number (万元), filling `cells[0]`
- gate       是/否; 否 sets `cells` to 0 and skips every question whose `gate` is this code
- prefill    like row, but offered from last year's `prefill` cells first ("回复1确认，或回复数字更正")
- menu       a numbered menu of table rows (`rows`); the reply names the rows that happened, the others become 0
- menu_rows  one row of `columns` per row chosen in the `menu` question; cells are f"{table}.{row}.{col}"
- computed   the cells are computed from the format's balances and shown for confirmation (or typed to correct)
- prose      a prose slot: optionally one facts question (`facts_prompt`), then a draft offered for adoption
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuestionKind = Literal["row", "amount", "gate", "prefill", "menu", "menu_rows", "computed", "prose"]


@dataclass(frozen=True)
class Question:
    code: str  # shown as 【3.2】 and typed in 修改 3.2
    kind: QuestionKind
    title: str  # a short name for progress lists: 规章, 本年新收, 主动公开 …
    prompt: str = ""  # the question itself; may use {year}, {self_word}, {unit}
    cells: tuple[str, ...] = ()  # cells filled, in the order the numbers are typed
    labels: tuple[str, ...] = ()  # what each typed number is, for explanations
    example: str = ""  # an example reply
    table: str = ""  # the table the question belongs to ('' for prose)
    gate: str = ""  # code of the gate question that must be answered 是
    rows: tuple[str, ...] = ()  # menu: the table rows offered, in menu order
    columns: tuple[str, ...] = ()  # menu_rows: the columns typed for each chosen row
    menu: str = ""  # menu_rows: the code of the menu question
    # menu_rows: a column named with no count (还没判 at 4.3) is the one case of the chosen kind, in that column
    one_by_column_named: bool = False
    prefill: tuple[str, ...] = ()  # prefill: last year's cells offered, aligned with `cells`
    slot: str = ""  # prose: the slot drafted
    drafter: str = ""  # prose: how the draft is made (see bot.dialog.prose)
    facts_prompt: str = ""  # prose: the facts question asked before the draft ('' = no facts question)
    facts_example: str = ""
    facts_from: str = ""  # prose: reuse the facts given for another question (its code)
    # prose: an optional question asked with the draft on offer (上年度问题整改, 人大代表建议和政协委员提案): notes
    # sent answer it, 1 passes it; nothing is drafted of it unless said. May name {rectified_mark}, the mark the notes
    # on last year's problems begin with
    offer_prompt: str = ""
    people_government_prompt: str = ""  # facts prompt for a 人民政府 (乡镇、街道 …), when it differs
    mentions: tuple[str, ...] = ()  # words a reviewer's comment uses for this question beyond its title (信息处理费)
    no_echo: str = ""  # gate: what 否 means, said back when it is recorded (本年度未收到政府信息公开申请)
    about: tuple[str, ...] = ()  # prose: the tables the part reports on (details typed at their gates become its facts)
    # prose: the questions whose facts its draft uses besides its own (the opening of 一 names 1.2's channels): a
    # paragraph taken as drafted is drafted again when they change
    draws_on: tuple[str, ...] = ()
    # prose: what its draft states from the tables (申请, 复议, 诉讼): a reply that there was none of it (没有申请)
    # adds nothing to the draft, which says so already
    stated_by_tables: tuple[str, ...] = ()

    @property
    def section(self) -> str:
        return self.code.split(".", 1)[0]
