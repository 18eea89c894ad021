"""`nianbao serve` as a real subprocess: the demo with `nianbao chat`, a settings error, and a SIGKILL restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from handlers.config import read_env_file
from handlers.demo import DEMO_UNITS
from storage import Store
from tests.e2e.servers import AES_KEY, TOKEN, free_port
from tests.handlers.standin_fixtures import AGENT, CORP, SECRET, running_standin

NIANBAO = [sys.executable, "-m", "handlers.cli"]
ROOT = Path(__file__).resolve().parents[2]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WECOM_", "NIANBAO_"))}
    env["PYTHONPATH"] = str(ROOT)
    return {**env, **extra}


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                import json

                return json.loads(response.read())
        except OSError:
            time.sleep(0.1)
    raise AssertionError("server did not become healthy")


def start(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([*NIANBAO, *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen]]:
    port = free_port()
    process = start(["serve", "--demo", "--port", str(port)], tmp_path, clean_env())
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, process)
        yield url, tmp_path, process
    finally:
        stop(process)


def test_demo_serves_and_chat_gets_answers(demo) -> None:
    url, cwd, _ = demo
    env_file = read_env_file(cwd / "data" / "demo.env")
    assert env_file["WECOM_API_BASE"] == url + "/wecom-api"
    chat = subprocess.run([*NIANBAO, "chat", "--user", "demo_zhang", "--say", "你好", "0 0 0"], cwd=cwd,
                          env=clean_env(), capture_output=True, text=True, timeout=60)
    assert chat.returncode == 0, chat.stderr
    # the real conversation: a greeting with the user's name and unit, then 2.1 answered and 2.2 asked
    assert "张明，您好" in chat.stdout and "【2.1】" in chat.stdout and "【2.2】" in chat.stdout
    stranger = subprocess.run([*NIANBAO, "chat", "--user", "nobody", "--url", url, "--say", "你好"], cwd=cwd,
                              env=clean_env(), capture_output=True, text=True, timeout=60)
    assert "尚未登记" in stranger.stdout and "企业微信账号（nobody）" in stranger.stdout
    admin = subprocess.run([*NIANBAO, "chat", "--user", "demo_admin", "--url", url, "--say", "未登记"], cwd=cwd,
                           env=clean_env(), capture_output=True, text=True, timeout=60)
    assert "nobody：首次" in admin.stdout, admin.stdout


def test_chat_piped_into_head_exits_quietly(demo) -> None:
    url, cwd, _ = demo
    chat = subprocess.Popen([*NIANBAO, "chat", "--user", "demo_admin", "--url", url, "--say", "帮助", "汇总", "未完成"],
                            cwd=cwd, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert chat.stdout is not None and chat.stderr is not None
    chat.stdout.readline()  # like `| head -1`: read one line, then close the pipe
    chat.stdout.close()
    assert chat.wait(timeout=60) == 0
    errors = chat.stderr.read()
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors


def test_demo_start_is_idempotent(demo) -> None:
    url, cwd, process = demo
    before = read_env_file(cwd / "data" / "demo.env")
    stop(process)
    port = free_port()
    again = start(["serve", "--demo", "--port", str(port)], cwd, clean_env())
    try:
        wait_healthy(f"http://127.0.0.1:{port}", again)
    finally:
        stop(again)
    after = read_env_file(cwd / "data" / "demo.env")
    assert after["WECOM_AES_KEY"] == before["WECOM_AES_KEY"] and after["WECOM_TOKEN"] == before["WECOM_TOKEN"]
    with Store.open(cwd / "data" / "demo.db") as store:
        assert len(store.units("示范县")) == len(DEMO_UNITS) == 10 and len(store.users()) == 7


def test_a_settings_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run([*NIANBAO, "serve", "--port", str(free_port())], cwd=tmp_path, env=clean_env(),
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "WECOM_CORP_ID" in result.stderr
    bad_key = clean_env(WECOM_CORP_ID="ww1", WECOM_AGENT_ID="1", WECOM_SECRET="s", WECOM_TOKEN="t",
                        WECOM_AES_KEY="short", NIANBAO_PUBLIC_URL="http://x", NIANBAO_SECRET_KEY="k" * 20)
    result = subprocess.run([*NIANBAO, "serve"], cwd=tmp_path, env=bad_key, capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 2 and "WECOM_AES_KEY" in result.stderr and "Traceback" not in result.stderr


async def test_sigkill_with_a_full_queue_then_restart_delivers_each_message_once(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    with Store.open(db) as store:
        for i in range(10):
            store.enqueue(["alice"], "text", {"content": f"排队{i}"}, datetime.now(UTC), dedup_key=f"k{i}")
    async with running_standin(time.time) as wecom:  # type: ignore[arg-type]
        env = clean_env(NIANBAO_DB=str(db), WECOM_CORP_ID=CORP, WECOM_AGENT_ID=str(AGENT), WECOM_SECRET=SECRET,
                        WECOM_TOKEN=TOKEN, WECOM_AES_KEY=AES_KEY, WECOM_API_BASE=wecom.url,
                        NIANBAO_PUBLIC_URL="http://127.0.0.1", NIANBAO_SECRET_KEY="k" * 20)
        wecom.standin.fail_next(10_000, "http500")  # WeCom is down
        port = free_port()
        first = start(["serve", "--port", str(port)], tmp_path, env)
        try:
            await _until(lambda: wecom.standin.gettoken_calls >= 2)  # failed, and failed again after backoff
        finally:
            stop(first, signal.SIGKILL)
        wecom.standin._faults.clear()  # WeCom is back
        second = start(["serve", "--port", str(port)], tmp_path, env)
        try:
            await _until(lambda: len(wecom.standin.outbox("alice")) >= 10)
            await _until(lambda: _pending(db) == 0)
        finally:
            stop(second)
        assert [m["text"] for m in wecom.standin.outbox("alice")] == [f"排队{i}" for i in range(10)]


def _pending(db: Path) -> int:
    with Store.open(db) as store:
        return len(store.due_outbox(datetime(9999, 1, 1, tzinfo=UTC)))


async def _until(check, timeout: float = 60.0) -> None:
    import asyncio

    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def test_chat_sends_a_file_and_the_sent_page_lists_the_files_to_download(demo) -> None:
    """issue 11: `nianbao chat --file last_year.docx` sends a file as WeCom would; the stand-in's page shows what
    the bot sent to each user, with its files to download."""
    import urllib.request

    from bot.importers import import_report
    from bot.render import render_docx
    from tests.conftest import seed_path

    url, cwd, _ = demo
    last_year = cwd / "last_year.docx"
    report = import_report(seed_path(4)).report
    last_year.write_bytes(render_docx(report))
    chat = subprocess.run([*NIANBAO, "chat", "--user", "demo_zhang", "--url", url, "--file", str(last_year),
                           "--say", "你好", "预览"], cwd=cwd, env=clean_env(), capture_output=True, text=True,
                          timeout=90)
    assert chat.returncode == 0, chat.stderr
    assert "【您·文件】last_year.docx" in chat.stdout and "Traceback" not in chat.stderr
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1, never through a proxy

    def sent_page() -> str:
        with direct.open(f"{url}/wecom-api/_standin/sent") as response:
            return response.read().decode("utf-8")

    # what goes through the API (the file's verdict, 预览's Word file) is sent by the jobs and the outbox after the
    # chat has its passive replies: on a busy machine, a moment later
    deadline = time.monotonic() + 90
    while "demo_zhang" not in (page := sent_page()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "demo_zhang" in page and "助手发出的消息" in page
    with direct.open(f"{url}/wecom-api/_standin/sent?touser=demo_zhang") as response:
        mine = response.read().decode("utf-8")
    assert "<li>" in mine
    missing = subprocess.run([*NIANBAO, "chat", "--user", "demo_zhang", "--url", url, "--file", "nope.docx"], cwd=cwd,
                             env=clean_env(), capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_the_demo_runs_over_the_long_connection_and_chat_taps_its_cards(tmp_path: Path) -> None:
    """NIANBAO_DEMO_CHANNEL=longconn without a real bot: the gateway stand-in is mounted on the demo server, the
    bot connects out to it, and `nianbao chat` plays the user's phone there — replies, cards, taps."""
    port = free_port()
    process = start(["serve", "--demo", "--port", str(port)], tmp_path, clean_env(NIANBAO_DEMO_CHANNEL="longconn"))
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, process)
        env_file = read_env_file(tmp_path / "data" / "demo.env")
        assert env_file["WECOM_GATEWAY_URL"] == f"ws://127.0.0.1:{port}/wecom-gateway/"
        assert env_file["WECOM_BOT_ID"].startswith("aibdemo")
        # the bot connects out a moment after the server starts: the phone's first message waits for it
        chat = subprocess.run([*NIANBAO, "chat", "--user", "demo_zhang", "--say", "你好", "0 0 0", "0 0 0", "0 0 0",
                               "0", "点 否"], cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=90)
        assert chat.returncode == 0, (chat.stdout, chat.stderr)
        assert "张明，您好" in chat.stdout and "【3.1】" in chat.stdout, chat.stdout
        assert "【助手·卡片】【3.1】是否收到申请" in chat.stdout and "［是］［否］" in chat.stdout, chat.stdout
        assert "【4.1】" in chat.stdout, chat.stdout  # the tap on 否 answered 3.1
    finally:
        stop(process)
