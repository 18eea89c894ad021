"""A small real HTTP stand-in for a language model: OpenAI's `/v1/chat/completions` on 127.0.0.1.

Modes: "good" writes a paragraph from the facts it is given (numbered lines of the user message) with the self-word
it is told; "inventing" does the same and adds a number nobody stated; "slow" answers only after `delay` seconds.
Every request is kept (`requests`) so a test can count the calls.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

PATH = "/v1/chat/completions"


@dataclass
class ModelStandIn:
    mode: str = "good"
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    server: TestServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url(PATH))

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(body)
        if self.mode == "slow":
            await asyncio.sleep(self.delay)
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        facts = re.findall(r"^(\d+)\. (.+)$", user, re.M)
        self_word = re.search(r"自称“([^”]+)”", user).group(1)  # type: ignore[union-attr]
        draft = f"{self_word}" + "，".join(text for _, text in facts) + "，方便群众查询获取政府信息。"
        if self.mode == "inventing":
            draft = draft.replace("。", "，全年累计发布信息9999条。")
        if self.mode == "neighbour":  # copies a sentence of another unit's report
            draft = draft.replace("。", "，青山乡持续推进政务公开。")
        content = json.dumps({"draft": draft, "facts_used": [int(n) for n, _ in facts]}, ensure_ascii=False)
        return web.json_response({
            "id": "chatcmpl-standin", "object": "chat.completion", "model": body.get("model", ""),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        })


@asynccontextmanager
async def running_model(mode: str = "good", delay: float = 0.0) -> AsyncIterator[ModelStandIn]:
    standin = ModelStandIn(mode, delay)
    app = web.Application()
    app.router.add_post(PATH, standin.handle)
    standin.server = TestServer(app, host="127.0.0.1")
    await standin.server.start_server()
    try:
        yield standin
    finally:
        await standin.server.close()
