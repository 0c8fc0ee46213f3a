"""Properties of the dates extraction gives, over pages generated from many written forms:
no reported event is dated after its page's publication date or after today, a year the text
prints is the one used, and where neither the text nor the page fixes a date none is invented."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.extract import extract_events
from dyadwatch.model import Document

RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
RU_ABBR = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сент.", "окт", "нояб.", "дек"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
EN_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
RU_WEEKDAYS = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# pairs of officials (KB people), and when both were in office
SPANS = [(dt.date(2018, 4, 1), dt.date(2023, 3, 1)), (dt.date(2018, 8, 1), dt.date(2023, 5, 31)),
         (dt.date(2024, 6, 1), dt.date.today())]
PAIRS = [
    (("Министр обороны России Сергей Шойгу", "министром национальной обороны КНР Вэй Фэнхэ"),
     ("Russian Defence Minister Sergei Shoigu", "Chinese Defence Minister Wei Fenghe")),
    (("Министр обороны Азербайджана Закир Гасанов", "министром национальной обороны Турции Хулуси Акаром"),
     ("Azerbaijani Defence Minister Zakir Hasanov", "Turkish Defence Minister Hulusi Akar")),
    (("Министр обороны Беларуси Виктор Хренин", "министром обороны России Андреем Белоусовым"),
     ("Belarusian Defence Minister Viktor Khrenin", "Russian Defence Minister Andrei Belousov")),
]
FORMS = ["none", "dm", "dmy", "numeric", "iso", "abbr", "range", "weekday", "weekday_dm", "yesterday", "today",
         "last_week"]


def date_phrase(form, lang, day: dt.date, rng_day):
    m = day.month - 1
    if lang == "ru":
        return {
            "none": "", "dm": f"{day.day} {RU_MONTHS[m]}", "dmy": f"{day.day} {RU_MONTHS[m]} {day.year} года",
            "numeric": f"{day.day:02d}.{day.month:02d}.{day.year} г.", "iso": day.isoformat(),
            "abbr": f"{day.day} {RU_ABBR[m]}", "range": f"{day.day}–{rng_day} {RU_MONTHS[m]}",
            "weekday": f"в {RU_WEEKDAYS[day.weekday()]}",
            "weekday_dm": f"в {RU_WEEKDAYS[day.weekday()]}, {day.day} {RU_MONTHS[m]},",
            "yesterday": "накануне", "today": "сегодня", "last_week": "на прошлой неделе",
        }[form]
    return {
        "none": "", "dm": f"on {EN_MONTHS[m]} {day.day}", "dmy": f"on {EN_MONTHS[m]} {day.day}, {day.year},",
        "numeric": f"on {day.day:02d}/{day.month:02d}/{day.year}" if day.day > 12 else f"on {day.isoformat()}",
        "iso": f"on {day.isoformat()}", "abbr": f"on {EN_ABBR[m]} {day.day}",
        "range": f"on {EN_MONTHS[m]} {day.day}-{rng_day}", "weekday": f"on {EN_WEEKDAYS[day.weekday()]}",
        "weekday_dm": f"on {EN_WEEKDAYS[day.weekday()]}, {EN_MONTHS[m]} {day.day},",
        "yesterday": "yesterday", "today": "today", "last_week": "last week",
    }[form]


def page(lang, pair, form, day, rng_day):
    a, b = PAIRS[pair][0 if lang == "ru" else 1]
    when = date_phrase(form, lang, day, rng_day)
    if lang == "ru":
        return (f"Министры обороны провели переговоры\n\n{a} {when} провел переговоры с {b}.\n\n"
                "Стороны обсудили военное сотрудничество.")
    return (f"Defence ministers hold talks\n\n{a} held talks with {b} {when}.\n\n"
            "The two ministers discussed military cooperation.")


def first_day(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lang=st.sampled_from(["ru", "en"]), pair=st.integers(0, len(PAIRS) - 1), form=st.sampled_from(FORMS),
       at=st.floats(0, 1), lag=st.integers(0, 400),
       has_published=st.booleans(), url_form=st.sampled_from([None, "path", "slug_year", "compact"]))
def test_dates_never_after_publication_or_today_and_never_invented(lang, pair, form, at, lag, has_published,
                                                                   url_form):
    lo, hi = SPANS[pair][0] + dt.timedelta(days=31), SPANS[pair][1]  # a month in: 'last week' stays inside
    day = lo + dt.timedelta(days=int(at * (hi - lo).days))
    rng_day = min(day.day + 2, 28) if day.day < 26 else day.day
    published = day + dt.timedelta(days=lag % 30 if lag < 300 else lag)
    published = min(published, hi)
    url = {None: None, "path": f"https://news.example.org/{published:%Y/%m/%d}/talks",
           "slug_year": f"https://news.example.org/politics/talks-{published.year}",
           "compact": f"https://news.example.org/{published:%Y%m%d}/talks.html"}[url_form]
    text = page(lang, pair, form, day, rng_day)
    doc = Document(doc_id="p.txt", text=text, lang=lang, published=published if has_published else None, url=url,
                   published_basis="given" if has_published else None)
    evs = [e for e in extract_events(doc) if not e.referenced]
    assert len(evs) == 1, text  # the page reports one meeting, dated or not
    today = dt.date.today()
    for ev in evs:
        assert (ev.date is None) == (ev.date_precision is None) == (ev.date_basis is None)
        if ev.date is None:
            continue
        start = first_day(ev.date)
        assert start <= today
        if has_published or url_form in ("path", "compact"):
            assert start <= published, (text, ev.date, published)
        if form in ("dmy", "numeric", "iso"):  # the year the text prints
            assert ev.date.startswith(str(day.year)), (text, ev.date)
    fixes_nothing = not has_published and url_form is None and form in ("none", "today", "yesterday", "weekday",
                                                                         "last_week")
    if fixes_nothing:
        assert all(ev.date is None for ev in evs), [e.to_record() for e in evs]
