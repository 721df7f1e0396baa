//! Mounting a chart into a host element: load, render, announce, and undo.

use crate::root::Organigramme;
use crate::context::{after_next_frame, ChartCtx};
use crate::dom_ids::{claim_anchors, release_anchors};
use crate::dom::notify;
use crate::events::Listeners;
use crate::fetch::{load_chart, Pending};
use crate::options::{lang_attribute, Options, Source, NAMES};
use organigramme_core::frame;
use organigramme_core::texts::Texts;
use leptos::prelude::*;
use organigramme_core::{Action, Chart, Lang};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, Node};

/// One mounted chart. Dropping what it holds removes every node, listener
/// and timer it created.
pub struct Instance {
    host: HtmlElement,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    pending: Option<Rc<RefCell<Pending>>>,
    /// The Leptos view of the chart, or the alert; unmounts when dropped.
    view: Option<Box<dyn Any>>,
    /// The rendered chart's listeners; removed when dropped.
    listeners: Option<Listeners>,
    ctx: Option<ChartCtx>,
    /// The link prefix whose ids this chart writes, if it was the first
    /// chart mounted with it (in the page's order, not the order in which
    /// the data arrive); given back by `destroy`.
    anchors: Option<String>,
    /// The host's content before mounting, put back by `destroy`.
    fallback: Vec<Node>,
    destroyed: bool,
}

/// Loads the chart the options name and renders it into `host`. The host's
/// current content (a static fallback) stays until the chart has rendered;
/// on failure it stays, under a `role="alert"` message. Dispatches a bubbling
/// `organigramme:ready` or `organigramme:error` event on `host`.
pub fn mount(host: HtmlElement, options: Options) -> Rc<Instance> {
    let instance = Instance::new(host, &options.link_prefix);
    instance.clone().load(options, false);
    instance
}

fn inline_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "intégré à la page",
        Lang::En => "inline in the page",
    }
}

thread_local! {
    /// Every chart on the page lives until destroyed, whether or not the
    /// host keeps its JS handle.
    static LIVE: RefCell<Vec<Rc<Instance>>> = const { RefCell::new(Vec::new()) };
}

impl Instance {
    pub(crate) fn new(host: HtmlElement, link_prefix: &str) -> Rc<Instance> {
        let anchors = claim_anchors(link_prefix).then(|| link_prefix.to_owned());
        let instance = Rc::new(Instance { host, state: RefCell::new(State { anchors, ..State::default() }) });
        LIVE.with(|live| live.borrow_mut().push(instance.clone()));
        instance
    }

    /// Loads the data and renders it, or shows why it could not. `refocus`
    /// moves focus into what appears (after "Réessayer" took it away).
    fn load(self: Rc<Self>, options: Options, refocus: bool) {
        let reclaim = self.state.borrow().anchors.is_none() && claim_anchors(&options.link_prefix);
        if reclaim {
            // Trying again after a failure, which gave the link ids up.
            self.state.borrow_mut().anchors = Some(options.link_prefix.clone());
        }
        let lang = options.lang_for(&self.host);
        let texts = Texts(lang);
        match options.source.clone() {
            Source::Inline(text) => match organigramme_core::parse(&text) {
                Ok(chart) => self.render(chart, &options, lang),
                Err(error) => self.fail(texts.invalid(inline_name(lang), &error), texts, None),
            },
            Source::Url(src) => {
                let pending = Rc::new(RefCell::new(Pending::default()));
                self.state.borrow_mut().pending = Some(pending.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load_chart(&src, &pending).await;
                    if self.state.borrow().destroyed {
                        return;
                    }
                    match result {
                        Ok(chart) => self.render(chart, &options, lang),
                        Err(err) => self.clone().fail(err.message(texts), texts, Some(options)),
                    }
                    if refocus {
                        self.focus_first_control();
                    }
                });
            }
        }
    }

    fn focus_first_control(&self) {
        let control = self.host.query_selector("button").ok().flatten();
        if let Some(control) = control.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
            let _ = control.focus();
        }
    }

    /// Renders a loaded chart at once, replacing the host's content.
    pub fn render(&self, chart: Chart, options: &Options, lang: Lang) {
        let units = chart.len();
        let fallback = children_of(&self.host);
        let (label, heading) = (options.label.clone(), options.heading.clone());
        let (presentation, link_prefix) = (options.presentation(), options.link_prefix.clone());
        let anchors = self.state.borrow().anchors.is_some();
        let slot = Rc::new(RefCell::new(None));
        let ctx_slot = slot.clone();
        let host = self.host.clone();
        let handle = mount_to(self.host.clone(), move || {
            // Created inside the mount's owner, and kept for the JS handle.
            let ctx = ChartCtx::new(&host, chart, presentation, link_prefix, anchors, Texts(lang));
            *slot.borrow_mut() = Some(ctx);
            view! { <Organigramme ctx label heading /> }
        });
        for node in &fallback {
            let _ = self.host.remove_child(node);
        }
        let ctx = ctx_slot.borrow_mut().take();
        let listeners = ctx.zip(self.host.last_element_child()).map(|(ctx, root)| Listeners::attach(ctx, root));
        {
            let mut state = self.state.borrow_mut();
            state.view = Some(Box::new(handle));
            state.listeners = listeners;
            state.ctx = ctx;
            state.fallback = fallback;
        }
        // Whether branches are left to later slices, said before it is ready.
        if let Some(ctx) = ctx {
            ctx.show_filling();
        }
        notify(&self.host, "organigramme:ready", &JsValue::from_f64(units as f64));
        // The branches left to later slices (and the collapsed ones of a
        // small chart) and the search index, after the first frame.
        if let Some(ctx) = ctx {
            ctx.center_root();
            // A link to one of its units opened the page.
            ctx.reveal_fragment();
            after_next_frame(Box::new(move || {
                ctx.start_filling();
                ctx.build_search_index();
            }));
        }
    }

    /// Shows a load failure above the host's content, which stays. A file
    /// fetched from a URL gets a button that tries again.
    fn fail(self: Rc<Self>, message: String, texts: Texts, retry: Option<Options>) {
        // A chart that could not load does not keep another from holding the link ids.
        if let Some(prefix) = self.state.borrow_mut().anchors.take() {
            release_anchors(&prefix);
        }
        let markup = frame::alert(&message, retry.is_some().then(|| texts.retry()), lang_attribute(texts.0));
        // The alert goes first, above the fallback it explains.
        if self.host.insert_adjacent_html("afterbegin", &markup).is_ok() {
            if let Some(element) = self.host.first_element_child() {
                self.hold_alert(element, retry);
            }
        }
        notify(&self.host, "organigramme:error", &JsValue::from_str(&message));
    }

    /// Keeps the alert until the chart is tried again or destroyed; its
    /// retry button, if any, loads the chart again.
    fn hold_alert(self: &Rc<Self>, element: Element, retry: Option<Options>) {
        // With a retry, the alert's last element is its button.
        let again = retry.zip(element.last_element_child()).map(|(options, button)| {
            let this = self.clone();
            let again = Closure::<dyn Fn(Event)>::new(move |_| {
                let (this, options) = (this.clone(), options.clone());
                // After the click handler returns: retrying drops the alert
                // and the handler with it.
                wasm_bindgen_futures::spawn_local(async move {
                    // Dropped outside the borrow: removing the focused button
                    // fires focusout, whose listeners may call the chart.
                    let alert = this.state.borrow_mut().view.take();
                    drop(alert);
                    if !this.state.borrow().destroyed {
                        this.load(options, true);
                    }
                });
            });
            let _ = button.add_event_listener_with_callback("click", again.as_ref().unchecked_ref());
            (button, again)
        });
        self.state.borrow_mut().view = Some(Box::new(Alert { element, again }));
    }

    /// The rendered chart's state; none before it has rendered.
    pub fn ctx(&self) -> Option<ChartCtx> {
        self.state.borrow().ctx
    }

    /// Runs an action on the rendered chart; false before it has rendered.
    pub fn dispatch(&self, action: impl FnOnce(&ChartCtx) -> Option<Action>) -> bool {
        match self.ctx().and_then(|ctx| action(&ctx).map(|a| (ctx, a))) {
            Some((ctx, action)) => {
                ctx.dispatch(action);
                true
            }
            None => false,
        }
    }

    /// Removes the chart and puts the host's original content back.
    pub fn destroy(self: &Rc<Self>) {
        LIVE.with(|live| live.borrow_mut().retain(|i| !Rc::ptr_eq(i, self)));
        let (view, pending, fallback) = {
            let mut state = self.state.borrow_mut();
            state.destroyed = true;
            state.ctx = None;
            if let Some(prefix) = state.anchors.take() {
                release_anchors(&prefix);
            }
            drop(state.listeners.take());
            (state.view.take(), state.pending.take(), std::mem::take(&mut state.fallback))
        };
        if let Some(pending) = pending {
            pending.borrow_mut().abort();
        }
        drop(view);
        let _ = self.host.remove_attribute("data-organigramme-mounted");
        for node in fallback {
            let _ = self.host.append_child(&node);
        }
    }
}

/// A load failure's message on the page, removed when dropped.
struct Alert {
    element: Element,
    /// The retry button and its click listener, removed before it is
    /// dropped: a click being dispatched still calls the listeners it had.
    again: Option<Listened>,
}

/// An element and the listener added to it.
type Listened = (Element, Closure<dyn Fn(Event)>);

impl Drop for Alert {
    fn drop(&mut self) {
        if let Some((button, again)) = &self.again {
            let _ = button.remove_event_listener_with_callback("click", again.as_ref().unchecked_ref());
        }
        self.element.remove();
    }
}

fn children_of(host: &Element) -> Vec<Node> {
    let nodes = host.child_nodes();
    (0..nodes.length()).filter_map(|i| nodes.item(i)).collect()
}

/// Mounts every `[data-organigramme]` element of the page, once each. The
/// standalone page's element (`data-organigramme="standalone"`) also reads
/// the query string: `?src=`, `?open=`, `?mode=`, `?layout=`, `?lang=`,
/// `?depth=`, `?label=`.
pub fn auto_mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(found) = document.query_selector_all("[data-organigramme]:not([data-organigramme-mounted])") else {
        return;
    };
    for host in (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<HtmlElement>().ok()) {
        let mut options = Options::from_element(&host);
        if host.get_attribute("data-organigramme").as_deref() == Some("standalone") {
            apply_query(&mut options);
        }
        let _ = host.set_attribute("data-organigramme-mounted", "");
        mount(host, options);
    }
}

fn apply_query(options: &mut Options) {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
        for name in NAMES {
            if let Some(value) = params.get(name) {
                options.set(name, &value);
            }
        }
    }
}
