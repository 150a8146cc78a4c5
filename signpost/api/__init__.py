"""The read-only JSON API under /api/v1/, and its OpenAPI 3.1 description, written by hand
so that other tools can rely on it; tests/test_api.py checks it names every route."""

HSDS_SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled"


def _ok(description, schema):
    return {"200": {"description": description,
                    "content": {"application/json": {"schema": schema}}}}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _get(summary, operation, schema, parameter=None, description=None):
    responses = _ok(summary, schema)
    if parameter:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    responses["405"] = {"$ref": "#/components/responses/MethodNotAllowed"}
    operation_object = {"summary": summary, "operationId": operation, "responses": responses}
    if description:
        operation_object["description"] = description
    if parameter:
        operation_object["parameters"] = [{"$ref": f"#/components/parameters/{parameter}"}]
    return {"get": operation_object}


_TEXTS = {"type": "object", "description": "Text per language code; `en` is always there.",
          "additionalProperties": {"type": "string"}}
_PROVENANCE = {
            "source": {"type": "string", "format": "uri"},
            "source_kind": {"enum": ["official", "own", "secondary"],
                            "description": "An official body's page, the service's own "
                                           "website, or a secondary source (news, a "
                                           "directory, a law firm)."},
            "source_date": {"type": ["string", "null"], "format": "date",
                            "description": "The date the source page itself shows, if any."},
            "other_sources": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "assured_date": {"type": "string", "format": "date",
                             "description": "The day the facts were checked on the source."}}
_SOURCED = {**_PROVENANCE,
            "stated_in": {"type": "string", "description": "The jurisdiction whose facts these "
                                                           "are: itself, or its country's."}}
_FACTS = {"type": ["object", "null"], "additionalProperties": True, "properties": _SOURCED}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {
        "title": "signpost API",
        "version": "1.0.0",
        "summary": "Where survivors of child sexual abuse material, and parents, can find help.",
        "description": (
            "Read-only. Every listing and fact carries its official `source` and the date it "
            "was checked (`assured_date`). Answers depend on the URL alone: no cookies, any "
            "origin may read them (CORS), and shared caches may keep them for five minutes. "
            "`/hsds/` serves the listings in Open Referral HSDS 3.0."),
        "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
    },
    "servers": [{"url": "/api/v1"}],
    "paths": {
        "/jurisdictions": _get("Every country and region, and INT (anywhere).",
                               "listJurisdictions", {"type": "object", "properties": {
                                   "jurisdictions": {"type": "array",
                                                     "items": _ref("JurisdictionSummary")}}}),
        "/jurisdictions/{code}": _get(
            "One jurisdiction with its emergency numbers, compensation scheme and law.",
            "getJurisdiction", _ref("Jurisdiction"), "code",
            "A region without facts of its own shows its country's, with `stated_in`."),
        "/jurisdictions/{code}/listings": _get(
            "The listings that name this jurisdiction among their service areas.",
            "listJurisdictionListings", {"type": "object", "properties": {
                "jurisdiction": {"type": "string"},
                "listings": {"type": "array", "items": _ref("Listing")}}}, "code",
            "A region's visitors are also helped by its country's listings and by INT's."),
        "/listings/{listing_id}": _get("One listing.", "getListing", _ref("Listing"),
                                       "listing_id"),
        "/hsds/services": _get("Every listing as a fully nested HSDS 3.0 service, in one page.",
                               "listHsdsServices", _ref("HsdsServicePage")),
        "/hsds/organizations": _get("Every listing's HSDS 3.0 organization, in one page.",
                                    "listHsdsOrganizations", _ref("HsdsOrganizationPage")),
        "/law": _get(
            "The law on AI-made sexual images of children, one record per jurisdiction.",
            "listLaw", _ref("LawData"),
            description="Open data under CC BY 4.0 (see `licence`). `ai_images` follows from "
                        "the provisions in force: `explicit` (a provision names AI-made or "
                        "computer-generated images), `general` (a general definition covers "
                        "them), `not_covered` (real children only) or `unclear`. A region "
                        "without a law section of its own has its country's, with `stated_in`."),
        "/law.csv": {"get": {
            "summary": "The same records as CSV, one row per jurisdiction.",
            "operationId": "listLawCsv",
            "responses": {"200": {"description": "UTF-8 CSV with a header row.",
                                  "content": {"text/csv": {"schema": {"type": "string"}}}},
                          "405": {"$ref": "#/components/responses/MethodNotAllowed"}}}},
        "/openapi.json": _get("This document.", "getOpenApi", {"type": "object"}),
    },
    "components": {
        "parameters": {
            "code": {"name": "code", "in": "path", "required": True,
                     "description": "ISO 3166-1 or 3166-2 code (GB, GB-SCT, US-CA), GB-EAW, "
                                    "or INT; in any case.",
                     "schema": {"type": "string"}},
            "listing_id": {"name": "listing_id", "in": "path", "required": True,
                           "description": "A listing's permanent identifier: gb-childline.",
                           "schema": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}},
        },
        "responses": {
            "NotFound": {"description": "No such jurisdiction or listing.",
                         "content": {"application/json": {"schema": _ref("Error")}}},
            "MethodNotAllowed": {"description": "Only GET (and HEAD, OPTIONS) are allowed.",
                                 "content": {"application/json": {"schema": _ref("Error")}}},
        },
        "schemas": {
            "Error": {"type": "object", "required": ["error", "status"],
                      "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
            "Links": {"type": "object", "additionalProperties": {"type": "string"},
                      "description": "Paths of this API and of the site's own pages."},
            "JurisdictionSummary": {
                "type": "object", "required": ["code", "names", "regions", "links"],
                "properties": {
                    "code": {"type": "string"}, "parent": {"type": ["string", "null"]},
                    "names": {**_TEXTS, "description": "The name in every language of the site."},
                    "regions": {"type": "array", "items": {"type": "string"}},
                    "links": _ref("Links")}},
            "Jurisdiction": {"allOf": [_ref("JurisdictionSummary"), {"properties": {
                "timezone": {"type": "string"},
                "languages": {"type": "array", "items": {"type": "string"}},
                "absent": {"type": "array", "description": "Routes that do not exist here.",
                           "items": {"type": "object", "properties": {
                               "kind": {"type": "string"}, "note": _TEXTS, **_SOURCED}}},
                "emergency": {**_FACTS, "description": "Emergency `phones` and the police's "
                                                       "`non_emergency` numbers."},
                "compensation": {**_FACTS, "description": "The state compensation scheme."},
                "law": {**_FACTS, "description": "Whether AI-made or edited sexual images of "
                                                 "children are illegal (`ai_images`), with "
                                                 "the `provisions` it rests on and `pending` "
                                                 "changes."}}}]},
            "LawData": {"type": "object", "required": ["licence", "jurisdictions"],
                        "properties": {
                            "licence": {"type": "object"},
                            "jurisdictions": {"type": "array", "items": _ref("LawRecord")}}},
            "LawRecord": {
                "type": "object", "required": ["code", "stated_in", "ai_images"],
                "properties": {
                    "code": {"type": "string"}, "parent": {"type": ["string", "null"]},
                    "names": _TEXTS,
                    "stated_in": {"type": ["string", "null"]},
                    "ai_images": {"enum": ["explicit", "general", "not_covered", "unclear",
                                           None]},
                    "summary": _TEXTS,
                    "in_force": {"type": ["string", "null"], "format": "date",
                                 "description": "When the provisions the label rests on "
                                                "first applied."},
                    "rests_on": {"type": "array", "items": {"type": "string"}},
                    "provisions": {"type": "array", "items": {"type": "object", "properties": {
                        "title": {"type": "string"}, "url": {"type": "string"},
                        "in_force": {"type": "string", "format": "date"},
                        "in_force_at_least": {"type": "boolean", "description": (
                            "The official text is shown in force from `in_force`, but may "
                            "have applied earlier.")},
                        "reach": {"enum": ["names-ai", "general", "real-only", "unclear"]}}}},
                    "pending": {"type": "array", "items": {"type": "object", "properties": {
                        "title": {"type": "string"}, "url": {"type": ["string", "null"]},
                        "status": {"enum": ["proposed", "in-parliament", "agreed", "passed"]},
                        "date": {"type": "string", "format": "date"},
                        "in_force": {"type": ["string", "null"], "format": "date"}}}},
                    "citations": {"type": "array", "items": {"type": "string"}},
                    **_PROVENANCE}},
            "Phone": {"type": "object", "properties": {
                "number": {"type": "string", "description": "E.164, or a short number's digits."},
                "region": {"type": "string"}, "type": {"enum": ["voice", "text"]},
                "description": _TEXTS, "written": {"type": "string"}}},
            "Listing": {
                "type": "object",
                "required": ["id", "name", "kind", "description", "url", "services", "roles",
                             "service_areas", "source", "assured_date"],
                "properties": {
                    "id": {"type": "string"}, "name": {"type": "string"},
                    "kind": {"type": "string"}, "description": _TEXTS,
                    "url": {"type": "string", "format": "uri"},
                    "services": {"type": "array", "items": {"type": "string"}},
                    "roles": {"type": "array", "items": {"type": "string"}},
                    "situations": {"type": "array", "items": {"type": "string"},
                                   "description": "Empty: any situation."},
                    "service_areas": {"type": "array", "items": {"type": "string"}},
                    **_PROVENANCE,
                    "minimum_age": {"type": ["integer", "null"]},
                    "maximum_age": {"type": ["integer", "null"]},
                    "phones": {"type": "array", "items": _ref("Phone")},
                    "chat": {"type": ["string", "null"]},
                    "web_form": {"type": ["string", "null"]},
                    "email": {"type": ["string", "null"]}, "app": {"type": ["string", "null"]},
                    "schedule": {"type": ["object", "null"], "properties": {
                        "timezone": {"type": "string"}, "open_24_7": {"type": "boolean"},
                        "hours": {"type": "array", "items": {"type": "object"}},
                        "note": _TEXTS}},
                    "free": {"type": ["boolean", "null"]},
                    "anonymous": {"type": ["boolean", "null"]},
                    "confidential": {"type": ["boolean", "null"]},
                    "languages": {"type": "array", "items": {"type": "string"}},
                    "notes": _TEXTS,
                    "other_sources": {"type": "array", "items": {"type": "string"}},
                }},
            "HsdsPage": {
                "type": "object", "description": "The HSDS 3.0 API's Page, holding everything.",
                "properties": {name: {"type": kind} for name, kind in (
                    ("total_items", "integer"), ("total_pages", "integer"),
                    ("page_number", "integer"), ("size", "integer"),
                    ("first_page", "boolean"), ("last_page", "boolean"), ("empty", "boolean"))}},
            "HsdsServicePage": {"allOf": [_ref("HsdsPage"), {"properties": {"contents": {
                "type": "array", "items": {"$ref": f"{HSDS_SCHEMAS}/service.json"}}}}]},
            "HsdsOrganizationPage": {"allOf": [_ref("HsdsPage"), {"properties": {"contents": {
                "type": "array", "items": {"$ref": f"{HSDS_SCHEMAS}/organization.json"}}}}]},
        },
    },
}

_CODES = {"type": "array", "items": {"type": "string"}}
_EXAMPLE = {"place": "DE", "who": "parent", "what": ["fake", "threats"], "need": ["everything"],
            "language": "de"}
OPENAPI["info"]["description"] += (
    " `POST /route` is the one exception: it takes a person's answers as codes and returns "
    "the help for them, as the results page does. Its body is never logged or stored, and "
    "its answers are not cached.")
OPENAPI["paths"]["/route"] = {"post": {
    "summary": "The help for a person's answers: what to do now, the services, the facts.",
    "operationId": "route",
    "description": (
        "Send only codes, never a person's own words. `place` and `who` are required; "
        "`what` defaults to `unsaid` and `need` to `everything`. The answer is in "
        "`language` (English when not given): each text says its `text_language` where a "
        "listing has no translation yet. Every listing and fact carries its source and the "
        "date it was checked. Call the emergency number in `emergency` when someone is in "
        "danger now."),
    "requestBody": {"required": True, "content": {"application/json": {
        "schema": _ref("RouteRequest"), "examples": {
            "parent": {"summary": "A parent in Germany, a fake image and threats",
                       "value": _EXAMPLE},
            "child": {"summary": "A teenager in England and Wales, in danger now",
                      "value": {"place": "GB-EAW", "who": "child", "danger": "yes",
                                "what": ["threats"]}}}}}},
    "responses": {
        "200": {"description": "The route.", "content": {"application/json": {
            "schema": _ref("Route")}}},
        "400": {"description": "A field is missing or has a value that is not allowed: the "
                               "answer names the field and the values it may take.",
                "content": {"application/json": {"schema": _ref("RouteError"), "example": {
                    "error": "'who' is not one of the allowed values.", "field": "who",
                    "status": 400, "allowed": ["child", "survivor", "parent", "bystander",
                                               "worried", "professional"]}}}},
        "405": {"$ref": "#/components/responses/MethodNotAllowed"}}}}
OPENAPI["components"]["schemas"].update({
    "RouteRequest": {"type": "object", "required": ["place", "who"],
                     "additionalProperties": False, "properties": {
        "place": {"type": "string", "description": "A jurisdiction code from "
                  "/jurisdictions (DE, GB-SCT, US-CA), or INT when the country is not listed."},
        "who": {"enum": ["child", "survivor", "parent", "bystander", "worried",
                         "professional"], "description": "Who the help is for."},
        "what": {**_CODES, "description": "What happened: shared, fake, threats, grooming, "
                 "livestream, offline, or unsaid."},
        "need": {**_CODES, "description": "What would help: remove, report, talk, "
                 "compensation, law, or everything."},
        "danger": {"enum": ["yes", "no"], "description": "Is someone in danger now?"},
        "image_age": {"enum": ["under-18", "adult"], "description": "The age of the person "
                      "in the images; by default it follows from `who`."},
        "language": {"type": "string", "description": "A language code of the site (de, "
                     "pt-PT, zh-Hans); English by default."}}},
    "Route": {"type": "object", "properties": {
        "language": {"type": "string"}, "answers": {"type": "object"},
        "place": {"type": "object", "properties": {"code": {"type": "string"},
                                                   "name": {"type": ["string", "null"]}}},
        "urgent": {"type": "boolean"},
        "steps": {"type": "array", "items": {"type": "object", "properties": {
            "kind": {"type": "string"}, "text": {"type": "string"},
            "listing": {"type": "string", "description": "The listing the step names."}}}},
        "groups": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "title": {"type": "string"},
            "listings": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"}, "name": {"type": "string"},
                "description": {"type": "string"}, "text_language": {"type": "string"},
                "phones": {"type": "array", "items": {"type": "object"}},
                "open_now": {"type": ["boolean", "null"]},
                "source": {"type": "string", "format": "uri"},
                "assured_date": {"type": "string", "format": "date"},
                "page": {"type": "string"}}}},
            "also": {**_CODES, "description": "Listings shown in an earlier group that "
                     "help with this too."}}}},
        "missing": {**_CODES, "description": "Kinds of help wanted but not known here."},
        "emergency": _FACTS, "compensation": _FACTS, "law": _FACTS}},
    "RouteError": {"type": "object", "properties": {
        "error": {"type": "string"}, "field": {"type": ["string", "null"]},
        "status": {"type": "integer"}, "allowed": _CODES}},
})
