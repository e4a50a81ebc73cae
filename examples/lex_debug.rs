fn main() {
    let text = std::env::args().nth(1).expect("text");
    let n = zaman::text::Normalized::new(&text);
    let toks = zaman::text::tokenize(&n.text);
    let lexed = zaman::lexicon::Lexed::new(&n.text, &toks, zaman::Lexicon::builtin());
    for i in 0..toks.len() {
        let t = toks[i];
        let ls: Vec<String> = lexed
            .at(i)
            .iter()
            .map(|l| {
                format!(
                    "{:?}:{}:{} conj={} prep={:?} art={} next={}",
                    l.entry.kind, l.entry.value, l.entry.extra, l.conj, l.prep, l.article, l.next
                )
            })
            .collect();
        println!("{i} {} {:?}", &n.text[t.start..t.end], ls);
    }
}
