//! What a host chooses when it mounts a chart: from `data-*` attributes,
//! from a JS options object (same names), or from the standalone page's query.

use organigramme_core::{ids, InitialView, Lang};
use web_sys::Element;

/// How the chart is presented. Both views render the same core state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Nested lists with disclosure buttons: page content, read in browse
    /// mode. The default.
    #[default]
    List,
    /// A WAI-ARIA APG Tree View: one tab stop, arrow keys do everything.
    Tree,
}

impl Mode {
    /// From an option value: `list` or `tree`.
    pub fn parse(value: &str) -> Option<Mode> {
        match value {
            "list" => Some(Mode::List),
            "tree" => Some(Mode::Tree),
            _ => None,
        }
    }
}

/// How the units are laid out. Both layouts style the same markup: the
/// accessibility tree and the keys are the same in each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Indented nested lists. The default.
    #[default]
    List,
    /// An org chart: cards joined by lines, top-down.
    Chart,
}

impl Layout {
    /// From an option value: `list` or `chart`.
    pub fn parse(value: &str) -> Option<Layout> {
        match value {
            "list" => Some(Layout::List),
            "chart" => Some(Layout::Chart),
            _ => None,
        }
    }
}

/// Where the data comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A JSON file on the page's origin.
    Url(String),
    /// JSON text given inline (a `<script type="application/json">` child,
    /// or the `data` option).
    Inline(String),
}

/// Mount options. The defaults reproduce the DINUM site: a closed outer
/// disclosure with the first level open inside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub source: Source,
    /// Start the outer disclosure open.
    pub open: bool,
    /// The outer button's label; the default in `lang` when `None`.
    pub label: Option<String>,
    /// The title's heading level ("1" to "6") in the host's outline; a
    /// paragraph when `None`.
    pub heading: Option<String>,
    /// How many levels start open: 1 opens the root, showing its sub-units.
    pub depth: u32,
    pub mode: Mode,
    pub layout: Layout,
    /// Whether the toolbar offers the layout switch.
    pub layout_switch: bool,
    /// Whether the toolbar offers the search field.
    pub search: bool,
    /// Before a unit's id in its link's fragment, for a host page that
    /// already uses such ids; empty by default.
    pub link_prefix: String,
    /// The widget's own language; by default the host's nearest `lang`, else French.
    pub lang: Option<Lang>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            source: Source::Url("data/dinum-2024.json".into()),
            open: false,
            label: None,
            heading: None,
            depth: 1,
            mode: Mode::List,
            layout: Layout::List,
            layout_switch: true,
            search: true,
            link_prefix: String::new(),
            lang: None,
        }
    }
}

/// The options a host can set by name, as `data-*` attributes, JS object
/// keys or standalone query parameters (`layout-switch` is `layoutSwitch`
/// in JS, as `dataset` spells it).
pub const NAMES: [&str; 11] =
    ["src", "open", "label", "heading", "depth", "mode", "layout", "layout-switch", "search", "link-prefix", "lang"];

/// What the rendered chart keeps of its options: not the data, which can be
/// large, nor the label, which the frame renders once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Presentation {
    pub initial: InitialView,
    pub mode: Mode,
    pub layout: Layout,
    pub layout_switch: bool,
    pub search: bool,
}

/// An option's key in a JS object, as `dataset` spells a `data-*` name:
/// `layout-switch` is `layoutSwitch`.
fn js_key(name: &str) -> String {
    let mut parts = name.split('-');
    let mut key = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            key.push(first.to_ascii_uppercase());
            key.push_str(chars.as_str());
        }
    }
    key
}

/// A boolean option: present and not "false" or "0".
fn is_on(value: &str) -> bool {
    !matches!(value.trim(), "false" | "0")
}

impl Options {
    pub fn presentation(&self) -> Presentation {
        Presentation {
            initial: InitialView { depth: self.depth.saturating_add(1), open: self.open },
            mode: self.mode,
            layout: self.layout,
            layout_switch: self.layout_switch,
            search: self.search,
        }
    }

    /// Sets one option by name, as attributes, the JS API and the query
    /// string spell them. Unknown names and unreadable values are ignored.
    pub fn set(&mut self, name: &str, value: &str) {
        match name {
            "src" => self.source = Source::Url(value.to_owned()),
            "open" => self.open = is_on(value),
            "label" => self.label = Some(value.to_owned()).filter(|l| !l.trim().is_empty()),
            "heading" => self.heading = Some(value.trim().to_owned()).filter(|l| matches!(l.as_bytes(), [b'1'..=b'6'])),
            "depth" => self.depth = value.trim().parse().unwrap_or(self.depth),
            "mode" => self.mode = Mode::parse(value).unwrap_or(self.mode),
            "layout" => self.layout = Layout::parse(value).unwrap_or(self.layout),
            "layout-switch" => self.layout_switch = is_on(value),
            "search" => self.search = is_on(value),
            // A prefix that would not be safe in an id is ignored.
            "link-prefix" if ids::is_valid_prefix(value.trim()) => self.link_prefix = value.trim().to_owned(),
            "lang" => self.lang = Lang::from_tag(value).or(self.lang),
            _ => {}
        }
    }

    /// From `data-src`, `data-mode`, `data-layout`, `data-layout-switch`,
    /// `data-search`, `data-link-prefix`, `data-lang`, `data-open`, `data-label`, `data-heading` and `data-depth`, or an inline
    /// `<script type="application/json">` child.
    pub fn from_element(element: &Element) -> Options {
        let mut options = Options::default();
        for name in NAMES {
            if let Some(value) = element.get_attribute(&format!("data-{name}")) {
                options.set(name, &value);
            }
        }
        let inline = element.query_selector(":scope > script[type='application/json']").ok().flatten();
        if let Some(script) = inline.filter(|_| !element.has_attribute("data-src")) {
            options.source = Source::Inline(script.text_content().unwrap_or_default());
        }
        options
    }

    /// From a JS object with the same names; `data` holds inline JSON, as a
    /// string or an object.
    pub fn from_js(value: &wasm_bindgen::JsValue) -> Options {
        let mut options = Options::default();
        if !value.is_object() {
            return options;
        }
        for name in NAMES {
            let Ok(v) = js_sys::Reflect::get(value, &js_key(name).into()) else { continue };
            if let Some(b) = v.as_bool() {
                options.set(name, if b { "true" } else { "false" });
            } else if let Some(n) = v.as_f64() {
                // Whole numbers only (`depth: 3`, `open: 0`): formatting
                // any float would cost the bundle a float printer.
                if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
                    options.set(name, &(n as u32).to_string());
                }
            } else if let Some(s) = v.as_string() {
                options.set(name, &s);
            }
        }
        if let Ok(data) = js_sys::Reflect::get(value, &"data".into()) {
            let text = data.as_string().or_else(|| {
                (!data.is_undefined() && !data.is_null())
                    .then(|| js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()))
                    .flatten()
            });
            if let Some(text) = text {
                options.source = Source::Inline(text);
            }
        }
        options
    }

    /// The language for `host`: the option, else the nearest `lang`, else French.
    pub fn lang_for(&self, host: &Element) -> Lang {
        self.lang
            .or_else(|| {
                let nearest = host.closest("[lang]").ok().flatten()?;
                Lang::from_tag(&nearest.get_attribute("lang")?)
            })
            .unwrap_or_default()
    }
}

/// The page's own language tag, to tell whether the widget's differs.
fn page_lang() -> Option<String> {
    let root = web_sys::window()?.document()?.document_element()?;
    root.get_attribute("lang").filter(|l| !l.is_empty()).map(|l| l.to_ascii_lowercase())
}

/// `lang` for what the widget writes in `lang`, when it differs from the page's.
pub fn lang_attribute(lang: Lang) -> Option<&'static str> {
    let page = page_lang();
    let page_primary = page.as_deref().map(|l| l.split('-').next().unwrap_or(l));
    (page_primary != Some(lang.tag())).then_some(lang.tag())
}
