"""One article -> the files of its bundle, in memory (no library, no file system).

Kept pure so it can run on any thread, and so that the same inputs give the
same bytes: nothing here reads the clock, the locale's time zone or a random
source.  The runner fetches inputs from the library and writes the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from editor_app.core.dates import feed_timestamp
from editor_app.core.errors import InputError
from editor_app.core.export import metadata, pages
from editor_app.core.export.paths import check_relative
from editor_app.core.images import ASSET_NAME, IMAGE_SUFFIXES
from editor_app.core.importers import dump_markdown
from editor_app.core.models import Article

# Images live in the library under their sha256 (core/images.py); the bundle keeps that
# name so an unchanged picture has the same path and hash in every export.
_IMG_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]*)"')
@dataclass(frozen=True)
class RelatedInput:
    """A related story as frozen at export time (its excerpt is computed now)."""

    id: int
    uuid: str
    slug: str
    title: str
    date: str
    excerpt: str


@dataclass(frozen=True)
class SiteSettings:
    url: str = ""            # "" -> links and canonical stay relative
    publisher: str = ""
    date_format: str = ""    # house format (core/render/dates.py); "" -> the article's language
    tool_version: str = ""
    #: the ids exported together (empty: not known, every related bundle assumed beside);
    #: a related story outside them links to the site, not to a folder that is not there
    batch: frozenset = frozenset()


@dataclass
class BundleJob:
    article: Article
    revision_number: int
    revision_created: str
    related: list[RelatedInput]
    site: SiteSettings


@dataclass
class BuiltBundle:
    """Files of one bundle without its assets and manifest (the runner adds those)."""

    slug: str
    files: dict[str, bytes]
    assets: list[str]                         # "<sha256>.<ext>" names the body uses
    title: str = ""
    excerpt: str = ""
    date: str = ""
    updated: str = ""
    extra: dict = field(default_factory=dict)
    # This article's part of a batch's OUT/index.html and OUT/feed.xml, rendered
    # where the bundle was built (in parallel) rather than all at the end.
    listing_html: str = ""
    feed_entry: str = ""
    #: what the producer should know about this bundle (a related link that cannot work)
    notes: list[str] = field(default_factory=list)


def related_href(slug: str) -> str:
    """Relative link from one bundle to another: both sit side by side in OUT/."""
    return f"../{slug}/index.html"


def _related_link(related: RelatedInput, slug: str, site: SiteSettings, notes: list[str]) -> str:
    """Where "Related news" links to: the sibling bundle when it is exported alongside
    (or nobody said what is), else the story's page on the site; without a site URL the
    sibling link stays, and ``notes`` says it works only beside that bundle."""
    if not site.batch or related.id in site.batch:
        return related_href(related.slug)
    on_site = pages.absolute(site.url, f"{related.slug}/")
    if on_site:
        return on_site
    notes.append(f"{slug}: related story '{related.slug}' is not in this export and no site URL "
                 f"is set; its link works only where its bundle sits beside this one")
    return related_href(related.slug)


def check_asset_name(name: str) -> str:
    """An asset reference the bundle may write under assets/, or InputError naming it."""
    if not ASSET_NAME.fullmatch(name):
        shown = name[:60] + ("…" if len(name) > 60 else "")
        kinds = "|".join(suffix[1:] for suffix in IMAGE_SUFFIXES)
        raise InputError(f"image {shown!r}: not a library image name (<sha256>.{kinds})")
    check_relative(f"assets/{name}")
    return name


def build_bundle(job: BundleJob, renderer) -> BuiltBundle:
    """Render one article and its metadata files; raises BylineError (RenderError, InputError)."""
    from editor_app.core.render import RelatedItem, make_excerpt

    article, site = job.article, job.site
    used: list[str] = []
    bad: list[str] = []

    def asset_url(name: str) -> str:
        try:
            check_asset_name(name)
        except InputError:
            bad.append(name)
            return "#"
        if name not in used:
            used.append(name)
        return f"assets/{name}"

    notes: list[str] = []
    related_items = [RelatedItem(title=r.title, slug=r.slug, date=r.date, excerpt=r.excerpt,
                                 href=_related_link(r, article.slug, site, notes))
                     for r in job.related]
    rendered = renderer.render_article(article, related=related_items, asset_url=asset_url)
    if bad:
        check_asset_name(bad[0])  # raises with the message naming it
    body_html = pages.html_text(rendered.body_html)
    _check_images(body_html, used)

    excerpt = make_excerpt(article.summary, article.body)
    description = article.summary or excerpt
    date_published = article.date or job.revision_created[:10]
    canonical_abs = pages.absolute(site.url, f"{article.slug}/")
    images_abs = [pages.absolute(site.url, f"{article.slug}/assets/{n}") for n in used]
    images_ld = images_abs if site.url else [f"assets/{n}" for n in used]
    json_ld = metadata.news_article_ld(
        title=article.title, description=description, date_published=date_published,
        date_modified=job.revision_created, author=article.author, images=images_ld,
        language=rendered.language, keywords=list(article.tags),
        publisher=site.publisher, canonical=canonical_abs,
        identifier=f"urn:uuid:{article.uuid}", word_count=rendered.word_count,
        interviewee=article.interviewee)
    index_html = pages.render(
        "page.html.j2",
        language=rendered.language,
        direction=rendered.direction,
        title=article.title,
        description=description,
        # Open Graph and search engines take absolute addresses only: without a site
        # URL there is no canonical link and no og:url at all (the runner says so once).
        canonical=canonical_abs or "",
        publisher=site.publisher,
        og_image=images_abs[0] if (site.url and images_abs) else "",
        date_published=date_published,
        date_modified=job.revision_created,
        tags=list(article.tags),
        json_ld=Markup(metadata.script_json(json_ld)),
        article_html=Markup(rendered.html),
        tool_version=site.tool_version,
    )
    related_meta = [{"uuid": r.uuid, "slug": r.slug, "title": r.title, "date": r.date,
                     "excerpt": r.excerpt} for r in job.related]
    ninjs = metadata.ninjs(article=article, revision_number=job.revision_number,
                           revision_created=job.revision_created, body_html=body_html,
                           word_count=rendered.word_count, related=related_meta,
                           body_text=rendered.text)
    files = {
        "index.html": index_html,
        "fragment.html": (body_html.rstrip("\n") + "\n").encode("utf-8"),
        "article.md": dump_markdown(article, related_slugs=[r.slug for r in job.related])
        .encode("utf-8"),
        "article.json": metadata.dump_json(ninjs),
        "style.css": rendered.stylesheet.encode("utf-8"),
    }
    built = BuiltBundle(slug=article.slug, files=files, assets=used, title=article.title,
                        excerpt=excerpt, date=date_published, updated=job.revision_created,
                        notes=notes)
    built.listing_html, built.feed_entry = listing_snippets(built, article, site)
    return built


def listing_snippets(built: BuiltBundle, article, site: SiteSettings) -> tuple[str, str]:
    """The article's entry in the batch listing and in the Atom feed (see runner)."""
    from editor_app.core.render import format_date, page_language
    from editor_app.core.render.dates import date_iso

    rel = f"{built.slug}/index.html"
    language = page_language(article.language).tag
    item = {
        "title": built.title, "excerpt": built.excerpt, "href": rel,
        "date_iso": date_iso(built.date), "language": language,
        "dateline": format_date(built.date, language, site.date_format) if built.date else "",
        "urn": f"urn:uuid:{article.uuid}", "updated": built.updated,
        "published": feed_timestamp(built.date),
        "link": pages.absolute(site.url, rel) or rel,
        "author": article.author, "tags": list(article.tags),
    }
    return (pages.render_text("listing-item.html.j2", item=item),
            pages.render_text("feed-entry.xml.j2", item=item))


def finish_files(built: BuiltBundle, *, article, revision_number: int, tool_version: str,
                 asset_data: dict[str, bytes | None]) -> dict[str, bytes]:
    """The bundle's files with its images and manifest; ``asset_data`` maps each name of
    ``built.assets`` to its bytes, None when the library lacks it (InputError naming it).
    """
    missing = [name for name in built.assets if asset_data.get(name) is None]
    if missing:
        raise InputError(f"image {missing[0]!r} is missing from the library"
                         + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    files = dict(built.files)
    for name in built.assets:
        files[f"assets/{name}"] = asset_data[name]
    files["manifest.json"] = metadata.dump_json(metadata.manifest(
        files=files, article=article, revision_number=revision_number, tool_version=tool_version))
    return files


def _check_images(body_html: str, used: list[str]) -> None:
    """Every picture must come from the library: a path to a file we do not have is an error.

    The sanitizer keeps relative URLs, so ``![x](photo.jpg)`` survives rendering
    but would be a broken image on the website; absolute http(s) images are the
    producer's choice and are left alone.
    """
    if "<img" not in body_html:
        return
    for src in _IMG_SRC.findall(body_html):
        if src.startswith(("https://", "http://", "//")):
            continue
        if src.startswith("assets/") and src[len("assets/"):] in used:
            continue
        raise InputError(f"image {src[:80]!r} is missing from the library")
