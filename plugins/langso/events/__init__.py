"""``langso/events``: the events calendar (``lịch``), issue 15.

- :mod:`langso.events.model`: the typed data (:class:`~langso.events.model.Event`, …);
- :mod:`langso.events.loading`: front matter of the event pages into events, with located,
  bilingual problems (:func:`~langso.events.loading.load_events`, ``EVENT_KEYS``);
- :mod:`langso.events.occurrences`: the days each event happens, and the agenda;
- :mod:`langso.events.ics`: iCalendar files (RFC 5545) for one event and for the whole calendar.

The dates come from :mod:`langso.dates` (solar, as volunteers type them) and :mod:`langso.lunar`
(the Vietnamese lunar calendar). Plain Python: no MkDocs import.
"""
