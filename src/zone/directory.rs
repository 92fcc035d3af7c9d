//! `/{lang}/zone`: the directory of overseas listed companies.
//!
//! The directory is rendered on the server only, from the query string: every view is a
//! shareable link and works without JavaScript (the filters are a GET form). The small
//! `ZoneExplorer` island around it makes filter changes, searches and page turns fetch the next
//! server-rendered view and swap it in, keeping the address bar in step. One rendering path,
//! and the browser bundle carries no directory code (see README, "Architecture").

use super::api::fetch_directory;
use super::{Choice, CompanyCard, DirectoryQuery, DirectoryView};
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::ui::{LoadError, Loading, LocalizedText};
use crate::web::meta::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ZonePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_query_map();
    let query = move || params.with(|map| DirectoryQuery::from_lookup(|key| map.get(key)));
    let directory = Resource::new(query, move |query| fetch_directory(lang, query));
    view! {
        <PageMeta title=tr(lang, "zone-title") description=tr(lang, "zone-description") />
        <section class="zone">
            <header class="page-head">
                <h1>{tr(lang, "zone-heading")}</h1>
                <p class="lead">{tr(lang, "zone-lead")}</p>
            </header>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match directory.await {
                        Ok(view) => {
                            view! {
                                <ZoneExplorer error=tr(lang, "zone-load-error")>
                                    <DirectoryBody lang view />
                                </ZoneExplorer>
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! { <LoadError /> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

fn zone_href(lang: Lang, query: &DirectoryQuery) -> String {
    format!("/{}/zone{}", lang.code(), query.to_query_string())
}

/// Filters, result count, cards and pagination for one directory view.
#[component]
fn DirectoryBody(lang: Lang, view: DirectoryView) -> impl IntoView {
    let DirectoryView {
        query,
        facets,
        cards,
        total,
        pages,
    } = view;
    let empty = cards
        .is_empty()
        .then(|| view! { <p class="empty">{tr(lang, "zone-no-results")}</p> });
    view! {
        <form class="filters" method="get" action=format!("/{}/zone", lang.code())>
            <h2 class="visually-hidden">{tr(lang, "zone-filters")}</h2>
            <div class="search-row">
                <label class="search">
                    <span class="visually-hidden">{tr(lang, "zone-search")}</span>
                    <input
                        type="search"
                        name="q"
                        maxlength="100"
                        placeholder=tr(lang, "zone-search-placeholder")
                        value=query.q.clone()
                    />
                </label>
                <button type="submit" class="button primary">{tr(lang, "zone-search")}</button>
            </div>
            <div class="filter-row">
                <FacetSelect lang name="exchange" label="zone-filter-exchange" choices=facets.exchanges selected=query.exchange.clone() />
                <FacetSelect lang name="market" label="zone-filter-market" choices=facets.markets selected=query.market.clone() />
                <FacetSelect lang name="industry" label="zone-filter-industry" choices=facets.industries selected=query.industry.clone() />
                <FacetSelect lang name="country" label="zone-filter-country" choices=facets.countries selected=query.country.clone() />
                <FacetSelect lang name="intent" label="zone-filter-intent" choices=facets.intents selected=query.intent.clone() />
                <label class="check">
                    <input type="checkbox" name="green" value="1" checked=query.green />
                    <span>{tr(lang, "zone-filter-green")}</span>
                </label>
            </div>
            <div class="filter-actions">
                <a class="reset" data-zone-nav="" href=format!("/{}/zone", lang.code())>{tr(lang, "zone-reset")}</a>
                <ExportLinks lang query=query.with_page(1) />
            </div>
        </form>
        <p class="result-count">{tr_args(lang, "zone-result-count", &[("count", total.into())])}</p>
        <ul class="company-cards">
            {cards.into_iter().map(|card| view! { <CompanyCardItem card /> }).collect_view()}
        </ul>
        {empty}
        <Pagination lang query pages />
    }
}

/// Downloads of every company in the current view (all pages).
#[component]
fn ExportLinks(lang: Lang, query: DirectoryQuery) -> impl IntoView {
    let href = |extension: &str| {
        format!(
            "/{}/zone/export.{extension}{}",
            lang.code(),
            query.to_query_string()
        )
    };
    view! {
        <span class="export">
            {tr(lang, "zone-export")} " "
            <a href=href("csv") download="">{tr(lang, "zone-export-csv")}</a>
            " · "
            <a href=href("xlsx") download="">{tr(lang, "zone-export-xlsx")}</a>
        </span>
    }
}

/// One filter of the directory; the empty value means "any".
#[component]
fn FacetSelect(
    lang: Lang,
    name: &'static str,
    label: &'static str,
    choices: Vec<Choice>,
    selected: Option<String>,
) -> impl IntoView {
    let options = choices
        .into_iter()
        .map(|c| {
            let is_selected = selected.as_deref() == Some(c.value.as_str());
            view! { <option value=c.value selected=is_selected>{c.label}</option> }
        })
        .collect_view();
    view! {
        <label class="facet">
            <span>{tr(lang, label)}</span>
            <select name=name>
                <option value="" selected=selected.is_none()>{tr(lang, "zone-filter-any")}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn Pagination(lang: Lang, query: DirectoryQuery, pages: u32) -> impl IntoView {
    let page = query.page;
    let link = |to: u32, key: &str, rel: &'static str| {
        view! {
            <a data-zone-nav="" rel=rel href=zone_href(lang, &query.with_page(to))>{tr(lang, key)}</a>
        }
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=tr(lang, "pagination-label")>
                {(page > 1).then(|| link(page - 1, "pagination-previous", "prev"))}
                <span class="page-of">
                    {tr_args(lang, "pagination-page-of", &[("page", page.into()), ("pages", pages.into())])}
                </span>
                {(page < pages).then(|| link(page + 1, "pagination-next", "next"))}
            </nav>
        }
    })
}

#[component]
fn CompanyCardItem(card: CompanyCard) -> impl IntoView {
    let lang = use_lang();
    let summary = card
        .summary
        .map(|text| view! { <p class="summary"><LocalizedText text /></p> });
    let intents = (!card.intents.is_empty()).then(|| {
        view! {
            <ul class="chips" aria-label=tr(lang, "zone-intents")>
                {card.intents.into_iter().map(|i| view! { <li class="chip">{i}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class="company-card">
            <h3 class="company-name">
                <a href=card.href>
                    <LocalizedText text=card.name />
                </a>
                {card.green.then(|| view! { <span class="badge green">{tr(lang, "zone-green-badge")}</span> })}
            </h3>
            <p class="listing">
                <span class="symbol">{card.symbol}</span>
                <span>{card.exchange}</span>
                <span>{card.market}</span>
            </p>
            <p class="tags">
                <span class="industry">{card.industry}</span>
                <span class="country">{card.country}</span>
            </p>
            {summary}
            {intents}
        </li>
    }
}

/// Makes the server-rendered directory inside it update in place. `error` is the localized
/// message shown when the next view cannot be fetched; the current one stays as it was.
// An island in the default build; a plain component when measuring full hydration (README).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
fn ZoneExplorer(error: String, children: Children) -> impl IntoView {
    let results = NodeRef::<leptos::html::Div>::new();
    let state = browser::Fetching::default();
    // Effects run only in the browser: the attribute tells tests and styles the island is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    browser::on_history_change(results, state);
    view! {
        <div
            class="zone-explorer"
            data-hydrated=move || hydrated.get().to_string()
            on:change=move |ev| browser::filter_changed(ev, results, state)
            on:submit=move |ev| browser::search_submitted(ev, results, state)
            on:click=move |ev| browser::link_clicked(ev, results, state)
        >
            <p class="error" role="alert" hidden=move || !state.failed.get()>{error}</p>
            <p class="visually-hidden" aria-live="polite">{move || state.announced.get()}</p>
            <div class="zone-results" node_ref=results aria-busy=move || state.busy.get().to_string()>
                {children()}
            </div>
        </div>
    }
}

/// What the explorer does in the browser: read the form, fetch the view, swap it in.
mod browser {
    use leptos::prelude::*;

    /// The explorer's request state, shared by its event handlers.
    #[derive(Clone, Copy, Default)]
    pub struct Fetching {
        pub busy: RwSignal<bool>,
        pub failed: RwSignal<bool>,
        /// The new result count, read out by screen readers after each update.
        pub announced: RwSignal<String>,
        #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
        generation: StoredValue<u64>,
    }

    type Results = NodeRef<leptos::html::Div>;

    #[cfg(feature = "hydrate")]
    mod dom {
        use super::{Fetching, Results};
        use crate::i18n::{Lang, switch_path};
        use crate::zone::DirectoryQuery;
        use leptos::prelude::*;
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        use web_sys::{
            DomParser, Element, HtmlFormElement, HtmlInputElement, SupportedType, UrlSearchParams,
        };

        fn target_element(ev: &web_sys::Event) -> Option<Element> {
            ev.target()?.dyn_into::<Element>().ok()
        }

        /// The directory URL for the form's current values, without the empty ones. Changing
        /// the exchange clears the market, whose choices depend on it. The form has no page
        /// field, so any change starts again at page 1. The server normalises the values.
        fn form_url(form: &HtmlFormElement, changed: Option<&str>) -> Option<String> {
            let data = web_sys::FormData::new_with_form(form).ok()?;
            let params = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
            for name in DirectoryQuery::FIELDS {
                if params.get(name).is_some_and(|v| v.trim().is_empty())
                    || (name == "market" && changed == Some("exchange"))
                {
                    params.delete(name);
                }
            }
            let query = String::from(params.to_string());
            let action = form.action();
            Some(if query.is_empty() {
                action
            } else {
                format!("{action}?{query}")
            })
        }

        pub fn filter_changed(ev: web_sys::Event, results: Results, state: Fetching) {
            let Some(el) = target_element(&ev) else {
                return;
            };
            // Typing in the search box is applied on submit, not on every change of focus.
            if el
                .dyn_ref::<HtmlInputElement>()
                .is_some_and(|i| i.type_() == "search")
            {
                return;
            }
            let Some(form) = el.closest("form.filters").ok().flatten() else {
                return;
            };
            let form: HtmlFormElement = form.unchecked_into();
            let name = el.get_attribute("name");
            if let Some(url) = form_url(&form, name.as_deref()) {
                load(url, true, name, results, state);
            }
        }

        pub fn search_submitted(ev: web_sys::SubmitEvent, results: Results, state: Fetching) {
            let Some(form) =
                target_element(&ev).and_then(|el| el.dyn_into::<HtmlFormElement>().ok())
            else {
                return;
            };
            ev.prevent_default();
            if let Some(url) = form_url(&form, None) {
                load(url, true, Some("q".into()), results, state);
            }
        }

        pub fn link_clicked(ev: web_sys::MouseEvent, results: Results, state: Fetching) {
            // Let the browser handle new tabs and windows.
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
            {
                return;
            }
            let link =
                target_element(&ev).and_then(|el| el.closest("a[data-zone-nav]").ok().flatten());
            let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                return;
            };
            ev.prevent_default();
            load(href, true, None, results, state);
        }

        pub fn on_history_change(results: Results, state: Fetching) {
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                let location = window().location();
                let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
                    return;
                };
                load(format!("{path}{search}"), false, None, results, state);
            });
            on_cleanup(move || handle.remove());
        }

        async fn fetch_results(url: &str) -> Option<(String, String)> {
            let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
            if !response.ok() {
                return None;
            }
            let html = JsFuture::from(response.text().ok()?)
                .await
                .ok()?
                .as_string()?;
            let page = DomParser::new()
                .ok()?
                .parse_from_string(&html, SupportedType::TextHtml)
                .ok()?;
            let fresh = page.query_selector(".zone-results").ok()??;
            let count = page
                .query_selector(".result-count")
                .ok()?
                .and_then(|c| c.text_content());
            Some((fresh.inner_html(), count.unwrap_or_default()))
        }

        /// The language switcher was rendered for the address the page was loaded with; point
        /// its links at the current address, so switching language keeps the filters.
        fn follow_address_in_language_links() {
            let location = window().location();
            let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
                return;
            };
            let Ok(links) = document().query_selector_all(".lang-switcher a[hreflang]") else {
                return;
            };
            for i in 0..links.length() {
                let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                let lang = link
                    .get_attribute("hreflang")
                    .as_deref()
                    .and_then(Lang::from_code);
                if let Some(lang) = lang {
                    let _ = link
                        .set_attribute("href", &format!("{}{search}", switch_path(&path, lang)));
                }
            }
        }

        /// Fetches the server-rendered view at `url` and swaps it in; only the latest request
        /// counts. `focus` names the control to focus again once the new form is in place.
        fn load(
            url: String,
            record: bool,
            focus: Option<String>,
            results: Results,
            state: Fetching,
        ) {
            state.generation.update_value(|g| *g += 1);
            let ticket = state.generation.get_value();
            state.busy.set(true);
            leptos::task::spawn_local(async move {
                let fetched = fetch_results(&url).await;
                if state.generation.get_value() != ticket {
                    return;
                }
                state.busy.set(false);
                let (Some((html, count)), Some(container)) = (fetched, results.get_untracked())
                else {
                    state.failed.set(true);
                    return;
                };
                container.set_inner_html(&html);
                state.failed.set(false);
                state.announced.set(count);
                if record && let Ok(history) = window().history() {
                    let _ =
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
                follow_address_in_language_links();
                let selector = focus.map(|name| format!("[name=\"{name}\"]"));
                if let Some(el) = selector.and_then(|s| container.query_selector(&s).ok().flatten())
                {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    }

    #[cfg(feature = "hydrate")]
    pub use dom::{filter_changed, link_clicked, on_history_change, search_submitted};

    // The server renders the explorer but never runs its handlers.
    #[cfg(not(feature = "hydrate"))]
    pub fn filter_changed(_: leptos::ev::Event, _: Results, _: Fetching) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn search_submitted(_: leptos::ev::SubmitEvent, _: Results, _: Fetching) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn link_clicked(_: leptos::ev::MouseEvent, _: Results, _: Fetching) {}
    #[cfg(not(feature = "hydrate"))]
    pub fn on_history_change(_: Results, _: Fetching) {}
}
