"""The parent of the ``eingang worker`` process group: dramatiq's own CLI, after recording this
process's pid for its children. A child that boots after its parent was killed cannot learn the
parent from ``getppid()`` any more (it sees its new reaper), so ``exit_with_parent`` reads it here.

This module imports nothing of Eingang: the parent only supervises, and its children are forked
from it, so whatever it loaded (spaCy, SQLAlchemy: ~100 MB) would count in every process's RSS."""

from __future__ import annotations

import os
import sys

from dramatiq.cli import main

# Set to the pid of the worker group's parent (read by queue_workers.worker.exit_with_parent).
WORKER_PARENT_ENV = "EINGANG_WORKER_PARENT_PID"

if __name__ == "__main__":
    os.environ[WORKER_PARENT_ENV] = str(os.getpid())
    sys.exit(main())
