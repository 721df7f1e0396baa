//! The link allow-list: `https:`, `http:`, `mailto:` and relative URLs.

/// True when a data file's `url` may become a link.
///
/// ```
/// use organigramme_core::url::is_allowed_url;
/// assert!(is_allowed_url("https://beta.gouv.fr"));
/// assert!(is_allowed_url("/annuaire#ace"));
/// assert!(!is_allowed_url("JavaScript:alert(1)"));
/// assert!(!is_allowed_url(" https://x.fr"));
/// ```
pub fn is_allowed_url(url: &str) -> bool {
    // Browsers strip leading blanks and control characters before reading
    // the scheme, so anything of the kind is refused rather than guessed at.
    if url.is_empty() || url.chars().any(|c| c.is_ascii_control()) || url.trim() != url {
        return false;
    }
    match scheme(url) {
        None => true,
        Some(s) => ["https", "http", "mailto"].iter().any(|ok| s.eq_ignore_ascii_case(ok)),
    }
}

/// The scheme as RFC 3986 spells it: a letter, then letters, digits, `+`,
/// `-` or `.`, then `:`.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::is_allowed_url;

    #[test]
    fn allows_web_mail_and_relative_links() {
        for url in ["http://a.fr", "HTTPS://A.FR", "mailto:a@b.fr", "page.html", "?q=1", "#x", "//cdn.fr/x", "a/b:c"] {
            assert!(is_allowed_url(url), "{url}");
        }
    }

    #[test]
    fn refuses_script_and_other_schemes() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "vbscript:x", "ftp://x", " http://x", "java\tscript:x", ""] {
            assert!(!is_allowed_url(url), "{url:?}");
        }
    }
}
