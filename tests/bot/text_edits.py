"""Random edits of real texts for property tests: pieces that matter to the code under test put in at random places,
and runs cut out, so the texts stay close to what clerks and drafts write."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def edited_texts(texts: Sequence[str], pieces: Sequence[str], longest_cut: int) -> st.SearchStrategy[str]:
    """One of `texts` with up to four edits: a piece of `pieces` inserted, or up to `longest_cut` characters cut."""

    @st.composite
    def edited(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(texts))
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(text)))
            if draw(st.booleans()):
                text = text[:at] + draw(st.sampled_from(pieces)) + text[at:]
            else:
                text = text[:at] + text[at + draw(st.integers(0, longest_cut)):]
        return text

    return edited()
