//! Values from a data file, quoted in messages (errors and warnings alike).

/// A value from the file, made safe to echo in a message: control and
/// bidirectional-formatting characters become `U+XXXX` (so they can neither
/// hide nor reorder the message), and long values are cut.
pub(crate) fn shown(value: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == MAX_CHARS {
            out.push('…');
            break;
        }
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}');
        if c.is_control() || bidi {
            out.push_str(&format!("U+{:04X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
