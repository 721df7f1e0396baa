//! `organigramme`: checks, imports, exports, counts and compares org chart files with the
//! widget's own core (same loader, same messages, same rules), so that
//! what this command accepts the widget renders.
//!
//! Exit codes: 0 success; 1 problems found (an invalid file) or
//! differences (`diff`); 2 usage, reading or writing error.
#![forbid(unsafe_code)]

mod diff;
mod help_fr;
mod import;
mod io;
mod located;
mod messages;
mod stats;
mod validate;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use io::{IoFailure, Output};
use located::Located;
use messages::Messages;
use organigramme_core::load::parse_bytes;
use organigramme_core::Chart;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "organigramme", version, about = "Check, import, export, count and compare org chart files (Organigramme data format v1).")]
#[command(after_help = "Exit codes: 0 success; 1 invalid files or differences; 2 usage, read or write error.\n\
    A FILE of - is standard input.")]
struct Cli {
    /// Language of messages: fr or en [default: from LC_ALL, LC_MESSAGES or LANG; English unless French]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["fr", "en"])]
    lang: Option<String>,
    /// Write the result to FILE (replaced atomically: never half-written) instead of standard output
    #[arg(long, short, global = true, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check data files as the widget loads them: every error located (file:line:column for syntax, the JSON path for the rest), warnings included; exit 1 when any file is invalid
    Validate {
        /// The files to check (- for standard input)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The report's form
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Count a chart's units, people, levels, widest level, units without people and vacant posts
    Stats {
        /// The chart's file (- for standard input)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The report's form
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show what changed from OLD to NEW: units added, removed, renamed and moved, people who arrived, left or changed role, other fields changed; exit 1 when they differ
    Diff {
        /// The old version
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The new version
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// The report's form
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
    },
    /// Convert another format to data format v1; the result is checked by the widget's loader before it is written
    #[command(subcommand)]
    Import(Import),
    /// Write a chart in another form
    #[command(subcommand)]
    Export(Export),
}

#[derive(Subcommand)]
enum Export {
    /// The widget's HTML, static: to paste inside the data-organigramme element as its fallback (every branch present, collapsed ones hidden="until-found"); the widget replaces it without anything moving. Its language: --lang, else the data's, else French
    Html {
        /// The chart's file (- for standard input)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// How many levels start open, as data-depth (1: the root, showing its sub-units)
        #[arg(long, default_value_t = 1)]
        depth: u32,
        /// The outer disclosure open, as data-open
        #[arg(long)]
        open: bool,
        /// Before each unit's id in its element's id, as data-link-prefix
        #[arg(long, value_name = "PREFIX", default_value = "")]
        link_prefix: String,
        /// The outer disclosure's text, as data-label
        #[arg(long)]
        label: Option<String>,
    },
}

#[derive(Subcommand)]
enum Import {
    /// An HR export: one row per unit (id, parent, name, short_name, kind, description, url), or per person of a unit (its columns repeated, plus person and role); rows of one id are merged, in order
    Csv {
        /// The CSV file (- for standard input)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The field separator [default: detected among , ; and tab]
        #[arg(long, value_parser = parse_delimiter)]
        delimiter: Option<u8>,
        /// The file's encoding [default: UTF-8 (with or without BOM) if valid, else Windows-1252]
        #[arg(long, value_enum)]
        encoding: Option<import::csv::Encoding>,
        /// Which column holds a field, when its header is not recognised: id, parent, name, short_name, kind, description, url, person or role
        #[arg(long = "column", value_name = "FIELD=HEADER")]
        columns: Vec<String>,
        /// The chart's title [default: the root unit's name]
        #[arg(long)]
        title: Option<String>,
    },
    /// An existing page's nested lists (a "version accessible" of an org chart): units from list items and bold labels, people and roles from the usual French forms; what is not understood is a warning with its line
    Html {
        /// The page (- for standard input)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// A CSS selector for the element holding the lists [default: #organigramme, .accordion-content, main or body]
        #[arg(long, value_name = "CSS")]
        selector: Option<String>,
        /// The root unit's name [default: the page's first h1, or its title]
        #[arg(long, value_name = "NAME")]
        root_name: Option<String>,
        /// The chart's title [default: the root's name]
        #[arg(long)]
        title: Option<String>,
    },
    /// The State's directory (Référentiel de l'organisation administrative de l'État, the JSON behind the API Annuaire): the tree under --root, following "Service Fils" links only
    Annuaire {
        /// The directory's JSON export (- for standard input)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The id of the service at the chart's root
        #[arg(long, value_name = "ID")]
        root: String,
        /// Leave the named people out
        #[arg(long)]
        no_people: bool,
        /// The chart's title [default: the root service's name]
        #[arg(long)]
        title: Option<String>,
    },
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\\t" | "\t" | "tab" => Ok(b'\t'),
        _ => Err("one of , ; tab".into()),
    }
}

/// Why the command stopped short of a result.
enum Failure {
    /// Exit 2: a file could not be read or written.
    Io(IoFailure),
    /// Exit 2: an option's value that clap cannot check (a link prefix).
    Usage(String),
    /// Exit 1: an input is not a valid chart (the messages are located).
    Invalid(Vec<String>),
}

/// A command's result: its output, whether it found problems (exit 1),
/// and warnings for standard error.
struct Outcome {
    text: String,
    problems: bool,
    warnings: Vec<String>,
}

impl Outcome {
    fn new((text, problems): (String, bool)) -> Outcome {
        Outcome { text, problems, warnings: Vec::new() }
    }
}

impl From<IoFailure> for Failure {
    fn from(e: IoFailure) -> Self {
        Failure::Io(e)
    }
}

/// Loads a chart that a command needs whole: an invalid one stops it.
fn load(path: &Path, msg: Messages) -> Result<Chart, Failure> {
    let bytes = io::read(path, msg)?;
    parse_bytes(&bytes).map_err(|e| Failure::Invalid(vec![validate::located(&e, msg).show(&io::shown(path))]))
}

/// `lang`: the `--lang` given, if any.
fn run(command: Command, lang: Option<organigramme_core::Lang>, msg: Messages) -> Result<Outcome, Failure> {
    match command {
        Command::Validate { files, format } => Ok(Outcome::new(validate::run(&files, format, msg)?)),
        Command::Stats { file, format } => Ok(Outcome::new((stats::report(&load(&file, msg)?, format, msg), false))),
        Command::Diff { old, new, format } => {
            let (a, b) = (load(&old, msg)?, load(&new, msg)?);
            Ok(Outcome::new(diff::report(&a, &b, (&io::shown(&old), &io::shown(&new)), format, msg)))
        }
        Command::Import(Import::Csv { file, delimiter, encoding, columns, title }) => {
            let options = import::csv::CsvOptions { delimiter, encoding, columns, title };
            imported(import::csv::import(&io::read(&file, msg)?, &options, msg), &file, msg)
        }
        Command::Import(Import::Html { file, selector, root_name, title }) => {
            let options = import::html::HtmlOptions { selector, root_name, title };
            let bytes = io::read(&file, msg)?;
            imported(import::html::import(&String::from_utf8_lossy(&bytes), &options, msg).map_err(|e| vec![e]), &file, msg)
        }
        Command::Import(Import::Annuaire { file, root, no_people, title }) => {
            let options = import::annuaire::AnnuaireOptions { root, people: !no_people, title };
            imported(import::annuaire::import(io::open(&file, msg)?, &options, msg).map_err(|e| vec![e]), &file, msg)
        }
        Command::Export(Export::Html { file, depth, open, link_prefix, label }) => {
            if !organigramme_core::ids::is_valid_prefix(&link_prefix) {
                return Err(Failure::Usage(msg.bad_link_prefix(&link_prefix)));
            }
            let chart = load(&file, msg)?;
            let data_lang = chart.meta.lang.as_deref().and_then(organigramme_core::Lang::from_tag);
            let lang = lang.or(data_lang).unwrap_or_default();
            let fallback = organigramme_core::fallback::Fallback {
                chart: &chart,
                texts: organigramme_core::texts::Texts(lang),
                // data-depth counts open levels; the view, levels shown.
                initial: organigramme_core::InitialView { depth: depth.saturating_add(1), open },
                label: label.as_deref(),
                link_prefix: &link_prefix,
            };
            Ok(Outcome::new((fallback.html() + "\n", false)))
        }
    }
}

/// An import's result: the data file and its warnings for standard error,
/// or its problems, each located in `file`.
fn imported(result: Result<import::Imported, Vec<Located>>, file: &Path, msg: Messages) -> Result<Outcome, Failure> {
    let name = io::shown(file);
    match result {
        Ok(imported) => {
            let warnings = imported.warnings.iter().map(|w| format!("{}{}{}", msg.warning(), msg.colon(), w.show(&name))).collect();
            Ok(Outcome { text: imported.json, problems: false, warnings })
        }
        Err(problems) => Err(Failure::Invalid(problems.iter().map(|p| p.show(&name)).collect())),
    }
}

/// `--lang`'s value on the command line, read before clap parses it: the
/// help itself is in that language.
fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang") {
        Some("") => args.get(i + 1).map(|v| v.to_string()),
        Some(v) => v.strip_prefix('=').map(str::to_owned),
        None => None,
    })
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = messages::lang_from(lang_flag(&args).as_deref(), |k| std::env::var(k).ok());
    let msg = Messages(lang);
    let command = match lang {
        organigramme_core::Lang::Fr => help_fr::french(Cli::command()),
        organigramme_core::Lang::En => Cli::command(),
    };
    let cli = match command.try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version exit 0, usage errors 2.
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    let output = Output::new(cli.output);
    let fail = |lines: &[String], code: u8| {
        for line in lines {
            eprintln!("organigramme: {}{}{line}", msg.error(), msg.colon());
        }
        ExitCode::from(code)
    };
    match run(cli.command, cli.lang.as_deref().and_then(organigramme_core::Lang::from_tag), msg) {
        Ok(outcome) => {
            for warning in &outcome.warnings {
                eprintln!("organigramme: {warning}");
            }
            match output.write(&outcome.text, msg) {
                Ok(()) => ExitCode::from(u8::from(outcome.problems)),
                Err(IoFailure(e)) => fail(&[e], 2),
            }
        }
        Err(Failure::Io(IoFailure(e)) | Failure::Usage(e)) => fail(&[e], 2),
        Err(Failure::Invalid(lines)) => fail(&lines, 1),
    }
}
