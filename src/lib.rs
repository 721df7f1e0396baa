//! Organigramme: an accessible, keyboard-navigable, expandable organisation
//! chart. This crate is the web view: it renders the state held by
//! `organigramme-core` with Leptos and forwards DOM events to it as actions.

mod components;
mod context;
mod dom_ids;
mod events;
mod fetch;
mod mount;
mod options;
mod texts;

pub use mount::{mount, render};
pub use organigramme_core as core;
pub use options::{Mode, Options};

/// Starts the standalone page: the chart in `#organigramme`, with options
/// from the query string.
pub fn start_standalone() {
    console_error_panic_hook::set_once();
    mount::standalone();
}
