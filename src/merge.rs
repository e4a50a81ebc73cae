//! Cross-document timelines (the job of SemEval-2015 Task 4): the events of many
//! documents on one timeline, where the same real-world event reported by several
//! articles becomes one event listing every source.
//!
//! How events are matched — two first mentions (repeated mentions inside a document
//! are already folded by SAME_AS) from *different* documents are the same event when
//! - they have the same kind;
//! - both are dated and their resolved intervals overlap (an undated event is never
//!   merged: there is nothing to tell two calls between the same parties apart);
//! - their parties agree. Actors are unified across documents by gazetteer id, else by
//!   type and folded name; a metonym counts as what it stands for (الكرملين → Russia).
//!   Calls and meetings need two shared parties, or one shared party and the same set
//!   of countries (بايدن–بوتين and واشنطن–الكرملين are one bilateral call). Every
//!   other kind needs the same agent, and when both report content, overlapping
//!   content words (Jaccard ≥ [`CONTENT_OVERLAP`]) — the same speaker on the same day
//!   may say several things.
//!
//! Candidate pairs come from buckets keyed by (kind, party), so the cost grows with
//! the square of the largest such bucket, not of the whole collection. Pairs are then
//! joined greedily, best score first, and a group never takes two events of one
//! document (a document's own events are distinct by construction).

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::actors::ActorType;
use crate::document::{
    Actor, Document, DocumentInfo, Event, EventRelation, EventSource, EventTime, SCHEMA,
    SourceDocument,
};
use crate::events::EventKind;
use crate::text::fold;
use crate::timeline::{self, Item};
use crate::timex::{DctSource, Timex};

/// The least share of common content words (Jaccard) for two statements to be one.
pub const CONTENT_OVERLAP: f64 = 0.3;

/// A document's timex ids and their positions in its `timexes`.
type TimexIndex<'d> = FxHashMap<&'d str, usize>;

/// One event of one input document, as the matcher sees it.
struct Mention<'d> {
    doc: usize,
    event: &'d Event,
    interval: Option<(NaiveDateTime, NaiveDateTime)>,
    /// Merged actor indices of the agent and the participants.
    parties: BTreeSet<usize>,
    agent: Option<usize>,
    countries: BTreeSet<String>,
    words: FxHashSet<String>,
}

/// Builds one timeline from `docs`, in input order; `id` names the result.
pub fn merge(id: &str, docs: &[Document]) -> Document {
    let (actors, actor_map) = unify_actors(docs);
    let referent = referents(&actors);
    // each document's timex id → its position, for the event times and the copies
    let timex_index: Vec<TimexIndex> = docs
        .iter()
        .map(|d| {
            d.timexes
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.as_str(), i))
                .collect()
        })
        .collect();
    let mentions = collect_mentions(docs, &actor_map, &actors, &referent, &timex_index);
    let groups = group(&mentions);
    build(
        id,
        docs,
        actors,
        &actor_map,
        &timex_index,
        &mentions,
        &groups,
    )
}

/// Merged actors, and for each document a map from its actor ids to merged indices.
fn unify_actors(docs: &[Document]) -> (Vec<Actor>, Vec<FxHashMap<String, usize>>) {
    let mut merged: Vec<Actor> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut maps = Vec::with_capacity(docs.len());
    for doc in docs {
        let mut map = FxHashMap::default();
        for actor in &doc.actors {
            let key = actor_key(actor);
            let index = *by_key.entry(key).or_insert_with(|| {
                let mut first = actor.clone();
                first.id = format!("a{}", merged.len() + 1);
                first.mentions.clear();
                merged.push(first);
                merged.len() - 1
            });
            let target = &mut merged[index];
            // later documents fill what the first one did not know
            fill(&mut target.name_en, &actor.name_en);
            fill(&mut target.country, &actor.country);
            fill(&mut target.wikidata, &actor.wikidata);
            fill(&mut target.stands_for, &actor.stands_for);
            fill(&mut target.role, &actor.role);
            target
                .mentions
                .extend(actor.mentions.iter().map(|m| with_document(m, doc)));
            map.insert(actor.id.clone(), index);
        }
        maps.push(map);
    }
    (merged, maps)
}

fn fill(target: &mut Option<String>, value: &Option<String>) {
    if target.is_none() {
        target.clone_from(value);
    }
}

fn actor_key(actor: &Actor) -> String {
    match &actor.gazetteer_id {
        Some(id) => format!("g:{id}"),
        None => {
            let kind = match actor.kind {
                ActorType::Person => "p",
                ActorType::Org => "o",
                ActorType::Gpe => "g",
            };
            format!("n:{kind}:{}", fold(&actor.name))
        }
    }
}

/// For each merged actor, the merged actor it stands for (itself unless a metonym
/// whose referent is among the actors).
fn referents(actors: &[Actor]) -> Vec<usize> {
    let by_gazetteer: FxHashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.gazetteer_id.as_deref().map(|g| (g, i)))
        .collect();
    actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.stands_for
                .as_deref()
                .and_then(|s| by_gazetteer.get(s).copied())
                .unwrap_or(i)
        })
        .collect()
}

fn collect_mentions<'d>(
    docs: &'d [Document],
    actor_map: &[FxHashMap<String, usize>],
    actors: &[Actor],
    referent: &[usize],
    timex_index: &[TimexIndex],
) -> Vec<Mention<'d>> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let party = |id: &String| actor_map[d].get(id).map(|&a| referent[a]);
        for event in doc.events.iter().filter(|e| e.order.is_some()) {
            let interval = event
                .time
                .timex
                .as_deref()
                .and_then(|t| timex_index[d].get(t))
                .and_then(|&k| doc.timexes[k].interval)
                .map(|iv| (iv.start, iv.end))
                .or_else(|| event.time.news_day());
            let agent = event.agent.as_ref().and_then(party);
            let parties: BTreeSet<usize> = agent
                .into_iter()
                .chain(event.participants.iter().filter_map(party))
                .collect();
            let countries = parties
                .iter()
                .filter_map(|&a| actors[a].country.clone())
                .collect();
            let words = event
                .content
                .as_ref()
                .map(|c| content_words(&c.text))
                .unwrap_or_default();
            out.push(Mention {
                doc: d,
                event,
                interval,
                parties,
                agent,
                countries,
                words,
            });
        }
    }
    out
}

/// Folded words of three letters or more: enough to compare what was said.
fn content_words(text: &str) -> FxHashSet<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

fn jaccard(a: &FxHashSet<String>, b: &FxHashSet<String>) -> f64 {
    let common = a.intersection(b).count();
    let all = a.len() + b.len() - common;
    if all == 0 {
        0.0
    } else {
        common as f64 / all as f64
    }
}

/// How well two mentions match (higher is better), or `None` when they are not the
/// same event.
fn score(a: &Mention, b: &Mention) -> Option<f64> {
    if a.doc == b.doc || a.event.kind != b.event.kind {
        return None;
    }
    let (x, y) = (a.interval?, b.interval?);
    if x.1 <= y.0 || y.1 <= x.0 {
        return None;
    }
    let shared = a.parties.intersection(&b.parties).count();
    match a.event.kind {
        EventKind::Call | EventKind::Meeting => {
            let same_countries = a.countries.len() >= 2 && a.countries == b.countries;
            let agree = shared >= 2 || (same_countries && (shared >= 1 || a.parties.len() <= 2));
            agree.then_some(shared as f64 + f64::from(u8::from(same_countries)))
        }
        _ => {
            if a.agent.is_none() || a.agent != b.agent {
                return None;
            }
            if a.words.is_empty() || b.words.is_empty() {
                // without content, the same trigger word must carry the claim
                return (fold(&a.event.trigger.text) == fold(&b.event.trigger.text)).then_some(1.0);
            }
            let overlap = jaccard(&a.words, &b.words);
            (overlap >= CONTENT_OVERLAP).then_some(1.0 + overlap)
        }
    }
}

/// Groups of mention indices, each one real-world event, in order of first mention.
fn group(mentions: &[Mention]) -> Vec<Vec<usize>> {
    // candidate pairs from (kind, party) and (kind, country) buckets
    let mut buckets: FxHashMap<(EventKind, String), Vec<usize>> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.interval.is_none() {
            continue;
        }
        let keys = m
            .parties
            .iter()
            .map(|p| format!("a{p}"))
            .chain(m.countries.iter().map(|c| format!("c{c}")));
        for key in keys {
            buckets.entry((m.event.kind, key)).or_default().push(i);
        }
    }
    let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for members in buckets.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                if seen.insert((i, j))
                    && let Some(s) = score(&mentions[i], &mentions[j])
                {
                    pairs.push((s, i, j));
                }
            }
        }
    }
    // best first; ties in input order, so the result does not depend on hashing
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut parent: Vec<usize> = (0..mentions.len()).collect();
    let mut docs_of: Vec<BTreeSet<usize>> =
        mentions.iter().map(|m| BTreeSet::from([m.doc])).collect();
    for (_, i, j) in pairs {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        if ri == rj || !docs_of[ri].is_disjoint(&docs_of[rj]) {
            continue;
        }
        let (keep, gone) = (ri.min(rj), ri.max(rj));
        parent[gone] = keep;
        let moved = std::mem::take(&mut docs_of[gone]);
        docs_of[keep].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: FxHashMap<usize, usize> = FxHashMap::default();
    for i in 0..mentions.len() {
        let r = root(&mut parent, i);
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn with_document(e: &crate::document::Evidence, doc: &Document) -> crate::document::Evidence {
    let mut e = e.clone();
    e.document = Some(doc.document.id.clone());
    e
}

fn build(
    id: &str,
    docs: &[Document],
    actors: Vec<Actor>,
    actor_map: &[FxHashMap<String, usize>],
    timex_index: &[TimexIndex],
    mentions: &[Mention],
    groups: &[Vec<usize>],
) -> Document {
    let mut timexes: Vec<Timex> = Vec::new();
    let mut timex_ids: FxHashMap<(usize, String), String> = FxHashMap::default();
    let mut events = Vec::with_capacity(groups.len());
    let mut intervals = Vec::with_capacity(groups.len());
    // which merged event each (document, event id) became, for the relations
    let mut event_of: FxHashMap<(usize, &str), usize> = FxHashMap::default();
    // a document's actor id → the merged actor's index
    let merged_actor = |d: usize, id: &String| actor_map[d].get(id).copied();
    for (g, members) in groups.iter().enumerate() {
        let first = &mentions[members[0]];
        // the most precise date among the sources
        let timed = members
            .iter()
            .map(|&m| &mentions[m])
            .filter(|m| m.interval.is_some())
            .min_by_key(|m| m.interval.map(|(s, e)| (e - s, m.doc)));
        let time = match timed {
            Some(m) => EventTime {
                timex: m.event.time.timex.as_ref().map(|t| {
                    let source = (&docs[m.doc], m.doc, &timex_index[m.doc]);
                    copy_timex(source, t, &mut timexes, &mut timex_ids)
                }),
                value: m.event.time.value.clone(),
                how: m.event.time.how,
                // the event it was tied to is another document's id
                from: None,
            },
            None => first.event.time.clone(),
        };
        intervals.push(timed.and_then(|m| m.interval));
        // the agent: a source's agent that another names as the initiator (بايدن اتصل،
        // تلقى بوتين اتصالا من بايدن), else a person named as initiator, else the first agent
        let initiators: Vec<usize> = members
            .iter()
            .filter_map(|&m| {
                let m = &mentions[m];
                m.event
                    .initiator
                    .as_ref()
                    .and_then(|a| merged_actor(m.doc, a))
            })
            .collect();
        let agents: Vec<usize> = members
            .iter()
            .filter_map(|&m| {
                let m = &mentions[m];
                m.event.agent.as_ref().and_then(|a| merged_actor(m.doc, a))
            })
            .collect();
        let agent = agents
            .iter()
            .find(|a| initiators.contains(a))
            .or_else(|| {
                initiators
                    .iter()
                    .find(|&&a| actors[a].kind == ActorType::Person)
            })
            .or(agents.first())
            .copied();
        let initiator = initiators
            .iter()
            .find(|&&i| Some(i) == agent)
            .or(initiators.first())
            .copied();
        let mut participants: Vec<usize> = Vec::new();
        for &m in members {
            let m = &mentions[m];
            for p in m.event.agent.iter().chain(&m.event.participants) {
                if let Some(p) = merged_actor(m.doc, p)
                    && Some(p) != agent
                    && !participants.contains(&p)
                {
                    participants.push(p);
                }
            }
        }
        let id_of = |a: usize| actors[a].id.clone();
        let doc = &docs[first.doc];
        events.push(Event {
            id: format!("e{}", g + 1),
            kind: first.event.kind,
            cameo: first.event.cameo.clone(),
            trigger: with_document(&first.event.trigger, doc),
            sentence: first.event.sentence,
            agent: agent.map(id_of),
            participants: participants.into_iter().map(id_of).collect(),
            initiator: initiator.map(id_of),
            content: first.event.content.as_ref().map(|c| with_document(c, doc)),
            time,
            negated: first.event.negated,
            order: None,
            sources: members
                .iter()
                .map(|&m| {
                    let (doc, event) = (&docs[mentions[m].doc], mentions[m].event);
                    EventSource {
                        document: doc.document.id.clone(),
                        event: event.id.clone(),
                        trigger: with_document(&event.trigger, doc),
                        sentence: event.sentence,
                    }
                })
                .collect(),
        });
        for &m in members {
            event_of.insert((mentions[m].doc, mentions[m].event.id.as_str()), g);
        }
    }
    // a repeated mention inside a document stands for its first mention
    for (d, doc) in docs.iter().enumerate() {
        for r in doc.relations.iter().filter(|r| r.kind == "SAME_AS") {
            if let Some(&g) = event_of.get(&(d, r.to.as_str())) {
                event_of.insert((d, r.from.as_str()), g);
            }
        }
    }
    // the timeline: by interval, ties in input order (document, then text)
    let items: Vec<Item> = intervals
        .iter()
        .enumerate()
        .map(|(g, &interval)| Item {
            interval,
            discourse: g,
        })
        .collect();
    let ordered = timeline::order(&items, &[]);
    for (pos, &g) in ordered.iter().enumerate() {
        events[g].order = Some(pos + 1);
    }
    let mut relations: Vec<EventRelation> = Vec::new();
    let mut seen: FxHashSet<(usize, usize, &str)> = FxHashSet::default();
    for (d, doc) in docs.iter().enumerate() {
        for r in doc.relations.iter().filter(|r| r.kind == "REPORTS") {
            if let (Some(&a), Some(&b)) = (
                event_of.get(&(d, r.from.as_str())),
                event_of.get(&(d, r.to.as_str())),
            ) && a != b
                && seen.insert((a, b, r.kind.as_ref()))
            {
                relations.push(EventRelation {
                    from: events[a].id.clone(),
                    to: events[b].id.clone(),
                    kind: r.kind.clone(),
                });
            }
        }
    }
    for (a, b, kind) in timeline::neighbour_relations(&ordered, |g| intervals[g]) {
        relations.push(EventRelation {
            from: events[a].id.clone(),
            to: events[b].id.clone(),
            kind: Cow::Borrowed(kind),
        });
    }
    Document {
        schema: Cow::Borrowed(SCHEMA),
        document: DocumentInfo {
            id: id.to_string(),
            dct: None,
            dct_source: DctSource::None,
            policy: docs.first().map(|d| d.document.policy).unwrap_or_default(),
        },
        timexes,
        actors,
        timeline: ordered.iter().map(|&g| events[g].id.clone()).collect(),
        events,
        relations,
        // each source's own warnings stay with it (its id is in `sources`)
        warnings: Vec::new(),
        sources: docs
            .iter()
            .map(|d| SourceDocument {
                id: d.document.id.clone(),
                dct: d.document.dct.clone(),
            })
            .collect(),
    }
}

/// Copies timex `id` of document `d` (and the timex it is anchored on, if any) into
/// the merged list once, returning its merged id.
fn copy_timex(
    (doc, d, index): (&Document, usize, &TimexIndex),
    id: &str,
    timexes: &mut Vec<Timex>,
    ids: &mut FxHashMap<(usize, String), String>,
) -> String {
    if let Some(done) = ids.get(&(d, id.to_string())) {
        return done.clone();
    }
    let Some(&k) = index.get(id) else {
        return id.to_string();
    };
    let source = &doc.timexes[k];
    let mut copy = source.clone();
    let at = timexes.len();
    let new_id = format!("t{}", at + 1);
    ids.insert((d, id.to_string()), new_id.clone());
    copy.id = new_id.clone();
    copy.document = Some(doc.document.id.clone());
    timexes.push(copy);
    if index.contains_key(source.anchor.as_str()) {
        timexes[at].anchor = copy_timex((doc, d, index), &source.anchor, timexes, ids);
    }
    new_id
}

/// What [`read_documents`] found in one input.
#[derive(Debug, Default)]
pub struct ReadDocuments {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// Batch error records (`{"id", "error"}`) passed over.
    pub error_records: usize,
}

/// Reads document JSONs from `reader`: one indented document as `zaman extract`
/// writes it, or a stream of them (JSON Lines, as `zaman batch` writes). Batch error
/// records are counted and passed over; anything else that is not a document is an
/// error naming `name` and the record.
pub fn read_documents(
    reader: impl std::io::Read,
    name: &str,
    into: &mut ReadDocuments,
) -> Result<(), crate::Error> {
    let stream = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader))
        .into_iter::<serde_json::Value>();
    for (n, value) in stream.enumerate() {
        let bad = |message: String| crate::Error::Json {
            path: name.to_string(),
            record: n + 1,
            message,
        };
        let value = value.map_err(|e| bad(e.to_string()))?;
        if value.get("error").is_some() && value.get("schema").is_none() {
            into.error_records += 1;
            continue;
        }
        let doc: Document = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
        into.documents.push(doc);
    }
    Ok(())
}
