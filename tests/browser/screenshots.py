"""Where a screenshot goes: the test's tmp dir, or docs/screenshots/ under `make screenshots`."""

import os
import struct
from pathlib import Path

# Set by `make screenshots` only, so `make test` never rewrites the README's pictures.
SCREENSHOTS_DIR = "SCREENSHOTS_DIR"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """`name` in $SCREENSHOTS_DIR when it is set, else in `tmp_path`."""
    folder = Path(os.environ.get(SCREENSHOTS_DIR) or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def png_size(path: Path) -> tuple[int, int]:
    """The width and height a PNG file declares in its header."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height
