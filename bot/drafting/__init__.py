"""Prose from facts and numbers: the table parts (依申请公开, 复议诉讼, 信息处理费) from the tables, every other part
from the clerk's facts woven into 公文 sentences, and the check a language model's draft must pass."""

from .model import ModelDraft, check_model_draft, model_facts, model_inputs, model_messages, parse_model_reply
from .parts import (
    Voice,
    draft_paragraph,
    figures,
    rectified_lead,
    split_problems,
    voice_of,
    without_rectified,
)
from .tables import draft_appeals, draft_fees, draft_on_request, self_word, variant_for
from .wording import (
    application_channels,
    channels_in,
    clean_note,
    fact_items,
    formal,
    half_width,
    is_statement,
    left_out,
    names_a_measure,
    punctuated,
    says_none_of,
    says_nothing_more,
    with_counts_attached,
    without_channels,
    without_lead,
    without_spoken_lead,
    written,
)

__all__ = [
    "ModelDraft", "Voice", "application_channels", "channels_in", "check_model_draft", "clean_note", "model_facts", "model_inputs", "model_messages",
    "parse_model_reply", "rectified_lead", "draft_appeals", "draft_fees", "draft_on_request", "draft_paragraph", "fact_items",
    "figures", "formal", "half_width", "is_statement", "left_out", "names_a_measure", "punctuated", "says_none_of", "says_nothing_more", "self_word", "split_problems", "variant_for",
    "voice_of", "with_counts_attached", "without_channels", "without_rectified", "without_lead", "without_spoken_lead", "written",
]
