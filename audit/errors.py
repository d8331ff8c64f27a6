"""The one error an audit reports: input it cannot read, named so that the user can find it."""


class ExportError(ValueError):
    """An unknown, unreadable or damaged export file; the message names the file (and the place)."""
