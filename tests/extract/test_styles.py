"""Pages in the styles of several outlets, written for these tests."""
import datetime as dt

from dyadwatch.extract import extract_events
from dyadwatch.model import Document


def run(text, lang, published=None):
    return sorted(extract_events(Document("t.txt", lang=lang, published=published, text=text)),
                  key=lambda e: (e.date, e.countries))


PIB = """Raksha Mantri holds bilateral talks with Vietnamese counterpart in Hanoi

Posted On: 08 JUN 2022 5:30PM by PIB Delhi

Raksha Mantri Shri Rajnath Singh held bilateral talks with the Minister of National Defence of Vietnam General Phan Van Giang in Hanoi on June 08, 2022. Both Ministers reviewed the ongoing defence cooperation initiatives and agreed to expand training.

The two Ministers signed a Joint Vision Statement on India-Vietnam Defence Partnership towards 2030. A Memorandum of Understanding on Mutual Logistics Support was also signed in the presence of the two Ministers."""


def test_pib_style_page():
    (ev,) = run(PIB, "en", dt.date(2022, 6, 8))
    assert (ev.date, ev.countries, ev.mode, ev.location.name) == ("2022-06-08", ["IND", "VNM"], "in_person", "Hanoi")
    assert {d.type for d in ev.documents} == {"statement", "memorandum"}
    assert {p.entity_id for p in ev.participants} >= {"p:singh-rajnath"}
    assert any("Giang" in p.name for p in ev.participants)


XINHUA = """Chinese defense minister meets US, Japanese counterparts in Singapore

SINGAPORE, June 11 (Xinhua) -- Chinese State Councilor and Defense Minister Wei Fenghe met with U.S. Secretary of Defense Lloyd Austin on the sidelines of the 19th Shangri-La Dialogue in Singapore on Friday.

Wei said the two militaries should manage risks and avoid conflict.

Wei also held talks with Japanese Defense Minister Nobuo Kishi on Saturday, discussing the situation in the East China Sea."""


def test_two_meetings_on_consecutive_days_are_both_reported():
    evs = run(XINHUA, "en", dt.date(2022, 6, 11))
    assert [(e.date, e.countries, e.referenced) for e in evs] == [
        ("2022-06-10", ["CHN", "USA"], False), ("2022-06-11", ["CHN", "JPN"], False)]
    assert evs[0].setting == "Shangri-La Dialogue"
    assert evs[0].location.name == "Singapore" and evs[0].plover["mode"] in ("multilateral", "third-party")


TASS_CGS = """Герасимов и глава Генштаба НОАК провели переговоры по видеосвязи

МОСКВА, 15 ноября. /ТАСС/. Начальник Генерального штаба Вооруженных сил России генерал армии Валерий Герасимов во вторник провел переговоры в режиме видеоконференции с начальником Объединенного штаба Центрального военного совета КНР генералом Лю Чжэньли. Об этом сообщили в Минобороны РФ.

Стороны обсудили военное сотрудничество и вопросы стратегической стабильности."""


def test_chiefs_of_staff_by_video():
    (ev,) = run(TASS_CGS, "ru", dt.date(2022, 11, 15))
    assert (ev.date, ev.countries, ev.mode, ev.location) == ("2022-11-15", ["CHN", "RUS"], "video", None)
    assert {p.name for p in ev.participants} == {"Valery Gerasimov", "Liu Zhenli"}
    assert "strategic_stability" in ev.topics and ev.cameo == "041"


MINISTRY = """Министр обороны Беларуси провел встречу с военной делегацией Вьетнама

18.05.2023

Министр обороны Республики Беларусь генерал-лейтенант Виктор Хренин в Минске встретился с делегацией Министерства национальной обороны Социалистической Республики Вьетнам во главе с заместителем министра национальной обороны генерал-полковником Хоанг Суан Чиен.

В ходе встречи стороны обсудили вопросы военного образования и подготовки кадров.

Ранее, в апреле прошлого года, министры обороны двух стран провели переговоры в Ханое."""


def test_ministry_site_with_an_earlier_meeting():
    evs = run(MINISTRY, "ru", dt.date(2023, 5, 18))  # the cleaner reads it from the page
    main = [e for e in evs if not e.referenced]
    assert [(e.date, e.countries, e.location.name) for e in main] == [("2023-05-18", ["BLR", "VNM"], "Minsk")]
    assert any(p.name == "Viktor Khrenin" for p in main[0].participants)
    assert [(e.date, e.referenced) for e in evs if e.referenced] == [("2022-04", True)]
