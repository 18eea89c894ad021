"""Model drafts: a language model writes a prose part, held to the numbers, as a durable job.

The conversation offers "正在草拟…" and queues a `model_draft` job in the message's transaction (a Deferred reply,
see `bot.dialog.questions`). The job asks the model outside any transaction (`handlers.llm`), checks the answer
with `bot.drafting.check_model_draft`, and falls back to the template draft — silently for the clerk, logged for
the operator — when the model fails the check or does not answer in time. The result reaches the conversation as
an Incoming of kind "draft", in the transaction that marks the job done: a restart mid-draft runs the job again,
and exactly one draft is offered (the outbox rows carry the job's dedup keys; the conversation drops a draft it no
longer waits for).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.drafting import Voice, check_model_draft, model_facts, model_messages, parse_model_reply
from bot.incoming import Incoming
from bot.report import Report
from bot.rules.names import AreaNames
from handlers.conversation import NianbaoEngine
from handlers.jobs.queue import JobContext, JobKind, deliver_replies, register
from handlers.llm import ChatModel, ModelUnavailable
from storage import Store
from storage.jobs import Job

log = logging.getLogger("nianbao.model_drafts")

KIND = "model_draft"


def _load(store: Store, job: Job) -> AreaNames | tuple[str, ...]:
    """The unit names of the clerk's area (the store's cached matcher), for the check that a draft names no other
    unit; everything else the model needs was captured when the job was queued."""
    user = store.user(job.args.get("userid", ""))
    unit = store.unit(user.unit) if user and user.unit else None
    return store.unit_name_matcher(unit.area) if unit and unit.area else ()


async def draft_with_model(ctx: JobContext, job: Job, other_units: Any = ()) -> dict[str, str]:
    """The model's draft if it passes every check, else the template draft (with the reason logged)."""
    args = job.args
    model: ChatModel | None = ctx.resources.get("llm")
    tz = ctx.tz.key if ctx.tz else "Asia/Shanghai"
    if model is None:
        return {"text": args["template"], "tz": tz, "source": "template"}
    report = Report.from_dict(args["report"])
    voice = Voice(**args["voice"])
    facts = model_facts(args["part"], args["facts"])
    try:
        content = await model.complete(ctx.resources["http"], model_messages(args["part"], facts, report, voice))
    except ModelUnavailable as why:
        log.warning("model draft %s for %s (%s) fell back to the template: %s", args["code"], voice.name,
                    job.id, why)
        return {"text": args["template"], "tz": tz, "source": "template"}
    answer = parse_model_reply(content)
    problems = (["not the JSON asked for"] if answer is None else
                check_model_draft(answer, args["part"], facts, report, voice, other_units or ()))
    if problems or answer is None:
        log.warning("model draft %s for %s (%s) rejected, template sent instead: %s", args["code"], voice.name,
                    job.id, "; ".join(problems))
        return {"text": args["template"], "tz": tz, "source": "template"}
    return {"text": answer.draft, "tz": tz, "source": "model"}


def _deliver(store: Store, job: Job, result: dict[str, str], now: datetime) -> None:
    user = store.user(job.args["userid"])
    if user is None:
        return
    arrived = Incoming(user.userid, "draft", now, text=result["text"], event_key=f"{job.args['code']}#{job.args['n']}",
                       message_id=f"job:{job.id}")
    engine = NianbaoEngine(ZoneInfo(result["tz"]), model_drafts=True)
    deliver_replies(store, job, user.userid, engine.staff_turn(store, user, arrived, now), now)


def _on_failure(store: Store, job: Job, refusal: str | None, now: datetime) -> None:
    """Never a silence: a job that could not run at all still offers the template draft."""
    _deliver(store, job, {"text": job.args["template"], "tz": "Asia/Shanghai"}, now)


# the model's own time is bounded by NIANBAO_LLM_TIMEOUT; the attempt's bound only guards against a stuck job
register(JobKind(KIND, _load, draft_with_model, _deliver, on_failure=_on_failure, max_attempts=3, timeout=600))
