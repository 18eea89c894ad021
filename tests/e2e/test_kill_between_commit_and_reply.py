"""A server killed after a message's batch committed but before it answered: WeCom's retry, to the restarted
server, gets the reply that was committed, and the conversation has advanced exactly once."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import aiohttp

from storage import Store
from tests.e2e.servers import AES_KEY, TOKEN, free_port, peer, seed_org
from tests.e2e.test_demo import clean_env, start, stop, wait_healthy
from tests.handlers.standin_fixtures import AGENT, CORP, SECRET


def _env(db: Path) -> dict[str, str]:
    return clean_env(NIANBAO_DB=str(db), WECOM_CORP_ID=CORP, WECOM_AGENT_ID=str(AGENT), WECOM_SECRET=SECRET,
                     WECOM_TOKEN=TOKEN, WECOM_AES_KEY=AES_KEY, WECOM_API_BASE="http://127.0.0.1:9",
                     NIANBAO_PUBLIC_URL="http://127.0.0.1", NIANBAO_SECRET_KEY="k" * 20)


def _logged(db: Path, userid: str) -> int:
    with Store.open(db) as store:
        return store.db.execute("SELECT count(*) FROM message_log WHERE userid = ?", (userid,)).fetchone()[0]


async def test_kill_between_commit_and_reply(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    with Store.open(db) as store:
        seed_org(store)
    env = _env(db)
    port = free_port()
    killer = subprocess.Popen([sys.executable, "-m", "tests.e2e.kill_after_commit_server", str(port)], cwd=tmp_path,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    request = peer().text("alice", "你好")  # WeCom resends exactly this request (same MsgId) when unanswered
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, killer, timeout=60)
        async with aiohttp.ClientSession() as session:
            try:
                async with session.post(url + "/wecom/callback", params=request.query, data=request.body) as r:
                    answered = (r.status, await r.read())
            except aiohttp.ClientError:
                answered = None
        assert answered is None, answered  # no reply came: the server died after its commit
        assert killer.wait(timeout=30) == -signal.SIGKILL
    finally:
        stop(killer)
    assert _logged(db, "alice") == 1  # committed before the kill

    port = free_port()
    second = start(["serve", "--port", str(port)], tmp_path, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, second, timeout=60)
        async with aiohttp.ClientSession() as session:
            async with session.post(url + "/wecom/callback", params=request.query, data=request.body) as r:
                assert r.status == 200
                reply = peer().decrypt_reply(await r.read())
    finally:
        stop(second)
    assert reply is not None and "张明" in reply["Content"], reply  # the committed greeting
    assert _logged(db, "alice") == 1  # replayed from the dedup record, not run again
