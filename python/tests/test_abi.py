# The package declares the C structures itself (cffi ABI mode): each must
# match include/hearsay.h field for field, or the library would read the
# wrong memory.  Compared here after stripping comments and spacing; the
# function declarations are checked to exist in the header likewise.
import os
import re

import pytest

from hearsay import _ffi


def normalize(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*([;,(){}*\[\]])\s*", r"\1", text).strip()


def structs(text):
    return {m.group(1): normalize(m.group(0))
            for m in re.finditer(r"typedef struct (\w+) \{.*?\} \1;", text, re.S)}


@pytest.fixture(scope="module")
def header(root):
    with open(os.path.join(root, "include", "hearsay.h"), encoding="utf-8") as f:
        return f.read()


def test_structures_match_the_header(header):
    ours, theirs = structs(_ffi.CDEF), structs(header)
    assert len(ours) >= 10
    for name, decl in ours.items():
        assert name in theirs, name + " is not in hearsay.h"
        assert decl == theirs[name], name + " differs from hearsay.h"


# What the package takes from the C library itself, not from hearsay.h.
LIBC = ("free(void", "open_memstream(", "fclose(")


def test_functions_are_declared_in_the_header(header):
    h = normalize(header).replace("HS_API ", "")
    text = re.sub(r"typedef struct (\w+) \{.*?\} \1;", "", _ffi.CDEF, flags=re.S)
    for decl in normalize(text).split(";"):
        if ("(" in decl and not decl.startswith("typedef") and
                not any(c in decl for c in LIBC)):
            assert decl + ";" in h or decl in h, decl
