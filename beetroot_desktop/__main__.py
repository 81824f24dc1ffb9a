"""Entry point for `python -m beetroot_desktop`, the `beetroot` script and the frozen app."""

from __future__ import annotations

import multiprocessing
import sys


def main() -> None:
    # Must run first: in a frozen app, spawned worker processes re-enter here.
    multiprocessing.freeze_support()
    from beetroot_desktop.cli import main as cli_main  # absolute: this file is also the frozen entry script

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
