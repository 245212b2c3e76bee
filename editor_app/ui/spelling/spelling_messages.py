"""core.spelling's messages in the interface's language (#18).

core writes its refusals in English (the command line prints them): "dictionary file
/home/ona/lt_XX.dic is empty", "word list notes.txt is not UTF-8 text (bad byte at line
3); save it as UTF-8". Where the GUI shows one (the Dictionaries dialog, the status
bar when a dictionary is broken or missing) it is written again here from a translated
template: each English template below is core's message with its variable parts
named, the message is matched against it, and only when the template given those parts
gives back exactly core's text is the translation used. A message this table does not
know (a newer core) is shown as core wrote it.

Messages that wrap another ("…; spell-check goes on without lt_XX") translate the
wrapped one too.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "SpellingMessages"

# {problem} and {reason} parts are core messages themselves: translated in turn
_NESTED = ("problem", "reason")

_MARKED = (
    # wrappers first: their inner message is matched on its own
    QT_TRANSLATE_NOOP("SpellingMessages", "{problem}; spell-check goes on without {name}"),
    QT_TRANSLATE_NOOP("SpellingMessages", "{problem}; spell-check is off"),
    QT_TRANSLATE_NOOP("SpellingMessages", "{problem} (the hunspell dictionaries still work)"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "dictionary {name} ({folder}) cannot be loaded ({reason}); "
                      "spell-check goes on without it"),
    # hunspell dictionary files (core/spelling/hunspell_dictionaries.py)
    QT_TRANSLATE_NOOP("SpellingMessages", "dictionary file {path}: larger than {size} MB"),
    QT_TRANSLATE_NOOP("SpellingMessages", "dictionary file {path} is missing"),
    QT_TRANSLATE_NOOP("SpellingMessages", "dictionary file {path} cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("SpellingMessages", "dictionary file {path} is empty"),
    QT_TRANSLATE_NOOP("SpellingMessages", "dictionary file {path} is not text (it holds NUL bytes)"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "dictionary file {path}: unknown encoding {encoding} in its SET line"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "dictionary file {path} starts with a UTF-8 mark but its SET line says "
                      "{encoding}"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "dictionary file {path} is not {encoding} text as its .aff says "
                      "(bad byte at line {line})"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "dictionary file {path} is not a hunspell affix file (no SET, TRY, PFX "
                      "or SFX line)"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "dictionary file {path}: the first line must be the number of words, "
                      "not {head}"),
    QT_TRANSLATE_NOOP("SpellingMessages", "dictionary file {path} holds no words"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "{path}: a hunspell dictionary is a .aff file with a .dic beside it"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "{file}: the file name must start with a language code, like lt_LT.aff "
                      "or de_DE.aff"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "{file}: no {dic} beside it (a hunspell dictionary is two files)"),
    QT_TRANSLATE_NOOP("SpellingMessages", "cannot copy the dictionary into {folder}: {reason}"),
    QT_TRANSLATE_NOOP("SpellingMessages", "{name} comes with Byline and cannot be removed"),
    QT_TRANSLATE_NOOP("SpellingMessages", "cannot remove {name}: {reason}"),
    # the language's dictionaries (core/spelling/languages.py)
    QT_TRANSLATE_NOOP("SpellingMessages", "spelling dictionary for {language} is missing ({path})"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "spelling dictionary for {language} cannot be read ({path}: {reason})"),
    QT_TRANSLATE_NOOP("SpellingMessages", "no spelling dictionary for {language} could be loaded"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "no spelling dictionary for language {language}; available: {available}; "
                      "add a hunspell dictionary in Tools ▸ Dictionaries"),
    # word lists (core/spelling/wordlists.py, dictionaries.py)
    QT_TRANSLATE_NOOP("SpellingMessages", "{word} is not a single word"),
    QT_TRANSLATE_NOOP("SpellingMessages", "a dictionary word is at most 100 characters long"),
    QT_TRANSLATE_NOOP("SpellingMessages", "cannot read word list {path}: {reason}"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "word list {path} is not UTF-8 text (bad byte at line {line}); save it as "
                      "UTF-8"),
    QT_TRANSLATE_NOOP("SpellingMessages", "cannot write word list {path}: {reason}"),
    QT_TRANSLATE_NOOP("SpellingMessages", "no personal dictionary file is configured"),
    QT_TRANSLATE_NOOP("SpellingMessages",
                      "no library is open; the newsroom dictionary lives in the library"),
    QT_TRANSLATE_NOOP("SpellingMessages", "no article is open"),
)

#: the English templates, in the order they are tried
TEMPLATES: tuple[str, ...] = tuple(map(str, _MARKED))

_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _pattern(template: str) -> re.Pattern:
    """The English template as a regular expression, each ``{part}`` a named group."""
    pieces, last = [], 0
    for match in _FIELD.finditer(template):
        pieces.append(re.escape(template[last:match.start()]))
        pieces.append(f"(?P<{match.group(1)}>.+?)")
        last = match.end()
    pieces.append(re.escape(template[last:]))
    return re.compile("".join(pieces), re.DOTALL)


def message_template(message: str) -> tuple[str, dict[str, str]] | None:
    """The English template ``message`` was written from and its parts (None: unknown)."""
    for template in TEMPLATES:
        match = _pattern(template).fullmatch(message)
        if match is not None and template.format(**match.groupdict()) == message:
            return template, match.groupdict()
    return None


def spelling_message(message: str) -> str:
    """core.spelling's ``message`` as the interface shows it (unknown ones unchanged)."""
    found = message_template(message)
    if found is None:
        return message
    template, parts = found
    shown = {key: spelling_message(value) if key in _NESTED else value
             for key, value in parts.items()}
    return QCoreApplication.translate(CONTEXT, template).format(**shown)
