//! Leptos components: the widget's root, which holds the frame and the
//! units as the core writes them (`organigramme_core::frame` and
//! `markup`), and the alert that replaces it when the data cannot load.

mod alert;
mod chart;

pub use alert::Alert;
pub use chart::Organigramme;
