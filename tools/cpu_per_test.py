"""Which tests cost the most CPU: a pytest plugin for finding where the suite's time goes.

    .venv/bin/python -m pytest -p tools.cpu_per_test tests/browser
    .venv/bin/python -m pytest -p tools.cpu_per_test tests/browser/test_offers.py --cpu-top 5

The browser suite is bound by CPU, and most of a browser test's CPU is spent in Chromium's
processes, not in pytest's, so this counts the whole machine's busy CPU (from /proc/stat, Linux
only) around each test, its setup and teardown included. Run it without `-n` on an otherwise idle
machine: with two workers each test would also count the other one's. At the end it prints the
costliest tests and the files' totals.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

STAT = Path("/proc/stat")
# /proc/stat's "cpu" line: user nice system idle iowait irq softirq steal guest guest_nice. Idle
# and iowait are the time no process ran; guest time is already counted in user and nice.
FIELDS = 8
NOT_BUSY = (3, 4)


def busy_seconds(cpu_line: str, ticks_per_second: int = 100) -> float:
    """The CPU time all processes have used since boot, from /proc/stat's first ("cpu") line."""
    fields = [int(value) for value in cpu_line.split()[1:FIELDS + 1]]
    return sum(value for index, value in enumerate(fields) if index not in NOT_BUSY) / ticks_per_second


@dataclass(frozen=True)
class Cost:
    test: str  # pytest's node id
    cpu: float  # busy CPU seconds of the whole machine while it ran
    wall: float  # seconds


def report(costs: list[Cost], top: int) -> list[str]:
    """The `top` costliest tests, then every file's total, costliest first."""
    lines = [f"{'cpu s':>7} {'wall s':>7}  the {min(top, len(costs))} costliest of {len(costs)} tests"]
    lines += [f"{c.cpu:7.2f} {c.wall:7.2f}  {c.test}" for c in sorted(costs, key=lambda c: -c.cpu)[:top]]
    files: dict[str, list[Cost]] = {}
    for cost in costs:
        files.setdefault(cost.test.split("::")[0], []).append(cost)
    lines.append(f"{'cpu s':>7} {'tests':>7}  per file ({sum(c.cpu for c in costs):.1f} CPU s in all)")
    lines += [f"{sum(c.cpu for c in tests):7.1f} {len(tests):7d}  {name}"
              for name, tests in sorted(files.items(), key=lambda item: -sum(c.cpu for c in item[1]))]
    return lines


def _now() -> tuple[float, float]:
    with STAT.open() as stat:
        return busy_seconds(stat.readline(), os.sysconf("SC_CLK_TCK")), time.monotonic()


COSTS: list[Cost] = []


def pytest_addoption(parser):
    parser.addoption("--cpu-top", type=int, default=20, help="tools.cpu_per_test: how many tests to list")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    cpu, wall = _now()
    result = yield
    cpu_after, wall_after = _now()
    COSTS.append(Cost(item.nodeid, cpu_after - cpu, wall_after - wall))
    return result


def pytest_terminal_summary(terminalreporter, config):
    if COSTS:
        terminalreporter.section("CPU per test (tools.cpu_per_test)")
        for line in report(COSTS, config.getoption("--cpu-top")):
            terminalreporter.write_line(line)
    elif hasattr(config, "workerinput") or config.getoption("numprocesses", None):
        terminalreporter.write_line("tools.cpu_per_test: run without -n; each worker's counts stay in the worker")
