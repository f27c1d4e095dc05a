"""Prints, as JSON, the item ids pandas reads from one CSV file, or its error.

Run with Debian's Python (python3-pandas):
    /usr/bin/python3 core/src/test/python/read_item_ids.py FILE
Prints {"default": ..., "skip_bad_lines": ...}: what pd.read_csv(FILE) reads (the original loader's
call), then what pd.read_csv(FILE, on_bad_lines="skip") reads; each is {"item_ids": [...]} or
{"error": "the parser's message"}.
"""
import json
import sys

import pandas as pd


def read(path, **options):
    try:
        return {"item_ids": [int(i) for i in pd.read_csv(path, **options)["item_id"]]}
    except (pd.errors.ParserError, ValueError) as e:
        return {"error": str(e).strip()}


path = sys.argv[1]
print(json.dumps({"default": read(path), "skip_bad_lines": read(path, on_bad_lines="skip")}))
