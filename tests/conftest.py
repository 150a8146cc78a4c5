import pytest
from mmdb_writer import MMDBWriter
from netaddr import IPSet

from signpost import create_app
from signpost.config import PROJECT_ROOT, Config
from signpost.content import index

# Invented test addresses and the countries a tiny test database gives them.
ADDRESSES = {"GB": "81.2.69.160", "DE": "193.99.144.85", "US": "8.8.4.4", "JP": "133.11.0.10"}


@pytest.fixture(scope="session")
def geoip_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("geo") / "test-country.mmdb"
    writer = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="Test-Country")
    for code, address in ADDRESSES.items():
        network = address.rsplit(".", 1)[0] + ".0/24"
        writer.insert_network(IPSet([network]), {"country": {"iso_code": code}})
    writer.to_db_file(str(path))
    return path


@pytest.fixture(scope="session")
def built_database(tmp_path_factory):
    """The real content, built once for the whole run."""
    path = tmp_path_factory.mktemp("db") / "signpost.sqlite"
    index.build(PROJECT_ROOT / "content", f"sqlite:///{path}")
    return path


def make_config(database, geoip_file, **overrides):
    config = Config(DATABASE_URL=f"sqlite:///{database}", GEOIP_DATABASE=str(geoip_file),
                    TESTING=True, CATALOGUE_CHECK_SECONDS=0)
    for key, value in overrides.items():
        setattr(config, key, value)
    return config


@pytest.fixture(scope="session")
def app(built_database, geoip_file):
    return create_app(make_config(built_database, geoip_file))


@pytest.fixture
def client(app):
    return app.test_client()


def from_country(code):
    """environ_base for a request that seems to come from `code`."""
    return {"REMOTE_ADDR": ADDRESSES[code]}
