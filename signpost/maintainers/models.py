"""The maintainers' own records: accounts, proposed changes and an audit trail.

Kept apart from the content database, which every public copy reads; these live in
one shared database (SQLite by default, PostgreSQL in production). Schema changes go
through the Alembic migrations beside this file.
"""
from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("editor", "reviewer", "admin")
ACTIONS = ("edit", "add", "checked", "retire")
PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"


def now():
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # Encrypted with a key derived from SIGNPOST_SECRET_KEY (accounts.py).
    totp_secret: Mapped[str | None] = mapped_column(String(255), nullable=True)
    # The newest TOTP time step used: a code works once.
    last_totp_step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Every session carries this number; raising it ends them all (logout, a new password).
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(200))
    # Shown in the public change log only if the person chose so.
    public_name: Mapped[str | None] = mapped_column(String(120), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    scopes: Mapped[list["Scope"]] = relationship(back_populates="account",
                                                 cascade="all, delete-orphan")

    def may_edit(self, listing_id, service_areas, proposed_areas=None):
        """An editor changes what they are assigned: a listing (by id) or the listings of
        a jurisdiction (by code; a country's code covers its regions). Every area a
        change would give the listing must lie within that scope: an area the listing
        already has counts only for an editor assigned the listing itself."""
        if self.role == "admin":
            return True
        granted = {s.value for s in self.scopes}
        current = set(service_areas)
        wanted = current if proposed_areas is None else set(proposed_areas)

        def within(area):
            return area in granted or area.split("-")[0] in granted or \
                (listing_id in granted and area in current)
        reaches = listing_id in granted or not current or any(within(a) for a in current)
        return reaches and bool(wanted) and all(within(a) for a in wanted)

    def may_check_facts(self, code):
        """A jurisdiction's own facts (emergency numbers, compensation, law): for an editor
        assigned that jurisdiction or, for a region, its country."""
        granted = {s.value for s in self.scopes}
        return self.role == "admin" or code in granted or code.split("-")[0] in granted


class Scope(Base):
    """One thing an editor may propose changes to: a listing id or a jurisdiction code."""
    __tablename__ = "scope"
    __table_args__ = (UniqueConstraint("account_id", "value"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    value: Mapped[str] = mapped_column(String(120))
    account: Mapped[Account] = relationship(back_populates="scopes")


class Proposal(Base):
    __tablename__ = "proposal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listing_id: Mapped[str] = mapped_column(String(120), index=True)
    action: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # the listing as proposed
    base_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=PENDING, index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    decision_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    author: Mapped[Account] = relationship(foreign_keys=[author_id])
    reviewer: Mapped[Account | None] = relationship(foreign_keys=[reviewer_id])


class AuditEvent(Base):
    """Refused attempts and decisions, for the record. Never holds an IP address."""
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
