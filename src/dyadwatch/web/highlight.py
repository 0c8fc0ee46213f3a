"""Evidence highlighting: a document's cleaned text cut into plain and marked segments.

The template prints each segment with autoescape on (a marked one inside <mark>), so no
markup is ever built from article text here. Offsets that do not point at the evidence
sentence (an older cleaning, say) are corrected by looking the sentence up; a sentence not
found at all is reported as unlocated and shown on its own."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

FULL_TEXT_LIMIT = 40_000  # longer texts are shown as windows around the evidence
CONTEXT = 1_500


@dataclass
class Segment:
    text: str
    mark: bool = False
    gap: bool = False  # text left out (long documents): shown as "[…]"


def _norm(s: str) -> str:
    return " ".join(s.split())


def locate(text: str, evidence: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[dict[str, Any]]]:
    """(spans found in `text`, evidence items not found)."""
    spans: list[tuple[int, int]] = []
    lost: list[dict[str, Any]] = []
    for ev in evidence or []:
        start, end, sentence = ev.get("start"), ev.get("end"), ev.get("text") or ""
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            if not sentence or _norm(text[start:end]) == _norm(sentence):
                spans.append((start, end))
                continue
        found = _find(text, sentence)
        if found:
            spans.append(found)
        else:
            lost.append(ev)
    return spans, lost


def _find(text: str, sentence: str) -> tuple[int, int] | None:
    sentence = sentence.strip()
    if not sentence:
        return None
    i = text.find(sentence)
    if i >= 0:
        return i, i + len(sentence)
    words = sentence.split()
    if not words or len(words) > 400:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def segments(text: str, spans: list[tuple[int, int]], *, limit: int = FULL_TEXT_LIMIT,
             context: int = CONTEXT) -> list[Segment]:
    """`text` as segments, the spans marked; a text longer than `limit` keeps only `context`
    characters around each span (the rest becomes gap segments)."""
    n = len(text)
    marks = _merge([(max(0, s), min(n, e)) for s, e in spans if s < e and s < n and e > 0])
    if n <= limit:
        windows = [(0, n)]
    elif marks:
        windows = _merge([(max(0, s - context), min(n, e + context)) for s, e in marks])
    else:
        windows = [(0, min(n, 2 * context))]
    out: list[Segment] = []
    for i, (ws, we) in enumerate(windows):
        if ws > 0 and (i == 0 or ws > windows[i - 1][1]):
            out.append(Segment("", gap=True))
        pos = ws
        for s, e in marks:
            if e <= ws or s >= we:
                continue
            s, e = max(s, ws), min(e, we)
            if s > pos:
                out.append(Segment(text[pos:s]))
            out.append(Segment(text[s:e], mark=True))
            pos = e
        if pos < we:
            out.append(Segment(text[pos:we]))
    if windows and windows[-1][1] < n:
        out.append(Segment("", gap=True))
    return out
