"""Who may sign in: argon2 passwords, an optional TOTP second factor, and limits on
guessing. Nothing here records an IP address."""
import threading
import time
from datetime import timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from .models import Account, Scope, now

HASHER = PasswordHasher()
MIN_PASSWORD = 12
LOCK_AFTER = 5                      # failed attempts on one account
LOCK_FOR = timedelta(minutes=15)
SITE_LIMIT = 30                     # failed attempts on any account, per minute


class _SiteLimiter:
    """Failed logins across all accounts, in memory: slows down guessing of usernames."""

    def __init__(self, limit, window=60.0):
        self._limit, self._window, self._times, self._lock = limit, window, [], threading.Lock()

    def blocked(self):
        with self._lock:
            cutoff = time.monotonic() - self._window
            self._times = [t for t in self._times if t > cutoff]
            return len(self._times) >= self._limit

    def failed(self):
        with self._lock:
            self._times.append(time.monotonic())


site_limiter = _SiteLimiter(SITE_LIMIT)


def strong_enough(password):
    return len(password) >= MIN_PASSWORD and len(set(password)) >= 6


def create(session, username, password, role, organisation, scopes=(), public_name=None,
           totp=False):
    if not strong_enough(password):
        raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")
    account = Account(username=username, password_hash=HASHER.hash(password), role=role,
                      organisation=organisation, public_name=public_name,
                      totp_secret=pyotp.random_base32() if totp else None)
    account.scopes = [Scope(value=value) for value in scopes]
    session.add(account)
    session.commit()
    return account


def authenticate(session, username, password, code=""):
    """The account, or None. Locks an account for a while after repeated failures."""
    if site_limiter.blocked():
        return None
    account = session.scalar(select(Account).where(Account.username == username))
    if account is None or not account.active:
        HASHER.hash(password or "x")      # the same work either way: no hint that it exists
        site_limiter.failed()
        return None
    locked = account.locked_until
    if locked is not None and locked.replace(tzinfo=locked.tzinfo or now().tzinfo) > now():
        site_limiter.failed()
        return None
    try:
        HASHER.verify(account.password_hash, password)
        ok = account.totp_secret is None or pyotp.TOTP(account.totp_secret).verify(code or "",
                                                                                  valid_window=1)
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        account.failed_logins += 1
        if account.failed_logins >= LOCK_AFTER:
            account.locked_until, account.failed_logins = now() + LOCK_FOR, 0
        session.commit()
        site_limiter.failed()
        return None
    account.failed_logins, account.locked_until = 0, None
    session.commit()
    return account
