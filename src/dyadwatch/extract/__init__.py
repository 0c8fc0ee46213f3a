"""Events from one cleaned document: mentions (countries, people, roles, places), dates,
frames of meeting sentences, then the contract's fields (see events.py)."""
from .events import extract_events

__all__ = ["extract_events"]
