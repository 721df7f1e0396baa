//! What a host chooses when it mounts a chart.

/// How the chart is presented. Both views render the same core state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Nested lists with disclosure buttons: page content, read in browse
    /// mode. The default.
    #[default]
    List,
    /// A WAI-ARIA APG Tree View: one tab stop, arrow keys do everything.
    Tree,
}

impl Mode {
    /// From an option value: `list` or `tree`.
    pub fn parse(value: &str) -> Option<Mode> {
        match value {
            "list" => Some(Mode::List),
            "tree" => Some(Mode::Tree),
            _ => None,
        }
    }
}

/// Mount options. The defaults reproduce the DINUM site: a closed outer
/// disclosure with the first level open inside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The JSON data file, same origin.
    pub src: String,
    /// Start the outer disclosure open.
    pub open: bool,
    /// The outer button's label; the French default when `None`.
    pub label: Option<String>,
    /// Levels shown at first: 2 shows the root and its sub-units.
    pub depth: u32,
    pub mode: Mode,
}

impl Default for Options {
    fn default() -> Self {
        Options { src: "data/dinum-2024.json".into(), open: false, label: None, depth: 2, mode: Mode::List }
    }
}
