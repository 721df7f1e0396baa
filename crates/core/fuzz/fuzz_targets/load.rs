//! Bytes → chart or error: the loader must never panic, whatever it is fed.
//! When a file loads, the view state built over it must hold up too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigramme_core::{parse_bytes, reduce, Action, InitialView, Items, Lang, ViewState};

fuzz_target!(|data: &[u8]| {
    match parse_bytes(data) {
        Err(error) => {
            let _ = error.message(Lang::Fr);
            let _ = error.message(Lang::En);
        }
        Ok(chart) => {
            for warning in &chart.warnings {
                let _ = warning.message(Lang::En);
            }
            let mut view = ViewState::new(&chart, InitialView { depth: 2, open: true });
            for (i, action) in [Action::ExpandAll, Action::FocusLast, Action::CollapseOrFocusParent, Action::CollapseAll, Action::FocusFirst]
                .into_iter()
                .enumerate()
            {
                let items = if i % 2 == 0 { Items::All } else { Items::Branches };
                let _ = reduce(&mut view, &chart, items, action);
            }
        }
    }
});
