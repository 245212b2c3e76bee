"""The newsroom server in the GUI (#15), pytest-qt offscreen against the real cluster.

The status indicator, Sync Now (on a worker, never the GUI thread), background
sync, the settings page's Test connection, an editor seeing an article submitted on
another laptop in "Waiting for review", and who sent a revision from which laptop in
its history.
"""

from __future__ import annotations

import threading

from editor_app.core.review.workflow import change_status
from editor_app.core.server.settings import server_dsn, set_server_dsn
from editor_app.ui.sync.server_settings import ServerSettingsDialog, ServerSettingsPage
from editor_app.ui.sync.sync_status import SyncState
from tests.server.support import sync_as, write

WAIT_MS = 30_000


def test_without_a_server_the_indicator_is_hidden(make_window, laptop):
    lib = laptop("rasa")
    win = make_window(lib)
    assert win.newsroom.indicator.isHidden()
    assert not win.newsroom.sync_action.isEnabled()
    assert win.newsroom.settings_action.isEnabled()


def test_the_window_does_not_load_psycopg_or_keyring():
    """Start-up stays light: the server's libraries load with the first sync (#20's budget)."""
    import subprocess
    import sys

    code = ("import sys; from editor_app.app import build_main_window; "
            "import editor_app.ui.sync.sync_status, editor_app.ui.main_window; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'keyring')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sync_now_runs_off_the_gui_thread_and_shows_up_to_date(qtbot, make_window, laptop,
                                                               newsroom, monkeypatch):
    import editor_app.ui.sync.sync_status as status_module

    tomas, rasa = laptop("tomas"), laptop("rasa")
    story = write(rasa, "Harbour reopens")
    change_status(rasa, story.id, "submitted")
    sync_as(rasa, newsroom, "rasa")
    set_server_dsn(tomas, newsroom.dsn("tomas"))
    win = make_window(tomas)
    win.newsroom.session_password = "tomas-secret-pw"
    threads = []
    real = status_module.run_sync
    monkeypatch.setattr(status_module, "run_sync", lambda job, lib, pw: (
        threads.append(threading.current_thread()), real(job, lib, pw))[1])
    assert not win.newsroom.indicator.isHidden()
    assert win.newsroom.indicator.state is SyncState.OFFLINE  # not synced yet
    with qtbot.waitSignal(win.newsroom.synced, timeout=WAIT_MS):
        win.newsroom.indicator.button.click()
        assert win.newsroom.indicator.label.text() == "⟳ Syncing…"
        assert not win.newsroom.indicator.button.isEnabled()
    assert threads and threads[0] is not threading.main_thread()
    assert win.newsroom.indicator.state is SyncState.UP_TO_DATE
    assert win.newsroom.indicator.label.text() == "✓ Up to date"
    # the editor sees Rasa's submission in "Waiting for review"
    queues = win.panels.queues
    qtbot.waitUntil(lambda: "Waiting for review (1)" in [queues.list.item(i).text()
                                                          for i in range(queues.list.count())],
                    timeout=5000)


def test_conflicts_and_errors_show_in_the_indicator(qtbot, make_window, laptop, newsroom):
    from tests.server.support import edit

    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa)
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    edit(rasa, story.uuid, old="the council", new="the mayor")
    edit(tomas, story.uuid, old="the council", new="the budget")
    sync_as(rasa, newsroom, "rasa")
    win = make_window(tomas)
    win.newsroom.session_password = "tomas-secret-pw"
    with qtbot.waitSignal(win.newsroom.synced, timeout=WAIT_MS):
        win.newsroom.sync_now()
    assert win.newsroom.indicator.state is SyncState.CONFLICTS
    assert win.newsroom.indicator.label.text() == "⚠ 1 conflict"
    # a wrong password: one line in the indicator's tooltip, the window goes on
    win.newsroom.session_password = "wrong"
    set_server_dsn(tomas, newsroom.dsn("tomas", ""))
    with qtbot.waitSignal(win.newsroom.sync_failed, timeout=WAIT_MS) as failed:
        win.newsroom.sync_now()
    assert "refused the password of tomas" in failed.args[0]
    assert win.newsroom.indicator.state is SyncState.ERROR
    assert "refused the password" in win.newsroom.indicator.label.toolTip()
    # an unreachable server: "offline", and a retry is scheduled
    set_server_dsn(tomas, "host=127.0.0.1 port=1 dbname=byline user=tomas")
    with qtbot.waitSignal(win.newsroom.sync_failed, timeout=WAIT_MS):
        win.newsroom.sync_now()
    assert win.newsroom.indicator.state is SyncState.OFFLINE
    assert win.newsroom.retry.isActive()
    tab = win.open_article(tomas.article_id_by_uuid(story.uuid))
    assert tab is not None  # working offline goes on


def test_settings_page_test_connection_against_the_real_server(qtbot, laptop, newsroom,
                                                               memory_keyring):
    lib = laptop("tomas")
    page = ServerSettingsPage(lib)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.tested, timeout=WAIT_MS) as incomplete:
        page.test_connection()
    assert incomplete.args[0] is False and "host" in incomplete.args[1]
    page.host.setText("127.0.0.1")
    page.port.setValue(newsroom.cluster.port)
    page.dbname.setText(newsroom.dbname)
    page.user.setText("tomas")
    page.sslmode.setCurrentIndex(page.sslmode.findData("prefer"))
    page.password.setText("wrong-password")
    with qtbot.waitSignal(page.tested, timeout=WAIT_MS) as wrong:
        page.test_button.click()
    assert wrong.args[0] is False and "refused the password of tomas" in page.result.text()
    page.password.setText("tomas-secret-pw")
    with qtbot.waitSignal(page.tested, timeout=WAIT_MS) as right:
        page.test_button.click()
    assert right.args[0] is True
    assert "as tomas (editor" in page.result.text()
    page.remember.setChecked(True)
    page.laptop.setText("Tomas's desk")
    assert page.apply()
    stored = server_dsn(lib)
    assert "password" not in stored and "tomas" in stored
    assert b"tomas-secret-pw" not in lib.path.read_bytes()
    assert list(memory_keyring.store.values()) == ["tomas-secret-pw"]
    page.shutdown()
    # reopened, the page shows what was stored, and the password comes from the keyring
    again = ServerSettingsPage(lib)
    qtbot.addWidget(again)
    assert (again.host.text(), again.dbname.text(), again.user.text()) == \
        ("127.0.0.1", newsroom.dbname, "tomas")
    assert again.remember.isChecked() and again.password.text() == ""
    with qtbot.waitSignal(again.tested, timeout=WAIT_MS) as from_keyring:
        again.test_connection()
    assert from_keyring.args[0] is True
    again.shutdown()


def test_settings_dialog_from_the_file_menu(qtbot, make_window, laptop, newsroom, monkeypatch):
    lib = laptop("tomas")
    win = make_window(lib)
    assert win.newsroom.settings_action in win.file_menu.actions()
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        page = dialog.page
        page.host.setText("127.0.0.1")
        page.port.setValue(newsroom.cluster.port)
        page.dbname.setText(newsroom.dbname)
        page.user.setText("tomas")
        page.password.setText("tomas-secret-pw")
        dialog._save()
        return 1

    monkeypatch.setattr(ServerSettingsDialog, "exec", fake_exec)
    with qtbot.waitSignal(win.newsroom.synced, timeout=WAIT_MS):
        win.newsroom.settings_action.trigger()
    assert shown and server_dsn(lib) and win.newsroom.sync_action.isEnabled()
    assert win.newsroom.indicator.state is SyncState.UP_TO_DATE
    assert win.newsroom.session_password == "tomas-secret-pw"  # not remembered: this session only


def test_history_shows_who_sent_a_revision_from_which_laptop(qtbot, laptop, newsroom):
    from editor_app.ui.review.history_dialog import HistoryDialog

    rasa, tomas = laptop("rasa"), laptop("tomas")
    story = write(rasa)
    sync_as(rasa, newsroom, "rasa")
    sync_as(tomas, newsroom, "tomas")
    dialog = HistoryDialog(tomas, tomas.article_id_by_uuid(story.uuid))
    qtbot.addWidget(dialog)
    column = HistoryDialog.COLUMNS.index("Sent from")
    assert dialog.list.topLevelItem(0).text(column) == "by rasa on rasa-laptop"
    assert "Last change on the newsroom server: by rasa on rasa-laptop" in dialog.summary.text()


def test_submitted_in_one_window_approved_in_another_through_the_server(qtbot, make_window,
                                                                        laptop, newsroom):
    """The issue's walk: two Byline windows on one server; Rasa submits on her laptop, Tomas
    sees it waiting, reviews and approves it on his, and Rasa's window shows it approved."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor_app.core.models import Status
    from editor_app.ui.review.preflight_dialog import PreflightDialog
    from tests.server.conftest import PASSWORDS

    rasa, tomas = laptop("rasa"), laptop("tomas")
    windows = {}
    for name, lib in (("rasa", rasa), ("tomas", tomas)):
        set_server_dsn(lib, newsroom.dsn(name))
        windows[name] = make_window(lib)
        windows[name].newsroom.session_password = PASSWORDS[name]

    def sync(name):
        with qtbot.waitSignal(windows[name].newsroom.synced, timeout=WAIT_MS):
            windows[name].newsroom.sync_now()

    story = write(rasa, "Ferry timetable changes")
    windows["rasa"].open_article(story.id)
    workflow = windows["rasa"].panels.workflow
    qtbot.waitUntil(lambda: Status.SUBMITTED in workflow.buttons, timeout=5000)
    assert Status.APPROVED not in workflow.buttons  # a reporter is offered no approval
    workflow.buttons[Status.SUBMITTED].click()
    assert rasa.get_article(story.id).status is Status.SUBMITTED
    sync("rasa")

    sync("tomas")
    queues = windows["tomas"].panels.queues
    qtbot.waitUntil(lambda: queues.count("waiting") == 1, timeout=5000)
    theirs = tomas.article_id_by_uuid(story.uuid)
    windows["tomas"].open_article(theirs)
    review = windows["tomas"].panels.workflow
    qtbot.waitUntil(lambda: review.article_id == theirs and Status.IN_REVIEW in review.buttons,
                    timeout=5000)
    review.buttons[Status.IN_REVIEW].click()
    qtbot.waitUntil(lambda: Status.APPROVED in review.buttons, timeout=5000)

    def decide():  # the real checklist: go ahead with its default once it has decided
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PreflightDialog) and dialog.result is not None:
            (dialog.proceed_button if dialog.proceed_button.isDefault()
             else dialog.override_button).click()
        else:
            QTimer.singleShot(50, decide)

    QTimer.singleShot(50, decide)
    review.buttons[Status.APPROVED].click()
    assert tomas.get_article(theirs).status is Status.APPROVED
    sync("tomas")

    sync("rasa")
    assert rasa.get_article(story.id).status is Status.APPROVED
    qtbot.waitUntil(lambda: "Approved" in workflow.status_label.text(), timeout=10_000)
    trail = [workflow.trail.item(i).text() for i in range(workflow.trail.count())]
    assert any("in review → approved" in line and "Tomas" in line for line in trail), trail
