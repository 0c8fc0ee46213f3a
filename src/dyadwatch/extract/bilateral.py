"""Stage 4, bilateral meetings: one candidate per pair of sides.

A report of several bilateral meetings at once ('held bilateral meetings with the defence
ministers of Russia, China, India and Pakistan', «провел встречи с министрами обороны ...»)
becomes one candidate per counterpart, each with the hub side, the shared date, place and
setting; a many-sided gathering without side meetings is a plenary, not a dyadic event."""
from __future__ import annotations

from .candidates import DocContext, MeetingCandidate

MAX_SIDES = 4  # a gathering of more states, not split into side meetings, is a plenary


class SplitBilateral:
    name = "bilateral"

    def process(self, ctx: DocContext, frames: list[MeetingCandidate]) -> list[MeetingCandidate]:
        return [f for f in frames if 2 <= len(f.sides) <= MAX_SIDES]
