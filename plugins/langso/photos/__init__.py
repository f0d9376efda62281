"""``langso/photos``: volunteers' phone photos published upright, small, private and lazy-loaded.

The core (:mod:`.model`, :mod:`.process`, :mod:`.markup`) knows nothing of MkDocs; the plugin
(:mod:`.plugin`) only wires it to the build.
"""
