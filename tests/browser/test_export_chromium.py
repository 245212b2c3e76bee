"""Exported pages full of XSS vectors, loaded in headless Chromium: no script may run (#7).

The DOM checks in tests/core/export/test_export_xss.py look for anything that *could*
run; this test asks a real browser whether anything *did*.  Before the page's
own parsing starts, a hook (CDP Page.addScriptToEvaluateOnNewDocument) replaces
alert/confirm/prompt/print/open/eval with recorders.  After loading, the test
fires the usual events (mouseover, focus, error, …; not click, which would
follow the bundle's own links) on every element, waits for timers, and then
requires: nothing recorded, no dialog open, the URL and document.title unchanged,
and the live DOM identical to what DOMParser (which never runs scripts) makes
of the same source.

Needs Debian's ``chromium`` and ``chromium-driver`` packages (installed by
.ci/run); skips with the reason when they are missing.
"""

from __future__ import annotations

import json
import time

import pytest

from editor_app.core.export import bundle as bundle_module
from editor_app.core.export.bundle import BundleJob, SiteSettings, build_bundle
from tests.browser.webdriver import Chromium, find_browser
from tests.core.export.test_export_xss import _articles_for, storable

CHUNK = 256  # bigger pages than the DOM test: every vector still gets loaded
HOOK = r"""
(() => {
  const hits = [];
  Object.defineProperty(window, '__bylineHits', {value: hits});
  const record = (what) => function () { hits.push(what); };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open', 'eval']) {
    try { Object.defineProperty(window, name, {value: record(name), writable: false}); } catch (e) {}
  }
  const origSetTimeout = window.setTimeout;
  window.setTimeout = function (fn, ms, ...rest) {
    if (typeof fn === 'string') { hits.push('setTimeout(string)'); return 0; }
    return origSetTimeout.call(this, fn, ms, ...rest);
  };
})();
"""
FIRE_EVENTS = r"""
const names = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'focus', 'blur',
               'focusin', 'keydown', 'keyup', 'input', 'change', 'load', 'error', 'toggle',
               'animationstart', 'transitionend', 'pointerover', 'pointerdown', 'wheel', 'copy'];
for (const el of document.querySelectorAll('*')) {
  for (const name of names) { try { el.dispatchEvent(new Event(name)); } catch (e) {} }
}
return document.querySelectorAll('*').length;
"""
CHECK = r"""
const source = arguments[0];
const fresh = new DOMParser().parseFromString(source, 'text/html');
return {
  hits: window.__bylineHits ? Array.from(window.__bylineHits) : ['hook missing'],
  title: document.title,
  freshTitle: fresh.title,
  url: location.href,
  same: fresh.documentElement.outerHTML === document.documentElement.outerHTML,
};
"""


@pytest.fixture(scope="module")
def browser():
    found = find_browser()
    if found is None:
        pytest.skip("headless Chromium not installed (Debian packages chromium and "
                    "chromium-driver; .ci/run installs them)")
    try:
        session = Chromium(*found)
    except Exception as exc:  # noqa: BLE001 - an environment problem, reported as a skip
        pytest.skip(f"headless Chromium would not start here: {exc}")
    session.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    yield session
    session.close()


def load_and_check(browser: Chromium, path, source: str) -> list[str]:
    url = path.resolve().as_uri()
    browser.navigate(url)
    browser.execute(FIRE_EVENTS)
    time.sleep(0.05)  # let timers and queued handlers run
    alert = browser.alert_text()
    if alert is not None:
        browser.dismiss_alert()
        return [f"{path.name}: a dialog opened ({alert!r})"]
    state = browser.execute(CHECK, source)
    problems = []
    if state["hits"]:
        problems.append(f"{path}: script ran: {state['hits'][:5]}")
    if state["url"] != url:
        problems.append(f"{path}: navigated to {state['url'][:80]}")
    if state["title"] != state["freshTitle"]:
        problems.append(f"{path}: title changed to {state['title'][:60]!r}")
    if not state["same"]:
        problems.append(f"{path}: the DOM was changed after parsing")
    return problems


def test_hook_detects_a_script_that_runs(browser, tmp_path):
    """The method must see a real script run, or a pass would mean nothing."""
    page = tmp_path / "evil.html"
    source = ('<!DOCTYPE html><html><head><title>t</title></head><body>'
              '<img src="missing.png" onerror="alert(1)"><p onmouseover="document.title=1">x</p>'
              "</body></html>")
    page.write_text(source)
    problems = load_and_check(browser, page, source)
    assert problems and any("script ran" in p or "title" in p or "DOM" in p for p in problems)
    quiet = tmp_path / "quiet.html"
    clean = '<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>'
    quiet.write_text(clean)
    assert load_and_check(browser, quiet, clean) == []


def test_exported_xss_pages_run_no_script(browser, shared_data, tmp_path, monkeypatch):
    path = shared_data / "xss" / "vectors.jsonl"
    if not path.is_file():
        pytest.skip("xss/vectors.jsonl is not present")
    vectors = storable([json.loads(line)["vector"] for line in
                        path.read_text(encoding="utf-8").splitlines() if line.strip()])
    monkeypatch.setattr(bundle_module, "_check_images", lambda body_html, used: None)
    from editor_app.core.render import Renderer

    site = SiteSettings(url="https://news.example.org", publisher="Gazette", tool_version="test")
    problems: list[str] = []
    loaded = 0
    with Renderer(timeout=20.0) as renderer:
        for n, start in enumerate(range(0, len(vectors), CHUNK)):
            for field, (article, related) in _articles_for(vectors[start:start + CHUNK], n).items():
                job = BundleJob(article=article, revision_number=1, related=related, site=site,
                                revision_created="2024-05-02T10:00:00.000Z")
                built = build_bundle(job, renderer)
                folder = tmp_path / article.slug
                folder.mkdir()
                for name in ("index.html", "fragment.html"):
                    source = built.files[name].decode("utf-8")
                    if name == "fragment.html":  # a body for a CMS: say its encoding to load it alone
                        source = '<meta charset="utf-8">\n' + source
                    (folder / name).write_text(source, encoding="utf-8")
                    problems += [f"{field}: {p}" for p in load_and_check(browser, folder / name,
                                                                          source)]
                    loaded += 1
    assert loaded >= 8 * (len(vectors) // CHUNK)
    assert problems == []
