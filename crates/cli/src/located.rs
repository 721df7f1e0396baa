//! Where a problem is in its file, as compilers write it.

/// A problem in the source, where it is: a line and a column when known
/// (a problem with no line concerns the file, and names what it is about).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl Located {
    /// A problem of the file as a whole: its message says what it is about.
    pub fn file(message: String) -> Located {
        Located { line: None, column: None, message }
    }

    /// `file:line:column: message`, as compilers write it.
    pub fn show(&self, file: &str) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}: {}", self.message),
            (Some(line), None) => format!("{file}:{line}: {}", self.message),
            _ => format!("{file}: {}", self.message),
        }
    }
}
