//! `/{lang}/partner/companies`: the companies of the partner's exchange, searched and filtered;
//! `/{lang}/partner/companies/{symbol}`: one company's edit form, with delist and relist. No
//! JavaScript: the list's filters are a GET form, the edit form posts and the next page follows.

use super::api::{fetch_companies, fetch_company_form};
use super::company_editor::{Intents, ListingFacts, TextsTable, Years};
use super::views::ConsoleTable;
use super::{CompanyForm, CompanyList};
use crate::i18n::{Lang, has_message, tr, tr_args, use_lang};
use crate::ui::{Fact, Loaded, LocalizedText, Pager};
use crate::web::url::Page;
use crate::web::views::{FormPage, FoundPage, require_sign_in};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The list's query string: `exchange` (an operator's choice), `q`, `state`, `market`, `page`.
#[derive(Clone, Debug, PartialEq)]
struct ListQuery {
    exchange: Option<String>,
    q: Option<String>,
    state: Option<String>,
    market: Option<String>,
    page: u32,
}

/// The list at page `page`, with the same search and filters, on exchange `mic`.
fn list_href(lang: Lang, query: &ListQuery, mic: &str, page: u32) -> String {
    let page = page.to_string();
    let pairs: Vec<(&str, &str)> = [
        ("exchange", Some(mic)),
        ("q", query.q.as_deref()),
        ("state", query.state.as_deref()),
        ("market", query.market.as_deref()),
        ("page", Some(page.as_str())),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.filter(|v| !v.is_empty()).map(|v| (key, v)))
    .collect();
    Page::PartnerCompanies.url_with(lang, &pairs)
}

/// The label of a `market-*` or `industry-*` code; the code itself when no message names it.
fn label(lang: Lang, kind: &str, code: &str) -> String {
    let key = format!("{kind}-{code}");
    if code.is_empty() || !has_message(lang, &key) {
        code.to_owned()
    } else {
        tr(lang, &key)
    }
}

#[component]
pub fn PartnerCompaniesPage() -> impl IntoView {
    let lang = use_lang();
    if !require_sign_in(lang, &Page::PartnerCompanies.url(lang)) {
        return ().into_any();
    }
    let query = use_query_map().with_untracked(|q| ListQuery {
        exchange: q.get("exchange"),
        q: q.get("q"),
        state: q.get("state"),
        market: q.get("market"),
        page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
    });
    let shown = query.clone();
    let list = Resource::new(
        move || query.clone(),
        move |q| fetch_companies(lang, q.exchange, q.q, q.state, q.market, q.page),
    );
    view! {
        <FormPage title="partner-company-list-title" description="partner-company-list-intro" lead=true class="partner companies">
            <Loaded resource=list show=move |list| view! { <CompanyListView lang list query=shown.clone() /> } />
        </FormPage>
    }
    .into_any()
}

#[component]
fn CompanyListView(lang: Lang, list: CompanyList, query: ListQuery) -> impl IntoView {
    let mic = list.exchange_mic.clone();
    let state = query.state.clone().unwrap_or_default();
    let market = query.market.clone().unwrap_or_default();
    let states = [
        ("", "partner-company-state-all"),
        ("listed", "partner-company-state-listed"),
        ("delisted", "partner-company-state-delisted"),
    ]
    .into_iter()
    .map(|(value, key)| {
        let chosen = state == value;
        view! { <option value=value selected=chosen>{tr(lang, key)}</option> }
    })
    .collect_view();
    let markets = list
        .markets
        .into_iter()
        .map(|(code, name)| {
            let chosen = market == code;
            view! { <option value=code selected=chosen>{name}</option> }
        })
        .collect_view();
    let rows = list
        .rows
        .into_iter()
        .map(|c| {
            let href = Page::PartnerCompany { symbol: &c.symbol }
                .url_with(lang, &[("exchange", mic.as_str())]);
            let state = if c.delisted {
                "partner-company-state-delisted"
            } else {
                "partner-company-state-listed"
            };
            view! {
                <tr class:delisted=c.delisted>
                    <td><a href=href class="symbol">{c.symbol}</a></td>
                    <td><LocalizedText text=c.name /></td>
                    <td>{label(lang, "market", &c.market)}</td>
                    <td>{label(lang, "industry", &c.industry)}</td>
                    <td>{tr(lang, state)}</td>
                </tr>
            }
        })
        .collect_view();
    let table = if list.total == 0 {
        view! { <p class="muted">{tr(lang, "partner-company-list-none")}</p> }.into_any()
    } else {
        let headings = &[
            "import-field-symbol",
            "import-field-name",
            "import-field-market",
            "import-field-industry",
            "account-status",
        ];
        view! { <ConsoleTable lang headings>{rows}</ConsoleTable> }.into_any()
    };
    let (pager_query, pager_mic) = (query.clone(), mic.clone());
    view! {
        <dl class="facts">
            <Fact label=tr(lang, "account-exchange")>{format!("{} ({mic})", list.exchange_name)}</Fact>
        </dl>
        <p><a href=Page::Partner.url_with(lang, &[("exchange", mic.as_str())])>{tr(lang, "partner-company-back-to-workspace")}</a></p>
        <form method="get" action=Page::PartnerCompanies.url(lang) class="filters">
            <input type="hidden" name="exchange" value=mic.clone() />
            <div class="search-row">
                <label class="search">
                    <span class="visually-hidden">{tr(lang, "zone-search")}</span>
                    <input type="search" name="q" maxlength="100" placeholder=tr(lang, "partner-company-search-placeholder") value=query.q.clone() />
                </label>
                <button type="submit" class="button primary">{tr(lang, "zone-search")}</button>
            </div>
            <div class="filter-row">
                <label class="facet">
                    <span>{tr(lang, "account-status")}</span>
                    <select name="state">{states}</select>
                </label>
                <label class="facet">
                    <span>{tr(lang, "import-field-market")}</span>
                    <select name="market">
                        <option value="" selected=market.is_empty()>{tr(lang, "zone-filter-any")}</option>
                        {markets}
                    </select>
                </label>
            </div>
        </form>
        <p class="result-count">{tr_args(lang, "partner-company-list-count", &[("count", list.total.into())])}</p>
        {table}
        <Pager
            lang
            page=list.page
            pages=list.pages
            href=move |to| list_href(lang, &pager_query, &pager_mic, to)
        />
    }
}

#[component]
pub fn PartnerCompanyPage() -> impl IntoView {
    let lang = use_lang();
    let symbol = use_params_map()
        .with_untracked(|p| p.get("symbol"))
        .unwrap_or_default();
    let here = Page::PartnerCompany { symbol: &symbol }.url(lang);
    let exchange = use_query_map().with_untracked(|q| q.get("exchange"));
    view! {
        <FoundPage members_only=here title="partner-company-edit-title" class="partner company-edit"
            load=move || fetch_company_form(lang, symbol.clone(), exchange.clone())
            show={move |form: CompanyForm| view! { <CompanyEditor lang form /> }} />
    }
}

#[component]
fn CompanyEditor(lang: Lang, form: CompanyForm) -> impl IntoView {
    let (mic, symbol) = (form.exchange_mic.clone(), form.symbol.clone());
    let here = [("exchange", mic.as_str())];
    let save = Page::PartnerCompany { symbol: &symbol }.url_with(lang, &here);
    let state = if form.delisted {
        "partner-company-state-delisted"
    } else {
        "partner-company-state-listed"
    };
    let in_zone = (!form.delisted).then(|| {
        let href = Page::Company {
            mic: &mic,
            symbol: &symbol,
        }
        .url(lang);
        view! { " · " <a href=href>{tr(lang, "partner-company-view-in-zone")}</a> }
    });
    // A component's children are a closure that owns what it shows: copies, not `mic` itself.
    let (shown_symbol, shown_mic, name) = (symbol.clone(), mic.clone(), form.name.clone());
    view! {
        <p>
            <a href=Page::PartnerCompanies.url_with(lang, &here)>{tr(lang, "partner-company-back-to-list")}</a>
            {in_zone}
        </p>
        <dl class="facts">
            <Fact label=tr(lang, "import-field-symbol")><span class="symbol">{shown_symbol}</span></Fact>
            <Fact label=tr(lang, "import-field-name")><LocalizedText text=name /></Fact>
            <Fact label=tr(lang, "import-field-exchange")>{shown_mic}</Fact>
            <Fact label=tr(lang, "account-status")>{tr(lang, state)}</Fact>
        </dl>
        <form method="post" action=save class="stacked-form company-form">
            <input type="hidden" name="seen" value=form.seen.clone() />
            <TextsTable lang texts=form.texts.clone() />
            <ListingFacts lang form=form.clone() />
            <Intents lang declared=form.intents.clone() />
            <Years lang years=form.years.clone() />
            <button type="submit" class="button primary">{tr(lang, "partner-company-save")}</button>
        </form>
        <ZoneState lang mic symbol delisted=form.delisted />
    }
}

/// Whether the zone shows the company, and the button that changes it.
#[component]
fn ZoneState(lang: Lang, mic: String, symbol: String, delisted: bool) -> impl IntoView {
    let here = [("exchange", mic.as_str())];
    let (action, note, button) = if delisted {
        (
            Page::PartnerCompanyRelist { symbol: &symbol }.url_with(lang, &here),
            "partner-company-relist-hint",
            "partner-company-relist",
        )
    } else {
        (
            Page::PartnerCompanyDelist { symbol: &symbol }.url_with(lang, &here),
            "partner-company-delist-hint",
            "partner-company-delist",
        )
    };
    view! {
        <section class="zone-state" aria-labelledby="zone-state">
            <h2 id="zone-state">{tr(lang, "partner-company-zone-state")}</h2>
            <p class="hint">{tr(lang, note)}</p>
            <form method="post" action=action class="inline-form">
                <button type="submit" class="button">{tr(lang, button)}</button>
            </form>
        </section>
    }
}
