#!/usr/bin/env python3
"""Writes a synthetic, valid organisational history in orgraph's DOT conventions.

    python3 bench/generate_dot.py --relations 100000 --seed 1 -o history.gv

The history is invented (no real bodies or people) but shaped like the hand-written files orgraph
reads: sources, places, orgs with Arabic names and English glosses, persons, events, then
relations grouped by category, one node or edge statement per line. About one entity per five
relations. Dates are EDTF of mixed precision (2013, 2013-05, 2013-05-20, 2016~, 2014-22,
2011-10-02/), and every date is chosen so that the file passes `orgraph check` without errors
and, by construction, without lifespan, lineage or office-holder warnings:

  * every rendered date contains the true day it was drawn from, and a relation's true days lie
    inside the true lifespans of its endpoints;
  * lineage edges always go from the entity with the earlier (start, id) to the later one (so
    the lineage graph has no cycle), on a date both sides exist;
  * the holders of one office (org, role) follow each other: a term starts no earlier than the
    previous one ended.

Pure standard library; the same --relations and --seed always give the same bytes.
"""

import argparse
import datetime
import random
import sys

FIRST_DAY = datetime.date(2011, 3, 1).toordinal()
LAST_DAY = datetime.date(2024, 12, 31).toordinal()
MONTH = 31  # days: "at least a month later"

# (Arabic, English) word lists. Place names are Syrian-style but the bodies are invented.
PLACES = [
    ("حلب", "Aleppo"), ("دمشق", "Damascus"), ("حمص", "Homs"), ("حماة", "Hama"),
    ("إدلب", "Idlib"), ("درعا", "Daraa"), ("الرقة", "Raqqa"), ("دير الزور", "Deir ez-Zor"),
    ("اللاذقية", "Latakia"), ("طرطوس", "Tartus"), ("القامشلي", "Qamishli"),
    ("الحسكة", "Hasakah"), ("السويداء", "Suwayda"), ("القنيطرة", "Quneitra"),
    ("دوما", "Douma"), ("داريا", "Darayya"), ("منبج", "Manbij"), ("الباب", "al-Bab"),
    ("عفرين", "Afrin"), ("جسر الشغور", "Jisr al-Shughur"), ("معرة النعمان", "Maarat al-Numan"),
    ("تلبيسة", "Talbiseh"), ("الرستن", "Rastan"), ("الزبداني", "Zabadani"),
    ("يبرود", "Yabroud"), ("البوكمال", "Abu Kamal"), ("الميادين", "Mayadin"),
    ("سراقب", "Saraqib"), ("كفرنبل", "Kafranbel"), ("عين العرب", "Kobani"),
]
# place type -> Arabic head noun, its gender (adjectives agree), English head noun
PLACE_TYPES = [("city", "مدينة", "f", "City"), ("town", "بلدة", "f", "Town"),
               ("district", "منطقة", "f", "District"), ("village", "قرية", "f", "Village"),
               ("neighbourhood", "حي", "m", "Quarter")]
# (masculine, feminine, English)
QUARTERS = [("الشمالي", "الشمالية", "North"), ("الجنوبي", "الجنوبية", "South"),
            ("الشرقي", "الشرقية", "East"), ("الغربي", "الغربية", "West"),
            ("القديم", "القديمة", "Old"), ("الجديد", "الجديدة", "New"),
            ("الأعلى", "العليا", "Upper"), ("الأدنى", "الدنيا", "Lower")]

# org type -> its head nouns: (Arabic with the article, gender for agreement, English). Plurals
# of things (لجان, تنسيقيات) take feminine singular adjectives, as in Arabic.
ORG_TYPES = [
    ("coalition", [("الائتلاف", "m", "Coalition"), ("التحالف", "m", "Alliance")]),
    ("council", [("المجلس", "m", "Council"), ("الهيئة", "f", "Commission")]),
    ("committee", [("اللجنة", "f", "Committee"), ("اللجان", "f", "Committees")]),
    ("office", [("المكتب", "m", "Office"), ("الدائرة", "f", "Bureau")]),
    ("coordination", [("التنسيقية", "f", "Coordination"), ("التنسيقيات", "f", "Coordinations")]),
    ("network", [("الشبكة", "f", "Network"), ("الرابطة", "f", "League")]),
    ("armed_group", [("اللواء", "m", "Brigade"), ("الكتيبة", "f", "Battalion"),
                     ("الفيلق", "m", "Corps"), ("الحركة", "f", "Movement")]),
    ("party", [("الحزب", "m", "Party"), ("التيار", "m", "Current")]),
]
ORG_TYPE_WEIGHTS = [6, 16, 14, 10, 16, 10, 18, 10]
# (masculine, feminine, English)
ADJECTIVES = [
    ("الوطني", "الوطنية", "National"), ("الثوري", "الثورية", "Revolutionary"),
    ("المدني", "المدنية", "Civil"), ("الديمقراطي", "الديمقراطية", "Democratic"),
    ("الشعبي", "الشعبية", "Popular"), ("الموحد", "الموحدة", "United"),
    ("الحر", "الحرة", "Free"), ("الأعلى", "العليا", "Supreme"),
    ("المستقل", "المستقلة", "Independent"), ("الإسلامي", "الإسلامية", "Islamic"),
    ("العلماني", "العلمانية", "Secular"), ("الكردي", "الكردية", "Kurdish"),
    ("الشبابي", "الشبابية", "Youth"), ("النسائي", "النسائية", "Women's"),
    ("الطلابي", "الطلابية", "Students'"), ("الإغاثي", "الإغاثية", "Relief"),
    ("الطبي", "الطبية", "Medical"), ("القانوني", "القانونية", "Legal"),
    ("الإعلامي", "الإعلامية", "Media"), ("المحلي", "المحلية", "Local"),
]
# Armed groups are often named "<unit> <martyrs|sons|...> of <place>" (construct state).
MARTYRS = [("شهداء", "Martyrs of"), ("أحرار", "Free Men of"), ("أبناء", "Sons of"),
           ("صقور", "Falcons of"), ("فجر", "Dawn of")]

FIRST_NAMES = [
    ("محمد", "Muhammad"), ("أحمد", "Ahmad"), ("عمر", "Omar"), ("خالد", "Khaled"),
    ("رياض", "Riad"), ("برهان", "Burhan"), ("جورج", "George"), ("ميشيل", "Michel"),
    ("هيثم", "Haytham"), ("سمير", "Samir"), ("حسن", "Hassan"), ("علي", "Ali"),
    ("يوسف", "Yusuf"), ("إبراهيم", "Ibrahim"), ("مصطفى", "Mustafa"), ("عبد الباسط", "Abdulbaset"),
    ("سهير", "Suhair"), ("أمل", "Amal"), ("رزان", "Razan"), ("فدوى", "Fadwa"),
    ("هند", "Hind"), ("ريما", "Rima"), ("لمى", "Lama"), ("نور", "Nour"), ("منى", "Mona"),
    ("صالح", "Saleh"), ("أنس", "Anas"), ("معاذ", "Moaz"), ("جواد", "Jawad"), ("بسمة", "Basma"),
]
FAMILY_NAMES = [
    ("الأتاسي", "al-Atassi"), ("الخطيب", "al-Khatib"), ("الحريري", "al-Hariri"),
    ("القباني", "al-Qabbani"), ("العبدالله", "al-Abdallah"), ("المالح", "al-Maleh"),
    ("صبرا", "Sabra"), ("كيلو", "Kilo"), ("غليون", "Ghalioun"), ("سيدا", "Sida"),
    ("حجاب", "Hijab"), ("البحرة", "al-Bahra"), ("الجربا", "al-Jarba"), ("خوجة", "Khoja"),
    ("زيتونة", "Zaitouneh"), ("مسلم", "Muslim"), ("العظمة", "al-Azma"), ("الشامي", "al-Shami"),
    ("الحمصي", "al-Homsi"), ("الحلبي", "al-Halabi"), ("الإدلبي", "al-Idlibi"),
    ("الدرعاوي", "al-Daraawi"), ("الرفاعي", "al-Rifai"), ("النجار", "al-Najjar"),
    ("السيد", "al-Sayed"), ("العلي", "al-Ali"), ("الأحمد", "al-Ahmad"), ("داود", "Dawoud"),
]

EVENT_TYPES = [
    ("conference", "مؤتمر", "Conference"), ("meeting", "اجتماع", "Meeting"),
    ("dialogue", "حوار", "Dialogue"), ("announcement", "إعلان", "Announcement"),
    ("election", "انتخابات", "Election"), ("battle", "معركة", "Battle"),
    ("protest", "مظاهرة", "Protest"), ("agreement", "اتفاق", "Agreement"),
    ("statement", "بيان", "Statement"),
]
EVENT_THEMES = [("الإنقاذ", "Rescue"), ("الوحدة", "Unity"), ("الكرامة", "Dignity"),
                ("الحرية", "Freedom"), ("المصالحة", "Reconciliation"), ("التغيير", "Change"),
                ("الحوار الوطني", "National Dialogue"), ("الانتقال", "Transition")]

ROLES = [
    ("رئيس", "president"), ("نائب الرئيس", "vice president"), ("أمين عام", "secretary general"),
    ("متحدث رسمي", "spokesperson"), ("أمين السر", "secretary"), ("مدير", "director"),
    ("قائد عام", "commander"), ("منسق", "coordinator"), ("أمين الصندوق", "treasurer"),
    ("مسؤول العلاقات الخارجية", "head of foreign relations"),
    ("مسؤول المكتب الإعلامي", "head of media office"), ("رئيس المكتب السياسي", "head of politburo"),
    ("رئيس الهيئة القانونية", "head of legal committee"), ("ممثل في الخارج", "representative abroad"),
]

SOURCE_TYPES = ["article", "report", "statement", "website", "book"]
PUBLISHERS = ["Example Press", "Levant Monitor", "مركز الدراسات السورية", "The Chronicle",
              "Archive of Statements", "Field Reports Collective", "شبكة الأخبار المحلية"]
TITLE_WORDS = [("تقرير عن", "Report on"), ("بيان", "Statement of"), ("خريطة", "Map of"),
               ("دليل", "Guide to"), ("شهادات من", "Testimonies from"),
               ("ملف", "Dossier on"), ("تحقيق حول", "Inquiry into")]
NOTES = ["later withdrew", "as reported by one source only", "date from a later interview",
         "contested by the parent body", "announced in a video statement",
         "الاسم كما ورد في البيان", "membership suspended for some months"]


def month_floor(ordinal):
    d = datetime.date.fromordinal(ordinal)
    return d.year, d.month, d.day


class Entity:
    __slots__ = ("key", "kind", "start", "end", "date", "idx")

    def __init__(self, key, kind, idx, start=None, end=None, date=None):
        self.key, self.kind, self.idx = key, kind, idx
        self.start, self.end, self.date = start, end, date  # true days (ordinals) or None

    def last_day(self):
        return self.end if self.end is not None else LAST_DAY


class Generator:
    def __init__(self, relations, seed):
        self.rng = random.Random(seed)
        self.n_relations = relations
        n_entities = max(40, round(relations / 5))
        self.n_sources = max(3, n_entities // 50)
        self.n_places = max(5, n_entities * 8 // 100)
        self.n_events = max(5, n_entities * 10 // 100)
        self.n_orgs = max(10, n_entities * 40 // 100)
        self.n_persons = max(
            5, n_entities - self.n_sources - self.n_places - self.n_events - self.n_orgs)
        self.lines = []
        self.sources, self.places, self.orgs, self.persons, self.events = [], [], [], [], []

    # ---- dates -------------------------------------------------------------------------------

    def render(self, day, allow_open=True):
        """EDTF text of mixed precision whose range contains `day`."""
        y, m, d = month_floor(day)
        r = self.rng.random()
        if r < 0.25:
            return f"{y}"
        if r < 0.55:
            return f"{y}-{m:02d}"
        if r < 0.80:
            return f"{y}-{m:02d}-{d:02d}"
        if r < 0.85:
            return f"{y}~"
        if r < 0.87:
            return f"{y}?"
        if r < 0.88:
            return f"{y}-{m:02d}~"
        if r < 0.94:  # season: 21 spring Mar-May, 22 summer Jun-Aug, 23 autumn, 24 winter Dec-Feb
            if m in (3, 4, 5):
                return f"{y}-21"
            if m in (6, 7, 8):
                return f"{y}-22"
            if m in (9, 10, 11):
                return f"{y}-23"
            return f"{y}-24" if m == 12 else f"{y - 1}-24"
        if allow_open:  # "on or after": a known lower bound, unknown upper one
            return f"{y}-{m:02d}-{d:02d}/" if r < 0.97 else f"{y}-{m:02d}/"
        return f"{y}-{m:02d}"

    def day_between(self, lo, hi):
        return self.rng.randint(lo, hi)

    def interval_attrs(self, lo, hi, p_start=0.9, p_end=0.45):
        """start=/end= (as a string of attributes) of an interval inside [lo, hi] (true days)."""
        if hi < lo or self.rng.random() >= p_start:
            return ""
        start = self.day_between(lo, hi)
        out = f' start="{self.render(start)}"'
        if hi - start > MONTH and self.rng.random() < p_end:
            end = self.day_between(start + MONTH, hi)
            out += f' end="{self.render(end)}"'
        return out

    def src(self):
        r = self.rng.random()
        a = self.rng.choice(self.sources).key
        if r < 0.8:
            return f"src={a}"
        b = self.rng.choice(self.sources).key
        return f'src="{a} {b}"' if b != a else f"src={a}"

    # ---- entities ----------------------------------------------------------------------------

    def make_sources(self):
        width = max(2, len(str(self.n_sources)))
        self.lines.append("  // Sources")
        for i in range(self.n_sources):
            key = f"s{i + 1:0{width}d}"
            self.sources.append(Entity(key, "source", len(self.sources)))
            words = self.rng.choice(TITLE_WORDS)
            place = self.rng.choice(PLACES)
            stype = self.rng.choice(SOURCE_TYPES)
            day = self.day_between(FIRST_DAY, LAST_DAY)
            if self.rng.random() < 0.5:
                title, lang = f"{words[0]} {place[0]}", "ar"
            else:
                title, lang = f"{words[1]} {place[1]}", "en"
            publisher = self.rng.choice(PUBLISHERS)
            y, m, d = month_floor(day)
            self.lines.append(
                f'  {key} [kind=source type={stype} title="{title} ({i + 1})" '
                f'publisher="{publisher}" date="{y}-{m:02d}-{d:02d}" lang={lang}]')

    def make_places(self):
        self.lines.append("")
        self.lines.append("  // Places")
        for i in range(self.n_places):
            key = f"pl{i + 1:05d}"
            self.places.append(Entity(key, "place", len(self.places)))
            base = PLACES[i % len(PLACES)]
            ptype, ar_head, gender, en_head = self.rng.choice(PLACE_TYPES)
            if i < len(PLACES):
                ar, en = base
                ptype = "city"
            else:  # "the northern district of Homs 3"
                q = self.rng.choice(QUARTERS)
                n = i // len(PLACES)
                ar = f"{ar_head} {base[0]} {q[0] if gender == 'm' else q[1]} {n}"
                en = f"{base[1]} {q[2]} {en_head} {n}"
            self.lines.append(
                f'  {key} [kind=place type={ptype} name="{ar}" name_en="{en}" {self.src()}]')

    def org_name(self, otype_index):
        otype, heads = ORG_TYPES[otype_index]
        ar_head, gender, en_head = self.rng.choice(heads)
        place = self.rng.choice(PLACES)
        r = self.rng.random()
        if otype == "armed_group" and r < 0.5:  # construct state: no article on the unit
            m = self.rng.choice(MARTYRS)
            return f"{ar_head[2:]} {m[0]} {place[0]}", f"{m[1]} {place[1]} {en_head}"
        adj = self.rng.choice(ADJECTIVES)
        ar_adj = adj[0] if gender == "m" else adj[1]
        if r < 0.8:
            return f"{ar_head} {ar_adj} في {place[0]}", f"{place[1]} {adj[2]} {en_head}"
        return f"{ar_head} {ar_adj}", f"{adj[2]} {en_head}"

    def make_orgs(self):
        self.lines.append("")
        self.lines.append("  // Organisations")
        type_indices = list(range(len(ORG_TYPES)))
        for i in range(self.n_orgs):
            key = f"org{i + 1:05d}"
            t = self.rng.choices(type_indices, weights=ORG_TYPE_WEIGHTS)[0]
            # Most bodies appear early in the period; a tail appears later.
            start = FIRST_DAY + int((LAST_DAY - 400 - FIRST_DAY) * self.rng.random() ** 1.6)
            end = None
            if self.rng.random() < 0.5:
                end = min(LAST_DAY, start + self.rng.randint(3 * MONTH, 72 * MONTH))
            org = Entity(key, "org", len(self.orgs), start=start, end=end)
            self.orgs.append(org)
            ar, en = self.org_name(t)
            attrs = (f'kind=org type={ORG_TYPES[t][0]} name="{ar}" name_en="{en}"')
            if self.rng.random() < 0.1:
                attrs += f' alias="{en.split()[0][:3].upper()}{i % 97}"'
            attrs += f' start="{self.render(start)}"'
            if end is not None:
                attrs += f' end="{self.render(end, allow_open=False)}"'
            attrs += f" {self.src()}"
            self.lines.append(f"  {key} [{attrs}]")

    def make_persons(self):
        self.lines.append("")
        self.lines.append("  // People")
        for i in range(self.n_persons):
            key = f"p{i + 1:05d}"
            self.persons.append(Entity(key, "person", len(self.persons)))
            f = self.rng.choice(FIRST_NAMES)
            g = self.rng.choice(FIRST_NAMES)
            fam = self.rng.choice(FAMILY_NAMES)
            attrs = f'kind=person name="{f[0]} {g[0]} {fam[0]}" name_en="{f[1]} {fam[1]}"'
            if self.rng.random() < 0.08:
                attrs += f' alias="Abu {g[1]}"'
            self.lines.append(f"  {key} [{attrs} {self.src()}]")

    def make_events(self):
        self.lines.append("")
        self.lines.append("  // Events")
        for i in range(self.n_events):
            key = f"ev{i + 1:05d}"
            day = self.day_between(FIRST_DAY, LAST_DAY - 30)
            ev = Entity(key, "event", len(self.events), date=day)
            self.events.append(ev)
            etype, ar_head, en_head = self.rng.choice(EVENT_TYPES)
            theme = self.rng.choice(EVENT_THEMES)
            place = self.rng.choice(PLACES)
            y, m, d = month_floor(day)
            text = f"{y}-{m:02d}-{d:02d}" if self.rng.random() < 0.7 else f"{y}-{m:02d}"
            self.lines.append(
                f'  {key} [kind=event type={etype} name="{ar_head} {theme[0]} في {place[0]}" '
                f'name_en="{place[1]} {theme[1]} {en_head}" date="{text}" {self.src()}]')
            ev.date = (day, text)

    # ---- relations ---------------------------------------------------------------------------

    def pick_org(self, pred=None, tries=40):
        for _ in range(tries):
            o = self.rng.choice(self.orgs)
            if pred is None or pred(o):
                return o
        return None

    def overlap(self, a, b):
        lo = max(a.start or FIRST_DAY, b.start or FIRST_DAY)
        hi = min(a.last_day(), b.last_day())
        return lo, hi

    def edge(self, a, b, attrs):
        return f"  {a.key} -> {b.key} [{attrs} {self.src()}]"

    def rel_member_of(self):
        parent = self.pick_org()
        if self.rng.random() < 0.55:
            child = self.rng.choice(self.persons)
        else:
            child = self.pick_org(lambda o: o is not parent and self.overlap(o, parent)[0]
                                  <= self.overlap(o, parent)[1])
            if child is None:
                return None
        lo, hi = self.overlap(child, parent)
        return self.edge(child, parent, "rel=member_of" + self.interval_attrs(lo, hi))

    def rel_part_of(self):
        parent = self.pick_org()
        child = self.pick_org(lambda o: o is not parent and o.start >= parent.start
                              and o.start <= parent.last_day())
        if child is None:
            return None
        lo, hi = self.overlap(child, parent)
        return self.edge(child, parent, "rel=part_of" + self.interval_attrs(lo, hi, 0.6, 0.3))

    def rel_holds(self):
        org = self.pick_org()
        for _ in range(4):
            role_index = self.rng.randrange(len(ROLES))
            slot = (org.idx, role_index)
            free_from = self.office_free.get(slot, org.start)
            if free_from is None or free_from + MONTH > org.last_day():
                continue  # the office is held open-ended, or no time left in the body's life
            person = self.rng.choice(self.persons)
            start = self.day_between(free_from, min(org.last_day() - MONTH,
                                                    free_from + 36 * MONTH))
            if self.rng.random() < 0.75:
                end = self.day_between(start + MONTH, min(org.last_day(), start + 60 * MONTH))
                self.office_free[slot] = end
                dates = f' start="{self.render(start)}" end="{self.render(end, allow_open=False)}"'
            else:
                self.office_free[slot] = None
                dates = f' start="{self.render(start, allow_open=False)}"'
            ar, en = ROLES[role_index]
            return self.edge(person, org, f'rel=holds role="{ar}" role_en="{en}"' + dates)
        return None

    def older_newer_pair(self):
        """Two distinct orgs, the first older by (start, id), that both exist on some day."""
        a = self.pick_org()
        b = self.pick_org(lambda o: o is not a and self.overlap(o, a)[0] <= self.overlap(o, a)[1])
        if b is None:
            return None
        return (a, b) if (a.start, a.idx) < (b.start, b.idx) else (b, a)

    def rel_lineage(self, kind):
        pair = self.older_newer_pair()
        if pair is None:
            return None
        older, newer = pair
        lo, hi = self.overlap(older, newer)  # lo is the newer one's start
        if kind == "split_from" or kind == "formed_from":  # newer -> older, on the newer's start
            when = newer.start
            return self.edge(newer, older, f'rel={kind} date="{self.render(when)}"')
        # merged_into: older -> newer, the older one ends (if it has an end) into the newer one
        when = older.end if older.end is not None and lo <= older.end <= hi else \
            self.day_between(lo, hi)
        return self.edge(older, newer, f'rel=merged_into date="{self.render(when)}"')

    def actor(self):
        return self.rng.choice(self.persons) if self.rng.random() < 0.3 else self.pick_org()

    def rel_alignment(self, kind):
        a = self.actor()
        b = self.actor()
        if a is b:
            return None
        lo, hi = self.overlap(a, b)
        if hi < lo:
            return None
        return self.edge(a, b, f"rel={kind}" + self.interval_attrs(lo, hi, 0.85, 0.5))

    def rel_participated_in(self):
        ev = self.rng.choice(self.events)
        day, text = ev.date
        if self.rng.random() < 0.35:
            who = self.rng.choice(self.persons)
        else:
            who = self.pick_org(lambda o: o.start <= day <= o.last_day())
            if who is None:
                who = self.rng.choice(self.persons)
        dated = f' date="{text}"' if self.rng.random() < 0.85 else ""
        return self.edge(who, ev, "rel=participated_in" + dated)

    def rel_located_in(self):
        r = self.rng.random()
        place = self.rng.choice(self.places)
        if r < 0.45:
            return self.edge(self.rng.choice(self.events), place, "rel=located_in")
        if r < 0.9:
            org = self.pick_org()
            return self.edge(org, place, "rel=located_in" +
                             self.interval_attrs(org.start, org.last_day(), 0.5, 0.3))
        # places inside bigger places: a quarter in one of the first (city) places
        if place.idx < len(PLACES):
            return None
        return self.edge(place, self.places[place.idx % len(PLACES)], "rel=located_in")

    KINDS = [  # (kind, share of relations)
        ("member_of", 0.22), ("part_of", 0.08), ("holds", 0.20), ("split_from", 0.02),
        ("merged_into", 0.02), ("formed_from", 0.02), ("supports", 0.08), ("allied_with", 0.08),
        ("participated_in", 0.18), ("located_in", 0.10),
    ]
    SECTIONS = {"member_of": "Membership", "part_of": "Membership", "holds": "Office",
                "split_from": "Lineage", "merged_into": "Lineage", "formed_from": "Lineage",
                "supports": "Alignment", "allied_with": "Alignment",
                "participated_in": "Events", "located_in": "Events"}

    def make_relations(self):
        self.office_free = {}
        makers = {
            "member_of": self.rel_member_of, "part_of": self.rel_part_of,
            "holds": self.rel_holds,
            "split_from": lambda: self.rel_lineage("split_from"),
            "merged_into": lambda: self.rel_lineage("merged_into"),
            "formed_from": lambda: self.rel_lineage("formed_from"),
            "supports": lambda: self.rel_alignment("supports"),
            "allied_with": lambda: self.rel_alignment("allied_with"),
            "participated_in": self.rel_participated_in,
            "located_in": self.rel_located_in,
        }
        counts = [int(self.n_relations * share) for _, share in self.KINDS]
        counts[0] += self.n_relations - sum(counts)
        section = None
        for (kind, _), count in zip(self.KINDS, counts):
            if self.SECTIONS[kind] != section:
                section = self.SECTIONS[kind]
                self.lines.append("")
                self.lines.append(f"  // {section}")
            made = 0
            failures = 0
            while made < count:
                line = makers[kind]()
                if line is None:
                    failures += 1
                    if failures > 100 * count + 1000:
                        sys.exit(f"generate_dot.py: cannot place {count} {kind} relations")
                    continue
                if self.rng.random() < 0.02:
                    line = line[:-1] + f' note="{self.rng.choice(NOTES)}"]'
                self.lines.append(line)
                made += 1

    def write(self, out):
        self.make_sources()
        self.make_places()
        self.make_orgs()
        self.make_persons()
        self.make_events()
        self.make_relations()
        out.write("// Synthetic organisational history for orgraph's load benchmark.\n")
        out.write("// Generated by bench/generate_dot.py; every body, person and event is invented.\n")
        out.write("digraph synthetic_history {\n")
        out.write(f'  title="Synthetic history: {self.n_relations} relations"\n\n')
        for line in self.lines:
            out.write(line)
            out.write("\n")
        out.write("}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relations", type=int, default=100000, help="relations to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    parser.add_argument("-o", "--output", required=True, help="the .gv file to write")
    args = parser.parse_args()
    if args.relations < 50:
        parser.error("--relations must be at least 50")
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        Generator(args.relations, args.seed).write(out)


if __name__ == "__main__":
    main()
