"""Helpers of the store tests: events built by hand, and a stand-in pipeline.

The stand-in pipeline (`install_fake_pipeline`) lets the store be tested end to end (folders,
`Store.ingest`, subprocesses, kill -9) independently of the readers and the extractor, which are
written in parallel: each input file is a JSON object {"doc": {...}, "events": [records]}; the fake
reader turns it into a Document whose text is the file itself, and the fake extractor returns the
events the file lists. Everything the store does with what the pipeline gives is the real code."""
from __future__ import annotations

import copy
import hashlib
import json
import random
import time
from pathlib import Path

from dyadwatch.model import Document, Event, Evidence, Location, Participant, SignedDocument, Source

PEOPLE = {
    "RUS": [("Andrei Belousov", "Minister of Defence", None, "p:belousov-andrei"),
            ("Valery Gerasimov", "Chief of the General Staff", "General of the Army", "p:gerasimov-valery"),
            ("Alexander Fomin", "Deputy Minister of Defence", "Colonel General", None)],
    "CHN": [("Dong Jun", "Minister of National Defence", "Admiral", "p:dong-jun"),
            ("Zhang Youxia", "Vice Chairman of the Central Military Commission", "General", "p:zhang-youxia")],
    "TJK": [("Emomali Sobirzoda", "Minister of Defence", "Colonel General", "p:sobirzoda-emomali")],
    "BLR": [("Viktor Khrenin", "Minister of Defence", "Lieutenant General", "p:khrenin-viktor")],
    "IND": [("Rajnath Singh", "Minister of Defence", None, "p:singh-rajnath")],
}
PLACES = [Location("Astana", "KAZ"), Location("Moscow", "RUS"), Location("Beijing", "CHN"),
          Location("Dushanbe", "TJK")]
SIDES = [["CHN", "RUS"], ["RUS", "CHN"], ["RUS", "TJK"], ["BLR", "CHN"], ["CHN", "IND", "RUS"]]
DATES = ["2024-04-29", "2024-04-30", "2024-05-01", "2024-05-02", "2024-05-20", "2024-04", "2024-05", "2024",
         "2023-12-31", "2024-01-01", None]
TOPICS = ["joint_exercises", "military_technical_cooperation", "regional_security", "military_education"]


def precision(date: str | None) -> str | None:
    return {10: "day", 7: "month", 4: "year"}[len(date)] if date else None


def make_event(doc_id: str, *, date: str | None = "2024-04-29", countries=("CHN", "RUS"), kind: str = "meeting",
               mode: str | None = "in_person", people: list[tuple] | None = None, location: Location | None = None,
               setting: str | None = None, topics: list[str] | None = None, signed: list[str] | None = None,
               referenced: bool = False, confidence: float = 0.8, title: str | None = None,
               published: str | None = "2024-04-30", lang: str = "en", url: str | None = None,
               text: str = "They met.", assign: bool = True, date_basis: str | None = None) -> Event:
    """One event as the extractor gives it: one source (the document), coded, with its id."""
    from dyadwatch.extract.coding import code_event

    parts = [Participant(n, c, r, k, e) for (n, c, r, k, e) in (people or [])]
    ev = Event(kind=kind, mode=mode, date=date, date_precision=precision(date),
               date_basis=(date_basis or "text") if date else None, countries=list(countries),
               participants=parts, location=location, setting=setting, topics=sorted(topics or []),
               documents=[SignedDocument(t, f"{t} on cooperation" if i % 2 else None)
                          for i, t in enumerate(signed or [])],
               referenced=referenced,
               sources=[Source(doc_id, url, published, lang, title, [Evidence(0, len(text), text)])],
               confidence=confidence)
    code_event(ev)
    if assign:
        ev.assign_id()
    return ev


def person(country: str, i: int = 0) -> tuple:
    n, r, k, e = PEOPLE[country][i % len(PEOPLE[country])]
    return (n, country, r, k, e)


def random_event(rng: random.Random, doc_id: str) -> Event:
    sides = list(rng.choice(SIDES))
    date = rng.choice(DATES)
    kind = rng.choice(["meeting"] * 6 + ["exercise"])
    mode = rng.choice([None, "in_person", "in_person", "phone", "video"]) if kind == "meeting" else None
    people = [person(c, rng.randrange(3)) for c in sides if rng.random() < 0.7]
    if rng.random() < 0.15:  # someone the KB does not know
        people.append(("Ivan Petrov", sides[0], "Deputy Chief of Staff", None, None))
    loc = rng.choice([None, None] + PLACES) if mode != "phone" else None
    text = rng.choice(["Переговоры прошли в Москве.", "The ministers met in Astana.", "Состоялся телефонный разговор."])
    return make_event(doc_id, date=date, countries=sides, kind=kind, mode=mode, people=people, location=loc,
                      setting=rng.choice([None, None, "SCO Defence Ministers' Meeting"]),
                      topics=rng.sample(TOPICS, rng.randrange(3)),
                      signed=rng.sample(["memorandum", "agreement", "plan"], rng.randrange(2)),
                      referenced=rng.random() < 0.2, confidence=round(rng.uniform(0.3, 0.95), 3),
                      title=rng.choice([None, f"Title of {doc_id}", f"Заголовок {doc_id}"]),
                      published=rng.choice([None, "2024-04-30", "2024-05-02"]), lang=rng.choice(["ru", "en"]),
                      url=rng.choice([None, f"https://example.org/{doc_id}"]), text=text)


def make_document(doc_id: str, text: str | None = None, *, status: str = "ok", reason: str | None = None,
                  lang: str = "en", content: bytes | None = None) -> Document:
    text = text if text is not None else f"Text of {doc_id}. The ministers met."
    raw = content if content is not None else (doc_id + "\n" + text).encode("utf-8", "surrogatepass")
    return Document(doc_id=doc_id, path=f"/in/{doc_id}", status=status, reason=reason, lang=lang,
                    title=f"Title of {doc_id}", text=text, content_hash=hashlib.sha256(raw).hexdigest())


def random_corpus(seed: int, n_docs: int, max_events: int = 3) -> list[tuple[Document, list[Event]]]:
    rng = random.Random(seed)
    out = []
    for i in range(n_docs):
        doc_id = f"{i:03d}_{seed}.txt"
        if rng.random() < 0.08:
            out.append((make_document(doc_id, "", status="rejected", reason="empty page"), []))
            continue
        out.append((make_document(doc_id), [random_event(rng, doc_id) for _ in range(rng.randrange(max_events + 1))]))
    return out


def merged_records(corpus: list[tuple[Document, list[Event]]]) -> list[dict]:
    """What `extract` gives for the corpus: every event merged in input order."""
    from dyadwatch.merge import merge_events

    events = [copy.deepcopy(e) for _, evs in corpus for e in evs]
    return [e.to_record() for e in merge_events(events)]


# ---------------------------------------------------------------- the stand-in pipeline

def write_corpus(folder: Path, corpus: list[tuple[Document, list[Event]]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc, events in corpus:
        d = doc.to_json()
        d.pop("content_hash")
        p = folder / doc.doc_id
        recs = [{**e.to_record(), "countries": list(e.countries)} for e in events]  # order as the extractor gave
        p.write_text(json.dumps({"doc": d, "events": recs}, ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    return paths


def fake_load_documents(paths, max_bytes=None):
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
    for f in files:
        raw = f.read_bytes()
        d = json.loads(raw)["doc"]
        doc = Document.from_json({**d, "doc_id": f.name, "path": str(f)})
        doc.content_hash = hashlib.sha256(raw).hexdigest()
        doc.text = raw.decode("utf-8")
        yield doc


FAKE_DELAY = {"extract": 0.0, "write": 0.0}


def fake_process_document(doc: Document) -> list[Event]:
    if not doc.ok:
        return []
    if FAKE_DELAY["extract"]:
        time.sleep(FAKE_DELAY["extract"])
    return [Event.from_record(r) for r in json.loads(doc.text)["events"]]


def install_fake_pipeline(extract_delay: float = 0.0, write_delay: float = 0.0) -> None:
    """Route `Store.ingest` through the stand-in reader and extractor. `write_delay` sleeps inside
    each document's transaction, after its first event is written (so a kill lands mid-transaction)."""
    import dyadwatch.pipeline as pipeline
    import dyadwatch.work as work
    from dyadwatch.store import core

    FAKE_DELAY["extract"], FAKE_DELAY["write"] = extract_delay, write_delay
    pipeline.load_documents = fake_load_documents
    work.process_document = fake_process_document
    if write_delay:
        orig = core._DbMerger.add

        def slow_add(self, ev):  # noqa: ANN001
            out = orig(self, ev)
            time.sleep(FAKE_DELAY["write"])
            return out

        core._DbMerger.add = slow_add


FAKE_INGEST_SCRIPT = """
import sys
sys.path.insert(0, {kit!r})
import store_testkit
store_testkit.install_fake_pipeline(extract_delay={extract_delay}, write_delay={write_delay})
from dyadwatch.store import Store
s = Store({url!r})
print(s.ingest({paths!r}, progress=False), flush=True)
s.close()
"""


def fake_ingest_command(python: str, url: str, paths: list[str], extract_delay: float = 0.0,
                        write_delay: float = 0.0) -> list[str]:
    script = FAKE_INGEST_SCRIPT.format(kit=str(Path(__file__).parent), url=url, paths=[str(p) for p in paths],
                                       extract_delay=extract_delay, write_delay=write_delay)
    return [python, "-c", script]


def dump(store) -> dict:
    """Everything a store holds that a user can see: records, documents (no timestamps), stats."""
    recs, _ = store.query_events()
    docs, _ = store.list_documents()
    docs = sorted(({k: v for k, v in d.items() if k != "ingested_at"} for d in docs),
                  key=lambda d: (d["doc_id"], d["content_hash"]))
    return {"events": recs, "documents": docs, "stats": store.stats(kind=None), "entities": store.entities()}
