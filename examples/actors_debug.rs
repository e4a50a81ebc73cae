fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("read");
    let n = zaman::text::Normalized::new(&text);
    let toks = zaman::text::tokenize(&n.text);
    let lexed = zaman::lexicon::Lexed::new(&n.text, &toks, zaman::Lexicon::builtin());
    let found = zaman::actors::recognize(&lexed, zaman::actors::Gazetteer::builtin());
    for m in &found.mentions {
        let (s, e) = n.to_original(m.start, m.end);
        let surface: String = text.chars().skip(s).take(e - s).collect();
        let a = &found.actors[m.actor];
        println!(
            "{s:5} {surface} -> {} {:?} role={:?} by_role={}",
            a.name,
            a.entry.and_then(|k| found
                .entry(zaman::actors::Gazetteer::builtin(), m.actor)
                .map(|e| e.id.to_string())
                .or(Some(k.to_string()))),
            a.role,
            m.by_role
        );
    }
}
