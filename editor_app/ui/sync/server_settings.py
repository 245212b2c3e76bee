"""The "Newsroom server" settings page, and a dialog that shows it (File ▸ Newsroom Server…) (#15).

``ServerSettingsPage`` is a self-contained QWidget so that Preferences can mount it as
a page: ``load()`` fills it from the library, ``apply()`` validates and stores (the DSN
in the library without its password; the password in the keyring only when asked),
``test_connection()`` tries the server on a worker thread and shows the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import BylineError
from editor_app.ui.background import BackgroundWork
from editor_app.ui.review.standard_buttons import ask_yes_no, name_buttons

if TYPE_CHECKING:
    from editor_app.core.library import Library

SSL_MODES = (
    ("prefer", QT_TRANSLATE_NOOP("ServerSettingsPage", "Use TLS when the server offers it")),
    ("require", QT_TRANSLATE_NOOP("ServerSettingsPage", "Always TLS (refuse without)")),
    ("verify-full", QT_TRANSLATE_NOOP("ServerSettingsPage", "Always TLS, and check the certificate")),
    ("disable", QT_TRANSLATE_NOOP("ServerSettingsPage", "Never TLS (local tests only)")),
)


def _test(dsn: str, password: str | None) -> str:
    """Runs on the worker: psycopg is imported here, never at start-up."""
    from editor_app.core.server.sync import test_connection

    return test_connection(dsn, password=password or None)


class ServerSettingsPage(QWidget):
    """Where the newsroom server is and how this laptop logs in.

    Signals: ``applied(str)`` (the DSN stored, "" when disconnected);
    ``tested(bool, str)`` (the connection test finished: ok, message).
    """

    applied = Signal(str)
    tested = Signal(bool, str)

    def __init__(self, library: Library, parent=None, *, session_password: str = ""):
        super().__init__(parent)
        self.library = library
        #: a password typed without "remember": kept for this session only (never stored)
        self.session_password = session_password
        self.host = QLineEdit(placeholderText="newsroom.example.org")
        self.port = QSpinBox(minimum=1, maximum=65535, value=5432)
        self.dbname = QLineEdit(placeholderText="byline")
        self.user = QLineEdit(placeholderText=self.tr("your member name"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("from the keyring, ~/.pgpass or PGPASSWORD when empty"))
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.sslmode = QComboBox()
        for value, label in SSL_MODES:
            self.sslmode.addItem(QCoreApplication.translate("ServerSettingsPage", label), value)
        self.laptop = QLineEdit(placeholderText=self.tr("this laptop's name in the history"))
        self.auto = QCheckBox(self.tr("Sync in the background every few minutes and when the "
                                         "network returns"))
        self.test_button = QPushButton(self.tr("&Test Connection"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Connection test result"))
        for widget, name in ((self.host, self.tr("Host")), (self.port, self.tr("Port")),
                             (self.dbname, self.tr("Database")), (self.user, self.tr("Member")),
                             (self.password, self.tr("Password")),
                             (self.sslmode, self.tr("Encryption")),
                             (self.laptop, self.tr("Laptop name"))):
            widget.setAccessibleName(name)

        intro = QLabel(self.tr("Byline syncs this library with the newsroom's PostgreSQL server "
                               "when it has a connection; without one you keep working offline."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.dbname)
        form.addRow(self.tr("&Member:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("&Encryption:"), self.sslmode)
        form.addRow(self.tr("&Laptop name:"), self.laptop)
        form.addRow("", self.auto)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.result)
        layout.addStretch(1)

        self.work = BackgroundWork(self)
        self.work.finished.connect(self._tested_ok)
        self.work.failed.connect(lambda message, _exc: self._tested_failed(message))
        self.test_button.clicked.connect(self.test_connection)
        self.load()

    # -- reading and writing ---------------------------------------------------------------
    def load(self) -> None:
        """Fill the fields from the library's server (and say whether a keyring exists)."""
        from editor_app.core.server.passwords import keyring_problem, stored_password
        from editor_app.core.server.settings import auto_sync_enabled, laptop_name, server_dsn

        dsn = server_dsn(self.library)
        params = {}
        if dsn:
            try:
                from editor_app.core.server.connection import parse_dsn

                params = parse_dsn(dsn)
            except BylineError:
                params = {}
        self.host.setText(params.get("host", ""))
        self.port.setValue(int(params.get("port", "5432")) if params.get("port", "").isdigit() else 5432)
        self.dbname.setText(params.get("dbname", ""))
        self.user.setText(params.get("user", ""))
        index = self.sslmode.findData(params.get("sslmode", "prefer"))
        self.sslmode.setCurrentIndex(max(0, index))
        self.laptop.setText(laptop_name(self.library))
        self.auto.setChecked(auto_sync_enabled(self.library))
        problem = keyring_problem()
        self.remember.setEnabled(problem is None)
        self.remember.setToolTip(self._keyring_problem_text(problem) if problem else self.tr("The password is kept by the operating "
                                                    "system, never in the library or the settings"))
        self.remember.setChecked(bool(dsn and problem is None and stored_password(dsn)))
        self.password.setText(self.session_password)

    def _keyring_problem_text(self, problem: str) -> str:
        """core's reason passwords cannot be remembered, in the interface's language
        (the names of the keyrings are products' names and stay as they are)."""
        from editor_app.core.server.passwords import KEYRING_BROKEN, NO_KEYRING

        if problem == NO_KEYRING:
            return self.tr("this system has no keyring (Secret Service, KWallet, macOS Keychain "
                           "or Windows Credential Locker); use ~/.pgpass or PGPASSWORD instead")
        prefix, _, suffix = KEYRING_BROKEN.partition("{error}")
        if problem.startswith(prefix) and problem.endswith(suffix):
            return self.tr("the keyring cannot be used ({error})").format(
                error=problem[len(prefix):len(problem) - len(suffix)])
        return problem

    def dsn(self) -> str:
        """The DSN the fields describe (never with a password)."""
        from editor_app.core.server.connection import build_dsn

        return build_dsn(host=self.host.text(), port=self.port.value(), dbname=self.dbname.text(),
                         user=self.user.text(), sslmode=self.sslmode.currentData())

    def problem(self) -> str | None:
        """What is missing before the server can be used (None: nothing)."""
        if not self.host.text().strip():
            return self.tr("Enter the server's host name.")
        if not self.dbname.text().strip():
            return self.tr("Enter the database's name (the administrator knows it).")
        if not self.user.text().strip():
            return self.tr("Enter your member name.")
        return None

    def apply(self) -> bool:
        """Store the settings; False (with the reason shown) when they are not complete."""
        from editor_app.core.server.passwords import forget_password, remember_password
        from editor_app.core.server.settings import set_auto_sync, set_laptop_name, set_server_dsn

        problem = self.problem()
        if problem:
            self._show(False, problem)
            return False
        dsn = self.dsn()
        try:
            set_server_dsn(self.library, dsn)
            set_laptop_name(self.library, self.laptop.text())
            set_auto_sync(self.library, self.auto.isChecked())
            password = self.password.text()
            if self.remember.isChecked() and password:
                remember_password(dsn, password)
            elif not self.remember.isChecked():
                forget_password(dsn)
        except BylineError as exc:
            self._show(False, str(exc))
            return False
        self.session_password = "" if self.remember.isChecked() else self.password.text()
        self.applied.emit(dsn)
        return True

    def disconnect_server(self) -> None:
        """This library stops syncing (what it holds stays; the server keeps its copy)."""
        from editor_app.core.server.settings import set_server_dsn

        set_server_dsn(self.library, None)
        self.session_password = ""
        self.applied.emit("")

    # -- testing ---------------------------------------------------------------------------
    def test_connection(self) -> None:
        problem = self.problem()
        if problem:
            self._show(False, problem)
            return
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))
        self.result.setStyleSheet("")
        self.work.submit(_test, self.dsn(), self.password.text())

    def _tested_ok(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self._show(True, message[0].upper() + message[1:] + ".")

    def _tested_failed(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self._show(False, message[0].upper() + message[1:] if message else message)

    def _show(self, ok: bool, message: str) -> None:
        self.result.setText(("✓ " if ok else "✗ ") + message)
        self.result.setStyleSheet("" if ok else "color: #c0392b")
        self.tested.emit(ok, message)

    def shutdown(self) -> None:
        self.work.cancel()
        self.work.close(2000)


class ServerSettingsDialog(QDialog):
    """File ▸ Newsroom Server…: the page with Save, Cancel and Disconnect."""

    def __init__(self, library: Library, parent=None, *, session_password: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Newsroom Server"))
        self.page = ServerSettingsPage(library, self, session_password=session_password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        self.disconnect_button = buttons.addButton(self.tr("&Disconnect"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        from editor_app.core.server.settings import server_dsn

        self.disconnect_button.setEnabled(bool(server_dsn(library)))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.disconnect_button.clicked.connect(self._disconnect)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _save(self) -> None:
        if self.page.apply():
            self.accept()

    def _disconnect(self) -> None:
        if ask_yes_no(self, self.tr("Disconnect"),
                      self.tr("Stop syncing this library with the newsroom server? Everything "
                              "stays in this library and on the server.")):
            self.page.disconnect_server()
            self.accept()

    def done(self, result: int) -> None:
        self.page.shutdown()
        super().done(result)
