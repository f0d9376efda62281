"""Where things are on a map (issue 16): the places with coordinates, the village map page
(``langso/map``), the base map (a PMTiles archive the commune ships), directions links and the
OpenStreetMap-ready export. Core modules import nothing from MkDocs; ``plugin.py`` and
``config.py`` are the thin MkDocs layer."""
