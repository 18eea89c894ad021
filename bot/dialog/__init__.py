"""The guided conversation as a pure function of (state, report, incoming message), driven by the format's questions.

    result = step(state, report, incoming, ctx)

`state` is plain JSON (stored between messages); `result.report` has its derived cells computed; `result.replies[0]`
is the passive reply, the rest (long text, the .docx) go out through the API.
"""

from .context import DialogContext, StepResult, initial_state
from .engine import step

__all__ = ["DialogContext", "StepResult", "initial_state", "step"]
