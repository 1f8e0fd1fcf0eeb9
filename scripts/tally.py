#!/usr/bin/env python3
"""Counts the tests in one step's output of scripts/test: cargo's `test result:` lines,
pytest's summary, node --test's `# pass` / `# fail`, the C suite's `N passed, N failed`.
Prints `passed failed`; a step that reports no tests of its own counts as one check,
passed when its exit status (the second argument) is 0.

    python3 scripts/tally.py STEP.log STATUS
"""

import re
import sys
from pathlib import Path

PATTERNS = [
    # cargo test / nextest: "test result: ok. 12 passed; 0 failed; ..."
    (re.compile(r"^test result: \w+\. (\d+) passed; (\d+) failed"), lambda m: (int(m[1]), int(m[2]))),
    # node --test: "# pass 1080" and "# fail 0" (two lines)
    (re.compile(r"^# pass (\d+)$"), lambda m: (int(m[1]), 0)),
    (re.compile(r"^# fail (\d+)$"), lambda m: (0, int(m[1]))),
    # the C suite: "static: 170 passed, 0 failed"
    (re.compile(r"^\w+: (\d+) passed, (\d+) failed$"), lambda m: (int(m[1]), int(m[2]))),
]
# pytest -q: "1 failed, 2168 passed, 3 warnings in 20.1s"
PYTEST = re.compile(r"^(?:=+ )?((?:\d+ \w+(?:, )?)+) in [\d.]+s")


def tally(text: str) -> tuple:
    passed = failed = 0
    for line in text.splitlines():
        line = line.strip()
        for pattern, count in PATTERNS:
            found = pattern.match(line)
            if found:
                p, f = count(found)
                passed, failed = passed + p, failed + f
                break
        else:
            found = PYTEST.match(line)
            if found:
                parts = dict((kind, int(n)) for n, kind in re.findall(r"(\d+) (\w+)", found[1]))
                passed += parts.get("passed", 0)
                failed += parts.get("failed", 0) + parts.get("error", 0) + parts.get("errors", 0)
    return passed, failed


def main() -> None:
    log, status = Path(sys.argv[1]), int(sys.argv[2])
    passed, failed = tally(log.read_text(errors="replace"))
    if passed + failed == 0:
        passed, failed = (1, 0) if status == 0 else (0, 1)
    elif status != 0 and failed == 0:
        failed = 1  # the step failed outside its tests (a build, a check): never 0 failed
    print(passed, failed)


if __name__ == "__main__":
    main()
