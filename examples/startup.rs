fn main() {
    let t = std::time::Instant::now();
    let l = zaman::Lexicon::builtin();
    let t1 = t.elapsed();
    let g = zaman::actors::Gazetteer::builtin();
    let t2 = t.elapsed();
    println!("lexicon {:?} ({} forms), gazetteer {:?} ({} actors)", t1, l.len(), t2 - t1, g.len());
}
