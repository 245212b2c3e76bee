"""One list of image types: what the editor stores, the export can write; SVG is refused."""

from __future__ import annotations

import pytest

from editor_app.core.errors import InputError
from editor_app.core.export import export_articles
from editor_app.core.export.bundle import check_asset_name
from editor_app.core.images import (
    IMAGE_SUFFIXES,
    IMAGE_TYPES,
    asset_file_name,
    image_extension,
    looks_like_image,
)
from editor_app.core.models import Article

DIGEST = "ab" * 32


@pytest.mark.parametrize("suffix", IMAGE_SUFFIXES)
def test_every_accepted_picture_gets_a_name_the_export_accepts(suffix):
    name = asset_file_name(DIGEST, f"photo{suffix}")
    assert check_asset_name(name) == name


@pytest.mark.parametrize("name", ["logo.svg", "LOGO.SVG"])
def test_svg_is_refused_with_the_reason_and_what_to_do(name):
    with pytest.raises(InputError) as refused:
        image_extension(name)
    message = str(refused.value)
    assert message.startswith(f"{name}: SVG pictures cannot be inserted")
    assert "PNG" in message
    with pytest.raises(InputError):
        image_extension("drawing", "image/svg+xml")  # a pasted SVG says so in its type
    with pytest.raises(InputError, match="not a library image name"):
        check_asset_name(f"{DIGEST}.svg")


def test_other_files_are_refused_naming_the_accepted_types():
    with pytest.raises(InputError, match=r"notes\.txt: not an image Byline can show \(PNG, JPEG, GIF, WebP\)"):
        image_extension("notes.txt")
    with pytest.raises(InputError, match="scan.tiff: not an image"):
        image_extension("scan.tiff")


def test_dropped_files_that_are_pictures_are_recognised_even_when_refused():
    assert looks_like_image("quay.JPG") and looks_like_image("logo.svg")
    assert not looks_like_image("notes.txt") and not looks_like_image("story.md")


def test_a_story_with_one_picture_of_each_type_exports(library, tmp_path):
    body = ["Pictures of the quay."]
    for n, (mime, extension) in enumerate(IMAGE_TYPES.items()):
        data = f"picture {n} of type {mime}".encode()
        digest = library.add_asset(data, name=f"quay{n}.{extension}", mime=mime)
        body.append(f"![Quay {n}](asset:{asset_file_name(digest, f'quay{n}.{extension}', mime)})")
    story = library.create_article(Article(title="The quay", body="\n\n".join(body)))
    report = export_articles(library, [story.id], tmp_path / "out", force=True)
    assert report.failed == []
    assets = sorted(p.suffix for p in (tmp_path / "out" / story.slug / "assets").iterdir())
    assert assets == sorted(f".{e}" for e in IMAGE_TYPES.values())
