"""A generator of distinct defence-diplomacy news pages in Russian and English, for `make bench`
and the parallel tests.

Every page is put together from this file's own templates: real defence ministers and chiefs
of staff (Russian names in the case the sentence needs), their countries, capitals and other
cities, dates with weekday phrases, the mode of the meeting (talks, a phone call, a video
conference), quotes and filler paragraphs, signed documents, an earlier meeting referred to,
and the chrome of news sites (sign-in lines, view counters, image credits, "read also"
sidebars with other headlines, tags). Pages are written as .txt files in the seed format: an
optional first line ` date YYYY-MM-DD <first line of the page>`.

    python -m benchmarks.corpus OUT_DIR N [--seed S]

No two pages are the same (a page that happens to repeat an earlier one is drawn again)."""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Person:
    country: str
    role: str  # minister | chief
    en: str
    ru: tuple[str, str, str, str] | None = None  # nominative, genitive, dative, instrumental
    rank_en: str | None = None
    rank_ru: tuple[str, str] | None = None  # nominative, instrumental
    since: dt.date = dt.date(2018, 1, 1)
    until: dt.date = dt.date(2026, 12, 31)

    def surname_ru(self, case: int) -> str:
        words = self.ru[case].split()
        if self.country in SURNAME_FIRST:
            return words[0]
        return words[1] if self.country in SURNAME_SECOND else words[-1]

    @property
    def surname_en(self) -> str:
        words = self.en.split()
        if self.country in SURNAME_FIRST:
            return words[0]
        return words[1] if self.country in SURNAME_SECOND else words[-1]


SURNAME_FIRST = {"CHN", "PRK", "KOR"}  # family name first: 'Dong Jun' -> 'Dong'
SURNAME_SECOND = {"VEN", "CUB"}  # Spanish double surnames: 'Vladimir Padrino Lopez' -> 'Padrino'


D = dt.date
GEN_ARMY = ("генерал армии", "генералом армии")
COL_GEN = ("генерал-полковник", "генерал-полковником")
LT_GEN = ("генерал-лейтенант", "генерал-лейтенантом")
ADMIRAL = ("адмирал", "адмиралом")
GENERAL = ("генерал", "генералом")

PEOPLE: list[Person] = [
    # Russia
    Person("RUS", "minister", "Sergei Shoigu", ("Сергей Шойгу", "Сергея Шойгу", "Сергею Шойгу", "Сергеем Шойгу"),
           "Army General", GEN_ARMY, D(2018, 1, 1), D(2024, 5, 11)),
    Person("RUS", "minister", "Andrei Belousov",
           ("Андрей Белоусов", "Андрея Белоусова", "Андрею Белоусову", "Андреем Белоусовым"),
           None, None, D(2024, 5, 14), D(2026, 12, 31)),
    Person("RUS", "chief", "Valery Gerasimov",
           ("Валерий Герасимов", "Валерия Герасимова", "Валерию Герасимову", "Валерием Герасимовым"),
           "Army General", GEN_ARMY),
    Person("RUS", "deputy", "Alexander Fomin",
           ("Александр Фомин", "Александра Фомина", "Александру Фомину", "Александром Фоминым"),
           "Colonel General", COL_GEN),
    # partners
    Person("CHN", "minister", "Wei Fenghe", ("Вэй Фэнхэ", "Вэй Фэнхэ", "Вэй Фэнхэ", "Вэй Фэнхэ"),
           "General", GENERAL, D(2018, 3, 19), D(2023, 3, 11)),
    Person("CHN", "minister", "Li Shangfu", ("Ли Шанфу", "Ли Шанфу", "Ли Шанфу", "Ли Шанфу"),
           "General", GENERAL, D(2023, 3, 12), D(2023, 10, 24)),
    Person("CHN", "minister", "Dong Jun", ("Дун Цзюнь", "Дун Цзюня", "Дун Цзюню", "Дун Цзюнем"),
           "Admiral", ADMIRAL, D(2023, 12, 29)),
    Person("CHN", "chief", "Liu Zhenli", ("Лю Чжэньли", "Лю Чжэньли", "Лю Чжэньли", "Лю Чжэньли"), "General", GENERAL),
    Person("BLR", "minister", "Viktor Khrenin",
           ("Виктор Хренин", "Виктора Хренина", "Виктору Хренину", "Виктором Хрениным"), "Lieutenant General", LT_GEN),
    Person("BLR", "chief", "Pavel Muraveiko",
           ("Павел Муравейко", "Павла Муравейко", "Павлу Муравейко", "Павлом Муравейко"), "Major General",
           ("генерал-майор", "генерал-майором"), D(2021, 1, 1)),
    Person("KAZ", "minister", "Ruslan Zhaksylykov",
           ("Руслан Жаксылыков", "Руслана Жаксылыкова", "Руслану Жаксылыкову", "Русланом Жаксылыковым"),
           "Colonel General", COL_GEN, D(2022, 1, 1)),
    Person("TJK", "minister", "Emomali Sobirzoda",
           ("Эмомали Собирзода", "Эмомали Собирзоды", "Эмомали Собирзоде", "Эмомали Собирзодой"),
           "Colonel General", COL_GEN),
    Person("UZB", "minister", "Bakhodir Kurbanov",
           ("Бахадыр Курбанов", "Бахадыра Курбанова", "Бахадыру Курбанову", "Бахадыром Курбановым"),
           "Lieutenant General", LT_GEN, D(2019, 2, 1)),
    Person("KGZ", "minister", "Baktybek Bekbolotov",
           ("Бактыбек Бекболотов", "Бактыбека Бекболотова", "Бактыбеку Бекболотову", "Бактыбеком Бекболотовым"),
           "Major General", ("генерал-майор", "генерал-майором"), D(2021, 1, 1), D(2022, 10, 1)),
    Person("IRN", "minister", "Aziz Nasirzadeh",
           ("Азиз Насирзаде", "Азиза Насирзаде", "Азизу Насирзаде", "Азизом Насирзаде"),
           "Brigadier General", ("бригадный генерал", "бригадным генералом"), D(2024, 8, 21)),
    Person("IRN", "chief", "Mohammad Bagheri",
           ("Мохаммад Багери", "Мохаммада Багери", "Мохаммаду Багери", "Мохаммадом Багери"),
           "Major General", ("генерал-майор", "генерал-майором"), D(2018, 1, 1), D(2025, 6, 12)),
    Person("IND", "minister", "Rajnath Singh",
           ("Раджнат Сингх", "Раджната Сингха", "Раджнату Сингху", "Раджнатом Сингхом"), None, None, D(2019, 5, 31)),
    Person("VNM", "minister", "Phan Van Giang",
           ("Фан Ван Зянг", "Фан Ван Зянга", "Фан Ван Зянгу", "Фан Ван Зянгом"), "General", GENERAL, D(2021, 4, 8)),
    Person("IDN", "minister", "Prabowo Subianto",
           ("Прабово Субианто", "Прабово Субианто", "Прабово Субианто", "Прабово Субианто"),
           None, None, D(2019, 10, 23), D(2024, 10, 20)),
    Person("IDN", "minister", "Sjafrie Sjamsoeddin",
           ("Сьяфри Сьямсоэддин", "Сьяфри Сьямсоэддина", "Сьяфри Сьямсоэддину", "Сьяфри Сьямсоэддином"),
           None, None, D(2024, 10, 21)),
    Person("EGY", "minister", "Mohamed Zaki",
           ("Мохаммед Заки", "Мохаммеда Заки", "Мохаммеду Заки", "Мохаммедом Заки"),
           "General", GENERAL, D(2018, 6, 14), D(2024, 7, 3)),
    Person("EGY", "minister", "Abdel Mageed Saqr",
           ("Абдель Маджид Сакр", "Абдель Маджида Сакра", "Абдель Маджиду Сакру", "Абдель Маджидом Сакром"),
           "General", GENERAL, D(2024, 7, 3)),
    Person("MNG", "minister", "Gursed Saikhanbayar",
           ("Гурсэд Сайханбаяр", "Гурсэда Сайханбаяра", "Гурсэду Сайханбаяру", "Гурсэдом Сайханбаяром"),
           None, None, D(2021, 1, 1)),
    Person("ARM", "minister", "Suren Papikyan",
           ("Сурен Папикян", "Сурена Папикяна", "Сурену Папикяну", "Суреном Папикяном"), None, None, D(2021, 11, 15)),
    Person("AZE", "minister", "Zakir Hasanov",
           ("Закир Гасанов", "Закира Гасанова", "Закиру Гасанову", "Закиром Гасановым"), "Colonel General", COL_GEN),
    Person("LAO", "minister", "Chansamone Chanyalath",
           ("Чансамон Чаньялат", "Чансамона Чаньялата", "Чансамону Чаньялату", "Чансамоном Чаньялатом"),
           "General", GENERAL),
    Person("VEN", "minister", "Vladimir Padrino Lopez",
           ("Владимир Падрино Лопес", "Владимира Падрино Лопеса", "Владимиру Падрино Лопесу", "Владимиром Падрино Лопесом"),
           "General in Chief", ("генерал-аншеф", "генерал-аншефом")),
    Person("CUB", "minister", "Alvaro Lopez Miera",
           ("Альваро Лопес Миера", "Альваро Лопеса Миеры", "Альваро Лопесу Миере", "Альваро Лопесом Миерой"),
           "Army Corps General", ("генерал корпуса армии", "генералом корпуса армии")),
    Person("SRB", "minister", "Bratislav Gasic",
           ("Братислав Гашич", "Братислава Гашича", "Братиславу Гашичу", "Братиславом Гашичем"),
           None, None, D(2024, 5, 2)),
    Person("DZA", "chief", "Said Chanegriha",
           ("Саид Шенгриха", "Саида Шенгрихи", "Саиду Шенгрихе", "Саидом Шенгрихой"), "Army General", GEN_ARMY),
    Person("TUR", "minister", "Yasar Guler",
           ("Яшар Гюлер", "Яшара Гюлера", "Яшару Гюлеру", "Яшаром Гюлером"), "General", GENERAL, D(2023, 6, 3)),
    Person("TUR", "minister", "Hulusi Akar",
           ("Хулуси Акар", "Хулуси Акара", "Хулуси Акару", "Хулуси Акаром"), "General", GENERAL, D(2018, 7, 10),
           D(2023, 6, 3)),
    Person("PRK", "minister", "No Kwang Chol",
           ("Но Гван Чхоль", "Но Гван Чхоля", "Но Гван Чхолю", "Но Гван Чхолем"), "Army General", GEN_ARMY,
           D(2024, 10, 1)),
    Person("PAK", "minister", "Khawaja Asif",
           ("Хаваджа Асиф", "Хаваджи Асифа", "Хавадже Асифу", "Хаваджой Асифом"), None, None, D(2024, 3, 11)),
    Person("MLI", "minister", "Sadio Camara",
           ("Садио Камара", "Садио Камары", "Садио Камаре", "Садио Камарой"), "Colonel", ("полковник", "полковником")),
    Person("MMR", "chief", "Min Aung Hlaing",
           ("Мин Аун Хлайн", "Мин Аун Хлайна", "Мин Аун Хлайну", "Мин Аун Хлайном"),
           "Senior General", ("старший генерал", "старшим генералом")),
    Person("SAU", "minister", "Khalid bin Salman",
           ("Халид бен Сальман", "Халида бен Сальмана", "Халиду бен Сальману", "Халидом бен Сальманом"),
           "Prince", ("принц", "принцем"), D(2022, 9, 27)),
    # the English-language press's other pairs
    Person("USA", "minister", "Lloyd Austin", None, None, None, D(2021, 1, 22), D(2025, 1, 20)),
    Person("USA", "minister", "Pete Hegseth", None, None, None, D(2025, 1, 25)),
    Person("GBR", "minister", "Ben Wallace", None, None, None, D(2019, 7, 24), D(2023, 8, 31)),
    Person("GBR", "minister", "John Healey", None, None, None, D(2024, 7, 5)),
    Person("DEU", "minister", "Boris Pistorius", None, None, None, D(2023, 1, 19)),
    Person("FRA", "minister", "Sebastien Lecornu", None, None, None, D(2022, 5, 20), D(2025, 9, 9)),
    Person("JPN", "minister", "Gen Nakatani", None, None, None, D(2024, 10, 1)),
    Person("JPN", "minister", "Minoru Kihara", None, None, None, D(2023, 9, 13), D(2024, 10, 1)),
    Person("AUS", "minister", "Richard Marles", None, None, None, D(2022, 5, 23)),
    Person("PHL", "minister", "Gilberto Teodoro", None, None, None, D(2023, 6, 5)),
    Person("KOR", "minister", "Shin Won-sik", None, None, None, D(2023, 10, 7), D(2024, 9, 6)),
    Person("POL", "minister", "Wladyslaw Kosiniak-Kamysz", None, None, None, D(2023, 12, 13)),
    Person("UKR", "minister", "Rustem Umerov", None, None, None, D(2023, 9, 6), D(2025, 7, 17)),
    Person("ITA", "minister", "Guido Crosetto", None, None, None, D(2022, 10, 22)),
    Person("CAN", "minister", "Bill Blair", None, None, None, D(2023, 7, 26), D(2025, 5, 13)),
]

# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Country:
    code: str
    en: str
    adj_en: str
    ru_gen: str = ""  # 'Китая'
    ru_adj_ins: str = ""  # 'китайским' (коллегой)
    ru_adj_gen_f: str = ""  # 'китайской' (стороны)
    cities: tuple[tuple[str, str, str], ...] = ()  # (English, Russian nominative, Russian 'в ...' phrase)


COUNTRIES = {c.code: c for c in [
    Country("RUS", "Russia", "Russian", "России", "российским", "российской",
            (("Moscow", "Москва", "в Москве"), ("St. Petersburg", "Санкт-Петербург", "в Санкт-Петербурге"),
             ("Kubinka", "Кубинка", "в Кубинке"), ("Kaliningrad", "Калининград", "в Калининграде"))),
    Country("CHN", "China", "Chinese", "Китая", "китайским", "китайской",
            (("Beijing", "Пекин", "в Пекине"), ("Qingdao", "Циндао", "в Циндао"), ("Shanghai", "Шанхай", "в Шанхае"))),
    Country("BLR", "Belarus", "Belarusian", "Белоруссии", "белорусским", "белорусской",
            (("Minsk", "Минск", "в Минске"), ("Brest", "Брест", "в Бресте"))),
    Country("KAZ", "Kazakhstan", "Kazakh", "Казахстана", "казахстанским", "казахстанской",
            (("Astana", "Астана", "в Астане"), ("Almaty", "Алма-Ата", "в Алма-Ате"))),
    Country("TJK", "Tajikistan", "Tajik", "Таджикистана", "таджикистанским", "таджикистанской",
            (("Dushanbe", "Душанбе", "в Душанбе"),)),
    Country("UZB", "Uzbekistan", "Uzbek", "Узбекистана", "узбекистанским", "узбекистанской",
            (("Tashkent", "Ташкент", "в Ташкенте"), ("Samarkand", "Самарканд", "в Самарканде"))),
    Country("KGZ", "Kyrgyzstan", "Kyrgyz", "Киргизии", "киргизским", "киргизской",
            (("Bishkek", "Бишкек", "в Бишкеке"),)),
    Country("IRN", "Iran", "Iranian", "Ирана", "иранским", "иранской", (("Tehran", "Тегеран", "в Тегеране"),)),
    Country("IND", "India", "Indian", "Индии", "индийским", "индийской",
            (("New Delhi", "Нью-Дели", "в Нью-Дели"), ("Bengaluru", "Бангалор", "в Бангалоре"))),
    Country("VNM", "Vietnam", "Vietnamese", "Вьетнама", "вьетнамским", "вьетнамской",
            (("Hanoi", "Ханой", "в Ханое"),)),
    Country("IDN", "Indonesia", "Indonesian", "Индонезии", "индонезийским", "индонезийской",
            (("Jakarta", "Джакарта", "в Джакарте"),)),
    Country("EGY", "Egypt", "Egyptian", "Египта", "египетским", "египетской", (("Cairo", "Каир", "в Каире"),)),
    Country("MNG", "Mongolia", "Mongolian", "Монголии", "монгольским", "монгольской",
            (("Ulaanbaatar", "Улан-Батор", "в Улан-Баторе"),)),
    Country("ARM", "Armenia", "Armenian", "Армении", "армянским", "армянской", (("Yerevan", "Ереван", "в Ереване"),)),
    Country("AZE", "Azerbaijan", "Azerbaijani", "Азербайджана", "азербайджанским", "азербайджанской",
            (("Baku", "Баку", "в Баку"),)),
    Country("LAO", "Laos", "Lao", "Лаоса", "лаосским", "лаосской", (("Vientiane", "Вьентьян", "во Вьентьяне"),)),
    Country("VEN", "Venezuela", "Venezuelan", "Венесуэлы", "венесуэльским", "венесуэльской",
            (("Caracas", "Каракас", "в Каракасе"),)),
    Country("CUB", "Cuba", "Cuban", "Кубы", "кубинским", "кубинской", (("Havana", "Гавана", "в Гаване"),)),
    Country("SRB", "Serbia", "Serbian", "Сербии", "сербским", "сербской", (("Belgrade", "Белград", "в Белграде"),)),
    Country("DZA", "Algeria", "Algerian", "Алжира", "алжирским", "алжирской", (("Algiers", "Алжир", "в Алжире"),)),
    Country("TUR", "Turkey", "Turkish", "Турции", "турецким", "турецкой",
            (("Ankara", "Анкара", "в Анкаре"), ("Istanbul", "Стамбул", "в Стамбуле"))),
    Country("PRK", "North Korea", "North Korean", "КНДР", "северокорейским", "северокорейской",
            (("Pyongyang", "Пхеньян", "в Пхеньяне"),)),
    Country("PAK", "Pakistan", "Pakistani", "Пакистана", "пакистанским", "пакистанской",
            (("Islamabad", "Исламабад", "в Исламабаде"), ("Rawalpindi", "Равалпинди", "в Равалпинди"))),
    Country("MLI", "Mali", "Malian", "Мали", "малийским", "малийской", (("Bamako", "Бамако", "в Бамако"),)),
    Country("MMR", "Myanmar", "Myanmar", "Мьянмы", "мьянманским", "мьянманской",
            (("Naypyidaw", "Нейпьидо", "в Нейпьидо"),)),
    Country("SAU", "Saudi Arabia", "Saudi", "Саудовской Аравии", "саудовским", "саудовской",
            (("Riyadh", "Эр-Рияд", "в Эр-Рияде"),)),
    Country("USA", "United States", "U.S.", cities=(("Washington", "", ""), ("Honolulu", "", ""))),
    Country("GBR", "Britain", "British", cities=(("London", "", ""),)),
    Country("DEU", "Germany", "German", cities=(("Berlin", "", ""),)),
    Country("FRA", "France", "French", cities=(("Paris", "", ""),)),
    Country("JPN", "Japan", "Japanese", cities=(("Tokyo", "", ""),)),
    Country("AUS", "Australia", "Australian", cities=(("Canberra", "", ""),)),
    Country("PHL", "the Philippines", "Philippine", cities=(("Manila", "", ""),)),
    Country("KOR", "South Korea", "South Korean", cities=(("Seoul", "", ""),)),
    Country("POL", "Poland", "Polish", cities=(("Warsaw", "", ""),)),
    Country("UKR", "Ukraine", "Ukrainian", cities=(("Kyiv", "", ""),)),
    Country("ITA", "Italy", "Italian", cities=(("Rome", "", ""),)),
    Country("CAN", "Canada", "Canadian", cities=(("Ottawa", "", ""),)),
]}

RU_PAIRS = [("RUS", c) for c in ("CHN", "BLR", "KAZ", "TJK", "UZB", "KGZ", "IRN", "IND", "VNM", "IDN", "EGY", "MNG",
                                 "ARM", "AZE", "LAO", "VEN", "CUB", "SRB", "DZA", "TUR", "PRK", "PAK", "MLI", "MMR",
                                 "SAU")] + [("BLR", "CHN"), ("CHN", "PAK"), ("KAZ", "UZB"), ("BLR", "VNM")]
EN_PAIRS = RU_PAIRS + [("USA", c) for c in ("JPN", "AUS", "PHL", "GBR", "DEU", "KOR", "IND", "POL", "UKR", "ITA",
                                            "CAN", "SAU", "TUR", "FRA", "IDN", "VNM", "CHN")] + [
    ("GBR", "DEU"), ("GBR", "FRA"), ("DEU", "POL"), ("JPN", "AUS"), ("JPN", "PHL"), ("FRA", "IND"), ("ITA", "TUR"),
    ("GBR", "UKR"), ("DEU", "UKR"), ("CAN", "POL"), ("AUS", "IND"), ("KOR", "JPN")]

# Multilateral gatherings on whose sidelines bilateral meetings happen: (en, ru genitive, city code, city index)
GATHERINGS = [
    ("the SCO defence ministers' meeting", "совещания министров обороны государств - членов ШОС"),
    ("the Moscow Conference on International Security", "Московской конференции по международной безопасности"),
    ("the Army International Military-Technical Forum", "Международного военно-технического форума «Армия»"),
    ("the Shangri-La Dialogue", "форума «Диалог Шангри-Ла»"),
    ("the CSTO Defence Ministers' Council", "заседания Совета министров обороны ОДКБ"),
    ("the CIS Council of Defence Ministers", "заседания Совета министров обороны СНГ"),
    ("the ADMM-Plus meeting", "совещания министров обороны АСЕАН и диалоговых партнеров"),
    ("the Xiangshan Forum", "Сяншаньского форума"),
]

# --------------------------------------------------------------------------- calendar

RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"]
RU_MONTHS_PREP = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
                  "ноябре", "декабре"]
RU_WEEKDAYS = ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
EN_MONTHS_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

START, END = dt.date(2019, 1, 1), dt.date(2026, 6, 30)

# --------------------------------------------------------------------------- Russian text

RU_AGENCIES = ["ИНТЕРФАКС", "ТАСС", "РИА Новости", "ЦАМТО", "Красная звезда", "Звезда", "ПРАЙМ", "БелТА", "Кабар"]
RU_CHROME_TOP = ["Войти", "ЦАМТО", "МЕДИАГРУППА «ЗВЕЗДА»", "Главная / Политика", "Главная / Армия", "Версия для печати",
                 "Поделиться", "Вход | Регистрация", "Лента новостей", "Новости партнеров"]
RU_CHROME_BOTTOM = ["Подписывайтесь на наш канал в Telegram", "Поделиться:", "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter",
                    "Все права защищены. Перепечатка только с разрешения редакции", "Реклама",
                    "Комментарии (0)", "Оцените материал", "Версия для слабовидящих", "© Фото: Министерство обороны РФ",
                    "Теги: Минобороны, военное сотрудничество"]
RU_IMAGE = ["Источник изображения: mil.ru", "© Фото: Министерство обороны РФ", "Фото: пресс-служба Минобороны",
            "Источник изображения: topwar.ru", "© Видео: Министерство обороны РФ"]
RU_TOPICS = ["военное и военно-техническое сотрудничество", "совместную оперативную и боевую подготовку",
             "ситуацию в регионе", "вопросы региональной безопасности", "подготовку к совместным учениям",
             "борьбу с международным терроризмом", "подготовку военных кадров", "военно-морское сотрудничество",
             "взаимодействие в рамках ОДКБ", "ситуацию в Афганистане", "обстановку на Ближнем Востоке",
             "противодействие наркотрафику", "развитие военной инфраструктуры"]
RU_DOCS = ["план двустороннего военного сотрудничества на {y} год", "меморандум о взаимопонимании в области обороны",
           "соглашение о военно-техническом сотрудничестве", "протокол заседания межправительственной комиссии",
           "программу военного сотрудничества на {y}-{y2} годы", "совместное заявление министров обороны"]
RU_FILLERS = [
    "Стороны отметили высокий уровень доверия и подтвердили готовность наращивать сотрудничество в военной сфере.",
    "Отдельно стороны обсудили {topic}.",
    "Министры обсудили {topic} и {topic2}.",
    "В ходе беседы были рассмотрены вопросы двустороннего военного сотрудничества и {topic}.",
    "«Наши армии регулярно проводят совместные мероприятия оперативной и боевой подготовки, и мы намерены продолжать эту практику», - заявил {a_sur_nom}.",
    "По словам {b_sur_gen}, отношения двух стран в оборонной сфере «развиваются поступательно по всем направлениям».",
    "{a_sur_nom} подчеркнул, что {partner_adj_f} сторона является надежным партнером, а взаимодействие армий двух стран организовано на высоком уровне.",
    "«Сегодня от сотрудничества между нашими военными ведомствами зависит очень многое, и прежде всего - стабильность в регионе», - сказал {a_sur_nom}.",
    "Стороны договорились продолжить контакты на уровне министерств обороны и генеральных штабов.",
    "Глава военного ведомства {b_gen} поблагодарил {a_sur_acc} за приглашение и выразил уверенность в дальнейшем развитии отношений.",
    "В {y} году военные ведомства двух стран провели более {n} совместных мероприятий, в том числе учения и стажировки офицеров.",
    "Ранее в {month_prep} военнослужащие двух стран приняли участие в совместных учениях на полигоне {poligon}.",
    "Военно-политическая обстановка в мире остается напряженной, отметил {a_sur_nom}, призвав к тесной координации усилий.",
    "Кроме того, министры обсудили ход выполнения достигнутых ранее договоренностей.",
    "Российская сторона предложила расширить обучение {partner_adj_gen_pl} военнослужащих в вузах Минобороны России.",
    "Как сообщили в пресс-службе ведомства, встреча прошла в теплой и дружественной атмосфере.",
    "Делегации обменялись мнениями по актуальным вопросам международной и региональной безопасности.",
    "Эксперты отмечают устойчивый рост военно-технического сотрудничества России и {partner_gen}.",
    "Напомним, что в прошлом году объем поставок вооружений в адрес {partner_gen} вырос, по оценкам аналитиков, на {n} процентов.",
    "В настоящее время в вузах Минобороны обучаются более {n0} военнослужащих из {partner_gen}.",
]
RU_POLIGONS = ["Гозин-Обо", "Харбатово", "Чебаркуль", "Доманово", "Обуз-Лесновский", "Прудбой", "Ашулук", "Капустин Яр",
               "Хармали", "Эдельвейс"]
RU_SIDEBAR_HEAD = ["Читайте также:", "Другие новости", "Самое читаемое", "Главное за сутки", "По теме"]


def _ru_role(p: Person, case: int, rng: random.Random) -> str:
    # case: 0 nom, 1 gen, 3 ins
    c = COUNTRIES[p.country]
    words = {"minister": ("министр обороны", "министра обороны", "министру обороны", "министром обороны"),
             "chief": ("начальник Генерального штаба вооруженных сил", "начальника Генерального штаба вооруженных сил",
                       "начальнику Генерального штаба вооруженных сил", "начальником Генерального штаба вооруженных сил"),
             "deputy": ("заместитель министра обороны", "заместителя министра обороны", "заместителю министра обороны",
                        "заместителем министра обороны")}[p.role][case]
    country = {"RUS": rng.choice(["России", "РФ", "Российской Федерации"]),
               "CHN": rng.choice(["Китая", "КНР", "Китайской Народной Республики"])}.get(p.country, c.ru_gen)
    return f"{words} {country}"


def _ru_full(p: Person, case: int, rng: random.Random, rank: bool = True) -> str:
    r = ""
    if rank and p.rank_ru and rng.random() < 0.6:
        r = (p.rank_ru[1] if case == 3 else p.rank_ru[0] if case == 0 else "") + " "
        r = r.lstrip()
    return f"{r}{p.ru[case]}"


# --------------------------------------------------------------------------- English text

EN_AGENCIES = ["TASS", "Reuters", "Xinhua", "AP", "AFP", "TSAMTO", "Interfax", "Yonhap", "Kyodo", "PTI", "ANI"]
EN_CHROME_TOP = ["Sign in | Subscribe", "Sign in", "Menu", "Home / World", "Home / Defence", "Advertisement",
                 "Share this article", "Listen to this article", "Print", "Latest News"]
EN_CHROME_BOTTOM = ["Advertisement", "Subscribe to our newsletter", "Share on Facebook", "Share on X",
                    "Copyright (c) All rights reserved.", "Comments", "Report an error", "Follow us on Telegram",
                    "Topics: Defence, Diplomacy", "Cookie settings"]
EN_IMAGE = ["Image source: mil.ru", "Photo: Ministry of Defence", "Photo: Reuters", "Image source: topwar.ru",
            "File photo", "Photo: Xinhua"]
EN_TOPICS = ["military and military-technical cooperation", "joint exercises", "regional security",
             "counter-terrorism cooperation", "maritime security", "defence industrial cooperation",
             "training of military personnel", "the situation in the region", "arms control",
             "military education exchanges", "air defence cooperation", "the security situation in the Middle East"]
EN_DOCS = ["a plan of bilateral military cooperation for {y}", "a memorandum of understanding on defence cooperation",
           "an agreement on military-technical cooperation", "a joint statement", "a defence cooperation roadmap",
           "a protocol on military education"]
EN_FILLERS = [
    "The two sides noted the high level of trust between their armed forces and agreed to expand cooperation.",
    "Particular attention was paid to {topic}.",
    "The ministers discussed {topic} and {topic2}.",
    "\"Our armies regularly hold joint operational and combat training events, and we intend to continue this practice,\" {a_sur} said.",
    "According to {b_sur}, defence ties between the two countries \"are developing steadily in all areas.\"",
    "{a_sur} stressed that cooperation between the two militaries was \"at a high level.\"",
    "The sides agreed to continue contacts between their defence ministries and general staffs.",
    "{b_sur} thanked his counterpart for the invitation and expressed confidence in the further development of relations.",
    "In {y}, the two defence ministries held more than {n} joint events, including exercises and officer exchanges.",
    "Earlier in {month}, troops from the two countries took part in joint drills.",
    "The delegations exchanged views on pressing issues of international and regional security.",
    "The meeting was held in a warm and friendly atmosphere, the ministry's press service said.",
    "Analysts describe {b_country} as one of the key defence partners of {a_country}.",
    "The ministers also reviewed the implementation of agreements reached earlier.",
    "More than {n0} service members from {b_country} are currently studying at military academies in {a_country}.",
    "Officials said the talks covered {topic}, though no details were released.",
    "The statement did not say whether the two sides discussed arms deliveries.",
]
EN_SIDEBAR_HEAD = ["Read also", "Top News Right Now", "Most read", "Related", "More from World"]


# --------------------------------------------------------------------------- generator


class Generator:
    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.seen: set[str] = set()

    # ------------------------------------------------------------- shared pieces
    def _date(self) -> dt.date:
        return START + dt.timedelta(days=self.rng.randrange((END - START).days))

    def _person(self, country: str, day: dt.date, lang: str) -> Person | None:
        cands = [p for p in PEOPLE if p.country == country and p.since <= day <= p.until
                 and (lang == "en" or p.ru)]
        if not cands:
            return None
        ministers = [p for p in cands if p.role == "minister"]
        if ministers and self.rng.random() < 0.8:
            return self.rng.choice(ministers)
        return self.rng.choice(cands)

    def _pair(self, lang: str) -> tuple[dt.date, Person, Person]:
        pairs = RU_PAIRS if lang == "ru" else EN_PAIRS
        while True:
            a, b = self.rng.choice(pairs)
            if self.rng.random() < 0.15:
                a, b = b, a
            day = self._date()
            pa, pb = self._person(a, day, lang), self._person(b, day, lang)
            if pa and pb:
                return day, pa, pb

    def _sidebar(self, lang: str) -> list[str]:
        out = [self.rng.choice(RU_SIDEBAR_HEAD if lang == "ru" else EN_SIDEBAR_HEAD)]
        for _ in range(self.rng.randint(2, 5)):
            day, pa, pb = self._pair(lang)
            out.append(self._headline(lang, pa, pb, self.rng.choice(["talks", "phone", "video"]), day))
        return out

    # ------------------------------------------------------------- headlines
    def _headline(self, lang: str, a: Person, b: Person, mode: str, day: dt.date) -> str:
        r = self.rng
        ca, cb = COUNTRIES[a.country], COUNTRIES[b.country]
        if lang == "ru":
            opts = [
                f"{a.surname_ru(0)} провел переговоры с {_ru_role(b, 3, r)}",
                f"{a.surname_ru(0)} обсудил с {cb.ru_adj_ins} коллегой {r.choice(RU_TOPICS)}",
                f"Министры обороны {ca.ru_gen} и {cb.ru_gen} обсудили {r.choice(RU_TOPICS)}",
                f"{a.surname_ru(0)} и {b.surname_ru(0)} договорились расширить военное сотрудничество",
                f"Военные {ca.ru_gen} и {cb.ru_gen} углубляют сотрудничество",
            ]
            if mode == "phone":
                opts.append(f"{a.surname_ru(0)} провел телефонный разговор с {_ru_role(b, 3, r)}")
            if mode == "video":
                opts.append(f"{a.surname_ru(0)} по видеосвязи обсудил с {b.surname_ru(3)} {r.choice(RU_TOPICS)}")
            return r.choice(opts)
        opts = [
            f"{a.surname_en} holds talks with {cb.adj_en} defence minister",
            f"{ca.adj_en}, {cb.adj_en} defence chiefs discuss {r.choice(EN_TOPICS)}",
            f"{a.surname_en}, {b.surname_en} agree to expand military ties",
            f"{ca.en.removeprefix('the ').capitalize() if ca.en[0].islower() else ca.en} and {cb.en} deepen defence cooperation",
            f"{a.surname_en} meets {cb.adj_en} counterpart {b.en}",
        ]
        if mode == "phone":
            opts.append(f"{a.surname_en} and {b.surname_en} hold phone call on {r.choice(EN_TOPICS)}")
        if mode == "video":
            opts.append(f"{ca.adj_en} and {cb.adj_en} defence ministers hold video conference")
        return r.choice(opts)

    # ------------------------------------------------------------- Russian page
    def russian(self) -> tuple[str, dt.date]:
        r = self.rng
        day, a, b = self._pair("ru")
        mode = r.choices(["talks", "phone", "video"], [6, 2, 2])[0]
        ca, cb = COUNTRIES[a.country], COUNTRIES[b.country]
        host = r.choice([ca, cb])
        city_en, city_ru, city_in = r.choice(host.cities)
        published = day + dt.timedelta(days=r.choice([0, 0, 0, 1]))
        lines: list[str] = []
        if r.random() < 0.6:
            lines += r.sample(RU_CHROME_TOP, r.randint(1, 2))
            lines.append("")
        lines.append(self._headline("ru", a, b, mode, day))
        lines.append("")
        if r.random() < 0.5:
            lines += [str(r.randint(50, 5000)), "0", str(r.randint(0, 9))]
            if r.random() < 0.7:
                lines.append(f"Флаги {ca.ru_gen} и {cb.ru_gen}")
            lines.append(r.choice(RU_IMAGE))
            lines.append("")
        # dateline and lead
        agency = r.choice(RU_AGENCIES)
        dateline_city = city_ru if city_ru and r.random() < 0.5 else "Москва"
        d_str = f"{published.day} {RU_MONTHS_GEN[published.month - 1]}"
        style = r.randrange(3)
        if style == 0:
            dateline = f"{dateline_city}. {d_str}. {agency} - "
        elif style == 1:
            dateline = f"{dateline_city.upper()}, {d_str}. /{agency}/. "
        else:
            dateline = f"{agency}, {d_str}. "
        when = r.choice([RU_WEEKDAYS[day.weekday()], f"{day.day} {RU_MONTHS_GEN[day.month - 1]}",
                         "накануне" if published > day else "сегодня", ""])
        a_full, b_full = _ru_full(a, 0, r), _ru_full(b, 3, r)
        a_role, b_role = _ru_role(a, 0, r), _ru_role(b, 3, r)
        a_role = a_role[0].upper() + a_role[1:]
        topic = r.choice(RU_TOPICS)
        gathering = r.choice(GATHERINGS)[1] if r.random() < 0.25 else None
        if mode == "talks":
            where = f" на полях {gathering} {city_in}" if gathering else f" {city_in}" if city_in else ""
            verb = r.choice(["провел переговоры", "встретился", "провел встречу"])
            lead = f"{a_role} {a_full} {when} {verb} с {b_role} {b_full}{where}.".replace("  ", " ")
            if r.random() < 0.5:
                lead += f" Стороны обсудили {topic}."
        elif mode == "phone":
            lead = (f"{a_role} {a_full} {when} провел телефонный разговор с {b_role} {b_full}. "
                    f"Стороны обсудили {topic}.").replace("  ", " ")
        else:
            via = r.choice(["по видеоконференцсвязи", "в режиме видеоконференции", "по видеосвязи"])
            lead = f"{a_role} {a_full} {via} {when} обсудил с {b_role} {b_full} {topic}.".replace("  ", " ")
        if r.random() < 0.5:
            lead += r.choice([" Об этом сообщила пресс-служба ведомства.", ", сообщает военное ведомство.",
                              " Об этом говорится в сообщении Минобороны."]).replace(".,", ",")
        lines.append(dateline + lead)
        lines.append("")
        y = day.year
        fillers = r.sample(RU_FILLERS, r.randint(5, 12))
        partner = b if a.country == "RUS" else a
        other = a if partner is b else b
        cp = COUNTRIES[partner.country]
        for f in fillers:
            lines.append(f.format(
                topic=r.choice(RU_TOPICS), topic2=r.choice(RU_TOPICS), a_sur_nom=other.surname_ru(0),
                a_sur_acc=other.surname_ru(1), b_sur_gen=partner.surname_ru(1), b_gen=cp.ru_gen,
                partner_gen=cp.ru_gen, partner_adj_f=cp.ru_adj_gen_f[:-2] + "ая",
                partner_adj_gen_pl=cp.ru_adj_ins[:-1] + "х", y=y - 1,
                n=r.randint(12, 90), n0=r.randint(100, 900), month_prep=RU_MONTHS_PREP[r.randrange(12)],
                poligon=r.choice(RU_POLIGONS)))
            lines.append("")
        if r.random() < 0.35:
            doc = r.choice(RU_DOCS).format(y=y + 1, y2=y + 3)
            lines.append(f"По итогам {'переговоров' if mode == 'talks' else 'беседы'} стороны подписали {doc}.")
            lines.append("")
        if r.random() < 0.35:
            prev = day - dt.timedelta(days=r.randint(60, 500))
            pc = r.choice([ca, cb])
            _, _, prev_in = r.choice(pc.cities)
            lines.append(f"Предыдущая встреча министров обороны двух стран состоялась в "
                         f"{RU_MONTHS_PREP[prev.month - 1]} {prev.year} года {prev_in}.")
            lines.append("")
        if r.random() < 0.6:
            lines += self._sidebar("ru")
            lines.append("")
        if r.random() < 0.7:
            lines += r.sample(RU_CHROME_BOTTOM, r.randint(1, 3))
        return "\n".join(lines).strip() + "\n", published

    # ------------------------------------------------------------- English page
    def english(self) -> tuple[str, dt.date]:
        r = self.rng
        day, a, b = self._pair("en")
        mode = r.choices(["talks", "phone", "video"], [6, 2, 2])[0]
        ca, cb = COUNTRIES[a.country], COUNTRIES[b.country]
        host = r.choice([ca, cb])
        city = r.choice(host.cities)[0]
        published = day + dt.timedelta(days=r.choice([0, 0, 0, 1]))
        lines: list[str] = []
        if r.random() < 0.6:
            lines += r.sample(EN_CHROME_TOP, r.randint(1, 2))
            lines.append("")
        lines.append(self._headline("en", a, b, mode, day))
        lines.append("")
        if r.random() < 0.4:
            lines.append(f"By {r.choice(['Staff Reporter', 'Our Correspondent', 'Express News Service', 'Agencies'])}"
                         f" | {city} | Updated: {EN_MONTHS[published.month - 1]} {published.day}, {published.year}")
            lines.append("")
        if r.random() < 0.4:
            lines += [str(r.randint(50, 5000)), "0", "0", r.choice(EN_IMAGE), ""]
        agency = r.choice(EN_AGENCIES)
        m_full, m_abbr = EN_MONTHS[published.month - 1], EN_MONTHS_ABBR[published.month - 1]
        style = r.randrange(3)
        if style == 0:
            dateline = f"{city.upper()}, {m_abbr} {published.day} ({agency}) - "
        elif style == 1:
            dateline = f"{agency}, {m_full} {published.day}{'th' if 4 <= published.day <= 20 else ''}. "
        else:
            dateline = f"{city}, {m_full} {published.day}, {published.year}: "
        when = r.choice([f"on {EN_WEEKDAYS[day.weekday()]}", f"on {EN_MONTHS[day.month - 1]} {day.day}", ""])
        a_title = f"{ca.adj_en} {'Defence Minister' if a.role == 'minister' else 'Chief of the General Staff'}"
        b_title = f"{cb.adj_en} {'Defence Minister' if b.role == 'minister' else 'chief of general staff'}"
        a_rank = f"{a.rank_en} " if a.rank_en and r.random() < 0.5 else ""
        b_rank = f"{b.rank_en} " if b.rank_en and r.random() < 0.5 else ""
        topic = r.choice(EN_TOPICS)
        gathering = r.choice(GATHERINGS)[0] if r.random() < 0.25 else None
        if mode == "talks":
            where = f" on the sidelines of {gathering} in {city}" if gathering else f" in {city}"
            verb = r.choice(["held talks with", "met", "hosted"])
            lead = f"{a_title} {a_rank}{a.en} {verb} his {cb.adj_en} counterpart {b_rank}{b.en}{where} {when}." \
                .replace(" .", ".")
            if r.random() < 0.6:
                lead += f" The two discussed {topic}."
        elif mode == "phone":
            lead = f"{a_title} {a_rank}{a.en} {when} held a phone call with {b_title} {b.en}, discussing {topic}." \
                .replace("  ", " ")
        else:
            lead = f"{a_title} {a_rank}{a.en} held talks via video link with {b_title} {b_rank}{b.en} {when}, " \
                   f"the ministry said.".replace(" ,", ",").replace("  ", " ")
        lines.append(dateline + lead)
        lines.append("")
        for f in r.sample(EN_FILLERS, r.randint(6, 13)):
            lines.append(f.format(topic=r.choice(EN_TOPICS), topic2=r.choice(EN_TOPICS), a_sur=a.surname_en,
                                  b_sur=b.surname_en, y=day.year - 1, n=r.randint(12, 90), n0=r.randint(100, 900),
                                  month=EN_MONTHS[r.randrange(12)], b_country=cb.en, a_country=ca.en))
            lines.append("")
        if r.random() < 0.35:
            lines.append(f"Following the {'talks' if mode == 'talks' else 'call'}, the sides signed "
                         f"{r.choice(EN_DOCS).format(y=day.year + 1)}.")
            lines.append("")
        if r.random() < 0.35:
            prev = day - dt.timedelta(days=r.randint(60, 500))
            pcity = r.choice(r.choice([ca, cb]).cities)[0]
            lines.append(f"The two ministers last met in {pcity} in {EN_MONTHS[prev.month - 1]} {prev.year}.")
            lines.append("")
        if r.random() < 0.6:
            lines += self._sidebar("en")
            lines.append("")
        if r.random() < 0.7:
            lines += r.sample(EN_CHROME_BOTTOM, r.randint(1, 3))
        return "\n".join(lines).strip() + "\n", published

    # ------------------------------------------------------------- pages
    def page(self, lang: str) -> str:
        """One new page (never a repeat of an earlier one), in the seed format."""
        while True:
            text, published = self.russian() if lang == "ru" else self.english()
            if self.rng.random() < 0.7:
                first, _, rest = text.partition("\n")
                text = f" date {published.isoformat()} {first}\n{rest}"
            h = hashlib.sha1(text.encode("utf-8")).hexdigest()
            if h not in self.seen:
                self.seen.add(h)
                return text


def write_corpus(out: str | Path, n: int, langs: tuple[str, ...] = ("ru", "en"), seed: int = 1,
                 subfolders: bool = True) -> dict[str, list[Path]]:
    """Write n distinct pages, shared out evenly between `langs` (one subfolder per language
    unless `subfolders` is false). Returns the paths written, by language."""
    out = Path(out)
    gen = Generator(seed)
    written: dict[str, list[Path]] = {lang: [] for lang in langs}
    for i in range(n):
        lang = langs[i % len(langs)]
        text = gen.page(lang)
        folder = out / lang if subfolders else out
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path = folder / f"{i:05d}_{hashlib.sha1(data).hexdigest()[:16]}.txt"
        path.write_bytes(data)
        written[lang].append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lang", action="append", help="ru and/or en (default both)")
    args = ap.parse_args()
    written = write_corpus(args.out, args.n, tuple(args.lang or ("ru", "en")), args.seed)
    for lang, paths in written.items():
        print(f"{lang}: {len(paths)} pages, {sum(p.stat().st_size for p in paths) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
