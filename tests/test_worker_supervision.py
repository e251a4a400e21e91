"""Issue 16: the `eingang worker` process group under kill -9, with real processes on the real
PostgreSQL and Redis. Children end with their parent (no orphans); a dead child makes the group
exit with an error, for the supervisor (compose `restart: unless-stopped`) to start it again."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REDIS_TEST_URL, make_settings, migrated_runtime
from tests.test_queue_resilience import subprocess_env, wait_until


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = Path(entry, "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_worker(postgres_url, redis_namespace, tmp_path):
    runtime = migrated_runtime(
        make_settings(database_url=postgres_url, redis_url=REDIS_TEST_URL, redis_namespace=redis_namespace)
    )
    runtime.engine.dispose()
    worker = subprocess.Popen(
        [sys.executable, "-m", "eingang.cli.main", "worker", "--processes", "2", "--threads", "1"],
        env=subprocess_env(runtime),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # the worker processes are up once each has composed its runtime (imports done)
    kids = wait_until(lambda: len(children(worker.pid)) >= 2 and children(worker.pid), timeout=120, what="2 children")
    return worker, kids


@pytest.mark.parametrize("settle_seconds", [8, 2], ids=["after-start-up", "during-start-up"])
def test_worker_children_exit_when_the_parent_is_killed(postgres_url, redis_namespace, tmp_path, settle_seconds):
    # "during-start-up": the parent dies while a child is still in dramatiq's boot handshake,
    # where the child blocks for ever in Event.set() and no signal handler runs
    worker, kids = start_worker(postgres_url, redis_namespace, tmp_path)
    try:
        wait_until(lambda: all(Path(f"/proc/{k}/cmdline").exists() for k in kids), timeout=5, what="children")
        time.sleep(settle_seconds)  # exit_with_parent runs first thing in a child
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        wait_until(lambda: not any(alive(k) for k in kids), timeout=60, what="the orphaned children to exit")
    finally:
        for pid in [worker.pid, *kids]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_a_killed_worker_child_makes_the_group_exit_with_an_error(postgres_url, redis_namespace, tmp_path):
    worker, kids = start_worker(postgres_url, redis_namespace, tmp_path)
    try:
        time.sleep(8)
        os.kill(kids[0], signal.SIGKILL)
        code = worker.wait(timeout=90)
        assert code != 0  # the supervisor sees a failure and restarts the group
        wait_until(lambda: not any(alive(k) for k in kids), timeout=30, what="the other child to exit")
    finally:
        for pid in [worker.pid, *kids]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
