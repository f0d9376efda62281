"""The navigation window of ``langso/content`` (:mod:`.adapter`)."""
