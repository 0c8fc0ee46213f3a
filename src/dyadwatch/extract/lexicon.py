"""Words the extractor looks for, by language. Russian entries are lemmas (matched against
each word's lemma set), English entries are lower-case words. Phrases are tuples; the slot
"@C" stands for one country word inside a phrase ('глава @C военного ведомства',
'chairman of the @C joint chiefs of staff') and gives the role its country."""
from __future__ import annotations

from ..kb import DEFENCE_ROLES

# ---- roles: phrase -> canonical English role ----
ROLES_RU: dict[tuple[str, ...], str] = {
    ("министр", "оборона"): "Minister of Defence",
    ("министр", "@C", "оборона"): "Minister of Defence",
    ("министр", "национальный", "оборона"): "Minister of National Defence",
    ("министр", "оборона", "и", "военный", "промышленность"): "Minister of Defence and Military Production",
    ("глава", "минобороны"): "Minister of Defence",
    ("глава", "министерство", "оборона"): "Minister of Defence",
    ("глава", "военный", "ведомство"): "Minister of Defence",
    ("глава", "@C", "военный", "ведомство"): "Minister of Defence",
    ("глава", "оборонный", "ведомство"): "Minister of Defence",
    ("глава", "@C", "оборонный", "ведомство"): "Minister of Defence",
    ("руководитель", "военный", "ведомство"): "Minister of Defence",
    ("глава", "пентагон"): "Secretary of Defense",
    ("шеф", "пентагон"): "Secretary of Defense",
    ("начальник", "генеральный", "штаб"): "Chief of the General Staff",
    ("начальник", "генштаб"): "Chief of the General Staff",
    ("начальник", "объединённый", "комитет", "начальник", "штаб"): "Chairman of the Joint Chiefs of Staff",
    ("председатель", "объединенный", "комитет", "начальник", "штаб"): "Chairman of the Joint Chiefs of Staff",
    ("президент",): "President",
    ("премьер-министр",): "Prime Minister",
    ("министр", "иностранный", "дело"): "Minister of Foreign Affairs",
    ("глава", "мид"): "Minister of Foreign Affairs",
    ("госсекретарь",): "Secretary of State",
    ("заместитель", "министр", "иностранный", "дело"): "Deputy Minister of Foreign Affairs",
    ("заместитель", "министр", "оборона"): "Deputy Minister of Defence",
    ("замминистра", "оборона"): "Deputy Minister of Defence",
    ("секретарь", "совет", "безопасность"): "Secretary of the Security Council",
    ("главнокомандующий",): "Commander-in-Chief",
    ("председатель", "центральный", "военный", "совет"): "Chairman of the Central Military Commission",
    ("заместитель", "председатель", "центральный", "военный", "совет"): "Vice Chairman of the Central Military Commission",
    ("министр",): "Minister",
    ("коллега",): "counterpart",
    ("визави",): "counterpart",
    ("сторона",): "side",
    ("делегация",): "delegation",
    ("посол",): "Ambassador",
    ("пресс-секретарь",): "Spokesperson",
    ("представитель",): "Representative",
    # generic heads: the role text is kept as written, translated by its head
    ("председатель",): "Chairman",
    ("заместитель", "начальник"): "Deputy Chief",
    ("заместитель",): "Deputy",
    ("начальник",): "Chief",
    ("командующий",): "Commander",
    ("глава",): "Head",
    ("руководитель",): "Head",
    ("директор",): "Director",
}

ROLES_EN: dict[tuple[str, ...], str] = {
    ("defense", "minister"): "Minister of Defence",
    ("defence", "minister"): "Minister of Defence",
    ("minister", "of", "defense"): "Minister of Defence",
    ("minister", "of", "defence"): "Minister of Defence",
    ("minister", "of", "national", "defense"): "Minister of National Defence",
    ("minister", "of", "national", "defence"): "Minister of National Defence",
    ("national", "defense", "minister"): "Minister of National Defence",
    ("national", "defence", "minister"): "Minister of National Defence",
    ("minister", "of", "defence", "and", "military", "production"): "Minister of Defence and Military Production",
    ("defense", "secretary"): "Secretary of Defense",
    ("defence", "secretary"): "Secretary of Defense",
    ("secretary", "of", "defense"): "Secretary of Defense",
    ("defense", "chief"): "Minister of Defence",
    ("defence", "chief"): "Minister of Defence",
    ("pentagon", "chief"): "Secretary of Defense",
    ("head", "of", "the", "military", "department"): "Minister of Defence",
    ("head", "of", "the", "defense", "ministry"): "Minister of Defence",
    ("head", "of", "the", "defence", "ministry"): "Minister of Defence",
    ("chief", "of", "the", "general", "staff"): "Chief of the General Staff",
    ("chief", "of", "general", "staff"): "Chief of the General Staff",
    ("chief", "of", "the", "general", "staff", "of", "the", "@C", "armed", "forces"): "Chief of the General Staff",
    ("chairman", "of", "the", "joint", "chiefs", "of", "staff"): "Chairman of the Joint Chiefs of Staff",
    ("chairman", "of", "the", "@C", "joint", "chiefs", "of", "staff"): "Chairman of the Joint Chiefs of Staff",
    ("chief", "of", "army", "staff"): "Chief of Army Staff",
    ("army", "chief"): "Chief of Army Staff",
    ("coas",): "Chief of Army Staff",
    ("chief", "of", "defence", "staff"): "Chief of Defence Staff",
    ("chief", "of", "defense", "staff"): "Chief of Defence Staff",
    ("chief", "of", "the", "defence", "staff"): "Chief of Defence Staff",
    ("chief", "of", "the", "defense", "staff"): "Chief of Defence Staff",
    ("chief", "of", "defence", "forces"): "Chief of Defence Forces",
    ("chief", "of", "defense", "forces"): "Chief of Defence Forces",
    ("chief", "of", "the", "defence", "forces"): "Chief of Defence Forces",
    ("chief", "of", "the", "defense", "forces"): "Chief of Defence Forces",
    ("chief", "of", "defence", "force"): "Chief of Defence Forces",
    ("chief", "of", "the", "defence", "force"): "Chief of Defence Forces",
    ("chief", "of", "staff", "of", "the", "armed", "forces"): "Chief of the General Staff",
    ("chief", "of", "staff", "of", "the", "@C", "armed", "forces"): "Chief of the General Staff",
    ("commander", "of", "the", "armed", "forces"): "Commander of the Armed Forces",
    ("commander", "of", "the", "@C", "armed", "forces"): "Commander of the Armed Forces",
    ("chief", "of", "naval", "staff"): "Chief of Naval Staff",
    ("chief", "of", "the", "naval", "staff"): "Chief of Naval Staff",
    ("chief", "of", "air", "staff"): "Chief of Air Staff",
    ("chief", "of", "the", "air", "staff"): "Chief of Air Staff",
    ("minister", "for", "defence"): "Minister of Defence",
    ("minister", "for", "defense"): "Minister of Defence",
    ("secretary", "of", "state", "for", "defence"): "Secretary of State for Defence",
    ("deputy", "minister", "of", "defence"): "Deputy Minister of Defence",
    ("deputy", "minister", "of", "defense"): "Deputy Minister of Defence",
    ("top", "soldier"): "Chief of the General Staff",
    ("top", "military", "officer"): "Chief of the General Staff",
    ("top", "general"): "Chief of the General Staff",
    ("military", "commander"): "Commander",
    ("president",): "President",
    ("prime", "minister"): "Prime Minister",
    ("foreign", "minister"): "Minister of Foreign Affairs",
    ("minister", "of", "foreign", "affairs"): "Minister of Foreign Affairs",
    ("secretary", "of", "state"): "Secretary of State",
    ("deputy", "secretary", "of", "state"): "Deputy Secretary of State",
    ("deputy", "foreign", "minister"): "Deputy Minister of Foreign Affairs",
    ("deputy", "defense", "minister"): "Deputy Minister of Defence",
    ("deputy", "defence", "minister"): "Deputy Minister of Defence",
    ("state", "councilor"): "State Councilor",
    ("minister",): "Minister",
    ("counterpart",): "counterpart",
    ("counterparts",): "counterpart",
    ("side",): "side",
    ("delegation",): "delegation",
    ("ambassador",): "Ambassador",
    ("spokesman",): "Spokesperson",
    ("spokeswoman",): "Spokesperson",
    ("spokesperson",): "Spokesperson",
}

# Roles that are never a meeting's participant on their own (they report or accompany).
NON_PARTICIPANT_ROLES = {"Ambassador", "Spokesperson", "Representative"}
HEAD_ROLES = {"President", "Prime Minister"}
GENERIC_ROLES = {"counterpart", "side", "delegation", "Minister", "Chairman", "Deputy Chief", "Deputy", "Chief",
                 "Commander", "Head", "Director"}
# Roles that make a person an official whose meetings are defence diplomacy: the KB's defence
# offices, plus the generic ones the text may give an official it does not know.
SECURITY_ROLES = DEFENCE_ROLES | {"Commander-in-Chief", "Commander"}

# ---- ranks ----
RANKS_RU: dict[tuple[str, ...], str] = {
    ("генерал", "армия"): "General of the Army",
    ("генерал-полковник",): "Colonel General",
    ("генерал-лейтенант",): "Lieutenant General",
    ("генерал-майор",): "Major General",
    ("бригадный", "генерал"): "Brigadier General",
    ("генерал",): "General",
    ("адмирал",): "Admiral",
    ("вице-адмирал",): "Vice Admiral",
    ("контр-адмирал",): "Rear Admiral",
    ("маршал",): "Marshal",
    ("полковник",): "Colonel",
    ("старший", "генерал"): "Senior General",
    ("фельдмаршал",): "Field Marshal",
    ("адмирал", "флот"): "Admiral of the Fleet",
    ("маршал", "авиация"): "Air Marshal",
}
RANKS_EN: dict[tuple[str, ...], str] = {
    ("army", "general"): "General of the Army",
    ("general", "of", "the", "army"): "General of the Army",
    ("colonel", "general"): "Colonel General",
    ("lieutenant", "general"): "Lieutenant General",
    ("lt", "gen"): "Lieutenant General",
    ("major", "general"): "Major General",
    ("brigadier", "general"): "Brigadier General",
    ("brig", "gen"): "Brigadier General",
    ("general",): "General",
    ("gen",): "General",
    ("admiral",): "Admiral",
    ("adm",): "Admiral",
    ("vice", "admiral"): "Vice Admiral",
    ("rear", "admiral"): "Rear Admiral",
    ("air", "chief", "marshal"): "Air Chief Marshal",
    ("marshal",): "Marshal",
    ("colonel",): "Colonel",
    ("senior", "general"): "Senior General",
    ("field", "marshal"): "Field Marshal",
    ("air", "marshal"): "Air Marshal",
    ("air", "vice", "marshal"): "Air Vice Marshal",
    ("maj", "gen"): "Major General",
    ("vice", "adm"): "Vice Admiral",
    ("rear", "adm"): "Rear Admiral",
    ("admiral", "of", "the", "fleet"): "Admiral of the Fleet",
}

# ---- event triggers ----
# Strong triggers report a meeting by themselves; weak ones need a counterpart in the sentence.
TRIGGERS_RU = {
    "переговоры", "встреча", "встретиться", "встречаться", "беседа", "побеседовать", "переговорить",
    "разговор", "заседание", "видеоконференция", "видеоконференцсвязь", "консультация",
    "визит", "прибыть", "прилететь", "посетить", "диалог", "созвониться", "встретить",
    "сопредседательствовать",
}
WEAK_TRIGGERS_RU = {"обсудить", "обсуждать", "принять", "совещание", "коллегия", "провести", "подписать", "подписание"}
TRIGGERS_EN = {
    "co-chaired", "co-chair", "co-chairs", "co-chairing",
    "talks", "talk", "talked", "met", "meet", "meets", "meeting", "meetings", "call", "phone", "spoke",
    "conversation", "session", "videoconference", "visit", "visited", "visits", "visiting", "hosted", "hosts",
    "host", "received", "receives", "receive", "dialogue", "consultations", "arrived", "discussed", "discuss",
    "signed", "inked",
}
WEAK_TRIGGERS_EN = {"discussed", "discuss", "received", "receives", "receive", "held", "session", "signed", "inked"}
# phrases (English) that are triggers together
TRIGGER_PHRASES_EN = {("sat", "down"), ("sit", "down"), ("video", "link"), ("video", "conference"),
                      ("spoke", "with"), ("spoke", "by")}

# A meeting reported as an event of its own (for referred-to meetings): a verb or a modified noun.
REF_EVENT_VERBS_RU = {"встретиться", "встречаться", "состояться", "пройти", "провести", "переговорить",
                      "побеседовать", "созвониться", "прибыть", "посетить", "возобновиться"}
REF_EVENT_VERBS_EN = {"met", "meet", "spoke", "talked", "held", "took", "sat", "hosted", "received", "visited",
                      "visit", "hold", "called", "speak"}
REF_MODIFIERS_RU = {"последний", "предыдущий", "прошлый", "прошедший", "минувший", "ранее"}
REF_MODIFIERS_EN = {"last", "previous", "earlier", "next", "upcoming", "had"}  # past perfect: an earlier one

# Visits make the host country a side.
VISIT_WORDS_RU = {"визит", "прибыть", "прилететь", "посетить", "пребывание", "находиться"}
VISIT_WORDS_EN = {"visit", "visited", "visits", "visiting", "arrived", "trip", "travelled", "traveled", "hosted"}

# ---- mode ----
PHONE_RU = {"телефонный", "телефон", "созвониться"}
VIDEO_RU = {"видеоконференция", "видеоконференцсвязь", "видеосвязь", "видеорежим", "видеозвонок"}
PHONE_EN = {"phone", "telephone", "phoned"}
VIDEO_EN = {"videoconference", "video-conference", "videolink", "virtual", "teleconference"}
PHONE_PHRASES_EN = {("phone", "call"), ("by", "phone"), ("on", "the", "phone"), ("call", "with"),
                    ("calls", "with"), ("call", "between")}
VIDEO_PHRASES_EN = {("video", "link"), ("video", "conference"), ("video", "call"), ("video", "teleconference"),
                    ("video", "talks"), ("video", "format"), ("via", "video")}
VIDEO_PHRASES_RU = {("по", "видеосвязь"), ("в", "режим", "видеоконференция"), ("по", "видео")}

# ---- tense and polarity ----
PLANNED_EN = {"will", "would", "to", "expected", "planned", "plans", "scheduled", "upcoming", "next", "hoped", "hopes",
              "intends", "shall"}
PLANNED_RU = {"планироваться", "ожидаться", "предстоять", "намерен", "запланировать", "собираться"}
NEGATION_EN = {"not", "no", "never", "n't", "without", "declined", "declines", "declining", "refused", "refuses",
               "refusing", "rejected", "cancelled", "canceled", "snubbed"}
NEGATION_RU = {"не", "нет", "ни", "отказаться", "отказываться", "отказ", "отменить", "отклонить"}
PAST_REPORT_RU = {"ранее"}  # 'Ранее сообщалось': an older report, not this event

# ---- signed documents ----
SIGN_RU = {"подписать", "подписание", "подписанный", "подписываться", "заключить", "скрепить"}
SIGN_EN = {"signed", "signing", "inked", "signatures", "sign", "signs", "sealed", "seal", "concluded"}
DOC_TYPES_RU = {
    "меморандум": "memorandum", "соглашение": "agreement", "договор": "agreement", "протокол": "protocol",
    "план": "plan", "программа": "plan", "контракт": "contract", "заявление": "statement",
    "декларация": "statement", "коммюнике": "statement", "дорожный": "plan",
}
DOC_TYPES_EN = {
    "memorandum": "memorandum", "mou": "memorandum", "memorandums": "memorandum", "agreement": "agreement",
    "agreements": "agreement", "pact": "agreement", "pacts": "agreement", "treaty": "agreement",
    "protocol": "protocol", "protocols": "protocol", "plan": "plan", "plans": "plan", "programme": "plan",
    "program": "plan", "roadmap": "plan", "contract": "contract", "contracts": "contract", "deal": "contract",
    "statement": "statement", "declaration": "statement", "communique": "statement",
}
# a document noun right after these is the subject of another document ('agreement on the programme')
DOC_OBJECT_MARKERS_RU = {"о", "об", "по"}
DOC_OBJECT_MARKERS_EN = {"on", "amending", "under", "of"}

# ---- topics (the fixed list documented in README) ----
TOPICS: dict[str, dict[str, set]] = {
    "military_cooperation": {"ru": {"военный сотрудничество", "сотрудничество в военный", "военный взаимодействие",
                                     "взаимодействие армия", "оборонный сфера", "сфера оборона"},
                             "en": {"military cooperation", "defense cooperation", "defence cooperation",
                                    "military ties", "defense ties", "defence ties", "army-to-army",
                                    "military-to-military", "defense collaboration", "defence collaboration"}},
    "military_technical_cooperation": {"ru": {"военно-технический", "вооружение", "военный техника", "впк",
                                               "оборонный промышленность", "военно-промышленный"},
                                        "en": {"military-technical", "military technical", "arms", "weapons",
                                               "defence industry", "defense industry", "defence production",
                                               "defense production", "co-production", "rifles", "procure",
                                               "procurement"}},
    "joint_exercises": {"ru": {"учение", "совместный учение", "маневры", "боевой подготовка", "оперативный подготовка"},
                        "en": {"exercise", "exercises", "drills", "joint training", "combat training"}},
    "regional_security": {"ru": {"региональный безопасность", "безопасность в регион", "стабильность в регион",
                                 "региональный стабильность"},
                          "en": {"regional security", "regional stability", "region peaceful", "stability in the region",
                                 "security situation"}},
    "counterterrorism": {"ru": {"терроризм", "террористический", "экстремизм", "боевик"},
                         "en": {"terrorism", "terrorist", "extremist", "extremism", "militants"}},
    "strategic_stability": {"ru": {"стратегический стабильность", "ядерный", "контроль над вооружение"},
                            "en": {"strategic stability", "nuclear", "arms control"}},
    "maritime_security": {"ru": {"морской безопасность", "патрулирование", "южно-китайский море"},
                          "en": {"maritime", "south china sea", "naval", "sea and air"}},
    "training_education": {"ru": {"подготовка военный кадр", "обучение", "образование", "военный вуз"},
                           "en": {"training", "education", "academies"}},
    "crisis_communication": {"ru": {"снижение риск", "горячий линия", "инцидент", "транспарентность"},
                             "en": {"hotline", "risk", "deconfliction", "crisis management", "lines of communication",
                                    "incidents"}},
    "peacekeeping": {"ru": {"миротворческий", "миротворец"}, "en": {"peacekeeping", "peacekeepers"}},
    "syria": {"ru": {"сирия", "сирийский", "идлиб"}, "en": {"syria", "syrian", "idlib"}},
    "afghanistan": {"ru": {"афганистан", "афганский"}, "en": {"afghanistan", "afghan"}},
    "ukraine": {"ru": {"украина", "украинский"}, "en": {"ukraine", "ukrainian"}},
    "covid19": {"ru": {"пандемия", "covid-19", "коронавирус"}, "en": {"covid-19", "pandemic", "coronavirus"}},
}

# ---- settings (bilateral bodies) ----
BODY_WORDS_RU = {"комиссия": "Commission", "комитет": "Committee", "коллегия": "Joint Board"}
BODY_WORDS_EN = {"commission": "Commission", "committee": "Committee", "board": "Joint Board",
                 "dialogue": "Dialogue", "group": "Working Group"}
MULTILATERAL_CUES_RU = {"полях", "поле", "рамка", "совещание", "заседание", "встреча", "конференция", "саммит", "форум"}
MULTILATERAL_CUES_EN = {"sidelines", "margins", "margin", "meeting", "conference", "summit", "forum", "dialogue",
                        "session", "gathering", "conclave"}
