//! The views every feature shows the same way: the sign-in redirect for pages that need an
//! account, the 404 and 403 pages, the notice after a redirect, and the page of one thing
//! that may not be found.

use super::form::Banner;
use super::meta::{PageMeta, title_text};
use super::url::Page;
use super::viewer::use_viewer;
use crate::i18n::{Lang, has_message, tr, use_lang};
use crate::ui::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Serialize, de::DeserializeOwned};

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

/// A page answering `status` (on the server) with a localized heading and explanation.
#[component]
fn StatusPage(
    status: u16,
    title: &'static str,
    body: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(status),
    ) {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
    let lang = use_lang();
    view! {
        <Title text=title_text(&format!("{} · {}", tr(lang, title), tr(lang, "site-name"))) />
        <section class="not-found">
            <h1>{tr(lang, title)}</h1>
            <p>{tr(lang, body)}</p>
            {children.map(|children| children())}
        </section>
    }
}

/// The localized "page not found", answered with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <StatusPage status=404 title="not-found-title" body="not-found-body">
            <p>
                <a class="button primary" href=Page::Zone.url(lang)>{tr(lang, "not-found-zone")}</a>
                " "
                <a class="button" href=Page::Home.url(lang)>{tr(lang, "not-found-home")}</a>
            </p>
        </StatusPage>
    }
}

/// The localized "not allowed" page, answered with status 403.
#[component]
pub fn Forbidden() -> impl IntoView {
    view! { <StatusPage status=403 title="error-forbidden-title" body="error-forbidden-body" /> }
}

/// The frame of a page built around forms: its head, its heading (message key `title`), an
/// optional lead (the `description` key, which is also the page's meta description), the
/// notice after a redirect and the banner of a refused post; then `children`.
#[component]
pub fn FormPage(
    title: &'static str,
    #[prop(optional)] description: Option<&'static str>,
    #[prop(optional)] lead: bool,
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let description = tr(lang, description.unwrap_or(title));
    let lead = lead.then(|| view! { <p class="lead">{description.clone()}</p> });
    view! {
        <PageMeta title=tr(lang, title) description />
        <section class=class>
            <h1>{tr(lang, title)}</h1>
            {lead}
            <Notice />
            <Banner />
            {children()}
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

/// A page of one thing the server may not find (or not show the viewer): its frame, and
/// `NotFound` inside it then, so that what is not the viewer's (another exchange's batch, another
/// enterprise's case) looks like nothing at all. `load` asks the server for it.
#[component]
pub fn FoundPage<T, V, F, L, Fut>(
    title: &'static str,
    class: &'static str,
    load: L,
    show: F,
    /// The page's own address when it is for signed-in viewers only: a visitor is sent to sign
    /// in and then back here, before anything is loaded.
    #[prop(optional)]
    members_only: Option<String>,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    L: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
{
    let lang = use_lang();
    if let Some(here) = members_only
        && !require_sign_in(lang, &here)
    {
        return ().into_any();
    }
    // Islands render each page once, on the server: nothing here changes while it is shown.
    let resource = Resource::new(|| (), move |()| load());
    let show = move |found: Option<T>| match found {
        Some(value) => show(value).into_any(),
        None => view! { <NotFound /> }.into_any(),
    };
    view! {
        <FormPage title class>
            <Loaded resource show />
        </FormPage>
    }
    .into_any()
}

/// A company's route's `:mic` and `:symbol`.
pub fn path_listing() -> (String, String) {
    use_params_map().with_untracked(|p| {
        let part = |name| p.get(name).unwrap_or_default();
        (part("mic"), part("symbol"))
    })
}

/// The route's `:id`, when it is a number; a page answers `NotFound` for anything else.
pub fn path_id() -> Option<i32> {
    use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse().ok()))
}
