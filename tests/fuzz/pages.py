"""Real-style pages with random damage, for the fuzz harness.

A page starts from one of the bundled samples (data/samples), the generated reports of
benchmarks/corpus.py, or the short texts below (written for this harness), and gets a few
edits: sentences shuffled or dropped, truncation, dates, names and numbers altered, stray
markup, mixed scripts and invisible characters, very long sentences, a broken header line.

Every choice goes through a `Chooser`, so the same builder serves Hypothesis (`pages()`, a
strategy that shrinks) and plain seeded runs (`page_from_seed`, for `make fuzz` on 10,000
pages)."""
from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"

# Written for this harness: short reports in the styles the extractor meets (agency, ministry, wire).
OWN_TEXTS = [
    "МОСКВА, 5 июня. /ТАСС/. Министр обороны России провел переговоры с министром обороны Индии. "
    "В тот же день стороны подписали меморандум о сотрудничестве. Встреча прошла в Москве.",
    "Глава Минобороны Белоруссии в среду встретился с китайским коллегой в Пекине. "
    "Накануне делегации провели консультации. В прошлом году министры встречались в Минске.",
    "BEIJING, Oct. 3 (Xinhua) -- Chinese Defense Minister held talks with his Pakistani counterpart on "
    "Tuesday. Later that day the two sides signed an agreement on training. They last met in March 2021.",
    "NEW DELHI: Defence Minister Rajnath Singh spoke by phone with the US Secretary of Defense on Monday, "
    "the ministry said. The same day he met the visiting Vietnamese defence minister.",
    "Министры обороны России и Таджикистана 31 февраля провели телефонный разговор. "
    "Следующая встреча запланирована на 2030 год.",
    "The defence ministers of Russia and China met on the sidelines of the SCO meeting in Qingdao on "
    "April 27. 2018. The previous meeting took place on December 31, 1999 in Moscow.",
]

NAMES = ["Шойгу", "Белоусов", "Вэй Фэнхэ", "Дун Цзюнь", "Хренин", "Собирзода", "Раджнат Сингх", "Остин",
         "Shoigu", "Belousov", "Wei Fenghe", "Dong Jun", "Khrenin", "Rajnath Singh", "Lloyd Austin", "Akar",
         "Мохаммад Реза Гарайи Аштиани", "Prabowo Subianto", "Ли Шанфу", "Li Shangfu", "X Æ A-12", "О'Брайен"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря", "January", "Feb.", "March", "Sept.", "December", "мартa", "Dec"]
MARKUP = ["<div>", "</div>", "<p class='x'>", "<br>", "&nbsp;", "&amp;", "&#x41F;", "<script>var a=1;</script>",
          "<!-- comment -->", "<b>", "</i>", "<a href='http://example.org/?a=1&b=2'>", "]]>", "<![CDATA[", "{{ x }}",
          "<table><tr><td>", "<html><body>", "</body></html>", "\\n", "```", "**", "[1]"]
ODD = ["\u200b", "\u200e", "\u202e", "\ufeff", "\u00ad", "\u0301", "\u2028", "\u2029", "\t", "\r", "\r\n",
       "\x0b", "\x0c", "\u3000", "🚀", "👍🏽", "\U0001F1F7\U0001F1FA", "ʼ", "’",
       "«", "»", "„", "“", "—", "–", "…", "№", "°", "½"]
SCRIPTS = ["中国国防部长", "وزير الدفاع", "שר הביטחון", "국방부 장관", "Ministre de la Défense", "Верховный Главнокомандующий",
           "ΥΠΟΥΡΓΟΣ", "मंत्री", "Мiнiстр оборони", "Ҳукумати Тоҷикистон", "Маршал Ким Чен Ын"]
LATIN_LOOKALIKE = str.maketrans("аеорсхуАВЕКМНОРСТХ", "aeopcxyABEKMHOPCTX")


class Chooser:
    """The choices a page builder makes."""

    def integer(self, lo: int, hi: int) -> int:
        raise NotImplementedError

    def choice(self, seq: Sequence):
        return seq[self.integer(0, len(seq) - 1)]

    def coin(self, p_percent: int = 50) -> bool:
        return self.integer(0, 99) < p_percent


class RandomChooser(Chooser):
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)


class DrawChooser(Chooser):
    """Choices drawn from Hypothesis (so failing pages shrink)."""

    def __init__(self, draw: Callable) -> None:
        from hypothesis import strategies as st

        self.draw, self.st = draw, st

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(self.st.integers(lo, hi))


@lru_cache(maxsize=1)
def base_pages() -> list[tuple[str, str]]:
    """(format, text) of every base page: the samples, generated reports, the texts above."""
    out: list[tuple[str, str]] = []
    for p in sorted(SAMPLES.iterdir()):
        if p.name.lower().startswith("readme"):
            continue
        if p.suffix == ".jsonl":
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    out.append(("html" if "html" in rec else "txt", rec.get("text") or rec.get("html") or ""))
        else:
            out.append(("html" if p.suffix in (".html", ".htm") else "txt", p.read_text(encoding="utf-8")))
    import sys

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import Generator

    gen = Generator(seed=2026)
    for i in range(24):
        out.append(("txt", gen.page("ru" if i % 2 else "en")))
    out += [("txt", t) for t in OWN_TEXTS]
    return out


_SENT = re.compile(r"(?<=[.!?…])\s+")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text) if s]


def _at(c: Chooser, text: str) -> int:
    return c.integer(0, len(text)) if text else 0


def _shuffle(c: Chooser, text: str) -> str:
    paras = text.split("\n")
    i = c.integer(0, len(paras) - 1)
    sents = _sentences(paras[i])
    for _ in range(min(len(sents), 4)):
        a, b = c.integer(0, len(sents) - 1), c.integer(0, len(sents) - 1)
        sents[a], sents[b] = sents[b], sents[a]
    paras[i] = " ".join(sents)
    if len(paras) > 2 and c.coin(30):
        a, b = c.integer(0, len(paras) - 1), c.integer(0, len(paras) - 1)
        paras[a], paras[b] = paras[b], paras[a]
    return "\n".join(paras)


def _drop(c: Chooser, text: str) -> str:
    sents = _sentences(text)
    if len(sents) < 2:
        return text
    del sents[c.integer(0, len(sents) - 1)]
    return " ".join(sents)


def _truncate(c: Chooser, text: str) -> str:
    return text[:_at(c, text)] if c.coin(70) else text[_at(c, text):]


def _dates(c: Chooser, text: str) -> str:
    def day(m: re.Match) -> str:
        return str(c.choice([0, 1, 29, 30, 31, 32, 99, c.integer(1, 31)]))

    if c.coin(50):
        text = re.sub(r"\b\d{1,2}\b", day, text, count=c.integer(1, 5))
    if c.coin(50):
        text = re.sub(r"\b(19|20)\d\d\b", lambda m: str(c.choice([1, 999, 1900, 2000, 2099, 9999, c.integer(1990, 2030)])),
                      text, count=c.integer(1, 3))
    if c.coin(40):
        words = [m for m in MONTHS if m in text]
        if words:
            text = text.replace(c.choice(words), c.choice(MONTHS), 1)
    if c.coin(30):
        pos = _at(c, text)
        text = text[:pos] + c.choice([" 31 февраля 2023 года ", " в тот же день ", " the same day ", " накануне ",
                                      " on Feb. 30, ", " в прошлом месяце ", " 12.13.2024 ", " 0.0.0000 ",
                                      " во вторник и в среду ", " later that day "]) + text[pos:]
    return text


def _names(c: Chooser, text: str) -> str:
    present = [n for n in NAMES if n in text]
    if present and c.coin(60):
        text = text.replace(c.choice(present), c.choice(NAMES))
    if c.coin(40):
        pos = _at(c, text)
        text = text[:pos] + " " + c.choice(NAMES) + " " + text[pos:]
    if c.coin(30):
        words = text.split(" ")
        i = c.integer(0, len(words) - 1)
        w = words[i]
        if len(w) > 2:
            j = c.integer(0, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        text = " ".join(words)
    return text


def _numbers(c: Chooser, text: str) -> str:
    return re.sub(r"\d+", lambda m: str(c.choice([0, 7, 10 ** c.integer(1, 30), -1, c.integer(0, 10 ** 6)])), text,
                  count=c.integer(1, 8))


def _markup(c: Chooser, text: str) -> str:
    for _ in range(c.integer(1, 6)):
        pos = _at(c, text)
        text = text[:pos] + c.choice(MARKUP) + text[pos:]
    return text


def _scripts(c: Chooser, text: str) -> str:
    for _ in range(c.integer(1, 6)):
        pos = _at(c, text)
        text = text[:pos] + c.choice(ODD + SCRIPTS) + text[pos:]
    if c.coin(30):
        a = _at(c, text)
        b = min(len(text), a + c.integer(1, 400))
        text = text[:a] + text[a:b].translate(LATIN_LOOKALIKE) + text[b:]
    if c.coin(10):
        text = text.upper() if c.coin(50) else text.lower()
    return text


def _long_sentence(c: Chooser, text: str) -> str:
    clause = c.choice(["министр обороны России провел переговоры с министром обороны Китая, ",
                       "the defence minister met his counterpart, ", "и ", ", ", "встреча прошла в Москве и ",
                       "Shoigu Wei Belousov ", "— ", "a" * 50])
    pos = _at(c, text)
    return text[:pos] + clause * c.integer(20, 200) + text[pos:]


def _header(c: Chooser, text: str) -> str:
    return c.choice([" date 2024-13-45 ", " date 0000-00-00 ", " date 2024-02-30\n", " date ", "date 2025-1-1 ",
                     " date 9999-12-31 "]) + text


def _whitespace(c: Chooser, text: str) -> str:
    pos = _at(c, text)
    return text[:pos] + c.choice(["\n" * c.integer(2, 200), " " * c.integer(2, 500), "\t\n \r\n"]) + text[pos:]


EDITS: list[Callable[[Chooser, str], str]] = [_shuffle, _drop, _truncate, _dates, _names, _numbers, _markup,
                                              _scripts, _long_sentence, _header, _whitespace]


def build_page(c: Chooser) -> tuple[str, str]:
    """(file suffix, page text): a base page and up to four edits."""
    fmt, text = c.choice(base_pages())
    for _ in range(c.integer(0, 4)):
        text = c.choice(EDITS)(c, text)
    if fmt == "html" and c.coin(70):
        return ".html", text
    return ".txt", text


def page_from_seed(seed: int) -> tuple[str, str]:
    return build_page(RandomChooser(random.Random(seed)))


def pages():
    """A Hypothesis strategy of (suffix, text) pages."""
    from hypothesis import strategies as st

    @st.composite
    def _page(draw):
        return build_page(DrawChooser(draw))

    return _page()


def write_pages(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """n pages from seeds seed..seed+n-1, one file each (names carry the seed, to replay one)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(seed, seed + n):
        suffix, text = page_from_seed(i)
        p = folder / f"fuzz-{i:06d}{suffix}"
        p.write_bytes(text.encode("utf-8", "surrogatepass"))
        paths.append(p)
    return paths
