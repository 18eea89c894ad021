"""`templates.render_context` (every message goes through it) renders as jinja2's own `Template.render` does: the
same text, the template globals available, and a missing value still an error naming it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from jinja2.exceptions import UndefinedError

import templates

TEMPLATE = "test/globals.j2"


@pytest.fixture
def with_test_template(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A template using jinja2's globals (range, namespace), a loop and a filter, added to the package's loader."""
    source = ("{% set ns = namespace(total=0) %}{% for i in range(n) %}{% set ns.total = ns.total + i %}"
              "{{ loop.index }}{{ '、' if not loop.last }}{% endfor %}：{{ ns.total }} {{ word | upper }}")
    env = templates.environment()
    compiled = env.from_string(source)
    compiled.name = TEMPLATE
    templates.template.cache_clear()
    templates._with_globals.cache_clear()
    original = env.get_template
    monkeypatch.setattr(env, "get_template", lambda name: compiled if name == TEMPLATE else original(name))
    yield
    templates.template.cache_clear()
    templates._with_globals.cache_clear()


def test_the_text_is_jinja2s_own(with_test_template: None) -> None:
    context = {"n": 4, "word": "ok"}
    assert templates.render_context(TEMPLATE, context) == templates.template(TEMPLATE).render(context) == "1、2、3、4：6 OK"


def test_a_message_renders_as_before() -> None:
    context = {"code": "2.1", "title": "规章", "n": 1, "total": 30, "body": "请回复三个数字"}
    assert templates.render_context("messages/question.j2", context) == templates.template(
        "messages/question.j2").render(context)


def test_a_missing_value_is_an_error_naming_it(with_test_template: None) -> None:
    with pytest.raises(UndefinedError, match="'word'"):
        templates.render_context(TEMPLATE, {"n": 2})
