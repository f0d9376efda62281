"""The hamlet's bulletin (``thông báo``) and loudspeaker (``loa``), issue 15.

- :mod:`langso.notices.model`: what a notice is (:class:`~langso.notices.model.Notice`).
- :mod:`langso.notices.loading`: notice pages read and checked (:func:`load_notices`), with
  located, bilingual problems; :data:`NOTICE_KEYS`.
- :mod:`langso.notices.loa`: the loudspeaker's broadcast schedule (``thong-bao/loa.yml``).
- :mod:`langso.notices.order`: newest first, the home page's current notices, months.
- :mod:`langso.notices.feed`: the Atom feed (RFC 4287).

The core is plain Python with no MkDocs import; the plugin (``langso/notices``) stays thin.
"""
