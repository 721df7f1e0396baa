use leptos::prelude::*;
use std::rc::Rc;

/// A load failure, announced at once and left on screen, with a button
/// that tries again when trying again can help.
#[component]
pub fn Alert(
    message: String,
    retry: Option<(&'static str, Rc<dyn Fn()>)>,
    /// Set when the message's language differs from the page's.
    lang: Option<&'static str>,
) -> impl IntoView {
    let button = retry.map(|(label, again)| {
        view! {
            <button type="button" class="og-retry" on:click=move |_| again()>
                {label}
            </button>
        }
    });
    view! {
        <div class="og-alert" role="alert" lang=lang>
            <p>{message}</p>
            {button}
        </div>
    }
}
