"""Pure-Python core of Byline. Nothing in this package may import PySide6."""
