"""The pre-flight checklist's lines in the interface's language (#18).

core/review/preflight writes each check's message in English (the command line
prints it) and keeps what the message was written from: the check's ``code``,
its ``outcome`` and ``data``, and each spot's ``kind`` and ``data``. The dialog
writes them again here from a translated template per (code, outcome), so the
Lithuanian checklist reads "Trūksta santraukos" where core says "Summary missing".
The English templates are core's messages word for word (a test holds them
together); a code or outcome this table does not know (a newer core) is shown
with core's own message.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor_app.ui.labels import shown_title
from editor_app.ui.spelling.spelling_messages import spelling_message

CONTEXT = "PreflightChecks"

_CHECKS = {
    ("headline", "missing"): QT_TRANSLATE_NOOP("PreflightChecks", "Headline missing"),
    ("headline", "placeholder"): QT_TRANSLATE_NOOP(
        "PreflightChecks", "Headline missing (still “{title}”)"),
    ("headline", "too_long"): QT_TRANSLATE_NOOP(
        "PreflightChecks", "Headline too long: {n} characters (at most {max})"),
    ("headline", "long"): QT_TRANSLATE_NOOP(
        "PreflightChecks", "Headline is {n} characters; above {warn} it is cut in search results"),
    ("headline", "present"): QT_TRANSLATE_NOOP("PreflightChecks", "Headline present ({n} characters)"),
    ("conflict", "conflict"): QT_TRANSLATE_NOOP(
        "PreflightChecks",
        "In conflict with a version from another library: resolve the conflict first"),
    ("summary", "present"): QT_TRANSLATE_NOOP("PreflightChecks", "Summary present"),
    ("summary", "missing"): QT_TRANSLATE_NOOP("PreflightChecks", "Summary missing"),
    ("tags", "present"): QT_TRANSLATE_NOOP("PreflightChecks", "{n} tag(s)"),
    ("tags", "missing"): QT_TRANSLATE_NOOP("PreflightChecks", "No tags: add at least one"),
    ("comments", "open"): QT_TRANSLATE_NOOP("PreflightChecks", "{n} unresolved comment(s)"),
    ("comments", "none"): QT_TRANSLATE_NOOP("PreflightChecks", "No unresolved comments"),
    ("spelling", "off"): QT_TRANSLATE_NOOP(
        "PreflightChecks", "Spell-check is turned off for this article"),
    ("spelling", "none"): QT_TRANSLATE_NOOP("PreflightChecks", "No spelling issues left"),
    ("images_alt", "ok"): QT_TRANSLATE_NOOP("PreflightChecks", "Every image has alt text"),
    ("questions", "present"): QT_TRANSLATE_NOOP("PreflightChecks", "The interview has questions"),
    ("questions", "missing"): QT_TRANSLATE_NOOP(
        "PreflightChecks", "Interview without questions (no paragraph starts with Q:)"),
    ("images", "ok"): QT_TRANSLATE_NOOP("PreflightChecks", "Every image is in the library"),
    ("related", "chosen"): QT_TRANSLATE_NOOP("PreflightChecks", "{n} related article(s) chosen"),
    ("related", "none"): QT_TRANSLATE_NOOP("PreflightChecks", "No related news chosen"),
    ("links", "ok"): QT_TRANSLATE_NOOP("PreflightChecks", "Links are well-formed"),
}

#: the parts of messages that are put together from a list of problems
_PARTS = {
    "spelling_named": QT_TRANSLATE_NOOP(
        "PreflightChecks", "{count} spelling issue(s) not fixed or ignored: {words}"),
    "spelling_counted": QT_TRANSLATE_NOOP(
        "PreflightChecks", "{count} spelling issue(s) not fixed or ignored"),
    "no_alt": QT_TRANSLATE_NOOP("PreflightChecks", "{count} image(s) without alt text: {names}"),
    "file_name_alt": QT_TRANSLATE_NOOP(
        "PreflightChecks",
        "{count} image(s) with a file name for alt text ({names}): describe what each shows"),
    "images_missing": QT_TRANSLATE_NOOP(
        "PreflightChecks",
        "{count} image(s) missing from the library: {names}; insert them again (Insert ▸ Image)"),
    "related_spiked_one": QT_TRANSLATE_NOOP(
        "PreflightChecks",
        "{running} related article(s) will appear; {spiked} pinned is spiked and will not: {names}"),
    "related_spiked_many": QT_TRANSLATE_NOOP(
        "PreflightChecks",
        "{running} related article(s) will appear; {spiked} pinned are spiked and will not: {names}"),
    "malformed": QT_TRANSLATE_NOOP("PreflightChecks", "Malformed link: {problems}"),
    "more": QT_TRANSLATE_NOOP("PreflightChecks", "{shown} (and {more} more)"),
}

#: core.review.preflight.LINK_PROBLEMS, translated
_LINK_PROBLEMS = {
    "empty": QT_TRANSLATE_NOOP("PreflightChecks", "empty link target"),
    "space": QT_TRANSLATE_NOOP("PreflightChecks", "{target} contains a space"),
    "scheme": QT_TRANSLATE_NOOP("PreflightChecks", "{target}: {scheme}: links are not allowed"),
    "no_host": QT_TRANSLATE_NOOP("PreflightChecks", "{target} has no host"),
    "not_email": QT_TRANSLATE_NOOP("PreflightChecks", "{target} is not an e-mail address"),
    "no_asset": QT_TRANSLATE_NOOP("PreflightChecks", "{target} names no asset"),
}

#: a place in the body, by Spot.kind
_SPOTS = {
    "spelling": QT_TRANSLATE_NOOP("PreflightChecks", "“{word}”, spelling, line {line}"),
    "repeat": QT_TRANSLATE_NOOP("PreflightChecks", "“{word}”, repeated word, line {line}"),
    "no_alt": QT_TRANSLATE_NOOP("PreflightChecks", "image without alt text, line {line}"),
    "file_name_alt": QT_TRANSLATE_NOOP(
        "PreflightChecks", "alt text “{alt}” is a file name, line {line}"),
    "img_no_alt": QT_TRANSLATE_NOOP("PreflightChecks", "<img> without a description, line {line}"),
    "link": QT_TRANSLATE_NOOP("PreflightChecks", "{reason}, line {line}"),
}

#: what each check is about, for its tooltip
_CHECK_NAMES = {
    "headline": QT_TRANSLATE_NOOP("PreflightChecks", "Headline"),
    "conflict": QT_TRANSLATE_NOOP("PreflightChecks", "Conflict"),
    "summary": QT_TRANSLATE_NOOP("PreflightChecks", "Summary"),
    "tags": QT_TRANSLATE_NOOP("PreflightChecks", "Tags"),
    "comments": QT_TRANSLATE_NOOP("PreflightChecks", "Comments"),
    "spelling": QT_TRANSLATE_NOOP("PreflightChecks", "Spelling"),
    "images_alt": QT_TRANSLATE_NOOP("PreflightChecks", "Alt text of images"),
    "questions": QT_TRANSLATE_NOOP("PreflightChecks", "Interview questions"),
    "images": QT_TRANSLATE_NOOP("PreflightChecks", "Images in the library"),
    "related": QT_TRANSLATE_NOOP("PreflightChecks", "Related news"),
    "links": QT_TRANSLATE_NOOP("PreflightChecks", "Links"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _with_more(shown: str, more: int) -> str:
    return _tr(_PARTS["more"]).format(shown=shown, more=more) if more else shown


def check_name(code: str) -> str:
    """What a check is about ("Headline", "Alt text of images"); the code when unknown."""
    text = _CHECK_NAMES.get(code)
    return _tr(text) if text else code


def link_problem_text(problem: str, values: dict) -> str:
    """Why a link is malformed (core's LINK_PROBLEMS code and values), translated."""
    text = _LINK_PROBLEMS.get(problem)
    return _tr(text).format(**values) if text else problem


def check_message(item) -> str:
    """A CheckItem's message in the interface's language; core's own for an unknown result."""
    data = item.data
    try:
        key = (item.code, item.outcome)
        if key in _CHECKS:
            values = dict(data)
            if "title" in values:  # core's placeholder headline ("Untitled news")
                values["title"] = shown_title(values["title"])
            return _tr(_CHECKS[key]).format(**values)
        if key == ("spelling", "issues"):
            part = "spelling_named" if data["words"] else "spelling_counted"
            return _tr(_PARTS[part]).format(**data)
        if key == ("spelling", "unavailable"):
            return _spell_check_unavailable(data["reason"])
        if key == ("images_alt", "problems"):
            parts = []
            if data["missing"]:
                parts.append(_tr(_PARTS["no_alt"]).format(count=data["missing"],
                                                          names=data["missing_names"]))
            if data["file_names"]:
                parts.append(_tr(_PARTS["file_name_alt"]).format(
                    count=data["file_names"], names=data["file_names_shown"]))
            return "; ".join(parts)
        if key == ("images", "missing"):
            return _tr(_PARTS["images_missing"]).format(
                count=data["count"], names=_with_more(data["names"], data["more"]))
        if key == ("related", "spiked"):
            part = "related_spiked_one" if data["spiked"] == 1 else "related_spiked_many"
            return _tr(_PARTS[part]).format(**data)
        if key == ("links", "malformed"):
            reasons = "; ".join(link_problem_text(code, values) for code, values in data["problems"])
            return _tr(_PARTS["malformed"]).format(problems=_with_more(reasons, data["more"]))
    except (KeyError, IndexError, ValueError, TypeError):
        pass  # data of another shape than this table expects: core's words are still right
    return item.message


_UNAVAILABLE = QT_TRANSLATE_NOOP("PreflightChecks", "Spell-check unavailable")
_UNAVAILABLE_BECAUSE = QT_TRANSLATE_NOOP("PreflightChecks", "Spell-check unavailable ({error})")


def _spell_check_unavailable(reason: str) -> str:
    """core's reason is "spell-check unavailable" or "spell-check unavailable (<error>)";
    the error is the dictionary loader's refusal, translated by the same templates as the
    Dictionaries dialog (an unknown one is shown as it is)."""
    prefix = "spell-check unavailable"
    if reason == prefix:
        return _tr(_UNAVAILABLE)
    if reason.startswith(prefix + " (") and reason.endswith(")"):
        error = spelling_message(reason[len(prefix) + 2:-1])
        return _tr(_UNAVAILABLE_BECAUSE).format(error=error)
    raise ValueError(reason)


def spot_label(spot) -> str:
    """A place a check found ("“word”, spelling, line 3"), translated; core's label otherwise."""
    text = _SPOTS.get(spot.kind)
    if not text:
        return spot.label
    try:
        values = dict(spot.data)
        if spot.kind == "link":
            problem = values.pop("problem")
            values = {"reason": link_problem_text(problem, values), "line": values["line"]}
        return _tr(text).format(**values)
    except (KeyError, ValueError, TypeError):
        return spot.label
