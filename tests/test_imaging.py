"""Decoding every kind of input to upright 8-bit RGB, crops for the engines, hashes and thumbnails."""

from __future__ import annotations

import hashlib
import io
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from beetroot_desktop.imaging import DecodeError, crop_face, decode_photo, encode_jpeg, sha256_file
from beetroot_desktop.imaging.thumbnails import ensure_face_thumbnail, ensure_photo_thumbnail


def _save(tmp_path: Path, name: str, im: Image.Image, **kw) -> Path:
    path = tmp_path / name
    im.save(path, **kw)
    return path


def test_sixteen_bit_grayscale_is_scaled_not_clipped(tmp_path: Path):
    arr = np.full((20, 30), 32768, dtype=np.uint16)  # mid-grey in 16 bits
    path = _save(tmp_path, "g16.png", Image.fromarray(arr))
    rgb = np.asarray(decode_photo(path).image)
    assert rgb.shape == (20, 30, 3) and 120 <= rgb[0, 0, 0] <= 135


def test_transparency_is_flattened_on_white(tmp_path: Path):
    rgba = Image.new("RGBA", (10, 10), (255, 0, 0, 0))
    out = decode_photo(_save(tmp_path, "clear.png", rgba)).image
    assert out.mode == "RGB" and out.getpixel((0, 0)) == (255, 255, 255)
    pal = Image.new("P", (10, 10), 0)
    pal.putpalette([0, 0, 255] * 256)
    pal.info["transparency"] = 0
    assert decode_photo(_save(tmp_path, "pal.png", pal, transparency=0)).image.getpixel((1, 1)) == (255, 255, 255)


@pytest.mark.parametrize("mode", ["CMYK", "L", "1", "LA", "I"])
def test_other_modes_become_rgb(tmp_path: Path, mode: str):
    im = Image.new("RGB", (16, 12), (200, 100, 50)).convert(mode)
    suffix = {"CMYK": "jpg", "L": "jpg", "I": "tif"}.get(mode, "png")
    decoded = decode_photo(_save(tmp_path, f"m.{suffix}", im))
    assert decoded.image.mode == "RGB" and decoded.image.size == (16, 12)


def test_exif_orientation_is_applied(tmp_path: Path, photos_dir: Path):
    src = Image.open(photos_dir / "misc" / "obama_small.jpg")  # 320x240, upright
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated: the viewer must turn it 90 degrees clockwise
    exif[0x0132] = "2019:07:04 10:11:12"
    path = _save(tmp_path, "rot.jpg", src.transpose(Image.Transpose.ROTATE_90), exif=exif)
    decoded = decode_photo(path)
    assert decoded.image.size == (320, 240) and (decoded.width, decoded.height) == (320, 240)
    assert decoded.taken_at == "2019-07-04T10:11:12"


def test_draft_mode_decodes_big_jpegs_at_working_size(photos_dir: Path):
    decoded = decode_photo(photos_dir / "misc" / "obama-1080p.jpg", max_side=600)
    assert max(decoded.image.size) <= 600 and (decoded.width, decoded.height) == (1920, 1080)
    assert 0.3 < decoded.scale <= 600 / 1920 + 1e-6


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (b"hello, world\n" * 10, "text"),
                                            (bytes(range(256)) * 8, "not an image")])
def test_unreadable_inputs_give_reasons(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    with pytest.raises(DecodeError, match=reason):
        decode_photo(path)


def test_decompression_bomb_is_refused_before_decoding(tmp_path: Path):
    im = Image.new("L", (1, 1))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    data = bytearray(buf.getvalue())
    data[16:24] = (30000).to_bytes(4, "big") * 2  # IHDR width and height
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")  # IHDR's CRC covers type and data
    path = tmp_path / "bomb.png"
    path.write_bytes(bytes(data))
    with pytest.raises(DecodeError, match=r"megapixel limit.*decompression bomb"):
        decode_photo(path)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(DecodeError, match="disappeared"):
        decode_photo(tmp_path / "gone.jpg")
    (tmp_path / "x.jpg").mkdir()
    with pytest.raises(DecodeError, match="folder"):
        decode_photo(tmp_path / "x.jpg")


def test_crop_has_margin_min_size_and_is_jpeg_q90():
    image = Image.new("RGB", (400, 300), (10, 20, 30))
    crop = crop_face(image, (100, 100, 50, 60))
    assert crop.size == (90, 108)  # 40% margin on each side
    tiny = crop_face(image, (0, 0, 10, 10))
    assert min(tiny.size) >= 80
    data = encode_jpeg(crop)
    assert data[:3] == b"\xff\xd8\xff" and Image.open(io.BytesIO(data)).size == crop.size


def test_hash_is_streamed_sha256(photos_dir: Path):
    path = photos_dir / "misc" / "obama_copy.jpg"
    assert sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert sha256_file(path) == sha256_file(photos_dir / "family" / "2019" / "obama.jpg")


def test_thumbnails_are_cached_and_small(tmp_path: Path, photos_dir: Path):
    path = str(photos_dir / "family" / "2020" / "obama3.jpg")
    sha = sha256_file(path)
    thumb = ensure_photo_thumbnail(tmp_path, path, sha)
    assert max(Image.open(thumb).size) == 320
    mtime = thumb.stat().st_mtime_ns
    assert ensure_photo_thumbnail(tmp_path, path, sha).stat().st_mtime_ns == mtime
    face = ensure_face_thumbnail(tmp_path, path, sha, (500, 600, 300, 300))
    assert max(Image.open(face).size) <= 160
