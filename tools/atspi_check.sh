#!/usr/bin/env bash
# Beetroot through AT-SPI, as a screen reader reads it, on a machine with no desktop:
# an X server (Xvfb), a private D-Bus session (the accessibility bus starts in it on demand), the app on the
# sample library with Qt's AT-SPI bridge on, then tools/atspi_check.py --tour (the system's python3 and
# pyatspi) walks every screen and lists the controls without a name. Exit status: atspi_check.py's.
#
#   tools/atspi_check.sh [LIBRARY_DIR] [-- ATSPI_CHECK_ARGS...]
#
# LIBRARY_DIR defaults to /tmp/a11y_lib; when it holds no library, a copy of tests/data/photos (beside it,
# LIBRARY_DIR.photos) is imported into it first (with the local engine: about 10 s) and one of those photos
# deleted (for Missing photos); two "same person?" questions are put in its review queue for Review.
# The app's settings and logs go to a temporary folder (never yours).
# Needs: apt-get install -y python3-pyatspi at-spi2-core xvfb dbus-x11   (and the project's .venv)
# Environment: ATSPI_DISPLAY (default :94), ATSPI_LANGUAGE (en or de; default en).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LIB=/tmp/a11y_lib
if [ $# -gt 0 ] && [ "$1" != "--" ]; then LIB=$1; shift; fi
[ "${1:-}" = "--" ] && shift
DISPLAY_NAME=${ATSPI_DISPLAY:-:94}
LANGUAGE_SETTING=${ATSPI_LANGUAGE:-en}
BEETROOT="$ROOT/.venv/bin/beetroot"

if [ "${_ATSPI_CHECK_INNER:-}" != 1 ]; then
    for tool in Xvfb dbus-run-session /usr/bin/python3; do
        command -v "$tool" >/dev/null || { echo "atspi_check.sh: $tool is missing (apt-get install -y python3-pyatspi at-spi2-core xvfb dbus-x11)" >&2; exit 2; }
    done
    /usr/bin/python3 -c "import pyatspi" 2>/dev/null || { echo "atspi_check.sh: pyatspi is missing (apt-get install -y python3-pyatspi)" >&2; exit 2; }

    WORK=$(mktemp -d /tmp/atspi_check.XXXXXX)
    export BEETROOT_CONFIG_DIR="$WORK/config" BEETROOT_LOG_DIR="$WORK/logs"
    if [ ! -e "$LIB/library.sqlite3" ]; then
        # A copy of the sample photos, one of which then goes missing (for the Missing photos page).
        echo "importing a copy of tests/data/photos ($LIB.photos) into $LIB …"
        rm -rf "$LIB.photos"
        cp -r "$ROOT/tests/data/photos" "$LIB.photos"
        "$BEETROOT" --library "$LIB" import "$LIB.photos" >"$WORK/import.log" 2>&1
        rm "$LIB.photos/misc/obama_small.jpg"
        "$BEETROOT" --library "$LIB" import >>"$WORK/import.log" 2>&1  # a sync: it is missing now
    fi
    # Two questions for Review (kept if already there): the second and third person, each against the first.
    "$ROOT/.venv/bin/python" - "$LIB" <<'EOF'
import sys, time
from beetroot_desktop.library import open_library

with open_library(sys.argv[1]) as lib:
    people = [p.person_id for p in lib.people()]
    with lib.transaction():
        for other in people[1:3]:
            lib.conn.execute(
                "INSERT OR IGNORE INTO review_queue(question, kind, face_id, person_id, candidate_person_id,"
                " similarity, weight, created_at) VALUES (?, 'people', NULL, ?, ?, 93.0, 1, ?)",
                (f"people:{other}:{people[0]}", other, people[0], time.time()))
EOF
    "$BEETROOT" config set language "$LANGUAGE_SETTING" >/dev/null

    SOCKET="/tmp/.X11-unix/X${DISPLAY_NAME#:}"
    if [ -e "$SOCKET" ]; then
        echo "atspi_check.sh: the display $DISPLAY_NAME is in use (another X server); choose one with ATSPI_DISPLAY=:NN" >&2
        exit 2
    fi
    Xvfb "$DISPLAY_NAME" -screen 0 1280x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB=$!
    trap 'kill "$XVFB" 2>/dev/null || true; wait "$XVFB" 2>/dev/null || true' EXIT
    for _ in $(seq 50); do [ -e "$SOCKET" ] && break; sleep 0.1; done
    [ -e "$SOCKET" ] || { echo "atspi_check.sh: Xvfb did not start (see $WORK/xvfb.log)" >&2; exit 2; }
    # DISPLAY before the session bus starts: the services it starts (the AT-SPI registry, which makes the
    # mouse and key events a screen reader sends) inherit it.
    export DISPLAY=$DISPLAY_NAME _ATSPI_CHECK_INNER=1 ATSPI_WORK=$WORK ATSPI_LIB=$LIB
    status=0
    dbus-run-session -- "${BASH_SOURCE[0]}" "$LIB" -- "$@" 2> >(grep -v "Failed to set fd limit\|Activating service\|Successfully activated\|SpiRegistry daemon" >&2) || status=$?
    echo "(the app's log: $WORK/app.log)"
    exit "$status"
fi

# Inside the D-Bus session: the app, then the check.
export LANG=C.UTF-8 QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
BEETROOT_LIBRARY="$LIB" "$BEETROOT" >"$ATSPI_WORK/app.log" 2>&1 &
APP=$!
status=0
/usr/bin/python3 "$ROOT/tools/atspi_check.py" --tour "$@" || status=$?
kill "$APP" 2>/dev/null || true
wait "$APP" 2>/dev/null || true
exit "$status"
