use crate::context::use_chart;
use leptos::prelude::*;
use organigramme_core::Person;

/// The people of a unit, each with their role: "Chef du département : …".
#[component]
pub fn People(people: Vec<Person>) -> impl IntoView {
    let separator = use_chart().texts.role_separator();
    (!people.is_empty()).then(|| {
        let items = people
            .into_iter()
            .map(|p| {
                let role = p.role.map(|r| view! { <span class="og-role">{r}</span>{separator} });
                // Last in its line, as in the units' markup: an override in
                // the name has nothing after it to reorder.
                view! { <li>{role}{p.name}</li> }
            })
            .collect_view();
        view! { <ul class="og-people">{items}</ul> }
    })
}
