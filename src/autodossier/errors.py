"""Errors a user can cause and fix. Faces (CLI, web) show them as one line, never a traceback."""


class AutodossierError(Exception):
    """A user-facing failure: bad input, missing path, unreachable database, unknown model."""


class InputError(AutodossierError):
    """One input (file, feed entry, request body) could not be read; the batch goes on without it."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
