//! Isolating text from the data inside a line, without an element.
//!
//! A right-to-left word, or a directional control left open, in a person's
//! role would reorder the rest of its line ("Chef : Name"). An element with
//! `unicode-bidi: isolate` prevents it, at the cost of a node per person;
//! the same isolation is written in the text instead, with FIRST STRONG
//! ISOLATE and POP DIRECTIONAL ISOLATE (Unicode's bidirectional algorithm,
//! UAX #9), and only where the text needs it, as ICU's and Closure's bidi
//! formatters do: plain French or English text gets no invisible characters
//! to copy or to announce.

/// FIRST STRONG ISOLATE: the text between it and [`PDI`] takes its own
/// direction and cannot reorder its neighbours.
const FSI: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE: ends the isolate, and any embedding or override
/// the text left open.
const PDI: char = '\u{2069}';

/// Whether `text` could reorder what follows it on its line: it holds a
/// right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their
/// presentation forms) or a directional mark, embedding, override or
/// isolate.
pub fn needs_isolation(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{0590}'..='\u{08FF}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFE}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}')
    })
}

/// Appends `text`, between [`FSI`] and [`PDI`] when it needs isolation.
pub fn push_isolated(out: &mut String, text: &str) {
    isolate_if(out, needs_isolation(text), |out| out.push_str(text));
}

/// Appends what `write` writes, between [`FSI`] and [`PDI`] if `isolate`.
pub fn isolate_if(out: &mut String, isolate: bool, write: impl FnOnce(&mut String)) {
    if isolate {
        out.push(FSI);
    }
    write(out);
    if isolate {
        out.push(PDI);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isolated(text: &str) -> String {
        let mut out = String::new();
        push_isolated(&mut out, text);
        out
    }

    #[test]
    fn left_to_right_text_is_left_as_it_is() {
        for text in ["Cheffe de pôle", "Chef d’équipe – adjoint", "Ελληνικά", "日本語", ""] {
            assert_eq!(isolated(text), text);
        }
    }

    #[test]
    fn right_to_left_letters_and_directional_controls_are_isolated() {
        for text in ["مديرة", "מנהלת", "Chef \u{202e}adjoint", "\u{202d}x", "a\u{200f}", "\u{2067}x\u{2069}", "\u{FEFC}"] {
            assert_eq!(isolated(text), format!("\u{2068}{text}\u{2069}"), "{text:?}");
        }
    }
}
