//! The `zaman` command: a thin client of the library.

use std::borrow::Cow;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use zaman::actors::Gazetteer;
use zaman::graph::EventGraph;
use zaman::{Dct, Extractor, Lexicon, Policy};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  batch: at least one record failed (an error record was written in its place)
  2  usage error, unreadable input, invalid --dct or lexicon";

/// Arabic news text to an event timeline: temporal expressions resolved to
/// TIMEX3 values, as the zaman/timeline-v1 document JSON.
#[derive(Parser, Debug)]
#[command(name = "zaman", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract the document JSON of one or more text files (or - for stdin).
    #[command(after_help = EXIT_CODES)]
    Extract {
        /// Input files; `-` or nothing reads standard input.
        files: Vec<PathBuf>,
        /// Document creation time: YYYY-MM-DD or RFC 3339 (2013-02-12T04:30:00-02:00).
        /// Without it, the DCT is inferred from the first full date of the opening.
        #[arg(long)]
        dct: Option<String>,
        #[command(flatten)]
        common: Common,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// One compact line per document instead of indented JSON.
        #[arg(long)]
        compact: bool,
    },
    /// Read JSON Lines {"id", "text", "dct"?} and write one document JSON per line, in order.
    #[command(after_help = EXIT_CODES)]
    Batch {
        /// Input JSON Lines file (default: standard input).
        #[arg(long)]
        input: Option<PathBuf>,
        /// Output file (default: standard output).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Worker threads (0 = one per core). Output order is input order whatever this is.
        #[arg(short = 'j', long, default_value_t = 0)]
        jobs: usize,
        /// No progress bar and no summary on standard error.
        #[arg(long)]
        quiet: bool,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(clap::Args, Debug)]
struct Common {
    /// Resolution policy for underspecified expressions.
    #[arg(long, value_enum, default_value_t = PolicyArg::News)]
    policy: PolicyArg,
    /// A directory of lexicon TSV files: same-named files replace the built-in ones,
    /// others add entries.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// A directory of gazetteer TSV files: actors.tsv, nationalities.tsv or titles.tsv
    /// replace the built-in ones; any other *.tsv adds actors (same columns as actors.tsv).
    #[arg(long)]
    gazetteer: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum PolicyArg {
    News,
    Narrative,
    Colloquial,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Format {
    /// The zaman/timeline-v1 document JSON.
    Json,
    /// A Graphviz graph of actors, events and times that reads as a timeline.
    Dot,
}

impl From<PolicyArg> for Policy {
    fn from(p: PolicyArg) -> Policy {
        match p {
            PolicyArg::News => Policy::News,
            PolicyArg::Narrative => Policy::Narrative,
            PolicyArg::Colloquial => Policy::Colloquial,
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("zaman: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The lexicon and gazetteer to use: the built-in ones (shared, never copied) or the
/// built-in files with the user's directories applied.
fn load_data(common: &Common) -> Result<(Cow<'static, Lexicon>, Cow<'static, Gazetteer>)> {
    let lexicon = match &common.lexicon {
        Some(dir) => Cow::Owned(Lexicon::with_overrides(dir)?),
        None => Cow::Borrowed(Lexicon::builtin()),
    };
    let gazetteer = match &common.gazetteer {
        Some(dir) => Cow::Owned(Gazetteer::with_overrides(dir)?),
        None => Cow::Borrowed(Gazetteer::builtin()),
    };
    Ok((lexicon, gazetteer))
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract {
            files,
            dct,
            common,
            format: out_format,
            output,
            compact,
        } => {
            let dct = dct.map(|d| d.parse::<Dct>()).transpose()?;
            let (lexicon, gazetteer) = load_data(&common)?;
            let extractor =
                Extractor::new(&lexicon, common.policy.into()).with_gazetteer(&gazetteer);
            let inputs = if files.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                files
            };
            let mut out = open_output(output.as_ref())?;
            for path in &inputs {
                let (id, text) = read_input(path)?;
                let doc = extractor.extract(&id, &text, dct);
                if let Format::Dot = out_format {
                    out.write_all(EventGraph::from_document(&doc).to_dot(&doc).as_bytes())?;
                    continue;
                }
                if compact || inputs.len() > 1 {
                    serde_json::to_writer(&mut out, &doc)?;
                } else {
                    serde_json::to_writer_pretty(&mut out, &doc)?;
                }
                out.write_all(b"\n")?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch {
            input,
            output,
            jobs,
            quiet,
            common,
        } => {
            let (lexicon, gazetteer) = load_data(&common)?;
            let extractor =
                Extractor::new(&lexicon, common.policy.into()).with_gazetteer(&gazetteer);
            let reader: Box<dyn BufRead> = match &input {
                Some(p) => Box::new(io::BufReader::new(
                    std::fs::File::open(p)
                        .with_context(|| format!("{}: cannot open", p.display()))?,
                )),
                None => Box::new(io::BufReader::new(io::stdin().lock())),
            };
            let mut out = open_output(output.as_ref())?;
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .context("cannot start the worker threads")?;
            let progress = if quiet {
                ProgressBar::hidden()
            } else {
                // drawn only when standard error is a terminal
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "{spinner} {pos} documents, {msg} [{elapsed_precise}] {per_sec}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar
            };
            let started = std::time::Instant::now();
            let summary = zaman_batch(&extractor, reader, &mut out, &pool, &progress)?;
            out.flush()?;
            progress.finish_and_clear();
            if !quiet {
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                let mb = summary.bytes as f64 / 1e6;
                eprintln!(
                    "zaman batch: {} documents, {} errors, {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} documents/s, {} threads)",
                    summary.records,
                    summary.failed,
                    mb,
                    secs,
                    mb / secs,
                    summary.records as f64 / secs,
                    pool.current_num_threads()
                );
            }
            let failed = summary.failed;
            Ok(if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

fn open_output(path: Option<&PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Reads a whole input as UTF-8, naming the file and the first bad byte otherwise.
fn read_input(path: &PathBuf) -> Result<(String, String)> {
    let mut bytes = Vec::new();
    let id = if path.as_os_str() == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .context("standard input: cannot read")?;
        "stdin".to_string()
    } else {
        bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
        path.display().to_string()
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((id, text)),
        Err(e) => bail!(zaman::Error::Utf8 {
            path: id,
            offset: e.utf8_error().valid_up_to()
        }),
    }
}

/// What a batch run did.
struct Summary {
    records: usize,
    failed: usize,
    bytes: usize,
}

/// Records in flight at once: memory is bounded by this window, not by the corpus.
const WINDOW: usize = 256;

/// One output line per input line, in input order; a bad line becomes an error record.
/// Lines are read a window at a time and extracted in parallel on `pool`.
fn zaman_batch(
    extractor: &Extractor<'_>,
    mut reader: Box<dyn BufRead>,
    out: &mut dyn Write,
    pool: &rayon::ThreadPool,
    progress: &ProgressBar,
) -> Result<Summary> {
    let mut summary = Summary {
        records: 0,
        failed: 0,
        bytes: 0,
    };
    let mut window: Vec<(usize, Vec<u8>)> = Vec::with_capacity(WINDOW);
    loop {
        window.clear();
        while window.len() < WINDOW {
            let mut buf = Vec::new();
            let n = reader
                .read_until(b'\n', &mut buf)
                .context("input: cannot read")?;
            if n == 0 {
                break;
            }
            summary.bytes += n;
            window.push((summary.records + window.len() + 1, buf));
        }
        if window.is_empty() {
            break;
        }
        // (output line, whether the record failed), in input order
        let lines: Vec<(String, bool)> = pool.install(|| {
            window
                .par_iter()
                .map(
                    |(line_no, buf)| match batch_record(extractor, buf, *line_no) {
                        Ok(line) => (line, false),
                        Err((id, message)) => (
                            serde_json::json!({"id": id, "error": message}).to_string(),
                            true,
                        ),
                    },
                )
                .collect()
        });
        for (line, failed) in &lines {
            summary.failed += usize::from(*failed);
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        summary.records += window.len();
        progress.set_position(summary.records as u64);
        progress.set_message(format!("{:.1} MB", summary.bytes as f64 / 1e6));
    }
    Ok(summary)
}

/// The output line of one input line: the document JSON with the record's `id` first,
/// or the id and what went wrong.
fn batch_record(
    extractor: &Extractor<'_>,
    line: &[u8],
    line_no: usize,
) -> Result<String, (serde_json::Value, String)> {
    use serde_json::Value;
    let line = std::str::from_utf8(line).map_err(|e| {
        (
            Value::Null,
            format!("line {line_no}: not valid UTF-8 (byte {})", e.valid_up_to()),
        )
    })?;
    let line = line.trim_end_matches(['\n', '\r']);
    let value: Value = serde_json::from_str(line)
        .map_err(|e| (Value::Null, format!("line {line_no}: invalid JSON: {e}")))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
        return Err((id, format!("line {line_no}: missing string field \"text\"")));
    };
    let dct = match value.get("dct") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match s.parse::<Dct>() {
            Ok(d) => Some(d),
            Err(e) => return Err((id, format!("line {line_no}: {e}"))),
        },
        Some(_) => {
            return Err((
                id,
                format!("line {line_no}: field \"dct\" must be a string"),
            ));
        }
    };
    let id_text = match &id {
        Value::String(s) => s.clone(),
        Value::Null => format!("line-{line_no}"),
        other => other.to_string(),
    };
    // a defect in the engine must cost one record, never the batch
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract(&id_text, text, dct)
    }));
    let Ok(doc) = extracted else {
        return Err((
            id,
            format!("line {line_no}: internal error while extracting this record"),
        ));
    };
    let body = serde_json::to_string(&doc).map_err(|e| {
        (
            id.clone(),
            format!("line {line_no}: cannot write the document: {e}"),
        )
    })?;
    // the record's id first, then the document's own fields
    Ok(format!("{{\"id\":{},{}", id, &body[1..]))
}
