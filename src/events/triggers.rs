//! Triggers and their kinds: every event word of `data/lexicon/events.tsv` outside names
//! and temporal expressions.

use crate::lexicon::Kind;

use super::EventKind;
use super::clauses::Clauses;
use super::doc::*;

/// Event triggers in text order, one per token, skipping words inside actor names
/// and temporal expressions.
pub(crate) fn find_triggers<'a, 'l>(doc: &Doc<'a, 'l>) -> Vec<Trigger<'a>>
where
    'l: 'a,
{
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.lexed.tokens.len() {
        let best = doc
            .lexed
            .at(i)
            .iter()
            .filter(|l| l.entry.kind == Kind::Event && l.prep.is_none())
            .max_by_key(|l| l.next);
        let Some(l) = best else {
            i += 1;
            continue;
        };
        if doc.mention_covering(i).is_some() || doc.is_timex_token(i) {
            i += 1;
            continue;
        }
        let kind = kind_of(l.entry.value.split(':').next().unwrap_or_default());
        let participle = l.entry.extra.starts_with("participle");
        let passive = &*l.entry.extra == "passive";
        let verb = (l.entry.extra.starts_with("verb") || participle || passive) && !l.article;
        // an ambiguous word (بين، وقع، نشر، مجددا) is a trigger only before a complementizer;
        // an ambiguous speech verb (كتب، صدر عن) also when its content comes a few words on
        // (كتب الرئيس على حسابه في إكس: …)
        let clause_follows = doc.complementizer(l.next).is_some()
            || doc
                .mention_at(l.next)
                .is_some_and(|m| doc.complementizer(m.next_token).is_some())
            || distant_content(doc, i);
        // هاتف ماكرون أردوغان: a call verb with its subject right after it; بحث … هاتفيا
        // (the subject may come with its title: تحادث الرئيس الأوكراني فولوديمير زيلينسكي;
        // or the other party after مع: زيلينسكي يتحادث مع بايدن)
        let call_follows = (kind == EventKind::Call
            && verb
            && (doc.mention_at(l.next).is_some()
                || doc
                    .mentions_between(l.next, (l.next + 6).min(doc.lexed.tokens.len()))
                    .first()
                    .is_some_and(|m| m.title_token == l.next)
                || matches!(doc.word(l.next), Some("مع" | "ومع"))))
            || (l.entry.value.starts_with("topic")
                && (l.next..(l.next + 5).min(doc.lexed.tokens.len())).any(|k| by_phone(doc, k)));
        // «أجرى ميقاتي اتصالا بـ…»: one call after a verb of holding and its subject, its
        // other party after it (the plural «تجري اتصالات على مستوى عال» is contacts)
        let held_call = kind == EventKind::Call
            && !verb
            && doc.word(i).is_some_and(|w| !w.ends_with("ات"))
            && doc.word(l.next).is_some_and(|w| {
                matches!(w, "مع" | "من") || w.starts_with('ب') && doc.in_actor_phrase(l.next)
            })
            && super::roles::held_by_light_verb(doc, i);
        if l.entry.extra.ends_with("ambiguous") && !clause_follows && !call_follows && !held_call {
            i += 1;
            continue;
        }
        // a finite verb never follows a preposition: «حثهم على تذكر التضحيات» is a masdar
        if verb && !participle && !passive && after_preposition(doc, i) {
            i = l.next;
            continue;
        }
        if not_an_event(doc, i, l.next) {
            i = l.next;
            continue;
        }
        out.push(Trigger {
            lexeme: l,
            token: i,
            kind,
            verb,
            participle,
            passive,
        });
        i = l.next;
    }
    // «سيشارك الوزير في القمة»: attending a meeting is told by the meeting's own event
    let attends_meeting = |k: usize| {
        out[k].lexeme.entry.extra.ends_with("attendance")
            && out.get(k + 1).is_some_and(|n: &Trigger<'_>| {
                n.kind == EventKind::Meeting
                    && n.token <= out[k].lexeme.next + ATTENDED_REACH
                    && doc.sentence_of(n.token) == doc.sentence_of(out[k].token)
            })
    };
    let attending: Vec<bool> = (0..out.len()).map(attends_meeting).collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !attending[k - 1]
    });
    out
}

/// How many tokens after an attendance verb the meeting it attends may come (سيشارك
/// الأحد في مسقط في جولة جديدة من المحادثات).
const ATTENDED_REACH: usize = 8;

/// Ambiguous speech verbs whose content may come a few words on: «كتب الرئيس على
/// حسابه في إكس: …», «صدر عن الديوان بيان جاء فيه أن …».
/// How many tokens after an ambiguous speech verb its content may start: the speaker and
/// the medium come first (كتب الرئيس على حسابه في منصة «إكس» أن …).
const CONTENT_SOON: usize = 13;

fn distant_content<'a>(doc: &Doc<'a, '_>, i: usize) -> bool {
    let content_soon = || soon(doc, i, CONTENT_SOON, |k| doc.complementizer(k).is_some());
    let word_soon = |reach: usize, is_it: fn(&str) -> bool| {
        soon(doc, i, reach, |k| doc.word(k).is_some_and(is_it))
    };
    // (the و of وجه is its own first letter)
    let stem = |w: &'a str| match w {
        "وجه" | "وجهت" => w,
        _ => w.strip_prefix('و').unwrap_or(w),
    };
    match doc.word(i).map(stem) {
        Some("كتب" | "كتبت") => content_soon(),
        // صدر عن الديوان الملكي بيان: the statement noun shortly after
        Some("صدر") => {
            doc.word(i + 1) == Some("عن")
                && (i + 2..(i + 8).min(doc.lexed.tokens.len()))
                    .any(|k| doc.cue(k, "statement_noun").is_some())
        }
        Some("جاء") => doc.word(i + 1) == Some("في") && content_soon(),
        // نقلت الوكالة عن الرئاسة أن …: reported speech
        Some("نقل" | "نقلت") => content_soon(),
        // طالب المجتمع الدولي، وعلى رأسه الأمم المتحدة، بالتدخل: what is asked for, after ب
        Some("طالب") => word_soon(APPEAL_SOON, |w| {
            w.starts_with("بال") || matches!(w, "بضروره" | "بوقف" | "بعدم")
        }),
        // بعثت رئيسة المجلس، الثلاثاء، برسالة إلى النواب; وجه رسالتين إلى …
        Some("بعث" | "بعثت" | "وجه" | "وجهت") => {
            word_soon(CONTENT_SOON, |w| MESSAGE_NOUNS.contains(&w))
        }
        _ => false,
    }
}

/// Whether a token that `is_it` comes within `reach` tokens after token `i`, in its
/// sentence and before the next finite verb.
fn soon(doc: &Doc<'_, '_>, i: usize, reach: usize, is_it: impl Fn(usize) -> bool) -> bool {
    (i + 1..(i + reach).min(doc.lexed.tokens.len()))
        .take_while(|&k| !doc.punct(k, &['.', ';', '?']) && !finite_verb(doc, k))
        .any(is_it)
}

/// How many tokens (commas count) after طالب what is asked for may start: the subject and
/// the addressee come first, with an apposition (طالب الرئيس المجتمع الدولي، وعلى رأسه
/// الأمم المتحدة، بالتدخل).
const APPEAL_SOON: usize = 14;

/// The nouns of a message sent (بعث برسالة، وجه رسالتين، وجه كلمة إلى الشعب), folded.
const MESSAGE_NOUNS: &[&str] = &[
    "رساله",
    "برساله",
    "رسالتين",
    "برسالتين",
    "رسائل",
    "برسائل",
    "كلمه",
    "بكلمه",
    "نداء",
    "بنداء",
    "خطابا",
    "بخطاب",
    "برقيه",
    "ببرقيه",
];

/// Prepositions written apart that take a noun, never a finite verb (folded).
const PREPOSITIONS: &[&str] = &["في", "على", "علي", "الى", "الي", "عن"];

/// Whether the word before token `i` is a preposition written apart.
fn after_preposition(doc: &Doc<'_, '_>, i: usize) -> bool {
    i > 0
        && doc.word(i - 1).is_some_and(|w| {
            let w = w.strip_prefix('و').filter(|w| w.len() > 2).unwrap_or(w);
            PREPOSITIONS.contains(&w)
        })
        && doc.mention_covering(i - 1).is_none()
        && doc.sentence_of(i - 1) == doc.sentence_of(i)
}

/// How many words a byline's line holds at most («كتبت: فلانة الفلانية»).
const BYLINE_WORDS: usize = 5;

/// A byline: a speech verb opening a short line, a colon right after it («كتب: …»).
fn byline(doc: &Doc<'_, '_>, i: usize) -> bool {
    if !doc.punct(i + 1, &[':']) {
        return false;
    }
    let (start, end) = doc.sentence_tokens(doc.sentence_of(i));
    i == start && end - i <= BYLINE_WORDS + 1 && !doc.punct(end - 1, &['.'])
}

/// Litotes: «لم يستبعد» (did not rule out) is a statement, the only negated act that is.
const LITOTES: &[&str] = &["يستبعد", "تستبعد", "نستبعد", "استبعد", "استبعدت"];

/// Words before a speech verb that make it an attribution adjunct, not an act:
/// «حسب ما ذكرت الوكالة», «بحسب ما قال», «وفق ما أعلنت», «حسبما أفادت».
const ATTRIBUTION: &[&str] = &["حسب", "بحسب", "وحسب", "وبحسب", "وفق", "ووفق", "طبق", "على"];
const ATTRIBUTION_GLUED: &[&str] = &[
    "حسبما",
    "بحسبما",
    "وحسبما",
    "وبحسبما",
    "وفقما",
    "ووفقما",
    "وفقا لما",
    "طبقا لما",
];

/// Speech words that are not acts of a speaker: a negated act («لم يعلن», but «لم
/// يستبعد» is a statement), a hedged one («وربما يلقي كلمة»), a byline, an attribution
/// adjunct («حسب ما ذكرت»), the impersonal «يُذكر أن», and a trigger in a question
/// («ماذا دار بينهما؟»).
fn not_an_event(doc: &Doc<'_, '_>, i: usize, next: usize) -> bool {
    let word = doc.word(i).unwrap_or_default().trim_start_matches('و');
    if i > 0
        && doc
            .cue(i - 1, "negation")
            .is_some_and(|l| &*l.entry.extra != "ambiguous")
        && !LITOTES.contains(&word)
    {
        return true;
    }
    if byline(doc, i) || (i > 0 && doc.cue(i - 1, "hedge").is_some()) {
        return true;
    }
    let before = |k: usize| i.checked_sub(k).and_then(|j| doc.word(j));
    if before(1) == Some("ما") && before(2).is_some_and(|w| ATTRIBUTION.contains(&w)) {
        return true;
    }
    if before(1).is_some_and(|w| ATTRIBUTION_GLUED.contains(&w))
        || (before(1) == Some("لما") && before(2).is_some_and(|w| w == "وفقا" || w == "طبقا"))
    {
        return true;
    }
    // يُذكر أن، ويذكر أن: impersonal
    if matches!(word, "يذكر" | "يشار") && doc.complementizer(next).is_some() {
        return true;
    }
    if matches!(kind_at(doc, i), Some(EventKind::Call | EventKind::Meeting))
        && did_not_happen(doc, i, next)
    {
        return true;
    }
    reviewed(doc, word, next) || question(doc, i)
}

/// Whether اطلع is «to look into», not «to inform»: على comes right after it or after its
/// one subject («اطلع المجلس على التقرير»); the one who informs has an object before على
/// («أطلع الوزير نظيره على التطورات»، «أطلعه على»).
fn reviewed(doc: &Doc<'_, '_>, word: &str, next: usize) -> bool {
    if !matches!(word, "اطلع" | "اطلعت" | "اطلعوا") {
        return false;
    }
    // the subject, with its title: اطلع الرئيس عبد المجيد تبون على
    let subject = doc.titled_mention_at(next, next + 8);
    let after = subject
        .filter(|m| !m.by_role)
        .map_or(next, |m| m.next_token);
    doc.word(after) == Some("علي")
}

/// The kind of the longest event entry at token `i`.
fn kind_at(doc: &Doc<'_, '_>, i: usize) -> Option<EventKind> {
    doc.lexed
        .at(i)
        .iter()
        .filter(|l| l.entry.kind == Kind::Event)
        .max_by_key(|l| l.next)
        .map(|l| kind_of(l.entry.value.split(':').next().unwrap_or_default()))
}

/// How far back a cancelling verb governs the meeting it cancels, across a VSO subject
/// (ألغى وزير الخارجية الأميركي ماركو روبيو ونظيره الروسي سيرغي لافروف اجتماعا).
const CANCEL_REACH: usize = 12;
/// How far back an attempt or a refusal bears on the call (حاول ترتيب مكالمة، رفض الرد على
/// مكالمة).
const ATTEMPT_REACH: usize = 3;

/// Whether the words before a call or meeting say it did not take place: the `not-held`
/// cues of `data/lexicon/event_cues.tsv`. A cancelling verb (ألغى، يؤجل، إرجاء) governs
/// the first event word after it in its clause; an attempt or a refusal (حاول، تجاهل،
/// الرد) one a few words on; a generic quantifier or a refusal to hold (أي، يرفض عقد، لا
/// أريد) only the word right after it (quotes aside).
fn not_held_before(doc: &Doc<'_, '_>, i: usize) -> bool {
    let mut k = i;
    // the first word before i that is no quote mark: where an adjacent cue ends
    let mut adjacent_end = i;
    while adjacent_end > 0 && doc.punct(adjacent_end - 1, &['"']) {
        adjacent_end -= 1;
    }
    while k > 0 && i - k < CANCEL_REACH {
        k -= 1;
        if doc.lexed.tokens[k].kind == crate::text::TokenKind::Punct {
            // the quote marks right before the trigger do not end its clause
            if k >= adjacent_end {
                continue;
            }
            return false;
        }
        for l in doc.lexed.at(k).iter().filter(|l| {
            l.entry.kind == Kind::Cue && &*l.entry.value == "not-held" && l.prep.is_none()
        }) {
            let reaches = match &*l.entry.extra {
                "clause" => true,
                "postpone" => !rescheduled(doc, i),
                "near" => i - k <= ATTEMPT_REACH,
                _ => l.next == adjacent_end,
            };
            if reaches {
                return true;
            }
        }
        // the cancelling verb governs the first event word after it only
        if doc.lexed.at(k).iter().any(|l| l.entry.kind == Kind::Event) {
            return false;
        }
        if doc.cue(k, "complementizer").is_some()
            || doc
                .word(k)
                .is_some_and(|w| super::clauses::RELATIVES.contains(&w))
        {
            return false;
        }
    }
    false
}

/// How far after a postponed meeting its new date is looked for.
const NEW_DATE_REACH: usize = 8;

/// Whether a new date follows the postponed event at token `i` in its clause: «أرجأ
/// المنظمون القمة إلى الخميس المقبل» is a meeting on Thursday.
fn rescheduled(doc: &Doc<'_, '_>, i: usize) -> bool {
    let end = (i + NEW_DATE_REACH).min(doc.lexed.tokens.len());
    (i + 1..end)
        .take_while(|&k| doc.lexed.tokens[k].kind != crate::text::TokenKind::Punct)
        .any(|k| {
            matches!(doc.word(k), Some("الي" | "الى" | "حتي" | "حتى"))
                && k + 1 < end
                && doc.is_timex_token(k + 1)
        })
}

/// Whether a call or meeting did not take place or is generic: a `not-held` cue before
/// it (see [`not_held_before`]), or words after it: «الجلسة التي لم تعقد», «القمة التي
/// ألغيت», «المكالمات التي يجريها الرئيس».
fn did_not_happen(doc: &Doc<'_, '_>, i: usize, next: usize) -> bool {
    if not_held_before(doc, i) {
        return true;
    }
    let relative = matches!(doc.word(next), Some("التي" | "الذي" | "اللتين" | "اللذين"));
    if !relative {
        return false;
    }
    let after = |k: usize| doc.word(next + k).unwrap_or_default();
    // لم تعقد، لم يعقد، ألغيت، أُلغي
    let not_held = (after(1) == "لم"
        && ["تعقد", "يعقد", "تتم", "يتم", "تجر", "يجر"].contains(&after(2)))
        || ["الغيت", "الغي", "تاجلت", "تأجلت"].contains(&after(1));
    // a plural noun with a habitual present: المكالمات التي يجريها الرئيس
    let word = doc.word(i).unwrap_or_default();
    let plural = word.ends_with("ات") && word.starts_with("ال");
    let habitual = after(1).starts_with('ي') || after(1).starts_with('ت');
    not_held || (plural && habitual)
}

/// Whether token `i` is in a question: its sentence ends with ؟ and holds a question word.
fn question(doc: &Doc<'_, '_>, i: usize) -> bool {
    let (start, end) = doc.sentence_tokens(doc.sentence_of(i));
    end > start
        && doc.punct(end - 1, &['?'])
        && (start..end).any(|k| {
            doc.word(k).is_some_and(|w| {
                matches!(
                    w.trim_start_matches('و'),
                    "ماذا" | "هل" | "كيف" | "لماذا" | "متي" | "اين"
                )
            })
        })
}

pub(crate) fn kind_of(name: &str) -> EventKind {
    match name {
        "statement" | "denial" => EventKind::Statement,
        "call" => EventKind::Call,
        "appeal" => EventKind::Appeal,
        "meeting" | "proposal" | "visit" | "topic" => EventKind::Meeting,
        "publication" => EventKind::Publication,
        "accusation" => EventKind::Accusation,
        "sanction" => EventKind::Sanction,
        "threat" => EventKind::Threat,
        _ => EventKind::Other,
    }
}

/// A trigger with its kind settled: a light verb and its event noun are one trigger
/// (أجرى اتصالا هاتفيا), a verb of speech "by phone" is a call.
#[derive(Debug, Clone)]
pub(crate) struct Found<'a> {
    pub trig: Trigger<'a>,
    pub kind: EventKind,
    pub cameo: String,
    /// The token after the whole trigger.
    pub end_token: usize,
    /// Where the trigger's text starts when it is the event noun of a verb with its
    /// subject between them (استضافت تركيا قمة، أجرى أردوغان اتصالا): the noun's start;
    /// the verb still governs the roles.
    pub noun_start: Option<usize>,
    /// The speech act a proposal to meet is (CAMEO 036): an appeal (دعا X إلى زيارة …)
    /// or a statement (اقترح عقد قمة). The event is read as a meeting for its roles, links
    /// and date, then takes this kind, its trigger the verb.
    pub act: Option<EventKind>,
}

/// The events' triggers in text order, with their kinds.
pub(crate) fn find<'a, 'l>(doc: &Doc<'a, 'l>, clauses: &Clauses) -> Vec<Found<'a>>
where
    'l: 'a,
{
    let triggers = find_triggers(doc);
    let lexed = doc.lexed;
    let mut out = Vec::with_capacity(triggers.len());
    let mut absorbed = vec![false; triggers.len()];
    for (n, trig) in triggers.iter().enumerate() {
        if absorbed[n] {
            continue;
        }
        let mut kind = trig.kind;
        let mut cameo = cameo_of(trig.lexeme);
        let mut end_token = trig.lexeme.next;
        let mut noun_start = None;
        let proposal = trig.lexeme.entry.value.starts_with("proposal");
        // a proposal noun (اقتراح، مقترحات) is nominal speech, no event
        if proposal && !trig.verb {
            continue;
        }
        let mut act = proposal.then_some(EventKind::Statement);
        // a verb followed by an event noun: أجرى اتصالا هاتفيا، اقترح عقد اجتماع، دعا إلى عقد قمة
        // (only verbs that take an event as object: أجرى، تلقى، اقترح، دعا، عقد، استضاف)
        if trig.verb && trig.kind != EventKind::Statement {
            // (for a proposal or an appeal a VSO subject between them does not count:
            // اقترح الرئيس الفرنسي إيمانويل ماكرون عقد قمة)
            let next = trig.lexeme.next;
            let after_subject = doc
                .mentions_between(next, lexed.tokens.len())
                .first()
                .filter(|m| m.title_token == next || m.first_token == next)
                .filter(|_| proposal || trig.kind == EventKind::Appeal)
                .map_or(next, |m| m.next_token);
            // (and for an appeal its addressee and a time: «دعا الرئيس X، الثلاثاء، نظيره
            // الروسي Y إلى قمة»: the words between that are no party nor time count)
            let appeal = proposal || trig.kind == EventKind::Appeal;
            let too_far = |to: usize| {
                if !appeal {
                    return to > after_subject + 4;
                }
                let parties = doc.mentions_between(next, to);
                let in_party = |x: usize| {
                    parties
                        .iter()
                        .any(|m| m.title_token.min(m.first_token) <= x && x < m.next_token)
                };
                (next..to)
                    .filter(|&x| !in_party(x) && !doc.is_timex_token(x) && !doc.punct(x, &[',']))
                    .count()
                    > 4
            };
            for (m, other) in triggers.iter().enumerate().skip(n + 1) {
                if too_far(other.token)
                    || other.verb
                    || clauses.of(other.token) != clauses.of(trig.token)
                    || doc.sentence_of(other.token) != doc.sentence_of(trig.token)
                {
                    break;
                }
                if matches!(other.kind, EventKind::Call | EventKind::Meeting) {
                    absorbed[m] = true;
                    kind = other.kind;
                    let proposes = trig.kind == EventKind::Appeal || proposal;
                    if kind == EventKind::Meeting && trig.kind == EventKind::Appeal {
                        act = Some(EventKind::Appeal);
                    }
                    cameo = if kind == EventKind::Meeting && proposes {
                        "036".into()
                    } else if trig.kind == EventKind::Meeting {
                        cameo_of(trig.lexeme)
                    } else {
                        cameo_of(other.lexeme)
                    };
                    // the trigger covers the noun too when nothing but particles lie
                    // between; else it is the noun, as a reader names the event
                    end_token = other.lexeme.next;
                    if !doc
                        .mentions_between(trig.lexeme.next, other.token)
                        .is_empty()
                    {
                        noun_start = Some(other.lexeme.start);
                    }
                    break;
                }
            }
        }
        // statement nouns (بيان، تصريح) are the medium of a statement, not an event
        if !trig.verb && kind == EventKind::Statement {
            continue;
        }
        // a verb of speech or discussion "by phone": تحدث ماكرون هاتفيا مع بوتين، بحث … هاتفيا
        if matches!(kind, EventKind::Statement | EventKind::Meeting)
            && (end_token..(end_token + 4).min(lexed.tokens.len()))
                .take_while(|&k| doc.complementizer(k).is_none())
                .any(|k| by_phone(doc, k))
        {
            kind = EventKind::Call;
            cameo = "041".into();
        }
        // بحث، ناقش: what a call or meeting covered, an event only as the call itself
        if trig.lexeme.entry.value.starts_with("topic") && kind != EventKind::Call {
            continue;
        }
        out.push(Found {
            trig: *trig,
            kind,
            cameo,
            end_token,
            noun_start,
            act: act.filter(|_| kind == EventKind::Meeting),
        });
    }
    out
}

/// «هاتفيا»، «عبر الهاتف»، «بالهاتف» at token `k`: what is said or discussed is a call.
fn by_phone(doc: &Doc<'_, '_>, k: usize) -> bool {
    match doc.word(k).map(|w| w.trim_start_matches('و')) {
        Some("هاتفيا" | "بالهاتف") => true,
        Some("عبر") => doc.word(k + 1) == Some("الهاتف"),
        _ => false,
    }
}
