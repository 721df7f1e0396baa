//! Unit ids: the rule they follow, and the ones derived from names.

use crate::fold::fold;

/// Longest id accepted, and longest id derived.
pub const MAX_ID_LEN: usize = 128;

/// 1 to 128 ASCII letters, digits, `-`, `_` or `.`, starting with a letter or
/// a digit: unique in a chart and safe in a URL fragment and a DOM id.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_ID_LEN
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|&b| is_id_byte(b))
}

/// A letter, a digit, `-`, `_` or `.`: what ids and link prefixes are made of.
fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// Longest link prefix a host may give.
pub const MAX_PREFIX_LEN: usize = 64;

/// A link prefix (`data-link-prefix`): up to 64 of the characters ids use,
/// or nothing, so that a prefixed id is still safe in a URL and a DOM id.
pub fn is_valid_prefix(prefix: &str) -> bool {
    prefix.len() <= MAX_PREFIX_LEN && prefix.bytes().all(is_id_byte)
}

/// The unit id a URL fragment (`#` and all, as `location.hash` gives it)
/// names with `prefix` before it: percent-escapes decoded, then checked as
/// an id. Anything else, however long or strange, names nothing.
///
/// ```
/// use organigramme_core::ids::id_in_fragment;
/// assert_eq!(id_in_fragment("#og-etalab", "og-").as_deref(), Some("etalab"));
/// assert_eq!(id_in_fragment("#etalab%2Ddatalab", "").as_deref(), Some("etalab-datalab"));
/// assert_eq!(id_in_fragment("#<script>", ""), None);
/// ```
pub fn id_in_fragment(fragment: &str, prefix: &str) -> Option<String> {
    let encoded = fragment.strip_prefix('#').unwrap_or(fragment);
    // Each character of an id takes at most 3 bytes escaped.
    if encoded.len() > 3 * (MAX_PREFIX_LEN + MAX_ID_LEN) {
        return None;
    }
    let mut decoded = Vec::with_capacity(encoded.len());
    let mut bytes = encoded.bytes();
    while let Some(b) = bytes.next() {
        decoded.push(match b {
            b'%' => {
                let hex = |d: Option<u8>| char::from(d?).to_digit(16);
                (hex(bytes.next())? * 16 + hex(bytes.next())?) as u8
            }
            _ => b,
        });
    }
    let id = std::str::from_utf8(&decoded).ok()?.strip_prefix(prefix)?;
    is_valid_id(id).then(|| id.to_owned())
}

/// A readable id fragment for a name: "Brigade d’intervention" becomes
/// "brigade-d-intervention". Never empty.
///
/// ```
/// assert_eq!(organigramme_core::ids::slug("Mission  Budget et achats"), "mission-budget-et-achats");
/// assert_eq!(organigramme_core::ids::slug("« ! »"), "unite");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    let cut = &trimmed[..trimmed.len().min(40)];
    match cut.trim_end_matches('-') {
        "" => "unite".to_owned(),
        s => s.to_owned(),
    }
}

/// The id derived from the path of names below the root, such as
/// `appui-conseil-et-expertise.brigade-d-intervention-numerique`; the root's
/// own is its slug. Keeps the nearest segments when the path is too long.
pub fn path_id(segments: &[String]) -> String {
    let mut id = String::new();
    for seg in segments.iter().rev() {
        let extra = if id.is_empty() { seg.len() } else { seg.len() + 1 };
        if !id.is_empty() && id.len() + extra > MAX_ID_LEN - 8 {
            break;
        }
        id = if id.is_empty() { seg.clone() } else { format!("{seg}.{id}") };
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_name_a_unit_only_with_the_prefix_and_a_valid_id() {
        assert_eq!(id_in_fragment("#etalab", "").as_deref(), Some("etalab"));
        assert_eq!(id_in_fragment("etalab", "").as_deref(), Some("etalab"));
        assert_eq!(id_in_fragment("#org-etalab", "org-").as_deref(), Some("etalab"));
        assert_eq!(id_in_fragment("#%6F%72%67-etalab", "org-").as_deref(), Some("etalab"));
        assert_eq!(id_in_fragment("#etalab", "org-"), None, "the prefix is missing");
        assert_eq!(id_in_fragment("#org-", "org-"), None, "nothing after the prefix");
        assert_eq!(id_in_fragment("#", ""), None);
        assert_eq!(id_in_fragment("", ""), None);
    }

    /// Hostile fragments: long, with encoded control characters, markup or
    /// script, broken or non-UTF-8 escapes. None names a unit or panics.
    #[test]
    fn hostile_fragments_name_nothing() {
        let long = format!("#{}", "a".repeat(100_000));
        let encoded_long = format!("#{}", "%61".repeat(200));
        for fragment in [
            long.as_str(),
            encoded_long.as_str(),
            "#etalab%00",
            "#etalab%0A",
            "#%0D%0Aetalab",
            "#<script>alert(1)</script>",
            "#%3Cscript%3E",
            "#javascript:alert(1)",
            "#etalab%",
            "#etalab%4",
            "#etalab%G1",
            "#%FF%FE",
            "#%C3%A9",
            "#é",
            "#etalab datalab",
            "#../etalab",
        ] {
            assert_eq!(id_in_fragment(fragment, ""), None, "{fragment:.40}");
        }
        // The longest valid id, escaped, is still read.
        let id = "a".repeat(MAX_ID_LEN);
        assert_eq!(id_in_fragment(&format!("#{}", "%61".repeat(MAX_ID_LEN)), "").as_deref(), Some(id.as_str()));
    }

    #[test]
    fn prefixes_are_short_and_fragment_safe() {
        assert!(is_valid_prefix(""));
        assert!(is_valid_prefix("organigramme-"));
        assert!(is_valid_prefix("og_2."));
        assert!(!is_valid_prefix("a b"));
        assert!(!is_valid_prefix("x\"y"));
        assert!(!is_valid_prefix("é-"));
        assert!(!is_valid_prefix(&"a".repeat(MAX_PREFIX_LEN + 1)));
    }

    #[test]
    fn accepts_fragment_safe_ids() {
        assert!(is_valid_id("ace-brigade_2.0"));
        assert!(is_valid_id("7"));
    }

    #[test]
    fn refuses_unsafe_ids() {
        for id in ["", "-a", "a b", "a#b", "é", "a/b", &"a".repeat(129)] {
            assert!(!is_valid_id(id), "{id:?}");
        }
    }

    #[test]
    fn derived_ids_are_valid_even_for_long_paths() {
        let segments: Vec<String> = (0..20).map(|i| slug(&format!("Pôle numéro {i} des affaires"))).collect();
        let id = path_id(&segments);
        assert!(is_valid_id(&id), "{id}");
        assert!(id.ends_with("pole-numero-19-des-affaires"));
    }
}
