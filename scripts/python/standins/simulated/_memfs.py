"""The in-memory file system behind aiofiles and web static routes (src/sandbox/services/memfs.ts)."""

import re

from . import _file_hooks

_files = {}


def norm_path(path):
    return re.sub(r"^(\./)+", "", re.sub(r"/+", "/", str(path)))


def read_file_bytes(path):
    return _files.get(norm_path(path))


def write_file_bytes(path, data):
    _files[norm_path(path)] = bytes(data)


def exists(path):
    return norm_path(path) in _files


def remove_file(path):
    return _files.pop(norm_path(path), None) is not None


def list_files():
    return sorted(_files)


_file_hooks.append(lambda path, text: write_file_bytes(path, text.encode()))
