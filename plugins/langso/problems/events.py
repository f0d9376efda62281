"""Messages ``event.*``, ``date.*``: the events calendar (``lich/``) and dates as volunteers type
them, issue 15.

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {}
