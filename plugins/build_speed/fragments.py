"""``{% include_cached "partials/sidebar.html" %}``: an include rendered once per input.

The sidebar, the header and the footer are the same on thousands of pages, yet
``{% include %}`` renders them again for each one. ``include_cached`` behaves
exactly like ``include`` (same context, same output), but first works out from
the template's source (and the templates it includes or imports) which
variables it reads, and reuses the text rendered for the same values of those
variables: the very same objects, or equal strings, numbers, booleans and
``None``, which cannot change in place. A fragment that reads a page's own data
(``article``, ``output_file``) is simply rendered for each page; one whose
inputs cannot be known (a computed template name, a function that reads the
whole context) is never reused.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from jinja2 import meta, nodes
from jinja2.ext import Extension
from jinja2.runtime import Context
from markupsafe import Markup

# Fragments kept per template environment; listing pages of many different
# periods each have their own "articles", so old entries are dropped.
MAX_ENTRIES = 64


def _reads_context(function: Any) -> bool:
    """Whether a Jinja callable receives the whole template context."""
    pass_arg = getattr(function, "jinja_pass_arg", None)
    return getattr(pass_arg, "name", "") == "context"


# Values that cannot change in place: the same value renders the same text.
_PLAIN = (str, bool, int, type(None))


def _identity(value: Any) -> tuple[Any, ...]:
    """A value as it keys a fragment: plain values by type and value, others by object.

    The type too, since ``True == 1`` and both hash alike, yet print apart.
    """
    kind = type(value)
    if kind in _PLAIN:
        return (kind, value)
    return (None, id(value))


class IncludeCachedExtension(Extension):
    """The ``include_cached`` tag."""

    tags = {"include_cached"}  # noqa: RUF012 - Jinja's Extension API

    def __init__(self, environment) -> None:
        super().__init__(environment)
        self._inputs: dict[str, frozenset[str] | None] = {}
        self._rendered: OrderedDict[tuple, tuple[Markup, list[Any]]] = OrderedDict()

    def forget(self) -> None:
        """Drop every rendered fragment (their inputs changed in place)."""
        self._rendered.clear()

    def parse(self, parser):
        """``{% include_cached EXPR %}`` -> output of ``_render(EXPR, context)``."""
        lineno = next(parser.stream).lineno
        name = parser.parse_expression()
        call = self.call_method("_render", [name, nodes.DerivedContextReference()], lineno=lineno)
        return nodes.Output([call], lineno=lineno)

    def inputs(self, name: str) -> frozenset[str] | None:
        """Variables template ``name`` (with what it includes) reads; None if unknowable."""
        if name not in self._inputs:
            self._inputs[name] = self._analyse(name)
        return self._inputs[name]

    def _analyse(self, name: str) -> frozenset[str] | None:
        env = self.environment
        found: set[str] = set()
        seen: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            source, _, _ = env.loader.get_source(env, current)
            tree = env.parse(source)
            found |= meta.find_undeclared_variables(tree)
            for reference in meta.find_referenced_templates(tree):
                if reference is None:
                    return None  # a template name computed at render time
                pending.append(reference)
            if self._calls_context_readers(tree):
                return None
        return frozenset(found)

    def _calls_context_readers(self, tree) -> bool:
        env = self.environment
        for node in tree.find_all((nodes.Filter, nodes.Test)):
            table = env.filters if isinstance(node, nodes.Filter) else env.tests
            if _reads_context(table.get(node.name)):
                return True
        for node in tree.find_all(nodes.Call):
            if isinstance(node.node, nodes.Name) and _reads_context(
                env.globals.get(node.node.name)
            ):
                return True
        return False

    def _render(self, name: str, context: Context) -> Markup:
        template = self.environment.get_template(name, parent=context.name)
        inputs = self.inputs(template.name or name)
        if inputs is None:
            return Markup(template.render(context.get_all()))
        names = sorted(inputs)
        values = [context.resolve_or_missing(variable) for variable in names]
        if any(callable(value) and _reads_context(value) for value in values):
            return Markup(template.render(context.get_all()))
        key = (template.name, tuple(map(_identity, values)))
        cached = self._rendered.get(key)
        if cached is not None:
            self._rendered.move_to_end(key)
            return cached[0]
        text = Markup(template.render(context.get_all()))
        # The values stay referenced, so their ids cannot be reused meanwhile.
        self._rendered[key] = (text, values)
        if len(self._rendered) > MAX_ENTRIES:
            self._rendered.popitem(last=False)
        return text
