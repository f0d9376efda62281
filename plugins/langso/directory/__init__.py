"""``langso/directory``: the services directory, from one YAML file per service."""

from langso.directory.model import Directory, Service, ServiceEntry, load_directory

__all__ = ["Directory", "Service", "ServiceEntry", "load_directory"]
