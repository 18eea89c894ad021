"""Every text nianbao produces comes from a jinja2 template in this package."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template


class _Environment(Environment):
    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one plain dict, not jinja2's ChainMap over the environment's: every render copies
        them into a new context, and every `{% import %}` of a macro file compares their keys with the importer's,
        both through ChainMap's Python-level iteration (two thirds of a short message's rendering, a twentieth of a
        draft's). A copy: the environment's globals are never changed once a template is loaded (as jinja2 advises)."""
        return {**self.globals, **(d or {})}


@cache
def environment() -> Environment:
    """The shared jinja2 environment: strict about missing values, no HTML escaping outside .html templates."""
    return _Environment(
        loader=PackageLoader("templates", ""),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are package files: no stat() of the file on every message
    )


@cache
def template(name: str) -> Template:
    """The compiled template `name`, held here: jinja2's own cache takes a lock and reorders a queue on every look-up,
    and our templates never change while the process runs (`auto_reload=False`)."""
    return environment().get_template(name)


def render(name: str, **context: object) -> str:
    return render_context(name, context)


def render_context(name: str, context: Mapping[str, object]) -> str:
    return template(name).render(context)
