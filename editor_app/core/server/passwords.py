"""Passwords of newsroom members in the operating system's keyring (``keyring``) (#15).

Never in the library file, the settings or a log. Where no keyring is available (a
headless machine without a Secret Service) nothing is stored and libpq's own ways
remain: a password typed for this session, PGPASSWORD, ~/.pgpass or a service file.
"""

from __future__ import annotations

from editor_app.core.server.connection import ServerError, keyring_account

SERVICE = "byline-newsroom"


#: keyring_problem's answer on a system without a keyring (the GUI translates it)
NO_KEYRING = ("this system has no keyring (Secret Service, KWallet, macOS Keychain or Windows "
              "Credential Locker); use ~/.pgpass or PGPASSWORD instead")
#: keyring_problem's answer when the keyring package fails, with the error
KEYRING_BROKEN = "the keyring cannot be used ({error})"


def keyring_problem() -> str | None:
    """Why passwords cannot be remembered here (None when the keyring works)."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception as exc:  # the package is missing or broken
        return KEYRING_BROKEN.format(error=exc)
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        return KEYRING_BROKEN.format(error=exc)
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return NO_KEYRING
    return None


def stored_password(dsn: str) -> str | None:
    """The remembered password of the DSN's member, or None (also when there is no keyring)."""
    if keyring_problem():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, keyring_account(dsn))
    except Exception:
        return None  # a locked or broken keyring: libpq's own ways still work


def remember_password(dsn: str, password: str) -> None:
    """Keep the password in the keyring; ServerError when there is none."""
    problem = keyring_problem()
    if problem:
        raise ServerError(f"cannot remember the password: {problem}")
    import keyring

    try:
        keyring.set_password(SERVICE, keyring_account(dsn), password)
    except Exception as exc:
        raise ServerError(f"cannot remember the password: the keyring refused ({exc})") from None


def forget_password(dsn: str) -> None:
    """Remove a remembered password (nothing happens when there is none)."""
    if keyring_problem():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, keyring_account(dsn))
    except PasswordDeleteError:
        pass
    except Exception as exc:
        raise ServerError(f"cannot forget the password: the keyring refused ({exc})") from None
