//! Roles: the agent (subject), the participants and the initiator of each event.

use crate::actors::{ActorType, Mention};
use crate::lexicon::Kind;

use super::clauses::{self, Clauses};
use super::doc::*;
use super::linking;
use super::triggers::Found;
use super::{Event, EventKind, TimeHow};

/// What stands in subject position of a trigger.
pub(crate) enum Subject {
    /// An actor, SVO or VSO.
    Actor(usize),
    /// A single actor right after a verb that takes an object (دعا روسيا): subject or
    /// addressee, decided by the caller.
    Object(usize),
    /// الزعيمان، الطرفان: the parties of the last call or meeting.
    Plural,
    /// البيان، التقرير: the speaker of the last statement.
    StatementNoun,
    /// A participle (مؤكدا): the subject of its main verb.
    MainVerb,
    /// A passive speech act (تم التأكيد): none.
    Passive,
    /// A verb right before خلاله/خلالها with no titled subject after it (زيارة … التقى
    /// خلالها العليمي، محادثات أجراها X أكد خلالها …): the agent of the event it refers
    /// to; an actor after it is the one met.
    During(Option<usize>),
    /// The place a visit or meeting noun goes to or is held in (زيارة للرياض، قمة بغداد):
    /// a participant; the agent is the clause's subject.
    Place(usize),
    /// An unnamed speaker after the verb (قالت مصادر، أكد مسؤول): no agent, and no
    /// speaker before goes on.
    Unnamed,
    None,
}

/// Whether an actor mention is inside a prepositional phrase (لروسيا، في أوكرانيا).
/// Whether mention `m`, found from token `k`, is introduced by بـ glued to token `k`:
/// the name itself (بأردوغان) or a title before it (بالرئيس الأوكراني …).
pub(crate) fn called_with_bi(doc: &Doc<'_, '_>, k: usize, m: &Mention) -> bool {
    let token = doc.lexed.tokens[k];
    if m.first_token == k {
        let glued = &doc.lexed.text[token.start..m.start];
        glued == "ب" || glued == "وب"
    } else {
        // a title before the name: بالرئيس الأوكراني، برئيس مجلس القيادة
        doc.word(k).is_some_and(|w| {
            let w = w.strip_prefix('و').unwrap_or(w);
            w.starts_with("بال") || m.title_token == k && w.starts_with('ب')
        })
    }
}

pub(crate) fn prepositional(doc: &Doc<'_, '_>, m: &Mention) -> bool {
    let token = doc.lexed.tokens[m.first_token];
    let glued = &doc.lexed.text[token.start..m.start];
    if glued.contains(['ب', 'ل', 'ك']) {
        return true;
    }
    // the title that introduced the name carries it: بالرئيس فلاديمير بوتين
    let first = m.title_token.min(m.first_token);
    if first < m.first_token
        && doc.word(first).is_some_and(|w| {
            let w = w.strip_prefix('و').unwrap_or(w);
            ["بال", "لل", "كال"].iter().any(|p| w.starts_with(p))
        })
    {
        return true;
    }
    // (or names the building or region it stands in: بمقر رئاسة الجمهورية، في جنوب لبنان)
    first > 0
        && doc.word(first - 1).is_some_and(|w| {
            let noun = w.trim_start_matches('و');
            let noun = noun.strip_prefix(['ب', 'ل']).unwrap_or(noun);
            PREPOSITIONS.contains(&w) || PLACE_NOUNS.contains(&noun)
        })
}

/// Nouns of a building or a region whose genitive is where something happens, not a
/// party: بمقر رئاسة الجمهورية، في جنوب لبنان، في ريف دمشق.
const PLACE_NOUNS: &[&str] = &[
    "مقر",
    "قصر",
    "مبني",
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
    "ريف",
    "ضواحي",
    "انحاء",
];

/// Verbs of the prayer that follows a ruler's name in Gulf and Moroccan news: «حفظه
/// الله»، «نصره الله»، «رعاه الله»، «أيده الله».
const PRAYERS: &[&str] = &["حفظه", "حفظها", "نصره", "رعاه", "رعاها", "ايده"];

/// How many tokens from `x` (before `end`) are an aside between a verb's subject and its
/// object: a prayer («حفظه الله») or where it happens (في قصر الشاطئ، بمقر رئاسة
/// الجمهورية: the place noun and the two words of its name at most, no actor's mention).
/// 0 when none starts at `x`.
fn aside_at(doc: &Doc<'_, '_>, x: usize, end: usize) -> usize {
    let Some(w) = doc.word(x) else { return 0 };
    if PRAYERS.contains(&w) && doc.word(x + 1) == Some("الله") {
        return 2;
    }
    let (at, noun) = match w {
        "في" => (x + 1, doc.word(x + 1).unwrap_or_default()),
        _ => (x, w.strip_prefix('ب').unwrap_or_default()),
    };
    if !PLACE_NOUNS.contains(&noun) {
        return 0;
    }
    let mut y = at + 1;
    while y < end && y <= at + 2 && doc.word(y).is_some() && doc.mention_covering(y).is_none() {
        y += 1;
    }
    y.min(end) - x
}

/// The subject of a trigger: SVO (an actor right before the verb), else VSO (the first
/// actor after it, before the content), for nouns the actor right after (اتهامات أمريكا).
pub(crate) fn subject(
    doc: &Doc<'_, '_>,
    trig: &Trigger<'_>,
    end: usize,
    s_start: usize,
    s_end: usize,
) -> Subject {
    if !trig.verb {
        // the owner right after the noun, or after one more noun of the chain:
        // اتهامات أمريكا، تقرير إدارة الاستخبارات، التقرير السنوي لأجهزة الاستخبارات
        for at in [end, end + 1] {
            if at > end
                && (doc.word(end).is_none()
                    || !doc.lexed.at(end).is_empty()
                    || doc.mention_at(end).is_some())
            {
                break;
            }
            if let Some(m) = doc.mention_at(at) {
                let glued = &doc.lexed.text[doc.lexed.tokens[at].start..m.start];
                // a noun with ال has no owner in construct, only one after ل: «خلال
                // المكالمة موقف الجزائر» names no owner, «التقرير السنوي لأجهزة …» does
                if trig.lexeme.article && !glued.contains('ل') {
                    break;
                }
                if trig.kind == EventKind::Meeting
                    && doc.actors.actors[m.actor].kind == ActorType::Gpe
                {
                    return Subject::Place(m.actor);
                }
                if glued.contains(['ب', 'ك'])
                    || doc.word(at - 1).is_some_and(|w| PREPOSITIONS.contains(&w))
                {
                    break;
                }
                return Subject::Actor(m.actor);
            }
        }
        // the subject of a light verb before the noun: فرضت الولايات المتحدة عقوبات
        if let Some(m) = doc
            .mention_ending_at(trig.token)
            .filter(|m| m.first_token > s_start)
            && !prepositional(doc, m)
            && m.first_token > 0
            && doc
                .word(m.first_token - 1)
                .is_some_and(|w| !PREPOSITIONS.contains(&w))
            && doc.mention_covering(m.first_token - 1).is_none()
        {
            return Subject::Actor(m.actor);
        }
        return Subject::None;
    }
    // صدر عن الديوان بيان: the actor right after عن is the one the statement comes from
    if doc.word(end - 1) == Some("عن")
        && let Some(m) = doc.mention_at(end)
    {
        return Subject::Actor(m.actor);
    }
    if doc
        .word(end)
        .is_some_and(|w| matches!(w.trim_start_matches('و'), "خلاله" | "خلالها"))
    {
        let after = doc.mention_at(end + 1);
        if after.is_none_or(|m| m.title_token >= m.first_token) {
            return Subject::During(after.map(|m| m.actor));
        }
    }
    // the two parties before the verb: إن الزعيمين اتفقا
    if trig.token > s_start && doc.cue(trig.token - 1, "plural_reference").is_some() {
        return Subject::Plural;
    }
    // SVO: البيت الأبيض أكد، أن بايدن اقترح، بايدن دعا; a verb joined by و has its
    // subject after it or dropped, and the actor before is the last verb's object
    // (يزور روسيا ويلتقي بوتين)
    // (past قد, a closing quote, and a cleft: «ترامب هو من اقترح»، «"الرئيس بوتين" اتصل»)
    let mut j = if trig.lexeme.conj {
        s_start
    } else {
        trig.token
    };
    while j > s_start {
        j -= 1;
        if let Some(m) = doc
            .mention_ending_at(j + 1)
            .filter(|m| m.first_token >= s_start)
        {
            if !prepositional(doc, m) {
                return Subject::Actor(m.actor);
            }
            break;
        }
        let cleft = j > s_start
            && matches!(doc.word(j), Some("من" | "الذي" | "التي"))
            && matches!(doc.word(j - 1), Some("هو" | "هي" | "هم"));
        if cleft {
            j -= 1;
        } else if !(matches!(doc.word(j), Some("قد" | "فقد" | "لقد" | "وقد"))
            || doc.punct(j, &['"', '»', '”', '\'']))
            || trig.token - j > 2
        {
            break;
        }
    }
    if let Some(w) = doc.word(end) {
        if doc.cue(end, "plural_reference").is_some() {
            return Subject::Plural;
        }
        if STATEMENT_SUBJECTS.contains(&w.strip_prefix('و').unwrap_or(w)) {
            return Subject::StatementNoun;
        }
    }
    if unnamed_subject_at(doc, end, s_end) {
        return Subject::Unnamed;
    }
    // VSO: the first actor after the verb, skipping a time, a comma, "في بيان له"
    let mut found: Vec<usize> = Vec::new();
    // the token after the first actor found
    let mut first_next = None;
    let mut k = end;
    let mut skipped = 0;
    let mut after_preposition = false;
    while k < s_end && skipped < 6 && found.len() < 2 {
        // (an arrival's destination may come before its subject: «ويصل الخميس إلى بروكسل
        // الرئيس الأوكراني», so إلى ends the search only for the other verbs)
        if doc.complementizer(k).is_some()
            || doc.punct(k, &['.', ';'])
            || (doc.word(k).is_some_and(|w| w == "الي" || w == "الى") && !occurrence(trig))
        {
            break;
        }
        // a mention here, or a name whose title starts here
        if let Some(m) = doc.titled_mention_at(k, s_end) {
            // a party joined by و to one in a prepositional phrase shares it: «يجتمع
            // بالرئيس بوتين ووزير الخارجية لافروف»
            let joined = doc.word(k).is_some_and(|w| w.starts_with('و'));
            if prepositional(doc, m) {
                after_preposition = true;
            } else if !(joined && after_preposition) {
                found.push(m.actor);
                first_next.get_or_insert(m.next_token);
                after_preposition = false;
            }
            k = m.next_token;
            continue;
        }
        // a name after a title in a prepositional phrase is no subject:
        // بالعاهل الأردني الملك عبد الله، للرئيس الفرنسي ماكرون; but the organisation of
        // a title before the name is part of the subject's phrase: الأمين العام للأمم
        // المتحدة أنطونيو غوتيريش
        if doc
            .word(k)
            .is_some_and(|w| w.starts_with("بال") || w.starts_with("لل"))
            && let Some(m) = doc.first_mention(k + 1, (k + 4).min(s_end))
        {
            if m.title_token < k && m.title_token >= end {
                found.push(m.actor);
            } else {
                skipped += 1;
            }
            k = m.next_token;
            continue;
        }
        skipped += usize::from(!doc.is_timex_token(k) && !doc.punct(k, &[',']));
        k += 1;
    }
    match (found.as_slice(), trig.kind) {
        ([a, _], EventKind::Appeal) => Subject::Actor(*a),
        // «دعت الأمم المتحدة جميع الأطراف إلى …»، «يزور ميتسوتاكيس العاصمة»: the verb's
        // object follows the actor, so the actor is its subject
        ([a], EventKind::Appeal | EventKind::Meeting)
            if first_next.is_some_and(|n| object_noun_at(doc, n, s_end)) =>
        {
            Subject::Actor(*a)
        }
        ([a], EventKind::Appeal | EventKind::Meeting) => Subject::Object(*a),
        ([a, ..], _) => Subject::Actor(*a),
        _ => relative_antecedent(doc, trig.token, s_start).map_or(Subject::None, Subject::Actor),
    }
}

/// The actor a relative pronoun right before a verb refers to, when the verb names no
/// subject of its own: «وزير الخارجية الإيطالي، أنطونيو تاياني، الذي يقوم بزيارة …»،
/// «التقى ببوتين الذي قال إن …» (a prepositional phrase does not matter here). «الاتفاق
/// الذي وقعته مصر» has its subject after the verb and never gets here.
fn relative_antecedent(doc: &Doc<'_, '_>, verb: usize, s_start: usize) -> Option<usize> {
    let mut j = verb.checked_sub(1)?;
    if matches!(doc.word(j), Some("قد")) {
        j = j.checked_sub(1)?;
    }
    if j <= s_start || !doc.word(j).is_some_and(|w| clauses::RELATIVES.contains(&w)) {
        return None;
    }
    // a comma may close the antecedent's apposition: «…، أنطونيو تاياني، الذي»
    let end = if doc.punct(j - 1, &[',']) { j - 1 } else { j };
    doc.mention_ending_at(end)
        .filter(|m| m.first_token >= s_start)
        .map(|m| m.actor)
}

/// How many sentences back a verb looks for a speaker that agrees with it in gender.
const AGREEING_REACH: usize = 3;

/// Past verbs whose last letter ت is their root's, not the feminine ending.
const PAST_ENDING_IN_TA: &[&str] = &["لفت", "التفت", "صوت", "ثبت", "سكت", "افلت", "بت"];

/// Whether a singular verb or participle trigger is feminine (`Some(true)`: قالت، تؤكد،
/// ستزور، مؤكدة) or masculine (`Some(false)`: قال، يؤكد، مؤكدا); `None` for a dual, a
/// plural, a first person and a noun, which tell no subject's gender here.
fn feminine_verb(doc: &Doc<'_, '_>, trig: &Trigger<'_>) -> Option<bool> {
    if !trig.verb || trig.passive {
        return None;
    }
    let tokens = doc.lexed.tokens;
    let end = tokens[trig.token].end;
    let stem = doc
        .lexed
        .text
        .get(trig.lexeme.start.max(tokens[trig.token].start)..end)?;
    if trig.participle {
        return if stem.ends_with('ه') {
            Some(true)
        } else if stem.ends_with('ا') {
            Some(false)
        } else {
            None
        };
    }
    // an object pronoun after the verb: حثتهم، أبلغه
    let stem = ["هما", "هم", "ها", "كم", "ه"]
        .iter()
        .find_map(|p| stem.strip_suffix(p).filter(|s| s.chars().count() >= 2))
        .unwrap_or(stem);
    let extra = &*trig.lexeme.entry.extra;
    if extra.starts_with("verb-past") {
        if stem.ends_with('ا') {
            return None;
        }
        return Some(stem.ends_with('ت') && !PAST_ENDING_IN_TA.contains(&stem));
    }
    if extra.starts_with("verb-present") || extra.starts_with("verb-future") {
        let stem = stem
            .strip_prefix('س')
            .filter(|_| extra.starts_with("verb-future"))
            .unwrap_or(stem);
        if stem.ends_with("ان") || stem.ends_with("ون") || stem.ends_with("ين") {
            return None;
        }
        return match stem.chars().next() {
            Some('ت') => Some(true),
            Some('ي') => Some(false),
            _ => None,
        };
    }
    None
}

/// An actor's grammatical gender where it is known: a person's from their title, an
/// organisation's from the first word of its name (وزارة، الحكومة، الرئاسة are
/// feminine; a masculine-looking word tells nothing: الأمم).
fn feminine_actor(doc: &Doc<'_, '_>, actor: usize) -> Option<bool> {
    let a = &doc.actors.actors[actor];
    match a.kind {
        ActorType::Person => a.feminine,
        ActorType::Org => a
            .name
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with(['ة', 'ه']))
            .then_some(true),
        _ => None,
    }
}

/// Whether a verb of this gender can have this actor as its dropped subject.
fn agrees(doc: &Doc<'_, '_>, actor: usize, feminine: Option<bool>) -> bool {
    match (feminine, feminine_actor(doc, actor)) {
        (Some(v), Some(a)) => v == a,
        _ => true,
    }
}

/// Whether an unnamed speaker (`unnamed_subject` in `data/lexicon/event_cues.tsv`:
/// مصادر، مسؤول، شهود عيان) stands right after a verb, a time or a comma between.
fn unnamed_subject_at(doc: &Doc<'_, '_>, k: usize, s_end: usize) -> bool {
    let k = doc.skip_times_and_commas(k, s_end);
    k < s_end
        && doc.titled_mention_at(k, s_end).is_none()
        && doc.cue(k, "unnamed_subject").is_some_and(|l| !l.article)
}

/// Quantifiers that open a noun phrase: «جميع الأطراف»، «كافة الدول».
const QUANTIFIERS: &[&str] = &["جميع", "كل", "كافه", "مختلف", "سائر", "كلا"];

/// Whether a verb's object starts at token `k` (after a time or a comma): a definite
/// noun or a quantifier that is no actor, no preposition and no function word.
fn object_noun_at(doc: &Doc<'_, '_>, k: usize, s_end: usize) -> bool {
    let k = doc.skip_times_and_commas(k, s_end);
    if k >= s_end || doc.mention_at(k).is_some() || doc.complementizer(k).is_some() {
        return false;
    }
    let Some(w) = doc.word(k) else { return false };
    (w.starts_with("ال") || QUANTIFIERS.contains(&w))
        && !doc
            .lexed
            .at(k)
            .iter()
            .any(|l| l.entry.kind == Kind::Function)
}

/// Whether the trigger is a dated occurrence (`occurrence` in `data/lexicon/events.tsv`).
pub(crate) fn occurrence(trig: &Trigger<'_>) -> bool {
    trig.lexeme.entry.value.starts_with("occurrence:")
}

/// The person a possessive pronoun on an occurrence noun names (منذ رجوعه من فرنسا، منذ
/// اعتلائه العرش): the nearest person named before it in its sentence, in a prepositional
/// phrase or not (اتصل الرئيس بمحمد …، الذي … منذ رجوعه), else the agent of the sentence's
/// last event (أول زيارة يؤديها جلالته منذ اعتلائه العرش).
fn possessor(doc: &Doc<'_, '_>, events: &[Event], token: usize, s_start: usize) -> Option<usize> {
    let sentence = doc.sentence_of(token);
    doc.mentions_between(s_start.max(token.saturating_sub(POSSESSOR_REACH)), token)
        .iter()
        .rev()
        .find(|m| doc.actors.actors[m.actor].kind == ActorType::Person)
        .map(|m| m.actor)
        .or_else(|| sentence_events(events, sentence).find_map(|e| e.agent))
}

/// Whether an occurrence verb has a subject before it that names no actor: «العمل يستأنف
/// الأحد»، «الرحلات تنطلق غدا» (no one's act, so no dropped subject either).
fn noun_before(doc: &Doc<'_, '_>, trig: &Trigger<'_>, s_start: usize) -> bool {
    let t = trig.token;
    !trig.lexeme.conj
        && t > s_start
        && doc.word(t - 1).is_some_and(|w| w.starts_with("ال"))
        && doc.lexed.at(t - 1).is_empty()
        && doc.mention_covering(t - 1).is_none()
}

/// The last two people named in tokens `[from, to)`, in text order (fewer when fewer are).
fn two_people_before(doc: &Doc<'_, '_>, from: usize, to: usize) -> Vec<usize> {
    let mut distinct: Vec<usize> = Vec::with_capacity(2);
    for m in doc.mentions_between(from, to).iter().rev().take(LOOKBACK) {
        let a = m.actor;
        if doc.actors.actors[a].kind == ActorType::Person && !distinct.contains(&a) {
            distinct.push(a);
        }
        if distinct.len() == 2 {
            break;
        }
    }
    distinct.reverse();
    distinct
}

/// Whether an honorific pronoun is the subject at a trigger: right after its verb
/// («وأشار جلالته»), or between the verb of receiving and a call noun («تلقى سموه اتصالا»).
fn honorific_subject(doc: &Doc<'_, '_>, trig: &Trigger<'_>) -> bool {
    let at = if trig.verb {
        trig.lexeme.next
    } else {
        match trig.token.checked_sub(1) {
            Some(k) => k,
            None => return false,
        }
    };
    doc.word(at)
        .is_some_and(|w| HONORIFIC_PRONOUNS.contains(&w))
}

/// A person's honorific with a pronoun, standing for the person: his highness, his
/// majesty, his excellency (of a president, a minister, a prime minister, a cleric, an
/// ambassador).
const HONORIFIC_PRONOUNS: &[&str] = &[
    "سموه",
    "جلالته",
    "فخامته",
    "معاليه",
    "دولته",
    "سماحته",
    "سعادته",
    "سيادته",
    "سموها",
    "جلالتها",
    "فخامتها",
    "معاليها",
    "دولتها",
    "سعادتها",
    "سيادتها",
];

/// The person the story is about at this sentence: the agent of the latest event of the
/// last `AGREEING_REACH` sentences that is a person (of a call received, the one who
/// received it, not the caller), and no one's reported words nor a relative clause's
/// (the guest «الذي يقوم بزيارة …» is not whom «سموه» names).
fn protagonist(
    doc: &Doc<'_, '_>,
    clauses: &Clauses,
    events: &[Event],
    sentence: usize,
) -> Option<usize> {
    events
        .iter()
        .rev()
        .take_while(|e| e.sentence + AGREEING_REACH >= sentence)
        .filter(|e| {
            e.reported_by.is_none()
                && clauses
                    .get(e.clause)
                    .is_none_or(|c| c.kind != clauses::ClauseKind::Relative)
        })
        .find_map(|e| {
            let subject = if e.caller_known && e.initiator == e.agent {
                e.participants.first().copied()
            } else {
                e.agent
            };
            subject.filter(|&a| doc.actors.actors[a].kind == ActorType::Person)
        })
}

/// Whether a statement relays another's (نقلت الوكالة عن بيان للوزارة أن …): a later
/// «وأفاد البيان» is not the relay's speaker.
fn relays(doc: &Doc<'_, '_>, e: &Event) -> bool {
    let w = &doc.lexed.text[e.trigger.0..e.trigger.1];
    matches!(w.strip_prefix('و').unwrap_or(w), "نقل" | "نقلت")
}

/// How far back (tokens) a possessive pronoun looks for the person it names.
const POSSESSOR_REACH: usize = 20;

/// Whether a verb of holding or receiving (أجرى، يجري، تلقى) stands a few words before
/// token `t` in its clause, its subject between: «أجرى ميقاتي اتصالا بـ…» makes the
/// ambiguous «اتصالا» a call.
pub(crate) fn held_by_light_verb(doc: &Doc<'_, '_>, t: usize) -> bool {
    let mut words = 0;
    for x in (0..t).rev() {
        let Some(w) = doc.word(x) else {
            return false;
        };
        let w = w.trim_start_matches(['و', 'ف']);
        if HOLD_VERBS.contains(&w) || receiving(w) {
            return true;
        }
        if !doc.in_actor_phrase(x) {
            words += 1;
            if words > 2 {
                return false;
            }
        }
    }
    false
}

/// Whether the word before token `t` is a light verb of holding (يجري، ليجري، وتعقد،
/// عقد) that has no subject between it and the event noun.
fn light_verb_before(doc: &Doc<'_, '_>, t: usize) -> bool {
    t > 0
        && doc.word(t - 1).is_some_and(|w| {
            let w = w.trim_start_matches(['و', 'ف']);
            let w = w.strip_prefix('ل').unwrap_or(w);
            let w = w.strip_prefix('س').unwrap_or(w);
            HOLD_VERBS.contains(&w)
        })
}

/// Whether a verb trigger stands right after a complementizer with a pronoun of the
/// third person (أنه، بأنها): its subject is the speaker whose content it is.
fn pronoun_subject(doc: &Doc<'_, '_>, trig: &Trigger<'_>, s_start: usize) -> bool {
    trig.verb
        && !trig.lexeme.conj
        && trig.token > s_start
        && doc.word(trig.token - 1).is_some_and(|w| {
            let w = w.trim_start_matches('و').trim_start_matches('ب');
            matches!(w, "انه" | "انها")
        })
}

/// The person a meeting or visit noun belongs to when no owner follows it: the nearest
/// person named before it in its clause, outside a prepositional phrase (أنهى غروندبرغ
/// زيارة إلى الرياض، الجعفري سيقود وفدا في زيارة إلى روسيا).
fn clause_subject(doc: &Doc<'_, '_>, clauses: &Clauses, token: usize) -> Option<usize> {
    let clause = clauses.get(clauses.of(token))?;
    let from = clause.start.max(token.saturating_sub(CLAUSE_SUBJECT_REACH));
    // a person, else a party that is no place (وكان الوفد قد بدأ زيارة إلى سوريا)
    let before = doc.mentions_between(from, token);
    let subject = |kind: fn(ActorType) -> bool| {
        before
            .iter()
            .rev()
            .find(|m| kind(doc.actors.actors[m.actor].kind) && !prepositional(doc, m))
            .map(|m| m.actor)
    };
    subject(|k| k == ActorType::Person).or_else(|| subject(|k| k != ActorType::Gpe))
}

/// How far back (tokens) a meeting noun looks for the subject of its clause.
const CLAUSE_SUBJECT_REACH: usize = 12;

/// Participants and initiator: بين X و Y، مع X، جمع بينهما، بمبادرة من X، دعا X Y إلى،
/// أبلغ X.
pub(crate) fn participants(
    doc: &Doc<'_, '_>,
    event: &mut Event,
    trig: &Trigger<'_>,
    (end, s_start, s_end): (usize, usize, usize),
    sentence_subject: Option<usize>,
) {
    let add = |event: &mut Event, actor: usize| event.add_party(actor);
    let trigger_word = doc.word(trig.token).unwrap_or_default();
    // التقى بايدن بوتين، استقبل أردوغان الرئيس الإيراني، دعا بوتين، أبلغ نظيره
    let bare = trigger_word.trim_start_matches('و');
    // هاتف الرئيس نظيره، السيسي يهاتف سعيّد: the party called is the object
    let phones = event.kind == EventKind::Call
        && trig.verb
        && ["هاتف", "يهاتف", "تهاتف"]
            .iter()
            .any(|v| bare.starts_with(v));
    let takes_object = matches!(event.kind, EventKind::Appeal | EventKind::Accusation)
        || (event.kind == EventKind::Meeting && trig.verb)
        || phones
        || TELL_VERBS.iter().any(|v| trigger_word.ends_with(v));
    // «بحث X مع نظيره Y خلال لقائهما»: a call or meeting noun of the two of them has the
    // two people named before it in its sentence
    if matches!(event.kind, EventKind::Call | EventKind::Meeting)
        && !trig.verb
        && trigger_word.ends_with("هما")
    {
        let two = two_people_before(doc, s_start, trig.token);
        if two.len() == 2 {
            for a in two {
                add(event, a);
            }
        }
    }
    // the window starts again after the subject: its titles can be many words
    let mut window_end = (end + 14).min(s_end);
    let mut k = trig.token + 1;
    let mut took_object = !event.participants.is_empty();
    // where the words counted to the parties start: the trigger's end, or the end of the
    // relative clause that names its agent (المحادثة التي يجريها X مع Y)
    let mut party_from = end;
    // where the verb's object may start: after the trigger, or after its subject
    let mut object_from = end;
    // the owner of a call or meeting noun and the one joined to it: مكالمة بوتين وبايدن
    if matches!(event.kind, EventKind::Call | EventKind::Meeting)
        && !trig.verb
        && let Some(owner) = doc.mention_at(end)
        && event.agent == Some(owner.actor)
        && doc
            .word(owner.next_token)
            .is_some_and(|w| w.starts_with('و'))
        && let Some(m) = doc.mention_at(owner.next_token)
        && !prepositional(doc, m)
    {
        add(event, m.actor);
        took_object = true;
    }
    while k < window_end {
        if k >= end && doc.complementizer(k).is_some() {
            break;
        }
        // a verb joined by و begins its own event: يزور الصين ويلتقي شي
        if k >= end
            && coordinated_verb(doc, k)
            && doc.cue(k, "between").is_none()
            && doc.cue(k, "with").is_none()
        {
            break;
        }
        if let Some(l) = doc.cue(k, "initiator")
            && let Some(m) = doc.first_mention(l.next, (l.next + 4).min(window_end))
        {
            event.initiator = Some(m.actor);
            k = m.next_token;
            continue;
        }
        let joint = matches!(
            event.kind,
            EventKind::Call | EventKind::Meeting | EventKind::Other
        );
        // the parties follow the call or meeting closely: not بين after a topic
        // (اتصال تمحور حول التصعيد بين إيران وإسرائيل) or a few words on
        let close = || {
            let words = (party_from..k)
                .filter(|&x| !doc.is_timex_token(x) && !doc.punct(x, &[',']))
                .count();
            words <= PARTY_REACH
                && !(party_from..k).any(|x| doc.word(x).is_some_and(|w| TOPIC_WORDS.contains(&w)))
        };
        if let Some(l) = doc
            .cue(k, "between")
            .or_else(|| doc.cue(k, "with"))
            .filter(|_| joint && (k < end || close()))
        {
            let cue_text =
                &doc.lexed.text[doc.lexed.tokens[k].start..doc.lexed.tokens[l.next - 1].end];
            if cue_text.ends_with("بينهما") || cue_text.ends_with("بينهم") {
                // جمع بينهما: the two people named before the trigger in this sentence
                let distinct = two_people_before(doc, s_start, trig.token);
                if event.kind == EventKind::Call {
                    event.agent = distinct.first().copied().or(event.agent);
                }
                for a in distinct {
                    add(event, a);
                }
                k = l.next;
                continue;
            }
            // بينه وبين X، بينها وبين X، معه: the pronoun is the person named last before
            if matches!(cue_text, "بينه" | "بينها" | "معه" | "معها") {
                // the pronoun is the subject when there is one (أشاد أردوغان … في اتصال
                // بينه وبين ماكرون), else the person named last before
                let subject_person = event
                    .agent
                    .is_some_and(|a| doc.actors.actors[a].kind == ActorType::Person);
                let person = |a: usize| doc.actors.actors[a].kind == ActorType::Person;
                if !subject_person
                    && let Some(a) =
                        sentence_subject.filter(|&a| person(a) && Some(a) != event.agent)
                {
                    // أشاد أردوغان بموقف بوتين في اتصال بينه وبين ماكرون: Erdoğan, the
                    // first party named
                    if event.agent.is_none() {
                        event.agent = Some(a);
                    } else {
                        add(event, a);
                    }
                } else if !subject_person
                    && let Some(m) = doc
                        .mentions_between(s_start.saturating_sub(MAX_REACH), trig.token)
                        .iter()
                        .rev()
                        .take(LOOKBACK)
                        .find(|m| {
                            doc.actors.actors[m.actor].kind == ActorType::Person
                                && Some(m.actor) != event.agent
                        })
                {
                    add(event, m.actor);
                }
                k = l.next;
                continue;
            }
            // بين X و Y، مع X (و Y): each party may come with its title (والرئيس الفرنسي …)
            let mut j = l.next;
            let mut limit = (l.next + 4).min(window_end);
            while let Some(m) = doc.first_mention(j, limit) {
                if doc.lexed.text[doc.lexed.tokens[m.first_token].start..m.start]
                    .contains(['ب', 'ل', 'ك'])
                {
                    break;
                }
                add(event, m.actor);
                j = m.next_token;
                // another party only after و
                let joined = doc.word(j).is_some_and(|w| w == "و" || w.starts_with('و'));
                if !joined {
                    break;
                }
                limit = (j + 5).min(window_end);
            }
            k = j.max(k + 1);
            continue;
        }
        // the place a visit goes to: زيارة إلى الرياض، زيارة لموسكو، سيزور روسيا
        if event.kind == EventKind::Meeting
            && k < end + 3
            && let Some(m) = doc
                .mention_at(k)
                .or_else(|| {
                    matches!(doc.word(k), Some("الي" | "الى"))
                        .then(|| doc.mention_at(k + 1))
                        .flatten()
                })
                .filter(|m| doc.actors.actors[m.actor].kind == ActorType::Gpe)
        {
            add(event, m.actor);
            k = m.next_token;
            continue;
        }
        // a call or meeting told in a relative clause: «المحادثة الهاتفية التي يجريها X مع
        // Y», «المؤتمر الذي تنظمه فرنسا»; after an indefinite noun the verb follows it
        // directly with its pronoun (اجتماع عقدته المجموعة). A host (تنظم، تستضيف، تحتضن)
        // is the agent, whoever else the noun named.
        let relative = matches!(doc.word(k), Some("التي" | "الذي"));
        let verb = if relative { k + 1 } else { k };
        let held = |list: &[&str]| {
            doc.word(verb).is_some_and(|w| {
                let resumptive = relative || w.ends_with('ه') || w.ends_with("ها");
                resumptive && list.iter().any(|v| w.starts_with(v))
            })
        };
        let hosted = held(HOST_VERBS);
        if matches!(event.kind, EventKind::Call | EventKind::Meeting)
            && !trig.verb
            && (relative || k == end)
            && (hosted || held(HOLD_VERBS))
            && let Some(m) = doc.first_mention(verb + 1, (verb + 5).min(window_end))
            && !prepositional(doc, m)
        {
            if event.agent.is_none() {
                event.agent = Some(m.actor);
            } else if hosted && event.agent != Some(m.actor) {
                let guest = event.agent.replace(m.actor);
                event.participants.retain(|&p| p != m.actor);
                if let Some(g) = guest {
                    add(event, g);
                }
            } else {
                add(event, m.actor);
            }
            k = m.next_token;
            party_from = k;
            continue;
        }
        // the party called: اتصل بأردوغان، اتصالا هاتفيا بالرئيس الأوكراني زيلينسكي; the
        // party met: اجتمع ببوتين، يلتقي بالرئيس
        if (event.kind == EventKind::Call
            || event.kind == EventKind::Meeting
                && trig.verb
                && !(end..k).any(|x| doc.punct(x, &[',', '.', ';'])))
            && !took_object
            && let Some(m) = doc.first_mention(k, (k + 4).min(window_end))
            && called_with_bi(doc, k, m)
        {
            add(event, m.actor);
            took_object = true;
            k = m.next_token;
            // and the parties joined to it by و (ببوتين ووزير خارجيته لافروف)
            while doc.word(k).is_some_and(|w| w.starts_with('و'))
                && let Some(next) = doc.first_mention(k, (k + 4).min(window_end))
                && (next.first_token == k || next.title_token == k)
            {
                add(event, next.actor);
                k = next.next_token;
            }
            continue;
        }
        // the addressee right after the verb (and its subject), a time or a comma between,
        // with its title: دعا بوتين، أبلغ نظيره، «استقبل الرئيس X، اليوم، رئيس وزراء
        // اليونان Y»
        // (asides do not count: «حفظه الله»، «في قصر الشاطئ»)
        let near = || {
            let mut words = 0;
            let mut x = object_from;
            while x < k {
                let aside = aside_at(doc, x, k);
                if aside > 0 {
                    x += aside;
                    continue;
                }
                words += usize::from(!doc.is_timex_token(x) && !doc.punct(x, &[',', '"']));
                x += 1;
            }
            words <= 4
        };
        if takes_object
            && !took_object
            && near()
            && let Some(m) = doc.titled_mention_at(k, window_end)
        {
            if event.agent != Some(m.actor) && !prepositional(doc, m) {
                add(event, m.actor);
                took_object = true;
            } else if event.agent == Some(m.actor) && object_from == end {
                object_from = m.next_token;
                window_end = window_end.max((object_from + 14).min(s_end));
            }
            k = m.next_token;
            continue;
        }
        k += 1;
    }
    // a call with one party named after مع: the caller is the person named before it
    if event.kind == EventKind::Call
        && (event.agent.is_none()
            || event
                .participants
                .contains(&event.agent.unwrap_or(usize::MAX)))
    {
        let mut people = doc
            .mentions_between(s_start, trig.token)
            .iter()
            .rev()
            .take(LOOKBACK)
            .filter(|m| {
                doc.actors.actors[m.actor].kind == ActorType::Person
                    && !event.participants.contains(&m.actor)
            });
        let latest = people.next();
        // «بحث X مع نظيره Y، في اتصال هاتفي»: the one named after مع is the other party,
        // the one before it the caller
        let after_with = |m: &Mention| {
            let first = m.title_token.min(m.first_token);
            first > 0 && doc.cue(first - 1, "with").is_some()
        };
        match latest {
            Some(m) if event.participants.is_empty() && after_with(m) => {
                if let Some(subject) = people.find(|s| s.actor != m.actor) {
                    event.agent = Some(subject.actor);
                    add(event, m.actor);
                } else {
                    event.agent = Some(m.actor);
                }
            }
            Some(m) => event.agent = Some(m.actor),
            None => {}
        }
    }
    // a received call: «تلقى X اتصالا هاتفيا من Y», «X يتلقى مكالمة من Y»: Y called
    // (the verb may stand a few words before the call noun: تلقى بوتين مكالمة من …)
    let receives = |w: &str| receiving(w.trim_start_matches('و'));
    // (a time between them does not count: تلقى ظهر اليوم السبت 22 يناير مكالمة من …, nor
    // the receiver's name and title: تلقى الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى …)
    let received_before = || {
        let mut words = 0;
        for x in (s_start..trig.token).rev() {
            if doc.word(x).is_some_and(receives) {
                return true;
            }
            // another verb between: the call noun is its object (تلقى رسالة …، وأجرى اتصالا)
            if finite_verb(doc, x) {
                return false;
            }
            words += usize::from(
                doc.word(x).is_some() && !doc.is_timex_token(x) && !doc.in_actor_phrase(x),
            );
            if words > RECEIVE_REACH {
                return false;
            }
        }
        false
    };
    if event.kind == EventKind::Call
        && (receives(bare) || !trig.verb && received_before())
        && let Some(caller) = caller_after(doc, end, window_end)
    {
        if let Some(receiver) = event.agent.filter(|&a| a != caller) {
            event.participants.retain(|&p| p != caller);
            event.participants.insert(0, receiver);
        }
        event.agent = Some(caller);
        event.initiator = Some(caller);
        event.caller_known = true;
    }
    // a call noun whose parties are named before it in its sentence: «تناول الرئيسان X
    // وY، في محادثة هاتفية»، «بوتين وأردوغان يتحادثان»
    if event.kind == EventKind::Call && event.participants.is_empty() {
        // not across a colon: «بيسكوف: مكالمة …» names its speaker, not a party
        let from = (s_start..trig.token)
            .rev()
            .find(|&x| doc.punct(x, &[':']))
            .map_or(s_start, |x| x + 1);
        let before: Vec<usize> = doc
            .mentions_between(from, trig.token)
            .iter()
            .rev()
            .take(LOOKBACK)
            .map(|m| m.actor)
            .filter(|&a| doc.actors.actors[a].kind == ActorType::Person && Some(a) != event.agent)
            .collect();
        if let Some(&other) = before.first() {
            let coordinated = event.agent.is_some();
            if coordinated || before.len() >= 2 || !trig.verb {
                add(event, other);
            }
        }
    }
    if matches!(event.kind, EventKind::Call | EventKind::Meeting) {
        // the caller of a received call (تلقى … من بايدن) takes part in it
        if let Some(init) = event.initiator {
            event.add_party(init);
        }
        // a call between two parties with no subject: the first named acts; the place a
        // visit goes to is the one visited, never the visitor
        let visited = event.cameo == "042"
            && event
                .participants
                .first()
                .is_some_and(|&p| doc.actors.actors[p].kind == ActorType::Gpe);
        if event.agent.is_none() && !event.participants.is_empty() && !visited {
            event.agent = Some(event.participants.remove(0));
        }
    }
    if let Some(a) = event.agent {
        event.participants.retain(|&p| p != a);
    }
}

/// Verbs of holding a call or meeting in a relative clause: its subject is the agent.
const HOLD_VERBS: &[&str] = &[
    "يجري", "اجري", "اجرا", "تجري", "جري", "جرت", "عقد", "يعقد", "تعقد",
];

/// Verbs of hosting a meeting in a relative clause: its subject is the host, the agent.
const HOST_VERBS: &[&str] = &[
    "تنظم",
    "ينظم",
    "نظم",
    "تستضيف",
    "يستضيف",
    "استضاف",
    "تحتضن",
    "يحتضن",
    "احتضن",
    "ترعي",
    "يرعي",
    "رعي",
];

/// How many words (times and commas aside) may stand between a call or meeting and
/// the بين or مع that names its parties.
const PARTY_REACH: usize = 5;

/// Prepositions of a topic: what follows them is what a call was about, not its parties.
const TOPIC_WORDS: &[&str] = &["حول", "بشان", "حيال", "عن", "بخصوص"];

/// How many words (times and the receiver's name and title not counted) a verb of
/// receiving may stand before the call noun, with no other verb between: honorifics and
/// epithets come between too (تلقى حضرة صاحب السمو الشيخ تميم … أمير البلاد المفدى، اتصالا).
const RECEIVE_REACH: usize = 8;

/// Verbs of receiving a call: the caller comes after من.
const RECEIVE: &[&str] = &["تلقي", "يتلقي", "تتلقي", "تلقت", "تلقيا", "تلقوا"];

/// Whether a word (its conjunction stripped) is a form of a verb of receiving.
fn receiving(w: &str) -> bool {
    RECEIVE.iter().any(|v| w.starts_with(v))
}

/// The actor after «من» within the few tokens after a received call: the caller.
fn caller_after<'a>(doc: &Doc<'a, '_>, end: usize, window_end: usize) -> Option<usize> {
    for k in end..(end + 6).min(window_end) {
        if doc.complementizer(k).is_some() || doc.punct(k, &['.', ';', ',']) {
            return None;
        }
        if doc.word(k) == Some("من") {
            return doc
                .first_mention(k + 1, (k + 5).min(window_end))
                .map(|m| m.actor);
        }
        // من glued to the name: منه is a pronoun, not a caller
        if let Some(m) = doc.mention_at(k) {
            let token = doc.lexed.tokens[k];
            if &doc.lexed.text[token.start..m.start] == "من" {
                return Some(m.actor);
            }
        }
    }
    None
}

/// The events built so far in sentence `sentence`, the last first (bounded by `LOOKBACK`).
fn sentence_events(events: &[Event], sentence: usize) -> impl Iterator<Item = &Event> {
    events
        .iter()
        .rev()
        .take(LOOKBACK)
        .take_while(move |e| e.sentence == sentence)
}

/// Builds the events of the found triggers in text order, with their roles, content and
/// the statement that reports each (a subject dropped in a continuation is the speaker
/// before it, so the events are built one after the other).
pub(crate) fn assign(doc: &Doc<'_, '_>, clauses: &Clauses, found: &[Found<'_>]) -> Vec<Event> {
    let lexed = doc.lexed;
    let mut events: Vec<Event> = Vec::with_capacity(found.len());
    let mut last_speaker: Option<usize> = None;
    for f in found {
        let trig = &f.trig;
        let end_token = f.end_token;
        let sentence = doc.sentence_of(trig.token);
        let (s_start, s_end) = doc.sentence_tokens(sentence);
        // (a proposal to meet is the act of its verb: دعا، اقترح)
        let trigger_start = match f.act {
            Some(_) => trig.lexeme.start,
            None => f.noun_start.unwrap_or(trig.lexeme.start),
        };
        let trigger_end = match f.act {
            Some(_) => lexed.tokens[trig.lexeme.next - 1].end,
            None => lexed.tokens[end_token - 1].end,
        };
        let mut event = Event {
            kind: f.kind,
            cameo: f.cameo.clone(),
            trigger: (trigger_start, trigger_end),
            sentence,
            agent: None,
            participants: Vec::new(),
            initiator: None,
            content: None,
            time: None,
            how: TimeHow::None,
            time_from: None,
            news_day: None,
            caller_known: false,
            verb: trig.verb,
            clause: clauses.of(trig.token),
            same_as: None,
            reported_by: None,
            negated: trig.token > s_start && doc.cue(trig.token - 1, "negation").is_some(),
            continued: false,
            via_statement_noun: false,
            occurrence: f.kind == EventKind::Other && occurrence(trig),
            act: f.act,
        };
        let continuation = (trig.token > s_start
            && doc.cue(trig.token - 1, "continuation").is_some())
            || (trig.token > s_start + 1 && doc.cue(trig.token - 2, "continuation").is_some());
        // the speaker of the same sentence, else the narrator of the last statement
        // joined to the verb before: و/ف, or حيث and ثم (سيزور روسيا، حيث يجتمع بالرئيس)
        let conjoined = trig.lexeme.conj
            || (trig.token > s_start && matches!(doc.word(trig.token - 1), Some("حيث" | "ثم")));
        let dropped_subject = |events: &[Event]| {
            let in_sentence = || sentence_events(events, sentence);
            // «… إن بايدن سيزور الأردن وسيتصل بالملك»: a verb joined by و to the one before
            // it in the sentence keeps that verb's subject
            // «… أن يجتمع الوفد بمسؤولين، كما يلتقي …»: كما goes on with the meeting before
            // (a verb's: «أكدت الأمم المتحدة أن لقاء أمينها العام ببوتين سيتم، ولفتت …»
            // goes on with أكدت, not with the noun لقاء)
            let coordinated = in_sentence()
                .next()
                .filter(|e| {
                    e.kind != EventKind::Statement
                        && e.verb
                        && (conjoined || continuation && e.kind == f.kind)
                })
                .and_then(|e| e.agent);
            coordinated
                .or_else(|| {
                    in_sentence()
                        .find(|e| e.agent.is_some() && e.kind == EventKind::Statement)
                        .and_then(|e| e.agent)
                })
                .or(last_speaker)
        };
        // the main verb of a participle: the sentence's last statement that no one reports
        // (أعلن ترامب أنه تلقى اتصالا …، مؤكدا …: Trump), else its last event with an agent
        // (a document or an agency that reports a person's words goes on with the person:
        // «وأوضح البيان أن الرئيس التركي أكد …، مضيفا …»: the president adds; a feminine
        // or plural participle agrees with the reporter: «أعلنت الخارجية أن لافروف سيزور
        // الصين، مضيفة …»)
        let masculine_singular = doc.word(trig.token).is_some_and(|w| w.ends_with('ا'));
        let sentence_agent = || {
            let in_sentence = || sentence_events(&events, sentence);
            let person = |a: &usize| doc.actors.actors[*a].kind == ActorType::Person;
            let main = in_sentence()
                .find(|e| e.kind == EventKind::Statement && e.reported_by.is_none())
                .and_then(|e| e.agent);
            let reported_person = || {
                in_sentence()
                    .take_while(|e| e.reported_by.is_some())
                    .find_map(|e| e.agent.filter(person))
            };
            match main {
                Some(m) if !person(&m) && masculine_singular => reported_person().or(main),
                _ => main,
            }
            .or_else(|| in_sentence().find_map(|e| e.agent))
        };
        let found_subject = if trig.passive {
            // تم التأكيد على …: a speech act without an agent
            Subject::Passive
        } else if trig.participle {
            // مؤكدا، مضيفة: the subject of the main verb it goes on from
            Subject::MainVerb
        } else if let Some(a) = pronoun_subject(doc, trig, s_start)
            .then(|| linking::reporter(&events, sentence, trigger_start))
            .flatten()
            .and_then(|r| events[r].agent)
        {
            // «أعلن ترامب أنه تلقى …»: the pronoun after أن is the speaker
            Subject::Actor(a)
        } else {
            subject(doc, trig, trig.lexeme.next, s_start, s_end)
        };
        // a dropped subject agrees with its verb: «وأوضحت مصادر …» does not go on with
        // رئيس الحكومة; a feminine verb goes on with the last feminine speaker
        // (a noun after the verb may be its subject, which the verb agrees with instead:
        // «وأضاف المصدر ذاته» after «أفادت الوزارة»)
        let gender =
            feminine_verb(doc, trig).filter(|_| !object_noun_at(doc, trig.lexeme.next, s_end));
        let agreeing = |candidate: Option<usize>| {
            if candidate.is_none_or(|a| agrees(doc, a, gender)) {
                return candidate;
            }
            // (a few sentences back: a speaker further away is no dropped subject)
            events
                .iter()
                .rev()
                .take_while(|e| e.sentence + AGREEING_REACH >= sentence)
                .filter(|e| e.kind == EventKind::Statement && e.reported_by.is_none())
                .find_map(|e| e.agent.filter(|&a| feminine_actor(doc, a) == gender))
        };
        let unchecked = dropped_subject(&events);
        let dropped = agreeing(unchecked);
        match found_subject {
            Subject::Passive => {}
            Subject::During(object) => {
                let host = events
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .take_while(|e| e.sentence + 1 >= sentence)
                    .find(|e| matches!(e.kind, EventKind::Call | EventKind::Meeting))
                    .and_then(|e| e.agent);
                event.agent = host.or(dropped);
                event.continued = true;
                if let Some(a) = object.filter(|&a| Some(a) != event.agent) {
                    event.participants.push(a);
                }
            }
            Subject::MainVerb => {
                event.agent = agreeing(sentence_agent().or(last_speaker));
                event.continued = true;
            }
            Subject::Actor(a) => event.agent = Some(a),
            // «والتقى الرئيس السوري أحمد الشرع … أعضاء الوفد»: a meeting verb's dropped
            // subject is a person or a party that meets; a ministry that spoke before
            // does not meet, so the one actor after the verb is its subject
            Subject::Object(a)
                if f.kind == EventKind::Meeting
                    && !continuation
                    && !dropped.is_some_and(|d| doc.actors.actors[d].kind == ActorType::Person) =>
            {
                event.agent = Some(a);
            }
            // (a subject that does not agree leaves the actor as the subject: «كما دعت
            // روسيا إلى …» after a man spoke)
            Subject::Object(a) if dropped.is_some() || continuation && unchecked.is_none() => {
                // كما دعا روسيا إلى …: the subject is dropped, the actor is the addressee
                event.agent = dropped;
                event.continued = true;
                event.participants.push(a);
            }
            Subject::Object(a) => event.agent = Some(a),
            Subject::Plural => {
                // اتفق الزعيمان: the two parties of the last call or meeting
                if let Some(p) = events.iter().rev().take(LOOKBACK).find(|e| {
                    matches!(e.kind, EventKind::Call | EventKind::Meeting) && e.agent.is_some()
                }) {
                    event.agent = p.agent;
                    event.participants = p.participants.clone();
                }
            }
            Subject::StatementNoun => {
                // وقال البيان: whoever spoke "in a statement" last
                event.agent = events
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .find(|e| e.via_statement_noun && e.agent.is_some())
                    .or_else(|| {
                        events.iter().rev().take(LOOKBACK).find(|e| {
                            e.kind == EventKind::Statement
                                && e.reported_by.is_none()
                                && !relays(doc, e)
                        })
                    })
                    .and_then(|e| e.agent)
                    // no statement before: the actor of the story so far (حدد مجلس
                    // الوزراء … . وأفاد بيان حكومي بأن …)
                    .or_else(|| events.iter().rev().take(LOOKBACK).find_map(|e| e.agent))
                    .or_else(|| {
                        // no event before either: the first actor of the sentence before
                        let (p_start, _) = doc.sentence_tokens(sentence.saturating_sub(1));
                        doc.mentions_between(p_start, s_start)
                            .iter()
                            .find(|m| {
                                !prepositional(doc, m)
                                    && doc.actors.actors[m.actor].kind != ActorType::Gpe
                            })
                            .map(|m| m.actor)
                    });
                event.continued = true;
            }
            Subject::None
                if trig.verb && !(event.occurrence && noun_before(doc, trig, s_start)) =>
            {
                event.agent = dropped;
                event.continued = event.agent.is_some();
            }
            Subject::Place(a) => {
                event.participants.push(a);
                event.agent = clause_subject(doc, clauses, trig.token);
            }
            Subject::None if event.kind == EventKind::Meeting => {
                event.agent = clause_subject(doc, clauses, trig.token).or_else(|| {
                    // a light verb with no subject of its own (ليجري مباحثات مع …) has the
                    // first person of its clause («أن غوتيريش سيصل إلى العاصمة يوم
                    // الثلاثاء المقبل ليجري مباحثات»), else the sentence's last agent
                    light_verb_before(doc, trig.token)
                        .then(|| {
                            let clause = clauses.get(clauses.of(trig.token))?;
                            doc.mentions_between(clause.start, trig.token)
                                .iter()
                                .find(|m| {
                                    doc.actors.actors[m.actor].kind == ActorType::Person
                                        && !prepositional(doc, m)
                                })
                                .map(|m| m.actor)
                                .or_else(|| {
                                    sentence_events(&events, sentence).find_map(|e| e.agent)
                                })
                        })
                        .flatten()
                });
            }
            Subject::Unnamed | Subject::None => {}
        }
        // «وتلقى سموه اتصالا …»، «كما تلقى اتصالا …»: an honorific pronoun, or كما before
        // an act that is no speech (whose speaker goes on already), with no one named goes
        // on with the one the story is about; a new act, not dated by the last one
        if event.agent.is_none()
            && !trig.passive
            && !matches!(found_subject, Subject::Unnamed | Subject::Plural)
            && (honorific_subject(doc, trig)
                || continuation && trig.verb && event.kind != EventKind::Statement)
        {
            event.agent =
                dropped.or_else(|| agreeing(protagonist(doc, clauses, &events, sentence)));
            event.continued = event.agent.is_some() && event.kind == EventKind::Statement;
        }
        // منذ رجوعه، لدى وصولها: the pronoun names who arrived; بعد مقتله: who was killed
        match &*trig.lexeme.entry.extra {
            "masdar-possessive" if event.occurrence => {
                event.agent = possessor(doc, &events, trig.token, s_start);
            }
            "masdar-patient" if event.occurrence => {
                if let Some(p) = possessor(doc, &events, trig.token, s_start) {
                    event.agent = None;
                    event.participants.push(p);
                }
            }
            _ => {}
        }
        let (content, via_statement_noun) = clauses::content(
            doc,
            end_token,
            s_end,
            event.kind == EventKind::Statement && trig.verb,
        );
        event.content = content;
        event.via_statement_noun = via_statement_noun;
        // the subject of the sentence so far: whom a pronoun (بينه، معه) names first
        let sentence_subject = sentence_events(&events, sentence).find_map(|e| e.agent);
        participants(
            doc,
            &mut event,
            trig,
            (end_token, s_start, s_end),
            sentence_subject,
        );
        event.reported_by = linking::reporter(&events, sentence, trigger_start);
        if event.kind == EventKind::Statement
            && event.reported_by.is_none()
            && event.agent.is_some()
        {
            last_speaker = event.agent;
        }
        events.push(event);
    }
    events
}
