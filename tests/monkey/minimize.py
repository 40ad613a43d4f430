#!/usr/bin/env python3
"""Shrinks a script the monkey wrote (monkey-failure-<seed>.json) to the few
actions that still fail the same way, by delta debugging (Zeller's ddmin):
drops halves, quarters, ... of the actions while the failure stays.

    python3 tests/monkey/minimize.py build/release/app/convstep \
        monkey-failure-7.json --match "heap-buffer-overflow" \
        --start "--preset ejemplo_convolucion" > tests/monkey/paste_overflow.json

Each candidate runs as `convstep START --script CANDIDATE --check-invariants`
(under $DISPLAY: run it inside xvfb-run); it fails the same way when its
output holds --match. The result starts with {"preset": ...} when --start
names a preset, so that it runs on its own as a regression script.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile


def fails(convstep, start, actions, match, timeout):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(actions, f)
        path = f.name
    try:
        r = subprocess.run([convstep, *start, "--script", path, "--check-invariants"],
                           capture_output=True, text=True, timeout=timeout,
                           errors="replace")
        return r.returncode != 0 and match in (r.stdout + r.stderr)
    except subprocess.TimeoutExpired:
        return False
    finally:
        os.unlink(path)


def ddmin(actions, test):
    n = 2
    while len(actions) >= 2:
        chunk = max(1, len(actions) // n)
        reduced = False
        for i in range(0, len(actions), chunk):
            rest = actions[:i] + actions[i + chunk:]
            if rest and test(rest):
                actions, n, reduced = rest, max(n - 1, 2), True
                print(f"minimize: {len(actions)} actions", file=sys.stderr)
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(actions), n * 2)
    return actions


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("convstep")
    p.add_argument("script")
    p.add_argument("--match", required=True, help="text the failing run prints")
    p.add_argument("--start", default="--preset ejemplo1", help="where the run started (default --preset ejemplo1)")
    p.add_argument("--timeout", type=float, default=120)
    a = p.parse_args()
    start = shlex.split(a.start)
    actions = json.load(open(a.script))
    test = lambda cand: fails(a.convstep, start, cand, a.match, a.timeout)
    if not test(actions):
        sys.exit("minimize: the script does not fail with that text")
    actions = ddmin(actions, test)
    # The monkey's marks are no longer needed where nothing is refused.
    for i, action in enumerate(actions):
        bare = {k: v for k, v in action.items() if k != "may_refuse"}
        candidate = actions[:i] + [bare] + actions[i + 1:]
        if bare != action and test(candidate):
            actions = candidate
    if start[:1] == ["--preset"] and len(start) > 1:
        actions = [{"preset": start[1]}] + actions
    print("[\n" + ",\n".join("  " + json.dumps(x, ensure_ascii=False) for x in actions) + "\n]")


if __name__ == "__main__":
    main()
