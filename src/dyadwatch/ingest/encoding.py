"""Bytes -> text: BOMs and strict UTF-8 first, then charset-normalizer.

Order of decisions (cheap and certain first):
1. known binary signatures (PDF, ZIP, PNG...) and empty input are rejected;
2. a BOM (UTF-8, UTF-16, UTF-32) decides;
3. NUL bytes: only BOM-less UTF-16/32 (as charset-normalizer detects it) is accepted;
4. strict UTF-8 wins when it decodes cleanly;
5. otherwise charset-normalizer, first among the single-byte encodings of Russian and
   English pages (windows-1251, KOI8-R, CP866, Mac Cyrillic, ISO-8859-5, windows-1252...),
   then tolerant, then unrestricted. Short Cyrillic texts often score several encodings equally (no
   "chaos" in any): the tie is broken by letter frequencies, which is what tells a
   windows-1251 "Минск" from its KOI8-R or windows-1252 misreadings.
Every decoded text is checked for control characters, which catches binary files that
happen to decode."""
from __future__ import annotations

import codecs
import math
import re

import charset_normalizer

__all__ = ["DecodeError", "decode_bytes"]


class DecodeError(ValueError):
    """The bytes are not a readable text page; the message is the human reason."""


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/Office archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The single-byte encodings Russian and English pages come in.
_SINGLE_BYTE = ["cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5", "cp1252", "iso8859_15"]
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]

# C0 controls other than tab/newlines/form feed, DEL, C1 controls, U+FFFD.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Characters a Russian or English page is made of (for BOM-less UTF-16 plausibility).
_EXPECTED = re.compile(r"[\t\n\r\x20-\x7e\xa0-\u052f\u2000-\u206f\u20ac\u2116\u2122]")

# Letter frequencies (per cent) of Russian and English running text.
_RU_FREQ = dict(zip("оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё",
                    (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98,
                     2.81, 2.62, 2.01, 1.90, 1.74, 1.65, 1.59, 1.70, 1.44, 1.21, 0.97, 0.94, 0.73,
                     0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04)))
_EN_FREQ = dict(zip("etaoinshrdlcumwfgypbvkjxqz",
                    (12.7, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3, 4.0, 2.8, 2.8, 2.4, 2.4,
                     2.2, 2.0, 2.0, 1.9, 1.5, 1.0, 0.8, 0.15, 0.15, 0.1, 0.07)))
_LOGP = {ch: math.log(p / 100.0) for ch, p in {**_RU_FREQ, **_EN_FREQ}.items()}
_LOGP_OTHER = math.log(1e-4)
_LOGP_ODD_CASE = math.log(1e-3)
# Non-letters above ASCII that pages really use; any other one counts against a decoding.
_COMMON_SYMBOLS = frozenset("\xa0«»—–…№“”„‘’•·°©®™€§±×")


def _plausibility(text: str) -> float:
    """Mean log-probability of the letters of `text` as Russian or English (higher is
    more plausible), with penalties for a capital inside a lower-case word, for a word
    that switches script and for unusual symbols. Only used to break ties between equally clean decodings."""
    total, n = 0.0, 0
    prev = ""
    for ch in text[:20000]:
        if ch.isalpha():
            low = ch.lower()
            total += _LOGP.get(low, _LOGP_OTHER)
            if prev:
                if ch.isupper() and prev.islower():
                    total += _LOGP_ODD_CASE
                if (ord(prev) < 0x400) != (ord(ch) < 0x400):
                    total += _LOGP_ODD_CASE
            prev = ch
            n += 1
        else:
            prev = ""
            if ch >= "\x80" and ch not in _COMMON_SYMBOLS:
                total += _LOGP_ODD_CASE
                n += 1
    return total / n if n else -100.0


def _check_text(text: str, encoding: str) -> None:
    sample = text[:200000]
    if not sample:
        return
    bad = len(_BAD_CHARS.findall(sample))
    if bad and bad > max(2, len(sample) // 100):
        raise DecodeError(f"not a text page: {bad} control characters after decoding as {encoding} (binary file?)")


def _signature(data: bytes) -> str | None:
    for sig, name in _SIGNATURES:
        if data.startswith(sig):
            return name
    return None


def _best_of(data: bytes, isolation: list[str] | None, threshold: float = 0.2) -> str | None:
    try:
        matches = charset_normalizer.from_bytes(data, cp_isolation=isolation, threshold=threshold)
    except Exception:  # pragma: no cover - defensive: the detector must not crash a run
        return None
    if not matches:
        return None
    best = matches.best()
    if best is None:
        return None
    # Several encodings without any chaos: let letter frequencies decide between them.
    tied = [m.encoding for m in matches if m.chaos <= best.chaos + 1e-9]
    if len(tied) > 1:
        scored = []
        for enc in tied:
            try:
                scored.append((_plausibility(data.decode(enc)), enc))
            except (UnicodeDecodeError, LookupError):
                continue
        if scored:
            return max(scored, key=lambda t: t[0])[1]
    return best.encoding


def _single_byte_letters(data: bytes) -> str | None:
    """The pages we read are Russian or English: a Cyrillic single-byte encoding that turns the
    bytes into letters (however odd their order) beats a far-eastern multi-byte one."""
    best = None
    for enc in ("cp1251", "koi8_r"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        ok = sum(1 for c in text if c.isspace() or c in ".,;:!?-()\"'«»–—" or
                 ("a" <= c.lower() <= "z") or ("\u0400" <= c <= "\u04ff"))
        if ok >= 0.85 * len(text):
            score = _plausibility(text)
            if best is None or score > best[0]:
                best = (score, enc)
    return best[1] if best else None


def _decode_wide(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16/32 (the bytes contain NULs)."""
    enc = _best_of(data, _WIDE)
    candidates = [enc] if enc else []
    candidates += [e for e in _WIDE if e not in candidates]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        sample = text[:20000]
        if sample and len(_EXPECTED.findall(sample)) >= 0.95 * len(sample):
            return text, enc.replace("_", "-")
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or DecodeError with a human reason."""
    if not data:
        raise DecodeError("empty file (0 bytes)")
    sig = _signature(data)
    if sig:
        raise DecodeError(f"binary file ({sig}), not a text page")
    enc: str | None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {enc} byte-order mark but does not decode as {enc}: {exc.reason}") from None
            _check_text(text, enc)
            return text, enc
    if b"\x00" in data:
        wide = _decode_wide(data)
        if wide is None:
            raise DecodeError("contains NUL bytes: a binary file, not a text page")
        _check_text(*wide)
        return wide
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        try:
            _check_text(text, "utf-8")
        except DecodeError:
            # Control characters in "valid UTF-8" may be BOM-less UTF-16 Cyrillic (no NULs).
            wide = _decode_wide(data) if len(data) % 2 == 0 else None
            if wide is None:
                raise
            return wide
        return text, "utf-8"
    # Russian/English single-byte encodings first; for odd texts that look "chaotic" to the
    # detector (long runs of one letter) the same again with a tolerant threshold, which beats
    # reading windows-1251 bytes as Korean; only then any encoding.
    enc = _best_of(data, _SINGLE_BYTE) or _best_of(data, _SINGLE_BYTE, 0.6) or _single_byte_letters(data) \
        or _best_of(data, None)
    if enc is None:
        raise DecodeError("cannot determine the text encoding (binary or corrupt file?)")
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        raise DecodeError(f"cannot decode the file (detected encoding {enc} fails)") from None
    name = codecs.lookup(enc).name
    _check_text(text, name)
    return text, name
