# Runs notebook scripts in one Python process (PyTorch is imported once), each as __main__, and
# prints a JSON list with, per script: its last line of output, its warnings and any exception.
# Used by export.test.mjs: /usr/bin/python3 run_scripts.py SCRIPT…
import contextlib
import io
import json
import runpy
import sys
import traceback
import warnings

results = []
for path in sys.argv[1:]:
    out = io.StringIO()
    entry = {"path": path, "warnings": [], "error": None}
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
            warnings.simplefilter("always")
            runpy.run_path(path, run_name="__main__")
        entry["warnings"] = [str(w.message) for w in caught]
    except Exception:
        entry["error"] = traceback.format_exc()
    lines = out.getvalue().rstrip("\n").split("\n")
    entry["last"] = lines[-1]
    entry["lines"] = len(lines)
    results.append(entry)
json.dump(results, sys.stdout)
