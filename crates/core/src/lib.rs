//! The web-free core of Organigramme: the data format and its validation,
//! the hierarchy, the view state, and what each key does. Views (the list,
//! the tree, later a visual chart) render this state and forward events; the
//! core never touches a DOM, and is tested natively with `cargo test`.
#![forbid(unsafe_code)]

pub mod action;
pub mod bidi;
pub mod chart;
pub mod diff;
pub mod fallback;
pub mod fold;
pub mod frame;
pub mod generate;
pub mod ids;
pub mod keys;
pub mod lang;
pub mod load;
pub mod markup;
pub mod nav;
pub mod reduce;
pub mod search;
mod shown;
pub mod stats;
pub mod texts;
pub mod typeahead;
pub mod url;
pub mod view;
pub mod warning;
pub mod zoom;

pub use action::{Action, Announcement, Effect, FocusTarget};
pub use chart::{Chart, Person, Unit, UnitId};
pub use lang::Lang;
pub use load::{parse, parse_bytes, LoadError};
pub use nav::{Items, Navigator};
pub use reduce::reduce;
pub use view::{InitialView, ItemState, ViewState};
pub use warning::Warning;
