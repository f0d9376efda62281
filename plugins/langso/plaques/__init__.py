"""``langso/plaques``: permanent short links and QR codes for printed plaques."""

from langso.plaques.model import Plaque, PlaqueEntry, load_plaques, short_path

__all__ = ["Plaque", "PlaqueEntry", "load_plaques", "short_path"]
