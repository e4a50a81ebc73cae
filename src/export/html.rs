//! The offline HTML report: one self-contained file (`<html dir="rtl" lang="ar">`, system
//! fonts, inline CSS and JS from `src/export/html/`, a Content-Security-Policy that
//! forbids every request) with
//!
//! - the timeline in lanes (one per actor, or per kind of event without an agent) over
//!   date columns read right to left, earlier dates on the right; undated events below;
//! - the actor–event graph, an SVG laid out here (actors and events in two columns,
//!   actors placed at the mean height of their events);
//! - the article with every timex, actor mention, trigger and content span marked up,
//!   nested where they overlap (a span that crosses another is split in two).
//!
//! Everything links both ways through ids: `tl-e4` (timeline item), `g-e4` / `g-a3`
//! (graph nodes), `ev-e4` (trigger), `tx-t2` (timex). The markup is written with maud,
//! which escapes every string; the document JSON is embedded in a
//! `<script type="application/json">` with `<`, `>` and `&` written as `\u003c`….

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::lanes::{Entry, View, escape, kind_key, kind_name};
use crate::document::Document;
use crate::error::Error;
use crate::text::CharIndex;

const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");

/// Nothing may be fetched: no script, style, font, image or connection from elsewhere.
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/// The report of a document as one HTML string. Without `text` (a merged timeline) the
/// report shows the timeline and the graph and says that the article is not available.
pub fn render(doc: &Document, text: Option<&str>) -> Result<String, Error> {
    let view = View::new(doc, text)?;
    let data = embedded_json(&view, text.is_some())?;
    let article = text.map(|t| annotate(&view, t));
    let page = html! {
        (DOCTYPE)
        html dir="rtl" lang="ar" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("zaman ", env!("CARGO_PKG_VERSION")));
                link rel="icon" href="data:,";
                title { "زمن — " (view.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                a.skip href="#article" { "انتقل إلى نص المقال" }
                header {
                    h1 { (view.title) }
                    p.meta { (view.summary()) }
                    p.meta.docid dir="auto" {
                        "المستند: " bdi { (doc.document.id) }
                        " · سياسة التفسير: " (policy_name(doc))
                    }
                    (legend())
                }
                main {
                    section #timeline aria-labelledby="h-timeline" {
                        h2 #h-timeline { "الخط الزمني" }
                        p.hint { "الأقدم على اليمين. اختر حدثا لترى دليله في النص؛ Esc يلغي التحديد." }
                        (timeline(&view))
                        (undated(&view))
                        div #details .details aria-live="polite" {
                            p.muted { "لم يُحدَّد أي حدث." }
                        }
                    }
                    div.columns {
                        section #article aria-labelledby="h-article" {
                            h2 #h-article { "نص المقال" }
                            @match &article {
                                Some(a) => div.text #text lang="ar" { (PreEscaped(a)) },
                                None => p.no-text #text-missing role="note" {
                                    "نص المقال غير متاح: هذا خط زمني بلا نص مصدر (مثل خط زمني مدمج من عدة مقالات)، فلا يمكن إظهار الأدلة في سياقها."
                                },
                            }
                        }
                        section #graph aria-labelledby="h-graph" {
                            h2 #h-graph { "الفاعلون والأحداث" }
                            (graph(&view))
                        }
                    }
                }
                footer {
                    "أعدّه زمن (zaman) من مخطط "
                    bdi { (doc.schema) }
                    "؛ الملف مستقل ولا يطلب أي مورد من الشبكة."
                }
                script #zaman-data type="application/json" { (PreEscaped(data)) }
                script { (PreEscaped(JS)) }
            }
        }
    };
    Ok(page.into_string())
}

/// Writes the report.
pub fn write(doc: &Document, text: Option<&str>, out: &mut dyn Write) -> Result<(), Error> {
    let page = render(doc, text)?;
    out.write_all(page.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .map_err(|source| Error::Output { source })
}

fn policy_name(doc: &Document) -> &'static str {
    match doc.document.policy {
        crate::timex::Policy::News => "أخبار",
        crate::timex::Policy::Narrative => "سرد",
        crate::timex::Policy::Colloquial => "عامية",
    }
}

const KINDS: [crate::events::EventKind; 9] = crate::events::EventKind::ALL;

fn legend() -> Markup {
    html! {
        ul.legend aria-label="أنواع الأحداث" {
            @for k in KINDS {
                li { span class=(format!("swatch k-{}", kind_key(k))) aria-hidden="true" {} (kind_name(k)) }
            }
            li { span.swatch.range-swatch aria-hidden="true" {} "فترة (أسبوع، شهر، سنة، فترة تقريبية)" }
        }
    }
}

/// One column per distinct interval, in time order.
struct Column {
    start: chrono::NaiveDateTime,
    end: chrono::NaiveDateTime,
    label: String,
    tip: String,
    point: bool,
}

fn columns(view: &View<'_>) -> (Vec<Column>, Vec<usize>) {
    let mut cols: Vec<Column> = Vec::new();
    let mut of_entry = Vec::with_capacity(view.dated.len());
    for e in &view.dated {
        let Some(w) = &e.when else {
            of_entry.push(0);
            continue;
        };
        let n = match cols
            .iter()
            .position(|c| c.start == w.start && c.end == w.end)
        {
            Some(n) => n,
            None => {
                cols.push(Column {
                    start: w.start,
                    end: w.end,
                    label: w.label.clone(),
                    tip: format!(
                        "{} · [{}، {})",
                        w.value,
                        w.start.format("%Y-%m-%dT%H:%M"),
                        w.end.format("%Y-%m-%dT%H:%M")
                    ),
                    point: w.point,
                });
                cols.len() - 1
            }
        };
        of_entry.push(n);
    }
    (cols, of_entry)
}

fn timeline(view: &View<'_>) -> Markup {
    let (cols, of_entry) = columns(view);
    let mut used = vec![false; view.lanes.len()];
    for e in &view.dated {
        used[e.lane] = true;
    }
    // cells[lane][column] = entries
    let mut cells: BTreeMap<(usize, usize), Vec<&Entry<'_>>> = BTreeMap::new();
    for (e, &c) in view.dated.iter().zip(&of_entry) {
        cells.entry((e.lane, c)).or_default().push(e);
    }
    let template = format!(
        "grid-template-columns: minmax(8rem, 11rem) repeat({}, minmax(8.5rem, 1fr));",
        cols.len().max(1)
    );
    html! {
        @if view.dated.is_empty() {
            p.muted #no-dated { "لا حدث مؤرخا يمكن وضعه على المحور الزمني." }
        } @else {
            div.tl-scroll tabindex="0" aria-label="الخط الزمني، قابل للتمرير أفقيا" {
                div.tl role="table" aria-label="الأحداث حسب الفاعل والتاريخ" style=(template) {
                    div.corner role="columnheader" { "الفاعل" }
                    @for (n, c) in cols.iter().enumerate() {
                        div.col-head.range-col[!c.point] role="columnheader" data-col=(n)
                            tabindex="0" data-tip=(c.tip) aria-label=(format!("{} ({})", c.label, c.tip)) {
                            (c.label)
                        }
                    }
                    @for (lane_n, lane) in view.lanes.iter().enumerate() {
                        @if used[lane_n] {
                            div.lane-head role="rowheader" data-lane=(lane.key)
                                data-act=[lane.actor.map(|_| "actor")] data-id=[lane.actor.map(|a| a.id.as_str())]
                                tabindex=[lane.actor.map(|_| "0")]
                                title=[lane.actor.and_then(|a| a.name_en.as_deref())] {
                                (lane.label)
                            }
                            @for n in 0..cols.len() {
                                div.cell role="cell" data-lane=(lane.key) {
                                    @if let Some(list) = cells.get(&(lane_n, n)) {
                                        @for e in list {
                                            (item(view, e, "tl", "item"))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A focusable event chip (timeline item or undated chip).
fn item(view: &View<'_>, e: &Entry<'_>, prefix: &str, class: &str) -> Markup {
    let when = e.when.as_ref();
    let date = when.map_or("بلا تاريخ", |w| w.label.as_str());
    let label = format!(
        "{}: {} — {}، {}",
        kind_name(e.event.kind),
        e.headline,
        view.lanes[e.lane].label,
        date
    );
    let classes = format!(
        "{class} k-{}{}",
        kind_key(e.event.kind),
        if when.is_some_and(|w| !w.point) {
            " range"
        } else {
            ""
        }
    );
    html! {
        button type="button" class=(classes) id=(format!("{prefix}-{}", e.event.id))
            data-act="event" data-id=(e.event.id) data-lane=(view.lanes[e.lane].key)
            aria-label=(label) aria-pressed="false" {
            span.trigger { (e.headline) }
            @if prefix == "un" {
                span.lane-name { (view.lanes[e.lane].label) }
            }
        }
    }
}

fn undated(view: &View<'_>) -> Markup {
    html! {
        @if !view.undated.is_empty() {
            h3 #h-undated { "أحداث بلا تاريخ (" (view.undated.len()) ")" }
            p.hint { "لا يذكر النص وقتها، فلا مكان لها على المحور؛ مرتبة حسب موضعها في الخط الزمني." }
            ul.undated aria-labelledby="h-undated" {
                @for e in &view.undated {
                    li { (item(view, e, "un", "chip")) }
                }
            }
        }
        @if !view.repeated.is_empty() {
            p.hint #repeated {
                "إشارات متكررة إلى حدث سبق ذكره (" (view.repeated.len()) "): "
                @for (n, r) in view.repeated.iter().enumerate() {
                    @if n > 0 { "، " }
                    button.link type="button" data-act="event" data-id=(r.same_as) {
                        (r.event.trigger.text)
                    }
                }
            }
        }
    }
}

/// Cuts a label to `max` characters with an ellipsis.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

const ROW: f64 = 30.0;
const WIDTH: f64 = 580.0;
const EVENT_W: f64 = 230.0;
const ACTOR_W: f64 = 180.0;
const MARGIN: f64 = 10.0;

/// The actor–event graph: actors on the right (where Arabic starts), events on the left
/// in timeline order, an actor at the mean height of its events (overlaps pushed down).
fn graph(view: &View<'_>) -> Markup {
    let events: Vec<&Entry<'_>> = view.dated.iter().chain(&view.undated).collect();
    let doc = view.doc;
    let event_y: Vec<f64> = (0..events.len())
        .map(|i| MARGIN + ROW * i as f64 + ROW / 2.0)
        .collect();
    // (actor index, event index, role)
    let mut edges: Vec<(usize, usize, &'static str)> = Vec::new();
    let actor_of: BTreeMap<&str, usize> = doc
        .actors
        .iter()
        .enumerate()
        .map(|(k, a)| (a.id.as_str(), k))
        .collect();
    let actor_index = |id: &str| actor_of.get(id).copied();
    for (i, e) in events.iter().enumerate() {
        let ev = e.event;
        let roles = ev
            .agent
            .iter()
            .map(|a| (a, "agent"))
            .chain(ev.participants.iter().map(|a| (a, "participant")))
            .chain(ev.initiator.iter().map(|a| (a, "initiator")));
        for (a, role) in roles {
            if let Some(k) = actor_index(a)
                && !edges.iter().any(|&(x, y, _)| x == k && y == i)
            {
                edges.push((k, i, role));
            }
        }
    }
    let mut sums = vec![(0.0, 0usize); doc.actors.len()];
    for &(k, i, _) in &edges {
        sums[k].0 += event_y[i];
        sums[k].1 += 1;
    }
    let mut bary: Vec<(f64, usize)> = Vec::new();
    let mut isolated = Vec::new();
    for (k, &(sum, n)) in sums.iter().enumerate() {
        if n == 0 {
            isolated.push(k);
        } else {
            bary.push((sum / n as f64, k));
        }
    }
    bary.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut actor_y = vec![0.0; doc.actors.len()];
    let mut next = MARGIN + ROW / 2.0;
    for &(y, k) in &bary {
        let y = y.max(next);
        actor_y[k] = y;
        next = y + ROW;
    }
    for &k in &isolated {
        actor_y[k] = next;
        next += ROW;
    }
    let bottom = (MARGIN + ROW * events.len() as f64).max(next - ROW / 2.0) + MARGIN;
    let actor_x = WIDTH - MARGIN - ACTOR_W;
    let event_x = MARGIN;
    let box_h = ROW - 8.0;
    let mut paths = String::new();
    for &(k, i, role) in &edges {
        let (x1, y1) = (actor_x, actor_y[k]);
        let (x2, y2) = (event_x + EVENT_W, event_y[i]);
        let _ = write!(
            paths,
            "<path class=\"edge {role}\" data-actor=\"{}\" data-event=\"{}\" d=\"M{x1:.1} {y1:.1} C{:.1} {y1:.1} {:.1} {y2:.1} {x2:.1} {y2:.1}\"/>",
            escape(&doc.actors[k].id),
            escape(&events[i].event.id),
            x1 - 60.0,
            x2 + 60.0
        );
    }
    html! {
        @if events.is_empty() && doc.actors.is_empty() {
            p.muted { "لا فاعلين ولا أحداث." }
        } @else {
            svg.graph viewBox=(format!("0 0 {WIDTH} {bottom:.0}"))
                width="100%" role="group" aria-label="مخطط الفاعلين والأحداث: الفاعل إلى اليمين، الحدث إلى اليسار" {
                g.edges aria-hidden="true" { (PreEscaped(paths)) }
                @for (i, e) in events.iter().enumerate() {
                    @let date = e.when.as_ref().map_or("بلا تاريخ", |w| w.label.as_str());
                    g class=(format!("node ev k-{}", kind_key(e.event.kind))) id=(format!("g-{}", e.event.id))
                        data-act="event" data-id=(e.event.id) tabindex="0" role="button"
                        aria-label=(format!("{}: {} — {}", kind_name(e.event.kind), e.headline, date)) {
                        rect x=(event_x) y=(format!("{:.1}", event_y[i] - box_h / 2.0)) width=(EVENT_W) height=(box_h) rx="6" {}
                        text x=(format!("{:.1}", event_x + EVENT_W / 2.0)) y=(format!("{:.1}", event_y[i] + 4.5)) text-anchor="middle" {
                            (cut(&format!("{} · {}", e.event.trigger.text, date), 33))
                        }
                    }
                }
                @for (k, a) in doc.actors.iter().enumerate() {
                    g.node.actor.isolated[sums[k].1 == 0] id=(format!("g-{}", a.id))
                        data-act="actor" data-id=(a.id) tabindex="0" role="button"
                        aria-label=(format!("فاعل: {}", a.name)) {
                        rect x=(actor_x) y=(format!("{:.1}", actor_y[k] - box_h / 2.0)) width=(ACTOR_W) height=(box_h) rx=(box_h / 2.0) {}
                        text x=(format!("{:.1}", actor_x + ACTOR_W / 2.0)) y=(format!("{:.1}", actor_y[k] + 4.5)) text-anchor="middle" {
                            (cut(&a.name, 25))
                        }
                    }
                }
            }
            ul.legend.graph-legend aria-label="أنواع الصلات" {
                li { span.line.agent aria-hidden="true" {} "فاعل الحدث" }
                li { span.line.participant aria-hidden="true" {} "طرف آخر" }
                li { span.line.initiator aria-hidden="true" {} "المبادر" }
            }
        }
    }
}

/// What a span of the text is; lower kinds enclose higher ones when spans are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Content,
    Timex,
    Actor,
    Trigger,
}

struct Mark {
    start: usize,
    end: usize,
    layer: Layer,
    /// The opening tag of the first piece.
    open: String,
    /// The opening tag of a piece after a split (no id, no tab stop).
    reopen: String,
}

/// The article as HTML, every timex, mention, trigger and content span in a `<span>`,
/// properly nested: where two spans cross, the inner one is closed and opened again.
fn annotate(view: &View<'_>, text: &str) -> String {
    let doc = view.doc;
    let mut marks: Vec<Mark> = Vec::new();
    for e in &doc.events {
        if let Some(c) = &e.content {
            let open = format!("<span class=\"content\" data-ev=\"{}\">", escape(&e.id));
            marks.push(Mark {
                start: c.span[0],
                end: c.span[1],
                layer: Layer::Content,
                reopen: open.clone(),
                open,
            });
        }
    }
    for t in &doc.timexes {
        let value = match t.interval {
            Some(iv) => format!(
                "{} · [{}، {})",
                t.value,
                iv.start.format("%Y-%m-%dT%H:%M"),
                iv.end.format("%Y-%m-%dT%H:%M")
            ),
            None => t.value.clone(),
        };
        let attrs = format!(
            "class=\"tx\" data-act=\"timex\" data-id=\"{id}\" data-tip=\"{tip}\"",
            id = escape(&t.id),
            tip = escape(&value)
        );
        marks.push(Mark {
            start: t.span[0],
            end: t.span[1],
            layer: Layer::Timex,
            open: format!(
                "<span {attrs} id=\"tx-{}\" tabindex=\"0\" role=\"button\" aria-label=\"{}\">",
                escape(&t.id),
                escape(&format!("تعبير زمني «{}»: {}", t.text, value))
            ),
            reopen: format!("<span {attrs}>"),
        });
    }
    for a in &doc.actors {
        for m in &a.mentions {
            let attrs = format!(
                "class=\"ac\" data-act=\"actor\" data-id=\"{}\"",
                escape(&a.id)
            );
            marks.push(Mark {
                start: m.span[0],
                end: m.span[1],
                layer: Layer::Actor,
                open: format!(
                    "<span {attrs} tabindex=\"0\" role=\"button\" aria-label=\"{}\">",
                    escape(&format!("فاعل: {}", a.name))
                ),
                reopen: format!("<span {attrs}>"),
            });
        }
    }
    let first_mention: BTreeMap<&str, &str> = view
        .repeated
        .iter()
        .map(|r| (r.event.id.as_str(), r.same_as))
        .collect();
    for e in &doc.events {
        let target = first_mention.get(e.id.as_str()).copied().unwrap_or(&e.id);
        let attrs = format!(
            "class=\"trg k-{}\" data-act=\"trigger\" data-id=\"{}\" data-target=\"{}\"",
            kind_key(e.kind),
            escape(&e.id),
            escape(target)
        );
        let label = match view.entry(target) {
            Some(entry) => format!(
                "حدث ({}): {} — {}",
                kind_name(e.kind),
                entry.headline,
                entry.when.as_ref().map_or("بلا تاريخ", |w| w.label.as_str())
            ),
            None => format!("حدث ({}): {}", kind_name(e.kind), e.trigger.text),
        };
        marks.push(Mark {
            start: e.trigger.span[0],
            end: e.trigger.span[1],
            layer: Layer::Trigger,
            open: format!(
                "<span {attrs} id=\"ev-{}\" tabindex=\"0\" role=\"button\" aria-label=\"{}\">",
                escape(&e.id),
                escape(&label)
            ),
            reopen: format!("<span {attrs}>"),
        });
    }
    nest(text, marks)
}

/// Writes `text` with the marks as nested spans; spans are code points of `text`.
fn nest(text: &str, mut marks: Vec<Mark>) -> String {
    marks.retain(|m| m.start < m.end);
    marks.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.layer.cmp(&b.layer))
    });
    let chars = CharIndex::new(text);
    let mut points: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    points.push(text.chars().count());
    points.sort_unstable();
    points.dedup();
    let mut out = String::with_capacity(text.len() * 3);
    let mut pos = 0;
    let mut next = 0;
    let mut stack: Vec<usize> = Vec::new();
    for p in points {
        out.push_str(&escape(chars.slice(pos, p)));
        pos = p;
        // close what ends here, reopening what was above it
        while stack.iter().any(|&m| marks[m].end == p) {
            let mut reopen = Vec::new();
            while let Some(top) = stack.pop() {
                out.push_str("</span>");
                if marks[top].end != p {
                    reopen.push(top);
                }
                if !stack.iter().any(|&m| marks[m].end == p) {
                    break;
                }
            }
            for &m in reopen.iter().rev() {
                out.push_str(&marks[m].reopen);
                stack.push(m);
            }
        }
        while next < marks.len() && marks[next].start == p {
            out.push_str(&marks[next].open);
            stack.push(next);
            next += 1;
        }
    }
    for _ in stack {
        out.push_str("</span>");
    }
    out
}

/// The document and what the page needs of the view, as JSON safe inside `<script>`.
fn embedded_json(view: &View<'_>, has_text: bool) -> Result<String, Error> {
    let events: serde_json::Map<String, serde_json::Value> = view
        .dated
        .iter()
        .chain(&view.undated)
        .map(|e| {
            (
                e.event.id.clone(),
                serde_json::json!({
                    "kind": kind_name(e.event.kind),
                    "headline": e.headline,
                    "lane": view.lanes[e.lane].label,
                    "date": e.when.as_ref().map(|w| w.label.clone()),
                    "value": e.when.as_ref().map(|w| w.value),
                    "timex": e.event.time.timex,
                    "evidence": e.evidence,
                }),
            )
        })
        .collect();
    let value = serde_json::json!({
        "hasText": has_text,
        "events": events,
        "document": view.doc,
    });
    let json = serde_json::to_string(&value).map_err(|e| Error::Output {
        source: std::io::Error::from(e),
    })?;
    Ok(json
        .replace('&', "\\u0026")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use crate::timex::Dct;

    fn mark(start: usize, end: usize, layer: Layer, name: &str) -> Mark {
        Mark {
            start,
            end,
            layer,
            open: format!("<{name}>"),
            reopen: format!("<{name}+>"),
        }
    }

    #[test]
    fn nested_and_crossing_spans_are_split_by_code_points() {
        // أ ب ج د ه و: a timex over 1..4, a trigger 2..3 inside it, an actor 3..5 crossing it
        let text = "أبجدهو<";
        let marks = vec![
            mark(1, 4, Layer::Timex, "t"),
            mark(2, 3, Layer::Trigger, "g"),
            mark(3, 5, Layer::Actor, "a"),
        ];
        assert_eq!(
            nest(text, marks),
            "أ<t>ب<g>ج</span><a>د</span></span><a+>ه</span>و&lt;"
        );
    }

    #[test]
    fn equal_spans_nest_content_timex_actor_trigger() {
        let marks = vec![
            mark(0, 2, Layer::Trigger, "g"),
            mark(0, 2, Layer::Content, "c"),
            mark(0, 2, Layer::Timex, "t"),
        ];
        assert_eq!(nest("قال", marks), "<c><t><g>قا</span></span></span>ل");
    }

    #[test]
    fn report_escapes_and_embeds_safely() {
        let text = "قال بايدن أمس إن \"</script><b>\" & كلام. وأكد بوتين أن الحوار ممكن.";
        let doc = Extractor::default().extract("<doc>", text, "2021-04-13".parse::<Dct>().ok());
        let page = render(&doc, Some(text)).expect("report");
        assert!(page.starts_with("<!DOCTYPE html><html dir=\"rtl\" lang=\"ar\">"));
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "only the two script ends"
        );
        assert!(page.contains("&lt;/script&gt;&lt;b&gt;"));
        assert!(!page.contains("<doc>"));
        assert!(page.contains("id=\"tl-e1\""));
        assert!(page.contains("id=\"ev-e1\""));
        assert!(!page.contains("://"), "no address of any kind");
        let no_text = render(&doc, None).expect("report without text");
        assert!(no_text.contains("نص المقال غير متاح"));
        assert!(!no_text.contains("id=\"ev-e1\""));
    }
}
