//! The `chorus` command line: a thin shell over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod extract;
mod listing;
mod peer;
mod watch;

use anyhow::{Context, Result, bail};
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand, ValueEnum};

use chorus::StoryLimits;
use chorus::ingest::{Ingested, Limits, ingest_paths};
use chorus::render::{Detail, OutputFormat, render_with};
use chorus::scan::controls::escape_controls;
use chorus::summarize::{System, Weights};
use chorus_eval::evaluate;
use chorus_eval::rouge::RougeScores;
use chorus_store::{Location, Store};

/// Many reports of one event in, one attributed story out.
#[derive(Parser)]
#[command(name = "chorus", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Summarize reports: every summary sentence cites every report that states it.
    ///
    /// Reads articles from files, folders or stdin; loose articles are grouped
    /// into stories first, and each story gets its own brief.
    Summarize(SummarizeArgs),
    /// Print every article's dates, times, lengths of time, quantities, quotes and names.
    ///
    /// Reads what summarize reads; each article on its own, its relative
    /// dates read against its publication date. Offsets are characters of the
    /// article's text. See docs/extract.md.
    Extract(ExtractArgs),
    /// Score chorus and the baselines with ROUGE on cluster JSONL with reference summaries.
    Eval(EvalArgs),
    /// Fit the scorer's weights on cluster JSONL with references (k-fold cross-validated).
    Train(TrainArgs),
    /// Group articles into stories.
    ///
    /// Reads articles from files, folders or stdin (as summarize does) and
    /// prints the stories they make, biggest first.
    Cluster(ClusterArgs),
    /// Mix the documents of cluster files, cluster them, and score against the files' clusters.
    EvalCluster(EvalClusterArgs),
    /// Score conflict detection and quote grouping against hand labels.
    EvalFacts(EvalFactsArgs),
    /// Score date extraction and normalisation on TimeML articles (TempEval-3 task A).
    ///
    /// Runs extract on every article of the gold file, read against its
    /// creation date, and scores it as ../shared/tools/timeml_score.py does;
    /// with --peer, scores a peer's output (in extract's format) beside it.
    EvalDates(EvalDatesArgs),
    /// Add articles to a store: each joins its story or starts one; stored reports are rebuilt.
    Ingest(IngestArgs),
    /// List the stories in a store, or print one story's brief.
    Stories(StoriesArgs),
    /// Serve a store's stories as web pages and a JSON API.
    ///
    /// Read-only unless given a write token: then articles POSTed to
    /// /api/articles are added to the store as ingest adds them, and
    /// DELETE /api/stories/N removes a story; see docs/http-api.md.
    Serve(ServeArgs),
    /// Poll feeds (a URL list or OPML) and add their new articles to a store; see docs/watch.md.
    Watch(watch::WatchArgs),
    /// List the feeds a store watches: last read, next poll, failures.
    Feeds(watch::FeedsArgs),
    /// Manage stores: copy one into another (an SQLite file into PostgreSQL).
    #[command(subcommand)]
    Store(StoreCommand),
}

#[derive(Subcommand)]
enum StoreCommand {
    /// Copy every story, article, report and centroid of one store into an
    /// empty one; story numbers are kept.
    Copy(CopyArgs),
}

#[derive(clap::Args)]
struct CopyArgs {
    /// The store to copy (an SQLite file or a postgres:// URL).
    #[arg(long, required = true)]
    from: Location,
    /// The store to fill (created if missing; must hold no articles).
    #[arg(long, required = true)]
    to: Location,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// The store: an SQLite file, or a PostgreSQL database as
    /// postgres://user@host:port/db. It must exist (the database hold a
    /// chorus store) unless --create is given.
    #[arg(long, required = true)]
    db: Location,
    /// Make a new, empty store when --db names none.
    #[arg(long)]
    create: bool,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Take writes from clients that send this token (`Authorization:
    /// Bearer TOKEN`); without one the server is read-only. The variable
    /// keeps it out of the process list.
    #[arg(long, env = "CHORUS_WRITE_TOKEN", hide_env_values = true)]
    write_token: Option<String>,
    /// Seconds for a request's head to arrive (and for an idle connection
    /// to start its next request) before the connection is closed.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    read_timeout: u64,
    /// Seconds for a whole request, body included, to be read and answered
    /// (else 408).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    request_timeout: u64,
    /// Connections served at once; more wait to be accepted.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    max_connections: u32,
}

#[derive(clap::Args)]
struct IngestArgs {
    /// Files or folders (read recursively: .txt, .html, .xml/.rss/.atom/.json feeds, .jsonl articles or clusters, .src Multi-News), or - for stdin; documents of cluster lines are taken loose.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The store (created if missing): an SQLite file, or a PostgreSQL
    /// database as postgres://user@host:port/db.
    #[arg(long, required = true)]
    db: Location,
    /// Print what was done as JSON.
    #[arg(long)]
    json: bool,
    /// Articles stored per transaction; a killed ingest loses at most the
    /// batch in progress, which a re-run adds.
    #[arg(long, default_value_t = 1000)]
    batch: usize,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(clap::Args)]
struct StoriesArgs {
    /// The store: an SQLite file, or a PostgreSQL database as
    /// postgres://user@host:port/db.
    #[arg(long, required = true)]
    db: Location,
    /// Output format of the list, or of the brief with --story.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Print the stored report of this story instead.
    #[arg(long)]
    story: Option<i64>,
    /// With --story: brief only what arrived since this date
    /// (2026-12-03) or time (2026-12-03 14:00 UTC, or RFC 3339), given the
    /// articles stored before it.
    #[arg(long, requires = "story")]
    since: Option<String>,
    /// With --story: print every fact, quote, name, dated event and
    /// sentence only one source has, not the brief (text and Markdown).
    #[arg(long, requires = "story")]
    full: bool,
    /// Only stories with an article whose headline or text holds all these
    /// words.
    #[arg(long, short)]
    search: Option<String>,
    /// List at most this many stories (the biggest, then the newest).
    #[arg(long, short = 'n')]
    limit: Option<usize>,
    /// Remove this story and its articles from the store instead.
    #[arg(long, conflicts_with_all = ["story", "search", "limit"])]
    delete: Option<i64>,
}

#[derive(clap::Args)]
struct EvalDatesArgs {
    /// TimeML JSONL: {"id","dct","text","timexes":[{"start","end","type","value"}]} per line.
    #[arg(long, required = true)]
    data: PathBuf,
    /// A peer's output on the same articles, in extract's JSONL format, scored beside chorus.
    #[arg(long)]
    peer: Option<PathBuf>,
    /// The peer's name in the table.
    #[arg(long, default_value = "peer")]
    peer_name: String,
    /// Write chorus's extraction as JSONL (what timeml_score.py reads).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct EvalFactsArgs {
    /// Cluster JSONL the labels refer to.
    #[arg(long, required = true)]
    data: Vec<PathBuf>,
    /// Label file (JSONL, one labelled cluster per line; see eval/README.md).
    #[arg(long, required_unless_present = "entities")]
    labels: Option<PathBuf>,
    /// Entity label file (JSONL; see eval/ENTITIES.md): also score entity
    /// names and alias merges.
    #[arg(long)]
    entities: Option<PathBuf>,
    /// List every wrong and missed conflict, update, quote link and entity.
    #[arg(long, short)]
    verbose: bool,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(clap::Args)]
struct ClusterArgs {
    /// Files or folders (read recursively: .txt, .html, .xml/.rss/.atom/.json feeds, .jsonl articles or clusters, .src Multi-News), or - for stdin; documents of cluster lines are taken loose.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format of the list of stories.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(clap::Args)]
struct EvalClusterArgs {
    /// Cluster JSONL files; each line is one gold group.
    #[arg(long, required = true)]
    data: Vec<PathBuf>,
    /// Seed of the shuffle that mixes the documents.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Cluster as `chorus ingest` does: incrementally, into a temporary
    /// store (or --db), in batches of --batch articles.
    #[arg(long)]
    store: bool,
    /// With --store: the store to cluster into instead of a temporary file
    /// (for PostgreSQL, postgres://user@host:port/db); it must hold no
    /// articles, and keeps them after.
    #[arg(long, requires = "store")]
    db: Option<Location>,
    /// Articles per batch with --store.
    #[arg(long, default_value_t = 1000)]
    batch: usize,
    /// A peer script to run on the same files (such as cluster_peer.py);
    /// its best figure is printed beside chorus's.
    #[arg(long)]
    peer: Option<PathBuf>,
    /// The Python that runs --peer (one with the peer's packages).
    #[arg(long, default_value = "python3")]
    peer_python: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(clap::Args)]
struct TrainArgs {
    /// Cluster JSONL with reference summaries.
    #[arg(long, required = true)]
    data: Vec<PathBuf>,
    /// Number of cross-validation folds.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Word budget the held-out summaries are scored at: one for all files,
    /// or one per --data file, in order (e.g. 250,250,100).
    #[arg(long, short, value_delimiter = ',', default_value = "250")]
    words: Vec<usize>,
    /// The objective's weight of sentence scores against concept coverage
    /// (default: the shipped weights').
    #[arg(long)]
    sentence_weight: Option<f32>,
    /// The objective's cost exponent: gains are divided by words^r
    /// (default: the shipped weights').
    #[arg(long)]
    cost_exponent: Option<f32>,
    /// The objective's worth of a concept earlier articles state, as a
    /// share of its weight (default: the shipped weights').
    #[arg(long)]
    known_factor: Option<f32>,
    /// The objective's cost of telling a concept again, as a share of its
    /// weight (default: the shipped weights').
    #[arg(long)]
    repeat_penalty: Option<f32>,
    /// Where to write the fitted weights (e.g. crates/chorus/models/weights.json).
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or folders (read recursively: .txt, .html, .xml/.rss/.atom/.json feeds, .jsonl articles or clusters, .src Multi-News), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format; jsonl unless printing to a terminal, where text.
    #[arg(long, short, value_enum)]
    format: Option<extract::ExtractFormat>,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(clap::Args)]
struct SummarizeArgs {
    /// Files or folders (read recursively: .txt, .html, .xml/.rss/.atom/.json feeds, .jsonl articles or clusters, .src Multi-News), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Summary length in words (whole sentences, at most this many).
    #[arg(long, short, default_value_t = 150, value_parser = clap::value_parser!(u32).range(1..))]
    words: u32,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Summarizer: chorus, or a baseline (lead, lead-rr, lexrank, textrank).
    #[arg(long, default_value = "chorus", value_parser = parse_system)]
    system: System,
    /// When to colour text output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Print every fact, quote, name, dated event and sentence only one
    /// source has, not the brief (text and Markdown; JSON always holds all).
    #[arg(long)]
    full: bool,
    /// Summary and sources only: skip comparing facts, quotes, names,
    /// timeline and what each source alone reports.
    #[arg(long)]
    summary_only: bool,
    /// Articles the reader has already seen (files or folders, as the
    /// inputs): the brief says what the inputs add to them. Put it last:
    /// every path after it is an earlier article.
    #[arg(long, num_args = 1.., value_name = "EARLIER")]
    after: Vec<PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    story_limits: StoryLimitArgs,
}

/// How much of each story is read; what is past a limit is left out of
/// the brief, with a note on the document or the story.
#[derive(clap::Args)]
struct StoryLimitArgs {
    /// Words of each document read (the rest is not summarized or compared).
    #[arg(long, default_value_t = StoryLimits::DOCUMENT_WORDS, value_parser = clap::value_parser!(u32).range(1..).map(|n| n as usize))]
    max_document_words: usize,
    /// Sentences of each document read, from its first.
    #[arg(long, default_value_t = StoryLimits::DOCUMENT_SENTENCES, value_parser = clap::value_parser!(u32).range(1..).map(|n| n as usize))]
    max_document_sentences: usize,
    /// Sentences of each story read: every document's first sentence, then every second, and so on.
    #[arg(long, default_value_t = StoryLimits::STORY_SENTENCES, value_parser = clap::value_parser!(u32).range(1..).map(|n| n as usize))]
    max_story_sentences: usize,
    /// Words of each story read, counted the same way.
    #[arg(long, default_value_t = StoryLimits::STORY_WORDS, value_parser = clap::value_parser!(u32).range(1..).map(|n| n as usize))]
    max_story_words: usize,
}

impl StoryLimitArgs {
    fn limits(&self) -> StoryLimits {
        StoryLimits {
            document_words: self.max_document_words,
            document_sentences: self.max_document_sentences,
            story_sentences: self.max_story_sentences,
            story_words: self.max_story_words,
        }
    }
}

/// Input limits; exceeding one is a named error for that file.
#[derive(clap::Args)]
struct LimitArgs {
    /// Largest input file read (bytes, or with K, M or G).
    #[arg(long, default_value = "64M", value_parser = parse_size)]
    max_file_size: u64,
    /// Deepest element nesting accepted in HTML and feeds.
    #[arg(long, default_value_t = Limits::default().max_depth)]
    max_depth: usize,
}

impl LimitArgs {
    fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_size,
            max_depth: self.max_depth,
        }
    }
}

/// "64M", "512K", "1G" or plain bytes.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, scale) = match text.char_indices().last() {
        Some((at, 'k' | 'K')) => (&text[..at], 1 << 10),
        Some((at, 'm' | 'M')) => (&text[..at], 1 << 20),
        Some((at, 'g' | 'G')) => (&text[..at], 1 << 30),
        _ => (text, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{text:?} is not a size such as 64M, 512K or 1048576"))
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Cluster JSONL with reference summaries (one cluster per line).
    #[arg(long, required = true)]
    data: Vec<PathBuf>,
    /// Word budget; every summary is cut at exactly this many words.
    #[arg(long, short, default_value_t = 250, value_parser = clap::value_parser!(u32).range(1..))]
    words: u32,
    /// Comma-separated systems to compare.
    #[arg(long, value_delimiter = ',', value_parser = parse_system,
          default_value = "chorus,lead,lead-rr,lexrank,textrank")]
    systems: Vec<System>,
    /// Write every summary as JSONL: {"id","system","summary"}.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print the results as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Scorer weights to use instead of the shipped ones (as `chorus train --out` writes).
    #[arg(long)]
    weights: Option<PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Output formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Readable text; colour only on a terminal.
    Text,
    /// Markdown.
    Md,
    /// JSON.
    Json,
    /// One self-contained HTML page.
    Html,
}

/// What `--full` asks of the text and Markdown renderers.
fn detail_of(full: bool) -> Detail {
    if full { Detail::Full } else { Detail::Brief }
}

impl From<Format> for OutputFormat {
    fn from(format: Format) -> OutputFormat {
        match format {
            Format::Text => OutputFormat::Text,
            Format::Md => OutputFormat::Md,
            Format::Json => OutputFormat::Json,
            Format::Html => OutputFormat::Html,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_system(name: &str) -> Result<System, String> {
    System::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = System::ALL.iter().map(|s| s.name()).collect();
        format!("unknown system {name:?} (known: {})", known.join(", "))
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Summarize(args) => summarize(args),
        Command::Extract(args) => extract_mentions(args),
        Command::Eval(args) => eval(args),
        Command::Train(args) => train(args),
        Command::Cluster(args) => cluster(args),
        Command::EvalCluster(args) => eval_cluster(args),
        Command::EvalFacts(args) => eval_facts(args),
        Command::EvalDates(args) => eval_dates(args),
        Command::Ingest(args) => ingest(args),
        Command::Stories(args) => stories(args),
        Command::Serve(args) => serve(args),
        Command::Watch(args) => watch::watch(args),
        Command::Feeds(args) => watch::feeds(args),
        Command::Store(StoreCommand::Copy(args)) => copy(args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(err) => {
            complain(&format!("{err:#}"));
            ExitCode::from(2)
        }
    }
}

/// Prints a problem on stderr. File names, ids and dates in it come from
/// the input, so control codes in them are written out (`\x1b`) rather
/// than sent to the terminal.
fn complain(message: &str) {
    eprintln!("chorus: {}", escape_controls(message));
}

/// Prints every input problem; returns whether there were none.
fn report_problems(ingested: &Ingested) -> bool {
    for error in &ingested.errors {
        complain(&error.to_string());
    }
    for path in &ingested.skipped {
        complain(&format!(
            "{}: skipped (not a format chorus reads: .txt, .html, .xml, .rss, .atom, .json, .jsonl, .src)",
            path.display()
        ));
    }
    ingested.errors.is_empty()
}

fn summarize(args: SummarizeArgs) -> Result<bool> {
    let ingested = ingest_paths(&args.inputs, &args.limits.limits());
    let mut clean = report_problems(&ingested);
    if ingested.stories.is_empty() {
        bail!("no readable article in the input");
    }
    let detail = if args.summary_only {
        chorus::Detail::Summary
    } else if args.format == Format::Html {
        chorus::Detail::Pages
    } else {
        chorus::Detail::Compare
    };
    let mut pipeline = chorus::Pipeline::new()
        .words(args.words as usize)
        .system(args.system)
        .detail(detail)
        .limits(args.story_limits.limits());
    if !args.after.is_empty() {
        let earlier = ingest_paths(&args.after, &args.limits.limits());
        clean &= report_problems(&earlier);
        let articles: Vec<_> = earlier
            .stories
            .into_iter()
            .flat_map(|s| s.articles)
            .collect();
        if articles.is_empty() {
            bail!("no readable article in the --after input");
        }
        pipeline = pipeline.after(articles);
    }
    let report = pipeline.brief_stories(ingested.stories);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let rendered = render_with(&report, args.format.into(), color, detail_of(args.full));
    write_output(args.output.as_ref(), &rendered)?;
    Ok(clean)
}

fn extract_mentions(args: ExtractArgs) -> Result<bool> {
    let ingested = ingest_paths(&args.inputs, &args.limits.limits());
    let clean = report_problems(&ingested);
    let articles: Vec<&chorus::Article> =
        ingested.stories.iter().flat_map(|s| &s.articles).collect();
    if articles.is_empty() {
        bail!("no readable article in the input");
    }
    let today = chorus::scan::dates::today();
    let extractions: Vec<chorus::Extraction> = articles
        .iter()
        .map(|article| chorus::extract(article, today))
        .collect();
    let format = args.format.unwrap_or(
        if args.output.is_none() && std::io::stdout().is_terminal() {
            extract::ExtractFormat::Text
        } else {
            extract::ExtractFormat::Jsonl
        },
    );
    write_output(
        args.output.as_ref(),
        &extract::render(&extractions, format)?,
    )?;
    Ok(clean)
}

fn eval(args: EvalArgs) -> Result<bool> {
    let mut clean = true;
    let mut tasks = Vec::new();
    for path in &args.data {
        let (file_tasks, file_clean) = read_tasks(path, &args.limits.limits())?;
        clean &= file_clean;
        tasks.extend(file_tasks);
    }
    if tasks.is_empty() {
        bail!("no cluster with reference summaries in the data");
    }
    let weights = match &args.weights {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Weights::from_json(&text).with_context(|| format!("{}", path.display()))?
        }
        None => Weights::default(),
    };
    let evaluation = evaluate(&tasks, &args.systems, args.words as usize, &weights);
    if let Some(path) = &args.out {
        let mut lines = String::new();
        for summary in &evaluation.summaries {
            lines.push_str(&serde_json::to_string(summary)?);
            lines.push('\n');
        }
        write_output(Some(path), &lines)?;
    }
    let printed = if args.json {
        format!("{}\n", serde_json::to_string_pretty(&evaluation)?)
    } else {
        format!(
            "{} clusters, summaries cut at {} words; ROUGE ×100 (rouge-score tokenization, Porter stemmer)\n{}",
            tasks.len(),
            args.words,
            evaluation.table()
        )
    };
    write_output(None, &printed)?;
    Ok(clean)
}

/// The clusters of one data file that have reference summaries, each with
/// the articles of the earlier sets its `earlier` key names (update data);
/// and whether the file was read without problems.
fn read_tasks(path: &PathBuf, limits: &Limits) -> Result<(Vec<chorus_eval::Task>, bool)> {
    let ingested = ingest_paths(std::slice::from_ref(path), limits);
    let clean = report_problems(&ingested);
    let earlier = match std::fs::read_to_string(path) {
        Ok(text) => chorus_eval::tasks::read_earlier(&text),
        // A folder or an unreadable file: the readers have said what they could.
        Err(_) => Default::default(),
    };
    let tasks = chorus_eval::tasks::tasks(ingested.stories, &earlier)
        .with_context(|| format!("{}", path.display()))?
        .into_iter()
        .filter(|t| !t.story.references.is_empty())
        .collect();
    Ok((tasks, clean))
}

fn train(args: TrainArgs) -> Result<bool> {
    if args.words.len() != 1 && args.words.len() != args.data.len() {
        bail!(
            "--words takes one budget, or one per --data file ({} given for {} files)",
            args.words.len(),
            args.data.len()
        );
    }
    let mut clean = true;
    let mut tasks = Vec::new();
    let mut budgets = Vec::new();
    let mut files = Vec::new();
    for (n, path) in args.data.iter().enumerate() {
        let words = args.words[n.min(args.words.len() - 1)];
        let (file_tasks, file_clean) = read_tasks(path, &args.limits.limits())?;
        clean &= file_clean;
        let before = tasks.len();
        budgets.extend(std::iter::repeat_n(words, file_tasks.len()));
        tasks.extend(file_tasks);
        files.push((
            format!("{} ({words} words)", path.display()),
            before..tasks.len(),
        ));
    }
    if tasks.len() < 2 {
        bail!("training needs at least two clusters with reference summaries");
    }
    let shipped = Weights::default().objective;
    let objective = chorus::summarize::Objective {
        sentence_weight: args.sentence_weight.unwrap_or(shipped.sentence_weight),
        cost_exponent: args.cost_exponent.unwrap_or(shipped.cost_exponent),
        known_factor: args.known_factor.unwrap_or(shipped.known_factor),
        repeat_penalty: args.repeat_penalty.unwrap_or(shipped.repeat_penalty),
    };
    let training = chorus_eval::train::train(&tasks, &budgets, args.folds, objective);
    let mut printed = format!(
        "{} clusters, {}-fold cross-validation, ROUGE ×100 (F1; recall in brackets)\n{:<50} {:>8} {:>25} {:>25}\n",
        tasks.len(),
        args.folds,
        "data",
        "clusters",
        "held-out R1/R2-F",
        "shipped R1/R2-F"
    );
    files.push(("all".to_string(), 0..tasks.len()));
    let mean = |scores: &[RougeScores], members: &[usize]| {
        let chosen: Vec<RougeScores> = members.iter().map(|&i| scores[i]).collect();
        let s = RougeScores::mean(&chosen);
        format!(
            "{:.2}/{:.2} ({:.2}/{:.2})",
            100.0 * s.rouge1.f1,
            100.0 * s.rouge2.f1,
            100.0 * s.rouge1.recall,
            100.0 * s.rouge2.recall
        )
    };
    for (name, range) in files {
        let whole = name == "all";
        let mut rows = vec![(name, range.clone().collect::<Vec<usize>>())];
        // Update data: its first sets and its update sets apart as well.
        let mut groups: Vec<usize> = range.clone().map(|i| tasks[i].earlier_sets).collect();
        groups.sort_unstable();
        groups.dedup();
        if groups.len() > 1 && !whole {
            for group in groups {
                let members = range
                    .clone()
                    .filter(|&i| tasks[i].earlier_sets == group)
                    .collect();
                let noun = if group == 1 { "set" } else { "sets" };
                rows.push((format!("  that follow {group} earlier {noun}"), members));
            }
        }
        for (name, members) in rows {
            printed.push_str(&format!(
                "{:<50} {:>8} {:>25} {:>25}\n",
                name,
                members.len(),
                mean(&training.held_out, &members),
                mean(&training.shipped, &members)
            ));
        }
    }
    write_output(None, &printed)?;
    if let Some(out) = &args.out {
        let names: Vec<String> = args
            .data
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let words: Vec<String> = args.words.iter().map(|w| w.to_string()).collect();
        let note = format!(
            "fitted by `chorus train` on {} ({} clusters, {} words)",
            names.join(", "),
            tasks.len(),
            words.join("/")
        );
        write_output(Some(out), &training.weights.to_json(&note))?;
    }
    Ok(clean)
}

fn cluster(args: ClusterArgs) -> Result<bool> {
    // Read one file at a time and keep only each article's vector, id and
    // headline: a day of feeds need not fit in memory as text.
    let mut vocab = chorus::prepare::terms::Vocab::new();
    let mut clusterer = chorus::cluster::Clusterer::new(&mut vocab);
    let mut labels: Vec<(String, String)> = Vec::new();
    let mut errors = Vec::new();
    let bar = progress_bar("articles read");
    let skipped = chorus::ingest::read_each(&args.inputs, &args.limits.limits(), |file| {
        errors.extend(file.errors);
        let articles = file
            .articles
            .iter()
            .chain(file.stories.iter().flat_map(|s| &s.articles));
        for article in articles {
            clusterer.add(article);
            labels.push((article.id.clone(), chorus::cluster::headline(article)));
            bar.inc(1);
        }
    });
    bar.set_message("articles read; grouping");
    let clean = report_problems(&Ingested {
        stories: Vec::new(),
        errors,
        skipped,
    });
    if labels.is_empty() {
        bail!("no readable article in the input");
    }
    let stories = chorus::cluster::name_stories(clusterer.finish(), &labels);
    bar.finish_and_clear();
    let printed = listing::clusters(&stories, labels.len(), args.format)?;
    write_output(None, &printed)?;
    Ok(clean)
}

fn eval_cluster(args: EvalClusterArgs) -> Result<bool> {
    let ingested = ingest_paths(&args.data, &args.limits.limits());
    let clean = report_problems(&ingested);
    if ingested.stories.iter().all(|s| s.articles.is_empty()) {
        bail!("no readable article in the data");
    }
    let result = if let Some(db) = &args.db {
        let store = open_store(db)?;
        let stored = store.article_count().with_context(|| format!("{db}"))?;
        if stored > 0 {
            bail!("{db}: holds {stored} articles; --db must name an empty store");
        }
        chorus_eval::bcubed::evaluate_with(ingested.stories, args.seed, |articles| {
            store.place_all(articles, args.batch)
        })
        .with_context(|| format!("{db}"))?
    } else if args.store {
        // A fresh store beside the system's temporary files, removed after.
        let dir = std::env::temp_dir().join(format!("chorus-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
        let path = dir.join("eval.db");
        let result = chorus_eval::bcubed::evaluate_with(ingested.stories, args.seed, |articles| {
            chorus_store::SqliteStore::open(&path)?.place_all(articles, args.batch)
        });
        let _ = std::fs::remove_dir_all(&dir);
        result.with_context(|| "the evaluation store".to_string())?
    } else {
        chorus_eval::bcubed::evaluate(ingested.stories, args.seed)
    };
    // The peer runs after chorus, so that chorus's figure is known even
    // when the peer cannot run.
    let peer = match &args.peer {
        Some(script) => Some(peer::run(&args.peer_python, script, &args.data)),
        None => None,
    };
    let printed = if args.json {
        let mut value = serde_json::to_value(&result)?;
        if let Some(Ok(figure)) = &peer {
            value["peer"] = serde_json::to_value(figure)?;
        }
        format!("{}\n", serde_json::to_string_pretty(&value)?)
    } else {
        let s = &result.scores;
        let mut text = format!(
            "{} articles in {} gold groups, shuffled with seed {}; {} stories found\n\
             BCubed precision {:.4}  recall {:.4}  F1 {:.4}   ARI {:.4}   {:.0} articles/s\n",
            result.articles,
            result.gold_groups,
            result.seed,
            result.stories,
            s.bcubed_precision,
            s.bcubed_recall,
            s.bcubed_f1,
            s.ari,
            result.articles_per_second
        );
        if let Some(Ok(figure)) = &peer {
            text.push_str(&format!(
                "peer {} at its best threshold ({}): BCubed precision {:.4}  recall {:.4}  F1 {:.4}\n",
                figure.script,
                figure.threshold,
                figure.bcubed_precision,
                figure.bcubed_recall,
                figure.bcubed_f1
            ));
        }
        text
    };
    write_output(None, &printed)?;
    if let Some(Err(err)) = peer {
        return Err(err);
    }
    Ok(clean)
}

fn eval_dates(args: EvalDatesArgs) -> Result<bool> {
    use chorus_eval::dates::{
        DateScores, SystemArticle, extract_gold, read_gold, read_system, score,
    };
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let gold = read_gold(&read(&args.data)?, &args.data.display().to_string())?;
    if gold.is_empty() {
        bail!("{}: no article", args.data.display());
    }
    let (extractions, per_second) = extract_gold(&gold);
    if let Some(path) = &args.out {
        write_output(
            Some(path),
            &extract::render(&extractions, extract::ExtractFormat::Jsonl)?,
        )?;
    }
    let system: Vec<SystemArticle> = extractions.iter().map(SystemArticle::from).collect();
    let mut rows = vec![("chorus".to_string(), score(&gold, &system))];
    if let Some(path) = &args.peer {
        let peer = read_system(&read(path)?, &path.display().to_string())?;
        rows.push((args.peer_name.clone(), score(&gold, &peer)));
    }
    let printed = if args.json {
        let rows: Vec<serde_json::Value> = rows
            .iter()
            .map(|(name, s)| serde_json::json!({"system": name, "scores": s}))
            .collect();
        format!(
            "{}\n",
            serde_json::to_string_pretty(&serde_json::json!({
                "articles_per_second": per_second,
                "systems": rows
            }))?
        )
    } else {
        let first: &DateScores = &rows[0].1;
        let mut out = format!(
            "{} articles, {} gold time expressions; TempEval-3 task A (P/R/F1 ×100)\n{:<12} {:>6}  {:>20}  {:>20}  {:>20}\n",
            first.articles,
            first.gold,
            "system",
            "found",
            "relaxed extraction",
            "strict extraction",
            "value"
        );
        for (name, s) in &rows {
            let prf = |p: &chorus_eval::dates::Prf| {
                format!("{:.2}/{:.2}/{:.2}", p.precision, p.recall, p.f1)
            };
            out.push_str(&format!(
                "{:<12} {:>6}  {:>20}  {:>20}  {:>20}\n",
                name,
                s.found,
                prf(&s.relaxed),
                prf(&s.strict),
                prf(&s.value)
            ));
        }
        out.push_str(&format!(
            "chorus extracted {per_second:.0} articles/s (one core)\n"
        ));
        out
    };
    write_output(None, &printed)?;
    Ok(true)
}

fn eval_facts(args: EvalFactsArgs) -> Result<bool> {
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let facts_labels = match &args.labels {
        Some(path) => Some(chorus_eval::facts::read_labels(
            &read(path)?,
            &path.display().to_string(),
        )?),
        None => None,
    };
    let entity_labels = match &args.entities {
        Some(path) => Some(chorus_eval::entities::read_labels(
            &read(path)?,
            &path.display().to_string(),
        )?),
        None => None,
    };
    let ingested = ingest_paths(&args.data, &args.limits.limits());
    let clean = report_problems(&ingested);
    // The entity labels' clusters only are copied: the data may be large.
    let entities = entity_labels.as_ref().map(|labels| {
        let stories = ingested
            .stories
            .iter()
            .filter(|s| labels.iter().any(|l| l.cluster == s.id))
            .cloned()
            .collect();
        chorus_eval::entities::evaluate(stories, labels)
    });
    let facts = facts_labels
        .as_ref()
        .map(|labels| chorus_eval::facts::evaluate(ingested.stories, labels));
    let mut missing: Vec<&String> = Vec::new();
    missing.extend(facts.iter().flat_map(|r| &r.missing));
    missing.extend(entities.iter().flat_map(|r| &r.missing));
    for cluster in &missing {
        complain(&format!("labelled cluster {cluster} is not in the data"));
    }
    let scored =
        facts.as_ref().map_or(0, |r| r.clusters) + entities.as_ref().map_or(0, |r| r.clusters);
    if scored == 0 {
        bail!("no labelled cluster found in the data");
    }
    let printed = if args.json {
        let both = serde_json::json!({"facts": facts, "entities": entities});
        let shown = match (&facts, &entities) {
            (Some(facts), None) => serde_json::to_value(facts)?,
            (None, Some(entities)) => serde_json::to_value(entities)?,
            _ => both,
        };
        format!("{}\n", serde_json::to_string_pretty(&shown)?)
    } else {
        let mut out = String::new();
        if let Some(result) = &facts {
            out.push_str(&facts_text(result, args.verbose));
        }
        if let Some(result) = &entities {
            out.push_str(&entities_text(result, args.verbose));
        }
        out
    };
    write_output(None, &printed)?;
    Ok(clean && missing.is_empty())
}

/// One line of precision and recall.
fn score_row(name: &str, c: &chorus_eval::facts::Counts) -> String {
    format!(
        "{name:<12} precision {:.3} ({}/{})  recall {:.3} ({}/{})\n",
        c.precision(),
        c.correct,
        c.reported,
        c.recall(),
        c.found,
        c.labelled
    )
}

fn facts_text(result: &chorus_eval::facts::FactsEvaluation, verbose: bool) -> String {
    let mut out = String::new();
    if verbose {
        for cluster in &result.per_cluster {
            let lines = [
                ("wrong   ", &cluster.wrong_conflicts),
                ("missed  ", &cluster.missed_conflicts),
                ("wrong update  ", &cluster.wrong_updates),
                ("missed update ", &cluster.missed_updates),
                ("wrong quote link  ", &cluster.wrong_quotes),
                ("missed quote link ", &cluster.missed_quotes),
            ];
            for (what, items) in lines {
                for item in items {
                    out.push_str(&format!("{}  {what} {item}\n", cluster.cluster));
                }
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("{} labelled clusters\n", result.clusters));
    out.push_str(&score_row("conflicts", &result.conflicts));
    if result.updates.labelled + result.updates.reported > 0 {
        out.push_str(&score_row("updates", &result.updates));
    }
    if result.quotes.labelled + result.quotes.reported > 0 {
        out.push_str(&score_row("quote links", &result.quotes));
    } else {
        out.push_str("quote links  not labelled\n");
    }
    out
}

fn entities_text(result: &chorus_eval::entities::EntitiesEvaluation, verbose: bool) -> String {
    let mut out = String::new();
    if verbose {
        let lines = [
            ("wrong entity", &result.wrong_names),
            ("missed entity", &result.missed_names),
            ("wrong merge", &result.wrong_merges),
            ("missed merge", &result.missed_merges),
            ("wrong type", &result.wrong_types),
        ];
        for (what, items) in lines {
            for item in items {
                out.push_str(&format!("{what:<14} {item}\n"));
            }
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "{} clusters with labelled entities\n",
        result.clusters
    ));
    out.push_str(&score_row("entities", &result.names));
    out.push_str(&score_row("alias merges", &result.merges));
    out.push_str(&format!(
        "entity types {}/{} right\n",
        result.typed_right, result.typed
    ));
    out
}

/// Opens a store; a migration that reworks its articles says so on stderr
/// and shows its progress there when stderr is a terminal.
fn open_store(db: &Location) -> Result<Box<dyn Store>> {
    use chorus_store::Migrating;
    let mut bar: Option<indicatif::ProgressBar> = None;
    let store = chorus_store::open(db, &mut |migrating| match migrating {
        Migrating::Started { notice, steps } => {
            complain(&format!("{db}: {notice}"));
            bar = Some(on_terminal(
                indicatif::ProgressBar::new(steps),
                "{wide_bar} {percent}% (eta {eta})",
            ));
        }
        Migrating::Progress(done) => {
            if let Some(bar) = &bar {
                bar.set_position(done);
            }
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    store.with_context(|| format!("{db}"))
}

fn ingest(args: IngestArgs) -> Result<bool> {
    let store = open_store(&args.db)?;
    let bar = progress_bar("articles stored");
    let mut summary = chorus_store::IngestSummary::default();
    let mut errors = Vec::new();
    let mut batch: Vec<chorus::model::Article> = Vec::new();
    let mut failure: Option<anyhow::Error> = None;
    let batch_size = args.batch.max(1);
    let store_batch = |batch: Vec<chorus::model::Article>,
                       summary: &mut chorus_store::IngestSummary|
     -> Result<()> {
        let done = bar.position();
        let stored = store
            .ingest(batch, &mut |n, _| bar.set_position(done + n as u64))
            .with_context(|| format!("{}", args.db))?;
        summary.absorb(stored);
        Ok(())
    };
    // Files are read one at a time and stored in batches, each batch one
    // transaction: memory stays bounded however large the input.
    let skipped = chorus::ingest::read_each(&args.inputs, &args.limits.limits(), |file| {
        errors.extend(file.errors);
        batch.extend(file.articles);
        batch.extend(file.stories.into_iter().flat_map(|s| s.articles));
        // A file of many articles is stored in batches too: memory and what
        // a crash loses stay bounded by the batch, not by the file.
        while batch.len() >= batch_size && failure.is_none() {
            let rest = batch.split_off(batch_size);
            let full = std::mem::replace(&mut batch, rest);
            if let Err(err) = store_batch(full, &mut summary) {
                failure = Some(err);
            }
        }
    });
    if let Some(err) = failure {
        return Err(err);
    }
    if !batch.is_empty() {
        store_batch(batch, &mut summary)?;
    }
    bar.finish_and_clear();
    let mut clean = report_problems(&Ingested {
        stories: Vec::new(),
        errors,
        skipped,
    });
    for refused in &summary.refused {
        complain(&format!("{}: not stored: {}", refused.id, refused.reason));
        clean = false;
    }
    let printed = if args.json {
        format!("{}\n", serde_json::to_string_pretty(&summary)?)
    } else {
        format!(
            "{} added, {} already stored; {}, {} updated; {} in {}\n",
            summary.added,
            summary.already_stored,
            listing::count(summary.new_stories, "new story"),
            summary.updated_stories,
            listing::count(summary.stories, "story"),
            escape_controls(&args.db.to_string())
        )
    };
    write_output(None, &printed)?;
    Ok(clean)
}

/// A counter of articles on stderr (the total is not known while files
/// are still being read), hidden unless stderr is a terminal.
fn progress_bar(message: &'static str) -> indicatif::ProgressBar {
    let bar = on_terminal(
        indicatif::ProgressBar::new_spinner(),
        "{spinner} {pos} {msg} ({per_sec})",
    );
    bar.set_message(message);
    bar
}

/// `bar` drawn with `template` when stderr is a terminal, else hidden.
fn on_terminal(bar: indicatif::ProgressBar, template: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

fn serve(args: ServeArgs) -> Result<bool> {
    // A mistyped --db would otherwise serve a new, empty store.
    let db = &args.db;
    if !args.create && !chorus_store::exists(db).with_context(|| format!("{db}"))? {
        match db {
            Location::Sqlite(_) => bail!("{db}: no such store (--create makes a new one)"),
            Location::Postgres(_) => {
                bail!("{db}: the database holds no chorus store (--create makes one)")
            }
        }
    }
    let access = match &args.write_token {
        // The token itself is never part of a message.
        Some(token) => chorus_server::Access::Token(
            chorus_server::WriteToken::new(token).context("--write-token")?,
        ),
        None => chorus_server::Access::ReadOnly,
    };
    let limits = chorus_server::Limits {
        read_timeout: std::time::Duration::from_secs(args.read_timeout),
        request_timeout: std::time::Duration::from_secs(args.request_timeout),
        max_connections: args.max_connections as usize,
        ..chorus_server::Limits::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(chorus_server::serve(chorus_server::Settings {
        db: args.db,
        addr: args.addr,
        access,
        limits,
    }))?;
    Ok(true)
}

fn stories(args: StoriesArgs) -> Result<bool> {
    let db = &args.db;
    if let Location::Sqlite(path) = db
        && !path.exists()
    {
        bail!("{db}: no such store");
    }
    let store = open_store(db)?;
    if let Some(id) = args.delete {
        let Some(articles) = store.delete_story(id).with_context(|| format!("{db}"))? else {
            bail!("{db}: no story {id}");
        };
        let noun = if articles == 1 { "article" } else { "articles" };
        write_output(
            None,
            &format!("deleted story {id} ({articles} {noun}) from {db}\n"),
        )?;
        return Ok(true);
    }
    if let Some(id) = args.story {
        let report = match &args.since {
            Some(text) => {
                let Some(since) = chorus_store::parse_since(text) else {
                    bail!(
                        "--since {text:?} is not a date (2026-12-03) or a time (2026-12-03 14:00)"
                    );
                };
                store.report_since(id, since)
            }
            None => store.report(id),
        };
        let Some(report) = report.with_context(|| format!("{db}"))? else {
            bail!("{db}: no story {id}");
        };
        let report: chorus::model::Report = serde_json::from_str(&report)
            .with_context(|| format!("{db}: story {id}'s stored report"))?;
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let detail = detail_of(args.full);
        write_output(
            None,
            &render_with(&report, args.format.into(), color, detail),
        )?;
        return Ok(true);
    }
    // One more than the limit tells whether the list was cut.
    let limit = args.limit.unwrap_or(usize::MAX);
    let mut stories = store
        .list(args.search.as_deref(), limit.saturating_add(1), 0)
        .with_context(|| format!("{db}"))?;
    let cut = stories.len() > limit;
    stories.truncate(limit);
    let matching = match &args.search {
        Some(words) => format!(" with \"{words}\""),
        None => String::new(),
    };
    let more = if cut {
        " (more with a higher --limit)"
    } else {
        ""
    };
    let noun = if stories.len() == 1 {
        "story"
    } else {
        "stories"
    };
    let heading = format!("{} {noun}{matching}{more}", stories.len());
    let printed = listing::stored(&stories, &heading, args.format)?;
    write_output(None, &printed)?;
    Ok(true)
}

fn copy(args: CopyArgs) -> Result<bool> {
    if let Location::Sqlite(path) = &args.from
        && !path.exists()
    {
        bail!("{}: no such store", args.from);
    }
    let from = open_store(&args.from)?;
    let to = open_store(&args.to)?;
    let copied = to
        .import(&*from)
        .with_context(|| format!("copying {} into {}", args.from, args.to))?;
    write_output(
        None,
        &format!(
            "copied {} stories, {} articles, {} term counts and {} centroid terms from {} into {}\n",
            copied.stories, copied.articles, copied.terms, copied.story_terms, args.from, args.to
        ),
    )?;
    Ok(true)
}

fn write_output(path: Option<&PathBuf>, text: &str) -> Result<()> {
    match path {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                // A closed pipe (`chorus … | head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to stdout"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
