"""Chromium's command line for the preview's QtWebEngine (read when WebEngine starts)."""

from __future__ import annotations


def chromium_flags(environ) -> str:
    """The preview's Chromium, made smaller (#20): ``QTWEBENGINE_CHROMIUM_FLAGS``.

    The preview is one page of text. ``--disable-gpu``: software compositing, without
    a GL driver in the GPU thread (on a machine without a GPU, Mesa's llvmpipe: 60 MiB).
    ``--no-zygote`` when the sandbox is off (as root, or asked for; Chromium refuses
    it with the sandbox on): the two zygote processes (about 40 MiB) are not started,
    the page's renderer is started directly.
    """
    flags = ["--disable-gpu"]
    if "QTWEBENGINE_DISABLE_SANDBOX" in environ:  # Qt turns the sandbox off when it is set
        flags.append("--no-zygote")
    return " ".join(flags)
