"""The code's layers: content and the journey's rules know nothing of the web, and no two
modules import each other, directly or round a loop."""
import ast
from pathlib import Path

from signpost.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "signpost"
# Pure layers: tested without Flask, and never reaching up into the site.
PURE = ("signpost.content", "signpost.flow", "signpost.matching", "signpost.first_steps",
        "signpost.codes", "signpost.opening", "signpost.removal_letters")
SITE = ("flask", "flask_babel", "flask_wtf", "signpost.journey", "signpost.api",
        "signpost.directory", "signpost.maintainers", "signpost.templating",
        "signpost.prerendered", "signpost.current")


def module_name(path):
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path):
    """Every module `path` imports at its top level or inside functions."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def graph():
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in imports(path) if m in modules and m != name}
            for name, path in modules.items()}


def _within(name, prefixes):
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_pure_layers_never_reach_into_the_site():
    upward = {(name, target)
              for name, path in ((module_name(p), p) for p in PACKAGE.rglob("*.py"))
              if _within(name, PURE)
              for target in imports(path) if _within(target, SITE)}
    assert upward == set()


def test_no_import_cycles():
    edges = graph()
    # A package's __init__ importing its own submodules is how a package is put together.
    edges = {name: {t for t in targets if not t.startswith(name + ".")}
             for name, targets in edges.items()}
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(edges[node]):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert cycles == []
