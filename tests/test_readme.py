"""The README's promises about how to run and test signpost."""
import re

from signpost.config import PROJECT_ROOT


def _commands_under(heading):
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_ci_runs_exactly_the_readme_test_command():
    (command,) = _commands_under("Test it")
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()


def test_readme_run_command_uses_signpost_serve():
    (command,) = _commands_under("Run it")
    assert command.endswith("signpost serve")
