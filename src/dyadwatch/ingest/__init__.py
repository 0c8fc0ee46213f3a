"""Reading inputs: text pages as the scraper saved them, HTML, JSON Lines, folders, stdin.

`read_paths` yields one RawDocument per page (rejected ones included, with a reason);
encodings are detected with charset-normalizer (see `encoding.py`)."""
from __future__ import annotations

from .encoding import DecodeError, decode_bytes
from .raw import RawDocument
from .readers import read_bytes, read_paths, split_header

__all__ = ["RawDocument", "read_paths", "read_bytes", "split_header", "decode_bytes", "DecodeError"]
