//! Institutions not in the gazetteer, found by their head noun (`data/gazetteer/institutions.tsv`)
//! and the words that make up their name: a construct chain (`وزارة الأوقاف والشؤون الإسلامية`,
//! `حزب اتحاد قوى التقدم`), adjectives after a definite head (`النيابة العمومية`), a nationality
//! (`مجلس الوزراء الكويتي`), an actor for an office or a delegation (`وفد مجلس الأمن الدولي`,
//! `مكتب المبعوث الأممي إلى اليمن`), a quoted or foreign name for an outlet (`صحيفة «مصادر»`).
//! A bare definite head (`الوزارة`) refers back to the last institution with that head.

use rustc_hash::FxHashMap;

use super::{ActorType, Gazetteer, match_name, name_stop, title_at, word};
use crate::error::Error;
use crate::lexicon::{Kind, Lexed};
use crate::text::{TokenKind, clitic_views, fold};

/// How the name after a head noun is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadKind {
    /// A construct chain or adjectives: وزارة الخارجية، النيابة العمومية.
    Body,
    /// A news outlet: a quoted, foreign or definite name follows.
    Media,
    /// An outlet only with a quoted or a known name (موقع، شبكة are common words).
    MediaQuoted,
    /// The office or delegation of an actor: مكتب المبعوث، وفد مجلس الأمن.
    Office,
}

/// One line of `institutions.tsv`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Head {
    pub kind: HeadKind,
    /// The bare definite head is a mention of the last such institution.
    pub refers_back: bool,
}

/// Reads `institutions.tsv`: folded head (without ال) → head.
pub(super) fn parse_heads(
    file: &str,
    content: &str,
    heads: &mut FxHashMap<Box<str>, Head>,
) -> Result<(), Error> {
    for (line, cols) in super::data_lines(content) {
        let bad = |message: String| Error::Gazetteer {
            file: file.to_string(),
            line,
            message,
        };
        if cols.len() != 3 {
            return Err(bad(format!(
                "expected 3 tab-separated columns (head kind refers_back), found {}",
                cols.len()
            )));
        }
        let kind = match cols[1].trim() {
            "body" => HeadKind::Body,
            "media" => HeadKind::Media,
            "media_quoted" => HeadKind::MediaQuoted,
            "office" => HeadKind::Office,
            other => {
                return Err(bad(format!(
                    "unknown kind {other:?} (expected body, media, media_quoted or office)"
                )));
            }
        };
        let refers_back = match cols[2].trim() {
            "yes" => true,
            "no" => false,
            other => return Err(bad(format!("refers_back is yes or no, not {other:?}"))),
        };
        let head = fold(cols[0].trim());
        if head.is_empty() || head.starts_with("ال") {
            return Err(bad("a head is written without ال".into()));
        }
        heads.insert(head.into(), Head { kind, refers_back });
    }
    Ok(())
}

/// An institution phrase found at a token.
#[derive(Debug, Clone)]
pub(super) struct Institution {
    /// Byte span of the phrase (normalized text), without و ف ب ل ك.
    pub start: usize,
    pub end: usize,
    /// Token after the phrase.
    pub next: usize,
    /// The folded head noun (وزاره).
    pub head: String,
    /// Country entry of a nationality adjective in the name.
    pub country: Option<u32>,
    /// A gazetteer actor the phrase names (وكالة الأنباء السورية «سانا»).
    pub known: Option<u32>,
    /// A bare definite head (الوزارة): refers back.
    pub anaphor: bool,
    /// A definite office or delegation with adjectives (الوفد الأممي): a description that
    /// refers back when there is such an institution.
    pub described: bool,
    /// Found by a description (an indefinite head and adjectives: جمعية مدنية مستقلة): an
    /// actor only when the story names it again.
    pub tentative: bool,
}

/// Most words a name after a head takes.
const MAX_WORDS: usize = 9;

/// The head noun of a word, under its clitic readings: (head, its entry, definite, start byte).
pub(super) fn head_of<'g>(
    lexed: &Lexed<'_>,
    gazetteer: &'g Gazetteer,
    i: usize,
) -> Option<(&'g str, Head, bool, usize)> {
    let token = lexed.tokens.get(i)?;
    let w = word(lexed, i)?;
    for view in clitic_views(w).iter() {
        if let Some((key, &head)) = gazetteer.heads.get_key_value(view.stem) {
            let stem_at = token.end - view.stem.len();
            let start =
                if view.article && stem_at >= "ال".len() && lexed.text[..stem_at].ends_with("ال")
                {
                    stem_at - "ال".len()
                } else {
                    stem_at
                };
            return Some((key, head, view.article, start));
        }
    }
    None
}

/// Whether a word of a name is a time word, a function word or another stop.
fn stops_name(lexed: &Lexed<'_>, k: usize, verbs_too: bool) -> bool {
    lexed.at(k).iter().any(|l| {
        matches!(
            l.entry.kind,
            Kind::Function
                | Kind::Month
                | Kind::HijriMonth
                | Kind::Weekday
                | Kind::Deictic
                | Kind::Unit
                | Kind::Now
                | Kind::Vague
                | Kind::Direction
                | Kind::DayPart
                | Kind::Season
                | Kind::Frequency
        ) || (verbs_too && matches!(l.entry.kind, Kind::Event | Kind::Cue))
    })
}

/// The institution whose head noun is token `i`, with its name.
pub(super) fn institution_at(
    lexed: &Lexed<'_>,
    gazetteer: &Gazetteer,
    i: usize,
) -> Option<Institution> {
    let (head_key, head, definite, start) = head_of(lexed, gazetteer, i)?;
    let tokens = lexed.tokens;
    let text = lexed.text;
    let media = matches!(head.kind, HeadKind::Media | HeadKind::MediaQuoted);
    let mut end = tokens[i].end;
    let mut j = i + 1;
    let mut words = 0;
    // an indefinite head takes a genitive, and a chain of indefinite nouns goes on until a
    // definite one: حزب اتحاد قوى التقدم
    let mut construct = !definite;
    let mut after_title = false;
    let mut quoted = false;
    let mut country: Option<u32> = None;
    let mut known: Option<u32> = None;
    while j < tokens.len() && words < MAX_WORDS {
        let t = tokens[j];
        if t.after_newline {
            break;
        }
        if t.kind == TokenKind::Punct {
            let p = &text[t.start..t.end];
            // a quoted name: صحيفة «هآرتس»، وكالة الأنباء السورية «سانا»
            if p == "\"" && (media || construct) && known.is_none() {
                let close = (j + 1..tokens.len().min(j + 8))
                    .find(|&k| tokens[k].kind == TokenKind::Punct || tokens[k].after_newline);
                if let Some(c) =
                    close.filter(|&c| c > j + 1 && &text[tokens[c].start..tokens[c].end] == "\"")
                {
                    if let Some((_, _, next, e)) = match_name(lexed, gazetteer, j + 1)
                        && next == c
                    {
                        known = Some(e);
                    }
                    end = tokens[c].end;
                    j = c + 1;
                    words += 1;
                    quoted = true;
                }
                break;
            }
            // adjectives joined by a hyphen: اللجنة العراقية - الروسية المشتركة
            if p == "-"
                && words > 0
                && word(lexed, j + 1).is_some_and(|w| w.starts_with("ال"))
                && !tokens[j + 1].after_newline
            {
                j += 1;
                continue;
            }
            break;
        }
        let Some(w) = word(lexed, j) else { break };
        if name_stop(w) {
            break;
        }
        // a known actor inside the name: وفد مجلس الأمن، سفارة روسيا، وكالة رويترز
        if let Some((e_start, e_end, next, e)) = match_name(lexed, gazetteer, j) {
            let entry = &gazetteer.entries[e as usize];
            // a clitic other than لل is no part of a name: وفد لروسيا
            let glued = e_start > t.start && !w.starts_with("لل");
            if entry.kind == ActorType::Person || glued {
                break;
            }
            if media && words == 0 {
                known = Some(e);
            }
            if entry.kind == ActorType::Gpe && country.is_none() {
                country = Some(e);
            }
            end = e_end;
            j = next;
            words += 1;
            construct = false;
            continue;
        }
        // a role in an office: مكتب المبعوث الأممي، مكتب الأمين العام
        if head.kind == HeadKind::Office
            && let Some((next, _, _)) = title_at(lexed, gazetteer, j)
        {
            end = tokens[next - 1].end;
            j = next;
            words += 1;
            construct = false;
            after_title = true;
            continue;
        }
        // the envoy's country: المبعوث الأممي إلى اليمن، السفير لدى روسيا
        if after_title
            && (w == "الي" || w == "لدي")
            && let Some((_, e_end, next, e)) = match_name(lexed, gazetteer, j + 1)
            && gazetteer.entries[e as usize].kind == ActorType::Gpe
        {
            end = e_end;
            j = next;
            words += 2;
            after_title = false;
            continue;
        }
        if let Some(stem) = w.strip_prefix("ال") {
            // a time word, another head, or a title (… وزارة الخارجية السفير أحمد) ends it
            // (after a definite head a plural noun is no adjective of it, but the verb's
            // object: «ناشد المجلس المنظمات الدولية»)
            let plural = definite
                && !construct
                && stem.chars().count() >= 4
                && (stem.ends_with("ات") || stem.ends_with("ون"));
            if stops_name(lexed, j, false)
                || plural
                || words > 0
                    && (gazetteer.heads.contains_key(stem)
                        || title_at(lexed, gazetteer, j).is_some())
            {
                break;
            }
            if let Some(&c) = gazetteer.nationalities.get(stem) {
                country = Some(c);
            }
        } else if let Some(stem) = w.strip_prefix("وال").or_else(|| w.strip_prefix("لل")) {
            // والشؤون الإسلامية، للموارد البشرية: after a first word of the name
            if words == 0 || gazetteer.heads.contains_key(stem) || stops_name(lexed, j, false) {
                break;
            }
        } else if (construct || media && !definite && !quoted && words < 3)
            && w.chars().count() >= 2
            && !stops_name(lexed, j, true)
            && !(media && w.starts_with('و'))
        {
            // a noun of the construct chain, or a foreign name of an outlet
        } else {
            break;
        }
        after_title = false;
        construct = construct && !w.starts_with("ال") && !w.starts_with("لل");
        end = t.end;
        j += 1;
        words += 1;
    }
    // an indefinite chain names something when it ends on a definite noun or a known name
    // (حزب اتحاد قوى التقدم، سفارة دولة فلسطين). One proper noun is a name too (شركة هواوي،
    // منظمة شنغهاي), even before other words, and so is a body of one country (جمعية خيرية
    // سعودية). Other indefinite words are a description (جمعية مدنية مستقلة), which names an
    // actor only when the story names it again (… للجمعية), or a noun with its adjectives
    // and even a clause (حركة دبلوماسية نشطة تشمل زيارات), which it never does
    let mut tentative = false;
    if head.kind == HeadKind::Body && construct && !quoted && words > 0 {
        let nationality = (i + 1..j).find_map(|k| {
            let w = word(lexed, k)?;
            gazetteer.nationalities.get(w).map(|&c| (k, c))
        });
        match (nationality, word(lexed, i + 1)) {
            // the description ends with the country
            (Some((k, c)), _) => {
                country = Some(c);
                end = tokens[k].end;
                j = k + 1;
            }
            (None, Some(first)) if !first.ends_with('ه') => {
                end = tokens[i + 1].end;
                j = i + 2;
                words = 1;
            }
            _ => tentative = true,
        }
    }
    let ok = match head.kind {
        HeadKind::MediaQuoted => quoted || known.is_some(),
        _ => words > 0,
    };
    if !ok {
        return (definite && head.refers_back && words == 0).then(|| Institution {
            start,
            end: tokens[i].end,
            next: i + 1,
            head: head_key.to_string(),
            country: None,
            known: None,
            anaphor: true,
            described: false,
            tentative: false,
        });
    }
    Some(Institution {
        start,
        end,
        next: j,
        head: head_key.to_string(),
        country,
        known,
        anaphor: false,
        described: definite && head.kind == HeadKind::Office && known.is_none(),
        tentative,
    })
}

/// The head noun an actor's name starts with (وزارة الخارجية السورية → وزاره), for the
/// bare heads that refer back to it.
pub(super) fn head_of_name<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g str> {
    let first = name.split_whitespace().next()?;
    clitic_views(first)
        .iter()
        .find_map(|v| gazetteer.heads.get_key_value(v.stem).map(|(k, _)| &**k))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{actors_of, names};

    fn pairs(found: &[(String, String)]) -> Vec<(&str, &str)> {
        found
            .iter()
            .map(|(s, id)| (s.as_str(), id.as_str()))
            .collect()
    }

    #[test]
    fn a_plural_noun_after_a_definite_head_is_no_adjective_of_it() {
        let found =
            names("قال مجلس السيادة إن الوضع صعب. وناشد المجلس المنظمات الدولية تقديم العون.");
        let texts: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(texts, ["مجلس السيادة", "المجلس"]);
        // a singular adjective still belongs to the name
        let found = names("وقالت الهيئة الوطنية للانتخابات إن الاقتراع سيجري غدا.");
        assert_eq!(found[0].0, "الهيئة الوطنية للانتخابات");
    }

    #[test]
    fn a_head_noun_takes_its_construct_chain_and_a_bare_head_refers_back() {
        let found = names("قالت وزارة الأوقاف والشؤون الإسلامية إن المساجد ستفتح. وأضافت الوزارة أن");
        // (actors are named by their folded text)
        assert_eq!(
            pairs(&found),
            [
                (
                    "وزارة الأوقاف والشؤون الإسلامية",
                    "وزاره الاوقاف والشؤون الاسلاميه"
                ),
                ("الوزارة", "وزاره الاوقاف والشؤون الاسلاميه"),
            ]
        );
        // an indefinite chain goes on to its first definite noun
        let found = names("أعلن حزب اتحاد قوى التقدم مقاطعته");
        assert_eq!(found[0].0, "حزب اتحاد قوى التقدم");
        // a bare head with no institution before it is nobody
        assert!(names("قالت الوزارة إن").is_empty());
    }

    #[test]
    fn an_indefinite_head_with_adjectives_only_names_nobody() {
        // a noun with its adjectives, and the verb after them, are no name
        assert!(names("وتشهد العاصمة حركة دبلوماسية نشطة تشمل زيارات").is_empty());
        assert!(names("أسس رجال أعمال جمعية خيرية مستقلة").is_empty());
        // …unless a bare head refers back to it
        let found = names("أعلنت جمعية مدنية مستقلة أن … وأشار تقرير للجمعية إلى أن");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "جمعية مدنية مستقلة");
        assert_eq!(found[1].1, found[0].1);
        // …but a body of one country is one, with that country
        assert_eq!(
            actors_of("أطلقت جمعية خيرية سعودية مبادرة"),
            [("جمعيه خيريه سعوديه".to_string(), Some("sau".to_string()))]
        );
        assert!(names("اجتمع مجلس إدارة أمس").is_empty());
        // …while a chain that reaches a definite noun, or one proper noun, is a name
        assert_eq!(names("اجتمع مجلس إدارة البنك")[0].0, "مجلس إدارة البنك");
        assert_eq!(names("قالت منظمة شنغهاي أمس إن")[0].0, "منظمة شنغهاي");
        assert_eq!(
            names("أعلنت منظمة شنغهاي للتعاون أن")[0].0,
            "منظمة شنغهاي للتعاون"
        );
    }

    #[test]
    fn a_nationality_gives_the_institution_its_country() {
        let found = actors_of("وافق مجلس الوزراء الكويتي على القرار");
        assert_eq!(
            found,
            [("مجلس الوزراء الكويتي".to_string(), Some("kwt".to_string()))]
        );
        // a known institution with another country's adjective is that country's own
        let found = actors_of("أعلن الديوان الملكي البحريني الخبر");
        assert_eq!(found[0].0, "الديوان الملكي البحريني");
        assert_eq!(found[0].1.as_deref(), Some("bhr"));
        // the same name without the adjective, just after, is the same ministry
        let found = names("أكدت وزارة الزراعة التونسية أن … وأضافت وزارة الزراعة أن");
        assert_eq!(found[1].1, found[0].1);
        assert_eq!(found[0].1, "وزاره الزراعه التونسيه");
    }

    #[test]
    fn outlets_take_a_quoted_name_and_offices_the_actor_they_serve() {
        let found = names("ذكرت صحيفة «الشرق» أن");
        assert_eq!(pairs(&found), [("صحيفة «الشرق»", "صحيفه \"الشرق\"")]);
        // موقع alone is a common word: only with a quoted or known name
        assert!(names("زار الموقع الأثري").is_empty());
        let found = names("وصل وفد مجلس الأمن الدولي إلى بغداد، وقال الوفد إن");
        assert_eq!(found[0].0, "وفد مجلس الأمن الدولي");
        assert_eq!(found.last().map(|f| &f.1), Some(&found[0].1));
    }

    #[test]
    fn a_spokesman_of_an_institution_is_the_person_named_after_it() {
        let found = names("قال المتحدث باسم هيئة الطيران المدني محمد العوادي إن");
        assert_eq!(pairs(&found), [("محمد العوادي", "محمد العوادي")]);
        // without a name, the institution keeps its own mention
        let found = names("قالت المتحدثة باسم هيئة الطيران المدني إن");
        assert!(
            found.iter().any(|(s, _)| s == "هيئة الطيران المدني"),
            "{found:?}"
        );
        // a compound first name and a nisba surname
        let found = names("أكد الأمين العام عبد الرحمن الجعفري أن");
        assert_eq!(found[0].0, "عبد الرحمن الجعفري");
    }
}
