"""Messages ``notice.*``, ``loa.*``: the hamlet's notices (``thong-bao/``) and the loudspeaker's
schedule (``thong-bao/loa.yml``), issue 15.

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {}
