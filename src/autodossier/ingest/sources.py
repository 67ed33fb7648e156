"""Command-line PATH arguments into the files to read: files, folders, globs and ``-``."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from autodossier.errors import InputError
from autodossier.ingest.reader import STDIN_PATH, SUPPORTED_EXTENSIONS

_EXTENSION_LIST = ", ".join(SUPPORTED_EXTENSIONS)


def _hidden(name: str) -> bool:
    """Dot files and dot folders (``.git``, ``.DS_Store``) are never articles."""
    return name.startswith(".")


def _supported(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUPPORTED_EXTENSIONS


def walk_folder(folder: str, seen: set[tuple[int, int]] | None = None) -> Iterator[str | InputError]:
    """Article files under ``folder``, recursively, in name order, lazily.

    Hidden files and folders and unsupported extensions are skipped; a folder
    that cannot be listed yields an ``InputError``. ``seen`` holds the folders
    already walked, so a symbolic link back up the tree does not loop.
    """
    seen = set() if seen is None else seen
    try:
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except PermissionError:
        yield InputError(folder, "permission denied")
        return
    except OSError as exc:
        yield InputError(folder, (exc.strerror or type(exc).__name__).lower())
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk_folder(entry.path, seen)
        elif _supported(entry.name):
            yield entry.path


def _folder_files(folder: str) -> Iterator[str | InputError]:
    """``walk_folder``, plus an ``InputError`` for a folder that yields nothing at all."""
    found = False
    for item in walk_folder(folder):
        found = True
        yield item
    if not found:
        yield InputError(folder, f"no articles in this folder (looked for {_EXTENSION_LIST})")


def _glob_files(pattern: str) -> Iterator[str | InputError]:
    """Files matching a glob (``**`` spans folders), sorted; matched folders are walked.

    With ``**`` the folders' files already match on their own, so folders are not
    walked again. Only supported extensions are taken, as inside a folder.
    """
    recursive = "**" in pattern
    matches = sorted(glob.iglob(pattern, recursive=recursive))
    found = False
    for match in matches:
        if os.path.isdir(match):
            if not recursive:
                for item in walk_folder(match):
                    found = found or isinstance(item, str)
                    yield item
        elif _supported(match):
            found = True
            yield match
    if not found:
        yield InputError(pattern, "no article files match this pattern")


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Each PATH argument as the files to read (``-`` stays ``-`` for standard input).

    A path that exists is taken as it is, even when its name holds glob
    characters; otherwise a name with ``*``, ``?`` or ``[`` is a glob.
    """
    for path in paths:
        if path == STDIN_PATH:
            yield path
        elif os.path.isdir(path):
            yield from _folder_files(path)
        elif os.path.lexists(path) or not glob.has_magic(path):
            yield path  # a file, or a missing one that read_file reports
        else:
            yield from _glob_files(path)
