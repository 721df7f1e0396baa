//! The widget's frame around its units, as markup: the outer disclosure,
//! the title, the toolbar and its search, the status, the scrolling region,
//! the tree view's details region and the footer. The widget inserts it in
//! one go when it mounts, as it does the units, and the static fallback
//! (`fallback`) is the same text: one writer, so the two cannot drift.
//!
//! The frame's buttons carry `data-control`, which the widget's one click
//! listener reads ([`Control`]); what changes afterwards (`aria-expanded`,
//! `aria-pressed`, the status, the details) the widget patches in place.

use crate::chart::{Chart, UnitId};
use crate::markup::{about, escape, Ids, Part, Style};
use crate::texts::Texts;

/// What a frame's button does, as its `data-control` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Disclosure,
    LayoutList,
    LayoutChart,
    ZoomOut,
    ZoomIn,
    ZoomFit,
    ExpandAll,
    CollapseAll,
    Print,
    /// The details region's "Copier le lien".
    CopyLink,
}

const CONTROLS: [(Control, &str); 10] = [
    (Control::Disclosure, "disclosure"),
    (Control::LayoutList, "layout-list"),
    (Control::LayoutChart, "layout-chart"),
    (Control::ZoomOut, "zoom-out"),
    (Control::ZoomIn, "zoom-in"),
    (Control::ZoomFit, "zoom-fit"),
    (Control::ExpandAll, "expand-all"),
    (Control::CollapseAll, "collapse-all"),
    (Control::Print, "print"),
    (Control::CopyLink, "copy-link"),
];

impl Control {
    pub fn name(self) -> &'static str {
        CONTROLS.iter().find(|(c, _)| *c == self).map_or("", |(_, name)| name)
    }

    pub fn parse(name: &str) -> Option<Control> {
        CONTROLS.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
    }
}

pub struct Frame<'a> {
    pub chart: &'a Chart,
    pub texts: Texts,
    pub ids: &'a Ids,
    /// The list (disclosure buttons) or the APG tree, with its details region.
    pub style: Style,
    /// The chart layout rather than the list: the layout switch's state.
    pub chart_layout: bool,
    pub layout_switch: bool,
    /// Whether the toolbar has the search field.
    pub search: bool,
    /// Whether the outer disclosure starts open.
    pub open: bool,
    /// The outer disclosure's text, if not the default.
    pub label: Option<&'a str>,
    /// The title's heading level, where the host gives one (its outline is
    /// the host's to know); else the title is a paragraph that names the region.
    pub heading: Option<&'a str>,
}

impl Frame<'_> {
    /// Everything inside the widget's root element, around `units` (the
    /// root's item, as `markup` writes it).
    pub fn html(&self, units: &str) -> String {
        let (chart, texts, ids) = (self.chart, self.texts, self.ids);
        let meta = &chart.meta;
        // The data's language, where it is not the widget's.
        let ui = texts.0.tag();
        let data_lang = meta.lang.as_deref().filter(|l| !l.split('-').next().unwrap_or("").eq_ignore_ascii_case(ui));
        let data_lang = data_lang.map_or(String::new(), |l| {
            let mut attribute = String::from(" lang=\"");
            escape(&mut attribute, l);
            attribute + "\""
        });
        let mut out = String::with_capacity(units.len() + 4096);
        // Links refused by the loader: the chart shows, and says what it dropped.
        if !chart.warnings.is_empty() {
            out.push_str("<div class=\"og-warnings\" role=\"alert\">");
            for w in &chart.warnings {
                out.push_str("<p>");
                escape(&mut out, &w.message(texts.0));
                out.push_str("</p>");
            }
            out.push_str("</div>");
        }
        let (open, region, title) = (self.open, ids.frame(Part::Region), ids.frame(Part::Title));
        out.push_str(&format!(
            "<button type=\"button\" class=\"og-disclosure\" id=\"{}\" data-control=\"disclosure\" aria-controls=\"{region}\" aria-expanded=\"{open}\">",
            ids.frame(Part::Disclosure)
        ));
        escape(&mut out, self.label.unwrap_or(texts.disclosure_label()));
        out.push_str(&format!("</button><div class=\"og-chart\" id=\"{region}\"{}>", if open { "" } else { " hidden=\"until-found\"" }));
        out.push_str(&format!("<p class=\"og-title\" id=\"{title}\"{data_lang}"));
        if let Some(level) = self.heading {
            out.push_str(" role=\"heading\" aria-level=\"");
            escape(&mut out, level);
            out.push('"');
        }
        out.push('>');
        escape(&mut out, &meta.title);
        out.push_str("</p>");
        self.toolbar(&mut out);
        // A wide chart scrolls in its own region, named by the title: the
        // same element in both layouts, so that the accessibility tree is
        // the same.
        let tree = self.style == Style::Tree;
        if tree {
            out.push_str("<div class=\"og-treeview\">");
        }
        out.push_str(&format!(
            "<div class=\"og-scroller\" id=\"{}\" role=\"region\" aria-labelledby=\"{title}\"><ul{} class=\"og-tree\" aria-labelledby=\"{title}\"{data_lang}>",
            ids.frame(Part::Scroller),
            if tree { " role=\"tree\"" } else { "" }
        ));
        out.push_str(units);
        out.push_str("</ul></div>");
        if tree {
            out.push(' ');
            self.details(&mut out);
            out.push_str("</div>");
        }
        // The date and the source are independent: either may be missing.
        if meta.updated.is_some() || meta.source.is_some() {
            out.push_str("<p class=\"og-footer\">");
            if let Some(date) = &meta.updated {
                escape(&mut out, &texts.dated(date));
            }
            if let Some(source) = &meta.source {
                if meta.updated.is_some() {
                    out.push_str(" · ");
                }
                out.push_str("<a href=\"");
                escape(&mut out, source);
                out.push_str("\">");
                out.push_str(texts.source());
                out.push_str("</a>");
            }
            out.push_str("</p>");
        }
        out.push_str("</div>");
        out
    }

    /// The search, how the chart is shown (the layout switch, the text
    /// size), then what it shows ("Tout déplier", "Tout replier"), printing
    /// it whole, and the polite status that says what they changed.
    fn toolbar(&self, out: &mut String) {
        let (texts, ids) = (self.texts, self.ids);
        out.push_str("<div class=\"og-toolbar\">");
        // A form, which it never submits: Chromium's autofill, at each
        // change of a field outside any form, looks through the whole
        // document for others (about 45 ms a keystroke with 100,000 units
        // open), and only through the form otherwise. The results panel
        // floats over the chart, hidden until there are results.
        if self.search {
            let (field, hint) = (ids.frame(Part::Search), ids.frame(Part::SearchHint));
            out.push_str("<form class=\"og-search\" role=\"search\" aria-label=\"");
            escape(out, &texts.search_landmark(&self.chart.meta.title));
            out.push_str(&format!(
                "\"><label class=\"og-search__label\" for=\"{field}\">{}</label><input type=\"search\" class=\"og-search__field\" id=\"{field}\" aria-describedby=\"{hint}\" autocomplete=\"off\" spellcheck=\"false\"><p class=\"og-search__hint\" id=\"{hint}\">{}</p><p class=\"og-search__status\" role=\"status\"></p><div class=\"og-results-panel\" hidden=\"\"></div></form>",
                texts.search_label(),
                texts.search_hint()
            ));
        }
        // A fieldset and its legend: the switch is one group, named, in HTML.
        if self.layout_switch {
            out.push_str(&format!("<fieldset class=\"og-group\"><legend>{}</legend>", texts.layout()));
            for (control, label, pressed) in [
                (Control::LayoutList, texts.layout_list(), !self.chart_layout),
                (Control::LayoutChart, texts.layout_chart(), self.chart_layout),
            ] {
                button(out, control, label, Some(pressed));
            }
            out.push_str("</fieldset>");
        }
        // The size, in both layouts: the same controls, so that the switch
        // changes neither the accessibility tree nor the focus order.
        out.push_str(&format!("<fieldset class=\"og-group\"><legend>{}</legend>", texts.zoom()));
        button(out, Control::ZoomOut, texts.zoom_out(), None);
        button(out, Control::ZoomIn, texts.zoom_in(), None);
        button(out, Control::ZoomFit, texts.zoom_fit(), None);
        out.push_str("</fieldset>");
        button(out, Control::ExpandAll, texts.expand_all(), None);
        button(out, Control::CollapseAll, texts.collapse_all(), None);
        button(out, Control::Print, texts.print(), None);
        out.push_str("</div><p class=\"og-status\" role=\"status\"></p>");
    }

    /// The tree view's details region: the current unit's description,
    /// people and link. It follows focus silently (it is not a live region).
    fn details(&self, out: &mut String) {
        let title = self.ids.frame(Part::DetailsTitle);
        out.push_str(&format!(
            "<section class=\"og-details\" aria-labelledby=\"{title}\"><p class=\"og-details__title\" id=\"{title}\">{}</p>",
            self.texts.details_title()
        ));
        out.push_str(&details_body(self.chart, self.texts, self.chart.root()));
        out.push_str("<p class=\"og-copy\">");
        button(out, Control::CopyLink, self.texts.copy_link(), None);
        out.push_str("</p></section>");
    }
}

fn button(out: &mut String, control: Control, label: &str, pressed: Option<bool>) {
    out.push_str(&format!("<button type=\"button\" class=\"og-button\" data-control=\"{}\"", control.name()));
    if let Some(pressed) = pressed {
        out.push_str(&format!(" aria-pressed=\"{pressed}\""));
    }
    out.push('>');
    out.push_str(label);
    out.push_str("</button>");
}

/// What the details region says of `unit`, between its title and its
/// "Copier le lien": the name, the kind, then what a card says.
pub fn details_body(chart: &Chart, texts: Texts, unit: UnitId) -> String {
    let u = &chart[unit];
    let mut out = String::from("<p class=\"og-details__name\">");
    escape(&mut out, &u.name);
    if let Some(short) = &u.short_name {
        out.push_str(" (");
        escape(&mut out, short);
        out.push(')');
    }
    out.push_str("</p>");
    if let Some(kind) = &u.kind {
        out.push_str("<p class=\"og-kind\">");
        escape(&mut out, kind);
        out.push_str("</p>");
    }
    about(&mut out, texts.words(), u);
    out
}

/// A load failure: the message, and a button that tries again when trying
/// again can help (`retry`, its label). `lang` where the message's
/// language differs from the page's.
pub fn alert(message: &str, retry: Option<&str>, lang: Option<&str>) -> String {
    let mut out = String::from("<div class=\"og-alert\" role=\"alert\"");
    if let Some(lang) = lang {
        out.push_str(" lang=\"");
        escape(&mut out, lang);
        out.push('"');
    }
    out.push_str("><p>");
    escape(&mut out, message);
    out.push_str("</p>");
    if let Some(label) = retry {
        out.push_str("<button type=\"button\" class=\"og-retry\">");
        escape(&mut out, label);
        out.push_str("</button>");
    }
    out.push_str("</div>");
    out
}

/// A unit's link where it could not be copied: selected in a read-only
/// field, labelled, for the reader to copy. `tag`: `p` in the details
/// region, `span` in a card.
pub fn link_field(ids: &Ids, texts: Texts, link: &str, tag: &str) -> String {
    let id = ids.frame(Part::LinkField);
    let mut out = format!("<{tag} class=\"og-copy__link\"><label for=\"{id}\">{}</label> <input type=\"text\" readonly id=\"{id}\" value=\"", texts.link_to());
    escape(&mut out, link);
    out.push_str(&format!("\"></{tag}>"));
    out
}
