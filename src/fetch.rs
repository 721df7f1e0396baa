//! Fetching the data file, with errors that say what failed and where.

use organigramme_core::{Chart, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, Url};

#[derive(Clone, Debug)]
pub enum FetchError {
    Network { url: String },
    Status { url: String, status: u16, status_text: String },
    OtherOrigin { url: String },
    Invalid { url: String, error: LoadError },
}

/// Fetches `src`, resolved against the page, and loads it as a chart.
pub async fn load_chart(src: &str) -> Result<Chart, FetchError> {
    let url = same_origin(src)?;
    let network = || FetchError::Network { url: src.to_owned() };
    let window = web_sys::window().ok_or_else(network)?;
    let response: Response =
        JsFuture::from(window.fetch_with_str(&url)).await.map_err(|_| network())?.dyn_into().map_err(|_| network())?;
    if !response.ok() {
        return Err(FetchError::Status { url: src.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    let text = JsFuture::from(response.text().map_err(|_| network())?).await.map_err(|_| network())?;
    let text = text.as_string().unwrap_or_default();
    organigramme_core::parse(&text).map_err(|error| FetchError::Invalid { url: src.to_owned(), error })
}

/// The absolute URL of `src` if it is on the page's origin.
fn same_origin(src: &str) -> Result<String, FetchError> {
    let other = || FetchError::OtherOrigin { url: src.to_owned() };
    let location = web_sys::window().and_then(|w| w.location().href().ok()).ok_or_else(other)?;
    let page = Url::new(&location).map_err(|_| other())?;
    let url = Url::new_with_base(src, &location).map_err(|_| other())?;
    if url.origin() == page.origin() {
        Ok(url.href())
    } else {
        Err(other())
    }
}
