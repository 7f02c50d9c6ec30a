"""`python -m bpstudio`: the same entry point as the `bpstudio` command."""

import sys


def _run() -> int | None:
    # Imported here, not at module level, so that importing this module stays cheap.
    from bpstudio.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
