//! Linking: the statement that reports an event (REPORTS), and repeat mentions of one
//! real-world event (SAME_AS).

use crate::actors::ActorType;

use super::doc::*;
use super::{Event, EventKind};

/// Mentions of one real-world event: an anaphoric call (المكالمة، الاتصال الهاتفي نفسه)
/// is the last call; a proposal to meet by the same agent to the same party is the
/// same proposal (the headline's دعا … إلى عقد قمة and the body's اقترح عقد اجتماع).
pub(crate) fn link_same_events(doc: &Doc<'_, '_>, events: &mut [Event]) {
    // first mentions of calls, meetings and publications, in text order
    let mut firsts: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    // first mentions told again later
    let mut told_again = vec![false; events.len()];
    let slot = |kind: EventKind| match kind {
        EventKind::Call => Some(0),
        EventKind::Meeting => Some(1),
        EventKind::Publication => Some(2),
        _ => None,
    };
    for n in 0..events.len() {
        let Some(k) = slot(events[n].kind) else {
            continue;
        };
        let (before, rest) = events.split_at_mut(n);
        let e = &mut rest[0];
        let trigger_text = &doc.lexed.text[e.trigger.0..e.trigger.1];
        let anaphoric = trigger_text.starts_with("ال")
            || trigger_text.contains("نفس")
            || trigger_text.contains("ذات");
        let antecedent = firsts[k].iter().rev().take(LOOKBACK).copied().find(|&i| {
            let p = &before[i];
            match e.kind {
                // the call, the call by the same caller to the same party, or a call
                // between the same two parties told from the other side (تلقى X مكالمة
                // من Y after مكالمة بين X وY)
                EventKind::Call => {
                    anaphoric
                        || (p.agent.is_some() && p.agent == e.agent && overlap(p, e))
                        || same_parties(p, e)
                }
                // الزيارة after زار/زيارة, القمة after قمة, اللقاء after التقى
                EventKind::Meeting if e.cameo != "036" => {
                    anaphoric
                        && !e.verb
                        && p.cameo == e.cameo
                        && (p.verb
                            || meeting_noun(noun_stem(doc, p)) == meeting_noun(noun_stem(doc, e)))
                }
                EventKind::Meeting => {
                    p.cameo == "036" && (anaphoric || (p.agent.is_some() && p.agent == e.agent))
                }
                EventKind::Publication => anaphoric,
                _ => false,
            }
        });
        // «المحادثة»، «الحديث» after a call: the talk is the call (no meeting since)
        let antecedent = antecedent.or_else(|| {
            let talk = e.kind == EventKind::Meeting
                && anaphoric
                && !e.verb
                && meeting_noun(noun_stem(doc, e)) == "talks";
            let call = *firsts[0].last()?;
            let after_meeting = firsts[1].last().is_none_or(|&m| m < call);
            (talk && after_meeting && n - call <= LOOKBACK).then_some(call)
        });
        // the headline's call or meeting, told again in the body: «… يعلن موعد زيارة
        // الرئيس الأمريكي إلى السعودية» and then «سيزورها في زيارة رسمية يومي 15 و16 يوليو»
        let mut from_headline = false;
        let antecedent = antecedent.or_else(|| {
            (!headline_of(doc, e)).then_some(())?;
            from_headline = true;
            // (only the first mentions of the last few sentences: this stays linear)
            firsts[k]
                .iter()
                .rev()
                .copied()
                .take_while(|&i| e.sentence <= before[i].sentence + HEADLINE_REACH)
                .filter(|&i| {
                    let p = &before[i];
                    headline_of(doc, p)
                        && !told_again[i]
                        && p.cameo == e.cameo
                        && (p.agent.is_none() || e.agent.is_none() || p.agent == e.agent)
                })
                .last()
        });
        let Some(p) = antecedent else {
            firsts[k].push(n);
            continue;
        };
        // the body's mention is what later mentions take up again (الزيارة after زيارة
        // رسمية), and all of them are mentions of the headline's event
        if from_headline {
            firsts[k].push(n);
        }
        let p = before[p].same_as.unwrap_or(p);
        told_again[p] = true;
        {
            e.same_as = Some(p);
            if before[p].kind == EventKind::Call {
                // the talk told again is the call
                e.kind = EventKind::Call;
                e.cameo.clone_from(&before[p].cameo);
            }
            // «المكالمة جرت بطلب من موسكو»: the party the initiator names called
            if e.kind == EventKind::Call
                && !e.caller_known
                && let Some(caller) = e.initiator.and_then(|init| party_of(doc, &before[p], init))
            {
                e.agent = Some(caller);
                e.caller_known = true;
            }
            // what the later mention adds belongs to the event
            let (agent, participants, initiator) = (e.agent, e.participants.clone(), e.initiator);
            let first = &mut before[p];
            if first.initiator.is_none() {
                first.initiator = initiator;
            }
            // the text says who called in this mention: the call's agent is the caller
            // anywhere in the passage («تلقى X اتصالا من Y» after «اتصال بين X وY»)
            if e.kind == EventKind::Call
                && e.caller_known
                && !first.caller_known
                && let Some(caller) = e.agent
            {
                {
                    let old = first.agent.replace(caller);
                    first.participants.retain(|&a| a != caller);
                    if let Some(old) = old.filter(|&a| a != caller) {
                        first.participants.insert(0, old);
                    }
                    first.caller_known = true;
                }
            }
            if e.kind != EventKind::Call {
                for a in participants.into_iter().chain(agent) {
                    first.add_party(a);
                }
            }
        }
    }
    share_roles(events);
}

/// How many sentences after a headline its event is looked for in the body.
const HEADLINE_REACH: usize = 3;

/// Whether an event is in a headline (a line standing alone, without a final stop).
fn headline_of(doc: &Doc<'_, '_>, e: &Event) -> bool {
    doc.sentences.get(e.sentence).is_some_and(|s| s.headline)
}

/// Every mention of one event has its roles: a repeat that names no agent has the first
/// mention's (الزيارة … after زيارة بايدن), and a call has one caller and one set of
/// parties in all its mentions.
fn share_roles(events: &mut [Event]) {
    for n in 0..events.len() {
        let Some(p) = events[n].same_as.filter(|&p| p < n) else {
            continue;
        };
        let (before, rest) = events.split_at_mut(n);
        let (first, e) = (&before[p], &mut rest[0]);
        if e.kind == EventKind::Call && first.agent.is_some() {
            // one caller in every mention when the text says who called (what the repeat
            // told of it has gone to the first mention already), else each mention keeps
            // its own subject («أنه تحدث عبر الهاتف مع الرئيس» after «اتصال بين X وY»);
            // the parties are those of both mentions
            let own = std::mem::take(&mut e.participants);
            let subject = e.agent.filter(|_| !first.caller_known && !e.caller_known);
            e.agent = subject.or(first.agent);
            e.participants = first.participants.clone();
            e.participants.retain(|&a| Some(a) != e.agent);
            for a in own.into_iter().chain(first.agent) {
                e.add_party(a);
            }
        } else if e.agent.is_none() {
            e.agent = first.agent;
            for &a in &first.participants {
                e.add_party(a);
            }
        }
    }
}

/// The party of call `e` that actor `who` names: the party itself, or for a country or
/// its capital (بطلب من موسكو) the one person of that country among the parties.
fn party_of(doc: &Doc<'_, '_>, e: &Event, who: usize) -> Option<usize> {
    let actors = &doc.actors.actors;
    let parties = e.agent.into_iter().chain(e.participants.iter().copied());
    if parties.clone().any(|a| a == who) {
        return Some(who);
    }
    let country = actors[who]
        .country
        .as_deref()
        .filter(|_| actors[who].kind == ActorType::Gpe)?;
    let mut of_country = parties.filter(|&a| {
        actors[a].kind == ActorType::Person && actors[a].country.as_deref() == Some(country)
    });
    let one = of_country.next()?;
    of_country.next().is_none().then_some(one)
}

/// The first word of a trigger without و and the article: `والزيارة` → `زياره`.
fn noun_stem<'t>(doc: &Doc<'_, 't>, e: &Event) -> &'t str {
    let text = &doc.lexed.text[e.trigger.0..e.trigger.1];
    let word = text.split(' ').next().unwrap_or(text);
    let word = word
        .strip_prefix('و')
        .filter(|w| w.starts_with("ال"))
        .unwrap_or(word);
    word.strip_prefix("ال").unwrap_or(word)
}

/// The class of a meeting noun's stem: a meeting and an encounter are one (اجتماعا then
/// اللقاء), talks another (محادثة، مباحثات، الحديث); any other stem is its own class.
fn meeting_noun(stem: &str) -> &str {
    let stem = stem.strip_suffix('ا').unwrap_or(stem);
    match stem {
        "اجتماع" | "لقاء" | "اجتماعات" | "لقاءات" => "meeting",
        "محادثه" | "محادثات" | "مباحثات" | "حديث" | "مشاورات" => {
            "talks"
        }
        _ => stem,
    }
}

/// Whether two events have the same two or more parties, agent or participant.
fn same_parties(a: &Event, b: &Event) -> bool {
    let parties = |e: &Event| {
        let mut all: Vec<usize> = e.participants.iter().copied().chain(e.agent).collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let x = parties(a);
    x.len() >= 2 && x == parties(b)
}

pub(crate) fn overlap(a: &Event, b: &Event) -> bool {
    a.participants
        .iter()
        .any(|p| b.participants.contains(p) || b.agent == Some(*p))
        || b.participants.iter().any(|p| a.agent == Some(*p))
}

/// Nested report: the statement of this sentence whose content holds the trigger at
/// byte `trigger_start` (a content never leaves its sentence, so only this sentence's
/// events can report).
pub(crate) fn reporter(events: &[Event], sentence: usize, trigger_start: usize) -> Option<usize> {
    let same_sentence = events
        .iter()
        .rev()
        .take(LOOKBACK)
        .take_while(|e| e.sentence == sentence)
        .count();
    let from = events.len() - same_sentence;
    events[from..]
        .iter()
        .rposition(|e| {
            e.kind == EventKind::Statement
                && e.content
                    .is_some_and(|(a, b)| a <= trigger_start && trigger_start < b)
        })
        .map(|k| k + from)
}
