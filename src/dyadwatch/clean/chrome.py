"""What one line of a page is: prose, a headline-like short line, or page chrome.

Chrome is recognised by structure (bare counters, date/time stamps, navigation lines of
short segments joined by "|" or "/", bullet meta lines) and by small vocabularies of
what sites print around an article, in Russian and English (log-in prompts, share/tag
lines, image credits, copyright and rights notices, newsletter blocks, sidebar headers).
Every vocabulary pattern is anchored at the start of the line and bounded in length, so
an article sentence that merely contains such a word is never taken for chrome."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH_RE, WEEKDAY_RE

__all__ = ["Line", "classify", "TERMINAL", "SOFT_END", "LIST_MARKER", "sentence_count"]

# A sentence end, possibly followed by closing quotes/brackets.
TERMINAL = re.compile(r"[.!?…][\"'»”’)\]]*$")
SOFT_END = re.compile(r"[;:][\"'»”’)\]]*$")
LIST_MARKER = re.compile(r"^(?:[-–—*•·▪●◦‣∙]\s|\d{1,2}[.)]\s)")
_SENT_SPLIT = re.compile(r"[.!?…][\"'»”’)]*\s+(?=[\"'«“„(]?[A-ZА-ЯЁ0-9])")
_CLOSERS = "\"'»”’)]"
_BULLET = re.compile(r"^[•·▪●◦‣∙►▶→*>|]+\s*")
_HAS_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

_I = re.I


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, _I)


# --- vocabularies (matched against the line without leading bullets) -------------------

_ACCOUNT_WORDS = (r"(?:войти|вход|выйти|выход|регистрация|зарегистрироваться|зарегистрируйтесь|sign ?in|sign ?up"
                  r"|sign ?out|log ?in|log ?out|register|subscribe|подписаться|оформить подписку|my account"
                  r"|личный кабинет|профиль|profile|account)")
_LOGIN = _rx(r"^" + _ACCOUNT_WORDS + r"(?:\s*(?:[|/•·,]|или|or|and|и)\s*" + _ACCOUNT_WORDS + r")*\s*[.!]?$"
             r"|^(?:войти|войдите|sign in|log in|login)\s+(?:через|with|using|via)\s+\S+.{0,30}$")
_COMMENT = _rx(r"^(?:комментари\w*|comments?|discussion|обсуждение|отзывы)\s*[:(]?\s*\d*\s*\)?\s*$"
               r"|^(?:хотите|want to|do you want to|would you like to)\b.{0,80}(?:комментари|comment)"
               r"|^(?:оставить|оставьте|написать|напишите|добавить|leave|add|post|write|show|показать|view|read)\s+"
               r"(?:a\s+|your\s+|all\s+)?(?:комментари|comment).{0,40}$"
               r"|^(?:\d+\s+)?(?:comments?|комментари\w*)\s*\(\d+\)\s*$")
_COUNTER = re.compile(r"^[\d\s.,]+(?:k|к|тыс\.?|млн\.?)?$", _I)
_COUNTER_LABELLED = _rx(r"^(?:просмотр\w*|views?|прочтени\w*|прочитал\w*|reads?|показ\w*|likes?|shares?|лайк\w*)"
                        r"\s*[:\-–]?\s*[\d\s.,]+(?:k|к|тыс\.?)?(?:\s*[|•·]\s*.{0,60})?$"
                        r"|^[\d\s.,]+(?:k|к|тыс\.?)?\s*(?:просмотр\w*|views?|comments?|комментари\w*|reads?|likes?"
                        r"|shares?)$")
_CREDIT = _rx(r"^(?:©\s*)?(?:image source|images?|photos?|photograph(?:er)?|pictures?|pic|credits?|illustration"
              r"|photo ?credit|photo source|cover photo|caption|video|фото(?:графи[яи])?|видео|иллюстраци[яи]"
              r"|изображение|инфографика|источник (?:изображения|фото|иллюстрации|видео)|фото на (?:обложке|анонсе)"
              r"|главное фото|коллаж)\s*(?:[:|—–]|-\s|by\b|courtesy\b)"
              r"|^(?:фото|photo)\s+(?:©|тасс|риа|afp|reuters|ap|getty|epa|ani|pti|xinhua|tass|ria|shutterstock)\b")
_COPYRIGHT = _rx(r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}|\w+ ©)|all rights reserved|все права (?:защищены|принадлежат)"
                 r"|права на (?:данный |этот |настоящий )?материал|материал размещ[её]н|the rights to this material"
                 r"|the material is placed|при (?:использовании|цитировании|перепечатке|полном или частичном)"
                 r"|полное или частичное (?:использование|копирование|воспроизведение)|перепечатка"
                 r"|использование материалов|любое использование|reproduction of|no part of this"
                 r"|used with the permission|сетевое издание|свидетельство о регистрации|учредитель:"
                 r"|(?:18|16|12|6|0)\+$)")
_RIGHTS_ANYWHERE = _rx(r"all rights reserved|все права защищены")
_TAGS = _rx(r"^(?:теги|тэги|tags?|метки|topics|related topics|ключевые слова|keywords|рубрик[аи]|категори[яи]"
            r"|categories|category|filed under|posted in|поделиться|поделитесь|share(?: this(?: article| story| page)?"
            r"| on| via)?|в новости упоминаются|the news mentions|упоминаемые лица|оцените (?:материал|статью|новость)"
            r"|rate this(?: article| story)?|сообщить об ошибке|нашли (?:ошибку|опечатку)\??|report an? (?:error|typo)"
            r"|тема|темы|сюжеты?|listen to this article|слушать (?:новость|статью)"
            r"|версия для печати|print(?: this)?(?: article| page)?|распечатать|скопировать ссылку|copy link"
            r"|send by e-?mail|e-?mail this|отправить по почте)\s*(?:[:|]|$)")
_EXACT_WORDS = frozenset("""
обновить update refresh next prev previous back top главная home меню menu поиск search закрыть close like
нравится tweet email e-mail print печать скачать download listen слушать смотреть watch страны countries персоны
persons people организации organizations vk вконтакте facebook twitter telegram телеграм одноклассники whatsapp
viber дзен linkedin reddit instagram youtube rss subscribe подписаться реклама advertisement
""".split())
_EXACT_PHRASES = frozenset({"показать ещё", "показать еще", "show more", "load more", "загрузить ещё",
                            "загрузить еще", "следующая новость", "предыдущая новость", "next article",
                            "previous article", "вернуться назад", "back to top", "go to top", "версия для печати",
                            "яндекс.дзен", "read more", "подробнее", "все новости", "skip to content",
                            "skip to main content", "перейти к содержанию", "перейти к основному содержанию",
                            "toggle navigation", "open menu", "открыть меню", "accept cookies", "принять"})
_READING = _rx(r"^(?:примерное |приблизительное |среднее )?время (?:чтения|прочтения)"
               r"|^(?:estimated )?(?:reading|read) time\b"
               r"|^(?:\d+|меньше|менее|less than a|under a|около|about)\s*(?:мин\.?|минут[аы]?|min\.?|mins?|minutes?)"
               r"\s*(?:read|reading|чтения|на чтение|to read)?\s*$"
               r"|^читать \d+ мин")
_SUBSCRIBE = _rx(r"^(?:если вы (?:заметили|нашли) (?:ошибку|опечатку)|.{0,60}ctrl\s*\+\s*enter|подписка на (?:новости|рассылку)|подпишитесь|подписывайтесь|subscribe\b|sign up (?:for|to)\b"
                 r"|get (?:the |our |\S+'s )?(?:day's |daily |weekly |latest |top )?(?:top stories|newsletter|news"
                 r"|headlines|updates|alerts)|ежедневная рассылка|еженедельная рассылка|рассылка новостей"
                 r"|newsletter|join (?:us|our)\b|присоединяйтесь|follow (?:us|\S+(?: \S+)?) on (?:telegram|twitter|facebook|x\b"
                 r"|instagram|vk|google|youtube|whatsapp|linkedin|threads|social|our)|следите за (?:нами|новостями)"
                 r"|читайте (?:нас|\S+) (?:в|на)\s+(?:telegram|телеграм|дзен|вк|вконтакте|max|соцсетях)"
                 r"|(?:мы|наш канал|наш telegram|наш телеграм) в (?:telegram|телеграм|соцсетях|дзен)"
                 r"|enable notifications|включите уведомления|download (?:the|our) app|скачайте приложение"
                 r"|we use cookies|this (?:web)?site uses cookies|мы используем (?:файлы )?cookie|сайт использует"
                 r"|by continuing to (?:use|browse))")
_AD = _rx(r"^(?:advertisement|advertising|реклама|sponsored(?: content)?|спонсорский материал"
          r"|партн[её]рский материал|на правах рекламы|promo|promoted|ad|erid:?\s*\S+)\s*$")
_BYLINE = _rx(r"^\((?:web editor|editor|editors|edited by|reporting by|writing by|editing by|ред\w*|автор\w*)"
              r"\s*:[^)]{0,100}\)$"
              r"|^(?:written by|posted by|reported by|reporting by|additional reporting by|edited by|editing by"
              r"|compiled by|story by|words by)\s*:?\s+\S.{0,120}$"
              r"|^(?:автор(?:ы)?|текст|редактор|корреспондент|author|authors|writer)\s*:\s*\S.{0,120}$"
              r"|^(?:news id|id новости|news code|article id|story id)\b"
              r"|^\(?release id\s*:\s*\d+\)?$|^visitor counter\s*:\s*[\d,]+$|^read this release in\s*:"
              r"|^our standards\s*:")
_BYLINE_BY = re.compile(r"^By\s+[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w.'’-]*){0,3}(?:\s*(?:[,|–—:-]|and)\s*.{0,50})?$")
_RELATED_INLINE = _rx(r"^(?:also read|read also|read more|read next|read|more|see also|watch|listen|related"
                      r"|related (?:article|story|news|coverage)|recommended|читайте также|также читайте|читайте"
                      r"|смотрите также|смотрите|см\. также|по теме|ещ[её] по теме|подробнее|источник|source|via)"
                      r"(?:\s*[|:›»>→]|\s+[–—-]\s)\s*\S")
_SIDEBAR = _rx(
    r"^(?:читайте также|читайте ещ[её]|читайте|также читайте|читать также|читать ещ[её]|смотрите также|см\. также"
    r"|новости по теме|по теме|другие статьи|ещ[её] статьи|лучшее за (?:неделю|месяц|день)|в эфире"
    r"|материалы по теме|ещ[её] по теме|ещ[её] новости|другие новости(?: .{0,30})?|другие материалы(?: .{0,30})?"
    r"|похожие (?:новости|материалы|статьи|публикации)|связанные (?:новости|материалы|статьи)|обсуждаемое"
    r"|самое обсуждаемое|популярное|популярные (?:новости|материалы|статьи)|самое (?:популярное|читаемое|интересное"
    r"|важное|главное|свежее|просматриваемое|обсуждаемое)(?: .{0,30})?|топ[- ]?\d*(?: .{0,30})?"
    r"|главное(?: за (?:день|неделю|сутки|сегодня))?|главные (?:новости|события)(?: .{0,30})?|последние новости"
    r"|лента новостей|новости партн[её]ров|новости компаний|выбор редакции|рекомендуем(?: прочитать)?"
    r"|вам (?:может быть|будет) интересно|вас может заинтересовать|в новости упоминаются|разделы новостей"
    r"|новое на сайте|сейчас читают|читают сейчас|сегодня читают|хроника|в других сми|новости сми2"
    r"|related(?: news| articles| stories| topics| content| posts| coverage| reading| links)?"
    r"|more (?:news|stories|from .{1,30}|on this (?:story|topic)|in .{1,30}|to read)|most (?:read|popular|viewed"
    r"|shared|commented|recent)(?: .{0,30})?|top (?:news|stories|headlines|picks)(?: .{0,30})?"
    r"|trending(?: now| news| stories)?|latest(?: news| stories| headlines| updates)"
    r"|recommended(?: for you| stories| articles| reading)?|you (?:may|might) (?:also )?(?:like|be interested(?: in)?)"
    r"|editor'?s'? picks?|don'?t miss|must read|in other news|also read|see also|read next|read more"
    r"|further reading|the news mentions|news sections|popular(?: now| news| stories)?|discussion"
    r"|what to read next|other news|news feed|from the web|around the web|partner content)\s*[:.]?$")

# --- structure --------------------------------------------------------------------------

_NAV_SPLIT = re.compile(r"\s*\|\s*|\s+[/›»>→•·]\s+")
_STAMP_LABELS = (r"(?:first published|last updated|last modified|published(?: on| at)?|updated(?: on| at)?|posted"
                 r"(?: on| at)?|created|modified|дата(?: публикации| обновления| создания)?|опубликовано"
                 r"|обновлено|изменено|добавлено|размещено|время публикации|news id|id)")
_STAMP_TOKENS = re.compile(
    r"\b" + _STAMP_LABELS + r"\b|(?<![^\W\d_])" + MONTH_RE + r"(?![^\W\d_])|(?<![^\W\d_])" + WEEKDAY_RE
    + r"(?![^\W\d_])|\b(?:at|on|в|г|гг|года?|am|pm|a\.m|p\.m|ist|gmt|utc|msk|мск|est|edt|pst|pdt|cet|cest|bst"
    r"|eet|eest|hrs|bjt|jst|kst|pkt|hst|today|yesterday|сегодня|вчера)\b|\d+(?:st|nd|rd|th)?"
    r"|[\s.,:;|/\\()\[\]–—\-+•·]", _I)
_UPDATED = _rx(r"\b(?:updated|last updated|modified|обновлено|изменено|дата обновления)\b")
_PUBLISHED = _rx(r"\b(?:published|first published|posted|опубликовано|дата публикации|время публикации"
                 r"|dated(?=\s*:)|дата(?=\s*:))\b")


def sentence_count(s: str) -> int:
    return len(_SENT_SPLIT.findall(s)) + (1 if TERMINAL.search(s) else 0)


@dataclass(slots=True)
class Line:
    text: str  # the stripped line
    tag: str | None  # None for text; "blank"; else the kind of chrome
    words: int
    prose: bool  # a paragraph of running text (long enough, ends like a sentence)
    terminal: bool  # ends with . ! ? … (and closing quotes)
    soft: bool  # ends with ; or :


def _is_stamp(low: str, s: str) -> bool:
    """A line made only of a date and/or time (with labels such as "Published:", weekday,
    time zone), or of one plus an outlet name: "22.02.2020 | 16:05", "8 ноября 2018, 15:22",
    "(Xinhua) 08:33, December 28, 2021", "Published - September 04, 2020 03:21 pm IST - NEW DELHI".
    A dateline ("Москва, 24 августа", "Baku, Azerbaijan, March 29") is not a stamp."""
    if not _HAS_DIGIT.search(s) or len(s) > 120:
        return False
    if _STAMP_LEAD.match(low):
        return True
    residue = _STAMP_TOKENS.sub("", low)
    if not residue:
        return True
    if (_TIME.search(s) or _YEAR.search(s)) and len(residue) <= 30:
        return not _OUTLET_WORDS.sub("", residue)
    return False


_OUTLET_WORDS = re.compile(r"\b(?:xinhua|синьхуа|тасс|tass|afp|reuters|ap|mna|риа новости|ria novosti|интерфакс"
                           r"|interfax|цамто|tsamto|аиф|trend|pib|ani|pti)\b", _I)
_STAMP_LEAD = re.compile(r"^" + _STAMP_LABELS + r"\s*[:\-–—]?\s*(?:" + WEEKDAY_RE + r"[\s,]*)?(?:" + MONTH_RE
                         + r"[\s,]*)?\d", _I)


def _is_nav(s: str, words: int) -> bool:
    """Short segments joined by | or / ›: "Общество | Политика | В мире", "Новости / Политика",
    "AFP | Published: 23 Sep 2021, 09:10"."""
    if words > 24 or len(s) > 200:
        return False
    parts = [p for p in _NAV_SPLIT.split(s) if p.strip()]
    if len(parts) < 2 or not _NAV_SPLIT.search(s):
        return False
    if TERMINAL.search(s) and not s.endswith((")", "»")) and len(parts[-1].split()) > 3:
        return False
    return all(len(p.split()) <= 7 for p in parts)


def classify(raw: str) -> Line:
    s = raw.strip()
    if not s:
        return Line(s, "blank", 0, False, False, False)
    words = len(s.split())
    tail = s.rstrip(_CLOSERS)
    terminal = bool(tail) and tail[-1] in ".!?…"
    soft = bool(tail) and tail[-1] in ";:"
    n = len(s)
    prose = (terminal and (n >= 80 or words >= 10)) or n >= 250
    core = _BULLET.sub("", s)
    low = core.lower()
    bulleted = len(core) != n
    tag = _chrome_tag(s, core, low, words, n, prose, terminal)
    if tag is None and bulleted and (_COUNTER.match(core) or _is_stamp(low, core)):
        tag = "meta"
    elif tag in ("counter", "stamp") and bulleted:
        tag = "meta"
    return Line(s, tag, words, prose, terminal, soft)


def _chrome_tag(s: str, core: str, low: str, words: int, n: int, prose: bool, terminal: bool) -> str | None:
    if _COPYRIGHT.match(low) or (n < 250 and _RIGHTS_ANYWHERE.search(low)):
        return "copyright"
    if _CREDIT.match(low):
        return "credit"
    if _RELATED_INLINE.match(low) and n < 300:
        return "related"
    if prose and n > 160:
        return None
    if _COUNTER.match(core) or _COUNTER_LABELLED.match(low):
        return "counter"
    if n <= 120:
        bare = low.rstrip(" :.!")
        if bare in _EXACT_WORDS or bare in _EXACT_PHRASES:
            return "ui"
        if _SIDEBAR.match(low) and words <= 8 and not terminal:
            return "sidebar"
        if _LOGIN.match(low):
            return "login"
        if _READING.match(low):
            return "reading"
        if _AD.match(low):
            return "ad"
        if low.startswith("#") and (core.count("#") >= 2 or words <= 4) and not TERMINAL.search(core):
            return "hashtags"
        if _is_stamp(low, core):
            return "stamp"
    if n <= 200:
        if _COMMENT.match(low):
            return "comment"
        if _TAGS.match(low):
            return "tags"
        if _SUBSCRIBE.match(low):
            return "subscribe"
        if _BYLINE.match(low) or (words <= 10 and not s.endswith(".") and _BYLINE_BY.match(core)):
            return "byline"
        if _is_nav(core, words):
            return "nav"
    return None


def is_updated_label(s: str) -> bool:
    return bool(_UPDATED.search(s)) and not _PUBLISHED.search(s)


def is_published_label(s: str) -> bool:
    return bool(_PUBLISHED.search(s))
