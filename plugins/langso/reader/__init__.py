"""``langso/reader``: reader comfort (font size, contrast), sharing, a lighter first load."""
