//! The views every feature shows the same way: the sign-in redirect for pages that need an
//! account, the 403 page, and the notice after a redirect.

use super::meta::PageMeta;
#[cfg(feature = "ssr")]
use super::url::Page;
use super::viewer::use_viewer;
use crate::i18n::{Lang, has_message, tr, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Sends anonymous visitors to the sign-in page, coming back here afterwards.
pub fn require_sign_in(lang: Lang, here: &str) -> bool {
    if use_viewer().is_some() {
        return true;
    }
    // A plain 302 whatever the request accepts (`leptos_axum::redirect` only sets the status
    // for requests that ask for HTML).
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let login = Page::Login.url_with(lang, &[("next", here)]);
        if let Ok(location) = http::HeaderValue::from_str(&login) {
            response.set_status(http::StatusCode::FOUND);
            response.insert_header(http::header::LOCATION, location);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = (lang, here);
    false
}

/// The localized "not allowed" page, answered with status 403.
#[component]
pub fn Forbidden() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    let lang = use_lang();
    view! {
        <PageMeta title=tr(lang, "error-forbidden-title") description=tr(lang, "error-forbidden-body") />
        <section class="not-found">
            <h1>{tr(lang, "error-forbidden-title")}</h1>
            <p>{tr(lang, "error-forbidden-body")}</p>
        </section>
    }
}

/// A success message named by `?notice=` after a redirect: `notice-{name}` in the page
/// language, where a feature's `.ftl` defines one. Anything else shows nothing.
#[component]
pub fn Notice() -> impl IntoView {
    let lang = use_lang();
    let notice = use_query_map().with_untracked(|q| q.get("notice"));
    notice
        .filter(|n| n.len() <= 40 && n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        .map(|n| format!("notice-{n}"))
        .filter(|key| has_message(lang, key))
        .map(|key| view! { <p class="notice" role="status">{tr(lang, &key)}</p> })
}
