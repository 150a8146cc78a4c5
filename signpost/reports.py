"""Visitors flag a listing that seems wrong, and nobody learns who they are.

A report is a listing, one of a few fixed problems, and the day. Only counts are kept:
one row per listing, problem and day, each count capped and each row dropped after
KEEP_DAYS. So no flood can grow the storage past listings x problems x days, and
nothing finer than the day, no address and no cookie is ever written. Reports never
change public content: they wait for a maintainer.
"""
import threading
from datetime import date, timedelta

from sqlalchemy import (Column, Date, Integer, MetaData, String, Table, and_, case, func, select,
                        update)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .content import index
from .voice import lazy_gettext as _l

PROBLEMS = {
    "number": _l("The number does not work"),
    "closed": _l("The service has closed"),
    "website": _l("The website has moved"),
    "hours": _l("The hours are wrong"),
    "other": _l("Something else"),
}
MAX_COUNT = 1000    # a day's count stops here: enough to notice, too little to matter
KEEP_DAYS = 90

metadata = MetaData()
problem_report = Table(
    "problem_report", metadata,
    Column("listing_id", String(120), primary_key=True),
    Column("problem", String(16), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("count", Integer, nullable=False),
)


class ReportError(Exception):
    """The counts could not be written or read."""


def parse(value, listing_ids):
    """(listing id, problem) from a button's value "<id>:<problem>", or None."""
    listing_id, _, problem = (value or "").partition(":")
    if listing_id in listing_ids and problem in PROBLEMS:
        return listing_id, problem
    return None


def default_url(content_url):
    """Beside a SQLite content database (which is swapped whole on each build), or in
    the shared database itself, whose builds never touch this table."""
    path = index.sqlite_path(content_url)
    return f"sqlite:///{path.with_name('reports.sqlite')}" if path else content_url


class Reports:
    def __init__(self, url):
        self.url = url
        self._engine = None
        self._lock = threading.Lock()

    def engine(self):
        with self._lock:
            if self._engine is None:
                self._engine = index.make_engine(self.url)
                try:
                    metadata.create_all(self._engine, checkfirst=True)
                except SQLAlchemyError as error:
                    self._engine = None
                    raise ReportError(str(error)) from error
            return self._engine

    def add(self, listing_id, problem, today=None):
        """Count one report for today; forget days older than KEEP_DAYS."""
        today = today or date.today()
        row = and_(problem_report.c.listing_id == listing_id,
                   problem_report.c.problem == problem, problem_report.c.day == today)
        bump = update(problem_report).where(row).values(count=case(
            (problem_report.c.count < MAX_COUNT, problem_report.c.count + 1),
            else_=problem_report.c.count))
        try:
            with self.engine().begin() as connection:
                connection.execute(problem_report.delete().where(
                    problem_report.c.day < today - timedelta(days=KEEP_DAYS)))
                if connection.execute(bump).rowcount == 0:
                    try:
                        with connection.begin_nested():
                            connection.execute(problem_report.insert().values(
                                listing_id=listing_id, problem=problem, day=today, count=1))
                    except IntegrityError:      # another worker added it meanwhile
                        connection.execute(bump)
        except SQLAlchemyError as error:
            raise ReportError(str(error)) from error

    def counts(self, since_days=30, today=None):
        """{listing id: {problem: count}} over the last `since_days` days."""
        since = (today or date.today()) - timedelta(days=since_days)
        query = (select(problem_report.c.listing_id, problem_report.c.problem,
                        func.sum(problem_report.c.count))
                 .where(problem_report.c.day >= since)
                 .group_by(problem_report.c.listing_id, problem_report.c.problem))
        try:
            with self.engine().connect() as connection:
                rows = connection.execute(query).all()
        except SQLAlchemyError as error:
            raise ReportError(str(error)) from error
        found = {}
        for listing_id, problem, total in rows:
            found.setdefault(listing_id, {})[problem] = int(total)
        return found
