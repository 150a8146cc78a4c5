"""Many replicas, one truth: two public replicas read the content database that the
maintainers' instance builds on PostgreSQL."""
import socket
import threading
import time

import pytest
import yaml

from signpost.content import index
from tests.content_factory import LISTING, write, write_content
from tests.test_maintainers import _postgres_or_skip
from tests.test_serve import request, start, wait_until_up

CHANGED = "An invented helpline for tests, with a changed description."


class Proxy:
    """A TCP relay to PostgreSQL that the test can cut, as a network would."""

    def __init__(self, port):
        self.target, self.server = ("127.0.0.1", port), socket.create_server(("127.0.0.1", 0))
        self.port, self.links, self.open = self.server.getsockname()[1], [], True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while self.open:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass

    def cut(self):
        self.open = False
        self.server.close()
        for link in self.links:
            try:
                link.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            link.close()


def _shows(port, text):
    response, body = request(port, "/en/listing/gb-example")
    return response.status == 200 and text in body.decode()


@pytest.fixture
def shared(tmp_path):
    url = _postgres_or_skip()
    content = write_content(tmp_path / "content")
    index.build(content, url)
    return url, content


def test_an_approved_change_shows_on_both_replicas_within_10_seconds(shared, tmp_path,
                                                                      geoip_file):
    url, content = shared
    replicas = [start(tmp_path, geoip_file, name=f"replica{i}", SIGNPOST_DATABASE_URL=url,
                      SIGNPOST_READ_ONLY="1") for i in (1, 2)]
    try:
        for process, port, log in replicas:
            assert wait_until_up(process, port), log.read_text()
            assert _shows(port, LISTING["description"]["en"])
        # What an approval does on the maintainers' instance: write the file, rebuild.
        write(content / "listings" / "gb-example.yaml",
              yaml.safe_dump({**LISTING, "description": {"en": CHANGED}}))
        index.build(content, url)
        changed_at = time.monotonic()
        waiting = {port for _, port, _ in replicas}
        while waiting and time.monotonic() - changed_at < 10:
            waiting = {port for port in waiting if not _shows(port, CHANGED)}
            time.sleep(0.2)
        assert waiting == set(), "a replica did not show the change within 10 s"
    finally:
        for process, _, _ in replicas:
            process.terminate()
            process.wait(timeout=10)


def test_a_replica_that_loses_the_database_keeps_serving(shared, tmp_path, geoip_file):
    url, content = shared
    proxy = Proxy(5432)
    relayed = url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    process, port, log = start(tmp_path, geoip_file, SIGNPOST_DATABASE_URL=relayed,
                               SIGNPOST_READ_ONLY="1")
    try:
        assert wait_until_up(process, port), log.read_text()
        proxy.cut()
        deadline = time.monotonic() + 12          # past the next check for a new build
        while time.monotonic() < deadline:
            started = time.monotonic()
            assert _shows(port, LISTING["description"]["en"])
            assert time.monotonic() - started < 5
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=10)
