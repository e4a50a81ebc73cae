//! vis-timeline data: `{"items": [...], "groups": [...]}` as `new vis.Timeline(el,
//! items, groups, options)` takes them, with the suggested `options` beside.
//!
//! One group per lane (the agent, or the kind of an event without one); an event dated
//! to a day or finer is a `point`, a week, month, year or vague period a `range` over
//! its half-open interval. `content` and `title` are HTML in vis, so they are escaped.
//! Events that cannot be placed are listed in `undated`, repeated mentions in
//! `repeated`: every event of the document is in exactly one of the three lists.

use std::io::Write;

use serde_json::{Value, json};

use super::lanes::{Entry, View, escape, kind_key};
use crate::document::Document;
use crate::error::Error;

/// The vis-timeline JSON of a document.
pub fn to_value(doc: &Document, text: Option<&str>) -> Result<Value, Error> {
    let view = View::new(doc, text)?;
    let mut used = vec![false; view.lanes.len()];
    for e in &view.dated {
        used[e.lane] = true;
    }
    let groups: Vec<Value> = view
        .lanes
        .iter()
        .enumerate()
        .filter(|(n, _)| used[*n])
        .enumerate()
        .map(|(order, (_, lane))| {
            let title = lane
                .actor
                .and_then(|a| a.name_en.as_deref())
                .unwrap_or(&lane.label);
            json!({
                "id": lane.key,
                "content": escape(&lane.label),
                "title": escape(title),
                "order": order + 1,
            })
        })
        .collect();
    let items: Vec<Value> = view
        .dated
        .iter()
        .filter_map(|e| {
            let when = e.when.as_ref()?;
            let mut item = json!({
                "id": e.event.id,
                "group": view.lanes[e.lane].key,
                "type": if when.point { "point" } else { "range" },
                "start": iso(when.start),
            });
            if !when.point {
                item["end"] = iso(when.end).into();
            }
            item["content"] = escape(&e.headline).into();
            item["title"] = escape(&format!("{} — {}", when.label, e.evidence)).into();
            item["className"] = format!("zaman-{}", kind_key(e.event.kind)).into();
            item["timex"] = when.timex.map(|t| t.id.as_str()).into();
            item["value"] = when.value.into();
            Some(item)
        })
        .collect();
    let undated: Vec<Value> = view.undated.iter().map(|e| listed(&view, e)).collect();
    let repeated: Vec<Value> = view
        .repeated
        .iter()
        .map(|r| {
            json!({
                "id": r.event.id,
                "same_as": r.same_as,
                "content": escape(&r.event.trigger.text),
            })
        })
        .collect();
    Ok(json!({
        "document": {"id": doc.document.id, "dct": doc.document.dct},
        "options": {"rtl": true, "stack": true, "orientation": "top", "groupOrder": "order"},
        "groups": groups,
        "items": items,
        "undated": undated,
        "repeated": repeated,
    }))
}

/// Writes the vis-timeline JSON.
pub fn write(doc: &Document, text: Option<&str>, out: &mut dyn Write) -> Result<(), Error> {
    super::write_json(&to_value(doc, text)?, false, out)
}

fn listed(view: &View<'_>, e: &Entry<'_>) -> Value {
    json!({
        "id": e.event.id,
        "group": view.lanes[e.lane].key,
        "content": escape(&e.headline),
        "title": escape(&e.evidence),
    })
}

fn iso(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use crate::timex::Dct;

    const TEXT: &str = "أجرى الرئيس الأمريكي جو بايدن أمس اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين. \
        وقال الكرملين إن المكالمة تناولت أوكرانيا. وأكد بوتين بداية أبريل الجاري أن الحوار <ضروري>. \
        وكانت موسكو قد أعلنت أن العقوبات مرفوضة.";

    fn value() -> (Document, Value) {
        let doc = Extractor::default().extract("v", TEXT, "2021-04-13".parse::<Dct>().ok());
        let v = to_value(&doc, Some(TEXT)).expect("vis");
        (doc, v)
    }

    #[test]
    fn points_ranges_groups_and_nothing_dropped() {
        let (doc, v) = value();
        let items = v["items"].as_array().expect("items");
        let count = |k: &str| v[k].as_array().map_or(0, |a| a.len());
        assert_eq!(
            count("items") + count("undated") + count("repeated"),
            doc.events.len()
        );
        let call = items
            .iter()
            .find(|i| i["content"] == "اتصالا هاتفيا مع فلاديمير بوتين")
            .expect("the call");
        assert_eq!(call["type"], "point");
        assert_eq!(call["start"], "2021-04-12T00:00:00");
        assert!(call.get("end").is_none());
        let biden = doc
            .actors
            .iter()
            .find(|a| a.name == "جو بايدن")
            .expect("Biden");
        assert_eq!(call["group"], biden.id.as_str());
        let said = items
            .iter()
            .find(|i| i["content"] == "أكد")
            .expect("the statement at the start of April");
        assert_eq!(said["type"], "range");
        assert_eq!(said["start"], "2021-04-01T00:00:00");
        assert_eq!(said["end"], "2021-04-11T00:00:00");
        // the evidence sentence is the title, escaped for vis's HTML
        assert!(
            said["title"].as_str().is_some_and(
                |t| t.starts_with("بداية أبريل 2021 — ") && t.contains("&lt;ضروري&gt;")
            ),
            "{}",
            said["title"]
        );
        // every item's group exists
        let groups: Vec<&str> = v["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .filter_map(|g| g["id"].as_str())
            .collect();
        assert!(
            items
                .iter()
                .all(|i| groups.contains(&i["group"].as_str().unwrap_or("")))
        );
        // the undated (background) statement of Moscow
        assert_eq!(v["undated"][0]["content"], "أعلنت");
        assert_eq!(v["repeated"][0]["content"], "المكالمة");
    }
}
