//! Small pieces shared by every feature.

pub mod url;

use crate::i18n::{Lang, Localized, format_number, tr, tr_args, use_lang};
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

/// A localized text with a visible note when it had to fall back to another language.
#[component]
pub fn LocalizedText(text: Localized) -> impl IntoView {
    let lang = use_lang();
    let note = text.shown_in.map(|shown| {
        let label = tr(lang, &format!("fallback-shown-in-{}", shown.code()));
        view! {
            <span class="fallback-note" title=label.clone()>
                <span class="visually-hidden">{label.clone()}</span>
                <span aria-hidden="true">{shown.code().to_uppercase()}</span>
            </span>
        }
    });
    view! {
        <span lang=text.shown_in.map(|l| l.code())>{text.text}</span>
        {note}
    }
}

/// What a page shows while its data loads.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="loading">{tr(lang, "zone-loading")}</p> }
}

/// What a page shows when its data could not be loaded.
#[component]
pub fn LoadError() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="error" role="alert">{tr(lang, "zone-load-error")}</p> }
}

/// A resource's value, shown by `show` once it has loaded: `Loading` meanwhile, `LoadError`
/// if it failed.
#[component]
pub fn Loaded<T, V, F>(resource: Resource<Result<T, ServerFnError>>, show: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=|| view! { <Loading /> }>
            {move || {
                let show = show.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => show(value).into_any(),
                        Err(_) => view! { <LoadError /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// One labelled fact in a `<dl class="facts">`.
#[component]
pub fn Fact(label: String, children: Children) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{label}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

fn grouped(n: u32) -> String {
    format_number(f64::from(n), 0)
}

/// Previous and next links around "page X of Y"; nothing when there is one page. `href` gives
/// the address of a page; `zone_nav` marks the links the directory's island takes over.
#[component]
pub fn Pager(
    lang: Lang,
    page: u32,
    pages: u32,
    href: impl Fn(u32) -> String + 'static,
    #[prop(optional)] zone_nav: bool,
    /// `pages` is an estimate.
    #[prop(optional)]
    approximate: bool,
) -> impl IntoView {
    let page_of = if approximate {
        "pagination-page-of-about"
    } else {
        "pagination-page-of"
    };
    let marker = zone_nav.then_some("");
    let link = |to: u32, key: &str, rel: &'static str| {
        view! { <a data-zone-nav=marker rel=rel href=href(to)>{tr(lang, key)}</a> }
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=tr(lang, "pagination-label")>
                {(page > 1).then(|| link(page - 1, "pagination-previous", "prev"))}
                <span class="page-of">
                    {tr_args(lang, page_of, &[("page", grouped(page).into()), ("pages", grouped(pages).into())])}
                </span>
                {(page < pages).then(|| link(page + 1, "pagination-next", "next"))}
            </nav>
        }
    })
}
