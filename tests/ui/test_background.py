"""BackgroundWork: jobs off the GUI thread, answers on it, only the newest one, cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from editor_app.core.errors import InputError
from editor_app.core.models import Article
from editor_app.ui.background import BackgroundWork


@pytest.fixture
def work(qtbot):
    worker = BackgroundWork()
    yield worker
    worker.cancel()
    worker.close()


def record(work):
    seen = {"finished": [], "failed": [], "progress": []}
    work.finished.connect(lambda result: seen["finished"].append(result))
    work.failed.connect(lambda message, error: seen["failed"].append((message, error)))
    work.progress.connect(lambda values: seen["progress"].append(values))
    return seen


def test_the_job_runs_off_the_gui_thread_and_its_answer_arrives_on_it(qtbot, work):
    gui = QThread.currentThread()
    threads = []
    work.finished.connect(lambda _result: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(work.finished, timeout=5000) as blocker:
        work.submit(lambda a, b: (QThread.currentThread() is gui, a + b), 2, 3)
    assert blocker.args == [(False, 5)]
    assert threads == [gui]
    assert work.is_idle()


def test_errors_arrive_as_one_message(qtbot, work):
    seen = record(work)

    def refuse():
        raise InputError("story.md: not UTF-8")

    with qtbot.waitSignal(work.failed, timeout=5000):
        work.submit(refuse)
    assert seen["failed"][0][0] == "story.md: not UTF-8"
    assert isinstance(seen["failed"][0][1], InputError)
    with qtbot.waitSignal(work.failed, timeout=5000):
        work.submit(lambda: 1 / 0)
    assert seen["failed"][1][0] == "internal error (ZeroDivisionError: division by zero)"
    assert seen["finished"] == []


def test_unexpected_errors_can_be_worded_by_the_widget(qtbot):
    work = BackgroundWork(describe_unexpected=lambda exc: f"diff failed: {exc}")
    with qtbot.waitSignal(work.failed, timeout=5000) as blocker:
        work.submit(lambda: [][1])
    assert blocker.args[0] == "diff failed: list index out of range"
    work.close()


def test_only_the_newest_answer_arrives_and_a_replaced_job_never_runs(qtbot, work):
    seen = record(work)
    release = threading.Event()
    ran = []

    def slow(name):
        ran.append(name)
        release.wait(5)
        return name

    work.submit(slow, "first")      # runs
    work.submit(slow, "second")     # waits ...
    work.submit(slow, "third")      # ... and is replaced by this one before it starts
    assert not work.is_idle()
    release.set()
    qtbot.waitUntil(work.is_idle, timeout=5000)
    assert ran == ["first", "third"]
    assert seen["finished"] == ["third"]


def test_cancel_drops_the_answer_and_asks_the_job_to_stop(qtbot, work):
    seen = record(work)
    started = threading.Event()

    def until_stopped(job):
        started.set()
        job.stop_event.wait(5)
        return "stopped" if job.stopped else "ran out"

    job = work.submit(until_stopped, with_job=True)
    assert started.wait(5)
    work.cancel()
    assert job.wait(5)
    qtbot.waitUntil(work.is_idle, timeout=5000)
    qtbot.wait(50)  # the answer would have been queued by now
    assert seen["finished"] == [] and seen["failed"] == []


def test_a_stopped_job_still_reports_and_answers(qtbot, work):
    """Cancel in the export dialog: the batch stops and its report still arrives."""
    seen = record(work)
    reported = threading.Event()

    def batch(job, total):
        for done in range(1, total + 1):
            job.report(done, total)
            if done == 2:
                reported.set()
                job.stop_event.wait(5)
            if job.stopped:
                return f"cancelled after {done}"
        return "all done"

    job = work.submit(batch, 5, with_job=True)
    assert reported.wait(5)
    with qtbot.waitSignal(work.finished, timeout=5000):
        job.stop()
    assert seen["finished"] == ["cancelled after 2"]
    assert seen["progress"] == [(1, 5), (2, 5)]


def test_library_jobs_get_a_connection_of_their_own(qtbot, library):
    library.create_article(Article(title="Ferry returns", body="The ferry is back."))
    work = BackgroundWork(library=library)
    connections = []

    def count(worker_library, status):
        connections.append(worker_library)
        return worker_library.status_counts().get(status, 0)

    with qtbot.waitSignal(work.finished, timeout=5000) as blocker:
        work.submit(count, "draft")
    assert blocker.args == [1]
    with qtbot.waitSignal(work.finished, timeout=5000):
        work.submit(count, "draft")
    assert connections[0] is connections[1] and connections[0] is not library
    work.close()
    assert library.count_articles() == 1  # the GUI's own connection is still open
