//! TimelineJS3 JSON: a `title` slide from the document and one slide per dated event,
//! `start_date`/`end_date` holding only the fields the value's granularity knows (a
//! month is `{year, month}`; a day adds `day`; a time adds `hour`, `minute`). A week or
//! vague period becomes its first and last day. Undated events and repeated mentions
//! cannot be placed on the time axis; they are listed in the title slide's text. A
//! document with no dated event gets one slide at its creation date, named as such, since
//! TimelineJS refuses a timeline without events. Load it with `{font: null}` among the
//! options to keep TimelineJS from fetching its web fonts.
//! `headline` and `text` are HTML in TimelineJS, so they are escaped.

use std::io::Write;

use chrono::{Datelike, Duration, NaiveDateTime, Timelike};
use serde_json::{Map, Value, json};

use super::lanes::{Entry, View, escape, kind_name};
use crate::document::Document;
use crate::error::Error;
use crate::timex::Granularity;

/// The fields a TimelineJS date can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precision {
    Year,
    Month,
    Day,
    Minute,
}

fn precision(g: Option<Granularity>) -> Precision {
    match g {
        Some(Granularity::Year | Granularity::Decade | Granularity::Century) => Precision::Year,
        Some(
            Granularity::Month | Granularity::Quarter | Granularity::Half | Granularity::Season,
        ) => Precision::Month,
        Some(
            Granularity::Hour | Granularity::Minute | Granularity::Second | Granularity::PartOfDay,
        ) => Precision::Minute,
        Some(Granularity::Day | Granularity::Week) | None => Precision::Day,
    }
}

fn date(t: NaiveDateTime, p: Precision) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), t.year().into());
    if p >= Precision::Month {
        m.insert("month".into(), t.month().into());
    }
    if p >= Precision::Day {
        m.insert("day".into(), t.day().into());
    }
    if p >= Precision::Minute {
        m.insert("hour".into(), t.hour().into());
        m.insert("minute".into(), t.minute().into());
    }
    Value::Object(m)
}

/// The TimelineJS3 JSON of a document.
pub fn to_value(doc: &Document, text: Option<&str>) -> Result<Value, Error> {
    let view = View::new(doc, text)?;
    let events: Vec<Value> = view
        .dated
        .iter()
        .filter_map(|e| {
            let when = e.when.as_ref()?;
            let p = precision(when.granularity);
            let start = date(when.start, p);
            let end = date(when.end - Duration::seconds(1), p);
            let mut slide = json!({
                "unique_id": e.event.id,
                "start_date": start,
            });
            if end != start {
                slide["end_date"] = end;
            }
            slide["display_date"] = when.label.clone().into();
            slide["text"] = json!({
                "headline": escape(&e.headline),
                "text": slide_text(&view, e, when.text, when.value),
            });
            slide["group"] = escape(&view.lanes[e.lane].label).into();
            Some(slide)
        })
        .collect();
    let mut events = events;
    if events.is_empty()
        && let Some(day) = doc
            .document
            .dct
            .as_deref()
            .and_then(|d| d.get(..10))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        // TimelineJS shows nothing without an event: the article's own date stands in,
        // named as what it is
        events.push(json!({
            "unique_id": "document",
            "start_date": {"year": day.year(), "month": day.month(), "day": day.day()},
            "display_date": day.format("%Y-%m-%d").to_string(),
            "text": {
                "headline": "تاريخ نشر المقال (لا حدث مؤرخا)",
                "text": title_text(&view),
            },
        }));
    }
    Ok(json!({
        "title": {
            "unique_id": "title",
            "text": {"headline": escape(&view.title), "text": title_text(&view)},
        },
        "events": events,
        "scale": "human",
    }))
}

/// Writes the TimelineJS3 JSON.
pub fn write(doc: &Document, text: Option<&str>, out: &mut dyn Write) -> Result<(), Error> {
    super::write_json(&to_value(doc, text)?, false, out)
}

/// The evidence sentence with the trigger in bold, and where the date comes from.
fn slide_text(view: &View<'_>, e: &Entry<'_>, timex_text: &str, value: &str) -> String {
    let sentence = match e.around_trigger() {
        Some((before, trigger, after)) => format!(
            "{}<strong>{}</strong>{}",
            escape(before),
            escape(trigger),
            escape(after)
        ),
        None => escape(&e.evidence),
    };
    format!(
        "<p dir=\"rtl\">{sentence}</p><p dir=\"rtl\"><small>{} · {} · «{}» = {}</small></p>",
        escape(kind_name(e.event.kind)),
        escape(&view.lanes[e.lane].label),
        escape(timex_text),
        escape(value)
    )
}

/// The document summary, then every event that has no place on the axis.
fn title_text(view: &View<'_>) -> String {
    let mut out = format!("<p dir=\"rtl\">{}</p>", escape(&view.summary()));
    if !view.undated.is_empty() {
        out.push_str("<p dir=\"rtl\">أحداث بلا تاريخ:</p><ul dir=\"rtl\" class=\"zaman-undated\">");
        for e in &view.undated {
            out.push_str(&format!(
                "<li data-event=\"{}\">{}: {} — {}</li>",
                escape(&e.event.id),
                escape(&view.lanes[e.lane].label),
                escape(&e.headline),
                escape(&e.evidence)
            ));
        }
        out.push_str("</ul>");
    }
    if !view.repeated.is_empty() {
        out.push_str("<p dir=\"rtl\">إشارات متكررة إلى أحداث سابقة:</p><ul dir=\"rtl\" class=\"zaman-repeated\">");
        for r in &view.repeated {
            let first = view
                .entry(r.same_as)
                .map_or(r.same_as, |e| e.event.trigger.text.as_str());
            out.push_str(&format!(
                "<li data-event=\"{}\">{} = {}</li>",
                escape(&r.event.id),
                escape(&r.event.trigger.text),
                escape(first)
            ));
        }
        out.push_str("</ul>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use crate::timex::Dct;

    #[test]
    fn dates_carry_only_their_granularity_and_undated_events_are_listed() {
        let text = "أجرى الرئيس الأمريكي جو بايدن أمس اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين. \
            وأكد بوتين بداية أبريل الجاري أن الحوار ضروري. وقالت موسكو قبل أيام إن العقوبات مرفوضة. \
            وكان الكرملين قد أعلن أن الرد سيأتي.";
        let doc = Extractor::default().extract("tl", text, "2021-04-13".parse::<Dct>().ok());
        let v = to_value(&doc, Some(text)).expect("timelinejs");
        let events = v["events"].as_array().expect("events");
        let by_headline = |h: &str| {
            events
                .iter()
                .find(|e| e["text"]["headline"] == h)
                .unwrap_or_else(|| panic!("{h}: {events:#?}"))
        };
        let call = by_headline("اتصالا هاتفيا مع فلاديمير بوتين");
        assert_eq!(
            call["start_date"],
            json!({"year": 2021, "month": 4, "day": 12})
        );
        assert!(call.get("end_date").is_none());
        assert_eq!(call["group"], "جو بايدن");
        assert!(
            call["text"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("<strong>اتصالا هاتفيا</strong>")),
            "{}",
            call["text"]["text"]
        );
        let month = by_headline("أكد");
        assert_eq!(month["start_date"], json!({"year": 2021, "month": 4}));
        assert!(month.get("end_date").is_none());
        assert_eq!(month["display_date"], "بداية أبريل 2021");
        let vague = by_headline("قالت");
        assert_eq!(
            vague["start_date"],
            json!({"year": 2021, "month": 4, "day": 3})
        );
        assert_eq!(
            vague["end_date"],
            json!({"year": 2021, "month": 4, "day": 12})
        );
        let title = v["title"]["text"]["text"].as_str().expect("title text");
        assert!(
            title.contains("أحداث بلا تاريخ") && title.contains("أعلن"),
            "{title}"
        );
        assert_eq!(v["title"]["text"]["headline"], "tl");
    }

    #[test]
    fn without_a_dated_event_the_article_date_is_the_one_slide() {
        let text = "وكان بايدن قد قال إن الحوار ممكن.";
        let doc = Extractor::default().extract("x", text, "2021-04-13".parse::<Dct>().ok());
        let v = to_value(&doc, Some(text)).expect("timelinejs");
        assert_eq!(v["events"].as_array().map(Vec::len), Some(1));
        assert_eq!(v["events"][0]["unique_id"], "document");
        assert_eq!(
            v["events"][0]["start_date"],
            json!({"year": 2021, "month": 4, "day": 13})
        );
        assert!(
            v["events"][0]["text"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("وكان بايدن قد قال إن الحوار ممكن."))
        );
    }
}
