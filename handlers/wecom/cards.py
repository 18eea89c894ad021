"""A `bot.cards.Card` as WeCom's template card JSON — the same for the app's message/send and the 智能机器人's
aibot_send_msg (card_type button_interaction or vote_interaction, main_title, sub_title_text, button_list,
checkbox, submit_button, task_id: the fields of the official SDKs' TemplateCard type and the app's template_card
message). The task id starts with the card's stamp, then "-" and what makes it unique: WeCom refuses a task id a bot
or an app has used before.
"""

from __future__ import annotations

from typing import Any

from bot import messages
from bot.cards import Card

QUESTION_KEY = "choices"  # the vote card's one question: its selected options come back under this key
SUBMIT_KEY = "submit"


def template_card(card: Card, unique: str) -> dict[str, Any]:
    task_id = f"{card.stamp}-{unique}"
    if card.kind == "choices":
        return {
            "card_type": "vote_interaction",
            "main_title": {"title": card.title, "desc": card.hint},
            "checkbox": {"question_key": QUESTION_KEY, "mode": 1,
                         "option_list": [{"id": o.key, "text": o.text} for o in card.options]},
            "submit_button": {"text": messages.text("cards", "submit"), "key": SUBMIT_KEY},
            "task_id": task_id,
        }
    return {
        "card_type": "button_interaction",
        "main_title": {"title": card.title},
        "sub_title_text": card.hint,
        "button_list": [{"text": o.text, "style": 1 if n == 0 else 2, "key": o.key}
                        for n, o in enumerate(card.options)],
        "task_id": task_id,
    }


def chosen_card(task_id: str, label: str) -> dict[str, Any]:
    """The tapped card as it is shown afterwards (the long connection's update_template_card): what was chosen."""
    return {"card_type": "button_interaction", "main_title": {"title": label},
            "button_list": [{"text": label, "style": 2, "key": SUBMIT_KEY}], "task_id": task_id}
