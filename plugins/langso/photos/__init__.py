"""``langso/photos``: volunteers' phone photos published upright, small, private and lazy-loaded.

The core (:mod:`.model`, :mod:`.process`, :mod:`.markup`) knows nothing of MkDocs; the plugin
(:mod:`.plugin`) only wires it to the build.
"""

from langso.photos.markup import enhance_images
from langso.photos.model import Photo, PhotoOptions, Variant, photo_problems, variant_uri
from langso.photos.process import PhotoCache, ProcessedPhoto, is_photo, process_photo

__all__ = [
    "Photo",
    "PhotoCache",
    "PhotoOptions",
    "ProcessedPhoto",
    "Variant",
    "enhance_images",
    "is_photo",
    "photo_problems",
    "process_photo",
    "variant_uri",
]
