"""``langso/content``: Vietnamese text rules for every page, and the village's identity."""
