"""The extractor on articles written for these tests (both languages): dates, sides, people,
mode, place, documents, referred-to meetings, unknown people, year inference, merging."""
import datetime as dt

from dyadwatch.extract import extract_events
from dyadwatch.merge import merge_events
from dyadwatch.model import Document


def doc(text, lang, published=None, doc_id="t.txt"):
    return Document(doc_id=doc_id, lang=lang, published=published, text=text, title=text.split("\n")[0])


def one(events, referenced=False):
    got = [e for e in events if e.referenced is referenced]
    assert len(got) == 1, [e.to_record() for e in events]
    return got[0]


def surnames(ev):
    return sorted(p.name.split()[-1] for p in ev.participants)


RU_CALL = """Шойгу и министр обороны Индии обсудили по телефону ситуацию в регионе

МОСКВА, 14 апреля. /ТАСС/. Министр обороны России генерал армии Сергей Шойгу в четверг провел телефонный разговор с министром обороны Индии Раджнатхом Сингхом. Об этом сообщили в Минобороны РФ.

Стороны обсудили вопросы региональной безопасности и военно-технического сотрудничества."""


def test_russian_phone_call_with_weekday():
    ev = one(extract_events(doc(RU_CALL, "ru", dt.date(2022, 4, 14))))
    assert ev.date == "2022-04-14" and ev.date_precision == "day"  # a Thursday
    assert ev.countries == ["IND", "RUS"]
    assert ev.mode == "phone" and ev.location is None
    assert surnames(ev) == ["Shoigu", "Singh"]
    assert all(p.entity_id for p in ev.participants)
    assert ev.plover["event_type"] == "CONSULT" and ev.cameo == "041"
    assert "regional_security" in ev.topics
    ev_text = ev.sources[0].evidence[0]
    assert RU_CALL[ev_text.start:ev_text.end] == ev_text.text


EN_VISIT = """Vietnam, US sign deal on war legacy cooperation

HANOI, July 29 (Xinhua) -- Visiting U.S. Secretary of Defense Lloyd Austin held talks with Vietnamese Defense Minister General Phan Van Giang in Hanoi on Thursday, the Vietnamese side said.

During the meeting, the two ministers signed a memorandum of understanding on searching for the remains of soldiers missing in the war.

The two ministers had last met in a video call on May 12, 2021, the ministry said."""


def test_english_visit_with_signed_document_and_an_earlier_meeting():
    events = extract_events(doc(EN_VISIT, "en", dt.date(2021, 7, 29)))
    ev = one(events)
    assert (ev.date, ev.countries, ev.mode) == ("2021-07-29", ["USA", "VNM"], "in_person")
    assert ev.location.name == "Hanoi" and ev.location.country == "VNM"
    assert [d.type for d in ev.documents] == ["memorandum"]
    assert surnames(ev) == ["Austin", "Giang"] or surnames(ev) == ["Austin", "Phan Van Giang".split()[-1]]
    earlier = one(events, referenced=True)
    assert (earlier.date, earlier.mode, earlier.countries) == ("2021-05-12", "video", ["USA", "VNM"])


RU_UNKNOWN = """Министр обороны Молдовы встретился с китайской делегацией

КИШИНЕВ, 3 июня. Министр обороны Республики Молдова генерал-майор Ион Петреску провел переговоры с заместителем начальника Объединенного штаба Центрального военного совета КНР генерал-лейтенантом Ло Цзиньфэном.

Стороны обсудили сотрудничество в области военного образования."""


def test_people_the_kb_does_not_know_are_extracted_and_transliterated():
    ev = one(extract_events(doc(RU_UNKNOWN, "ru", dt.date(2019, 6, 3))))
    assert ev.countries == ["CHN", "MDA"]
    names = {p.country: p for p in ev.participants}
    assert names["MDA"].name == "Ion Petresku" and names["MDA"].entity_id is None
    assert names["MDA"].rank == "Major General"
    assert names["CHN"].name == "Luo Jinfeng" and names["CHN"].entity_id is None
    assert ev.location.name == "Chisinau"


EN_NO_YEAR = """Russian and Chinese defence ministers hold talks in Moscow

AGENCY, April 17th. Russian Defence Minister Sergei Shoigu held talks in Moscow with Chinese Defence Minister Li Shangfu, who arrived in Russia on an official visit.

The ministers discussed military cooperation and joint exercises."""


def test_year_inferred_from_the_participants_tenures():
    ev = one(extract_events(doc(EN_NO_YEAR, "en", None)))
    assert ev.date == "2023-04-17"  # Li Shangfu was minister only in 2023
    assert ev.confidence < 0.8
    assert ev.location.name == "Moscow"
    assert {"military_cooperation", "joint_exercises"} <= set(ev.topics)


RU_INFLECTED = """Белоусов провел переговоры с Дун Цзюнем

Министр обороны РФ Андрей Белоусов провел переговоры с министром обороны КНР адмиралом Дун Цзюнем в Пекине в среду.

В ходе переговоров Белоусов отметил высокий уровень взаимодействия."""


def test_inflected_russian_names_resolve_to_the_kb():
    ev = one(extract_events(doc(RU_INFLECTED, "ru", dt.date(2025, 3, 12))))
    ids = {p.entity_id for p in ev.participants}
    assert {"p:belousov-andrei", "p:dong-jun"} <= ids
    dong = next(p for p in ev.participants if p.entity_id == "p:dong-jun")
    assert dong.name == "Dong Jun" and dong.rank == "Admiral" and dong.country == "CHN"
    assert ev.location.name == "Beijing" and ev.date == "2025-03-12"


RU_DOMESTIC = """В Москве прошло заседание коллегии Минобороны

Сегодня под руководством министра обороны Российской Федерации генерала армии Сергея Шойгу состоялось заседание коллегии военного ведомства.

Участники обсудили ход выполнения плана подготовки войск на текущий год."""


def test_a_domestic_board_is_not_an_event():
    assert extract_events(doc(RU_DOMESTIC, "ru", dt.date(2021, 3, 2))) == []


RU_SAME = """Шойгу и Ли Шанфу провели переговоры в Москве

МОСКВА, 17 апреля. /ТАСС/. Министр обороны России Сергей Шойгу провел в понедельник переговоры с министром национальной обороны КНР Ли Шанфу, который прибыл в Москву с официальным визитом."""


def test_the_same_meeting_in_two_languages_is_one_record():
    ru = extract_events(doc(RU_SAME, "ru", dt.date(2023, 4, 17), doc_id="ru.txt"))
    en = extract_events(doc(EN_NO_YEAR, "en", dt.date(2023, 4, 17), doc_id="en.txt"))
    merged = merge_events(ru + en)
    assert len(merged) == 1
    assert [s.doc_id for s in merged[0].sources] == ["en.txt", "ru.txt"]
    assert {s.lang for s in merged[0].sources} == {"ru", "en"}


EN_PLANNED = """Ministers to meet next week

ANKARA, March 2 -- Turkish Defence Minister Hulusi Akar held talks with Azerbaijani Defence Minister Zakir Hasanov in Ankara on Monday.

The two ministers will meet again in Baku on March 20, officials said."""


def test_planned_meeting_is_referenced():
    events = extract_events(doc(EN_PLANNED, "en", dt.date(2020, 3, 2)))
    main = one(events)
    assert (main.date, main.countries) == ("2020-03-02", ["AZE", "TUR"])
    planned = one(events, referenced=True)
    assert planned.date == "2020-03-20" and planned.location.name == "Baku"


def test_a_hyphenated_rank_wins_over_its_part_whatever_the_set_order():
    from dyadwatch.extract.mentions import PhraseMatcher
    from dyadwatch.nlp import Token

    m = PhraseMatcher({("генерал-полковник",): "Colonel General", ("полковник",): "Colonel"})
    for keys in (["полковник", "генерал-полковник"], ["генерал-полковник", "полковник"]):
        tok = Token("генерал-полковником", 0, 19, frozenset(keys))
        assert m.match_at([tok], 0)[1] == "Colonel General"


EN_GIVEN_NAME_LIKE_RANK = """US and Japanese defence chiefs talk by phone

WASHINGTON, Nov. 5. US Secretary of Defense Lloyd Austin held a phone call on Tuesday with Japanese Minister of Defense Gen Nakatani about the alliance's command structure."""


def test_a_known_given_name_that_reads_as_a_rank_stays_a_name():
    ev = one(extract_events(doc(EN_GIVEN_NAME_LIKE_RANK, "en", dt.date(2024, 11, 5))))
    naka = next(p for p in ev.participants if p.country == "JPN")
    assert (naka.name, naka.rank, naka.entity_id) == ("Gen Nakatani", None, "p:nakatani-gen")
    assert ev.mode == "phone" and ev.date == "2024-11-05"  # a Tuesday


RU_SENIOR_GENERAL = """Министры обороны Белоруссии и Мьянмы провели переговоры

МИНСК, 3 марта. Министр обороны Республики Беларусь генерал-лейтенант Виктор Хренин в понедельник провел переговоры с главнокомандующим вооруженными силами Мьянмы старшим генералом Мин Аун Хлайном."""


def test_compound_ranks_are_read_whole():
    ev = one(extract_events(doc(RU_SENIOR_GENERAL, "ru", dt.date(2025, 3, 3))))
    ranks = {p.country: p.rank for p in ev.participants}
    assert ranks == {"BLR": "Lieutenant General", "MMR": "Senior General"}
    assert ev.date == "2025-03-03" and ev.location.name == "Minsk"


EN_NAMESAKES = """India and Armenia review defence cooperation

NEW DELHI, April 9. The India-Armenia Joint Working Group on Defence Cooperation met in New Delhi on Wednesday. The Indian delegation was led by Defence Secretary Rajesh Kumar Singh and the Armenian side by Deputy Defence Minister Arman Sargsyan."""


def test_a_shared_surname_with_other_given_names_is_not_the_kb_person():
    ev = one(extract_events(doc(EN_NAMESAKES, "en", dt.date(2025, 4, 9))))
    people = {p.name: p.entity_id for p in ev.participants}
    assert people == {"Rajesh Kumar Singh": None, "Arman Sargsyan": None}  # not Rajnath Singh, Vigen Sargsyan
    assert ev.setting == "Armenia–India Working Group" and ev.location.name == "New Delhi"


EN_FORUM_SIDELINES = """Armenian and Indian defence ministers meet

NEW DELHI, Aug 20. Armenia's Minister of Defence Suren Papikyan met Indian Defence Minister Rajnath Singh on the sidelines of the International Defence Dialogue in New Delhi on Wednesday."""


def test_a_named_forum_on_whose_sidelines_they_met_is_the_setting():
    ev = one(extract_events(doc(EN_FORUM_SIDELINES, "en", dt.date(2025, 8, 20))))
    assert ev.setting == "International Defence Dialogue"
    assert sorted(p.entity_id for p in ev.participants) == ["p:papikyan-suren", "p:singh-rajnath"]


EN_UNKNOWN_CDF = """Kenyan and Ethiopian defence chiefs hold talks

NAIROBI, Oct 28. Kenya's Chief of Defence Forces General Charles Kahariri hosted his Ethiopian counterpart, Field Marshal Birhanu Jula, in Nairobi on Tuesday for talks on border security."""


def test_an_official_the_kb_lacks_is_read_from_his_title_in_english():
    ev = one(extract_events(doc(EN_UNKNOWN_CDF, "en", dt.date(2025, 10, 29))))
    ken = next(p for p in ev.participants if p.country == "KEN")
    assert (ken.name, ken.role, ken.rank, ken.entity_id) == ("Charles Kahariri", "Chief of Defence Forces", "General", None)
    assert ev.countries == ["ETH", "KEN"] and ev.date == "2025-10-28" and ev.location.name == "Nairobi"


RU_OTHER_SPELLING = """Министры обороны Белоруссии и Вьетнама обсудили подготовку кадров

МИНСК, 23 сентября. Министр обороны Белоруссии генерал-лейтенант Виктор Хренин в четверг провел переговоры с министром обороны Вьетнама генералом Фан Ван Зянгом."""


def test_a_name_the_kb_spells_otherwise_resolves_to_the_office_holder_of_the_day():
    # the KB spells him 'Фан Ван Жанг'; 'Ван' alone is also Wang Yi's and a Turkish town's name
    ev = one(extract_events(doc(RU_OTHER_SPELLING, "ru", dt.date(2021, 9, 23))))
    assert ev.countries == ["BLR", "VNM"]
    assert sorted(p.entity_id for p in ev.participants) == ["p:khrenin-viktor", "p:phan-van-giang"]


def test_the_same_spelling_outside_the_holders_tenure_stays_unknown():
    ev = one(extract_events(doc(RU_OTHER_SPELLING.replace("23 сентября", "22 сентября"), "ru",
                                dt.date(2016, 9, 22))))  # a Thursday, before his tenure
    vnm = next(p for p in ev.participants if p.country == "VNM")
    assert vnm.entity_id is None and vnm.name == "Fan Van Zyang"


RU_EARLIER_CALLS = """Белоусов провел переговоры с министром обороны Малайзии

Министр обороны Российской Федерации Андрей Белоусов в пятницу в режиме видеоконференции провел переговоры с министром обороны Малайзии Мохамедом Халедом Нордином. В прошлом месяце министры обсуждали по телефону подготовку к выставке.
Ранее, 12 декабря, Белоусов по телефону обсудил с ним ситуацию в регионе."""


def test_earlier_calls_told_in_passing_are_referenced_events():
    events = extract_events(doc(RU_EARLIER_CALLS, "ru", dt.date(2025, 2, 14)))
    main = one(events)
    assert (main.date, main.mode) == ("2025-02-14", "video")
    earlier = sorted((e.date, e.mode) for e in events if e.referenced)
    assert earlier == [("2024-12-12", "phone"), ("2025-01", "phone")]
    assert all(e.countries == ["MYS", "RUS"] for e in events)


EN_LAST_MONTH = """US and Philippine defence chiefs meet

WASHINGTON, Sept. 12. Defense Secretary Lloyd Austin met Thursday with Philippine Defense Secretary Gilberto Teodoro at the Pentagon. Last month, the two men spoke by phone about the South China Sea."""


def test_last_month_gives_a_month_precise_earlier_call():
    events = extract_events(doc(EN_LAST_MONTH, "en", dt.date(2024, 9, 12)))
    assert one(events).date == "2024-09-12"
    ref = one(events, referenced=True)
    assert (ref.date, ref.date_precision, ref.mode) == ("2024-08", "month", "phone")


EN_COMMISSION = """India and Russia hold commission meeting

NEW DELHI, Dec. 10. Defence Minister Rajnath Singh and Russian Defence Minister Andrei Belousov co-chaired the meeting of the India-Russia Inter-Governmental Commission on Military Technical Cooperation in Moscow on Tuesday. Both sides signed the Protocol of the meeting."""


def test_a_bilateral_commission_without_a_hyphen_is_still_military_technical():
    ev = one(extract_events(doc(EN_COMMISSION, "en", dt.date(2024, 12, 10))))
    assert ev.setting == "India–Russia Commission on Military-Technical Cooperation"
    assert "military_technical_cooperation" in ev.topics and [d.type for d in ev.documents] == ["protocol"]
    assert ev.location.name == "Moscow"


EN_HYPHENATED = """South Korean and Japanese defence ministers meet

SINGAPORE, June 2. Defense Minister Song Young-moo of South Korea held talks with Japanese Defense Minister Itsunori Onodera on the sidelines of the Shangri-La Dialogue on Saturday."""


def test_a_hyphenated_korean_name_is_the_kb_person():
    ev = one(extract_events(doc(EN_HYPHENATED, "en", dt.date(2018, 6, 2))))
    assert sorted(p.entity_id for p in ev.participants) == ["p:onodera-itsunori", "p:song-young-moo"]
    assert ev.countries == ["JPN", "KOR"] and ev.setting == "Shangri-La Dialogue" and ev.date == "2018-06-02"


EN_DATELINE_COUNTRY = """US and Chinese defence chiefs meet in Cambodia

SIEM REAP, CAMBODIA — U.S. Defense Secretary Lloyd Austin met China's Defense Minister Wei Fenghe on Tuesday on the sidelines of the ADMM-Plus, the first such meeting since the two countries' leaders met in Bali last week.
Austin arrived in Cambodia after a stop in Indonesia, where he met Defense Minister Prabowo Subianto on Monday."""


def test_a_country_in_the_dateline_is_not_a_side_and_a_since_clause_is_not_the_place():
    events = extract_events(doc(EN_DATELINE_COUNTRY, "en", dt.date(2022, 11, 22)))
    chn = next(e for e in events if e.countries == ["CHN", "USA"])
    assert chn.date == "2022-11-22" and chn.location.name == "Siem Reap"
    idn = next(e for e in events if e.countries == ["IDN", "USA"])
    assert idn.date == "2022-11-21" and idn.location is None  # in Indonesia, not at the dateline


EN_DECLINED = """China's defence minister declines to meet Austin

VIENTIANE, Laos (AP) — Chinese Defense Minister Adm. Dong Jun declined to meet with U.S. Defense Secretary Lloyd Austin on the sidelines of a gathering of defense ministers in Laos this week, the Pentagon said Wednesday.
Austin and Dong last met in person in Singapore in May on the sidelines of the Shangri-La Dialogue."""


def test_a_refused_meeting_is_no_event_and_the_last_one_is_referenced():
    events = extract_events(doc(EN_DECLINED, "en", dt.date(2024, 11, 20)))
    ref = one(events, referenced=True)
    assert (ref.date, ref.mode, ref.location.name) == ("2024-05", "in_person", "Singapore")
    assert not [e for e in events if not e.referenced]


RU_EARLIER_IN_TOWN = """Министры обороны России и Азербайджана провели переговоры

МОСКВА, 14 мая. Министр обороны России Сергей Шойгу провел переговоры с министром обороны Азербайджана Закиром Гасановым. Предыдущая встреча министров обороны двух стран состоялась в марте 2019 года в Кубинке."""


def test_an_earlier_meeting_in_a_named_town_keeps_its_year_place_and_format():
    events = extract_events(doc(RU_EARLIER_IN_TOWN, "ru", dt.date(2020, 5, 14)))
    ref = one(events, referenced=True)
    assert (ref.date, ref.mode, ref.location.name) == ("2019-03", "in_person", "Kubinka")


EN_GANTZ = """Israel and Morocco sign defence agreement

RABAT, Nov 24. Defense Minister Benny Gantz on Wednesday signed a memorandum of understanding with Morocco on security cooperation, the first such agreement between Israel and an Arab state.
Gantz signed the deal in Rabat with Abdellatif Loudiyi, the Moroccan minister delegate in charge of the national defense administration, during his visit."""


def test_a_document_named_again_is_one_document_and_a_role_after_the_name_counts():
    ev = one(extract_events(doc(EN_GANTZ, "en", dt.date(2021, 11, 24))))
    assert [d.type for d in ev.documents] == ["memorandum"]
    mar = next(p for p in ev.participants if p.country == "MAR")
    assert (mar.name, mar.entity_id) == ("Abdellatif Loudiyi", None)


EN_SCHEDULED = """Saudi deputy defence minister meets Austin

WASHINGTON, July 6. Saudi Deputy Minister of Defense Prince Khalid bin Salman held talks on Tuesday with U.S. Defense Secretary Lloyd Austin at the Pentagon, the first such visit since President Joe Biden took office.
During his visit, Prince Khalid is also scheduled to meet Secretary of State Antony Blinken."""


def test_people_named_in_passing_or_for_a_later_meeting_are_not_participants():
    ev = one(extract_events(doc(EN_SCHEDULED, "en", dt.date(2021, 7, 6))))
    assert sorted((p.name, p.role) for p in ev.participants) == [
        ("Khalid bin Salman", "Deputy Minister of Defence"), ("Lloyd Austin", "Secretary of Defense")]


RU_TREATY_SIGNED_BEFORE = """Министры обороны России и КНДР провели переговоры

ПХЕНЬЯН, 29 ноября. Министр обороны России Андрей Белоусов провел в пятницу переговоры с министром обороны КНДР Но Гван Чхолем. Белоусов отметил, что договор о стратегическом партнерстве, подписанный лидерами двух стран в июне, открыл новый этап в отношениях.
В последний раз он встречался с северокорейским коллегой в Москве в сентябре прошлого года."""


def test_a_treaty_signed_earlier_is_not_this_meetings_document_and_he_met_before():
    events = extract_events(doc(RU_TREATY_SIGNED_BEFORE, "ru", dt.date(2024, 11, 29)))
    main = one(events)
    assert main.date == "2024-11-29" and main.documents == []
    ref = one(events, referenced=True)
    assert (ref.date, ref.location.name) == ("2023-09", "Moscow")
    assert [p.name for p in ref.participants if p.country == "RUS"] == ["Andrei Belousov"]  # 'он': the subject


RU_CALL_ABOUT_MEMORANDUM = """Начальники генштабов России и Турции провели телефонный разговор

Состоялся телефонный разговор начальника Генерального штаба Вооруженных Сил Российской Федерации генерала армии Валерия Герасимова с начальником Генерального штаба Вооруженных сил Турецкой Республики генералом Яшаром Гюлером.
Стороны обсудили ход выполнения меморандума о взаимопонимании, подписанного 22 октября в Сочи президентами двух стран."""


def test_a_date_in_a_participle_clause_dates_the_document_not_the_call():
    ev = one(extract_events(doc(RU_CALL_ABOUT_MEMORANDUM, "ru", dt.date(2019, 10, 24))))
    assert (ev.date, ev.mode, ev.documents) == ("2019-10-24", "phone", [])


EN_RELATIVE_CLAUSE = """Chinese defence minister meets Pakistani general

BEIJING, Sept. 17 (Xinhua) -- Chinese Defense Minister Wei Fenghe met with Pakistan's Chairman Joint Chiefs of Staff Committee General Zubair Mahmood Hayat here on Tuesday.
Hayat, who is due to retire in November, was on a farewell visit to China."""


def test_a_date_in_a_relative_clause_is_not_a_second_meeting():
    ev = one(extract_events(doc(EN_RELATIVE_CLAUSE, "en", dt.date(2019, 9, 17))))
    assert (ev.date, ev.location.name, ev.countries) == ("2019-09-17", "Beijing", ["CHN", "PAK"])


RU_TWO_CALLS_SAME_DAY = """Шойгу и Либерман обсудили по телефону инцидент в Сирии

МОСКВА, 18 сентября. Министр обороны России Сергей Шойгу провел во вторник телефонный разговор с министром обороны Израиля Авигдором Либерманом.
Позднее во вторник президент России Владимир Путин провел телефонный разговор с премьер-министром Израиля Биньямином Нетаньяху."""


def test_the_same_pair_on_the_same_day_with_other_principals_is_another_call():
    events = extract_events(doc(RU_TWO_CALLS_SAME_DAY, "ru", dt.date(2018, 9, 18)))
    people = sorted(sorted(p.name for p in e.participants) for e in events)
    assert people == [["Avigdor Liberman", "Sergei Shoigu"], ["Benjamin Netanyahu", "Vladimir Putin"]]


EN_TWO_PLUS_TWO = """Japan, Russia hold security talks

TOKYO - Foreign and defense ministers of Japan and Russia met in Tokyo on Thursday for "two-plus-two" security talks.
Foreign Minister Taro Kono and Defense Minister Takeshi Iwaya held the talks with Russian Foreign Minister Sergei Lavrov and Defense Minister Sergei Shoigu, the fourth such session since the framework was launched in 2013.
The ministers also discussed preparations for a summit between Prime Minister Shinzo Abe and President Vladimir Putin, planned for late June."""


def test_a_year_after_since_and_heads_named_late_do_not_shape_the_meeting():
    ev = one(extract_events(doc(EN_TWO_PLUS_TWO, "en", dt.date(2019, 5, 30))))
    assert ev.date == "2019-05-30" and ev.location.name == "Tokyo"
    assert sorted(p.name for p in ev.participants) == ["Sergei Lavrov", "Sergei Shoigu", "Takeshi Iwaya", "Taro Kono"]


RU_ARRIVED_ON_FRIDAY = """Белоусов провел переговоры с министром обороны КНДР

ПХЕНЬЯН, 29 ноября. Министр обороны РФ Андрей Белоусов, прибывший в пятницу с официальным визитом в Пхеньян, провел переговоры с министром обороны КНДР Но Гван Чхолем."""


def test_an_active_participle_clause_still_dates_the_visit():
    ev = one(extract_events(doc(RU_ARRIVED_ON_FRIDAY, "ru", None)))  # no year anywhere
    assert ev.date == "2024-11-29"  # a Friday while both held office
