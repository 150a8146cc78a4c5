"""Proposing and reviewing changes: every change needs a second person.

The content files stay the one source of truth. An approved change is written to
its listing file, a line is added to the listing's public change log in
content/history/, and the content database is rebuilt; public copies pick the new
build up within seconds, without a restart.
"""
import fcntl
import hashlib
import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import yaml
from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from ..content import files, index
from ..content.loader import ContentError, check_listing
from .models import APPROVED, PENDING, REJECTED, AuditEvent, Proposal, now


class WorkflowError(Exception):
    """A change that cannot be made; `reason` is a code the views turn into words."""

    def __init__(self, reason, problems=()):
        super().__init__(reason)
        self.reason = reason
        self.problems = list(problems)


def listing_path(content_dir, listing_id):
    return Path(content_dir) / "listings" / f"{listing_id}.yaml"


def file_digest(path):
    path = Path(path)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


FACT_BLOCKS = ("emergency", "compensation", "law")
FACT_CHECKED = "fact-checked"      # a jurisdiction's facts, still correct


def jurisdiction_path(content_dir, code):
    return Path(content_dir) / "jurisdictions" / f"{code}.yaml"


def target_path(content_dir, proposal):
    """The file a proposal changes: a jurisdiction's, or a listing's."""
    if proposal.action == FACT_CHECKED:
        return jurisdiction_path(content_dir, proposal.listing_id)
    return listing_path(content_dir, proposal.listing_id)


def read_target(content_dir, proposal):
    return _read(target_path(content_dir, proposal))


def _read(path):
    """A content file's data, or None when there is no such file."""
    return files.parse(path.read_text(encoding="utf-8")) if path.exists() else None


def propose_facts_checked(session, account, content_dir, code, block, reason):
    """"Still correct" for one block of a jurisdiction's facts: today's assured_date."""
    path = jurisdiction_path(content_dir, code)
    current = _read(path)
    if block not in FACT_BLOCKS or not isinstance((current or {}).get(block), dict):
        raise WorkflowError("missing")
    if not account.may_check_facts(code):
        record(session, account, "refused", f"{block} of {code}: outside the account's scope")
        session.commit()
        raise WorkflowError("forbidden")
    data = dict(current, **{block: dict(current[block], assured_date=date.today().isoformat())})
    proposal = Proposal(listing_id=code, action=FACT_CHECKED, data=data, reason=reason.strip(),
                        author_id=account.id, status=PENDING, base_digest=file_digest(path))
    session.add(proposal)
    session.commit()
    return proposal


def read_listing(content_dir, listing_id):
    return _read(listing_path(content_dir, listing_id))


def as_yaml(data):
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def record(session, account, action, detail=""):
    session.add(AuditEvent(account_id=account.id if account else None, action=action,
                           detail=detail))


def propose(session, account, content_dir, jurisdictions, listing_id, action, data, reason):
    """Record a proposed change after the same checks `content check` runs."""
    current = read_listing(content_dir, listing_id)
    if action == "add" and current is not None:
        raise WorkflowError("exists")
    if action != "add" and current is None:
        raise WorkflowError("missing")
    proposed = (data or {}).get("service_areas") if data is not None else None
    if not account.may_edit(listing_id, (current or {}).get("service_areas", []), proposed):
        record(session, account, "refused", f"{action} {listing_id}: outside the account's scope")
        session.commit()
        raise WorkflowError("forbidden")
    if not reason.strip():
        raise WorkflowError("reason")
    if action in ("edit", "add", "checked"):
        problems = check_listing(listing_id, data, jurisdictions)
        if problems:
            raise WorkflowError("invalid", problems)
    proposal = Proposal(listing_id=listing_id, action=action, data=data, reason=reason.strip(),
                        author_id=account.id, status=PENDING,
                        base_digest=file_digest(listing_path(content_dir, listing_id)))
    session.add(proposal)
    session.commit()
    return proposal


def _claim(session, proposal, reviewer, status, note):
    """Decide a pending proposal exactly once, even with two reviewers at the same moment."""
    result = session.execute(
        update(Proposal).where(Proposal.id == proposal.id, Proposal.status == PENDING)
        .values(status=status, reviewer_id=reviewer.id, decided_at=now(), decision_note=note))
    if result.rowcount != 1:
        session.rollback()
        raise WorkflowError("decided")


def _check_reviewer(session, proposal, reviewer):
    if reviewer.role not in ("reviewer", "admin"):
        record(session, reviewer, "refused", f"review of proposal {proposal.id}: not a reviewer")
        session.commit()
        raise WorkflowError("forbidden")
    if reviewer.id == proposal.author_id:
        record(session, reviewer, "refused", f"review of own proposal {proposal.id}")
        session.commit()
        raise WorkflowError("own-change")


def reject(session, proposal, reviewer, note):
    _check_reviewer(session, proposal, reviewer)
    _claim(session, proposal, reviewer, REJECTED, note)
    record(session, reviewer, "rejected", f"proposal {proposal.id}")
    session.commit()


@contextmanager
def _content_lock(content_dir):
    """One approval at a time writes files and rebuilds the database."""
    with open(Path(content_dir) / ".maintain.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _history_entry(proposal, reviewer, before):
    author = proposal.author
    changed = sorted(k for k in set(before or {}) | set(proposal.data or {})
                     if (before or {}).get(k) != (proposal.data or {}).get(k))
    entry = {"date": date.today().isoformat(), "action": proposal.action,
             "by": author.organisation, "role": author.role, "reason": proposal.reason,
             "reviewed_by": reviewer.organisation}
    if author.public_name:
        entry["name"] = author.public_name
    if changed and proposal.action in ("edit", "checked"):
        entry["fields"] = changed
    return entry


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def approve(session, proposal, reviewer, content_dir, database_url, note=""):
    """Apply a proposal: the listing file, its change log, then a rebuilt database.

    If the rebuilt content fails its checks, every file is put back as it was.
    """
    _check_reviewer(session, proposal, reviewer)
    content_dir = Path(content_dir)
    path = target_path(content_dir, proposal)
    facts = proposal.action == FACT_CHECKED     # jurisdictions keep no public change log
    with _content_lock(content_dir):
        if file_digest(path) != proposal.base_digest:
            raise WorkflowError("stale")
        _claim(session, proposal, reviewer, APPROVED, note)
        history = content_dir / "history" / f"{proposal.listing_id}.yaml"
        retired = content_dir / "retired" / f"{proposal.listing_id}.yaml"
        saved = {p: (p.read_bytes() if p.exists() else None) for p in (path, history, retired)}
        before = read_target(content_dir, proposal)
        try:
            if proposal.action == "retire":
                _write(retired, path.read_text(encoding="utf-8"))
                path.unlink()
            else:
                _write(path, as_yaml(proposal.data))
            if not facts:
                entries = (files.parse(history.read_text(encoding="utf-8")) if history.exists()
                           else None) or []
                entries.append(_history_entry(proposal, reviewer, before))
                _write(history, as_yaml(entries))
            index.build(content_dir, database_url)
        except (ContentError, OSError, index.DatabaseError, SQLAlchemyError) as error:
            for target, content in saved.items():
                if content is None:
                    target.unlink(missing_ok=True)
                else:
                    _write(target, content.decode("utf-8"))
            session.rollback()
            if isinstance(error, (index.DatabaseError, SQLAlchemyError)):
                raise WorkflowError("database") from error
            raise WorkflowError("invalid", getattr(error, "problems", [str(error)])) from error
        record(session, reviewer, "approved", f"proposal {proposal.id}")
        session.commit()
