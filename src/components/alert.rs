use leptos::prelude::*;

/// A load failure, announced at once and left on screen.
#[component]
pub fn Alert(message: String) -> impl IntoView {
    view! { <p class="og-alert" role="alert">{message}</p> }
}
