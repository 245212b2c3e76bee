"""What an export did, for the caller: the dialog's summary, the command line's output."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExportedArticle:
    id: int
    slug: str
    path: str  # the bundle folder, or the zip that holds it

    def as_dict(self) -> dict:
        return {"id": self.id, "slug": self.slug, "path": self.path}


@dataclass
class ExportReport:
    """What happened: ``failed`` holds (slug, one-line message) pairs."""

    exported: list[ExportedArticle] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    out: str = ""          # the output folder or zip file
    listing: str = ""      # OUT/index.html of a batch, when written
    zip_written: bool = False  # False after a failure: the previous zip stays as it was
    #: what the producer should know, each said once (no site URL; a related link that
    #: cannot work where the bundle goes)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def as_dict(self) -> dict:
        return {"exported": [e.as_dict() for e in self.exported],
                "failed": [{"slug": slug, "error": message} for slug, message in self.failed],
                "cancelled": self.cancelled, "out": self.out, "notes": list(self.notes)}

    def summary(self) -> str:
        text = f"{len(self.exported)} exported"
        if self.failed:
            text += f", {len(self.failed)} failed: " + "; ".join(f"{s}: {m}" for s, m in self.failed)
        if self.cancelled:
            text += " (cancelled)"
        return text
