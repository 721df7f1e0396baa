//! What a host chooses when it mounts a chart.

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
}

impl Default for Options {
    fn default() -> Self {
        Options { src: "data/dinum-2024.json".into(), open: false, label: None, depth: 2 }
    }
}
