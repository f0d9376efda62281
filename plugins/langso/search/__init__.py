"""Accent-insensitive search for the reader (``langso/search``, cases C-02 and C-03).

The core (:mod:`langso.search.index`) turns rendered pages into one compact JSON index; the
browser script (``assets/search.js``) folds the index and the query with the same rule as
:func:`langso.text.fold`, and shows the original Vietnamese text with the matched span marked.
"""
