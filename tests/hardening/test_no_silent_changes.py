"""Property test (hypothesis): no article's text, once saved, ever changes except by an
explicit edit of that article (#19).

Random sequences of import, edit, status change, export, hand-over of a bundle to
the other library, backup and restore run on two libraries.  A model keeps what
every article must hold (title and body, by uuid); after every step both
libraries must hold exactly that.  The only steps allowed to change an article's
text are explicit edits of it: ``update_article`` on that article, or importing a
file that names that article (its slug, or Byline's own export of it).  A restore
puts the library back to its backup as a whole; the file it replaces is kept aside
and must hold everything the model held just before.  Files a site keeps in the
export folder must never change.
"""

from __future__ import annotations

import hashlib
import pathlib
import shutil
import tempfile

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from editor_app.core import backups
from editor_app.core.errors import BylineError, InputError
from editor_app.core.export import export_articles
from editor_app.core.importing import import_files
from editor_app.core.library import Library
from editor_app.core.models import Role, Status
from editor_app.core.review import change_status, edit_refusal

TITLES = ["Ferry strike", "Council vote", "Harbour"]
SLUGS = [None, "ferry-strike", "council-vote", "harbour", "harbour-2"]
# Plain words, so that a story can pass the pre-flight check (spelling included) and reach
# approved and published, where the guard against silent changes matters most.
WORDS = st.sampled_from(["ferry", "vote", "the", "council", "strike", "and", "“quote”", "—"])
BODIES = st.lists(WORDS, min_size=1, max_size=8).map(lambda w: " ".join(w) + ".\n")
# Weighted towards editors and published stories: the guarded path needs both.
STATUSES = st.sampled_from([*Status, Status.PUBLISHED, Status.APPROVED])
ROLES = st.sampled_from([*Role, Role.EDITOR, Role.EDITOR])
SITE_FILE = "other-story/editor-notes.txt"


class TwoLibraries(RuleBasedStateMachine):
    """Two newsroom libraries, their export folders, and the model of every article's text."""

    @initialize()
    def setup(self):
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="byline-props-"))
        self.paths = [self.root / "a.byline", self.root / "b.byline"]
        self.model: list[dict[str, tuple[str, str]]] = [{}, {}]
        self.backup_model: list[dict | None] = [None, None]
        self.files = 0
        for path in self.paths:
            Library.open(path).close()
        self.outs = []
        for n in range(2):
            out = self.root / f"site-{n}"
            (out / "other-story").mkdir(parents=True)
            (out / SITE_FILE).write_text("Call the harbour master.\n", encoding="utf-8")
            (out / "index.html").write_text("<h1>The site's own home page</h1>\n")
            self.outs.append(out)
        self.site_hashes = [self._site_hashes(n) for n in range(2)]

    def teardown(self):
        shutil.rmtree(getattr(self, "root", ""), ignore_errors=True)

    # -- helpers -----------------------------------------------------------------------
    def _site_hashes(self, n: int) -> dict[str, str]:
        return {rel: hashlib.sha256((self.outs[n] / rel).read_bytes()).hexdigest()
                for rel in (SITE_FILE, "index.html")}

    def _texts(self, n: int) -> dict[str, tuple[str, str]]:
        with Library.open(self.paths[n]) as lib:
            return {a.uuid: (a.title, a.body)
                    for a in (lib.get_article(s.id) for s in lib.list_articles())}

    def _write_file(self, title: str, slug: str | None, body: str, status: Status) -> pathlib.Path:
        self.files += 1
        path = self.root / "incoming" / f"file-{self.files}.md"
        path.parent.mkdir(exist_ok=True)
        meta = [f"title: {title}", f"status: {status.value}", "summary: The ferry strike.",
                "tags: [transport]"] + ([f"slug: {slug}"] if slug else [])
        path.write_text("---\n" + "\n".join(meta) + "\n---\n" + body, encoding="utf-8")
        return path

    def _import(self, n: int, path: pathlib.Path, role: Role, correction: bool,
                file_slug: str | None, file_uuid: str | None, title: str, body: str) -> None:
        """Import one file and update the model only for the article the file names."""
        before = self._texts(n)
        with Library.open(self.paths[n]) as lib:
            named = None  # the article this file says it is, if any
            if file_uuid and any(lib.get_article(s.id).uuid == file_uuid
                                 for s in lib.list_articles()):
                named = file_uuid
            elif file_slug:
                try:
                    article = lib.get_article(file_slug)
                except BylineError:
                    article = None
                if article is not None and (file_uuid is None or article.uuid == file_uuid):
                    named = article.uuid
            try:
                [result] = import_files(lib, [path], role=role, who="Tester",
                                        correction=correction)
            except InputError:
                result = None
                event("import refused")
            if result is not None:
                event(f"import {result.action}")
                uuid = lib.get_article(result.id).uuid
                event(f"article now {lib.get_article(result.id).status.value}")
                if result.created:
                    assert uuid not in before, "a created article must be new"
                else:
                    assert uuid == named, "an import changed an article the file did not name"
                self.model[n][uuid] = (title, body)
        assert self._texts(n) == self.model[n]

    def _pick(self, n: int, index: int) -> str | None:
        uuids = list(self.model[n])  # in the order they were made: replays pick the same
        return uuids[index % len(uuids)] if uuids else None

    def _id_of(self, lib, uuid: str) -> int:
        return next(s.id for s in lib.list_articles() if lib.get_article(s.id).uuid == uuid)

    # -- rules ---------------------------------------------------------------------------
    @rule(n=st.integers(0, 1), title=st.sampled_from(TITLES), slug=st.sampled_from(SLUGS),
          body=BODIES, status=STATUSES, role=ROLES, correction=st.booleans())
    def import_a_file(self, n, title, slug, body, status, role, correction):
        path = self._write_file(title, slug, body, status)
        self._import(n, path, role, correction, slug, None, title, body)

    @precondition(lambda self: any(self.model))
    @rule(n=st.integers(0, 1), index=st.integers(0, 20), body=BODIES)
    def edit(self, n, index, body):
        uuid = self._pick(n, index)
        if uuid is None:
            return
        with Library.open(self.paths[n]) as lib:
            aid = self._id_of(lib, uuid)
            if edit_refusal(lib.get_article(aid)) is not None:
                return  # the desk would refuse it too: approved and published are read-only
            lib.update_article(aid, body=body, who="Tester", revision_reason="edit")
        self.model[n][uuid] = (self.model[n][uuid][0], body)

    @precondition(lambda self: any(self.model))
    @rule(n=st.integers(0, 1), index=st.integers(0, 20),
          new_status=st.sampled_from(list(Status)),
          role=st.sampled_from(list(Role)), force=st.booleans())
    def move_through_workflow(self, n, index, new_status, role, force):
        uuid = self._pick(n, index)
        if uuid is None:
            return
        with Library.open(self.paths[n]) as lib:
            try:
                change_status(lib, self._id_of(lib, uuid), new_status, role=role, who="Tester",
                              force=force)
            except BylineError:
                pass

    @precondition(lambda self: any(self.model))
    @rule(n=st.integers(0, 1), picks=st.lists(st.integers(0, 20), min_size=1, max_size=3),
          articles_only=st.booleans(), as_zip=st.booleans())
    def export(self, n, picks, articles_only, as_zip):
        uuids = {self._pick(n, i) for i in picks} - {None}
        if not uuids:
            return
        with Library.open(self.paths[n]) as lib:
            ids = [self._id_of(lib, u) for u in self.model[n] if u in uuids]
            try:
                if as_zip:
                    export_articles(lib, ids, None, zip_path=self.outs[n] / "day.zip", force=True,
                                    processes=False)
                else:
                    export_articles(lib, ids, self.outs[n], force=True, processes=False,
                                    listing=False if articles_only else None)
                event("export")
            except InputError as exc:
                # only the site's own listing may stop a whole export
                assert "index.html" in str(exc) and not articles_only
                event("export refused: the site's listing")

    @precondition(lambda self: any(self.model))
    @rule(src=st.integers(0, 1), index=st.integers(0, 20), role=ROLES, correction=st.booleans())
    def hand_over_a_bundle(self, src, index, role, correction):
        """A producer exports a story and another library imports its article.md."""
        uuid = self._pick(src, index)
        if uuid is None:
            return
        folder = self.root / f"handover-{self.files}"
        self.files += 1
        with Library.open(self.paths[src]) as lib:
            aid = self._id_of(lib, uuid)
            article = lib.get_article(aid)
            report = export_articles(lib, [aid], folder, force=True, processes=False)
        if not report.ok:
            return
        md = folder / article.slug / "article.md"
        self._import(1 - src, md, role, correction, article.slug, article.uuid, article.title,
                     article.body)

    @rule(n=st.integers(0, 1))
    def backup(self, n):
        with Library.open(self.paths[n]) as lib:
            backups.make_backup(lib)
        self.backup_model[n] = dict(self.model[n])

    @precondition(lambda self: any(m is not None for m in self.backup_model))
    @rule(n=st.integers(0, 1))
    def restore(self, n):
        if self.backup_model[n] is None:
            return
        with Library.open(self.paths[n]):
            try:
                backups.restore_newest_good(self.paths[n], force=True)
                raise AssertionError("a restore replaced a library that was open")
            except BylineError:
                pass
        assert self._texts(n) == self.model[n]
        result = backups.restore_newest_good(self.paths[n], force=True)
        event("restored")
        with Library.open(result.previous_copy, create=False) as kept:
            kept_texts = {a.uuid: (a.title, a.body)
                          for a in (kept.get_article(s.id) for s in kept.list_articles())}
        assert kept_texts == self.model[n], "the replaced library must be kept, whole"
        self.model[n] = dict(self.backup_model[n])

    # -- what must always hold ----------------------------------------------------------
    @invariant()
    def texts_match_the_model(self):
        if not hasattr(self, "paths"):
            return
        for n in range(2):
            assert self._texts(n) == self.model[n]

    @invariant()
    def site_files_never_change(self):
        if not hasattr(self, "outs"):
            return
        for n in range(2):
            assert self._site_hashes(n) == self.site_hashes[n]


TwoLibraries.TestCase.settings = settings(
    max_examples=40, stateful_step_count=15, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_no_article_text_changes_without_an_explicit_edit = TwoLibraries.TestCase
