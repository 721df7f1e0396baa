//! Case and accent folding, so that "etat" finds "État" and ids can be
//! derived from French names.

/// Lower-cases and strips the diacritics of Latin letters; Greek and
/// Cyrillic letters are lower-cased only, other characters kept (most
/// scripts have no case). `œ` and `æ` become two letters.
///
/// ```
/// assert_eq!(organigramme_core::fold::fold("Élodie Œuvre"), "elodie oeuvre");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

fn push_folded(c: char, out: &mut String) {
    match base_letter(c) {
        Some(base) => out.push_str(base),
        None => out.push(lower(c)),
    }
}

/// What search compares: [`fold`], plus every apostrophe as `'`, every
/// dash as `-`, and each run of spaces (or control characters) as one
/// space, none at either end. Appends to `out`; `map`, if given, gets for
/// each byte appended the offset in `text` of the character it comes from,
/// so that a match can be marked in the original text.
///
/// ```
/// let mut out = String::new();
/// organigramme_core::fold::fold_search("  L’Œil  –\u{a0}Nord ", &mut out, None);
/// assert_eq!(out, "l'oeil - nord");
/// ```
pub fn fold_search(text: &str, out: &mut String, mut map: Option<&mut Vec<u32>>) {
    let start = out.len();
    let mut space = None;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() || c.is_control() {
            space = space.or(Some(at));
            continue;
        }
        if let Some(space_at) = space.take().filter(|_| out.len() > start) {
            out.push(' ');
            if let Some(map) = map.as_deref_mut() {
                map.push(space_at as u32);
            }
        }
        let before = out.len();
        match c {
            // Most of any text: folds to itself, lower-cased.
            _ if c.is_ascii() && c != '`' => out.push(c.to_ascii_lowercase()),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2BC}' | '`' | '\u{B4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
            _ => push_folded(c, out),
        }
        if let Some(map) = map.as_deref_mut() {
            map.extend(std::iter::repeat_n(at as u32, out.len() - before));
        }
    }
}

/// Lower case for the scripts with case that charts of French
/// administrations use: Latin (ASCII, Latin-1, Extended-A), modern Greek
/// and Cyrillic. The standard library's `to_lowercase` covers every script but
/// brings its tables, about 10 KB of WebAssembly, for a type-ahead.
fn lower(c: char) -> char {
    let u = c as u32;
    let even = u.is_multiple_of(2);
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        0x130 => 0x69,
        0x100..=0x137 | 0x14A..=0x177 if even => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => u + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        0x4C0 => 0x4CF,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => u + 1,
        0x4C1..=0x4CE if !even => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă' | 'Ă' | 'ą' | 'Ą' => "a",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "c",
        'ď' | 'Ď' | 'đ' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě' | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' | 'į' | 'Į' | 'ı' => "i",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'Ō' | 'ő' | 'Ő' => "o",
        'ř' | 'Ř' => "r",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'Ť' | 'ţ' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "z",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return None,
    })
}

/// [`fold_search`] into a string of its own: what two texts are compared
/// by, as search compares them.
pub fn search_form(text: &str) -> String {
    let mut out = String::new();
    fold_search(text, &mut out, None);
    out
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_search, search_form};

    #[test]
    fn search_folding_equates_accents_ligatures_apostrophes_dashes_and_spaces() {
        for (a, b) in [
            ("Élysée", "elysee"),
            ("Œuvre", "oeuvre"),
            ("Cæsar", "caesar"),
            ("l’État", "l'etat"),
            ("l‘etat", "l'etat"),
            ("Île-de-France", "ile-de-france"),
            ("Île–de—France", "ile-de-france"),
            ("Île‑de‐France", "ile-de-france"),
            ("pôle   hyper\tvision", "pole hyper vision"),
            ("pôle\u{a0}\u{202f}hypervision", "pole hypervision"),
            ("\n  Etalab  ", "etalab"),
        ] {
            assert_eq!(search_form(a), b, "{a}");
            assert_eq!(search_form(a), search_form(b), "{a} = {b}");
        }
    }

    /// Each byte of the folded text points back to its character, so that
    /// a match in folded text marks the right part of the original.
    #[test]
    fn search_folding_maps_each_byte_to_its_origin() {
        let text = "Œil  d’État";
        let (mut out, mut map) = (String::new(), Vec::new());
        fold_search(text, &mut out, Some(&mut map));
        assert_eq!(out, "oeil d'etat");
        assert_eq!(map.len(), out.len());
        let origin = |i: usize| &text[map[i] as usize..];
        assert!(origin(0).starts_with('Œ') && origin(1).starts_with('Œ'));
        assert!(origin(4).starts_with("  d"), "the space maps to the run's start");
        assert!(origin(6).starts_with('’'));
        assert!(origin(7).starts_with("État"));
    }

    #[test]
    fn search_folding_appends_without_a_leading_space() {
        let mut out = String::from("x\u{1}");
        fold_search("  a b ", &mut out, None);
        assert_eq!(out, "x\u{1}a b");
    }

    #[test]
    fn folds_french_accents_and_case() {
        assert_eq!(fold("Référentiels, capitalisation"), "referentiels, capitalisation");
        assert_eq!(fold("Yann Brûlé"), "yann brule");
        assert_eq!(fold("ÇA"), "ca");
    }

    #[test]
    fn leaves_other_scripts_lower_cased() {
        assert_eq!(fold("ΑΒΓ"), "αβγ");
        assert_eq!(fold("ПРИВЕТ Ёж"), "привет ёж");
        assert_eq!(fold("日本"), "日本");
    }

    /// `lower` agrees with the standard library on every letter of the
    /// ranges it covers: Latin up to Extended-A, modern Greek, Cyrillic (İ,
    /// whose lower case is two characters, gives i).
    #[test]
    fn lower_case_matches_the_standard_library_on_latin_greek_and_cyrillic() {
        for range in [0x0..=0x17F_u32, 0x386..=0x3CE, 0x400..=0x52F] {
            for c in range.filter_map(char::from_u32) {
                let std: Vec<char> = c.to_lowercase().collect();
                let expected = if c == 'İ' { 'i' } else if std.len() == 1 { std[0] } else { c };
                assert_eq!(super::lower(c), expected, "{c} U+{:04X}", c as u32);
            }
        }
    }
}
