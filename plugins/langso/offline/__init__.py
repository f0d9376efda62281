"""Offline reading (``langso/offline``): a service worker, a "save the whole guidebook" button and
a web app manifest, so a reader on a cheap phone keeps reading where the signal drops.

The core (:mod:`langso.offline.build`) turns the built site into a manifest (every page and core
asset with its size and content digest; the digest of them all names the cache), the offline
page, the web app manifest and the icons. The browser side is ``assets/sw.js`` (the worker,
filled in with the manifest) and ``assets/offline.js`` (registration and the button).
"""
