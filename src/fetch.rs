//! Fetching the data file, with errors that say what failed and where.

use organigramme_core::load::MAX_BYTES;
use organigramme_core::texts::Texts;
use organigramme_core::{Chart, Lang, LoadError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response, Url};

/// How long the data file may take, in seconds.
pub const TIMEOUT_SECONDS: u32 = 20;

#[derive(Clone, Debug)]
pub enum FetchError {
    Network { url: String },
    Status { url: String, status: u16, status_text: String },
    OtherOrigin { url: String },
    /// The server redirected the same-origin `url` to another site.
    Redirected { url: String, to: String },
    Timeout { url: String, seconds: u32 },
    ContentType { url: String, content_type: String },
    Invalid { url: String, error: LoadError },
}

impl FetchError {
    /// What failed and where: the URL and status, or the place in the file.
    pub fn message(&self, texts: Texts) -> String {
        let lead = match texts.0 {
            Lang::Fr => "Impossible de charger l’organigramme : ",
            Lang::En => "The organisation chart could not be loaded: ",
        };
        let cause = match (texts.0, self) {
            (Lang::Fr, FetchError::Network { url }) => format!("le fichier « {url} » est inaccessible (erreur réseau)"),
            (Lang::En, FetchError::Network { url }) => format!("the file “{url}” is unreachable (network error)"),
            (Lang::Fr, FetchError::Status { url, status, status_text }) => {
                format!("le fichier « {url} » a répondu {}", status_line(*status, status_text))
            }
            (Lang::En, FetchError::Status { url, status, status_text }) => {
                format!("the file “{url}” answered {}", status_line(*status, status_text))
            }
            (Lang::Fr, FetchError::OtherOrigin { url }) => format!("« {url} » n’est pas sur le même site que la page"),
            (Lang::En, FetchError::OtherOrigin { url }) => format!("“{url}” is not on the same site as the page"),
            (Lang::Fr, FetchError::Redirected { url, to }) => {
                format!("le fichier « {url} » redirige vers « {to} », sur un autre site que la page")
            }
            (Lang::En, FetchError::Redirected { url, to }) => {
                format!("the file “{url}” redirects to “{to}”, on another site than the page")
            }
            (Lang::Fr, FetchError::Timeout { url, seconds }) => {
                format!("le fichier « {url} » n’a pas répondu en {seconds} secondes")
            }
            (Lang::En, FetchError::Timeout { url, seconds }) => {
                format!("the file “{url}” did not answer within {seconds} seconds")
            }
            (Lang::Fr, FetchError::ContentType { url, content_type }) => {
                format!("le fichier « {url} » est de type « {content_type} », pas JSON")
            }
            (Lang::En, FetchError::ContentType { url, content_type }) => {
                format!("the file “{url}” is of type “{content_type}”, not JSON")
            }
            (_, FetchError::Invalid { url, error }) => return texts.invalid(url, error),
        };
        format!("{lead}{cause}.")
    }
}

fn status_line(status: u16, text: &str) -> String {
    if text.is_empty() {
        status.to_string()
    } else {
        format!("{status} {text}")
    }
}

/// A fetch in flight: aborting it (when the chart is destroyed) also clears
/// its timer.
#[derive(Default)]
pub struct Pending {
    controller: Option<AbortController>,
    timer: Option<(i32, Closure<dyn FnMut()>)>,
}

impl Pending {
    pub fn abort(&mut self) {
        if let Some((id, _)) = self.timer.take() {
            if let Some(window) = web_sys::window() {
                window.clear_timeout_with_handle(id);
            }
        }
        if let Some(controller) = self.controller.take() {
            controller.abort();
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.abort();
    }
}

/// Fetches `src`, resolved against the page, and loads it as a chart.
/// Refuses other origins (before and after redirects) and non-JSON types.
/// Whatever the outcome, the request and its timer are done with after.
pub async fn load_chart(src: &str, pending: &std::cell::RefCell<Pending>) -> Result<Chart, FetchError> {
    let result = fetch_chart(src, pending).await;
    pending.borrow_mut().abort();
    result
}

async fn fetch_chart(src: &str, pending: &std::cell::RefCell<Pending>) -> Result<Chart, FetchError> {
    let url = same_origin(src, src)?;
    let network = || FetchError::Network { url: src.to_owned() };
    let window = web_sys::window().ok_or_else(network)?;
    let controller = AbortController::new().map_err(|_| network())?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let abort = controller.clone();
    let on_timeout = Closure::<dyn FnMut()>::new(move || abort.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            (TIMEOUT_SECONDS * 1000) as i32,
        )
        .ok();
    *pending.borrow_mut() = Pending { controller: Some(controller.clone()), timer: timer.map(|id| (id, on_timeout)) };
    let timed_out = || FetchError::Timeout { url: src.to_owned(), seconds: TIMEOUT_SECONDS };
    let fail = |_| if controller.signal().aborted() { timed_out() } else { network() };

    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| network())?;
    if same_origin(&response.url(), src).is_err() {
        return Err(FetchError::Redirected { url: src.to_owned(), to: response.url() });
    }
    if !response.ok() {
        return Err(FetchError::Status { url: src.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    let content_type = response.headers().get("content-type").ok().flatten().unwrap_or_default();
    if !content_type.is_empty() && !content_type.to_ascii_lowercase().contains("json") {
        return Err(FetchError::ContentType { url: src.to_owned(), content_type });
    }
    let invalid = |error| FetchError::Invalid { url: src.to_owned(), error };
    // Refuse an oversized file before downloading it, when the size is known.
    let length = response.headers().get("content-length").ok().flatten().and_then(|l| l.trim().parse::<usize>().ok());
    if let Some(bytes) = length.filter(|&b| b > MAX_BYTES) {
        return Err(invalid(LoadError::TooLarge { bytes, limit: MAX_BYTES }));
    }
    // Bytes, not text: the core locates bytes that are not UTF-8, which
    // `Response.text()` would silently replace.
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| network())?).await.map_err(fail)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    organigramme_core::parse_bytes(&bytes).map_err(invalid)
}

/// The absolute URL of `url` if it is on the page's origin; errors name `src`.
fn same_origin(url: &str, src: &str) -> Result<String, FetchError> {
    let other = || FetchError::OtherOrigin { url: src.to_owned() };
    let location = web_sys::window().and_then(|w| w.location().href().ok()).ok_or_else(other)?;
    let page = Url::new(&location).map_err(|_| other())?;
    let url = Url::new_with_base(url, &location).map_err(|_| other())?;
    if url.origin() == page.origin() {
        Ok(url.href())
    } else {
        Err(other())
    }
}
