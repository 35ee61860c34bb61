"""tools.cpu_per_test's arithmetic: busy CPU from /proc/stat's line, and the report's order."""

from __future__ import annotations

from tools.cpu_per_test import Cost, busy_seconds, report


def test_busy_cpu_leaves_out_idle_and_iowait_and_counts_guest_time_once():
    #           user nice system idle  iowait irq softirq steal guest guest_nice (within user, nice)
    line = "cpu  500  20   100    9000  300    5   15      10    40    7"
    assert busy_seconds(line) == (500 + 20 + 100 + 5 + 15 + 10) / 100
    assert busy_seconds(line, ticks_per_second=1000) == 0.65


def test_report_lists_the_costliest_tests_then_each_files_total():
    costs = [Cost("tests/a.py::one", 1.0, 0.8), Cost("tests/b.py::two", 3.0, 2.0),
             Cost("tests/a.py::three", 2.5, 1.5)]
    lines = report(costs, top=2)
    assert "the 2 costliest of 3 tests" in lines[0]
    assert lines[1].split()[-1] == "tests/b.py::two" and lines[2].split()[-1] == "tests/a.py::three"
    assert "6.5 CPU s in all" in lines[3]
    assert lines[4].split() == ["3.5", "2", "tests/a.py"] and lines[5].split() == ["3.0", "1", "tests/b.py"]
