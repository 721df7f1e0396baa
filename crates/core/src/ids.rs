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
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
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
