"""The HSDS 3.0 export validates against the official schemas; imports only ever make drafts."""
import copy
import json
import os
from pathlib import Path
from datetime import date

import pytest
import yaml

from signpost import create_app
from signpost.config import PROJECT_ROOT
from signpost.content import hsds
from signpost.content.loader import load, load_valid
from tests.conftest import make_config
from tests.content_factory import LISTING, write_content

SUMMER, WINTER = date(2026, 7, 1), date(2026, 1, 15)
# Open Referral's own example service (CC BY-SA 4.0).
OFFICIAL_EXAMPLE = Path(__file__).parent / "data" / "hsds-3.0-service-example.json"


@pytest.fixture(scope="module")
def validators():
    if not hsds.schema_path("service").exists():
        message = f"the official HSDS schemas are not at {hsds.schema_path('service')}"
        if os.environ.get("CI"):
            pytest.fail(message + ": copy them into signpost/data/ (see hsds.schema_path)")
        pytest.skip(message)
    return {"services": hsds.validator("service"),
            "organizations": hsds.validator("organization")}


@pytest.fixture(scope="module")
def real_content():
    return load_valid(PROJECT_ROOT / "content")


def invalid(validator, records):
    return [(record.get("name"), ".".join(map(str, error.path)), error.message)
            for record in records for error in validator.iter_errors(record)]


def test_every_record_of_the_real_content_validates(real_content, validators):
    feed = hsds.export(real_content, SUMMER)
    for name in ("organizations", "services"):
        assert len(feed[name]) == len(real_content.listings)
        assert invalid(validators[name], feed[name]) == []


def test_the_validator_accepts_the_official_example(validators):
    example = json.loads(OFFICIAL_EXAMPLE.read_text(encoding="utf-8"))
    assert invalid(validators["services"], [example]) == []


def all_ids(value):
    if isinstance(value, dict):
        yield from ([value["id"]] if "id" in value else [])
        for item in value.values():
            yield from all_ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_ids(item)


def test_ids_are_stable_across_exports_and_unique(real_content):
    first, second = hsds.export(real_content, SUMMER), hsds.export(real_content, WINTER)
    assert list(all_ids(first)) == list(all_ids(second))
    service_ids = [s["id"] for s in first["services"]]
    assert len(set(service_ids)) == len(service_ids)
    assert [o["id"] for o in first["organizations"]] == [s["organization_id"]
                                                          for s in first["services"]]


def factory_content(tmp_path, **changes):
    listing = dict(copy.deepcopy(LISTING), **changes)
    return load_valid(write_content(tmp_path / "content", listings={"gb-example": listing}),
                      today=date(2026, 11, 21))


HOURS = {"timezone": "Europe/London", "note": {"en": "Closed on bank holidays."},
         "hours": [{"byday": ["MO", "TU"], "opens_at": "09:00", "closes_at": "17:00"}]}


@pytest.mark.parametrize("day, offset, hours", [(WINTER, "+00:00", 0), (SUMMER, "+01:00", 1)])
def test_schedules_carry_the_offset_of_the_export_day_and_the_zone_name(tmp_path, day, offset,
                                                                        hours):
    content = factory_content(tmp_path, schedules=HOURS)
    [schedule] = hsds.export(content, day)["services"][0]["schedules"]
    assert schedule["freq"] == "WEEKLY" and schedule["byday"] == "MO,TU"
    assert (schedule["opens_at"], schedule["closes_at"]) == (f"09:00{offset}", f"17:00{offset}")
    assert schedule["timezone"] == hours
    assert "Europe/London" in schedule["notes"]
    assert schedule["description"] == "Closed on bank holidays."


def test_a_service_maps_the_listing_fields(tmp_path):
    content = factory_content(tmp_path, free=True, languages=["en", "cy"], email="help@example.org",
                              chat="https://example.org/chat",
                              serves={"roles": ["child"], "minimum_age": 0, "maximum_age": 18})
    service = hsds.export(content, SUMMER)["services"][0]
    assert service["phones"][0]["number"] == "+448001111"
    assert service["service_areas"][0]["name"] == "United Kingdom"
    assert service["service_areas"][0]["extent"] == "GB"
    assert [(l["code"], l["name"]) for l in service["languages"]] == [("en", "English"),
                                                                       ("cy", "Welsh")]
    assert (service["minimum_age"], service["maximum_age"]) == (0, 18)
    assert service["fees_description"] == "Free"
    assert service["application_process"] == "Chat: https://example.org/chat"
    assert service["assured_date"] == "2026-01-10"


def test_write_export_writes_both_lists(tmp_path):
    hsds.write_export(factory_content(tmp_path), tmp_path / "out", SUMMER)
    for name in ("organizations", "services"):
        records = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        assert len(records) == 1


def test_import_of_an_export_writes_drafts_the_loader_does_not_read(tmp_path, validators):
    content = factory_content(tmp_path, schedules=HOURS, anonymous=True,
                              other_sources=["https://example.org/more"])
    hsds.write_export(content, tmp_path / "out", SUMMER)
    drafts = tmp_path / "content" / "drafts"
    result = hsds.import_services(tmp_path / "out" / "services.json", drafts, date(2026, 11, 21))
    assert result.ok and [p.name for p in result.written] == ["gb-example-helpline.yaml"]
    data = yaml.safe_load(result.written[0].read_text(encoding="utf-8"))
    assert (data["kind"], data["services"], data["serves"]) == (
        "child-helpline", ["talk"], {"roles": ["child"]})
    assert data["service_areas"] == ["GB"] and data["anonymous"] is True
    assert data["schedules"] == {"timezone": "Europe/London", "hours": HOURS["hours"],
                                 "note": {"en": "Closed on bank holidays."}}
    assert data["source"] == "https://example.org/helpline"
    assert data["other_sources"] == ["https://example.org/helpline/contact",
                                     "https://example.org/more"]
    assert str(data["assured_date"]) == "2026-11-21"
    assert data["notes"]["en"].startswith(hsds.REVIEW)
    assert "placeholders" not in data["notes"]["en"]
    reloaded, _ = load(tmp_path / "content")
    assert list(reloaded.listings) == ["gb-example"]


def test_a_foreign_service_is_marked_for_review(tmp_path, validators):
    example = json.loads(OFFICIAL_EXAMPLE.read_text(encoding="utf-8"))
    result = hsds.import_services({"services": [example]}, tmp_path, date(2026, 11, 21))
    [(key, data)] = result.drafts.items()
    assert key == "community-counselling"
    assert (data["kind"], data["services"]) == ("other", ["talk"])
    note = data["notes"]["en"]
    assert "kind and services are placeholders" in note
    assert "service_areas, serves.roles" in note and "schedules" in note
    assert "service_areas" not in data and "roles" not in data["serves"]


def test_an_existing_draft_is_never_overwritten(tmp_path, validators):
    example = json.loads(OFFICIAL_EXAMPLE.read_text(encoding="utf-8"))
    first = hsds.import_services([example], tmp_path)
    first.written[0].write_text("# edited by a reviewer\n", encoding="utf-8")
    second = hsds.import_services([example], tmp_path)
    assert [p.name for p in second.written] == ["community-counselling-2.yaml"]
    assert first.written[0].read_text(encoding="utf-8") == "# edited by a reviewer\n"


def test_a_malformed_file_is_refused_whole_naming_each_record(tmp_path, validators):
    good = json.loads(OFFICIAL_EXAMPLE.read_text(encoding="utf-8"))
    bad = {"id": "not-a-uuid", "status": "open"}
    result = hsds.import_services([good, bad, "text"], tmp_path / "drafts")
    assert not result.ok and result.drafts == {} and not (tmp_path / "drafts").exists()
    assert {index for index, _ in result.problems} == {1, 2}
    messages = " | ".join(text for _, text in result.problems)
    assert "'name' is a required property" in messages
    assert "id: 'not-a-uuid' is not a 'uuid'" in messages
    assert "status: 'open' is not one of" in messages


@pytest.mark.parametrize("text", ["{not json", '{"something": []}', '"a string"'])
def test_a_file_that_is_not_a_list_of_services_is_refused(tmp_path, text):
    path = tmp_path / "services.json"
    path.write_text(text, encoding="utf-8")
    result = hsds.import_services(path, tmp_path / "drafts")
    assert [index for index, _ in result.problems] == [None]
    assert not (tmp_path / "drafts").exists()


def cli(tmp_path, geoip_file):
    root = write_content(tmp_path / "content")
    config = make_config(tmp_path / "db.sqlite", geoip_file, CONTENT_DIR=root)
    return root, create_app(config).test_cli_runner()


def test_export_and_import_commands(tmp_path, geoip_file, validators):
    root, runner = cli(tmp_path, geoip_file)
    result = runner.invoke(args=["content", "export", "--format", "hsds", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 organizations and 1 services" in result.output
    result = runner.invoke(args=["content", "import", "--format", "hsds",
                                 str(tmp_path / "out" / "services.json")])
    assert result.exit_code == 0, result.output
    assert (root / "drafts" / "gb-example-helpline.yaml").exists()
    assert "1 drafts" in result.output


def test_import_command_refuses_a_malformed_file(tmp_path, geoip_file, validators):
    root, runner = cli(tmp_path, geoip_file)
    path = tmp_path / "services.json"
    path.write_text(json.dumps({"services": [{"id": "x", "name": "X", "status": "active"}]}),
                    encoding="utf-8")
    result = runner.invoke(args=["content", "import", "--format", "hsds", str(path)])
    assert result.exit_code == 1
    assert "record 0: id: 'x' is not a 'uuid'" in result.output
    assert not (root / "drafts").exists()
