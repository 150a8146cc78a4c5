"""Suggest a visitor's country from their IP address, in memory only.

The address is looked up and dropped; it is never logged or stored.
"""
import ipaddress

import geoip2.database
import geoip2.errors


class CountryLookup:
    """Read a GeoIP2/GeoLite2 Country (or City) database file."""

    def __init__(self, path):
        self._reader = geoip2.database.Reader(str(path)) if path else None

    def suggest(self, address):
        """Return an ISO 3166-1 alpha-2 code, or None when there is no good guess."""
        if self._reader is None or not address:
            return None
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return None
        if not ip.is_global:
            return None
        try:
            if "City" in self._reader.metadata().database_type:
                record = self._reader.city(address)
            else:
                record = self._reader.country(address)
        except (geoip2.errors.AddressNotFoundError, ValueError):
            return None
        return record.country.iso_code


def convert_dbip(source, destination):
    """Rewrite a DB-IP Lite country file ({"country_code": "DE"}) in the
    GeoIP2-Country layout that geoip2 reads. Needs the optional `geo` extra."""
    import maxminddb
    from mmdb_writer import MMDBWriter
    from netaddr import IPNetwork, IPSet

    networks = {}
    with maxminddb.open_database(str(source)) as reader:
        for network, record in reader:
            code = (record or {}).get("country_code")
            if code:
                networks.setdefault(code, []).append(IPNetwork(str(network)))
    writer = MMDBWriter(
        ip_version=6,
        ipv4_compatible=True,
        database_type="DBIP-Country-Lite",
        languages=["en"],
        description={"en": "DB-IP Lite country data (CC BY 4.0), IP Geolocation by DB-IP"},
    )
    for code, nets in sorted(networks.items()):
        writer.insert_network(IPSet(nets), {"country": {"iso_code": code}})
    writer.to_db_file(str(destination))
    return len(networks)
