//! Leptos components: each renders core state and forwards events.

mod alert;
mod chart;
mod people;
mod toolbar;
mod unit;

pub use alert::Alert;
pub use chart::Organigramme;
