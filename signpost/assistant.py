"""`signpost mcp`: the route API as a tool for AI assistants (Model Context Protocol, on
stdio). `find_help` posts to the same /api/v1/route the web uses, in-process, so an
assistant gets exactly what the results page gives; two read-only resources give a
jurisdiction's help and its law note. Nothing a call carries is logged or kept."""
import json

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

INSTRUCTIONS = (
    "signpost finds official help for survivors of child sexual abuse material, including "
    "AI-made or edited ('nudified', deepfake) images and sextortion, and for the parents "
    "and carers of children who were targeted: where to report, how to get images taken "
    "down, who to talk to, how to claim compensation, in 36 countries and their regions.")

FIND_HELP = (
    "Use this when a person tells you that sexual images of a child or teenager (real, "
    "edited or AI-made) were shared or threatened, that a child was groomed online, or that "
    "they are a survivor, a parent or a worried adult looking for help, and you need the "
    "right services for where they live. It returns the steps to take now, the services "
    "with their phone numbers, hours and whether they are open now, the emergency numbers "
    "and the compensation and law notes, each with its official source and the date it was "
    "checked, in the person's language. Send ONLY the codes below, never the person's own "
    "words or any detail of what happened. If someone is in danger now, set danger to "
    "'yes' and give the emergency number first. Arguments: place (a jurisdiction code such "
    "as DE, GB-SCT, US-CA; INT if the country is not covered), who (child, survivor, "
    "parent, bystander, worried, professional), what (list of: shared, fake, threats, "
    "grooming, livestream, offline, unsaid), need (list of: remove, report, talk, "
    "compensation, law, everything), danger (yes or no), language (a code such as en, de, "
    "pt-PT, zh-Hans). A wrong value gets an error listing the allowed ones.")


def make_server(app):
    """An MCP server answering from `app`'s content."""
    server = MCPServer("signpost", instructions=INSTRUCTIONS)
    client = app.test_client()

    def ask(method, path, body=None):
        response = client.open(path, method=method, json=body)
        data = response.get_json(silent=True) or {}
        if response.status_code != 200:
            raise ToolError(json.dumps(data, ensure_ascii=False))
        return data

    @server.tool(name="find_help", description=FIND_HELP)
    def find_help(place: str, who: str, what: list[str] | None = None,
                  need: list[str] | None = None, danger: str | None = None,
                  language: str = "en") -> dict:
        body = {"place": place, "who": who, "what": what, "need": need, "danger": danger,
                "language": language}
        return ask("POST", "/api/v1/route", {k: v for k, v in body.items() if v is not None})

    @server.resource("signpost://jurisdictions/{code}/help", mime_type="application/json",
                     description="A country's or region's emergency numbers, listings and "
                                 "compensation scheme, each with its source and date checked.")
    def jurisdiction_help(code: str) -> str:
        facts = ask("GET", f"/api/v1/jurisdictions/{code.upper()}")
        facts["listings"] = ask("GET", f"/api/v1/jurisdictions/{code.upper()}/listings")[
            "listings"]
        return json.dumps(facts, ensure_ascii=False)

    @server.resource("signpost://jurisdictions/{code}/law", mime_type="application/json",
                     description="Whether AI-made sexual images of children are illegal "
                                 "there, the provisions, and the official sources.")
    def jurisdiction_law(code: str) -> str:
        records = ask("GET", "/api/v1/law")["jurisdictions"]
        found = next((r for r in records if r["code"] == code.upper()), None)
        if found is None:
            raise ToolError(f"No jurisdiction {code!r}: see signpost://jurisdictions.")
        return json.dumps(found, ensure_ascii=False)

    @server.resource("signpost://jurisdictions", mime_type="application/json",
                     description="Every jurisdiction code signpost covers, with its names.")
    def jurisdictions() -> str:
        return json.dumps(ask("GET", "/api/v1/jurisdictions"), ensure_ascii=False)

    return server
