//! Leptos components: the widget's frame (the outer disclosure, the
//! toolbar and its search, the details region, alerts). The units themselves are markup
//! written by the core (`organigramme_core::markup`).

mod alert;
mod chart;
mod details;
mod people;
mod search;
mod toolbar;

pub use alert::Alert;
pub use chart::Organigramme;
