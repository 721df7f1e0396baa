//! Type-ahead: printable keys move focus to the next item whose name starts
//! with what was typed. Time is passed in; the core has no clock.

use crate::chart::{Chart, UnitId};
use crate::fold::fold;

/// Silence after which the typed string starts again, in milliseconds.
pub const RESET_AFTER_MS: u64 = 500;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeAhead {
    buffer: String,
    last_at: Option<u64>,
}

impl TypeAhead {
    /// Adds a typed character at time `now` (ms) and returns the folded
    /// string to search for.
    pub fn push(&mut self, c: char, now: u64) -> &str {
        if self.last_at.is_none_or(|last| now.saturating_sub(last) > RESET_AFTER_MS || now < last) {
            self.buffer.clear();
        }
        self.last_at = Some(now);
        self.buffer.push_str(&fold(&c.to_string()));
        &self.buffer
    }
}

/// Whether the unit's name starts with `folded` (already case- and
/// accent-folded).
pub fn matches(chart: &Chart, unit: UnitId, folded: &str) -> bool {
    fold(&chart[unit].name).starts_with(folded)
}

/// The item to focus for the typed `text`, searching the visible items (the
/// `first` and each one's `next`, as the view's navigation orders them) from
/// `from`, wrapping around. Repeating one character cycles through the
/// items starting with it; a longer string first tries the current item, so
/// that typing on goes on refining the same match.
pub fn search(
    chart: &Chart,
    text: &str,
    from: Option<UnitId>,
    first: Option<UnitId>,
    next: impl Fn(UnitId) -> Option<UnitId>,
) -> Option<UnitId> {
    let mut chars = text.chars();
    let head = chars.next()?;
    let repeated = chars.all(|c| c == head);
    let (needle, include_current) = if repeated { (&text[..head.len_utf8()], false) } else { (text, true) };
    let start = match from {
        Some(f) if include_current => Some(f),
        Some(f) => next(f).or(first),
        None => first,
    }?;
    let after = std::iter::successors(Some(start), |&u| next(u));
    let wrapped = std::iter::successors(first, |&u| next(u)).take_while(|&u| u != start);
    after.chain(wrapped).find(|&u| matches(chart, u, needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buffer_resets_after_silence() {
        let mut t = TypeAhead::default();
        assert_eq!(t.push('E', 0), "e");
        assert_eq!(t.push('t', 300), "et");
        assert_eq!(t.push('a', 799), "eta");
        assert_eq!(t.push('R', 1300), "r");
    }

    #[test]
    fn accents_fold_as_typed() {
        let mut t = TypeAhead::default();
        assert_eq!(t.push('É', 0), "e");
    }
}
