"""Pieces of the cleaner: line classes, dates, outlets, language, and small tricky pages."""
from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.clean import clean_page, detect_lang, prepare
from dyadwatch.clean.chrome import classify
from dyadwatch.clean.dates import find_full_date
from dyadwatch.clean.outlets import find_outlet, outlet_of_line, outlet_of_url
from dyadwatch.ingest.raw import RawDocument

# --- single lines --------------------------------------------------------------------------------

CHROME = [
    "Войти", "Sign in", "Log in", "Sign in | Subscribe", "Войти через ВКонтакте", "Subscribe", "945", "1 238", "0",
    "Просмотров: 312", "Просмотров: 3418 | Комментарии: 12", "Image source: topwar.ru",
    "Источник изображения: avatars.example.net", "© Фото: Министерство обороны РФ", "Фото: пресс-служба",
    "Image: ANI", "Photo: Reuters", "© 2019 Example News Agency. All rights reserved.",
    "Copyright © 1998-2021, Example. Used with the permission of Example.",
    "Права на данный материал принадлежат ТАСС", "Материал размещён правообладателем в открытом доступе",
    "The rights to this material belong to", "Поделиться", "Поделиться: ВКонтакте | Одноклассники",
    "Теги: Сергей Шойгу, Турция", "Tags: India, Russia", "Метки: Коллегия", "Комментарии", "Комментарии (0)",
    "Оставить комментарий (0)", "Оцените материал", "Хотите оставить комментарий? Зарегистрируйтесь",
    "Do you want to leave a comment? Register and/or Log in", "Примерное время чтения: 2 минуты",
    "5 min read", "ПОДПИСКА НА НОВОСТИ", "Subscribe to our newsletter", "Get the day's top stories in your inbox",
    "Follow Example on Telegram and Twitter for the latest news", "Advertisement", "Реклама",
    "(Web editor: Zhang Wei, Bianji)", "Written By: Staff | New Delhi | Last Updated: 6th December, 2021 16:42 IST",
    "By Rufus Example – Trend:", "Общество | Политика | В мире", "Новости / Политика", "Latest | Pakistan",
    "22.02.2020 | 16:05", "8 ноября 2018, 15:22", "2025-10-08 19:00:06", "(Xinhua) 08:33, December 28, 2021",
    "Published - September 04, 2020 03:21 pm IST - NEW DELHI", "7 Aug 2020", "Dec. 24, 2021",
    "#армия #Владимир Путин #Миноброны РФ", "Also read | Something happened elsewhere", "READ | Deliveries on schedule",
    "Read Next: Air Force Gets a New Chief", "Читайте также: Шойгу встретился с коллегой",
    "We use cookies to improve your experience", "Обновить", "Update",
]
SIDEBAR = ["Читайте также", "Читайте также:", "Новости по теме:", "Related:", "Related news", "Most Read",
           "Top News Right Now", "Другие новости раздела:", "  • Обсуждаемое", "Популярное", "Recommended",
           "Самое интересное в регионах", "Топ 5 читаемых", "  • Discussion", "Материалы по теме",
           "  • В новости упоминаются"]
TEXT = [
    "МОСКВА, 24 августа. /ТАСС/. Министр обороны России провел переговоры.",
    "ЦАМТО, 18 августа.", "Москва, 6 декабря - АиФ-Москва.", "BEIJING, Dec. 27 (Xinhua) -- China's defense chief spoke.",
    "RAWALPINDI: Chief of Army Staff hosted the minister.", "Baku, Azerbaijan, March 29",
    "Основные вопросы, рассмотренные в ходе заседания:", "- развитие совместных проектов – стороны договорились;",
    "Фотографии с места событий опубликовало Минобороны.", "Share prices of defence companies rose on Monday.",
    "Текст соглашения будет опубликован позднее.", "Copyright disputes were not on the agenda of the talks.",
    "Follow-up talks on the border will be held next month.", "Most popular among the delegates was the tank show.",
    "Комментарии экспертов разошлись.", "Песков отказался от комментариев.", "Source code was not discussed.",
    "More than 300 servicemen took part in the drills.", "Related talks will be held in Minsk.",
    "Update of the agreement was signed on Friday.", "Главное — мир на границе, заявил министр.",
    "By 2025, the army will receive new tanks.", "В 2021 году стороны провели десять учений, сообщили в ведомстве.",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines(line):
    assert classify(line).tag not in (None, "blank", "sidebar"), line


@pytest.mark.parametrize("line", SIDEBAR)
def test_sidebar_headers(line):
    assert classify(line).tag == "sidebar", line


@pytest.mark.parametrize("line", TEXT)
def test_article_lines_are_not_chrome(line):
    assert classify(line).tag is None, line


@pytest.mark.parametrize("line", ["  • 07.07 17:49", "  • 7", "• 18.08 20:35", "  • 10070"])
def test_bullet_meta(line):
    assert classify(line).tag == "meta"


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("s,expected", [
    ("8 ноября 2018, 15:22", "2018-11-08"),
    ("24.10.2018 13:16 — Разное", "2018-10-24"),
    ("Last Updated: 6th December, 2021 16:42 IST", "2021-12-06"),
    ("(Xinhua) 08:33, December 28, 2021", "2021-12-28"),
    ("Published - September 04, 2020 03:21 pm IST", "2020-09-04"),
    ("2021.07.29", "2021-07-29"),
    ("2025-10-08 19:00:06", "2025-10-08"),
    ("Dec. 24, 2021", "2021-12-24"),
    ("News ID: 144520 - Friday 26 April 2019 - 18:40", "2019-04-26"),
    ("AFP | Published: 23 Sep 2021, 09:10", "2021-09-23"),
    ("Posted On: 08 JUN 2022 4:15PM by PIB Delhi", "2022-06-08"),
    ("11 августа 2021 года", "2021-08-11"),
    ("13/05/2022", "2022-05-13"),
    ("15 мая 2019 г.", "2019-05-15"),
])
def test_full_dates(s, expected):
    assert find_full_date(s) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("s", ["24 августа", "March 29", "07.07 17:49", "в ноябре 2019 года", "05/06/2021",
                               "31.02.2020", "1 538", "Copyright © 1998-2021", "version 2.10.2021x"])
def test_no_full_date(s):
    assert find_full_date(s) is None


# --- outlets ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("s,name", [
    ("МОСКВА, 24 августа. /ТАСС/. Министр", "TASS"), ("Москва. 27 января. INTERFAX.RU - Министр", "Interfax"),
    ("ЦАМТО, 18 августа.", "TSAMTO"), ("TSAMTO, April 26th.", "TSAMTO"), ("ЕРЕВАН, 29 октября. /РИА Новости/.", "RIA Novosti"),
    ("BEIJING, Dec. 27 (Xinhua) --", "Xinhua"), ("TEHRAN, Apr. 26 (MNA) –", "Mehr News Agency"),
    ("By Rufiz Example – Trend:", "Trend"), ("Москва, 6 декабря - АиФ-Москва.", "AiF"),
    ("AFP | Published: 23 Sep 2021", "AFP"), ("LONDON (Reuters) -", "Reuters"), ("by PIB Delhi", "PIB"),
])
def test_outlets_in_datelines(s, name):
    assert find_outlet(s) == name


@pytest.mark.parametrize("line,name", [("МЕДИАГРУППА «ЗВЕЗДА»", "Zvezda"), ("ТАСС", "TASS"), ("ЦАМТО", "TSAMTO"),
                                       ("The Hindu", "The Hindu"), ("Mehr News Agency", "Mehr News Agency"),
                                       ("Министерство обороны Российской Федерации", "Ministry of Defence of the Russian Federation")])
def test_outlet_mastheads(line, name):
    assert outlet_of_line(line) == name


def test_outlet_words_in_ordinary_text_are_not_outlets():
    assert find_outlet("The trend is clear, said the minister.") is None
    assert find_outlet("Звезда эстрады выступила перед военными.") is None
    assert find_outlet("Министерство обороны Российской Федерации сообщило о переговорах.") is None


def test_outlet_of_url():
    assert outlet_of_url("https://tass.ru/armiya-i-opk/123") == "TASS"
    assert outlet_of_url("https://www.interfax.ru/russia/1") == "Interfax"
    assert outlet_of_url("https://example.org/") is None
    assert outlet_of_url(None) is None


# --- language ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("Министр обороны России генерал армии Сергей Шойгу провел переговоры с министром обороны Китая.", "ru"),
    ("The defence ministers of India and Vietnam met in Hanoi on Wednesday and signed a memorandum.", "en"),
    ("Шойгу провел переговоры", "unknown"),
    ("Hello world", "unknown"),
    ("", "unknown"),
    ("Міністр оборони України провів зустріч з колегою з Польщі у Києві, сторони обговорили співпрацю.", "unknown"),
    ("Министърът на отбраната се срещна с колегата си от Сърбия в София и обсъдиха сътрудничеството.", "unknown"),
    ("Le ministre de la Défense a rencontré son homologue à Moscou pour discuter de la coopération.", "unknown"),
    ("Шойгу met Wei Фэнхэ в Москве and they talked about the exercises вчера вечером на встрече", "unknown"),
    ("1234 5678 90 12 34 56 78 90 12 34", "unknown"),
])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


# --- small pages with tricky structure ------------------------------------------------------------

P1 = "Министр обороны провел переговоры с коллегой, стороны обсудили сотрудничество и подготовку учений."
P2 = "Стороны договорились продолжить консультации, следующая встреча пройдет в следующем году в Минске."
P3 = "По итогам встречи министры подписали план сотрудничества военных ведомств на следующий год."


def test_sidebar_inside_the_body_goes_and_the_body_resumes():
    page = "\n\n".join([P1, "Читайте также:\nШойгу встретился с министром обороны Индии\nДругая новость о встрече", P2, P3])
    out = clean_page(page).text
    assert out == "\n\n".join([P1, P2, P3])


def test_unlabelled_link_list_inside_the_body_goes():
    links = "Шойгу встретился с министром обороны Индии\nГерасимов провел переговоры в Женеве\nМинистры обсудили поставки"
    out = clean_page("\n\n".join([P1, links, P2])).text
    assert out == "\n\n".join([P1, P2])


def test_list_introduced_by_a_colon_stays_even_without_punctuation():
    items = "подготовка штабов\nобмен опытом\nпоставки техники"
    page = "\n\n".join([P1, "Стороны обсудили:\n" + items, P2])
    out = clean_page(page).text
    for item in items.split("\n"):
        assert item in out.split("\n\n")


def test_short_paragraphs_and_last_list_item_without_punctuation_stay():
    page = "\n\n".join(["Заголовок новости о переговорах министров", P1, "Переговоры длились два часа.",
                        "Стороны подписали:", "- план сотрудничества;", "- протокол", "Теги: армия"])
    out = clean_page(page).text.split("\n\n")
    assert out == ["Заголовок новости о переговорах министров", P1, "Переговоры длились два часа.",
                   "Стороны подписали:", "- план сотрудничества;", "- протокол"]


def test_caption_above_an_image_credit_goes():
    page = "\n".join(["Министры на переговорах", "Фото: пресс-служба Минобороны"]) + "\n\n" + P1
    assert clean_page(page).text == P1


def test_page_without_any_long_paragraph_keeps_title_and_sentences():
    page = "Войти\n\nШойгу прибыл в Минск с визитом\n\nПереговоры прошли в Минске.\n\nПоделиться"
    res = clean_page(page)
    assert res.text == "Шойгу прибыл в Минск с визитом\n\nПереговоры прошли в Минске."
    assert res.title == "Шойгу прибыл в Минск с визитом"


def test_short_title_below_a_masthead():
    res = clean_page("ЦАМТО\n\nШойгу посетил Минск\n\n" + P1)
    assert res.title == "Шойгу посетил Минск" and res.text.startswith("Шойгу посетил Минск\n\n")
    assert res.source == "TSAMTO"


def test_published_prefers_the_published_line_over_updated():
    page = "Title of the story about the talks\n\nUpdated - June 11, 2022 07:40 am IST\n" \
           "Published - June 10, 2022 09:15 pm IST\n\n" + "The ministers met on Friday and discussed the situation in the region at length."
    assert clean_page(page).published == dt.date(2022, 6, 10)


def test_published_from_a_dateline_with_a_year():
    page = "WASHINGTON, Aug. 7, 2020 (Reuters) - The defense secretary spoke with his counterpart by phone on Thursday."
    res = clean_page(page)
    assert res.published == dt.date(2020, 8, 7) and res.source == "Reuters"


def test_published_is_not_taken_from_sidebar_stamps_or_body_dates():
    page = "\n\n".join([P1, "Ранее министры встречались 8 ноября 2018 года в Астане.", "  • Обсуждаемое\n  • 07.07.2021 17:49\n  • 5\nДругая новость"])
    assert clean_page(page).published is None


def test_crlf_and_cr_line_ends():
    page = "Title line of the article here\r\n\r\n" + P1 + "\r\n\r\nТеги: армия\r\n"
    res = clean_page(page)
    assert res.text == "Title line of the article here\n\n" + P1


def test_prepare_never_raises_on_odd_text():
    for text in ["", "\n\n\n", "\x0b\x0c", "•", "— —", "a" * 10000, "\u2028\u2029", "\ufeff", "Войти\n" * 50]:
        doc = prepare(RawDocument(doc_id="x", text=text))
        assert doc.status in ("ok", "rejected")
