"""The content database: built whole, never half; the last good build keeps serving."""
import copy

import pytest

from signpost.content import index
from signpost.content.catalogue import CatalogueSource
from signpost.content.loader import ContentError
from tests.content_factory import LISTING, write, write_content


def test_build_then_read_back(tmp_path):
    root = write_content(tmp_path / "content")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    index.build(root, url)
    catalogue = CatalogueSource(url).get()
    assert catalogue.listings["gb-example"].name == "Example Helpline"
    assert [x.id for x in catalogue.listings_for("GB-SCT")] == ["gb-example"]
    assert catalogue.emergency_for("GB-SCT").phones[0].number == "999"


def test_failed_rebuild_leaves_the_last_good_database(tmp_path):
    root = write_content(tmp_path / "content")
    database = tmp_path / "db.sqlite"
    url = f"sqlite:///{database}"
    index.build(root, url)
    before = database.read_bytes()
    write(root / "listings" / "gb-broken.yaml", dict(LISTING, phones=[{"number": "+44 1"}]))
    with pytest.raises(ContentError) as raised:
        index.build(root, url)
    assert "gb-broken.yaml" in str(raised.value)
    assert database.read_bytes() == before
    assert not list(tmp_path.glob(".build-*"))


def test_a_running_site_picks_up_a_rebuild(tmp_path):
    root = write_content(tmp_path / "content")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    index.build(root, url)
    source = CatalogueSource(url, check_every=0)
    assert source.get().listings["gb-example"].name == "Example Helpline"
    changed = copy.deepcopy(LISTING)
    changed["name"] = "Renamed Helpline"
    write(root / "listings" / "gb-example.yaml", changed)
    index.build(root, url)
    assert source.get().listings["gb-example"].name == "Renamed Helpline"


def test_missing_database_is_a_clear_error(tmp_path):
    source = CatalogueSource(f"sqlite:///{tmp_path / 'missing.sqlite'}")
    with pytest.raises(index.DatabaseError):
        source.get()
