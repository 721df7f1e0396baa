//! Reading inputs (`-` is standard input) and writing the result: to
//! standard output, or to a file replaced atomically (a temporary file in
//! the same directory, renamed over it), so that a failed run never leaves
//! a half-written file.

use crate::messages::Messages;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// A failure to read or write: exit code 2, with a message naming the file.
#[derive(Debug)]
pub struct IoFailure(pub String);

/// How an input is named in messages: its path, or "-" for standard input.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The input whole.
pub fn read(path: &Path, msg: Messages) -> Result<Vec<u8>, IoFailure> {
    let mut bytes = Vec::new();
    open(path, msg)?.read_to_end(&mut bytes).map_err(|e| IoFailure(msg.cannot_read(&shown(path), &e)))?;
    Ok(bytes)
}

/// A reader of the input, for a file read as it streams by.
pub fn open(path: &Path, msg: Messages) -> Result<Box<dyn Read>, IoFailure> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    let fail = |e: io::Error| IoFailure(msg.cannot_read(&shown(path), &e));
    let file = fs::File::open(path).map_err(fail)?;
    // Opening a directory succeeds: say what it is before reading it.
    if file.metadata().map_err(fail)?.is_dir() {
        return Err(fail(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    Ok(Box::new(file))
}

/// Where the result goes.
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    pub fn new(path: Option<PathBuf>) -> Output {
        match path {
            Some(p) if p.as_os_str() != "-" => Output::File(p),
            _ => Output::Stdout,
        }
    }

    /// Writes `text` whole. A reader of standard output that stops early
    /// (`| head`) is not an error.
    pub fn write(&self, text: &str, msg: Messages) -> Result<(), IoFailure> {
        match self {
            Output::Stdout => match io::stdout().lock().write_all(text.as_bytes()).and_then(|()| io::stdout().flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(IoFailure(msg.cannot_write("-", &e))),
                _ => Ok(()),
            },
            Output::File(path) => write_atomically(path, text.as_bytes()).map_err(|e| IoFailure(msg.cannot_write(&shown(path), &e))),
        }
    }
}

/// Writes beside the target, then renames over it: the target is either
/// the old file or the new one, never a part of it.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let temp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}
