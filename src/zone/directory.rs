//! `/{lang}/zone`: the directory of overseas listed companies.
//!
//! The directory is rendered on the server only, from the query string: every view is a
//! shareable link and works without JavaScript (the filters are a GET form). The small
//! `ZoneExplorer` island around it makes filter changes, searches and page turns fetch the next
//! server-rendered view and swap it in, keeping the address bar in step. One rendering path,
//! and the browser bundle carries no directory code (see README, "Architecture").

use super::api::fetch_directory;
use super::explorer::ZoneExplorer;
use super::{Choice, CompanyCard, DirectoryQuery, DirectoryView, ViewSize};
use crate::i18n::{Lang, tr, tr_count, use_lang};
use crate::ui::{Loaded, LocalizedText, Pager};
use crate::web::meta::PageMeta;
use crate::web::url::Page;
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
            <Loaded
                resource=directory
                show=move |view| {
                    view! {
                        <ZoneExplorer error=tr(lang, "zone-load-error")>
                            <DirectoryBody lang view />
                        </ZoneExplorer>
                    }
                }
            />
        </section>
    }
}

fn zone_href(lang: Lang, query: &DirectoryQuery) -> String {
    Page::Zone.url_and(lang, &query.to_query_string())
}

/// Filters, result count, cards and pagination for one directory view.
#[component]
fn DirectoryBody(lang: Lang, view: DirectoryView) -> impl IntoView {
    let query = view.query;
    let (count_key, approximate) = match view.size {
        ViewSize::Exact(_) => ("zone-result-count", false),
        ViewSize::About(_) => ("zone-result-count-about", true),
        // A search's pages are counted exactly within what it ranks.
        ViewSize::MoreThan(_) => ("zone-result-count-more", false),
    };
    let (previous, next) = (view.previous, view.next);
    let page = query.page;
    let here = query.clone();
    let turn = move |to: u32| {
        let target = if to > page { &next } else { &previous };
        zone_href(lang, target.as_ref().unwrap_or(&here.with_page(to)))
    };
    let empty = view
        .cards
        .is_empty()
        .then(|| view! { <p class="empty">{tr(lang, "zone-no-results")}</p> });
    view! {
        <form class="filters" method="get" action=Page::Zone.url(lang)>
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
                <FacetSelect lang name="exchange" label="zone-filter-exchange" choices=view.facets.exchanges selected=query.exchange.clone() />
                <FacetSelect lang name="market" label="zone-filter-market" choices=view.facets.markets selected=query.market.clone() />
                <FacetSelect lang name="industry" label="zone-filter-industry" choices=view.facets.industries selected=query.industry.clone() />
                <FacetSelect lang name="country" label="zone-filter-country" choices=view.facets.countries selected=query.country.clone() />
                <FacetSelect lang name="intent" label="zone-filter-intent" choices=view.facets.intents selected=query.intent.clone() />
                <label class="check">
                    <input type="checkbox" name="green" value="1" checked=query.green />
                    <span>{tr(lang, "zone-filter-green")}</span>
                </label>
            </div>
            <div class="filter-actions">
                <a class="reset" data-zone-nav="" href=Page::Zone.url(lang)>{tr(lang, "zone-reset")}</a>
                <ExportLinks lang query=query.with_page(1) />
            </div>
        </form>
        <p class="result-count">{tr_count(lang, count_key, view.size.companies())}</p>
        <ul class="company-cards">
            {view.cards.into_iter().map(|card| view! { <CompanyCardItem card /> }).collect_view()}
        </ul>
        {empty}
        <Pager lang page pages=view.pages href=turn zone_nav=true approximate />
    }
}

/// Downloads of every company in the current view (all pages).
#[component]
fn ExportLinks(lang: Lang, query: DirectoryQuery) -> impl IntoView {
    let href = |page: Page| page.url_and(lang, &query.to_query_string());
    view! {
        <span class="export">
            {tr(lang, "zone-export")} " "
            <a href=href(Page::ExportCsv) download="">{tr(lang, "zone-export-csv")}</a>
            " · "
            <a href=href(Page::ExportXlsx) download="">{tr(lang, "zone-export-xlsx")}</a>
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
