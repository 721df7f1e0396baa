use leptos::prelude::*;

/// A unit's name and short name, as every view shows them: "Etalab",
/// "Incubateur de services numériques (ISN)".
#[component]
pub fn UnitName(name: String, short_name: Option<String>) -> impl IntoView {
    view! {
        <span class="og-name">{name}</span>
        {short_name.map(|s| view! { " " <span class="og-short">"("{s}")"</span> })}
    }
}
