"""Every text nianbao produces comes from a jinja2 template in this package."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template


@cache
def environment() -> Environment:
    """The shared jinja2 environment: strict about missing values, no HTML escaping outside .html templates."""
    return Environment(
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
    compiled = environment().get_template(name)
    # its globals as one plain dict: jinja2 chains them to the environment's (a ChainMap), and every render copies
    # them into a new context through ChainMap's Python-level iteration, two thirds of a short message's rendering
    compiled.globals = dict(compiled.globals)
    return compiled


def render(name: str, **context: object) -> str:
    return render_context(name, context)


def render_context(name: str, context: Mapping[str, object]) -> str:
    return template(name).render(context)
