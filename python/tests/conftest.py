# Shared fixtures: the repository root (HEARSAY_ROOT, else two folders up),
# the example corpus, and the hearsay command (HEARSAY_BIN) that tests
# compare the package with.
import os
import sys

import pytest

ROOT = os.environ.get("HEARSAY_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def corpus():
    return os.path.join(ROOT, "examples", "corpus")


@pytest.fixture(scope="session")
def hearsay_bin():
    b = os.environ.get("HEARSAY_BIN")
    if not b:
        pytest.skip("HEARSAY_BIN (the built hearsay command) is not set")
    return b
