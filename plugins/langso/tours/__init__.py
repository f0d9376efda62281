"""Walking tours (``tuyến tham quan``, issue 16): a YAML file per tour, an ordered list of stops;
pages, a printable sheet, GPX. Core modules import nothing from MkDocs; ``plugin.py`` and
``config.py`` are the thin MkDocs layer."""
