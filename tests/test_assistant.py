"""`signpost mcp`: an assistant lists the tool, calls it, and gets what the route API and
the results page give. Tested with the MCP SDK's own client."""
import asyncio
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from mcp import Client, StdioServerParameters

from signpost.assistant import make_server
from signpost.config import PROJECT_ROOT


def run_async(coroutine_function):
    """On a thread of its own: the browser tests' event loop may be running on this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine_function()).result()


def run(app, talk):
    async def session():
        async with Client(make_server(app)) as client:
            return await talk(client)
    return run_async(session)


def test_an_assistant_finds_the_tool_and_is_told_to_send_codes_only(app):
    tools = run(app, lambda client: client.list_tools()).tools
    tool = next(t for t in tools if t.name == "find_help")
    assert "never the person's own words" in tool.description
    assert {"place", "who", "what", "need", "danger", "language"} <= set(
        tool.input_schema["properties"])
    assert set(tool.input_schema["required"]) == {"place", "who"}


def test_the_tool_gives_what_the_route_api_gives(app, client):
    arguments = {"place": "FR", "who": "survivor", "what": ["fake"], "language": "fr"}
    result = run(app, lambda c: c.call_tool("find_help", arguments))
    assert not result.is_error
    from_tool = json.loads(result.content[0].text)
    from_api = client.post("/api/v1/route", json=arguments).get_json()
    assert from_tool == from_api
    assert from_tool["steps"] and from_tool["groups"][0]["listings"][0]["source"]


def test_a_wrong_code_gets_an_error_naming_the_allowed_values(app):
    result = run(app, lambda c: c.call_tool("find_help", {"place": "DE", "who": "teacher"}))
    assert result.is_error
    text = result.content[0].text
    assert '"field": "who"' in text and "professional" in text


def test_the_resources_give_a_places_help_and_its_law(app):
    async def read(client):
        templates = await client.list_resource_templates()
        help_ = await client.read_resource("signpost://jurisdictions/IE/help")
        law = await client.read_resource("signpost://jurisdictions/IE/law")
        return templates, help_, law
    templates, help_, law = run(app, read)
    assert {t.uri_template for t in templates.resource_templates} == {
        "signpost://jurisdictions/{code}/help", "signpost://jurisdictions/{code}/law"}
    facts = json.loads(help_.contents[0].text)
    assert facts["code"] == "IE" and facts["emergency"]["phones"] and facts["listings"]
    assert json.loads(law.contents[0].text)["code"] == "IE"


def test_signpost_mcp_speaks_the_protocol_on_stdio(built_database, tmp_path):
    server = StdioServerParameters(
        command=sys.executable, args=["-m", "signpost.serve", "mcp"], cwd=str(tmp_path),
        env={**os.environ, "SIGNPOST_DATABASE_URL": f"sqlite:///{built_database}",
             "SIGNPOST_READ_ONLY": "1", "SIGNPOST_PAGES_FILE": "", "PYTHONPATH": str(
                 PROJECT_ROOT)})

    async def session():
        async with Client(server) as client:
            tools = await client.list_tools()
            result = await client.call_tool("find_help", {"place": "NZ", "who": "parent"})
            return tools, result
    tools, result = run_async(session)
    assert [t.name for t in tools.tools] == ["find_help"]
    assert json.loads(result.content[0].text)["place"]["code"] == "NZ"
