"""``langso portal``: a province or commune portal built from the villages' summaries (issue 17)."""
