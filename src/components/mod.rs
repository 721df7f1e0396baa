//! Leptos components: each renders core state and forwards events.

mod alert;
mod chart;
mod details;
mod name;
mod people;
mod sub_units;
mod toolbar;
mod tree;
mod unit;

pub use alert::Alert;
pub use chart::Organigramme;
