"""Make sure Debian's chromium is there for the browser tests: `python -m tests.browser_setup`.

If /usr/bin/chromium is missing, install it with `apt-get update && apt-get install -y chromium`
(printing each step). If that cannot be done, say so and exit 0 anyway: the browser tests then
skip, or fail when CI=true."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

CHROMIUM = "/usr/bin/chromium"
COMMANDS = [["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]]


def chromium_ok(path: str = CHROMIUM) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def main() -> int:
    if chromium_ok():
        print(f"browser_setup: {CHROMIUM} is installed")
        return 0
    print(f"browser_setup: {CHROMIUM} is missing; installing Debian's chromium")
    if shutil.which("apt-get") is None:
        print("browser_setup: apt-get is not available here; install chromium by hand. "
              "The browser tests will skip (or fail under CI=true).")
        return 0
    prefix = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if prefix is None:
        print("browser_setup: not root and no sudo; run as root: apt-get update && apt-get install -y chromium. "
              "The browser tests will skip (or fail under CI=true).")
        return 0
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in COMMANDS:
        full = prefix + cmd
        print("browser_setup: $ " + " ".join(full), flush=True)
        try:
            rc = subprocess.run(full, env=env, check=False).returncode
        except OSError as exc:
            rc = f"error: {exc}"
        if rc != 0:
            print(f"browser_setup: `{' '.join(full)}` failed ({rc}); chromium is not installed. "
                  "The browser tests will skip (or fail under CI=true).")
            return 0
    if chromium_ok():
        print(f"browser_setup: installed {CHROMIUM}")
    else:
        print(f"browser_setup: apt-get finished but {CHROMIUM} is still missing. "
              "The browser tests will skip (or fail under CI=true).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
