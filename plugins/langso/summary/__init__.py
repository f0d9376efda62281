"""A village's machine-readable summary, ``lang-so.json``, published beside its site (issue 17)."""
