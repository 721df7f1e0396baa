//! Keys become actions. Views translate their key events into [`Key`] and
//! [`Modifiers`]; this table decides, so each view behaves the same way.

use crate::action::Action;

/// The keys a chart reacts to, whatever the platform calls them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    ArrowDown,
    ArrowUp,
    ArrowLeft,
    ArrowRight,
    Home,
    End,
    Enter,
    Space,
    /// A printable character, for type-ahead.
    Char(char),
}

impl Key {
    /// The same key in right-to-left text, where Left and Right swap.
    pub fn mirrored(self) -> Key {
        match self {
            Key::ArrowLeft => Key::ArrowRight,
            Key::ArrowRight => Key::ArrowLeft,
            other => other,
        }
    }

    /// From a DOM `KeyboardEvent.key` value.
    pub fn from_dom(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowDown" => Key::ArrowDown,
            "ArrowUp" => Key::ArrowUp,
            "ArrowLeft" => Key::ArrowLeft,
            "ArrowRight" => Key::ArrowRight,
            "Home" => Key::Home,
            "End" => Key::End,
            "Enter" => Key::Enter,
            " " => Key::Space,
            _ => {
                let mut chars = key.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => Key::Char(c),
                    _ => return None,
                }
            }
        })
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
    pub shift: bool,
}

impl Modifiers {
    /// Ctrl, Alt or Meta: the key belongs to the browser or the platform.
    pub fn has_command(self) -> bool {
        self.ctrl || self.alt || self.meta
    }
}

/// The list view: nested lists whose branches have disclosure buttons. It
/// adds the APG disclosure-navigation keys to what buttons do natively
/// (Enter and Space click them, so they are not handled here).
pub fn list_action(key: Key, modifiers: Modifiers) -> Option<Action> {
    if modifiers.has_command() || modifiers.shift {
        return None;
    }
    match key {
        Key::ArrowDown => Some(Action::FocusNext),
        Key::ArrowUp => Some(Action::FocusPrev),
        Key::Home => Some(Action::FocusFirst),
        Key::End => Some(Action::FocusLast),
        _ => None,
    }
}

/// The tree view: the APG Tree View keys. Every visible unit is an item.
pub fn tree_action(key: Key, modifiers: Modifiers, at_ms: u64) -> Option<Action> {
    if modifiers.has_command() {
        return None;
    }
    if let Key::Char(c) = key {
        return Some(if c == '*' { Action::ExpandSiblings } else { Action::TypeAhead { c, at_ms } });
    }
    if modifiers.shift {
        return None;
    }
    Some(match key {
        Key::ArrowDown => Action::FocusNext,
        Key::ArrowUp => Action::FocusPrev,
        Key::ArrowRight => Action::ExpandOrFocusChild,
        Key::ArrowLeft => Action::CollapseOrFocusParent,
        Key::Home => Action::FocusFirst,
        Key::End => Action::FocusLast,
        Key::Enter | Key::Space => Action::Activate,
        Key::Char(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers { ctrl: false, alt: false, meta: false, shift: false };

    #[test]
    fn list_view_key_table() {
        assert_eq!(list_action(Key::ArrowDown, NONE), Some(Action::FocusNext));
        assert_eq!(list_action(Key::ArrowUp, NONE), Some(Action::FocusPrev));
        assert_eq!(list_action(Key::Home, NONE), Some(Action::FocusFirst));
        assert_eq!(list_action(Key::End, NONE), Some(Action::FocusLast));
    }

    #[test]
    fn list_view_leaves_native_and_modified_keys_alone() {
        for key in [Key::Enter, Key::Space, Key::ArrowLeft, Key::ArrowRight, Key::Char('a')] {
            assert_eq!(list_action(key, NONE), None, "{key:?}");
        }
        for modifiers in [
            Modifiers { ctrl: true, ..NONE },
            Modifiers { alt: true, ..NONE },
            Modifiers { meta: true, ..NONE },
            Modifiers { shift: true, ..NONE },
        ] {
            assert_eq!(list_action(Key::Home, modifiers), None, "{modifiers:?}");
        }
    }

    #[test]
    fn tree_view_key_table() {
        let cases = [
            (Key::ArrowDown, Action::FocusNext),
            (Key::ArrowUp, Action::FocusPrev),
            (Key::ArrowRight, Action::ExpandOrFocusChild),
            (Key::ArrowLeft, Action::CollapseOrFocusParent),
            (Key::Home, Action::FocusFirst),
            (Key::End, Action::FocusLast),
            (Key::Enter, Action::Activate),
            (Key::Space, Action::Activate),
            (Key::Char('*'), Action::ExpandSiblings),
            (Key::Char('e'), Action::TypeAhead { c: 'e', at_ms: 7 }),
        ];
        for (key, action) in cases {
            assert_eq!(tree_action(key, NONE, 7), Some(action), "{key:?}");
        }
    }

    #[test]
    fn tree_view_ignores_command_keys_and_shifted_arrows() {
        for m in [Modifiers { ctrl: true, ..NONE }, Modifiers { alt: true, ..NONE }, Modifiers { meta: true, ..NONE }] {
            assert_eq!(tree_action(Key::Char('e'), m, 0), None);
            assert_eq!(tree_action(Key::ArrowDown, m, 0), None);
        }
        let shift = Modifiers { shift: true, ..NONE };
        assert_eq!(tree_action(Key::ArrowDown, shift, 0), None);
        assert_eq!(tree_action(Key::Char('E'), shift, 0), Some(Action::TypeAhead { c: 'E', at_ms: 0 }));
    }

    #[test]
    fn right_to_left_swaps_left_and_right_only() {
        assert_eq!(Key::ArrowLeft.mirrored(), Key::ArrowRight);
        assert_eq!(Key::ArrowRight.mirrored(), Key::ArrowLeft);
        assert_eq!(Key::ArrowDown.mirrored(), Key::ArrowDown);
    }

    #[test]
    fn dom_key_names() {
        assert_eq!(Key::from_dom("ArrowDown"), Some(Key::ArrowDown));
        assert_eq!(Key::from_dom(" "), Some(Key::Space));
        assert_eq!(Key::from_dom("é"), Some(Key::Char('é')));
        assert_eq!(Key::from_dom("Tab"), None);
        assert_eq!(Key::from_dom("Shift"), None);
    }
}
