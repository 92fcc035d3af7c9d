//! `/{lang}/zone`: the directory of overseas listed companies.
//!
//! The page renders on the server from the query string, so every view is a link and works
//! without JavaScript (the filters are a GET form). The `ZoneExplorer` island then takes over:
//! filter changes fetch the next view through `fetch_directory` and update the address bar.

use super::api::fetch_directory;
use super::{Choice, CompanyCard, DirectoryQuery, DirectoryView};
use crate::app::PageMeta;
use crate::i18n::{Labels, Lang, tr, use_lang};
use crate::ui::LocalizedText;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ZonePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_query_map();
    let query = move || params.with(|map| DirectoryQuery::from_lookup(|key| map.get(key)));
    let view = Resource::new(query, move |query| fetch_directory(lang, query));
    view! {
        <PageMeta title=tr(lang, "zone-title") description=tr(lang, "zone-description") />
        <section class="zone">
            <header class="page-head">
                <h1>{tr(lang, "zone-heading")}</h1>
                <p class="lead">{tr(lang, "zone-lead")}</p>
            </header>
            <Suspense fallback=move || view! { <p class="loading">{tr(lang, "zone-loading")}</p> }>
                {move || Suspend::new(async move {
                    match view.await {
                        Ok(initial) => view! { <ZoneExplorer lang initial /> }.into_any(),
                        Err(_) => {
                            view! { <p class="error" role="alert">{tr(lang, "zone-load-error")}</p> }.into_any()
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

fn non_empty(value: String) -> Option<String> {
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

#[island]
fn ZoneExplorer(lang: Lang, initial: DirectoryView) -> impl IntoView {
    let labels = StoredValue::new(initial.labels.clone());
    let search = RwSignal::new(initial.query.q.clone().unwrap_or_default());
    let state = RwSignal::new(initial);
    let loading = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let generation = StoredValue::new(0_u64);
    // Effects run only in the browser: the attribute tells tests and styles the island is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    let apply = move |query: DirectoryQuery, record: bool| {
        if record {
            browser::push_history(&zone_href(lang, &query));
        }
        generation.update_value(|g| *g += 1);
        let ticket = generation.get_value();
        loading.set(true);
        leptos::task::spawn_local(async move {
            let result = fetch_directory(lang, query).await;
            // A later filter change has been sent meanwhile: its answer is the one to show.
            if generation.get_value() != ticket {
                return;
            }
            loading.set(false);
            match result {
                Ok(next) => {
                    failed.set(false);
                    search.set(next.query.q.clone().unwrap_or_default());
                    state.set(next);
                }
                Err(_) => failed.set(true),
            }
        });
    };
    browser::on_history_change(move |query| apply(query, false));

    let current = move || state.with(|s| s.query.clone());
    let change = move |edit: &dyn Fn(&mut DirectoryQuery)| {
        let mut query = current();
        edit(&mut query);
        query.page = 1;
        apply(query, true);
    };
    let label = move |key: &str| labels.with_value(|l| l.get(key));

    view! {
        <div class="zone-explorer" data-hydrated=move || hydrated.get().to_string()>
            <form
                class="filters"
                method="get"
                action=format!("/{}/zone", lang.code())
                on:submit=move |ev| {
                    ev.prevent_default();
                    change(&|q| q.q = non_empty(search.get_untracked()));
                }
            >
                <h2 class="visually-hidden">{label("zone-filters")}</h2>
                <div class="search-row">
                    <label class="search">
                        <span class="visually-hidden">{label("zone-search")}</span>
                        <input
                            type="search"
                            name="q"
                            maxlength="100"
                            placeholder=label("zone-search-placeholder")
                            prop:value=move || search.get()
                            on:input=move |ev| search.set(event_target_value(&ev))
                        />
                    </label>
                    <button type="submit" class="button primary">{label("zone-search")}</button>
                </div>
                <div class="filter-row">
                    <FacetSelect
                        name="exchange"
                        label=label("zone-filter-exchange")
                        any=label("zone-filter-any")
                        choices=Signal::derive(move || state.with(|s| s.facets.exchanges.clone()))
                        selected=Signal::derive(move || state.with(|s| s.query.exchange.clone()))
                        on_pick=Callback::new(move |v: Option<String>| change(&|q| {
                            q.exchange = v.clone();
                            q.market = None;
                        }))
                    />
                    <FacetSelect
                        name="market"
                        label=label("zone-filter-market")
                        any=label("zone-filter-any")
                        choices=Signal::derive(move || state.with(|s| s.facets.markets.clone()))
                        selected=Signal::derive(move || state.with(|s| s.query.market.clone()))
                        on_pick=Callback::new(move |v: Option<String>| change(&|q| q.market = v.clone()))
                    />
                    <FacetSelect
                        name="industry"
                        label=label("zone-filter-industry")
                        any=label("zone-filter-any")
                        choices=Signal::derive(move || state.with(|s| s.facets.industries.clone()))
                        selected=Signal::derive(move || state.with(|s| s.query.industry.clone()))
                        on_pick=Callback::new(move |v: Option<String>| change(&|q| q.industry = v.clone()))
                    />
                    <FacetSelect
                        name="country"
                        label=label("zone-filter-country")
                        any=label("zone-filter-any")
                        choices=Signal::derive(move || state.with(|s| s.facets.countries.clone()))
                        selected=Signal::derive(move || state.with(|s| s.query.country.clone()))
                        on_pick=Callback::new(move |v: Option<String>| change(&|q| q.country = v.clone()))
                    />
                    <FacetSelect
                        name="intent"
                        label=label("zone-filter-intent")
                        any=label("zone-filter-any")
                        choices=Signal::derive(move || state.with(|s| s.facets.intents.clone()))
                        selected=Signal::derive(move || state.with(|s| s.query.intent.clone()))
                        on_pick=Callback::new(move |v: Option<String>| change(&|q| q.intent = v.clone()))
                    />
                    <label class="check">
                        <input
                            type="checkbox"
                            name="green"
                            value="1"
                            checked=move || state.with(|s| s.query.green)
                            prop:checked=move || state.with(|s| s.query.green)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                change(&|q| q.green = on);
                            }
                        />
                        <span>{label("zone-filter-green")}</span>
                    </label>
                </div>
                <div class="filter-actions">
                    <a
                        class="reset"
                        href=format!("/{}/zone", lang.code())
                        on:click=move |ev| {
                            ev.prevent_default();
                            search.set(String::new());
                            apply(DirectoryQuery::default(), true);
                        }
                    >
                        {label("zone-reset")}
                    </a>
                </div>
            </form>

            <p class="result-count" aria-live="polite" data-loading=move || loading.get().to_string()>
                {move || state.with(|s| s.count_text.clone())}
            </p>
            <Show when=move || failed.get()>
                <p class="error" role="alert">{label("zone-load-error")}</p>
            </Show>
            <ul class="company-cards" aria-busy=move || loading.get().to_string()>
                {move || {
                    let cards = state.with(|s| s.cards.clone());
                    cards
                        .into_iter()
                        .map(|card| view! { <CompanyCardItem card labels=labels.get_value() /> })
                        .collect_view()
                }}
            </ul>
            <Show when=move || state.with(|s| s.cards.is_empty())>
                <p class="empty">{label("zone-no-results")}</p>
            </Show>
            {move || {
                let (query, pages, page_text) = state.with(|s| (s.query.clone(), s.pages, s.page_text.clone()));
                (pages > 1)
                    .then(|| {
                        let (page, last) = (query.page, pages);
                        let link = move |page: u32, key: &str, rel: &'static str| {
                            let target = query.with_page(page);
                            view! {
                                <a
                                    href=zone_href(lang, &target)
                                    rel=rel
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        apply(target.clone(), true);
                                    }
                                >
                                    {label(key)}
                                </a>
                            }
                        };
                        view! {
                            <nav class="pagination" aria-label=label("pagination-label")>
                                {(page > 1).then(|| link(page - 1, "pagination-previous", "prev"))}
                                <span class="page-of">{page_text}</span>
                                {(page < last).then(|| link(page + 1, "pagination-next", "next"))}
                            </nav>
                        }
                    })
            }}
        </div>
    }
}

/// One filter of the directory; the empty value means "any".
#[component]
fn FacetSelect(
    name: &'static str,
    label: String,
    any: String,
    choices: Signal<Vec<Choice>>,
    selected: Signal<Option<String>>,
    on_pick: Callback<Option<String>>,
) -> impl IntoView {
    view! {
        <label class="facet">
            <span>{label}</span>
            <select name=name on:change=move |ev| on_pick.run(non_empty(event_target_value(&ev)))>
                {move || {
                    let current = selected.get();
                    let mut options = vec![
                        view! { <option value=String::new() selected=current.is_none()>{any.clone()}</option> },
                    ];
                    options.extend(choices.get().into_iter().map(|c| {
                        let is_selected = current.as_deref() == Some(c.value.as_str());
                        view! { <option value=c.value selected=is_selected>{c.label}</option> }
                    }));
                    options.collect_view()
                }}
            </select>
        </label>
    }
}

#[component]
fn CompanyCardItem(card: CompanyCard, labels: Labels) -> impl IntoView {
    let summary = card.summary.map(|text| {
        view! {
            <p class="summary">
                <LocalizedText text labels=labels.clone() />
            </p>
        }
    });
    let intents = (!card.intents.is_empty()).then(|| {
        view! {
            <ul class="chips" aria-label=labels.get("zone-intents")>
                {card.intents.into_iter().map(|i| view! { <li class="chip">{i}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class="company-card">
            <h3 class="company-name">
                <a href=card.href>
                    <LocalizedText text=card.name labels=labels.clone() />
                </a>
                {card.green.then(|| view! { <span class="badge green">{labels.get("zone-green-badge")}</span> })}
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

/// The address bar, which only exists in the browser.
mod browser {
    use super::DirectoryQuery;

    #[cfg(feature = "hydrate")]
    pub fn push_history(url: &str) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
        }
    }

    /// Calls `apply` with the query of the address bar after Back or Forward.
    #[cfg(feature = "hydrate")]
    pub fn on_history_change(apply: impl Fn(DirectoryQuery) + 'static) {
        let handle = leptos::prelude::window_event_listener(leptos::ev::popstate, move |_| {
            let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
            if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
                apply(DirectoryQuery::from_lookup(|key| params.get(key)));
            }
        });
        leptos::prelude::on_cleanup(move || handle.remove());
    }

    #[cfg(not(feature = "hydrate"))]
    pub fn push_history(_: &str) {}

    #[cfg(not(feature = "hydrate"))]
    pub fn on_history_change(_: impl Fn(DirectoryQuery) + 'static) {}
}
