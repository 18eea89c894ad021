"""Taps instead of typing: a question with fixed answers, declared from the question's own data, as a card.

A `Card` is plain data. Each option's `key` is exactly what the user would type instead of tapping (the typed
fallback), so a tap is read as that text and nothing downstream knows the difference; the card's `hint` says the
same in words, for clients that show no cards. `stamp` names what the card asks about (the question and its step,
the review awaiting 确认): a tap counts only while that is still what is asked — on a stale card it changes nothing.

Which cards exist:
- a gate question (是/否),
- a menu question (the result kinds of table 三): a multi-select of the menu's rows, answered with their numbers,
- a prose question whose draft is offered: 采用 / 重写 (when there are facts to redraft from) / 我来写,
- a supervisor's submission notice (通过 / 退回 the unit) and the 确认 / 取消 a review then asks for.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from . import messages
from .formats import Format
from .formats.questions import Question

MAX_CHOICES = 20  # a vote card holds at most 20 options; rows beyond them stay typed (the hint says so)
OWN_TEXT = "own"  # the key of 我来写: no text is typed for it, the conversation just waits for the paragraph
_NOT_IN_TASK_ID = re.compile(r"[^0-9A-Za-z_@]")  # "-" separates the stamp from the rest


@dataclass(frozen=True)
class Option:
    key: str  # what tapping it types
    text: str  # what the button or checkbox shows


@dataclass(frozen=True)
class Card:
    kind: Literal["buttons", "choices"]
    stamp: str  # what is asked: only digits, letters and _-@ (it starts the card's task id)
    title: str
    hint: str  # the typed fallback, in words
    options: tuple[Option, ...]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "stamp": self.stamp, "title": self.title, "hint": self.hint,
                "options": [[o.key, o.text] for o in self.options]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Card:
        return cls(data["kind"], data["stamp"], data["title"], data["hint"],
                   tuple(Option(k, t) for k, t in data["options"]))

    def typed(self, key: str, selected: list[str]) -> str | None:
        """The text a tap stands for: the button's key, or the chosen options' keys; None for nothing chosen."""
        keys = {o.key for o in self.options}
        if self.kind == "buttons":
            return key if key in keys else None
        chosen = [k for k in selected if k in keys]
        return " ".join(chosen) or None

    def label(self, typed: str) -> str:
        """What the updated card shows as chosen."""
        by_key = {o.key: o.text for o in self.options}
        return "、".join(by_key.get(k, k) for k in typed.split(" ")) if self.kind == "choices" else by_key.get(
            typed, typed)


def stamp_of(*parts: str) -> str:
    """A stamp from any words (a unit's name is Chinese; a task id allows only digits, letters and _-@)."""
    plain = "_".join(_NOT_IN_TASK_ID.sub("", p) for p in parts)
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]
    return f"{plain[:40]}_{digest}"


def question_card(state: dict[str, Any] | None, fmt: Format) -> Card | None:
    """The card for what the conversation asks now, from the question's declaration; None when it is typed."""
    if not state or not state.get("cur") or state.get("pending") or state.get("submitted") or state.get("drafting"):
        return None
    code, sub = state["cur"]
    offered = bool((state.get("offered") or {}).get(code))
    redraft = bool((state.get("facts") or {}).get(_facts_code(fmt, code)))
    return _question_card(fmt, code, sub, offered, redraft)


def _facts_code(fmt: Format, code: str) -> str:
    q = next((x for x in fmt.questions if x.code == code), None)
    return (q.facts_from or q.code) if q is not None else code


@lru_cache(maxsize=1024)
def _question_card(fmt: Format, code: str, sub: int, offered: bool, redraft: bool) -> Card | None:
    """The card of question `code` at `sub`: the same for every clerk there (a Card is immutable), so made once."""
    q = next((x for x in fmt.questions if x.code == code), None)
    if q is None:
        return None
    stamp = stamp_of("q", code, str(sub))
    title = messages.text("cards", "title", code=q.code, title=q.title)
    if q.kind == "gate":
        words = [messages.text("cards", "yes"), messages.text("cards", "no")]
        return Card("buttons", stamp, title, messages.text("cards", "hint", typed=words),
                    tuple(Option(w, w) for w in words))
    if q.kind == "menu":
        return _menu_card(q, fmt, stamp, title)
    if q.kind == "prose" and sub >= 1 and offered:
        return _offer_card(q, redraft, stamp, title)
    return None


def _menu_card(q: Question, fmt: Format, stamp: str, title: str) -> Card:
    table = fmt.table(q.table)
    rows = [(str(n), table.row(key).short or table.row(key).label) for n, key in enumerate(q.rows, 1)]
    shown, beyond = rows[:MAX_CHOICES], rows[MAX_CHOICES:]
    hint = messages.text("cards", "menu_hint", example=q.example, beyond=[f"{n} {name}" for n, name in beyond])
    return Card("choices", stamp, title, hint, tuple(Option(n, f"{n} {name}") for n, name in shown))


def _offer_card(q: Question, with_redraft: bool, stamp: str, title: str) -> Card:
    adopt, redraft = messages.text("cards", "adopt"), messages.text("cards", "redraft")
    options = [Option(adopt, adopt)]
    if with_redraft:  # there are facts to redraft from
        options.append(Option(redraft, redraft))
    options.append(Option(OWN_TEXT, messages.text("cards", "own")))
    typed = [o.text for o in options if o.key != OWN_TEXT]
    return Card("buttons", stamp, title, messages.text("cards", "offer_hint", typed=typed), tuple(options))


def review_card(unit: str, year: int) -> Card:
    """The card under a submission notice: 通过 or 退回 this unit's report (each then asks for 确认 or a reason)."""
    approve, send_back = messages.text("cards", "approve"), messages.text("cards", "send_back")
    options = (Option(f"{approve} {unit} {year}", approve), Option(f"{send_back} {unit} {year}", send_back))
    return Card("buttons", stamp_of("rv", str(year), unit), messages.text("cards", "review_title", unit=unit,
                                                                          year=year),
                messages.text("cards", "hint", typed=[o.key for o in options]), options)


def confirm_card(word: str, unit: str, year: int) -> Card:
    """The card under a review's 请确认: 确认 or 取消."""
    confirm, cancel = messages.text("cards", "confirm"), messages.text("cards", "cancel")
    return Card("buttons", stamp_of("cf", str(year), unit, word),
                messages.text("cards", "confirm_title", word=word, unit=unit, year=year),
                messages.text("cards", "hint", typed=[confirm, cancel]), (Option(confirm, confirm),
                                                                          Option(cancel, cancel)))


def task_stamp(task_id: str) -> str:
    """The stamp a card's task id starts with (the rest only makes the id unique)."""
    return task_id.rsplit("-", 1)[0]
