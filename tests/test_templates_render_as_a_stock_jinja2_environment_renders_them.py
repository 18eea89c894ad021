"""Our jinja2 environment gives each template its globals as one plain dict (jinja2 chains them to the environment's,
a ChainMap read in Python at every render and every `{% import %}`): it renders every draft — the templates that import
macro files — exactly as a stock environment with the same options renders it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from jinja2 import Environment

import templates
from tests.bot.draft_samples import demo_drafts, seed_drafts


@pytest.fixture
def stock_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    ours = templates.environment()
    stock = Environment(loader=ours.loader, autoescape=ours.autoescape, undefined=ours.undefined,
                        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    templates.template.cache_clear()
    monkeypatch.setattr(templates, "environment", lambda: stock)
    yield
    templates.template.cache_clear()


def drafts() -> dict:
    return {**demo_drafts(), **demo_drafts(2024), **seed_drafts()}


@pytest.fixture(scope="module")
def our_drafts() -> dict:
    templates.template.cache_clear()
    return drafts()


def test_every_draft_reads_as_a_stock_environment_drafts_it(our_drafts: dict, stock_environment: None) -> None:
    assert type(templates.environment()) is Environment
    assert drafts() == our_drafts


def test_a_macro_file_a_draft_imports_holds_its_globals_as_one_dict(our_drafts: dict) -> None:
    for name in ("drafts/_figures.j2", "drafts/_counts.j2", "drafts/_points.j2", "drafts/summary.j2"):
        assert type(templates.environment().get_template(name).globals) is dict, name
