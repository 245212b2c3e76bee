"""Review queues: counts per queue, live updates on status changes, selection signal."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
                             "published": 0, "spiked": 0, "conflicts": 0}
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


def test_the_conflicts_queue_counts_articles_in_conflict_live(qtbot, tmp_path, signals):
    """A version from another library that could not merge puts the article in "Conflicts" (#14)."""
    from editor_app.core.library import Library
    from editor_app.core.sync.resolve import resolve_taking
    from tests.sync_support import hand_over, new_interview, same_article

    rasa = Library.open(tmp_path / "rasa.byline")
    tomas = Library.open(tmp_path / "tomas.byline")
    story = new_interview(rasa)
    hand_over(rasa, tomas, [story.id], tmp_path / "first.byline")
    tid = same_article(rasa, tomas, story)
    queues = ReviewQueues(rasa, signals)
    qtbot.addWidget(queues)
    row = [queues.list.item(i).data(256) for i in range(queues.list.count())].index("conflicts")
    item = queues.list.item(row)
    assert item.text() == "Conflicts (0)" and not item.font().bold()
    rasa.update_article(story.id, body=story.body.replace("Three,", "Four,"), revision_reason="e")
    tomas.update_article(tid, body=story.body.replace("Three,", "Five,"), revision_reason="e")
    hand_over(tomas, rasa, [tid], tmp_path / "back.byline")
    signals.library_changed.emit()  # what a receive or a sync says on the hub
    qtbot.waitUntil(lambda: queues.count("conflicts") == 1, timeout=2000)
    assert item.text() == "Conflicts (1)" and item.font().bold()
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Conflicts: 1 articles"
    with qtbot.waitSignal(queues.articles_selected) as blocker:
        queues.select_queue("conflicts")
    assert blocker.args == [[story.id]]
    resolve_taking(rasa, story.id, "mine")
    with qtbot.waitSignal(queues.articles_selected) as blocker:  # the list follows the queue
        signals.article_saved.emit(story.id)  # what the merge view says after saving
    assert blocker.args == [[]]
    assert queues.count("conflicts") == 0
    with qtbot.assertNotEmitted(queues.articles_selected):
        queues.select_queue("all")
    rasa.close()
    tomas.close()
