"""Entry script of the frozen (PyInstaller) BP Studio: the same `bpstudio.cli:main` as the
`bpstudio` command that pip installs.

Training runs in a child process (bpstudio/controller/training_process.py), started from this
same executable: the fork server and spawned children re-run it with multiprocessing's own
arguments, and `freeze_support()` (with PyInstaller's multiprocessing runtime hook) hands them
to multiprocessing before the application could start a second window.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from bpstudio.cli import main

    sys.exit(main())
