//! `/{lang}/cases`: the viewer's desk. An enterprise sees its demands and its cases, a partner
//! the cases about its exchange's companies and its offers, an operator every case — filtered
//! by stage and exchange, the overdue ones marked, exported as CSV or XLSX — and the demands
//! waiting for review. What waits for the viewer comes first in each row's marking.

use super::api::fetch_desk;
use super::views::{Select, StatusBadge};
use super::{CaseQuery, CaseRow, DemandRow, Desk, OVERDUE_DAYS};
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::ui::{Loaded, LocalizedText, Pager};
use crate::web::url::Page;
use crate::web::views::{FormPage, require_sign_in};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DeskPage() -> impl IntoView {
    let lang = use_lang();
    if !require_sign_in(lang, &Page::Desk.url(lang)) {
        return ().into_any();
    }
    let query = use_query_map().with_untracked(|q| CaseQuery {
        stage: q.get("stage").filter(|s| !s.is_empty()),
        exchange: q.get("exchange").filter(|s| !s.is_empty()),
        overdue: q.get("overdue").is_some_and(|o| o == "on"),
        page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
    });
    let desk = Resource::new(move || query.clone(), move |q| fetch_desk(lang, q));
    view! {
        <FormPage title="desk-title" description="desk-intro" lead=true class="desk">
            <Loaded resource=desk show={move |desk: Option<Desk>| match desk {
                Some(desk) => view! { <DeskView lang desk /> }.into_any(),
                None => view! { <p class="muted">{tr(lang, "desk-none")}</p> }.into_any(),
            }} />
        </FormPage>
    }
    .into_any()
}

#[component]
fn DeskView(lang: Lang, desk: Desk) -> impl IntoView {
    let operator = desk.side == "operator";
    let awaiting = tr_args(lang, "desk-awaiting", &[("count", desk.awaiting.into())]);
    let query = desk.query.clone();
    let filters = operator.then(|| view! { <Filters lang desk=desk.clone() /> });
    let demands_title = if operator {
        "desk-review"
    } else {
        "desk-demands"
    };
    let new_demand = (!operator).then(|| {
        view! { <p><a class="button" href=Page::DemandNew.url(lang)>{tr(lang, "board-publish")}</a></p> }
    });
    let rows = desk
        .cases
        .into_iter()
        .map(|row| view! { <CaseLine lang row /> })
        .collect_view();
    view! {
        <p class="notice" role="status">{awaiting}</p>
        {filters}
        <section aria-labelledby="desk-cases">
            <h2 id="desk-cases">{tr_args(lang, "desk-cases", &[("count", desk.total.into())])}</h2>
            <div class="table-scroll">
                <table class="console-table cases">
                    <thead><tr>
                        <th scope="col">{tr(lang, "case-column-id")}</th>
                        <th scope="col">{tr(lang, "case-column-stage")}</th>
                        <th scope="col">{tr(lang, "case-column-company")}</th>
                        <th scope="col">{tr(lang, "case-column-enterprise")}</th>
                        <th scope="col">{tr(lang, "case-column-purpose")}</th>
                        <th scope="col">{tr(lang, "case-column-days")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Pager lang page=query.page pages=desk.pages href=move |page| Page::Desk.url_at_page(lang, query.pairs(), page) />
        </section>
        <section aria-labelledby="desk-demands">
            <h2 id="desk-demands">{tr(lang, demands_title)}</h2>
            {new_demand}
            <DemandList lang demands=desk.demands />
        </section>
    }
}

#[component]
fn CaseLine(lang: Lang, row: CaseRow) -> impl IntoView {
    let days = tr_args(
        lang,
        "desk-days",
        &[("count", row.days_since_change.into())],
    );
    let overdue = row.overdue.then(|| {
        view! { <span class="badge overdue">{tr_args(lang, "desk-overdue", &[("days", OVERDUE_DAYS.into())])}</span> }
    });
    let waits = row
        .awaits_viewer
        .then(|| view! { <span class="badge awaits">{tr(lang, "desk-awaits-you")}</span> });
    view! {
        <tr class:overdue=row.overdue class:awaits=row.awaits_viewer>
            <td><a href=Page::Case { id: row.id }.url(lang)>{format!("#{}", row.id)}</a></td>
            <td><StatusBadge lang prefix="case-stage" code=row.stage.clone() /> {waits}</td>
            <td><LocalizedText text=row.company /> " (" {row.exchange_mic} ")"</td>
            <td>{row.enterprise}</td>
            <td>{row.purpose}</td>
            <td><time datetime=row.updated>{days}</time> {overdue}</td>
        </tr>
    }
}

/// The operator's filters and the export of what they select.
#[component]
fn Filters(lang: Lang, desk: Desk) -> impl IntoView {
    let query = desk.query;
    let pairs = query.pairs();
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let export = |format| Page::DeskExport { format }.url_with(lang, &pairs);
    view! {
        <form method="get" action=Page::Desk.url(lang) class="filters">
            <Select name="stage" label=tr(lang, "case-column-stage") options=desk.stages
                selected=query.stage.clone().unwrap_or_default() blank=tr(lang, "board-any") />
            <Select name="exchange" label=tr(lang, "case-column-exchange") options=desk.exchanges
                selected=query.exchange.clone().unwrap_or_default() blank=tr(lang, "board-any") />
            <div class="field checkbox">
                <input id="desk-overdue" type="checkbox" name="overdue" value="on" checked=query.overdue />
                <label for="desk-overdue">{tr_args(lang, "desk-overdue-only", &[("days", OVERDUE_DAYS.into())])}</label>
            </div>
            <button type="submit" class="button">{tr(lang, "board-apply")}</button>
        </form>
        <p class="downloads">
            <a class="button" href=export("csv")>{tr(lang, "desk-export-csv")}</a>
            " "
            <a class="button" href=export("xlsx")>{tr(lang, "desk-export-xlsx")}</a>
        </p>
    }
}

#[component]
fn DemandList(lang: Lang, demands: Vec<DemandRow>) -> impl IntoView {
    if demands.is_empty() {
        return view! { <p class="muted">{tr(lang, "desk-demands-none")}</p> }.into_any();
    }
    let rows = demands
        .into_iter()
        .map(|d| {
            view! {
                <tr>
                    <td><a href=Page::Demand { id: d.id }.url(lang)><LocalizedText text=d.title /></a></td>
                    <td>{d.kind}</td>
                    <td><StatusBadge lang prefix="demand-status" code=d.status /></td>
                    <td><time datetime=d.valid_until.clone()>{d.valid_until.clone()}</time></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="console-table demands">
                <thead><tr>
                    <th scope="col">{tr(lang, "demand-text-title")}</th>
                    <th scope="col">{tr(lang, "demand-kind")}</th>
                    <th scope="col">{tr(lang, "demand-status")}</th>
                    <th scope="col">{tr(lang, "demand-valid-until")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
