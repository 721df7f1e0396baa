//! The widget as static HTML, for a page to hold inside its
//! `data-organigramme` element: the same elements, classes, ids and text as
//! the widget renders in list mode and list layout, with every branch
//! written (collapsed ones `hidden="until-found"`, so that find-in-page and
//! links to units work without JavaScript). The widget replaces it when it
//! starts, and since both are the same, nothing on the page moves.
//!
//! The frame mirrors the widget's components (`src/components/`); the
//! end-to-end tests compare the two, element by element.

use crate::chart::Chart;
use crate::markup::{escape, Fill, Ids, Markup, Style};
use crate::texts::Texts;
use crate::view::{InitialView, ViewState};

pub struct Fallback<'a> {
    pub chart: &'a Chart,
    pub texts: Texts,
    pub initial: InitialView,
    /// The outer disclosure's text, if not the default.
    pub label: Option<&'a str>,
    /// Before each unit's id in its element's id (`data-link-prefix`).
    pub link_prefix: &'a str,
}

/// The ids of the page's first chart, which the widget gives it too.
const PREFIX: &str = "og1";

impl Fallback<'_> {
    pub fn html(&self) -> String {
        let (chart, texts) = (self.chart, self.texts);
        let view = ViewState::new(chart, self.initial);
        let ids = Ids(PREFIX.into());
        let markup = Markup {
            chart,
            view: &view,
            ids: &ids,
            words: texts.words(),
            style: Style::List,
            eager: true,
            current: chart.root(),
            anchors: Some(self.link_prefix),
        };
        let meta = &chart.meta;
        let ui = texts.0.tag();
        // The data's language, where it is not the widget's.
        let data_lang = meta.lang.as_deref().filter(|l| !l.split('-').next().unwrap_or("").eq_ignore_ascii_case(ui));
        let data_lang = data_lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
        let mut out = format!("<div class=\"organigramme\" lang=\"{ui}\">");
        if !chart.warnings.is_empty() {
            out.push_str("<div class=\"og-warnings\" role=\"alert\">");
            for w in &chart.warnings {
                out.push_str("<p>");
                escape(&mut out, &w.message(texts.0));
                out.push_str("</p>");
            }
            out.push_str("</div>");
        }
        let open = view.is_disclosure_open();
        out.push_str(&format!(
            "<button type=\"button\" class=\"og-disclosure\" id=\"{PREFIX}-disclosure\" aria-controls=\"{PREFIX}-chart\" aria-expanded=\"{open}\">"
        ));
        escape(&mut out, self.label.unwrap_or(texts.disclosure_label()));
        out.push_str(&format!("</button><div class=\"og-chart\" id=\"{PREFIX}-chart\"{}>", if open { "" } else { " hidden=\"until-found\"" }));
        out.push_str(&format!("<p class=\"og-title\" id=\"{PREFIX}-title\"{data_lang}>"));
        escape(&mut out, &meta.title);
        out.push_str("</p>");
        self.toolbar(&mut out);
        out.push_str(&format!(
            "<p class=\"og-status\" role=\"status\"></p><div class=\"og-scroller\" id=\"{PREFIX}-scroller\" role=\"region\" aria-labelledby=\"{PREFIX}-title\"><ul class=\"og-tree\" aria-labelledby=\"{PREFIX}-title\"{data_lang}>"
        ));
        out.push_str(&markup.root(&mut Fill::all()));
        out.push_str("</ul></div>");
        // The date and the source, either may be missing.
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
        out.push_str("</div></div>");
        out
    }

    /// The search, the layout switch, the text size, "Tout déplier", "Tout
    /// replier" and "Imprimer l'organigramme".
    fn toolbar(&self, out: &mut String) {
        let texts = self.texts;
        out.push_str("<div class=\"og-toolbar\"><form class=\"og-search\" role=\"search\" aria-label=\"");
        escape(out, &texts.search_landmark(&self.chart.meta.title));
        out.push_str(&format!(
            "\"><label class=\"og-search__label\" for=\"{PREFIX}-search\">{}</label><input type=\"search\" class=\"og-search__field\" id=\"{PREFIX}-search\" aria-describedby=\"{PREFIX}-search-hint\" autocomplete=\"off\" spellcheck=\"false\"><p class=\"og-search__hint\" id=\"{PREFIX}-search-hint\">{}</p><p class=\"og-search__status\" role=\"status\"></p><div class=\"og-results-panel\" hidden=\"\"></div></form>",
            texts.search_label(),
            texts.search_hint()
        ));
        out.push_str(&format!(
            "<fieldset class=\"og-group\"><legend>{}</legend><button type=\"button\" class=\"og-button\" aria-pressed=\"true\">{}</button><button type=\"button\" class=\"og-button\" aria-pressed=\"false\">{}</button></fieldset>",
            texts.layout(),
            texts.layout_list(),
            texts.layout_chart()
        ));
        out.push_str(&format!(
            "<fieldset class=\"og-group\"><legend>{}</legend><button type=\"button\" class=\"og-button\">{}</button><button type=\"button\" class=\"og-button\">{}</button><button type=\"button\" class=\"og-button\">{}</button></fieldset>",
            texts.zoom(),
            texts.zoom_out(),
            texts.zoom_in(),
            texts.zoom_fit()
        ));
        out.push_str(&format!(
            "<button type=\"button\" class=\"og-button\">{}</button><button type=\"button\" class=\"og-button\">{}</button><button type=\"button\" class=\"og-button\">{}</button></div>",
            texts.expand_all(),
            texts.collapse_all(),
            texts.print()
        ));
    }
}
