"""The shape of content files, as JSON Schema: the first check every file meets."""
from ..codes import (AI_IMAGE_RULINGS, CHILD_RULES, DEADLINE_STARTS, IMAGE_AGES, KINDS,
                     PENDING_STATUS, PROVISION_REACH, ROLES, SERVICES, SITUATIONS, SOURCE_KINDS,
                     WEEKDAYS)

# A host made of letters, digits, hyphens and dots, then a path: no user-info ("x@host"),
# no backslash and no space anywhere, so the host a link shows is the host a browser opens.
_URL = {"type": "string", "pattern": r"^https?://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                                     r"(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+\.?"
                                     r"(:\d{1,5})?([/?#][^\s\\]*)?$"}
_DATE = {"type": "string", "format": "date"}
_TEXT = {
    "type": "object",
    "description": "text per language code; English is required",
    "required": ["en"],
    "propertyNames": {"pattern": "^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$"},
    "additionalProperties": {"type": "string", "minLength": 1},
}
_CODE = {"type": "string", "pattern": "^([A-Z]{2}(-[A-Z0-9]{1,3})?|INT)$"}
_LANGUAGES = {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2,3}$"}}
_TIME = {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$"}


def _unique_list_of(values):
    return {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": list(values)}}


_PHONE = {
    "type": "object",
    "required": ["number"],
    "additionalProperties": False,
    "properties": {
        "number": {"type": "string", "minLength": 2},
        "type": {"enum": ["voice", "text"]},
        "description": _TEXT,
        # Only for a short number the phone-number data does not know yet: the page
        # that lists it. The checker then accepts it (3 to 6 digits).
        "short_number_source": _URL,
    },
}

# Every fact says where it came from, what kind of page that is, the date the page
# itself shows (when it shows one) and the day somebody checked it.
_SOURCED = {"source": _URL, "source_kind": {"enum": list(SOURCE_KINDS)},
            "source_date": _DATE, "assured_date": _DATE}
_SOURCED_REQUIRED = ["source", "source_kind", "assured_date"]

LISTING = {
    "type": "object",
    "required": ["name", "description", "url", "kind", "services", "serves", "service_areas",
                 *_SOURCED_REQUIRED],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 2},
        "kind": {"enum": list(KINDS)},
        "description": _TEXT,
        "url": _URL,
        "services": _unique_list_of(SERVICES),
        "serves": {
            "type": "object",
            "required": ["roles"],
            "additionalProperties": False,
            "properties": {
                "roles": _unique_list_of(ROLES),
                "situations": _unique_list_of(SITUATIONS + ("any",)),
                "minimum_age": {"type": "integer", "minimum": 0, "maximum": 120},
                "maximum_age": {"type": "integer", "minimum": 0, "maximum": 120},
                # For takedown tools: the age of the person in the images they handle.
                "image_ages": _unique_list_of(IMAGE_AGES),
            },
        },
        "service_areas": {"type": "array", "minItems": 1, "uniqueItems": True, "items": _CODE},
        "phones": {"type": "array", "items": _PHONE},
        "chat": _URL,
        "web_form": _URL,
        "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"},
        "app": _URL,
        "schedules": {
            "type": "object",
            "required": ["timezone"],
            "additionalProperties": False,
            "properties": {
                "timezone": {"type": "string"},
                "open_24_7": {"const": True},
                "hours": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["byday", "opens_at", "closes_at"],
                        "additionalProperties": False,
                        "properties": {
                            "byday": _unique_list_of(WEEKDAYS),
                            "opens_at": _TIME,
                            "closes_at": _TIME,
                        },
                    },
                },
                "note": _TEXT,
            },
            "oneOf": [{"required": ["open_24_7"]}, {"required": ["hours"]}],
        },
        "free": {"type": "boolean"},
        "anonymous": {"type": "boolean"},
        "confidential": {"type": "boolean"},
        "languages": _LANGUAGES,
        "notes": _TEXT,
        "other_sources": {"type": "array", "items": _URL},
        # The organisation that keeps this listing up to date, if one has taken it on.
        "maintainer": {"type": "string", "minLength": 2},
        **_SOURCED,
    },
}

JURISDICTION = {
    "type": "object",
    "required": ["code", "timezone", "languages"],
    "additionalProperties": False,
    "properties": {
        "code": _CODE,
        "parent": _CODE,
        "name": _TEXT,
        "timezone": {"type": "string"},
        "languages": _LANGUAGES,
        "regions": {"type": "array", "uniqueItems": True, "items": _CODE},
        "emergency": {
            "type": "object",
            "required": ["phones", *_SOURCED_REQUIRED],
            "additionalProperties": False,
            "properties": {"phones": {"type": "array", "minItems": 1, "items": _PHONE},
                           "non_emergency": {"type": "array", "items": _PHONE},
                           "other_sources": {"type": "array", "items": _URL},
                           **_SOURCED},
        },
        "compensation": {
            "type": "object",
            "required": ["authority", "url", "summary", "deadline", "deadline_starts", "children",
                         *_SOURCED_REQUIRED],
            "additionalProperties": False,
            "properties": {
                "authority": {"type": "string"},
                "url": _URL,
                "summary": _TEXT,
                "deadline": _TEXT,
                "deadline_starts": _unique_list_of(DEADLINE_STARTS),
                "children": {"enum": list(CHILD_RULES)},
                "covers": _TEXT,
                "how_to_apply": _TEXT,
                "requirements": _TEXT,
                "restitution": _TEXT,
                "civil_claim": _TEXT,
                "cross_border": _TEXT,
                "other_sources": {"type": "array", "items": _URL},
                **_SOURCED,
            },
        },
        "absent": {
            "type": "array",
            "description": "routes that do not exist here: a sourced fact too",
            "items": {
                "type": "object",
                "required": ["kind", "note", *_SOURCED_REQUIRED],
                "additionalProperties": False,
                "properties": {"kind": {"enum": list(KINDS)}, "note": _TEXT, **_SOURCED},
            },
        },
        "law": {
            "type": "object",
            "required": ["ai_images", "summary", "provisions", *_SOURCED_REQUIRED],
            "additionalProperties": False,
            "properties": {
                "ai_images": {"enum": list(AI_IMAGE_RULINGS)},
                "summary": _TEXT,
                "provisions": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["title", "url", "in_force", "reach"],
                        "additionalProperties": False,
                        "properties": {"title": {"type": "string", "minLength": 3}, "url": _URL,
                                       "in_force": _DATE,
                                       # The official site shows it in force from that date
                                       # but not when it first applied.
                                       "in_force_at_least": {"type": "boolean"},
                                       "reach": {"enum": list(PROVISION_REACH)}},
                    },
                },
                "pending": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["title", "status", "date"],
                        "additionalProperties": False,
                        "properties": {"title": {"type": "string", "minLength": 3}, "url": _URL,
                                       "status": {"enum": list(PENDING_STATUS)},
                                       "date": _DATE, "in_force": _DATE, "note": _TEXT},
                    },
                },
                "other_sources": {"type": "array", "items": _URL},
                **_SOURCED,
            },
        },
    },
}
