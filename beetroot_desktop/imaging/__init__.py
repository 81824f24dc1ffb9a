"""Decoding, hashing, crops and thumbnails with Pillow. No Qt here."""

from .crops import MIN_CROP_SIDE, Box, clamp_box, crop_face, encode_jpeg, margin_box
from .decode import HEIF_SUPPORTED, MAX_PIXELS, PHOTO_SUFFIXES, DecodedPhoto, DecodeError, decode_photo, is_photo_name
from .hashing import sha256_file

__all__ = [
    "HEIF_SUPPORTED",
    "MAX_PIXELS",
    "MIN_CROP_SIDE",
    "PHOTO_SUFFIXES",
    "Box",
    "DecodeError",
    "DecodedPhoto",
    "clamp_box",
    "crop_face",
    "decode_photo",
    "encode_jpeg",
    "is_photo_name",
    "margin_box",
    "sha256_file",
]
