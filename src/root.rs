//! The widget's one Leptos component: its root element, holding the frame
//! and the units as the core writes them (`organigramme_core::frame` and
//! `markup`).

use crate::context::ChartCtx;
use crate::options::{lang_attribute, Layout};
use leptos::prelude::*;

/// The whole widget: its root element, holding the frame and the units as
/// the core writes them (`organigramme_core::frame`). The mount attaches
/// its listeners (`events::Listeners`).
#[component]
pub fn Organigramme(ctx: ChartCtx, label: Option<String>, heading: Option<String>) -> impl IntoView {
    let class = if ctx.layout.get_value() == Layout::Chart { "organigramme og-layout-chart" } else { "organigramme" };
    // `lang` where the widget's strings differ from the page's.
    view! {
        <div class=class lang=lang_attribute(ctx.texts.0) inner_html=ctx.frame_markup(label.as_deref(), heading.as_deref())></div>
    }
}
