"""Review queues: counts per queue, live updates on status changes, selection signal."""

from __future__ import annotations

from editor_app.core.identity import Identity, save_identity
from editor_app.core.models import Article, Status
from editor_app.core.review import change_status
from editor_app.ui.review.queues import ReviewQueues


def add(library, title, status=Status.DRAFT, author="Sam"):
    return library.create_article(Article(title=title, status=status, author=author,
                                          summary="S.", tags=["t"])).id


def test_counts_per_queue(qtbot, library, signals):
    add(library, "a")
    add(library, "b", author="Kim")
    add(library, "c", Status.SUBMITTED)
    add(library, "d", Status.IN_REVIEW)
    add(library, "e", Status.APPROVED)
    queues = ReviewQueues(library, signals)
    qtbot.addWidget(queues)
    assert queues.counts == {"all": 5, "my_drafts": 2, "waiting": 2, "changes": 0, "ready": 1,
                             "published": 0, "spiked": 0}
    assert queues.list.item(2).text() == "Waiting for review (2)"
    save_identity(Identity("Kim"))
    signals.identity_changed.emit(Identity("Kim"))  # Preferences says so on the hub
    qtbot.waitUntil(lambda: queues.count("my_drafts") == 1, timeout=2000)


def test_counts_update_live_when_a_status_changes(qtbot, library, signals):
    aid = add(library, "a")
    queues = ReviewQueues(library, signals)
    qtbot.addWidget(queues)
    assert (queues.count("my_drafts"), queues.count("waiting")) == (1, 0)
    change_status(library, aid, Status.SUBMITTED, role="reporter")
    signals.status_changed.emit(aid, "submitted")
    qtbot.waitUntil(lambda: queues.count("waiting") == 1, timeout=2000)
    assert queues.count("my_drafts") == 0
    assert queues.list.item(1).text() == "My drafts (0)"


def test_counts_update_on_library_changed(qtbot, library, signals):
    queues = ReviewQueues(library, signals)
    qtbot.addWidget(queues)
    add(library, "x", Status.SPIKED)
    signals.library_changed.emit()
    qtbot.waitUntil(lambda: queues.count("spiked") == 1, timeout=2000)


def test_clicking_a_queue_emits_its_statuses(qtbot, library, signals):
    queues = ReviewQueues(library, signals)
    qtbot.addWidget(queues)
    with qtbot.waitSignal(queues.queue_selected) as blocker:
        queues.select_queue("waiting")
    assert blocker.args == [["submitted", "in_review"]]
    with qtbot.waitSignal(queues.queue_selected) as blocker:
        queues.select_queue("all")
    assert blocker.args == [[]]
