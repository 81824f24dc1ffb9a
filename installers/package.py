"""Builds Beetroot's installers from the one-folder bundle (`make build` -> dist/Beetroot).

    python installers/package.py version               the version every installer carries
    python installers/package.py linux                 the .deb and the portable .tar.gz, side by side
    python installers/package.py deb [--version V]     dist/beetroot_<version>_amd64.deb
    python installers/package.py tarball               dist/Beetroot-<version>-linux-x86_64.tar.gz
    python installers/package.py nsis [--payload DIR]  Windows: dist/Beetroot-Setup-<version>.exe (makensis)
    python installers/package.py dmg [--app DIR]       macOS: dist/Beetroot-<version>.dmg (hdiutil)

The version comes from beetroot_desktop.__version__ (pyproject reads it from there too); the templates in
resources/ get it at build time. Dates (Debian changelog, AppStream release, manual page) are the
SOURCE_DATE_EPOCH, else the time of the checked-out commit, else now. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
DEBIAN = Path(__file__).resolve().parent / "debian"
DIST = REPO / "dist"
WORK = REPO / "build" / "installers"
APP = "Beetroot"
PACKAGE = "beetroot"
PREFIX = "opt/beetroot"  # the bundle's place in the .deb
METAINFO_ID = "org.beetroot.Beetroot"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# System libraries the bundle links without shipping them (PyInstaller leaves out the graphics stack, which
# must match the machine's drivers), and data its own copies of fontconfig and xkbcommon read from the
# system. tests/packaging/check_package.py checks that every library it needs is covered by one of these.
DEPENDS = (
    "libegl1",
    "libgl1",
    "libxcb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libfontconfig1",
    "xkb-data",
)
# Copies of Debian's own libraries that PyInstaller took from the build machine: the .deb leaves them out and
# depends on the system's, which get the distribution's security updates (they parse photos, fonts, XML).
SYSTEM_COPIES = {
    "libz.so.1": "zlib1g",
    "libpng16.so.16": "libpng16-16 | libpng16-16t64",
    "libexpat.so.1": "libexpat1",
    "libfreetype.so.6": "libfreetype6",
    "libbz2.so.1.0": "libbz2-1.0",
}
SUGGESTS = ("gnome-keyring | kwalletmanager | keepassxc",)  # a Secret Service for `beetroot aws-login`


class BuildError(Exception):
    pass


# -- version and dates ---------------------------------------------------------------------------------------
def version() -> str:
    text = (REPO / "beetroot_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise BuildError("beetroot_desktop/__init__.py has no __version__")
    return match.group(1)


def debian_version(v: str) -> str:
    """PEP 440 to Debian: pre-releases sort before the release (1.0rc1 -> 1.0~rc1, 1.0.dev2 -> 1.0~dev2)."""
    public, plus, local = v.partition("+")
    return re.sub(r"\.?(dev|a|b|rc)(\d*)", r"~\1\2", public) + plus + local


def version_numbers(v: str) -> str:
    """Four numbers for Windows file properties: 1.2.3rc1 -> 1.2.3.0."""
    release = re.match(r"\d+(?:\.\d+)*", v)
    numbers = [int(n) for n in release.group().split(".")[:3]] if release else []
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def release_time() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            epoch = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%ct"], capture_output=True,
                                   text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    return datetime.fromtimestamp(int(epoch) if epoch else time.time(), tz=timezone.utc).replace(microsecond=0)


def render(template: Path, **values: str) -> str:
    """The template with each @KEY@ replaced; a placeholder left over is an error."""
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise BuildError(f"{template}: no value for {', '.join(left)}")
    return text


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        raise BuildError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return proc


def check_bundle_dir(bundle: Path, exe: str = APP) -> None:
    if not (bundle / exe).is_file() or not (bundle / "_internal").is_dir():
        raise BuildError(f"{bundle} is not a built bundle (no {exe} and _internal): run `make build` first")


# -- Linux: .deb -----------------------------------------------------------------------------------------------
def glibc_needed(root: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file in `root` asks for."""
    newest = (2, 17)
    for path in root.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with open(path, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["readelf", "-V", "-W", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"Name: GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def copy_bundle(bundle: Path, target: Path) -> list[str]:
    """The bundle with Debian's permissions (directories and the executable 0755, every other file 0644), without
    the SYSTEM_COPIES; returns the packages that replace the ones it left out."""
    shutil.copytree(bundle, target, symlinks=True)
    replaced = []
    for name, package in SYSTEM_COPIES.items():
        copy = target / "_internal" / name
        if copy.exists() or copy.is_symlink():
            copy.unlink()
            replaced.append(package)
    for path in [target, *target.rglob("*")]:
        if path.is_symlink():
            continue
        mode = 0o755 if path.is_dir() or path == target / APP else 0o644
        path.chmod(mode)
    dangling = [p for p in target.rglob("*") if p.is_symlink() and not p.exists()]
    if dangling:
        raise BuildError(f"links to left-out libraries: {', '.join(map(str, dangling))}")
    return replaced


def write(path: Path, data: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    path.chmod(mode)


def gzip9n(data: bytes) -> bytes:
    """`gzip -9n`: best compression, no name or time stored (reproducible)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def man_commands(exe: Path) -> str:
    """The command list of `beetroot --help`, escaped for roff."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COLUMNS": "100"}
    out = run([str(exe), "--help"], env=env).stdout
    lines = out.split("positional arguments:", 1)[-1].split("\noptions:", 1)[0].strip("\n").splitlines()
    lines = [line for line in lines if line.strip() != "COMMAND"]
    width = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    lines = [line[width:].replace("\\", "\\e").replace("-", "\\-") for line in lines]
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in lines)


def installed_size_kib(root: Path) -> int:
    """As dpkg-gencontrol counts it: each file's size in KiB rounded up, one per directory or link."""
    total = 0
    for path in root.rglob("*"):
        if path.is_relative_to(root / "DEBIAN"):
            continue
        total += -(-path.lstat().st_size // 1024) if path.is_file() and not path.is_symlink() else 1
    return total


def stage_deb(bundle: Path, root: Path, deb_version: str, when: datetime) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    system_packages = copy_bundle(bundle, root / PREFIX)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/{PREFIX}/{APP}")  # absolute: /usr and /opt are separate trees
    share = root / "usr" / "share"
    write(share / "applications" / f"{PACKAGE}.desktop", (RESOURCES / "linux" / "beetroot.desktop").read_bytes())
    for size in HICOLOR_SIZES:
        write(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{PACKAGE}.png",
              (RESOURCES / "icons" / f"beetroot-{size}.png").read_bytes())
    write(share / "icons" / "hicolor" / "scalable" / "apps" / f"{PACKAGE}.svg",
          (RESOURCES / "icons" / "beetroot.svg").read_bytes())
    write(share / "metainfo" / f"{METAINFO_ID}.metainfo.xml",
          render(RESOURCES / "linux" / f"{METAINFO_ID}.metainfo.xml.in", VERSION=version(),
                 DATE=when.strftime("%Y-%m-%d")))
    man = render(RESOURCES / "linux" / "beetroot.1.in", VERSION=version(), DATE=when.strftime("%Y-%m-%d"),
                 COMMANDS=man_commands(bundle / APP))
    write(share / "man" / "man1" / f"{PACKAGE}.1.gz", gzip9n(man.encode()))
    doc = share / "doc" / PACKAGE
    write(doc / "copyright", (DEBIAN / "copyright").read_bytes())
    maintainer = maintainer_of()
    changelog = (f"{PACKAGE} ({deb_version}) unstable; urgency=medium\n\n"
                 f"  * {APP} {version()}.\n\n"
                 f" -- {maintainer}  {format_datetime(when)}\n")
    write(doc / "changelog.gz", gzip9n(changelog.encode()))
    write(share / "lintian" / "overrides" / PACKAGE, (DEBIAN / "lintian-overrides").read_bytes())
    for path in [root, *root.rglob("*")]:  # directories made above
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)

    sums = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root).as_posix()}\n")
    control = render(DEBIAN / "control.in", PACKAGE=PACKAGE, VERSION=deb_version, MAINTAINER=maintainer,
                     INSTALLED_SIZE=str(installed_size_kib(root)),
                     DEPENDS=", ".join([f"libc6 (>= {glibc_needed(root / PREFIX)})", *DEPENDS, *system_packages]),
                     SUGGESTS=", ".join(SUGGESTS))
    control = "".join(line for line in control.splitlines(keepends=True) if not line.startswith("#"))
    write(root / "DEBIAN" / "control", control)
    write(root / "DEBIAN" / "md5sums", "".join(sums))
    (root / "DEBIAN").chmod(0o755)


def maintainer_of() -> str:
    """The Maintainer field, from installers/debian/control.in's comment line or DEB_MAINTAINER."""
    override = os.environ.get("DEB_MAINTAINER")
    if override:
        return override
    match = re.search(r"^# maintainer: (.+)$", (DEBIAN / "control.in").read_text(encoding="utf-8"), re.M)
    if not match:
        raise BuildError("installers/debian/control.in names no maintainer ('# maintainer: NAME <EMAIL>')")
    return match.group(1).strip()


def build_deb(bundle: Path, out: Path, deb_version: str | None = None, compression: str = "xz") -> Path:
    check_bundle_dir(bundle)
    deb_version = deb_version or debian_version(version())
    when = release_time()
    root = WORK / "deb" / f"{PACKAGE}_{deb_version}_amd64"
    stage_deb(bundle, root, deb_version, when)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PACKAGE}_{deb_version}_amd64.deb"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(when.timestamp()))}
    # --root-owner-group: every file belongs to root:root in the package, whoever builds it (no fakeroot).
    run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(target)], env=env)
    shutil.rmtree(root)  # the staged tree is as big as the bundle
    return target


# -- Linux: portable .tar.gz -------------------------------------------------------------------------------------
def build_tarball(bundle: Path, out: Path) -> Path:
    """Beetroot-<version>-linux-x86_64.tar.gz holding Beetroot/ (run Beetroot/Beetroot), reproducible."""
    check_bundle_dir(bundle)
    mtime = int(release_time().timestamp())
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{APP}-{version()}-linux-x86_64.tar.gz"

    def normalize(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = mtime
        if info.isdir() or info.name == f"{APP}/{APP}":
            info.mode = 0o755
        elif info.isfile():
            info.mode = 0o644
        return info

    partial = target.with_suffix(".partial")
    with open(partial, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(bundle, arcname=APP, recursive=False, filter=normalize)
        for path in sorted(bundle.rglob("*")):
            tar.add(path, arcname=f"{APP}/{path.relative_to(bundle).as_posix()}", recursive=False, filter=normalize)
    partial.replace(target)
    return target


# -- Windows: NSIS ----------------------------------------------------------------------------------------------
def build_nsis(payload: Path, out: Path, makensis: str = "makensis") -> Path:
    check_bundle_dir(payload, f"{APP}.exe")
    v = version()
    out.mkdir(parents=True, exist_ok=True)
    target = (out / f"{APP}-Setup-{v}.exe").resolve()
    run([makensis, "-V2", "-WX", f"-DVERSION={v}", f"-DVERSION4={version_numbers(v)}", f"-DPAYLOAD={payload.resolve()}",
         f"-DOUTFILE={target}", f"-DICON={(RESOURCES / 'icons' / 'beetroot.ico').resolve()}",
         str(RESOURCES / "windows" / "beetroot.nsi")])
    return target


def find_makensis() -> str:
    """makensis on PATH, else where the NSIS installer puts it on Windows."""
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return "makensis"


# -- macOS: .dmg -----------------------------------------------------------------------------------------------
def build_dmg(app: Path, out: Path) -> Path:
    """Beetroot-<version>.dmg: the .app and a link to /Applications to drag it onto."""
    if not (app / "Contents" / "MacOS" / APP).is_file():
        raise BuildError(f"{app} is not a built Beetroot.app: run `make build` on macOS first")
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{APP}-{version()}.dmg"
    staging = WORK / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    run(["ditto", str(app), str(staging / app.name)])  # keeps the signature, links and extended attributes
    (staging / "Applications").symlink_to("/Applications")
    target.unlink(missing_ok=True)
    create = ["hdiutil", "create", "-volname", APP, "-srcfolder", str(staging), "-fs", "HFS+", "-format", "UDZO",
              "-ov", str(target)]
    for attempt in range(3):  # hdiutil now and then fails with "Resource busy" while Spotlight looks at the files
        try:
            run(create)
            break
        except BuildError:
            if attempt == 2:
                raise
            time.sleep(10)
    return target


def size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("version")
    for name in ("linux", "deb", "tarball"):
        p = sub.add_parser(name)
        p.add_argument("--bundle", default=str(DIST / APP))
        p.add_argument("--out", default=str(DIST))
        if name == "deb":
            p.add_argument("--version", dest="deb_version", help="the package's version (default: the app's)")
            p.add_argument("--compression", default="xz", choices=("xz", "gzip", "none"))
    p = sub.add_parser("nsis")
    p.add_argument("--payload", default=str(DIST / APP))
    p.add_argument("--out", default=str(DIST))
    p.add_argument("--makensis", default=find_makensis())
    p = sub.add_parser("dmg")
    p.add_argument("--app", default=str(DIST / f"{APP}.app"))
    p.add_argument("--out", default=str(DIST))
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        if args.command == "version":
            print(version())
            return 0
        if args.command == "linux":
            # dpkg-deb (xz) and gzip each keep a core busy: build both at once.
            with ThreadPoolExecutor(2) as pool:
                jobs = [pool.submit(build_deb, Path(args.bundle), Path(args.out)),
                        pool.submit(build_tarball, Path(args.bundle), Path(args.out))]
                built = [job.result() for job in jobs]
        elif args.command == "deb":
            built = [build_deb(Path(args.bundle), Path(args.out), args.deb_version, args.compression)]
        elif args.command == "tarball":
            built = [build_tarball(Path(args.bundle), Path(args.out))]
        elif args.command == "nsis":
            built = [build_nsis(Path(args.payload), Path(args.out), args.makensis)]
        else:
            built = [build_dmg(Path(args.app), Path(args.out))]
    except BuildError as exc:
        print(f"package.py: {exc}", file=sys.stderr)
        return 1
    for path in built:
        print(f"built {path} ({size(path)})")
    print(f"package.py {args.command}: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
