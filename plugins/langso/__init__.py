"""Làng số: a Vietnamese-first village guidebook generator.

The core (text rules, YAML loading, models, renderers) is plain Python; the MkDocs plugins
``langso/content``, ``langso/directory`` and ``langso/plaques`` are thin adapters over it.
"""

from langso.problems import Problem
from langso.text import fold, nfc, slugify, sort_key

__all__ = ["Problem", "fold", "nfc", "slugify", "sort_key"]
__version__ = "0.1.0"
