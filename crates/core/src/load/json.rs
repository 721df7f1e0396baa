//! The JSON tree the loader reads. serde_json parses it, so every syntax
//! error keeps its place and its words; the tree borrows the file's text
//! wherever a string has no escape, and keeps an object's members in a
//! plain list. serde_json's own `Value` copies every string and holds each
//! object in a B-tree: several times the file's size for a large chart.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

#[derive(Debug)]
pub(super) enum Json<'a> {
    Null,
    Bool,
    Number,
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in file order, repeated keys included: [`Json::get`] and
    /// [`Json::keys`] read them as a JSON object means them.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// A member of an object: the last one with that key, as JSON parsers
    /// (serde_json's `Value` among them) keep it.
    pub(super) fn get<'s>(members: &'s [(Cow<'a, str>, Json<'a>)], key: &str) -> Option<&'s Json<'a>> {
        members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The keys of an object in sorted order, each once, as serde_json's
    /// `Value` listed them: which unknown key is named first stays the same.
    pub(super) fn keys<'s>(members: &'s [(Cow<'a, str>, Json<'a>)]) -> Vec<&'s str> {
        let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool)
    }

    // Numbers are never read, only refused where a text is expected.
    fn visit_u64<E>(self, _: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Json<'de>, E> {
        Ok(Json::Number)
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            members.push((key.0, map.next_value()?));
        }
        Ok(Json::Object(members))
    }
}

/// An object's key, borrowed when it has no escape.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(s.to_owned())))
    }
}

#[cfg(test)]
mod tests {
    use crate::load::{parse, LoadError, Problem};

    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        let chart = parse(r#"{"title": "A", "title": "B", "root": {"name": "R", "name": "S"}}"#).unwrap();
        assert_eq!(chart.meta.title, "B");
        assert_eq!(chart[chart.root()].name, "S");
    }

    #[test]
    fn of_several_unknown_keys_the_first_in_sorted_order_is_named() {
        let err = parse(r#"{"title": "T", "root": {"name": "R", "zeta": 1, "alpha": 2}}"#).unwrap_err();
        assert_eq!(err, LoadError::Invalid { path: "root.alpha".into(), problem: Problem::UnknownField("alpha".into()) });
    }

    #[test]
    fn escaped_strings_are_read_whole() {
        let chart = parse(r#"{"title": "T", "root": {"name": "Caf\u00e9 \"Ô\" \\ \ud83d\ude00", "kind": "\t"}}"#).unwrap();
        assert_eq!(chart[chart.root()].name, "Café \"Ô\" \\ 😀");
        assert_eq!(chart[chart.root()].kind, None, "a blank text is absent");
    }
}
