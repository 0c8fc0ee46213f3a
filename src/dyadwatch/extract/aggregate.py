"""Stage 7, aggregate within the document: candidates that tell one meeting become one."""
from __future__ import annotations

from .candidates import DocContext, MeetingCandidate


class AggregateDocument:
    name = "aggregate"

    def process(self, ctx: DocContext, frames: list[MeetingCandidate]) -> list[MeetingCandidate]:
        return frames
