"""The test suite (a package, so that `python -m tests.browser_setup` runs)."""
