//! The `zaman` command: a thin client of the library.

use std::borrow::Cow;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use zaman::actors::Gazetteer;
use zaman::batch;
use zaman::export::{self, Format};
use zaman::merge;
use zaman::{Dct, Extractor, Lexicon, Policy, WeekStart};

// glibc's malloc showed as 13% of a batch run's instructions (many short-lived strings)
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        input: InputArgs,
    },
    /// One timeline across many documents: the same event reported by several articles
    /// becomes one event listing every source. Reads document JSONs (files as `extract`
    /// writes them, or JSON Lines as `batch` writes them; `-` or nothing reads stdin).
    #[command(after_help = EXIT_CODES)]
    Merge {
        /// Document JSON or JSON Lines files.
        files: Vec<PathBuf>,
        /// The id of the merged timeline.
        #[arg(long, default_value = "merged")]
        id: String,
        #[command(flatten)]
        output: Output,
    },
    /// Print the text that spans point into: the input decoded (UTF-16, Windows-1256,
    /// --lossy) and, for HTML, reduced to its text.
    #[command(after_help = EXIT_CODES)]
    Text {
        /// Input file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// List the output formats of --format.
    Formats,
    /// Score zaman against gold annotations: TimeML (.tml), the document JSON (.json
    /// with a `text` field or a sibling .txt), or the dev set's passages (text, timex,
    /// events, actors, dct), scored as its score.py scores them.
    #[command(after_help = EXIT_CODES)]
    Eval {
        /// A gold file, or a directory of gold files (*.tml, *.timeml, *.json).
        #[arg(long)]
        gold: PathBuf,
        /// Report as a table or as JSON.
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// DCT for gold files that give none (YYYY-MM-DD or RFC 3339); else inferred.
        #[arg(long)]
        dct: Option<String>,
        /// Dev-set gold only: score this `zaman batch` output (JSON Lines) instead of
        /// running zaman on the passages.
        #[arg(long)]
        system: Option<PathBuf>,
        /// Dev-set gold only: the misses on standard error, as score.py --verbose writes
        /// them (VALUE, MISSED, SPURIOUS, AGENT, DATE).
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Serve extraction over HTTP: POST /extract, POST /batch, GET /health, /formats, /.
    #[cfg(feature = "server")]
    Serve {
        /// Address to listen on (port 0: any free port; the bound address is printed).
        #[arg(long, default_value = "127.0.0.1:8080", value_parser = zaman::serve::parse_addr)]
        addr: std::net::SocketAddr,
        /// Extraction threads (0 = one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Largest request body in bytes (413 beyond it).
        #[arg(long, default_value_t = 16 << 20)]
        max_body: usize,
        /// Seconds allowed for one request (408 beyond it).
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// Extractions admitted at once (503 with Retry-After beyond it).
        #[arg(long, default_value_t = 64)]
        max_concurrent: usize,
    },
    /// Read JSON Lines {"id", "text", "dct"?} and write one document JSON per line, in order.
    #[command(after_help = EXIT_CODES)]
    Batch {
        /// Input JSON Lines file (default: standard input); gzip is detected and decoded.
        #[arg(long, conflicts_with = "dir")]
        input: Option<PathBuf>,
        /// A directory of `.txt` files, one document each, in file-name order. A file's DCT
        /// comes from a sidecar `NAME.dct` holding it, else from `--dct-from filename`.
        #[arg(long)]
        dir: Option<PathBuf>,
        /// With --dir: `filename` takes the DCT from the first YYYY-MM-DD in the file name.
        #[arg(long, value_parser = ["filename"], requires = "dir")]
        dct_from: Option<String>,
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
        #[command(flatten)]
        reading: InputArgs,
    },
}

/// How inputs are read (see `zaman::input`).
#[derive(clap::Args, Debug)]
struct InputArgs {
    /// Replace invalid UTF-8 by U+FFFD and go on, with a `lossy-utf8` warning in the
    /// document, instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Read inputs as HTML (tags removed, entities decoded); detected without this flag
    /// when an input starts with <!doctype html or <html or is dominated by tags.
    #[arg(long, conflicts_with = "no_html")]
    html: bool,
    /// Never read inputs as HTML.
    #[arg(long)]
    no_html: bool,
}

impl InputArgs {
    fn options(&self) -> zaman::input::Options {
        use zaman::input::Html;
        zaman::input::Options {
            lossy: self.lossy,
            html: match (self.html, self.no_html) {
                (true, _) => Html::Always,
                (_, true) => Html::Never,
                _ => Html::Detect,
            },
        }
    }
}

#[derive(clap::Args, Debug)]
struct Common {
    /// Resolution policy for underspecified expressions.
    #[arg(long, value_enum, default_value_t = PolicyArg::News)]
    policy: PolicyArg,
    /// First day of the week for هذا الأسبوع / الأسبوع الماضي / المقبل: auto (by the
    /// story's country: Monday in the Maghreb, Saturday in Iran and Afghanistan, Sunday
    /// elsewhere and when unknown), sunday, monday (ISO) or saturday. A batch record's
    /// `week_start` field overrides it for that record.
    #[arg(long, value_enum, default_value_t = WeekStartArg::Auto)]
    week_start: WeekStartArg,
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
enum EvalFormat {
    Table,
    Json,
}

/// Where and how a document is written.
#[derive(clap::Args, Debug)]
struct Output {
    /// Output format: json, dot, graphml, cytoscape, timeml, semeval, csv, svg, vis,
    /// timelinejs, html (`zaman formats` says what each is).
    #[arg(long, value_parser = parse_format, default_value = "json")]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// JSON: one compact line per document instead of indented JSON.
    #[arg(long)]
    compact: bool,
    /// CSV: start with a UTF-8 byte order mark (for spreadsheets).
    #[arg(long)]
    bom: bool,
    /// SemEval: the target entity of the timeline (actor id, gazetteer id or name).
    #[arg(long)]
    entity: Option<String>,
}

impl Output {
    fn options(&self, many: bool) -> export::Options {
        export::Options {
            compact: self.compact || many,
            bom: self.bom,
            entity: self.entity.clone(),
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum WeekStartArg {
    Auto,
    Sunday,
    Monday,
    Saturday,
}

impl WeekStartArg {
    /// The fixed week start, or None for auto.
    fn fixed(self) -> Option<WeekStart> {
        match self {
            WeekStartArg::Auto => None,
            WeekStartArg::Sunday => Some(WeekStart::Sunday),
            WeekStartArg::Monday => Some(WeekStart::Monday),
            WeekStartArg::Saturday => Some(WeekStart::Saturday),
        }
    }
}

/// An extractor with the week start of the command line, if fixed.
fn with_week(extractor: Extractor<'_>, week: WeekStartArg) -> Extractor<'_> {
    match week.fixed() {
        Some(w) => extractor.with_week_start(w),
        None => extractor,
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum PolicyArg {
    News,
    Narrative,
    Colloquial,
}

/// Parses `--format` against the library's list of formats.
fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
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
    // the two are independent and building them is most of the start-up: one on each core
    std::thread::scope(|scope| {
        let lexicon = scope.spawn(|| match &common.lexicon {
            Some(dir) => Lexicon::with_overrides(dir).map(Cow::Owned),
            None => Ok(Cow::Borrowed(Lexicon::builtin())),
        });
        let gazetteer = match &common.gazetteer {
            Some(dir) => Cow::Owned(Gazetteer::with_overrides(dir)?),
            None => Cow::Borrowed(Gazetteer::builtin()),
        };
        let lexicon = lexicon
            .join()
            .map_err(|_| anyhow::anyhow!("internal error while loading the lexicon"))??;
        Ok((lexicon, gazetteer))
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Formats => {
            let mut out = io::stdout().lock();
            for f in Format::ALL {
                writeln!(out, "{:<12} {}", f.name(), f.help())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "server")]
        Command::Serve {
            addr,
            threads,
            max_body,
            timeout,
            max_concurrent,
        } => {
            let timeout = std::time::Duration::try_from_secs_f64(timeout)
                .context("--timeout must be a positive number of seconds")?;
            zaman::serve::run(zaman::serve::Config {
                addr,
                threads,
                max_body,
                timeout,
                max_concurrent,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge { files, id, output } => {
            // in the order given: ties in the merged timeline follow input order
            let mut read = merge::ReadDocuments::default();
            let inputs = if files.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                files
            };
            for path in &inputs {
                if path.as_os_str() == "-" {
                    merge::read_documents(io::stdin().lock(), "standard input", &mut read)?;
                } else {
                    let file = std::fs::File::open(path)
                        .with_context(|| format!("{}: cannot open", path.display()))?;
                    merge::read_documents(file, &path.display().to_string(), &mut read)?;
                }
            }
            if read.error_records > 0 {
                eprintln!(
                    "zaman merge: passed over {} batch error record(s)",
                    read.error_records
                );
            }
            let merged = merge::merge(&id, &read.documents);
            let mut out = open_output(output.output.as_ref())?;
            export::write(
                output.format,
                &merged,
                None,
                &output.options(false),
                &mut out,
            )?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            gold,
            format,
            dct,
            system,
            verbose,
            common,
        } => {
            let dct = dct.map(|d| d.parse::<Dct>()).transpose()?;
            let (lexicon, gazetteer) = load_data(&common)?;
            let extractor = with_week(
                Extractor::new(&lexicon, common.policy.into()).with_gazetteer(&gazetteer),
                common.week_start,
            );
            if let Some(set) = zaman::eval::devset::detect(&gold)? {
                // the development set's format, scored as its score.py scores it
                let system = match &system {
                    Some(path) => zaman::eval::devset::read_system(path)?,
                    None => zaman::eval::devset::extract(&set, &extractor)?,
                };
                let scores = set.score(&system);
                if verbose {
                    eprintln!("{}", scores.misses.join("\n"));
                }
                let mut out = io::stdout().lock();
                match format {
                    EvalFormat::Table => out.write_all(scores.table().as_bytes())?,
                    EvalFormat::Json => writeln!(out, "{}", scores.json_text())?,
                }
                out.flush()?;
                return Ok(ExitCode::SUCCESS);
            }
            if system.is_some() {
                bail!(
                    "{}: --system needs dev-set gold (passages with text, timex, events, actors and dct)",
                    gold.display()
                );
            }
            let report = zaman::eval::evaluate(&gold, &extractor, dct)?;
            let mut out = io::stdout().lock();
            match format {
                EvalFormat::Table => out.write_all(report.table().as_bytes())?,
                EvalFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &report)?;
                    out.write_all(b"\n")?;
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Text { file, input } => {
            let path = file.unwrap_or_else(|| PathBuf::from("-"));
            let (_, decoded) = read_input(&path, &input.options())?;
            for w in &decoded.warnings {
                eprintln!("zaman: {}: {}", path.display(), w.message);
            }
            let mut out = io::stdout().lock();
            out.write_all(decoded.text.as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            files,
            dct,
            common,
            output,
            input,
        } => {
            let dct = dct.map(|d| d.parse::<Dct>()).transpose()?;
            let (lexicon, gazetteer) = load_data(&common)?;
            let extractor = with_week(
                Extractor::new(&lexicon, common.policy.into()).with_gazetteer(&gazetteer),
                common.week_start,
            );
            let inputs = if files.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                files
            };
            // JSON Lines holds many documents; every other format is one file per document
            if inputs.len() > 1 && output.format != Format::Json {
                bail!(
                    "--format {} writes one document: give one input (or put the documents on \
                     one timeline with `zaman batch | zaman merge --format {}`)",
                    output.format.name(),
                    output.format.name()
                );
            }
            let options = output.options(inputs.len() > 1);
            let mut out = open_output(output.output.as_ref())?;
            for path in &inputs {
                let (id, decoded) = read_input(path, &input.options())?;
                if output.format == Format::Json {
                    // a huge text is read in windows, its JSON written as it is found
                    zaman::window::write_json(
                        &extractor,
                        &id,
                        &decoded.text,
                        dct,
                        decoded.warnings,
                        !options.compact,
                        zaman::window::Windowing::default(),
                        &mut out,
                    )
                    .map_err(|source| zaman::Error::Output { source })?;
                    continue;
                }
                let mut doc = extractor.extract(&id, &decoded.text, dct);
                doc.warnings = decoded.warnings;
                export::write(output.format, &doc, Some(&decoded.text), &options, &mut out)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch {
            input,
            dir,
            dct_from,
            output,
            jobs,
            quiet,
            common,
            reading,
        } => {
            let (lexicon, gazetteer) = load_data(&common)?;
            let extractor = with_week(
                Extractor::new(&lexicon, common.policy.into()).with_gazetteer(&gazetteer),
                common.week_start,
            );
            let records: Box<dyn Iterator<Item = io::Result<batch::Record>>> = match (&dir, &input)
            {
                (Some(dir), _) => Box::new(text_files(dir, dct_from.is_some())?),
                (None, Some(p)) => {
                    let file = std::fs::File::open(p)
                        .with_context(|| format!("{}: cannot open", p.display()))?;
                    Box::new(batch::lines(maybe_gzip(io::BufReader::new(file))?))
                }
                (None, None) => Box::new(batch::lines(maybe_gzip(io::BufReader::new(
                    io::stdin().lock(),
                ))?)),
            };
            let mut out = open_output(output.as_ref())?;
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .context("cannot start the worker threads")?;
            // a plain input file gives the total for a bar with an ETA; a stream, a gzip or
            // a directory gives a running count
            let total_bytes = input
                .as_deref()
                .filter(|p| !starts_with_gzip_magic(p))
                .and_then(|p| std::fs::metadata(p).ok())
                .map(|m| m.len());
            let progress = if quiet {
                ProgressBar::hidden()
            } else {
                // drawn only when standard error is a terminal
                let bar = ProgressBar::with_draw_target(total_bytes, ProgressDrawTarget::stderr());
                let template = if total_bytes.is_some() {
                    "{spinner} [{bar:30}] {percent:>3}% {msg} [{elapsed_precise}, ETA {eta}]"
                } else {
                    "{spinner} {msg} [{elapsed_precise}]"
                };
                bar.set_style(
                    ProgressStyle::with_template(template)
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar
            };
            let started = std::time::Instant::now();
            let options = reading.options();
            let summary = batch::run_with(&extractor, &options, records, &mut out, &pool, |s| {
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                progress.set_position(s.bytes as u64);
                progress.set_message(format!(
                    "{} documents, {:.1} MB, {:.0} docs/s, {:.1} MB/s",
                    s.records,
                    s.bytes as f64 / 1e6,
                    s.records as f64 / secs,
                    s.bytes as f64 / 1e6 / secs
                ));
            })?;
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
    // a document's line is often longer than BufWriter's default 8 KiB, which would hand
    // it to standard output's line buffer, which searches every byte for a line break
    const BUFFER: usize = 1 << 18;
    Ok(match path {
        Some(p) => Box::new(BufWriter::with_capacity(
            BUFFER,
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(BUFFER, io::stdout().lock())),
    })
}

/// Reads and decodes a whole input (see `zaman::input`), naming the file and what is wrong.
fn read_input(
    path: &PathBuf,
    options: &zaman::input::Options,
) -> Result<(String, zaman::input::Decoded)> {
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
    let decoded = zaman::input::decode(&id, &bytes, options)?;
    Ok((id, decoded))
}

/// Whether a file starts with the gzip magic bytes (its size then says nothing of the text).
fn starts_with_gzip_magic(path: &Path) -> bool {
    let mut head = [0u8; 2];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == [0x1f, 0x8b])
}

/// Wraps a reader in a gzip decoder when it starts with the gzip magic bytes.
fn maybe_gzip<'r>(mut reader: impl BufRead + 'r) -> Result<Box<dyn BufRead + 'r>> {
    let head = reader.fill_buf().context("input: cannot read")?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(io::BufReader::new(
            flate2::bufread::MultiGzDecoder::new(reader),
        )))
    } else {
        Ok(Box::new(reader))
    }
}

/// The `.txt` files of a directory as records, in file-name order, read one at a time,
/// each with the DCT from its `NAME.dct` sidecar or (when asked) from its file name. A
/// file that cannot be read becomes an error record in its place.
fn text_files(
    dir: &Path,
    dct_from_name: bool,
) -> Result<impl Iterator<Item = io::Result<batch::Record>>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the directory", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    Ok(paths.into_iter().map(move |path| {
        let id = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let record = match std::fs::read(&path) {
            Ok(bytes) => {
                let sidecar = std::fs::read_to_string(path.with_extension("dct"))
                    .ok()
                    .map(|s| s.trim().to_string());
                let dct = sidecar.or_else(|| {
                    if dct_from_name {
                        batch::dct_from_name(&id)
                    } else {
                        None
                    }
                });
                batch::Record::Text { id, bytes, dct }
            }
            Err(e) => batch::Record::Unreadable {
                message: format!("{}: cannot read: {e}", path.display()),
                id,
            },
        };
        Ok(record)
    }))
}
