#!/usr/bin/env python3
"""Reproducible synthetic Arabic news corpus for zaman's throughput benchmarks.

Writes JSON Lines records {"id": "...", "text": "...", "dct": "YYYY-MM-DD"}
(the input of `zaman batch`) of a requested total size, or with --plain-text
one big .txt file (the input of `zaman extract` for the single-file test).

Every document mixes
  * paragraphs of the real sample article(s), read at run time from
    ../shared/samples/*.txt (relative to the repository root), falling back to
    data/samples/*.txt; their text is never copied into the repository; and
  * short news-style sentences made from this file's own templates, full of
    varied date expressions: weekdays, "13 أبريل/نيسان 2021"-style dates in
    the Egyptian, Levantine, Maghreb and Moroccan month names, Arabic-Indic
    digits, أمس / أول أمس / غدا, الأسبوع الماضي, قبل يومين, منتصف رمضان 1442 هـ,
    الساعة الثالثة عصرا, durations, holidays, vague references …
with randomised numbers, months and document creation times.

The output depends only on the arguments (--seed, --size, --doc-kb, …) and
on the sample files: same inputs, same bytes.

Standard library only. Examples (from the repository root):

    python3 benches/gen_corpus.py --size 10MB --out benches/out/corpus-10MB.jsonl
    python3 benches/gen_corpus.py --size 1GB --doc-kb 3 --out /tmp/corpus-1GB.jsonl
    python3 benches/gen_corpus.py --plain-text --size 8MB --out benches/out/big.txt
"""

import argparse
import datetime as dt
import glob
import json
import os
import random
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE_GLOBS = [
    os.path.join(REPO, "..", "shared", "samples", "*.txt"),
    os.path.join(REPO, "data", "samples", "*.txt"),
]

ARABIC_LETTER = re.compile("[\u0621-\u064A]")
TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# --------------------------------------------------------------------------
# Vocabulary (this generator's own words; lexicon forms for the date parts)
# --------------------------------------------------------------------------

WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

# Gregorian month names by naming system, index 0 = January.
MONTHS = {
    "egyptian": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
                 "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "levantine": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
                  "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "maghreb": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية",
                "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "moroccan": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز",
                 "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
}

HIJRI_MONTHS = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى",
                "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]

HOLIDAYS = ["عيد الفطر", "عيد الأضحى", "رأس السنة الميلادية", "عيد العمال",
            "المولد النبوي الشريف", "يوم عرفة", "ليلة القدر", "عيد الميلاد"]

# Hours 1..12 as feminine ordinals, for "الساعة الثالثة عصرا".
HOUR_WORDS = ["الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة",
              "السابعة", "الثامنة", "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة"]
DAYPARTS_BY_HOUR = {
    "صباحا": range(5, 12), "ظهرا": [12, 1], "عصرا": [3, 4, 5],
    "مساء": [6, 7, 8, 9, 10], "ليلا": [9, 10, 11, 12, 1, 2],
}

# unit: (singular, dual, plural for 3..10, accusative singular for 11..99, gender)
UNITS = {
    "day": ("يوم", "يومين", "أيام", "يوما", "m"),
    "week": ("أسبوع", "أسبوعين", "أسابيع", "أسبوعا", "m"),
    "month": ("شهر", "شهرين", "أشهر", "شهرا", "m"),
    "year": ("عام", "عامين", "أعوام", "عاما", "m"),
    "yearf": ("سنة", "سنتين", "سنوات", "سنة", "f"),
    "hour": ("ساعة", "ساعتين", "ساعات", "ساعة", "f"),
    "minute": ("دقيقة", "دقيقتين", "دقائق", "دقيقة", "f"),
    "decade": ("عقد", "عقدين", "عقود", "عقدا", "m"),
}
# 3..10 with the counted noun masculine (number takes ة) / feminine (number without ة)
NUM_FOR_MASC = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
NUM_FOR_FEM = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}

RELATIVE_UNITS = [("الأسبوع", "m"), ("الشهر", "m"), ("العام", "m"), ("السنة", "f")]
PAST_ADJ = {"m": ["الماضي", "المنصرم", "الفائت", "السابق"], "f": ["الماضية", "المنصرمة", "الفائتة", "السابقة"]}
NEXT_ADJ = {"m": ["المقبل", "القادم"], "f": ["المقبلة", "القادمة"]}
CURR_ADJ = {"m": ["الجاري", "الحالي"], "f": ["الجارية", "الحالية"]}
PARTS = ["بداية", "مطلع", "أوائل", "منتصف", "أواسط", "أواخر", "نهاية"]
DEICTICS = ["أمس", "اليوم", "غدا", "أول أمس", "بعد غد", "البارحة", "الآن"]
VAGUE = ["مؤخرا", "في الفترة الأخيرة", "قريبا", "حاليا", "في وقت سابق", "في الآونة الأخيرة",
         "في وقت لاحق", "في المستقبل القريب"]

ACTORS = ["وزير الخارجية", "رئيس الوزراء", "المتحدث باسم الحكومة", "البنك المركزي",
          "وزارة الصحة", "الأمين العام للأمم المتحدة", "رئيس البرلمان", "وزير الاقتصاد",
          "قائد الجيش", "الاتحاد الأوروبي", "وكالة الأنباء الرسمية", "مجلس الأمن الدولي",
          "وزيرة التعليم", "محافظ العاصمة", "الهلال الأحمر", "نقابة الصحفيين"]
PLACES = ["القاهرة", "بيروت", "عمان", "الرباط", "تونس", "الجزائر", "الرياض", "الدوحة",
          "بغداد", "دمشق", "الخرطوم", "طرابلس", "الكويت", "مسقط", "نواكشوط", "صنعاء"]
SAID = ["قال", "أعلن", "أكد", "ذكر", "أوضح", "كشف", "صرح"]
EVENTS = ["اجتماعا طارئا", "مؤتمرا صحفيا", "جولة جديدة من المفاوضات", "قمة إقليمية",
          "زيارة رسمية", "حملة تطعيم واسعة", "انتخابات برلمانية", "مناورات عسكرية",
          "معرضا دوليا للكتاب", "إضرابا عاما", "اتفاقا تجاريا", "محادثات ثنائية"]
TOPICS = ["أسعار الوقود", "الأمن الغذائي", "ملف اللاجئين", "أزمة المياه", "الدين العام",
          "البطالة بين الشباب", "التغير المناخي", "إعادة الإعمار", "قطاع السياحة", "الطاقة المتجددة"]
PERCENT = ["ارتفاع", "تراجع", "انخفاض", "زيادة"]


class Gen:
    """Date expressions and sentences, all driven by one seeded Random."""

    def __init__(self, rng):
        self.r = rng

    def c(self, seq):
        return self.r.choice(seq)

    def digits(self, n):
        """An integer in ASCII or (a quarter of the time) Arabic-Indic digits."""
        s = str(n)
        return s.translate(TO_ARABIC_INDIC) if self.r.random() < 0.25 else s

    def month(self, m):
        """Month m (1..12) in a random naming system; sometimes "أبريل/نيسان"."""
        x = self.r.random()
        if x < 0.25:
            return MONTHS["egyptian"][m - 1] + "/" + MONTHS["levantine"][m - 1]
        if x < 0.30:
            return MONTHS["egyptian"][m - 1] + " (" + MONTHS["levantine"][m - 1] + ")"
        system = self.c(["egyptian", "egyptian", "levantine", "maghreb", "moroccan"])
        return MONTHS[system][m - 1]

    def count_unit(self, unit):
        sg, du, pl, acc, gender = UNITS[unit]
        n = self.r.choice([1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 30, 48])
        if n == 1:
            return sg
        if n == 2:
            return du
        if n <= 10 and self.r.random() < 0.6:
            words = NUM_FOR_MASC if gender == "m" else NUM_FOR_FEM
            return words[n] + " " + pl
        noun = pl if n <= 10 else acc
        return self.digits(n) + " " + noun

    # ----- date expressions -----

    def full_date(self, dct):
        d = dct - dt.timedelta(days=self.r.randint(0, 400))
        wd = WEEKDAYS[d.weekday()] + " " if self.r.random() < 0.5 else ""
        return f"{wd}{self.digits(d.day)} {self.month(d.month)} {self.digits(d.year)}"

    def day_month(self, dct):
        return f"{self.c(['في', 'يوم', 'في'])} {self.digits(self.r.randint(1, 28))} {self.month(self.r.randint(1, 12))}"

    def month_year(self, dct):
        m = self.r.randint(1, 12)
        if self.r.random() < 0.5:
            return f"{self.c(['في', 'خلال', 'منذ'])} {self.month(m)} {self.digits(dct.year - self.r.randint(0, 6))}"
        return f"{self.c(['في شهر', 'خلال شهر'])} {self.month(m)} {self.c(PAST_ADJ['m'] + NEXT_ADJ['m'])}"

    def deictic(self, dct):
        return self.c(DEICTICS)

    def relative(self, dct):
        unit, g = self.c(RELATIVE_UNITS)
        adj = self.c(PAST_ADJ[g] + NEXT_ADJ[g] + CURR_ADJ[g])
        return f"{self.c(['', 'خلال ', 'في '])}{unit} {adj}"

    def ago(self, dct):
        unit = self.c(["day", "day", "week", "month", "year", "yearf", "hour", "decade"])
        return f"{self.c(['قبل', 'قبل', 'منذ', 'بعد'])} {self.count_unit(unit)}"

    def hijri(self, dct):
        hy = 1400 + (dct.year - 1980) + self.r.randint(-1, 0)
        m = self.c(HIJRI_MONTHS)
        x = self.r.random()
        if x < 0.4:
            return f"{self.c(PARTS)} {m} {self.digits(hy)} {self.c(['هـ', 'هجري', 'للهجرة'])}"
        if x < 0.7:
            return f"{self.digits(self.r.randint(1, 29))} {m} {self.digits(hy)} هـ"
        return f"{self.c(['في', 'خلال', 'أواخر', 'منتصف'])} شهر {m}"

    def clock(self, dct):
        part = self.c(list(DAYPARTS_BY_HOUR))
        h = self.c(list(DAYPARTS_BY_HOUR[part]))
        if self.r.random() < 0.6:
            return f"{self.c(['', 'في ', 'عند ', 'في تمام '])}الساعة {HOUR_WORDS[h - 1]} {self.c(['', 'والنصف ', 'والربع ', 'إلا ربعا '])}{part}".replace("  ", " ")
        mm = self.c(["00", "15", "30", "45", "05", "50"])
        tz = self.c(["", "", " بتوقيت القاهرة", " بتوقيت غرينتش", " بتوقيت مكة المكرمة"])
        return f"الساعة {self.digits(h)}:{mm.translate(TO_ARABIC_INDIC) if self.r.random() < 0.2 else mm} {part}{tz}"

    def duration(self, dct):
        unit = self.c(["day", "week", "month", "year", "yearf", "hour", "minute"])
        return f"{self.c(['لمدة', 'خلال', 'على مدى', 'طوال', 'في غضون'])} {self.count_unit(unit)}"

    def part_of(self, dct):
        x = self.r.random()
        if x < 0.4:
            unit, g = self.c(RELATIVE_UNITS)
            return f"{self.c(PARTS)} {unit} {self.c(PAST_ADJ[g] + NEXT_ADJ[g] + CURR_ADJ[g])}"
        if x < 0.7:
            return f"{self.c(PARTS)} {self.month(self.r.randint(1, 12))} {self.c(['الجاري', 'الماضي', 'المقبل', ''])}".strip()
        return f"{self.c(PARTS)} {self.c(['عام', 'العام', ''])} {self.digits(dct.year - self.r.randint(0, 10))}".replace("  ", " ")

    def weekday(self, dct):
        wd = self.c(WEEKDAYS)
        x = self.r.random()
        if x < 0.4:
            return f"يوم {wd}"
        if x < 0.7:
            g = "f" if wd == "الجمعة" else "m"
            return f"{wd} {self.c(PAST_ADJ[g] + NEXT_ADJ[g])}"
        return f"{self.c(['صباح', 'مساء', 'ليلة', 'فجر'])} {wd}"

    def year(self, dct):
        return f"{self.c(['عام', 'في عام', 'سنة', 'منذ عام'])} {self.digits(self.r.randint(1948, dct.year + 2))}"

    def vague(self, dct):
        return self.c(VAGUE)

    def holiday(self, dct):
        return f"{self.c(['قبيل', 'بعد', 'خلال', 'عشية'])} {self.c(HOLIDAYS)}"

    def date_expr(self, dct):
        f = self.c([self.full_date, self.full_date, self.day_month, self.month_year, self.deictic,
                    self.deictic, self.relative, self.ago, self.hijri, self.clock, self.duration,
                    self.part_of, self.weekday, self.weekday, self.year, self.vague, self.holiday])
        return f(dct)

    # ----- sentences -----

    def sentence(self, dct):
        d = lambda: self.date_expr(dct)  # noqa: E731
        a, p, s, e, t = self.c(ACTORS), self.c(PLACES), self.c(SAID), self.c(EVENTS), self.c(TOPICS)
        n = self.digits(self.r.randint(2, 95))
        templates = [
            f"{s} {a} في {p}، {d()}، إن الحكومة ستعقد {e} {d()} لبحث {t}.",
            f"وكان {a} قد {self.c(['زار', 'وصل إلى', 'غادر'])} {p} {d()}، في أول زيارة من نوعها منذ {self.count_unit('year')}.",
            f"{d()}، شهدت {p} {e} بمشاركة ممثلين عن {n} دولة.",
            f"وأشار البيان الصادر {d()} إلى {self.c(PERCENT)} {t} بنسبة {n}% مقارنة بـ{self.c(['العام الماضي', 'الشهر الماضي', 'الفترة نفسها من العام الماضي'])}.",
            f"ومن المقرر أن تنظم السلطات {e} في {p} {d()} على مدى {self.count_unit('day')}.",
            f"{s} مصدر مطلع لوكالة الأنباء {d()} أن المحادثات بشأن {t} توقفت {d()}.",
            f"وفي {p}، تجمع المئات {d()} احتجاجا على {t}، وفق ما أفاد به شهود عيان.",
            f"وأضاف {a} أن اللجنة ستقدم تقريرها النهائي {d()}، أي بعد {self.count_unit('week')} من تشكيلها.",
            f"يذكر أن {a} كان قد أعلن {d()} عن خطة لمعالجة {t} تمتد حتى {self.digits(self.r.randint(2022, 2035))}.",
            f"وبحسب الأرقام الرسمية المنشورة {d()}، بلغ عدد المستفيدين {self.digits(self.r.randint(1000, 99999))} شخص.",
            f"وقد أرجأ المنظمون {e} إلى {d()} بعد أن كان مقررا {d()}، لأسباب لوجستية.",
            f"({p} - {self.c(['وكالات', 'خاص', 'رويترز'])}) {d()}: {s} {a} أن {t} يتصدر جدول الأعمال.",
        ]
        return self.c(templates)

    def template_paragraph(self, dct):
        return " ".join(self.sentence(dct) for _ in range(self.r.randint(2, 4)))


def load_sample_paragraphs(paths=None):
    files = []
    if paths:
        files = list(paths)
    else:
        for pattern in SAMPLE_GLOBS:
            files = sorted(glob.glob(pattern))
            if files:
                break
    paragraphs = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f.read().split("\n"):
                line = line.strip()
                # keep Arabic prose; drop page chrome such as "Leave a Comment"
                if len(ARABIC_LETTER.findall(line)) >= 15:
                    paragraphs.append(line)
    return files, paragraphs


def parse_size(s):
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)(i?)[bB]?\s*", s)
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {s!r}: use e.g. 500KB, 10MB, 1GB")
    n, unit, binary = float(m.group(1)), m.group(2).upper(), m.group(3)
    base = 1024 if binary else 1000
    return int(n * {"": 1, "K": base, "M": base ** 2, "G": base ** 3}[unit])


def documents(gen, paragraphs, doc_bytes, sample_share):
    """Yields (dct, text) forever; text is about doc_bytes UTF-8 bytes."""
    start, span = dt.date(2015, 1, 1).toordinal(), 365 * 10
    r = gen.r
    while True:
        dct = dt.date.fromordinal(start + r.randrange(span))
        parts, size = [], 0
        # a headline-ish opening line with a dated lead, as news often has
        lead = f"{gen.c(PLACES)} - {WEEKDAYS[dct.weekday()]} {gen.digits(dct.day)} {gen.month(dct.month)} {gen.digits(dct.year)}"
        parts.append(lead)
        size += len(lead.encode("utf-8"))
        while size < doc_bytes:
            if paragraphs and r.random() < sample_share:
                p = r.choice(paragraphs)
            else:
                p = gen.template_paragraph(dct)
            parts.append(p)
            size += len(p.encode("utf-8")) + 2
        yield dct, "\n\n".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, default=parse_size("10MB"),
                    help="total output size: 500KB, 10MB, 100MB, 1GB (decimal; 10MiB for binary)")
    ap.add_argument("--doc-kb", type=float, default=3.0, help="approximate document size in KB (default 3)")
    ap.add_argument("--out", required=True, help="output path ('-' for stdout)")
    ap.add_argument("--seed", type=int, default=20210413, help="random seed (default 20210413)")
    ap.add_argument("--plain-text", action="store_true",
                    help="write one big text (documents separated by blank lines) instead of JSON Lines")
    ap.add_argument("--sample-share", type=float, default=0.5,
                    help="share of paragraphs taken from the sample articles (default 0.5)")
    ap.add_argument("--samples", nargs="*", help="sample article files (default: ../shared/samples/*.txt, "
                                                   "then data/samples/*.txt)")
    args = ap.parse_args(argv)

    files, paragraphs = load_sample_paragraphs(args.samples)
    if not paragraphs:
        print("gen_corpus: no sample article found; using template sentences only", file=sys.stderr)

    gen = Gen(random.Random(args.seed))
    docs = documents(gen, paragraphs, int(args.doc_kb * 1000), args.sample_share)

    out_dir = os.path.dirname(os.path.abspath(args.out)) if args.out != "-" else None
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    written, n = 0, 0
    try:
        while written < args.size:
            dct, text = next(docs)
            n += 1
            if args.plain_text:
                chunk = (text + "\n\n").encode("utf-8")
            else:
                rec = {"id": f"gen-{n:07d}", "text": text, "dct": dct.isoformat()}
                chunk = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
            out.write(chunk)
            written += len(chunk)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    print(f"gen_corpus: {args.out}: {n} documents, {written} bytes "
          f"({len(paragraphs)} sample paragraphs from {len(files)} file(s), seed {args.seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
