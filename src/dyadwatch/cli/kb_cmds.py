"""`dyadwatch kb`: look into the knowledge base."""
from __future__ import annotations

import datetime as dt

import typer


def register(app: typer.Typer) -> None:
    kb_app = typer.Typer(help="Look into the knowledge base (countries, officials, institutions).",
                         no_args_is_help=True)
    app.add_typer(kb_app, name="kb")

    @kb_app.command("stats")
    def stats() -> None:
        """How many countries, officials and institutions the KB holds, officials per country."""
        from collections import Counter

        from rich.console import Console
        from rich.table import Table

        from ..kb import load_kb

        kb = load_kb()
        con = Console()
        con.print(f"countries: {len(kb.countries)}  officials: {len(kb.people)}  "
                  f"institutions: {len(kb.institutions)}")
        per = Counter(p.country for p in kb.people.values())
        table = Table("country", "officials", title="Officials per country (top 30)")
        for code, n in per.most_common(30):
            table.add_row(f"{code} {kb.country_name(code)}", str(n))
        con.print(table)

    @kb_app.command("person")
    def person(name: str = typer.Argument(..., help="a name in English or Russian, any case form"),
               on: str | None = typer.Option(None, "--on", help="the office held on this day (YYYY-MM-DD)")) -> None:
        """Officials whose name matches NAME, with their offices."""
        from rich.console import Console

        from ..extract.mentions import matchers
        from ..kb import CYRILLIC, fold_latin, load_kb

        kb = load_kb()
        lang = "ru" if CYRILLIC.search(name) else "en"
        m = matchers(lang)
        ids: set[str] = set()
        if lang == "ru":
            from ..nlp.ru_morph import word_keys

            words = name.split()
            for i in range(len(words)):
                for key in word_keys(words[i]):
                    ids |= m.person_short.get(key, set())
            from ..nlp import Token

            toks = [Token(w, 0, len(w), word_keys(w)) for w in words]
            hit = m.person.match_at(toks, 0)
            if hit:
                ids |= hit[1]
        else:
            from ..nlp import get_analyzer

            # the English analyzer's tokens, as in an article ('Song Young-moo')
            toks = [t for s in get_analyzer("en").analyze(name).sentences for t in s.tokens]
            for i in range(len(toks)):
                hit = m.person.match_at(toks, i)
                if hit:
                    ids |= hit[1]
            ids |= kb.person_en.get(tuple(fold_latin(name).split()), set())
            ids |= kb.person_short_en.get(fold_latin(name), set())
        day = dt.date.fromisoformat(on) if on else None
        con = Console()
        if not ids:
            con.print(f"no official matches {name!r}")
            raise typer.Exit(1)
        for pid in sorted(ids):
            p = kb.people[pid]
            held = p.office_at(day) if day else None
            con.print(f"[bold]{p.name}[/bold] ({p.name_ru or '-'}) {p.country} {pid}"
                      + (f"  on {on}: {held.role if held else 'no office'}" if day else ""))
            for o in p.offices:
                con.print(f"   {o.role}: {o.start or '?'} – {o.end or 'now'}" + (f" ({o.rank})" if o.rank else ""))

    @kb_app.command("unknown")
    def unknown(paths: list[str] = typer.Argument(..., help="pages to read: files, folders, JSONL, '-'"),
                fmt: str = typer.Option("table", "--format", help="table | jsonl")) -> None:
        """Officials the texts name (with a role and a country) whom the KB does not know,
        with the events and sentences that name them."""
        import json

        from ..kb.unknown import unknown_officials
        from ..pipeline import extract_paths
        from .common import require_paths

        require_paths("kb unknown", paths)
        if fmt not in ("table", "jsonl"):
            raise typer.BadParameter("--format is table or jsonl")
        _, events = extract_paths(paths, keep_text=False)
        found = unknown_officials(events)
        if fmt == "jsonl":
            for u in found:
                typer.echo(json.dumps(u.to_json(), ensure_ascii=False))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table("name", "country", "role", "events", "evidence")
        for u in found:
            ev = "\n".join(f"{d}: {t[:160]}" for d, t in u.evidence)
            table.add_row(u.name, u.country or "-", "; ".join(u.roles + u.ranks) or "-", str(len(u.events)), ev)
        con = Console()
        con.print(table)
        con.print(f"{len(found)} officials the KB does not know")

    @kb_app.command("check")
    def check() -> None:
        """Load the KB and report problems (unknown countries, bad tenures)."""
        from ..kb import load_kb

        kb = load_kb()
        problems = []
        for p in kb.people.values():
            if p.country not in kb.countries:
                problems.append(f"{p.id}: unknown country {p.country}")
            for o in p.offices:
                if o.start and o.end and o.start > o.end:
                    problems.append(f"{p.id}: {o.role} ends before it starts")
        for line in problems:
            typer.echo(line)
        typer.echo(f"{len(kb.people)} officials, {len(kb.countries)} countries, {len(problems)} problems")
        raise typer.Exit(1 if problems else 0)
