"""The parent of the ``eingang worker`` process group: dramatiq's own CLI, after recording this
process's pid for its children. A child that boots after its parent was killed cannot learn the
parent from ``getppid()`` any more (it sees its new reaper), so ``exit_with_parent`` reads it here."""

from __future__ import annotations

import os
import sys

from dramatiq.cli import main

from queue_workers.worker import WORKER_PARENT_ENV

if __name__ == "__main__":
    os.environ[WORKER_PARENT_ENV] = str(os.getpid())
    sys.exit(main())
