"""Shared by the bench scripts: run a hearsay command on records.

meta_records(exe, records) writes the records (dicts with at least "id"
and "text") to a temporary JSON Lines file, runs `exe meta` on it and
returns its output records, one dict per document.
"""
import json
import os
import subprocess
import tempfile


def meta_records(exe, records):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as tf:
        for rec in records:
            tf.write(json.dumps(rec, ensure_ascii=False) + "\n")
        tmp = tf.name
    try:
        out = subprocess.run([exe, "meta", tmp], capture_output=True,
                             check=True).stdout.decode("utf-8")
    finally:
        os.unlink(tmp)
    return [json.loads(line) for line in out.splitlines()]
