use crate::context::use_chart;
use leptos::prelude::*;
use organigramme_core::Person;

/// The people of a unit, each on a line with their role, written as the
/// units' markup writes them: "Chef du département : …".
#[component]
pub fn People(people: Vec<Person>) -> impl IntoView {
    let words = use_chart().texts.words();
    (!people.is_empty()).then(|| {
        let items = people
            .iter()
            .map(|p| {
                let mut line = String::new();
                words.person(&mut line, p);
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! { <ul class="og-people">{items}</ul> }
    })
}
