"""Checks Beetroot's installers: `make test-package`, after `make package` (not collected by pytest).

    python tests/packaging/check_package.py [--dist dist] [--no-install] [--max-warnings 3]

Checks of the files (any user):

  versions  one version everywhere: beetroot_desktop.__version__, pyproject, the bundle, the .deb, the
            AppStream release, the tarball's name
  icons     resources/icons: PNG 16-512, .ico 16-256, .icns up to 1024, the SVG
  deb       the .deb's control file, paths, owners and modes, symlink, doc files (gzip -9n), size
  tarball   the portable .tar.gz: one Beetroot/ folder, the executable, owners and modes
  lintian   no errors, at most --max-warnings warnings; a summary of every tag shown
  metadata  desktop-file-validate and appstreamcli (validate-tree) on the files the .deb installs
  nsis      makensis compiles resources/windows/beetroot.nsi around a stand-in payload; what the script
            promises (per-user, no admin rights, Start menu entry, uninstaller that keeps the library)
  workflow  .github/workflows/release.yml parses, its jobs are named, the matrix covers the three systems

Checks of the installed package (root, apt-get; Debian or Ubuntu), in a private HOME:

  install   `apt-get install ./dist/beetroot_<version>_amd64.deb`; `beetroot` on PATH; dpkg --verify
  depends   every library the installed files link is in the package or comes from one it depends on
  selftest  the installed `beetroot selftest`
  import    `beetroot import tests/data/photos --library <temp> --json`: every sample photo, face and person
  gui       the installed app's window offscreen (QT_QPA_PLATFORM=offscreen), closed on its own
  upgrade   a library and settings in the default places (~/.local/share/Beetroot, ~/.config/Beetroot)
            survive an upgrade to a higher version (the same .deb repacked), which replaces the files
  purge     `apt-get purge beetroot` leaves nothing in /opt or on PATH, and the library where it was

Any failing check makes the exit code 1; the installed package is purged at the end in any case.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "installers"))
sys.path.insert(0, str(REPO / "tests" / "frozen"))
import check_bundle  # noqa: E402  (tests/frozen/check_bundle.py: the frozen app's own checks)
import package  # noqa: E402  (installers/package.py: the names and versions the installers use)

CheckFailed = check_bundle.CheckFailed
MB = 1_000_000
DEB_LIMIT_MB = 120
PACKAGE = package.PACKAGE
PREFIX = f"/{package.PREFIX}"
REQUIRED_PATHS = [
    f"{PREFIX}/Beetroot",
    f"{PREFIX}/_internal/base_library.zip",
    "/usr/bin/beetroot",
    "/usr/share/applications/beetroot.desktop",
    f"/usr/share/metainfo/{package.METAINFO_ID}.metainfo.xml",
    "/usr/share/man/man1/beetroot.1.gz",
    "/usr/share/doc/beetroot/copyright",
    "/usr/share/doc/beetroot/changelog.gz",
    "/usr/share/icons/hicolor/scalable/apps/beetroot.svg",
    *(f"/usr/share/icons/hicolor/{n}x{n}/apps/beetroot.png" for n in package.HICOLOR_SIZES),
]
ALLOWED_TOP = ("/opt/beetroot", "/usr/bin/beetroot", "/usr/share/applications", "/usr/share/icons/hicolor",
               "/usr/share/metainfo", "/usr/share/man/man1", "/usr/share/doc/beetroot", "/usr/share/lintian/overrides")


def sh(cmd: list[str], timeout: float = 600, check: bool = True, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)
    except FileNotFoundError:
        raise CheckFailed(f"{cmd[0]} is not installed") from None
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"{' '.join(cmd)} did not finish in {timeout:.0f} s") from None
    if check and proc.returncode != 0:
        raise CheckFailed(f"{' '.join(cmd)}: exit code {proc.returncode}\n{proc.stdout}{proc.stderr}")
    return proc


class Context:
    def __init__(self, dist: Path, photos: Path, work: Path) -> None:
        self.dist, self.photos, self.work = dist, photos, work
        self.version = package.version()
        self.deb = dist / f"{PACKAGE}_{package.debian_version(self.version)}_amd64.deb"
        self.tarball = dist / f"Beetroot-{self.version}-linux-x86_64.tar.gz"
        self.tree = work / "deb-tree"  # the .deb unpacked
        self.installed = False
        self.user_library: tuple[Path, list[str]] | None = None  # made by the upgrade check

    def unpacked(self) -> Path:
        if not self.tree.exists():
            if not self.deb.is_file():
                raise CheckFailed(f"{self.deb} is missing: run `make package` first")
            sh(["dpkg-deb", "-x", str(self.deb), str(self.tree)])
        return self.tree

    def control(self, deb: Path | None = None) -> dict[str, str]:
        text = sh(["dpkg-deb", "-f", str(deb or self.deb)]).stdout
        fields: dict[str, str] = {}
        key = ""
        for line in text.splitlines():
            if line[:1] in (" ", "\t"):
                fields[key] += "\n" + line
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        return fields


# -- checks of the files ---------------------------------------------------------------------------------------
def check_versions(ctx: Context) -> str:
    v = ctx.version
    sections = dict(re.findall(r"^\[([^]]+)\]\n(.*?)(?=^\[|\Z)", (REPO / "pyproject.toml").read_text(), re.M | re.S))
    project, dynamic = sections.get("project", ""), sections.get("tool.setuptools.dynamic", "")
    problems = []
    if re.search(r"^version\s*=", project, re.M) or not re.search(r'^dynamic\s*=\s*\[[^]]*"version"', project, re.M):
        problems.append("pyproject.toml writes a version of its own instead of reading beetroot_desktop.__version__")
    if not re.search(r'^version\s*=\s*\{\s*attr\s*=\s*"beetroot_desktop.__version__"', dynamic, re.M):
        problems.append("pyproject's dynamic version does not come from beetroot_desktop.__version__")
    exe = ctx.dist / "Beetroot" / "Beetroot"
    out = sh([str(exe), "--version"], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout.strip()
    if out != f"beetroot {v}":
        problems.append(f"the bundle says {out!r}")
    deb_version = ctx.control().get("Version")
    if deb_version != package.debian_version(v):
        problems.append(f"the .deb is version {deb_version}")
    metainfo = ctx.unpacked() / "usr" / "share" / "metainfo" / f"{package.METAINFO_ID}.metainfo.xml"
    releases = [r.get("version") for r in ElementTree.parse(metainfo).getroot().iter("release")]
    if releases[:1] != [v]:
        problems.append(f"the AppStream metadata's latest release is {releases[:1]}")
    changelog = gzip.decompress((ctx.unpacked() / "usr/share/doc/beetroot/changelog.gz").read_bytes()).decode()
    if not changelog.startswith(f"{PACKAGE} ({deb_version}) "):
        problems.append(f"the changelog starts {changelog.splitlines()[0]!r}")
    if not ctx.tarball.is_file():
        problems.append(f"{ctx.tarball.name} is missing")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{v} (Debian {deb_version}, Windows {package.version_numbers(v)})"


def check_icons(ctx: Context) -> str:
    from PIL import Image

    icons = REPO / "resources" / "icons"
    problems = []
    for n in package.HICOLOR_SIZES:
        with Image.open(icons / f"beetroot-{n}.png") as im:
            if im.size != (n, n) or im.mode != "RGBA":
                problems.append(f"beetroot-{n}.png is {im.size} {im.mode}")
    with Image.open(icons / "beetroot.ico") as ico:
        sizes = {s[0] for s in ico.info.get("sizes", set())}
        if not {16, 24, 32, 48, 64, 128, 256} <= sizes:
            problems.append(f"beetroot.ico has sizes {sorted(sizes)}")
    with Image.open(icons / "beetroot.icns") as icns:
        if icns.size != (1024, 1024):
            problems.append(f"beetroot.icns is at most {icns.size}")
    svg = ElementTree.parse(icons / "beetroot.svg").getroot()
    if not svg.tag.endswith("svg"):
        problems.append("beetroot.svg is not an SVG")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"PNG {', '.join(map(str, package.HICOLOR_SIZES))}; .ico {sorted(sizes)}; .icns 16-1024; SVG"


def check_deb(ctx: Context) -> str:
    size = ctx.deb.stat().st_size if ctx.deb.is_file() else 0
    if not size:
        raise CheckFailed(f"{ctx.deb} is missing: run `make package` first")
    problems = []
    if size >= DEB_LIMIT_MB * MB:
        problems.append(f"{size / MB:.1f} MB, over the {DEB_LIMIT_MB} MB limit")
    control = ctx.control()
    for field in ("Package", "Version", "Architecture", "Maintainer", "Installed-Size", "Depends", "Section",
                  "Priority", "Description"):
        if not control.get(field):
            problems.append(f"no {field} field")
    if control.get("Architecture") != "amd64" or control.get("Package") != PACKAGE:
        problems.append(f"package {control.get('Package')} for {control.get('Architecture')}")
    if not re.search(r"\blibc6 \(>= 2\.\d+\)", control.get("Depends", "")):
        problems.append("Depends has no libc6 version")
    listing = sh(["dpkg-deb", "-c", str(ctx.deb)]).stdout.splitlines()
    entries = {}
    for line in listing:
        perms, owner, _size, _date, _time, rest = line.split(None, 5)
        path, _, target = rest.partition(" -> ")
        entries["/" + path.removeprefix("./").rstrip("/")] = (perms, owner, target)
    entries.pop("/", None)
    problems += [f"missing {p}" for p in REQUIRED_PATHS if p not in entries]
    problems += [f"{p} is not root/root" for p, (_, owner, _) in entries.items() if owner != "root/root"]
    problems += [f"{p} is writable by others ({perms})" for p, (perms, _, _) in entries.items()
                 if perms[0] != "l" and ("w" in perms[5] or "w" in perms[8])]
    stray = [p for p in entries if not any(p == a or p.startswith(a + "/") or a.startswith(p + "/")
                                           for a in ALLOWED_TOP)]
    problems += [f"unexpected path {p}" for p in stray[:5]]
    executables = sorted(p for p, (perms, _, _) in entries.items() if perms[0] == "-" and "x" in perms)
    if executables != [f"{PREFIX}/Beetroot"]:
        problems.append(f"executable files: {executables[:5]} (only {PREFIX}/Beetroot should be)")
    link = entries.get("/usr/bin/beetroot", ("", "", ""))
    if link[0][:1] != "l" or link[2] != f"{PREFIX}/Beetroot":
        problems.append(f"/usr/bin/beetroot is {link}, not a link to {PREFIX}/Beetroot")
    if any(p.startswith(("/home", "/root", "/etc")) for p in entries):
        problems.append("the package puts files in a home folder or /etc")
    tree = ctx.unpacked()
    for name in ("usr/share/doc/beetroot/changelog.gz", "usr/share/man/man1/beetroot.1.gz"):
        header = (tree / name).read_bytes()[:10]
        if header[3] & 0x08 or header[4:8] != b"\0\0\0\0" or header[8] != 2:  # FNAME, MTIME, XFL=best
            problems.append(f"{name} is not compressed like gzip -9n")
    if not re.search(r"^\s+\d+ bytes,\s+\d+ lines\s+md5sums\s*$", sh(["dpkg-deb", "-I", str(ctx.deb)]).stdout, re.M):
        problems.append("no md5sums")
    if problems:
        raise CheckFailed("; ".join(problems))
    return (f"{ctx.deb.name}: {size / MB:.1f} MB (limit {DEB_LIMIT_MB}), {len(entries)} paths, "
            f"installs {int(control['Installed-Size']) / 1024:.0f} MiB; Depends: {control['Depends']}")


def check_tarball(ctx: Context) -> str:
    if not ctx.tarball.is_file():
        raise CheckFailed(f"{ctx.tarball} is missing: run `make package` first")
    problems = []
    with tarfile.open(ctx.tarball) as tar:
        members = tar.getmembers()
    names = {m.name: m for m in members}
    if any(not (n == "Beetroot" or n.startswith("Beetroot/")) or ".." in n.split("/") for n in names):
        problems.append("entries outside one Beetroot/ folder")
    exe = names.get("Beetroot/Beetroot")
    if exe is None or exe.mode != 0o755:
        problems.append("Beetroot/Beetroot is missing or not 0755")
    if any(m.uid or m.gid for m in members):
        problems.append("entries not owned by uid/gid 0")
    if problems:
        raise CheckFailed("; ".join(problems))
    unpacked = sum(m.size for m in members)
    return (f"{ctx.tarball.name}: {ctx.tarball.stat().st_size / MB:.1f} MB, {len(members)} entries, "
            f"{unpacked / 2**20:.0f} MiB unpacked")


def check_lintian(ctx: Context, max_warnings: int) -> str:
    proc = sh(["lintian", "--fail-on", "error", "--display-level", ">=info", "--tag-display-limit", "0",
               str(ctx.deb)], timeout=900, check=False)
    tags = [line for line in proc.stdout.splitlines() if re.match(r"^[EWIP]: ", line)]
    by_tag = Counter(" ".join(line.split()[:3]) for line in tags)
    summary = ", ".join(f"{tag.split()[0][0]} {tag.split()[2]} x{n}" for tag, n in sorted(by_tag.items()))
    print(f"lintian: {summary or 'no tags'}")
    errors = [line for line in tags if line.startswith("E: ")]
    warnings = [line for line in tags if line.startswith("W: ")]
    for line in errors + warnings:
        print(f"  {line}")
    if proc.returncode not in (0, 2) or (proc.returncode == 2 and not errors):  # 2: errors were found
        raise CheckFailed(f"lintian failed to run ({proc.returncode}):\n{proc.stderr}")
    if errors:
        raise CheckFailed(f"{len(errors)} errors")
    if len(warnings) > max_warnings:
        raise CheckFailed(f"{len(warnings)} warnings, more than {max_warnings}")
    infos = sum(1 for line in tags if line.startswith(("I: ", "P: ")))
    return f"0 errors, {len(warnings)} warnings ({', '.join(w.split()[2] for w in warnings) or '-'}), {infos} info"


def check_metadata(ctx: Context) -> str:
    tree = ctx.unpacked()
    desktop = tree / "usr" / "share" / "applications" / "beetroot.desktop"
    proc = sh(["desktop-file-validate", str(desktop)], check=False)
    if proc.returncode != 0 or proc.stdout.strip():
        raise CheckFailed(f"desktop-file-validate: {proc.stdout}{proc.stderr}")
    metainfo = tree / "usr" / "share" / "metainfo" / f"{package.METAINFO_ID}.metainfo.xml"
    validate = sh(["appstreamcli", "validate", "--no-net", str(metainfo)], check=False)
    # validate-tree also finds the desktop entry the metadata launches and the icon it names
    validate_tree = sh(["appstreamcli", "validate-tree", "--no-net", str(tree)], check=False)
    for proc in (validate, validate_tree):
        if proc.returncode != 0:
            raise CheckFailed(f"appstreamcli: {proc.stdout}{proc.stderr}")
    note = validate.stdout.strip().splitlines()[-1] if validate.stdout.strip() else "ok"
    return f"desktop-file-validate ok; appstreamcli validate and validate-tree: {note.strip('✔ ')}"


def check_nsis(ctx: Context) -> str:
    script = (REPO / "resources" / "windows" / "beetroot.nsi").read_text(encoding="utf-8")
    uninstall = script.split('Section "Uninstall"', 1)[-1]
    promises = {
        "per-user, no admin rights": "RequestExecutionLevel user" in script,
        r"installs in $LOCALAPPDATA\Programs": r'InstallDir "$LOCALAPPDATA\Programs\${APP}"' in script,
        "a Start menu entry": "CreateShortcut \"$SMPROGRAMS\\" in script,
        "an uninstaller": "WriteUninstaller" in script and "Uninstall" in script,
        "the uninstaller never removes the install folder wholesale": 'RMDir /r "$INSTDIR"' not in uninstall,
        "the uninstaller never touches the library": r"$LOCALAPPDATA\${APP}" not in uninstall,
    }
    broken = [what for what, kept in promises.items() if not kept]
    if broken:
        raise CheckFailed(f"the installer script no longer keeps these promises: {', '.join(broken)}")
    payload = ctx.work / "nsis-payload"
    (payload / "_internal" / "beetroot_desktop").mkdir(parents=True)
    (payload / "Beetroot.exe").write_bytes(b"MZ stand-in for the app")
    (payload / "_internal" / "beetroot_desktop" / "stand-in.txt").write_text("stand-in payload\n")
    out = ctx.work / "nsis-out"
    started = time.perf_counter()
    sh([sys.executable, str(REPO / "installers" / "package.py"), "nsis", "--payload", str(payload), "--out", str(out)])
    setup = out / f"Beetroot-Setup-{ctx.version}.exe"
    data = setup.read_bytes() if setup.is_file() else b""
    if data[:2] != b"MZ" or b"Nullsoft" not in data:
        raise CheckFailed(f"{setup} is not an NSIS installer")
    if ctx.version.encode("utf-16-le") not in data:
        raise CheckFailed("the installer's file properties do not carry the version")
    makensis = sh(["makensis", "-VERSION"]).stdout.strip()
    return (f"makensis {makensis} built {setup.name} ({len(data) / 1e3:.0f} kB around a stand-in payload) in "
            f"{time.perf_counter() - started:.1f} s; {len(promises)} promises of the script hold")


def check_workflow(ctx: Context) -> str:
    import yaml

    path = REPO / ".github" / "workflows" / "release.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` as true
    jobs = doc.get("jobs") or {}
    problems = []
    if not triggers:
        problems.append("no triggers")
    problems += [f"job {name} has no name" for name, job in jobs.items() if not job.get("name")]
    systems = set()
    steps_text = ""
    for job in jobs.values():
        for entry in (job.get("strategy") or {}).get("matrix", {}).get("include", []):
            systems.add(str(entry.get("os", "")).split("-")[0])
        for step in job.get("steps", []):
            steps_text += f"\n{step.get('run', '')}\n{step.get('if', '')}\n{step.get('uses', '')}"
    if not {"ubuntu", "windows", "macos"} <= systems:
        problems.append(f"the matrix runs on {sorted(systems)}, not ubuntu, windows and macos")
    for needed in ("tests/frozen/check_bundle.py", "installers/package.py linux", "tests/packaging/check_package.py",
                   "installers/package.py nsis", "installers/package.py dmg", "codesign --force --deep --sign -",
                   "notarytool submit", "env.HAVE_MAC_NOTARY == 'true'", "actions/upload-artifact"):
        if needed not in steps_text:
            problems.append(f"no step runs {needed!r}")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{path.relative_to(REPO)}: jobs {', '.join(j.get('name', n) for n, j in jobs.items())}; {sorted(systems)}"


# -- checks of the installed package ---------------------------------------------------------------------------
def apt(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return sh(["apt-get", "-y", "-q", "-o", "Dpkg::Use-Pty=0", *args], timeout=timeout, env=env)


def installed_version() -> str | None:
    proc = sh(["dpkg-query", "-W", "-f", "${Status} ${Version}", PACKAGE], check=False)
    parts = proc.stdout.split()
    return parts[-1] if proc.returncode == 0 and parts[:3] == ["install", "ok", "installed"] else None


def check_install(ctx: Context) -> str:
    if installed_version():
        raise CheckFailed(f"{PACKAGE} {installed_version()} is installed already: `apt-get purge {PACKAGE}` first")
    started = time.perf_counter()
    ctx.installed = True  # from here on, purge at the end whatever happens
    apt("install", "--no-install-recommends", str(ctx.deb.resolve()))
    took = time.perf_counter() - started
    problems = []
    if installed_version() != package.debian_version(ctx.version):
        problems.append(f"dpkg says {installed_version()}")
    exe = shutil.which("beetroot")
    if exe != "/usr/bin/beetroot" or os.path.realpath(exe) != f"{PREFIX}/Beetroot":
        problems.append(f"beetroot on PATH is {exe} -> {exe and os.path.realpath(exe)}")
    verify = sh(["dpkg", "--verify", PACKAGE], check=False)
    if verify.returncode != 0 or verify.stdout.strip():
        problems.append(f"dpkg --verify: {verify.stdout}{verify.stderr}")
    if problems:
        raise CheckFailed("; ".join(problems))
    used = check_bundle.du(Path(PREFIX)) / 2**20
    return f"installed in {took:.0f} s; {PREFIX} is {used:.0f} MiB; beetroot -> {os.path.realpath(exe or '')}"


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def check_depends(ctx: Context) -> str:
    """Each library an installed file links and the package does not ship: found on the system, in a package the
    .deb depends on (or in libc6). Libraries are matched by soname, as the loader finds them."""
    root = Path(PREFIX)
    shipped = {p.name for p in root.rglob("*") if ".so" in p.name}
    needed: dict[str, str] = {}
    for path in elf_files(root):
        out = sh(["readelf", "-d", str(path)]).stdout
        for name in re.findall(r"\(NEEDED\)\s+Shared library: \[([^]]+)\]", out):
            if name not in shipped:
                needed.setdefault(name, str(path.relative_to(root)))
    known = {line.split(" (")[0].strip(): line.rsplit("=> ", 1)[-1].strip()
             for line in sh(["ldconfig", "-p"]).stdout.splitlines()[1:] if "=> " in line and "x86-64" in line}
    depends = ctx.control().get("Depends", "")
    allowed = {"libc6"} | {alt.strip().split(" ")[0] for alt in re.split(r"[,|]", depends)}
    problems, providers = [], {}
    for name, user in sorted(needed.items()):
        if name not in known:
            problems.append(f"{name} (linked by {user}) is not on this system")
            continue
        owner = sh(["dpkg", "-S", os.path.realpath(known[name])], check=False)
        if owner.returncode != 0:
            owner = sh(["dpkg", "-S", known[name]], check=False)
        package = owner.stdout.split(":")[0].strip() if owner.returncode == 0 else "?"
        providers[name] = package
        if package not in allowed:
            problems.append(f"{name} (linked by {user}) comes from {package}, which the .deb does not depend on")
    if problems:
        raise CheckFailed("; ".join(problems))
    return "; ".join(f"{name} <- {pkg}" for name, pkg in sorted(providers.items()))


def check_installed_import(ctx: Context, env: dict[str, str], library: Path) -> str:
    known = check_bundle.labels(ctx.photos)
    distinct: dict[str, str] = {}
    for rel in known:
        distinct.setdefault(hashlib.sha256((ctx.photos / rel).read_bytes()).hexdigest(), rel)
    proc = check_bundle.run(["beetroot", "import", str(ctx.photos), "--library", str(library), "--json"], env,
                            timeout=600)
    if proc.returncode != 0:
        raise CheckFailed(check_bundle.show(proc))
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    with open(ctx.photos / "labels.csv", newline="") as fh:
        rows = {row["file"]: row for row in csv.DictReader(fh)}
    expected = {
        "photos_seen": len(known),
        "photos_new": len(distinct),
        "photos_failed": 0,
        "faces": sum(int(rows[rel]["faces"]) for rel in distinct.values()),
        "new_people": len({p for people in known.values() for p in people if p}),
    }
    wrong = {k: report.get(k) for k, v in expected.items() if report.get(k) != v}
    if wrong:
        raise CheckFailed(f"expected {expected}, got {wrong}\n{check_bundle.show(proc)}")
    return (f"{report['photos_new']} photos (+{report['photos_duplicate']} duplicate), {report['faces']} faces, "
            f"{report['new_people']} people in {report['seconds']:.1f} s")


def installed_files() -> set[str]:
    listed = sh(["dpkg-query", "-L", PACKAGE]).stdout.splitlines()
    return {p for p in listed if p.startswith(PREFIX)}


def check_untouched() -> str:
    """Running the app wrote nothing into the install folder: dpkg --verify, and no file dpkg does not know."""
    verify = sh(["dpkg", "--verify", PACKAGE], check=False)
    on_disk = {str(p) for p in Path(PREFIX).rglob("*")} | {PREFIX}
    extra = sorted(on_disk - installed_files())
    if verify.stdout.strip() or extra:
        raise CheckFailed(f"the install folder changed: {verify.stdout.strip()} {extra[:10]}")
    return f"{len(on_disk)} paths under {PREFIX}, all as installed"


def home_env(home: Path) -> dict[str, str]:
    """A user with only a HOME: settings and library go where platformdirs puts them by default."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AWS_", "BEETROOT_", "XDG_", "PYTHON", "QT_")) and k != "LD_LIBRARY_PATH"}
    env.update({"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": str(home / "aws-config"), "AWS_SHARED_CREDENTIALS_FILE": str(home / "aws-creds")})
    return env


def library_state(env: dict[str, str], library: Path, settings: Path) -> tuple[str, str, list[str]]:
    people = check_bundle.run(["beetroot", "people", "--json"], env, timeout=120)
    if people.returncode != 0:
        raise CheckFailed(check_bundle.show(people))
    files = sorted(str(p.relative_to(library)) for p in library.rglob("*")
                   if p.is_file() and not p.name.endswith((".lock", "-wal", "-shm", "-journal")))
    return people.stdout, hashlib.sha256(settings.read_bytes()).hexdigest(), files


def check_upgrade(ctx: Context) -> str:
    home = ctx.work / "home"
    home.mkdir()
    env = home_env(home)
    library = home / ".local" / "share" / "Beetroot"
    settings = home / ".config" / "Beetroot" / "settings.json"
    files = [str(ctx.photos / f) for f in check_bundle.IMPORT_SAMPLE]
    for cmd in (["beetroot", "config", "set", "threshold", "93"], ["beetroot", "import", "--json", *files]):
        proc = check_bundle.run(cmd, env, timeout=300)
        if proc.returncode != 0:
            raise CheckFailed(check_bundle.show(proc))
    if not library.is_dir() or not settings.is_file():
        raise CheckFailed(f"expected the library in {library} and the settings in {settings}")
    before = library_state(env, library, settings)
    ctx.user_library = (library, before[2])

    # The next version: this .deb with a higher version, and without one of its files (an upgrade removes what
    # the new version no longer ships).
    old_version = package.debian_version(ctx.version)
    new_version = f"{old_version}+upgrade1"
    raw = ctx.work / "repack"
    sh(["dpkg-deb", "-R", str(ctx.deb), str(raw)])
    dropped = "usr/share/icons/hicolor/22x22/apps/beetroot.png"
    (raw / dropped).unlink()
    sums = raw / "DEBIAN" / "md5sums"
    sums.write_text("".join(line for line in sums.read_text().splitlines(keepends=True) if dropped not in line))
    control = raw / "DEBIAN" / "control"
    control.write_text(re.sub(r"^Version: .*$", f"Version: {new_version}", control.read_text(), flags=re.M))
    newer = ctx.work / f"{PACKAGE}_{new_version}_amd64.deb"
    sh(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(raw), str(newer)])
    shutil.rmtree(raw)
    started = time.perf_counter()
    apt("install", "--no-install-recommends", str(newer))
    took = time.perf_counter() - started
    problems = []
    if installed_version() != new_version:
        problems.append(f"after the upgrade dpkg says {installed_version()}, not {new_version}")
    if Path("/" + dropped).exists():
        problems.append(f"the upgrade left /{dropped}, which the new version does not ship")
    after = library_state(env, library, settings)
    if after[0] != before[0]:
        problems.append("the library's people changed")
    if after[1] != before[1]:
        problems.append("the settings changed")
    if set(before[2]) - set(after[2]):
        problems.append(f"library files are gone: {sorted(set(before[2]) - set(after[2]))[:5]}")
    if problems:
        raise CheckFailed("; ".join(problems))
    people = len(json.loads(before[0])) if before[0].strip().startswith("[") else "?"
    return (f"{old_version} -> {new_version} in {took:.0f} s; {library} ({len(after[2])} files, {people} people) "
            f"and {settings.name} unchanged")


def check_purge(ctx: Context) -> str:
    apt("purge", PACKAGE)
    ctx.installed = False
    problems = []
    if installed_version() or sh(["dpkg-query", "-W", PACKAGE], check=False).returncode == 0:
        problems.append("dpkg still knows the package")
    left = [p for p in (PREFIX, "/usr/bin/beetroot", "/usr/share/applications/beetroot.desktop",
                        f"/usr/share/metainfo/{package.METAINFO_ID}.metainfo.xml", "/usr/share/doc/beetroot",
                        "/usr/share/icons/hicolor/256x256/apps/beetroot.png") if os.path.lexists(p)]
    problems += [f"{p} is left" for p in left]
    if shutil.which("beetroot"):
        problems.append(f"beetroot is still on PATH: {shutil.which('beetroot')}")
    library, files = ctx.user_library or (ctx.work / "home" / ".local" / "share" / "Beetroot", ["library.sqlite3"])
    gone = [f for f in files if not (library / f).is_file()]
    if gone:
        problems.append(f"the user's library lost {gone[:5]}")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"nothing left in /opt or on PATH; the library in {library} is kept"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", default=str(REPO / "dist"))
    parser.add_argument("--photos", default=str(REPO / "tests" / "data" / "photos"))
    parser.add_argument("--no-install", action="store_true", help="only the checks of the files (no root needed)")
    parser.add_argument("--max-warnings", type=int, default=3, help="lintian warnings allowed (default 3)")
    args = parser.parse_args(argv)
    if not args.no_install and (os.geteuid() != 0 or not shutil.which("apt-get")):
        print("check_package: installing the .deb needs root on Debian/Ubuntu (run it with sudo), or use "
              "--no-install", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="beetroot-package-"))
    work.chmod(0o755)
    ctx = Context(Path(args.dist).resolve(), Path(args.photos).resolve(), work)
    failures = 0
    started_all = time.perf_counter()
    try:
        (work / "private").mkdir()
        env = check_bundle.private_env(work / "private")
        library = work / "x"
        steps: list[tuple[str, Callable[[], str]]] = [
            ("versions", lambda: check_versions(ctx)),
            ("icons", lambda: check_icons(ctx)),
            ("deb", lambda: check_deb(ctx)),
            ("tarball", lambda: check_tarball(ctx)),
            ("lintian", lambda: check_lintian(ctx, args.max_warnings)),
            ("metadata", lambda: check_metadata(ctx)),
            ("nsis", lambda: check_nsis(ctx)),
            ("workflow", lambda: check_workflow(ctx)),
        ]
        if not args.no_install:
            beetroot = Path("/usr/bin/beetroot")
            steps += [
                ("install", lambda: check_install(ctx)),
                ("depends", lambda: check_depends(ctx)),
                ("selftest", lambda: check_bundle.check_selftest(beetroot, env)),
                ("import", lambda: check_installed_import(ctx, env, library)),
                ("gui", lambda: check_bundle.check_gui(beetroot, env, library)),
                ("untouched", check_untouched),
                ("upgrade", lambda: check_upgrade(ctx)),
                ("purge", lambda: check_purge(ctx)),
            ]
        install_failed = False
        for name, step in steps:
            print(f"== package check: {name}", flush=True)
            started = time.perf_counter()
            if install_failed and name not in ("purge",):
                detail, status = "not run: the package did not install", "FAIL"
            else:
                try:
                    detail, status = step(), "PASS"
                except CheckFailed as exc:
                    detail, status = str(exc), "FAIL"
                except Exception as exc:  # a broken check must fail the run, not stop it before the purge
                    detail, status = f"{type(exc).__name__}: {exc}", "FAIL"
            if status == "FAIL":
                failures += 1
                install_failed = install_failed or name == "install"
            print(f"{status} {name} ({time.perf_counter() - started:.1f} s): {detail}", flush=True)
    finally:
        if ctx.installed:
            print(f"== removing {PACKAGE} after a failure", flush=True)
            subprocess.run(["apt-get", "-y", "-q", "purge", PACKAGE], env={**os.environ,
                           "DEBIAN_FRONTEND": "noninteractive"}, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    took = time.perf_counter() - started_all
    print(f"package checks: {'all passed' if not failures else f'{failures} FAILED'} in {took:.0f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
