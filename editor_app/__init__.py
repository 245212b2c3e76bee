"""Byline: an offline editorial workstation for newsrooms."""

__version__ = "0.1.0"
