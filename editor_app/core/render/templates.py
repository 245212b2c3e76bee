"""The one Jinja2 environment for Byline's templates (resources/templates).

The previewed article and the exported pages, listing and feed all come from here, with
the same options: autoescaping on every template (.xml too: &<>"' are escaped alike),
StrictUndefined (a typo in a template fails loudly instead of printing nothing), blocks
trimmed, a file's last newline kept.
"""

from __future__ import annotations

import functools

import jinja2

from editor_app.core.resources import resource_path


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def template(name: str) -> jinja2.Template:
    return environment().get_template(name)
