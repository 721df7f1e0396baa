//! `validate`: the core loader's verdict on each file, with the widget's
//! own messages, located (`file:line:column` for syntax, the JSON path for
//! the rest), warnings included.

use crate::io::{self, IoFailure};
use crate::located::Located;
use crate::messages::Messages;
use crate::Format;
use organigramme_core::load::{parse_bytes, LoadError};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// One file's verdict.
struct Verdict {
    file: String,
    result: Result<(usize, usize), LoadError>,
    warnings: Vec<String>,
}

fn check(path: &Path, msg: Messages) -> Result<Verdict, IoFailure> {
    let bytes = io::read(path, msg)?;
    let file = io::shown(path);
    Ok(match parse_bytes(&bytes) {
        Ok(chart) => {
            let people = chart.ids().map(|u| chart[u].people.len()).sum();
            let warnings = chart.warnings.iter().map(|w| w.message(msg.lang())).collect();
            Verdict { file, result: Ok((chart.len(), people)), warnings }
        }
        Err(e) => Verdict { file, result: Err(e), warnings: Vec::new() },
    })
}

/// Where the error is: a line and column for syntax, else the file (the
/// message names the JSON path).
pub fn located(e: &LoadError, msg: Messages) -> Located {
    match e {
        LoadError::Syntax { line, column, problem } => {
            Located { line: Some(*line), column: Some(*column), message: problem.message(msg.lang()) }
        }
        _ => Located::file(e.message(msg.lang())),
    }
}

fn error_json(e: &LoadError, msg: Messages) -> Value {
    match e {
        LoadError::Syntax { line, column, problem } => {
            json!({"line": line, "column": column, "message": problem.message(msg.lang())})
        }
        LoadError::Invalid { path, .. } => json!({"path": path, "message": e.message(msg.lang())}),
        LoadError::TooLarge { .. } => json!({"message": e.message(msg.lang())}),
    }
}

/// The report, and whether any file is invalid. A file that cannot be
/// read stops the command (exit 2), as a usage error would.
pub fn run(files: &[PathBuf], format: Format, msg: Messages) -> Result<(String, bool), IoFailure> {
    let verdicts = files.iter().map(|f| check(f, msg)).collect::<Result<Vec<_>, _>>()?;
    let all_valid = verdicts.iter().all(|v| v.result.is_ok());
    let report = match format {
        Format::Json => {
            let files: Vec<Value> = verdicts
                .iter()
                .map(|v| {
                    let (units, people) = v.result.as_ref().map_or((0, 0), |&(u, p)| (u, p));
                    let errors: Vec<Value> = v.result.as_ref().err().map(|e| error_json(e, msg)).into_iter().collect();
                    json!({"file": v.file, "ok": v.result.is_ok(), "errors": errors, "warnings": v.warnings,
                        "units": units, "people": people})
                })
                .collect();
            serde_json::to_string_pretty(&files).unwrap_or_default() + "\n"
        }
        Format::Text => {
            let mut out = String::new();
            for v in &verdicts {
                match &v.result {
                    Ok((units, people)) => out.push_str(&format!("{}: {}\n", v.file, msg.valid(*units, *people))),
                    Err(e) => {
                        let l = located(e, msg);
                        let message = format!("{}{}{}", msg.error(), msg.colon(), l.message);
                        out.push_str(&format!("{}\n", Located { message, ..l }.show(&v.file)));
                    }
                }
                for w in &v.warnings {
                    out.push_str(&format!("{}: {}{}{w}\n", v.file, msg.warning(), msg.colon()));
                }
            }
            if verdicts.len() > 1 {
                out.push_str(&msg.validated(verdicts.len(), verdicts.iter().filter(|v| v.result.is_err()).count()));
                out.push('\n');
            }
            out
        }
    };
    Ok((report, !all_valid))
}
