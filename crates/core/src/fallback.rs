//! The widget as static HTML, for a page to hold inside its
//! `data-organigramme` element: the same elements, classes, ids and text as
//! the widget renders in list mode and list layout, with every branch
//! written (collapsed ones `hidden="until-found"`, so that find-in-page and
//! links to units work without JavaScript). The widget replaces it when it
//! starts, and since both are the same, nothing on the page moves.
//!
//! The frame is the widget's own (`frame`); the end-to-end tests compare
//! the two, element by element.

use crate::chart::Chart;
use crate::frame::Frame;
use crate::markup::{Fill, Ids, Markup, Style};
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
        let frame = Frame {
            chart,
            texts,
            ids: &ids,
            style: Style::List,
            chart_layout: false,
            layout_switch: true,
            search: true,
            open: view.is_disclosure_open(),
            label: self.label,
            heading: None,
        };
        let inner = frame.html(&markup.root(&mut Fill::all()));
        format!("<div class=\"organigramme\" lang=\"{}\">{inner}</div>", texts.0.tag())
    }
}
