"""Entry script of the frozen (PyInstaller) BP Studio: the same `bpstudio.cli:main` as the
`bpstudio` command that pip installs."""

import sys

from bpstudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
