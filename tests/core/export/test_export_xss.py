"""Safety: every XSS vector of ../shared/data, in every field, leaves no active content (#7).

Vectors are batched (many per page) so the whole collection runs in seconds: each
page is parsed with html5lib the way a browser parses it (not strictly: nh3's
output for some junk inputs is not round-trip stable, e.g. ``<p><p></p></p>``,
and the DOM a browser builds from it is what matters) and that DOM is checked
for anything that could run: a script other than the single JSON-LD block, an on* attribute, a
javascript:/vbscript:/data: URL, or an iframe/object/embed/form/base/meta
http-equiv element.
"""

from __future__ import annotations

import json
import re

import html5lib
import pytest

from editor_app.core.errors import InputError
from editor_app.core.export import bundle as bundle_module
from editor_app.core.export import export_articles
from editor_app.core.export.bundle import BundleJob, RelatedInput, SiteSettings, build_bundle
from editor_app.core.models import Article, Kind
from editor_app.core.text import check_clean_text

CHUNK = 64
SHA = "ab" * 32
FORBIDDEN_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
                      "base", "link", "meta", "style", "svg", "math", "template", "noscript",
                      "input", "button", "textarea", "select", "video", "audio", "source",
                      "track", "portal", "isindex"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "srcset",
                  "xlink:href", "lowsrc", "dynsrc", "cite", "longdesc", "codebase", "usemap",
                  "ping", "manifest", "icon", "profile", "archive", "classid"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
_SPACES = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _check_element(el, where: str, problems: list[str]) -> None:
    name = local(el.tag)
    for attr, value in el.attrib.items():
        attr_name = local(attr)
        if attr_name.startswith("on"):
            problems.append(f"{where}: <{name} {attr_name}=…>")
        if attr_name in URL_ATTRIBUTES or local(attr) == "href":
            compact = _SPACES.sub("", value).lower()
            if compact.startswith(BAD_SCHEMES):
                problems.append(f"{where}: <{name} {attr_name}={value[:40]!r}>")
        if attr_name == "style" and re.search(r"expression|javascript|url\(", value, re.I):
            problems.append(f"{where}: <{name} style={value[:40]!r}>")


def active_content(page: str, *, whole_page: bool = True) -> list[str]:
    """Everything in ``page`` that could run; [] for a safe page."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    problems: list[str] = []
    if not whole_page:
        root = parser.parseFragment(page)
        body_root, head_root = root, None
    else:
        root = parser.parse(page)
        head_root, body_root = root.find("head"), root.find("body")
        scripts = [el for el in root.iter() if local(el.tag) == "script"]
        ld = [s for s in scripts if s.get("type") == "application/ld+json" and s in list(head_root)]
        if len(scripts) != 1 or len(ld) != 1:
            problems.append(f"page: {len(scripts)} scripts, expected only the JSON-LD")
        else:
            try:
                json.loads(ld[0].text or "")
            except ValueError:
                problems.append("page: the JSON-LD does not parse (text escaped its script?)")
        for el in head_root.iter():
            name = local(el.tag)
            if name in {"base", "iframe", "object", "embed", "form"}:
                problems.append(f"head: <{name}>")
            if name == "meta" and el.get("http-equiv") is not None:
                problems.append("head: <meta http-equiv>")
            _check_element(el, "head", problems)
    for el in body_root.iter():
        name = local(el.tag)
        if name in FORBIDDEN_ELEMENTS:
            problems.append(f"body: <{name}>")
        _check_element(el, "body", problems)
    return problems


def test_checker_finds_active_content():
    """The checker must fail on the things it looks for, or the big test proves nothing."""
    ok = ('<!DOCTYPE html><html><head><title>t</title><script type="application/ld+json">{}'
          "</script></head><body><p>fine</p></body></html>")
    assert active_content(ok) == []
    for bad in ['<img src=x onerror="alert(1)">', '<a href=" jav&#x09;ascript:alert(1)">x</a>',
                "<iframe></iframe>", '<form action="x"></form>', "<script>alert(1)</script>",
                '<a href="data:text/html,x">x</a>', '<svg><a xlink:href="javascript:x">y</a></svg>',
                '<object data="x"></object>', '<embed src="x">']:
        page = ok.replace("<p>fine</p>", bad)
        assert active_content(page), bad
    assert active_content(ok.replace("<title>t</title>", '<title>t</title><base href="http://x/">'))
    assert active_content(ok.replace("<title>t</title>",
                                     '<title>t</title><meta http-equiv="refresh" content="0">'))


def storable(vectors: list[str]) -> list[str]:
    """Vectors the library would store: NUL, control and bidi characters are refused at input."""
    kept = []
    for vector in vectors:
        try:
            kept.append(check_clean_text(vector, "v", multiline=True))
        except InputError:
            continue
    return kept


@pytest.fixture(scope="module")
def vectors(shared_data) -> list[str]:
    path = shared_data / "xss" / "vectors.jsonl"
    if not path.is_file():
        pytest.skip("xss/vectors.jsonl is not present")
    raw = [json.loads(line)["vector"] for line in path.read_text(encoding="utf-8").splitlines()
           if line.strip()]
    kept = storable(raw)
    assert len(kept) > 0.9 * len(raw)  # nearly all reach the exporter
    return kept


@pytest.fixture(scope="module")
def renderer():
    from editor_app.core.render import Renderer

    r = Renderer(timeout=20.0, workers=2)
    yield r
    r.close()


def one_line(text: str) -> str:
    return " ".join(text.split()) or "x"


def _articles_for(chunk: list[str], n: int) -> dict[str, tuple[Article, list[RelatedInput]]]:
    """One article per group of fields, all carrying the vectors of ``chunk``."""
    lines = [one_line(v) for v in chunk]
    meta = Article(
        title=" | ".join(lines), summary="\n".join(chunk), interviewee=" ".join(lines),
        author=" ".join(lines), tags=lines, kind=Kind.INTERVIEW, body="Plain body.\n",
        slug=f"meta-{n}", uuid=f"00000000-0000-4000-8000-{n:012d}", date="2024-05-02",
        created_at="2024-05-01T00:00:00Z", language="en")
    related = [RelatedInput(id=i, uuid=f"00000000-0000-4000-9000-{i:012d}", slug=f"rel-{i}",
                            title=line, date="2024-01-01", excerpt=vector)
               for i, (line, vector) in enumerate(zip(lines, chunk, strict=True))]
    body = Article(title="Body", body="\n\n".join(chunk) + "\n", slug=f"body-{n}",
                   uuid=meta.uuid, date="2024-05-02", created_at=meta.created_at)
    alt = Article(title="Alt", body="\n\n".join(f"![{line}](asset:{SHA}.png)" for line in lines) + "\n",
                  slug=f"alt-{n}", uuid=meta.uuid, created_at=meta.created_at)
    links = Article(title="Links", body="\n\n".join(
        f"[link {i}]({line}) and <{line}> and [ref {i}][r{i}]\n\n[r{i}]: {line}"
        for i, line in enumerate(lines)) + "\n", slug=f"links-{n}", uuid=meta.uuid,
        created_at=meta.created_at)
    return {"metadata": (meta, related), "body": (body, []), "image alt": (alt, []),
            "link targets": (links, [])}


def test_no_vector_in_any_field_leaves_active_content(vectors, renderer, monkeypatch):
    # Vectors like <img src=x onerror=…> would stop the export as "missing image";
    # here the page must be built anyway so its HTML can be checked.
    monkeypatch.setattr(bundle_module, "_check_images", lambda body_html, used: None)
    site = SiteSettings(url="https://news.example.org", publisher="</script><x onload=y>",
                        tool_version="test")
    problems: list[str] = []
    pages = 0
    for n, start in enumerate(range(0, len(vectors), CHUNK)):
        chunk = vectors[start:start + CHUNK]
        for field, (article, related) in _articles_for(chunk, n).items():
            job = BundleJob(article=article, revision_number=1,
                            revision_created="2024-05-02T10:00:00.000Z", related=related, site=site)
            try:
                built = build_bundle(job, renderer)
            except InputError as exc:  # a render failure exports nothing: safe, but say so
                problems.append(f"{field} chunk {n}: did not render ({exc})")
                continue
            pages += 1
            for found in active_content(built.files["index.html"].decode("utf-8")):
                problems.append(f"{field} chunk {n} index.html: {found}")
            for found in active_content(built.files["fragment.html"].decode("utf-8"),
                                        whole_page=False):
                problems.append(f"{field} chunk {n} fragment.html: {found}")
    assert pages > 4 * (len(vectors) // CHUNK)
    assert problems == []


def test_vectors_through_the_library_end_to_end(vectors, library, tmp_path):
    """A sample goes the whole way: stored by the library, exported, read back from disk."""
    sample = vectors[:: max(1, len(vectors) // 40)][:40]
    ids = []
    for i, vector in enumerate(sample):
        line = one_line(vector)[:250]
        article = library.create_article(Article(
            title=line, summary=vector, interviewee=line, author=line, kind=Kind.INTERVIEW,
            tags=[line[:60]] if re.search(r"\w", line[:60]) else [],
            body=f"{vector}\n\n[link]({line})\n\n![{line}](https://example.org/x{i}.png)\n"))
        ids.append(article.id)
    for a, b in zip(ids, ids[1:], strict=False):
        library.pin_related(a, b)
    report = export_articles(library, ids, tmp_path / "out", force=True)
    assert len(report.exported) >= len(ids) - 2, report.failed
    for exported in report.exported:
        folder = tmp_path / "out" / exported.slug
        assert active_content((folder / "index.html").read_text(encoding="utf-8")) == []
        assert active_content((folder / "fragment.html").read_text(encoding="utf-8"),
                              whole_page=False) == []
    assert active_content((tmp_path / "out" / "index.html").read_text(encoding="utf-8"),
                          whole_page=True) == ["page: 0 scripts, expected only the JSON-LD"]
