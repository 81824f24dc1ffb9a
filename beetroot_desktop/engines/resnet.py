"""dlib's face descriptor network (`dlib_face_recognition_resnet_model_v1.dat`) run with numpy.

dlib-bin is built without BLAS, so its ResNet costs about 90 ms per face and dominates an import. The
same network as im2col + one BLAS matrix product per convolution gives the same 128 numbers (to float
rounding) in a fraction of that time. The weights are read from the model file dlib itself loads; the
layer sequence is checked against the known architecture, and `load()` raises `ModelFormatError` for any
file it does not recognise so the caller can fall back to dlib.

The architecture (dlib's dnn_face_recognition_ex.cpp), from the input up:
  con 32 7x7/2, affine, relu, max_pool 3x3/2,
  3 x res(32), res_down(64) + 3 x res(64), res_down(128) + 2 x res(128), res_down(256) + 2 x res(256),
  res_down(256), avg_pool_everything, fc_no_bias 128
where res(N) = relu(x + affine(con3x3(relu(affine(con3x3(x)))))) and res_down(N) is the same with the
first convolution at stride 2 and avg_pool 2x2/2 of x on the shortcut. When the two branches differ in
size dlib adds them as if the smaller were zero-padded at the bottom, right and in the extra channels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

CHIP_SIZE = 150
CHIP_PADDING = 0.25


class ModelFormatError(ValueError):
    """The file is not the dlib face descriptor network this module knows."""


@dataclass
class Conv:
    weights: np.ndarray  # (kh * kw * c_in, filters): rows in the order of the im2col windows below
    bias: np.ndarray
    size: int
    stride: int
    padding: int


@dataclass
class Affine:
    gamma: np.ndarray
    beta: np.ndarray


@dataclass
class Pool:
    kind: str  # "max" or "avg"
    size: int  # 0: the whole input
    stride: int
    padding: int


@dataclass
class Input:
    mean: np.ndarray  # per channel, on the 0-255 scale; dlib divides by 256 after subtracting it


Layer = Conv | Affine | Pool | Input | str | np.ndarray  # str: "relu" / "add"; ndarray: fc weights


class _Reader:
    def __init__(self, data: bytes, pos: int) -> None:
        self.data, self.pos = data, pos

    def integer(self) -> int:
        head = self.data[self.pos]
        size, negative = head & 0x0F, head & 0x80
        if size > 8:
            raise ModelFormatError(f"bad integer at byte {self.pos}")
        value = int.from_bytes(self.data[self.pos + 1:self.pos + 1 + size], "little")
        self.pos += 1 + size
        return -value if negative else value

    def real(self) -> float:
        mantissa, exponent = self.integer(), self.integer()
        return float(mantissa) * 2.0 ** exponent

    def string(self) -> str:
        n = self.integer()
        text = self.data[self.pos:self.pos + n].decode("ascii")
        self.pos += n
        return text

    def tensor(self) -> np.ndarray:
        version = self.integer()
        if version != 2:  # version 2 stores raw little-endian float32
            raise ModelFormatError(f"unsupported tensor version {version}")
        shape = tuple(self.integer() for _ in range(4))
        count = int(np.prod(shape))
        values = np.frombuffer(self.data, dtype="<f4", count=count, offset=self.pos)
        self.pos += 4 * count
        return values.astype(np.float32).reshape(shape)

    def alias(self) -> tuple[int, int, int, int]:
        if self.integer() != 1:
            raise ModelFormatError("unsupported alias tensor version")
        return tuple(self.integer() for _ in range(4))  # type: ignore[return-value]


# A layer starts with its version string (dlib writes a string as a packed length, then the bytes).
_TOKEN = re.compile(
    rb"\x01([\x04-\x15])(input_rgb_image_sized|con_4|affine_|relu_|max_pool_2|avg_pool_2|add_prev_|fc_2)")


def _parse(data: bytes) -> list[Layer]:
    """The network's layers from the input up, read at each layer's version string."""
    layers: list[Layer] = []
    for match in _TOKEN.finditer(data):
        name = match.group(2).decode()
        if match.group(1)[0] != len(name):
            continue
        r = _Reader(data, match.end())
        if name == "input_rgb_image_sized":
            mean = np.array([r.real(), r.real(), r.real()], dtype=np.float32)
            if (r.integer(), r.integer()) != (CHIP_SIZE, CHIP_SIZE):
                raise ModelFormatError("the network does not take 150x150 chips")
            layers.append(Input(mean))
        elif name == "con_4":
            params = r.tensor().ravel()
            filters, nr, nc = r.integer(), r.integer(), r.integer()
            stride_y, stride_x, pad_y, pad_x = r.integer(), r.integer(), r.integer(), r.integer()
            shape = r.alias()  # (filters, channels, nr, nc)
            if nr != nc or stride_y != stride_x or pad_y != pad_x or shape[0] != filters:
                raise ModelFormatError("unexpected convolution shape")
            n = int(np.prod(shape))
            w = params[:n].reshape(shape)  # (F, C, kh, kw) -> (kh, kw, C, F) to match the windows
            layers.append(Conv(np.ascontiguousarray(w.transpose(2, 3, 1, 0).reshape(-1, filters)),
                               params[n:n + filters].copy(), nr, stride_y, pad_y))
        elif name == "affine_":
            params = r.tensor().ravel()
            half = params.size // 2
            layers.append(Affine(params[:half].copy(), params[half:].copy()))
        elif name in ("max_pool_2", "avg_pool_2"):
            nr, nc, stride_y, stride_x, pad_y, pad_x = (r.integer() for _ in range(6))
            if nr != nc or stride_y != stride_x or pad_y != pad_x:
                raise ModelFormatError("unexpected pooling shape")
            layers.append(Pool("max" if name.startswith("max") else "avg", nr, stride_y, pad_y))
        elif name == "relu_":
            layers.append("relu")
        elif name == "add_prev_":
            layers.append("add")
        elif name == "fc_2":
            outputs, inputs = r.integer(), r.integer()
            params = r.tensor().ravel()
            layers.append(params[: inputs * outputs].reshape(inputs, outputs).copy())
    return layers


# The layer kinds in file order, for the architecture above (con, affine, relu, ... as single letters).
_RES = "CArCA+r"
_RES_DOWN = "CArCAp+r"
_EXPECTED = ("ICArm" + _RES * 3 + _RES_DOWN + _RES * 3 + _RES_DOWN + _RES * 2 + _RES_DOWN + _RES * 2
             + _RES_DOWN + "pF")


def _kind(layer: Layer) -> str:
    if isinstance(layer, Input):
        return "I"
    if isinstance(layer, Conv):
        return "C"
    if isinstance(layer, Affine):
        return "A"
    if isinstance(layer, Pool):
        return "m" if layer.kind == "max" else "p"
    if isinstance(layer, np.ndarray):
        return "F"
    return {"relu": "r", "add": "+"}[layer]


@dataclass
class _Block:
    conv1: Conv
    affine1: Affine
    conv2: Conv
    affine2: Affine
    shortcut_pool: Pool | None  # down blocks pool their input on the shortcut


class FaceNet:
    """The descriptor network; `describe(chip)` takes a 150x150 RGB uint8 chip from dlib.get_face_chip."""

    def __init__(self, layers: list[Layer]) -> None:
        kinds = "".join(_kind(layer) for layer in layers)
        if kinds != _EXPECTED:
            raise ModelFormatError("the model file's layers are not dlib's face descriptor ResNet")
        it = iter(layers)
        # The kinds were checked above, so each position holds the layer type its name says.
        self.input: Input = next(it)  # type: ignore[assignment]
        self.stem_conv: Conv = next(it)  # type: ignore[assignment]
        self.stem_affine: Affine = next(it)  # type: ignore[assignment]
        next(it)  # relu
        self.stem_pool: Pool = next(it)  # type: ignore[assignment]
        self.blocks: list[_Block] = []
        rest = list(it)
        i = 0
        while i < len(rest) - 2:
            down = isinstance(rest[i + 5], Pool)
            c1, a1, _, c2, a2 = rest[i:i + 5]
            self.blocks.append(_Block(c1, a1, c2, a2, rest[i + 5] if down else None))  # type: ignore[arg-type]
            i += 8 if down else 7
        self.fc: np.ndarray = rest[-1]  # type: ignore[assignment]

    @classmethod
    def load(cls, path: Path | str) -> FaceNet:
        data = Path(path).read_bytes()
        if b"loss_metric_" not in data[:64]:
            raise ModelFormatError("not a dlib metric-learning network")
        return cls(_parse(data))

    def describe(self, chip: np.ndarray) -> np.ndarray:
        """The 128-d descriptor of one aligned face chip (what dlib's compute_face_descriptor returns)."""
        if chip.shape != (CHIP_SIZE, CHIP_SIZE, 3):
            raise ValueError(f"expected a {CHIP_SIZE}x{CHIP_SIZE} RGB chip, got {chip.shape}")
        x = (chip.astype(np.float32) - self.input.mean) * np.float32(1 / 256)  # (H, W, C) throughout
        x = _affine(_conv(x, self.stem_conv), self.stem_affine)
        np.maximum(x, 0, out=x)
        x = _pool(x, self.stem_pool)
        for b in self.blocks:
            y = _affine(_conv(x, b.conv1), b.affine1)
            np.maximum(y, 0, out=y)
            y = _affine(_conv(y, b.conv2), b.affine2)
            x = _add_padded(y, _pool(x, b.shortcut_pool) if b.shortcut_pool else x)
            np.maximum(x, 0, out=x)
        return (x.mean(axis=(0, 1)) @ self.fc).astype(np.float32)


def _affine(x: np.ndarray, a: Affine) -> np.ndarray:
    x *= a.gamma
    x += a.beta
    return x


def _conv(x: np.ndarray, conv: Conv) -> np.ndarray:
    if conv.padding:
        p = conv.padding
        x = np.pad(x, ((p, p), (p, p), (0, 0)))
    k, s = conv.size, conv.stride
    windows = sliding_window_view(x, (k, k), axis=(0, 1))[::s, ::s]  # (Ho, Wo, C, kh, kw)
    ho, wo, c = windows.shape[:3]
    cols = windows.transpose(0, 1, 3, 4, 2).reshape(ho * wo, k * k * c)
    out = cols @ conv.weights
    out += conv.bias
    return out.reshape(ho, wo, -1)


def _pool(x: np.ndarray, pool: Pool) -> np.ndarray:
    if pool.padding:
        raise ModelFormatError("padded pooling is not supported")
    k, s = pool.size, pool.stride
    windows = sliding_window_view(x, (k, k), axis=(0, 1))[::s, ::s]
    return windows.max(axis=(3, 4)) if pool.kind == "max" else windows.mean(axis=(3, 4))


def _add_padded(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a + b as dlib adds tensors of different sizes: each zero-padded to the larger one."""
    if a.shape == b.shape:
        return a + b
    shape = tuple(max(i, j) for i, j in zip(a.shape, b.shape, strict=True))
    out = np.zeros(shape, dtype=np.float32)
    out[: a.shape[0], : a.shape[1], : a.shape[2]] += a
    out[: b.shape[0], : b.shape[1], : b.shape[2]] += b
    return out
