"""The PySide6 desktop app: at the top the window, the panels' frame, the signal hub, settings
and background work; below, one folder per feature, mirroring core (desk, spelling, review, …)."""
