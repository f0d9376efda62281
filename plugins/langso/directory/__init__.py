"""``langso/directory``: the services directory, from one YAML file per service."""

from langso.directory.loading import Directory, ServiceEntry, load_directory
from langso.directory.model import Service

__all__ = ["Directory", "Service", "ServiceEntry", "load_directory"]
