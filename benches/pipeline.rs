//! Criterion benchmarks of the zaman pipeline stages.
//!
//! ```text
//! cargo bench --bench pipeline                 # all
//! cargo bench --bench pipeline -- mixed_1mb    # one group (a regex on the names)
//! ```
//!
//! Inputs, read at run time (the article text is never copied into the repo):
//! * `article_6k`: the real sample article `../shared/samples/biden-putin-call-2021-04-13.txt`
//!   (≈ 6 KB), or else the first `data/samples/*.txt`, or else built-in template
//!   paragraphs cut to ≈ 6 KB;
//! * `mixed_1mb`: ≈ 1 MB made by cycling the sample paragraphs and this file's own
//!   news-style template sentences, whose numbers, months, weekdays and digit
//!   systems vary from one repetition to the next (a fixed LCG, so every run
//!   benchmarks the same bytes).
//!
//! Throughput is set in bytes of UTF-8 input, so criterion prints `thrpt` in
//! MiB/s (1 MiB/s = 1.048576 MB/s).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zaman::text::Normalized;
use zaman::{Dct, Extractor, Lexicon, Policy};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/samples/biden-putin-call-2021-04-13.txt"
);
const FALLBACK_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples");

/// The ≈ 6 KB article and where it came from.
fn article() -> (String, String) {
    if let Ok(text) = std::fs::read_to_string(SAMPLE) {
        return (text, SAMPLE.to_string());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(FALLBACK_DIR)
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for file in &files {
        if let Ok(text) = std::fs::read_to_string(file)
            && !text.trim().is_empty()
        {
            return (text, file.display().to_string());
        }
    }
    // Neither exists: synthesize ≈ 6 KB from the templates.
    let mut rng = Lcg(6_000);
    let mut text = String::new();
    while text.len() < 6_000 {
        text.push_str(&template_paragraph(&mut rng));
        text.push_str("\n\n");
    }
    (text, "built-in templates".to_string())
}

/// A tiny deterministic generator (numbers for the templates; not statistics).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const WEEKDAYS: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];
const EGYPTIAN: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const LEVANTINE: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];
const MAGHREB: [&str; 12] = [
    "جانفي",
    "فيفري",
    "مارس",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const HIJRI: [&str; 6] = ["محرم", "رجب", "شعبان", "رمضان", "شوال", "ذو الحجة"];

/// `base + rng.below(span)`, in ASCII or (a quarter of the time) Arabic-Indic digits.
fn digits(rng: &mut Lcg, base: u64, span: u64) -> String {
    let s = (base + rng.below(span)).to_string();
    if rng.below(4) == 0 {
        s.chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x0660).unwrap())
            .collect()
    } else {
        s
    }
}

fn month(rng: &mut Lcg) -> String {
    let m = rng.below(12) as usize;
    match rng.below(4) {
        0 => format!("{}/{}", EGYPTIAN[m], LEVANTINE[m]),
        1 => LEVANTINE[m].to_string(),
        2 => MAGHREB[m].to_string(),
        _ => EGYPTIAN[m].to_string(),
    }
}

/// One paragraph of the bench's own news-style sentences with varied dates.
fn template_paragraph(rng: &mut Lcg) -> String {
    let wd = WEEKDAYS[rng.below(7) as usize];
    let day = digits(rng, 1, 28);
    let mon = month(rng);
    let year = digits(rng, 2010, 14);
    let hy = digits(rng, 1430, 15);
    let hm = HIJRI[rng.below(6) as usize];
    let n = digits(rng, 2, 40);
    let ago = rng.pick(&[
        "قبل يومين",
        "قبل ثلاثة أيام",
        "منذ أسبوعين",
        "قبل عامين",
        "بعد شهرين",
    ]);
    let rel = rng.pick(&[
        "الأسبوع الماضي",
        "الشهر المقبل",
        "العام الماضي",
        "السنة الجارية",
        "الأسبوع المقبل",
    ]);
    let deictic = rng.pick(&["أمس", "اليوم", "غدا", "أول أمس", "البارحة"]);
    let part = rng.pick(&["منتصف", "مطلع", "أواخر", "بداية", "نهاية"]);
    let clock = rng.pick(&[
        "الساعة الثالثة عصرا",
        "الساعة العاشرة صباحا",
        "الساعة 8:30 مساء",
        "الساعة السابعة والنصف مساء",
    ]);
    let dur = rng.pick(&[
        "لمدة ثلاثة أسابيع",
        "خلال 48 ساعة",
        "على مدى عشر سنوات",
        "لمدة ستة أشهر",
    ]);
    format!(
        "أعلن المتحدث باسم الحكومة، {wd} {day} {mon} {year}، أن الوزراء سيجتمعون {clock} لبحث \
         أزمة الوقود، بعد أن عقدت اللجنة اجتماعها الأول {rel}. وقالت الوزارة {deictic} إن \
         المفاوضات التي انطلقت {ago} ستستمر {dur}، وإن التقرير النهائي سيصدر {part} {hm} {hy} هـ، \
         بمشاركة {n} دولة."
    )
}

/// ≈ `size` bytes: sample paragraphs interleaved with varied template paragraphs.
fn mixed_text(article: &str, size: usize) -> String {
    let paragraphs: Vec<&str> = article
        .split('\n')
        .map(str::trim)
        .filter(|p| p.chars().count() >= 20)
        .collect();
    let mut rng = Lcg(20_210_413);
    let mut text = String::with_capacity(size + 4096);
    let mut i = 0usize;
    while text.len() < size {
        if !paragraphs.is_empty() && i.is_multiple_of(2) {
            text.push_str(paragraphs[(i / 2) % paragraphs.len()]);
        } else {
            text.push_str(&template_paragraph(&mut rng));
        }
        text.push_str("\n\n");
        i += 1;
    }
    text
}

fn benches(c: &mut Criterion) {
    let (article, source) = article();
    let big = mixed_text(&article, 1 << 20);
    let dct: Dct = "2021-04-13".parse().expect("valid DCT");
    let lexicon = Lexicon::builtin();
    let extractor = Extractor::default();
    eprintln!(
        "pipeline bench: article_6k = {} ({} bytes, {} timexes); mixed_1mb = {} bytes ({} timexes)",
        source,
        article.len(),
        zaman::tag(&article, Some(dct), Policy::News, lexicon)
            .timexes
            .len(),
        big.len(),
        zaman::tag(&big, Some(dct), Policy::News, lexicon)
            .timexes
            .len(),
    );

    let mut g = c.benchmark_group("article_6k");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(article.len() as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| Normalized::new(black_box(&article)))
    });
    g.bench_function("tag", |b| {
        b.iter(|| zaman::tag(black_box(&article), Some(dct), Policy::News, lexicon))
    });
    g.bench_function("extract", |b| {
        b.iter(|| extractor.extract("article", black_box(&article), Some(dct)))
    });
    // What `zaman extract --compact` adds on top: the JSON serialization.
    g.bench_function("extract_json", |b| {
        b.iter(|| {
            let doc = extractor.extract("article", black_box(&article), Some(dct));
            serde_json::to_vec(&doc).expect("serializable")
        })
    });
    g.finish();

    let mut g = c.benchmark_group("mixed_1mb");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("tag", |b| {
        b.iter(|| zaman::tag(black_box(&big), Some(dct), Policy::News, lexicon))
    });
    // The full pipeline (actors, events, timeline) on the same text, to compare with `tag`.
    g.bench_function("extract", |b| {
        b.iter(|| extractor.extract("mixed", black_box(&big), Some(dct)))
    });
    g.finish();
}

fn config() -> Criterion {
    // Plots off: they cost time and need nothing here.
    Criterion::default().without_plots()
}

criterion_group! { name = pipeline; config = config(); targets = benches }
criterion_main!(pipeline);
