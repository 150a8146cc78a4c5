"""Who may sign in: argon2 passwords, an optional TOTP second factor, and limits on
guessing. Nothing here records an IP address.

TOTP secrets are stored encrypted with a key derived from SIGNPOST_SECRET_KEY (the
session factory carries it: `store.sessions`), and each code works once.
"""
import base64
import hmac
import threading
import time
from datetime import timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select

from .models import Account, Scope, now
from .words import lazy_t

HASHER = PasswordHasher()
MIN_PASSWORD = 12
LOCK_AFTER = 5                      # failed attempts on one account
LOCK_FOR = timedelta(minutes=15)
SITE_LIMIT = 30                     # failed attempts on any account per minute, then slower
MAX_DELAY = 2.0                     # seconds: the most any sign-in waits


class _SiteLimiter:
    """Failed sign-ins across all accounts, in memory. Past the limit every sign-in waits a
    little longer, up to MAX_DELAY: guessing slows down, but a correct sign-in is never
    refused because others failed."""

    def __init__(self, limit, window=60.0):
        self._limit, self._window, self._times, self._lock = limit, window, [], threading.Lock()

    def delay(self):
        with self._lock:
            cutoff = time.monotonic() - self._window
            self._times = [t for t in self._times if t > cutoff]
            over = len(self._times) - self._limit
        return 0.0 if over < 0 else min(MAX_DELAY, 0.05 * (over + 1))

    def failed(self):
        with self._lock:
            self._times.append(time.monotonic())


site_limiter = _SiteLimiter(SITE_LIMIT)
_PREFIX = "fernet:"


def _cipher(session):
    key = session.info.get("secret_key")
    if not key:
        raise RuntimeError("the maintainers' area needs SIGNPOST_SECRET_KEY")
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"signpost maintainers totp").derive(key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(session, secret):
    return _PREFIX + _cipher(session).encrypt(secret.encode()).decode()


def unseal(session, stored):
    """The TOTP secret, or None when it cannot be read with this key."""
    if not stored.startswith(_PREFIX):
        return stored           # written before secrets were encrypted; sealed on sign-in
    try:
        return _cipher(session).decrypt(stored[len(_PREFIX):].encode()).decode()
    except InvalidToken:
        return None


def _code_once(account, secret, code):
    """A TOTP code of the current time step (or one either side) not used before."""
    totp = pyotp.TOTP(secret)
    step = int(time.time()) // totp.interval
    for candidate in (step - 1, step, step + 1):
        if candidate > (account.last_totp_step if account.last_totp_step is not None else -1) \
                and hmac.compare_digest(totp.generate_otp(candidate), code or ""):
            account.last_totp_step = candidate
            return True
    return False


def strong_enough(password):
    return len(password) >= MIN_PASSWORD and len(set(password)) >= 6


def create(session, username, password, role, organisation, scopes=(), public_name=None,
           totp=False):
    """A new account; ValueError with a message a person can act on when it cannot be.
    With `totp`, the secret to show once is `account.new_totp_secret`."""
    username = (username or "").strip()
    if not username:
        raise ValueError(lazy_t("An account needs a username."))
    if session.scalar(select(Account.id).where(Account.username == username)) is not None:
        raise ValueError(lazy_t("An account named %(name)s already exists.", name=username))
    if not strong_enough(password):
        raise ValueError(lazy_t("A password needs at least %(num)d characters.", num=MIN_PASSWORD))
    secret = pyotp.random_base32() if totp else None
    account = Account(username=username, password_hash=HASHER.hash(password), role=role,
                      organisation=organisation, public_name=public_name,
                      totp_secret=seal(session, secret) if secret else None)
    account.scopes = [Scope(value=value) for value in dict.fromkeys(scopes)]
    session.add(account)
    session.commit()
    account.new_totp_secret = secret
    return account


def end_sessions(session, account):
    """Every signed-in session of this account stops working."""
    account.session_epoch = (account.session_epoch or 0) + 1
    session.commit()


def set_password(session, account, password):
    if not strong_enough(password):
        raise ValueError(lazy_t("A password needs at least %(num)d characters.", num=MIN_PASSWORD))
    account.password_hash = HASHER.hash(password)
    end_sessions(session, account)


def disable(session, account):
    account.active = False
    end_sessions(session, account)


def authenticate(session, username, password, code=""):
    """The account, or None. Locks an account for a while after repeated failures."""
    time.sleep(site_limiter.delay())
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
        secret = unseal(session, account.totp_secret) if account.totp_secret else None
        ok = account.totp_secret is None or (secret is not None
                                             and _code_once(account, secret, code))
        if ok and secret and not account.totp_secret.startswith(_PREFIX):
            account.totp_secret = seal(session, secret)
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
