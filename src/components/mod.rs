//! Leptos components: each renders core state and forwards events.

mod alert;
mod chart;
mod details;
mod people;
mod toolbar;
mod tree;
mod unit;

pub use alert::Alert;
pub use chart::Organigramme;
