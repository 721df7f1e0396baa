//! The JSON tree the loader reads, and its parser. The tree borrows the
//! file's text wherever a string has no escape, and keeps every array's
//! items and object's members in two lists for the whole file. The parser
//! is written here rather than taken from serde_json, whose parser and
//! messages weighed 6 KB of the widget's gzipped WebAssembly; it places
//! every error where serde_json did (the tests below hold it to serde_json
//! on damaged files), so messages and their line and column stay what
//! users and scripts already know.

use super::{LoadError, SyntaxProblem, MAX_BYTES, MAX_JSON_NESTING};

/// A value of the file in 8 bytes, as the document's lists hold
/// 1,000,000 of them for 100,000 units: its kind and a length share a
/// word, and `start` is where it is (a byte of the text, an entry of one
/// of the document's lists, or one of its decoded strings). Read it with
/// [`Doc::value`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Json {
    kind_len: u32,
    start: u32,
}

/// What a [`Json`] is, in the top bits of its word.
#[derive(Clone, Copy)]
enum Kind {
    Null,
    Bool,
    Number,
    /// A string without escapes: `len` bytes of the text from `start`.
    Text,
    /// A string with escapes, decoded: `Doc::decoded[start]`.
    Decoded,
    /// `len` items of `Doc::items` from `start`.
    Array,
    /// `len` members of `Doc::members` from `start`, in file order,
    /// repeated keys included: [`Doc::get`] reads them as a JSON object
    /// means them.
    Object,
}

const KIND_SHIFT: u32 = 29;
const LEN_MASK: u32 = (1 << KIND_SHIFT) - 1;
// Every length (of a string, or a count of items) fits below the kind, as
// the loader refuses larger files before parsing them; `Json::kind` reads
// the kinds back by these numbers.
const _: () = assert!(MAX_BYTES <= LEN_MASK as usize);
const _: () = assert!(Kind::Text as u32 == 3 && Kind::Decoded as u32 == 4 && Kind::Object as u32 == 6);

// The accessors are inlined even in the size-optimised release: V8's
// baseline tier, which runs a page's first parse, makes every call a call
// (as an enum's fields, they cost the parse nothing).
impl Json {
    #[inline(always)]
    const fn new(kind: Kind, start: usize, len: usize) -> Json {
        debug_assert!(len <= LEN_MASK as usize && start <= u32::MAX as usize);
        Json { kind_len: (kind as u32) << KIND_SHIFT | len as u32, start: start as u32 }
    }

    const NULL: Json = Json::new(Kind::Null, 0, 0);
    const BOOL: Json = Json::new(Kind::Bool, 0, 0);
    const NUMBER: Json = Json::new(Kind::Number, 0, 0);

    #[inline(always)]
    fn kind(self) -> Kind {
        match self.kind_len >> KIND_SHIFT {
            0 => Kind::Null,
            1 => Kind::Bool,
            2 => Kind::Number,
            3 => Kind::Text,
            4 => Kind::Decoded,
            5 => Kind::Array,
            _ => Kind::Object,
        }
    }

    #[inline(always)]
    fn range(self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start + (self.kind_len & LEN_MASK) as usize
    }
}

/// An object's member: its key (a string) and its value.
pub(super) type Member = (Json, Json);

/// A value as the loader reads it.
pub(super) enum Value<'d> {
    Null,
    Bool,
    Number,
    String(&'d str),
    Array(&'d [Json]),
    Object(&'d [Member]),
}

/// A parsed file: its value, and every array's items and every object's
/// members, each array or object a run in one list, so that a chart of
/// 100,000 units costs a few lists, not an allocation per object. Strings
/// stay in the text, unless they hold an escape.
pub(super) struct Doc<'a> {
    text: &'a str,
    pub(super) root: Json,
    items: Vec<Json>,
    members: Vec<Member>,
    decoded: Vec<String>,
}

impl Doc<'_> {
    #[inline(always)]
    pub(super) fn value(&self, json: Json) -> Value<'_> {
        match json.kind() {
            Kind::Null => Value::Null,
            Kind::Bool => Value::Bool,
            Kind::Number => Value::Number,
            Kind::Text => Value::String(&self.text[json.range()]),
            Kind::Decoded => Value::String(&self.decoded[json.start as usize]),
            Kind::Array => Value::Array(&self.items[json.range()]),
            Kind::Object => Value::Object(&self.members[json.range()]),
        }
    }

    /// A member's key.
    pub(super) fn key(&self, member: &Member) -> &str {
        match self.value(member.0) {
            Value::String(key) => key,
            _ => unreachable!("the parser makes every key a string"),
        }
    }

    /// A member of an object: the last one with that key, as JSON parsers
    /// (serde_json's `Value` among them) keep it.
    pub(super) fn get(&self, members: &[Member], key: &str) -> Option<Json> {
        members.iter().rev().find(|m| self.is(m.0, key)).map(|m| m.1)
    }

    /// Whether a key is `key`: its length compared before the text is
    /// sliced (most keys differ in length from the one looked for), then
    /// its bytes, without the character boundaries a `&str` would check.
    #[inline(always)]
    fn is(&self, json: Json, key: &str) -> bool {
        match json.kind() {
            Kind::Text => json.range().len() == key.len() && self.text.as_bytes()[json.range()] == *key.as_bytes(),
            _ => matches!(self.value(json), Value::String(s) if s == key),
        }
    }
}

/// Parses a whole document: one value, then only whitespace.
pub(super) fn parse(text: &str) -> Result<Doc<'_>, LoadError> {
    let mut parser = Parser { text, members: Vec::with_capacity(members_in(text.as_bytes())), ..Parser::default() };
    let parsed = parser.value().and_then(|value| match parser.whitespace() {
        Some(_) => Err(parser.at_next(SyntaxProblem::TrailingCharacters)),
        None => Ok(value),
    });
    match parsed {
        Ok(root) => Ok(Doc { text, root, items: parser.items, members: parser.members, decoded: parser.decoded }),
        Err((problem, end)) => Err(located(text, end, problem)),
    }
}

/// How many members the document's list will hold, read from its colons
/// (those inside strings only make the guess larger), so that the list is
/// allocated once: a list that doubles as it grows holds its old and new
/// buffers at once, and a WebAssembly memory keeps its largest size for
/// good (at 100,000 units, the members weigh 14 MB; the items, a fifth of
/// that, grow as they come). Never more than one per 8 bytes, the least a
/// member with its comma takes (`"id":"a",`): a file whose strings are full
/// of colons does not get a list many times its size, only one that grows.
///
/// Counted a slice at a time: WebAssembly cannot optimise a loop while it
/// runs, so a loop over the whole file in a function called once would run
/// unoptimised throughout, where a function called per slice is optimised
/// after a few (10,000 units: 3.4 ms down to 1.5 in Node's V8).
fn members_in(text: &[u8]) -> usize {
    text.chunks(1 << 14).map(colons).sum::<usize>().min(text.len() / 8)
}

#[inline(never)]
fn colons(slice: &[u8]) -> usize {
    memchr::memchr_iter(b':', slice).count()
}

/// How many bytes of `bytes` come before its first quote, backslash or
/// control byte (all of them if it has none). Read eight bytes at a time:
/// strings are most of a file. In a word, a byte that matches sets its high
/// bit in one of the three masks; a match can also set the bits of bytes
/// above it (a borrow), never below, so the lowest bit set is the first
/// match.
fn plain_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let mut words = bytes.chunks_exact(8);
    let mut plain = 0;
    for word in &mut words {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        let stops = (zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\'))) | (x.wrapping_sub(ONES * 0x20) & !x)) & HIGHS;
        if stops != 0 {
            return plain + stops.trailing_zeros() as usize / 8;
        }
        plain += 8;
    }
    let rest = words.remainder();
    plain + rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len())
}

/// A problem and the byte offset just past the byte it is about.
type Failure = (SyntaxProblem, usize);

#[derive(Default)]
struct Parser<'a> {
    text: &'a str,
    /// The next byte to read.
    at: usize,
    /// Arrays and objects open around `at`.
    depth: usize,
    /// The items and members of the arrays and objects still open, each
    /// moved to its document list once it closes, its own nested ones
    /// having closed before it.
    open_items: Vec<Json>,
    open_members: Vec<Member>,
    items: Vec<Json>,
    members: Vec<Member>,
    decoded: Vec<String>,
}

impl<'a> Parser<'a> {
    /// A problem with the byte last read.
    fn at_last(&self, problem: SyntaxProblem) -> Failure {
        (problem, self.at)
    }

    /// A problem with the byte about to be read (or the end of the file).
    fn at_next(&self, problem: SyntaxProblem) -> Failure {
        (problem, (self.at + 1).min(self.text.len()))
    }

    // Inlined even in the size-optimised release: called for every byte.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline(always)]
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// Skips whitespace and peeks at what follows.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Json, Failure> {
        let Some(first) = self.whitespace() else { return Err(self.at_next(SyntaxProblem::Truncated)) };
        match first {
            b'n' => self.word(b"null").map(|()| Json::NULL),
            b't' => self.word(b"true").map(|()| Json::BOOL),
            b'f' => self.word(b"false").map(|()| Json::BOOL),
            b'-' => {
                self.at += 1;
                self.number().map(|()| Json::NUMBER)
            }
            b'0'..=b'9' => self.number().map(|()| Json::NUMBER),
            b'"' => {
                self.at += 1;
                self.string()
            }
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            _ => Err(self.at_next(SyntaxProblem::ExpectedValue)),
        }
    }

    fn word(&mut self, word: &[u8]) -> Result<(), Failure> {
        self.at += 1;
        self.expect(&word[1..], SyntaxProblem::InvalidWord)
    }

    /// Reads `bytes` exactly; another byte is `wrong`.
    fn expect(&mut self, bytes: &[u8], wrong: SyntaxProblem) -> Result<(), Failure> {
        for &expected in bytes {
            match self.next() {
                None => return Err(self.at_last(SyntaxProblem::Truncated)),
                Some(b) if b != expected => return Err(self.at_last(wrong)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// A number after its sign: read to check its grammar, never its value.
    fn number(&mut self) -> Result<(), Failure> {
        match self.next() {
            None => return Err(self.at_last(SyntaxProblem::Truncated)),
            Some(b'0') => {
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.at_next(SyntaxProblem::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.at_last(SyntaxProblem::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            let start = self.at;
            self.digits();
            if self.at == start {
                let problem = if self.peek().is_some() { SyntaxProblem::InvalidNumber } else { SyntaxProblem::Truncated };
                return Err(self.at_next(problem));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            match self.next() {
                None => return Err(self.at_last(SyntaxProblem::Truncated)),
                Some(b) if b.is_ascii_digit() => self.digits(),
                Some(_) => return Err(self.at_last(SyntaxProblem::InvalidNumber)),
            }
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    /// A string after its opening quote: a range of the text unless it
    /// holds an escape.
    fn string(&mut self) -> Result<Json, Failure> {
        let first = self.at;
        let mut start = self.at;
        let mut owned: Option<String> = None;
        loop {
            // Plain text up to the next quote, backslash or control byte.
            self.at += plain_prefix(&self.text.as_bytes()[self.at..]);
            let Some(b) = self.next() else { return Err(self.at_last(SyntaxProblem::Truncated)) };
            match b {
                b'"' => {
                    return Ok(match owned {
                        None => Json::new(Kind::Text, first, self.at - 1 - first),
                        Some(mut s) => {
                            s.push_str(&self.text[start..self.at - 1]);
                            self.decoded.push(s);
                            Json::new(Kind::Decoded, self.decoded.len() - 1, 0)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[start..self.at - 1]);
                    let c = self.escape()?;
                    s.push(c);
                    start = self.at;
                }
                // The scan stopped at nothing else.
                _ => return Err(self.at_last(SyntaxProblem::ControlCharacter)),
            }
        }
    }

    /// The character an escape stands for, after its backslash.
    fn escape(&mut self) -> Result<char, Failure> {
        let Some(b) = self.next() else { return Err(self.at_last(SyntaxProblem::Truncated)) };
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.at_last(SyntaxProblem::InvalidEscape)),
        })
    }

    /// `\uXXXX`, and a second one when the first is a leading surrogate:
    /// a lone surrogate is no character.
    fn unicode_escape(&mut self) -> Result<char, Failure> {
        let high = self.hex4()?;
        if !(0xD800..=0xDFFF).contains(&high) {
            return Ok(char::from_u32(high).unwrap_or('\u{FFFD}'));
        }
        if high >= 0xDC00 {
            return Err(self.at_last(SyntaxProblem::InvalidEscape));
        }
        self.expect(b"\\u", SyntaxProblem::InvalidEscape)?;
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(self.at_last(SyntaxProblem::InvalidEscape));
        }
        Ok(char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Result<u32, Failure> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.at_last(SyntaxProblem::Truncated));
        };
        self.at += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = (d as char).to_digit(16) else { return Err(self.at_last(SyntaxProblem::InvalidEscape)) };
            n = n * 16 + v;
        }
        Ok(n)
    }

    /// An array or an object, refused past the nesting limit so that no
    /// file can exhaust the stack.
    fn nested(&mut self, inside: fn(&mut Self) -> Result<Json, Failure>) -> Result<Json, Failure> {
        if self.depth == MAX_JSON_NESTING {
            return Err(self.at_next(SyntaxProblem::TooDeep));
        }
        self.depth += 1;
        self.at += 1;
        let value = inside(self)?;
        self.depth -= 1;
        self.at += 1; // the closing bracket, which `inside` stopped at
        Ok(value)
    }

    /// Whether another member follows, after the first: a comma, then
    /// anything but the closing bracket.
    fn another(&mut self, first: bool, close: u8) -> Result<bool, Failure> {
        let Some(b) = self.whitespace() else { return Err(self.at_next(SyntaxProblem::Truncated)) };
        if b == close {
            return Ok(false);
        }
        if first {
            return Ok(true);
        }
        if b != b',' {
            return Err(self.at_next(SyntaxProblem::ExpectedComma));
        }
        self.at += 1;
        match self.whitespace() {
            None => Err(self.at_next(SyntaxProblem::Truncated)),
            Some(b) if b == close => Err(self.at_next(SyntaxProblem::TrailingComma)),
            Some(_) => Ok(true),
        }
    }

    fn array(&mut self) -> Result<Json, Failure> {
        let base = self.open_items.len();
        while self.another(self.open_items.len() == base, b']')? {
            let item = self.value()?;
            self.open_items.push(item);
        }
        let array = Json::new(Kind::Array, self.items.len(), self.open_items.len() - base);
        self.items.extend(self.open_items.drain(base..));
        Ok(array)
    }

    fn object(&mut self) -> Result<Json, Failure> {
        let base = self.open_members.len();
        while self.another(self.open_members.len() == base, b'}')? {
            if self.peek() != Some(b'"') {
                return Err(self.at_next(SyntaxProblem::KeyNotString));
            }
            self.at += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.at_next(SyntaxProblem::ExpectedColon)),
                None => return Err(self.at_next(SyntaxProblem::Truncated)),
            }
            let value = self.value()?;
            self.open_members.push((key, value));
        }
        let object = Json::new(Kind::Object, self.members.len(), self.open_members.len() - base);
        self.members.extend(self.open_members.drain(base..));
        Ok(object)
    }
}

/// The line and column of the byte just before `end`, or of `end` where
/// that byte ends a line (the end of the file after a last line break).
fn located(text: &str, end: usize, problem: SyntaxProblem) -> LoadError {
    let mut at = match end.checked_sub(1) {
        Some(last) if text.as_bytes()[last] != b'\n' => last,
        _ => end,
    };
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let (line, column) = super::line_column(text.as_bytes(), at);
    LoadError::Syntax { line, column, problem }
}

#[cfg(test)]
mod tests {
    use super::{members_in, plain_prefix, Doc, Json, Value};
    use crate::load::{parse, LoadError, Problem, SyntaxProblem};
    use proptest::prelude::*;

    /// What serde_json, the parser this one replaced, says of `text`, in
    /// the loader's terms: the tree with numbers and booleans blanked (the
    /// loader never reads them), or the error at serde_json's place.
    fn serde_json_says(text: &str) -> Option<Result<serde_json::Value, LoadError>> {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) => Some(Ok(blank(value))),
            Err(e) => {
                let full = e.to_string();
                let detail = full.rsplit_once(" at line ").map_or(full.as_str(), |(d, _)| d);
                let problem = match detail {
                    _ if e.is_eof() => SyntaxProblem::Truncated,
                    "trailing comma" => SyntaxProblem::TrailingComma,
                    "recursion limit exceeded" => SyntaxProblem::TooDeep,
                    "key must be a string" => SyntaxProblem::KeyNotString,
                    "expected value" => SyntaxProblem::ExpectedValue,
                    "expected `:`" => SyntaxProblem::ExpectedColon,
                    "expected `,` or `}`" | "expected `,` or `]`" => SyntaxProblem::ExpectedComma,
                    "trailing characters" => SyntaxProblem::TrailingCharacters,
                    "expected ident" => SyntaxProblem::InvalidWord,
                    "invalid number" => SyntaxProblem::InvalidNumber,
                    "invalid escape" | "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
                        SyntaxProblem::InvalidEscape
                    }
                    d if d.starts_with("control character") => SyntaxProblem::ControlCharacter,
                    // A number too large for a float: this parser accepts
                    // it, as JSON's grammar does, since no number is read.
                    "number out of range" => return None,
                    other => panic!("serde_json said {other:?} of {text:?}"),
                };
                // serde_json counts columns in bytes, up to the byte it
                // names; the loader counts the characters before it.
                let line_text = text.split('\n').nth(e.line() - 1).unwrap();
                let mut end = e.column().saturating_sub(1).min(line_text.len());
                while !line_text.is_char_boundary(end) {
                    end -= 1;
                }
                Some(Err(LoadError::Syntax { line: e.line(), column: line_text[..end].chars().count() + 1, problem }))
            }
        }
    }

    fn blank(value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::Bool(_) => Value::Bool(false),
            Value::Number(_) => Value::from(0),
            Value::Array(items) => Value::Array(items.into_iter().map(blank).collect()),
            Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, blank(v))).collect()),
            other => other,
        }
    }

    /// This parser's tree in the same terms, each key's value read as the
    /// loader reads it ([`Doc::get`]: the last one).
    fn as_value(doc: &Doc, json: Json) -> serde_json::Value {
        match doc.value(json) {
            Value::Null => serde_json::Value::Null,
            Value::Bool => serde_json::Value::Bool(false),
            Value::Number => serde_json::Value::from(0),
            Value::String(s) => serde_json::Value::String(s.to_owned()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(|&item| as_value(doc, item)).collect()),
            Value::Object(members) => {
                let mut map = serde_json::Map::new();
                for member in members {
                    let key = doc.key(member);
                    let value = doc.get(members, key).expect("a key of the object");
                    map.insert(key.to_owned(), as_value(doc, value));
                }
                serde_json::Value::Object(map)
            }
        }
    }

    const SEEDS: [&str; 4] = [
        r#"{"title": "Équipe", "root": {"name": "A\"b\\c\/\b\f\n\r\t\u00e9\ud83d\ude00", "children": [{"name": "B"}, {"name": "C", "x-n": [0, -1.5e3, 2E+2, 0.25, true, false, null]}]}}"#,
        "[\n  1,\n  \"deux\",\n  {\"a\": {}, \"b\": []}\n]\n",
        r#"{"a":[[[[{"b":"c"}]]]],"a":"again"}"#,
        "\t\r\n \"😀 é\" ",
    ];

    /// A JSON-ish character: the grammar's own, escapes' letters, digits,
    /// controls and non-ASCII text.
    fn piece() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            '{', '}', '[', ']', '"', ':', ',', '\\', ' ', '\n', '0', '1', '9', '.', '-', '+', 'e', 'E', 'u', 'n', 't', 'f',
            'a', 'l', 's', 'r', '/', 'b', 'D', '8', 'c', '\u{1}', '\u{1f}', '\u{7f}', 'é', '😀',
        ])
    }

    #[derive(Clone, Debug)]
    enum Edit {
        Insert(usize, char),
        Replace(usize, char),
        Remove(usize),
        Cut(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), piece()).prop_map(|(i, c)| Edit::Insert(i, c)),
            (any::<usize>(), piece()).prop_map(|(i, c)| Edit::Replace(i, c)),
            any::<usize>().prop_map(Edit::Remove),
            any::<usize>().prop_map(Edit::Cut),
        ]
    }

    fn apply(seed: &str, edits: &[Edit]) -> String {
        let mut chars: Vec<char> = seed.chars().collect();
        for edit in edits {
            let n = chars.len().max(1);
            match *edit {
                Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
                Edit::Replace(i, c) if !chars.is_empty() => chars[i % n] = c,
                Edit::Remove(i) if !chars.is_empty() => {
                    chars.remove(i % n);
                }
                Edit::Cut(i) => chars.truncate(i % (chars.len() + 1)),
                _ => {}
            }
        }
        chars.into_iter().collect()
    }

    fn agrees_with_serde_json(text: &str) {
        let Some(expected) = serde_json_says(text) else { return };
        let got = super::parse(text).map(|doc| as_value(&doc, doc.root));
        assert_eq!(got, expected, "for {text:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

        #[test]
        fn damaged_files_are_read_and_located_as_serde_json_did(
            seed in prop::sample::select(SEEDS.to_vec()),
            edits in prop::collection::vec(edit(), 1..4),
        ) {
            agrees_with_serde_json(&apply(seed, &edits));
        }
    }

    #[test]
    fn each_kind_of_fault_is_read_as_serde_json_did() {
        for text in [
            "nul", "nulx", "tru", "falsy", "-", "-x", "01", "1.", "1.x", "1e", "1e+", "1ex", "\"abc", "\"\\", "\"\\x\"",
            "\"\\u12\"", "\"\\u12g4\"", "\"\\udc00\"", "\"\\ud800\"", "\"\\ud800\\n\"", "\"\\ud800\\u0041\"", "\"\u{1}\"",
            "[1 2]", "[1,]", "[1,", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{1:2}", "{\"a\":1,2}", "{\"a\"", "[] x",
            "é", "{\"é\": é}", "12345678901234567890123", "12345678901234567890123.", "-0.0e-0",
        ] {
            agrees_with_serde_json(text);
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        agrees_with_serde_json(&deep(127));
        agrees_with_serde_json(&deep(128));
    }

    #[test]
    fn numbers_too_large_for_a_float_are_still_json() {
        assert!(super::parse("[1e400, -1e999999999999]").is_ok());
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        let chart = parse(r#"{"title": "A", "title": "B", "root": {"name": "R", "name": "S"}}"#).unwrap();
        assert_eq!(chart.meta.title, "B");
        assert_eq!(chart[chart.root()].name, "S");
        // The same key written with an escape, before or after.
        let chart = parse(r#"{"title": "T", "root": {"name": "R", "n\u0061me": "S"}}"#).unwrap();
        assert_eq!(chart[chart.root()].name, "S");
        let chart = parse(r#"{"title": "T", "root": {"n\u0061me": "R", "name": "S"}}"#).unwrap();
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

    #[test]
    fn plain_text_stops_where_a_byte_by_byte_scan_does() {
        let naive = |b: &[u8]| b.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20).unwrap_or(b.len());
        let mut runner = proptest::test_runner::TestRunner::default();
        let bytes = proptest::collection::vec(prop_oneof![Just(b'"'), Just(b'\\'), 0u8..0x20, 0x20u8..0x80, 0x80u8..=0xff, Just(b'a')], 0..40);
        runner.run(&bytes, |b| {
            prop_assert_eq!(plain_prefix(&b), naive(&b));
            Ok(())
        }).unwrap();
        // Every position of a stop in and around a word.
        for at in 0..20 {
            for stop in [b'"', b'\\', 0, 0x1f] {
                let mut b = vec![0x7f_u8; 20];
                b[at] = stop;
                assert_eq!(plain_prefix(&b), at, "{stop:#x} at {at}");
            }
        }
    }

    #[test]
    fn the_members_are_allocated_once_from_the_colons() {
        let text = r#"{"title": "T", "root": {"name": "A : B", "children": [{"name": "C"}, {"name": "D", "people": [{"name": "E"}]}]}}"#;
        let doc = super::parse(text).unwrap();
        // One colon is in a string: one member more than needed, never fewer.
        assert_eq!(members_in(text.as_bytes()), 9);
        assert_eq!(doc.members.len(), 8);
        assert_eq!(doc.members.capacity(), 9, "the list grew");
        // A string of colons: the guess stays within one member per 8 bytes.
        let text = format!(r#"{{"title": "{}"}}"#, ":".repeat(10_000));
        let doc = super::parse(&text).unwrap();
        assert_eq!(doc.members.len(), 1);
        assert!(doc.members.capacity() <= text.len() / 8, "{}", doc.members.capacity());
    }
}
