"""The desk's session cookie and CSRF token: signed, expiring, bound to one session."""

from __future__ import annotations

from handlers.web.desk.session import (
    SESSION_SECONDS,
    csrf_ok,
    csrf_token,
    new_session,
    read_session,
    sign,
    unsign,
)

SECRET = "s" * 32


def test_a_session_reads_back_until_it_expires() -> None:
    session, cookie = new_session(SECRET, "supA", now=1000.0)
    assert read_session(SECRET, cookie, now=1000.0 + SESSION_SECONDS - 1) == session
    assert read_session(SECRET, cookie, now=1000.0 + SESSION_SECONDS) is None


def test_forged_and_altered_cookies_are_refused() -> None:
    _, cookie = new_session(SECRET, "supA", now=1000.0)
    payload, mac = cookie.split(".")
    _, other = new_session(SECRET, "supB", now=1000.0)
    assert read_session("t" * 32, cookie, now=1000.0) is None  # another key
    assert read_session(SECRET, other.split(".")[0] + "." + mac, now=1000.0) is None  # payload swapped
    assert read_session(SECRET, payload, now=1000.0) is None
    assert read_session(SECRET, None, now=1000.0) is None
    # a token signed for another purpose (the sign-in state) is no session
    assert read_session(SECRET, sign(SECRET, "signin", {"u": "supA", "exp": 9999, "n": "x"}), now=1000.0) is None
    assert unsign(SECRET, "session", "a.b.c", now=0) is None


def test_the_csrf_token_belongs_to_one_session() -> None:
    first, _ = new_session(SECRET, "supA", now=1000.0)
    second, _ = new_session(SECRET, "supA", now=1000.0)
    assert csrf_ok(SECRET, first, csrf_token(SECRET, first))
    assert not csrf_ok(SECRET, first, csrf_token(SECRET, second))
    assert not csrf_ok(SECRET, first, "") and not csrf_ok(SECRET, first, None)
