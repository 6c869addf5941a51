#!/usr/bin/env python3
"""Counts the TAP subtests of a meson test run: prints 'N passed, N failed,
N skipped' and exits 1 if any failed (or no test ran)."""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        test = json.loads(line)
        subtests = 0
        for out in (test.get("stdout") or "").splitlines():
            m = re.match(r"^(not ok|ok)\b.*?(#\s*(SKIP|TODO)\b)?", out, re.I)
            if not m:
                continue
            subtests += 1
            if m.group(3):
                skipped += 1
            elif m.group(1).lower() == "ok":
                passed += 1
            else:
                failed += 1
        # A test without TAP output (a validator) counts as one.
        if subtests == 0:
            result = test.get("result", "")
            if result == "OK":
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
        elif test.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL"):
            # The executable crashed or timed out after some subtests.
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
