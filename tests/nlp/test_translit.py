import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dyadwatch.nlp.translit import (
    PINYIN_TO_PALLADIUS,
    is_palladius,
    palladius_to_pinyin,
    pinyin_to_palladius,
    romanize_name,
    ru_to_latin,
)

# ------------------------------------------------------------------ BGN/PCGN

BRIEF_EXAMPLES = [
    ("Эмомали Собирзода", "Emomali Sobirzoda"),
    ("Дмитрий Пантус", "Dmitriy Pantus"),
    ("Сергей Шойгу", "Sergey Shoygu"),
    ("Андрей Белоусов", "Andrey Belousov"),
    ("Нурлан Ермекбаев", "Nurlan Yermekbayev"),
]

BGN_CASES = [
    ("Владимир Путин", "Vladimir Putin"),
    ("Сергей Лавров", "Sergey Lavrov"),
    ("Юрий Ушаков", "Yuriy Ushakov"),
    ("Валерий Герасимов", "Valeriy Gerasimov"),
    ("Мария Захарова", "Mariya Zakharova"),
    ("Николай Патрушев", "Nikolay Patrushev"),
    ("Михаил Мишустин", "Mikhail Mishustin"),
    ("Евгений Евтушенко", "Yevgeniy Yevtushenko"),  # е at word start
    ("Андреевич", "Andreyevich"),  # е after a vowel
    ("Майя", "Mayya"),
    ("Елена Ёлкина", "Yelena Yolkina"),
    ("Васильев", "Vasilyev"),  # е after ь
    ("Объединённый", "Obyedinyonnyy"),  # е after ъ; ё after a consonant; -ый
    ("Пётр Фёдорович", "Pyotr Fyodorovich"),
    ("Артём Королёв", "Artyom Korolyov"),
    ("Горбачёв", "Gorbachev"),  # ё after a hushing consonant: as the е spelling
    ("Горбачев", "Gorbachev"),
    ("Хрущёв", "Khrushchev"),
    ("Соловьёв", "Solovyov"),
    ("Ильин", "Ilin"),  # ь dropped
    ("Толстой", "Tolstoy"),
    ("Айвазовский", "Ayvazovskiy"),
    ("Новый", "Novyy"),
    ("Щукин", "Shchukin"),
    ("Цыганков", "Tsygankov"),
    ("Эдуард Жуков", "Eduard Zhukov"),
    ("Юлия Якушева", "Yuliya Yakusheva"),
    ("Римский-Корсаков", "Rimskiy-Korsakov"),
    ("Серге́й", "Sergey"),  # stress mark dropped
    ("Андреи\u0306", "Andrey"),  # decomposed й
]

CAPS_CASES = [
    ("ШОЙГУ", "SHOYGU"),
    ("ЮРИЙ ШОЙГУ", "YURIY SHOYGU"),
    ("Ю. В. УШАКОВ", "YU. V. USHAKOV"),
    ("Ю. В. Ушаков", "Yu. V. Ushakov"),
    ("МИД России", "MID Rossii"),
    ("ЕРМЕКБАЕВ", "YERMEKBAYEV"),
    ("Щ", "Shch"),
]

OTHER_CYRILLIC = [
    ("Євген Їжак", "Yevgen Yizhak"),
    ("Ґонта", "Gonta"),
    ("Ўладзімір", "Wladzimir"),
    ("Лукашэнка", "Lukashenka"),
    ("Касым-Жомарт Тоқаев", "Kasym-Zhomart Toqayev"),
    ("Ҳоҷӣ", "Hoji"),
]


@pytest.mark.parametrize("ru, en", BRIEF_EXAMPLES + BGN_CASES + CAPS_CASES + OTHER_CYRILLIC)
def test_ru_to_latin(ru, en):
    assert ru_to_latin(ru) == en


def test_non_cyrillic_kept():
    assert ru_to_latin("Шойгу (Shoigu), 12.05.2024 — «Минобороны»") == (
        "Shoygu (Shoigu), 12.05.2024 — «Minoborony»"
    )
    assert ru_to_latin("") == ""


# ------------------------------------------------------------------ Palladius

CHINESE_OFFICIALS = [
    # from the brief
    ("Чжань Шисянь", "Zhan Shixian"),
    ("Дун Цзюнь", "Dong Jun"),
    ("Вэй Фэнхэ", "Wei Fenghe"),
    ("Ли Шанфу", "Li Shangfu"),
    ("Си Цзиньпин", "Xi Jinping"),
    ("Чжан Юся", "Zhang Youxia"),
    ("Хэ Вэйдун", "He Weidong"),
    ("Лю Чжэньли", "Liu Zhenli"),
    ("Ван И", "Wang Yi"),
    ("Цинь Ган", "Qin Gang"),
    ("Лю Хэ", "Liu He"),
    ("Ли Цзочэн", "Li Zuocheng"),
    # party and state
    ("Ли Цян", "Li Qiang"),
    ("Чжао Лэцзи", "Zhao Leji"),
    ("Ван Хунин", "Wang Huning"),
    ("Цай Ци", "Cai Qi"),
    ("Дин Сюэсян", "Ding Xuexiang"),
    ("Ли Си", "Li Xi"),
    ("Хань Чжэн", "Han Zheng"),
    ("Ван Цишань", "Wang Qishan"),
    ("Ли Кэцян", "Li Keqiang"),
    ("Ху Цзиньтао", "Hu Jintao"),
    ("Цзян Цзэминь", "Jiang Zemin"),
    ("Вэнь Цзябао", "Wen Jiabao"),
    ("Дэн Сяопин", "Deng Xiaoping"),
    ("Мао Цзэдун", "Mao Zedong"),
    ("Мао Цзэ-дун", "Mao Zedong"),  # old hyphenated style
    ("Чжоу Эньлай", "Zhou Enlai"),
    ("Чжу Жунцзи", "Zhu Rongji"),
    ("Ли Пэн", "Li Peng"),
    ("Ян Шанкунь", "Yang Shangkun"),
    ("Лю Шаоци", "Liu Shaoqi"),
    ("Ху Яобан", "Hu Yaobang"),
    ("Чжао Цзыян", "Zhao Ziyang"),
    ("Хуа Гофэн", "Hua Guofeng"),
    ("Ли Юаньчао", "Li Yuanchao"),
    ("Чжан Дэцзян", "Zhang Dejiang"),
    ("Юй Чжэншэн", "Yu Zhengsheng"),
    ("Лю Юньшань", "Liu Yunshan"),
    ("Чжан Гаоли", "Zhang Gaoli"),
    ("Ли Чжаньшу", "Li Zhanshu"),
    ("Хуэй Лянъюй", "Hui Liangyu"),
    ("Ван Ян", "Wang Yang"),
    ("Чжу Дэ", "Zhu De"),
    ("Пэн Дэхуай", "Peng Dehuai"),
    ("Чэнь Юнь", "Chen Yun"),
    # foreign ministry
    ("Ян Цзечи", "Yang Jiechi"),
    ("Хуа Чуньин", "Hua Chunying"),
    ("Чжао Лицзянь", "Zhao Lijian"),
    ("Мао Нин", "Mao Ning"),
    ("Ван Вэньбинь", "Wang Wenbin"),
    ("Гэн Шуан", "Geng Shuang"),
    ("Линь Цзянь", "Lin Jian"),
    ("Чжан Ханьхуэй", "Zhang Hanhui"),
    ("Цуй Тянькай", "Cui Tiankai"),
    ("Лю Цзяньчао", "Liu Jianchao"),
    ("Ло Чжаохуэй", "Luo Zhaohui"),
    ("Сунь Вэйдун", "Sun Weidong"),
    ("Ма Чжаосюй", "Ma Zhaoxu"),
    ("Се Фэн", "Xie Feng"),
    # military
    ("Мяо Хуа", "Miao Hua"),
    ("Сюй Цилян", "Xu Qiliang"),
    ("Фань Чанлун", "Fan Changlong"),
    ("Чан Ваньцюань", "Chang Wanquan"),
    ("Чжан Шэнминь", "Zhang Shengmin"),
    ("Ли Цяомин", "Li Qiaoming"),
    ("Линь Сянъян", "Lin Xiangyang"),
    ("Чан Динцю", "Chang Dingqiu"),
    ("Ван Сюбинь", "Wang Xiubin"),
    ("Юань Хуачжи", "Yuan Huazhi"),
    ("Цинь Шутун", "Qin Shutong"),
    ("Шэнь Цзиньлун", "Shen Jinlong"),
    ("Ван Хайцзян", "Wang Haijiang"),
    # Taiwan (Mandarin pinyin, not the local Wade-Giles spellings)
    ("Цай Инвэнь", "Cai Yingwen"),
    ("Лай Циндэ", "Lai Qingde"),
    ("Ма Инцзю", "Ma Yingjiu"),
]


@pytest.mark.parametrize("pal, py", CHINESE_OFFICIALS)
def test_palladius_to_pinyin(pal, py):
    assert palladius_to_pinyin(pal) == py
    assert is_palladius(pal)


@pytest.mark.parametrize("pal, py", CHINESE_OFFICIALS)
def test_pinyin_to_palladius(pal, py):
    assert pinyin_to_palladius(py) == pal.replace("Цзэ-дун", "Цзэдун")


def test_case_and_spacing():
    assert palladius_to_pinyin("СИ ЦЗИНЬПИН") == "Xi Jinping"
    assert palladius_to_pinyin("  си   цзиньпин ") == "Xi Jinping"
    assert palladius_to_pinyin("Хуй Лянъюй") == "Hui Liangyu"  # canonical Palladius spelling


@pytest.mark.parametrize(
    "text", ["", "   ", "Сергей Шойгу", "Владимир Путин", "Си Jinping", "Си Цзиньпин.", "Ли-"]
)
def test_not_palladius(text):
    assert palladius_to_pinyin(text) is None
    assert not is_palladius(text)


SYLLABLES = {
    "zi": "цзы", "ci": "цы", "si": "сы", "zhi": "чжи", "chi": "чи", "shi": "ши", "ri": "жи",
    "ji": "цзи", "qi": "ци", "xi": "си", "you": "ю", "yu": "юй", "liu": "лю", "lü": "люй",
    "lüe": "люэ", "jue": "цзюэ", "juan": "цзюань", "jun": "цзюнь", "jiong": "цзюн",
    "yi": "и", "ye": "е", "wo": "во", "wei": "вэй", "wen": "вэнь", "weng": "вэн", "er": "эр",
    "zhuang": "чжуан", "guo": "го", "dun": "дунь", "dong": "дун", "hui": "хуй", "shei": "шэй",
}


@pytest.mark.parametrize("py, pal", SYLLABLES.items())
def test_syllable_table(py, pal):
    assert PINYIN_TO_PALLADIUS[py] == pal


def test_syllable_table_complete_and_one_to_one():
    assert 400 <= len(PINYIN_TO_PALLADIUS) <= 420
    assert len(set(PINYIN_TO_PALLADIUS.values())) == len(PINYIN_TO_PALLADIUS)


def test_pinyin_to_palladius_input_forms():
    assert pinyin_to_palladius("Xí Jìnpíng") == "Си Цзиньпин"
    assert pinyin_to_palladius("Lv Xinhua") == "Люй Синьхуа"
    assert pinyin_to_palladius("Xi'an") == "Сиань"
    assert pinyin_to_palladius("Chang'e") == "Чанъэ"
    assert pinyin_to_palladius("Hui Liangyu") == "Хуэй Лянъюй"
    assert pinyin_to_palladius("Putin") is None


# ------------------------------------------------------------------ romanize_name


def test_romanize_name():
    assert romanize_name("Дун Цзюнь", "CHN") == "Dong Jun"
    assert romanize_name("Цай Инвэнь", "TWN") == "Cai Yingwen"
    assert romanize_name("Дун Цзюнь", None) == "Dun Tszyun"
    assert romanize_name("Дун Цзюнь", "RUS") == "Dun Tszyun"
    assert romanize_name("Андрей Белоусов", "CHN") == "Andrey Belousov"  # not Palladius
    assert romanize_name("Нурлан Ермекбаев", "KAZ") == "Nurlan Yermekbayev"


# ------------------------------------------------------------------ properties

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
CYRILLIC = st.characters(min_codepoint=0x0400, max_codepoint=0x052F) | st.characters(
    min_codepoint=0xA640, max_codepoint=0xA69F
) | st.characters(min_codepoint=0x1C80, max_codepoint=0x1C88) | st.characters(
    min_codepoint=0x2DE0, max_codepoint=0x2DFF
)


def _has_cyrillic(s: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(c, "") for c in s)


@given(st.text())
def test_ru_to_latin_never_raises(text):
    assert isinstance(ru_to_latin(text), str)


@given(st.text(CYRILLIC | st.sampled_from(" -.")))
def test_ru_to_latin_leaves_no_cyrillic(text):
    assert not _has_cyrillic(ru_to_latin(text))


@given(st.text(st.sampled_from(RUSSIAN + RUSSIAN.upper() + " -")))
def test_russian_becomes_ascii(text):
    out = ru_to_latin(text)
    assert out.isascii()
    assert out.count(" ") == text.count(" ") and out.count("-") == text.count("-")


@given(st.text().filter(lambda s: not _has_cyrillic(s)))
def test_non_cyrillic_text_unchanged(text):
    assert ru_to_latin(text) == text


@given(st.text())
def test_palladius_never_raises(text):
    out = palladius_to_pinyin(text)
    assert out is None or not _has_cyrillic(out)


_PY = sorted(PINYIN_TO_PALLADIUS)
_VOWELS = set("аеёиоуыэюя")


def _pinyin_word(syllables: list[str]) -> str:
    # Pinyin puts an apostrophe before a non-initial syllable starting with a, o, e
    word = syllables[0] + "".join(("'" if s[0] in "aoe" else "") + s for s in syllables[1:])
    return word.capitalize()


def _palladius_merges(syllables: list[str]) -> bool:
    """Palladius writes nothing between a syllable ending in a vowel and one starting with
    а, о, у, э, so some sequences share a spelling: да+оу and дао+у are both Даоу, цзю+э and
    цзюэ both Цзюэ, ху+эй and хуэй both Хуэй. Those cannot round-trip."""
    pals = [PINYIN_TO_PALLADIUS[s] for s in syllables]
    return any(a[-1] in _VOWELS and b[0] in "аоуэ" for a, b in zip(pals, pals[1:]))


@settings(max_examples=500)
@given(
    st.lists(st.lists(st.sampled_from(_PY), min_size=1, max_size=3), min_size=1, max_size=3)
)
def test_pinyin_palladius_round_trip(words):
    assume(not any(_palladius_merges(w) for w in words))
    pinyin = " ".join(_pinyin_word(w) for w in words)
    pal = pinyin_to_palladius(pinyin)
    assert pal is not None and is_palladius(pal)
    assert palladius_to_pinyin(pal) == pinyin.replace("'", "")
