//! `/{lang}/readiness`: for an enterprise, its latest assessment and every one it took, with a
//! way to take it (again); for an operator, the latest assessment of each enterprise, and with
//! `?enterprise=` one enterprise's page as that enterprise sees it.

use super::api::{fetch_assessed, fetch_overview};
use super::assessment_page::AssessmentSummary;
use super::{Assessed, AssessmentRow, Overview};
use crate::i18n::{Lang, tr, use_lang};
use crate::ui::Pager;
use crate::web::url::Page;
use crate::web::viewer::use_viewer;
use crate::web::views::FoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReadinessPage() -> impl IntoView {
    let lang = use_lang();
    let here = Page::Readiness.url(lang);
    let (enterprise, page) = use_query_map().with_untracked(|q| {
        (
            q.get("enterprise").and_then(|e| e.parse::<i32>().ok()),
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(1),
        )
    });
    let operator = use_viewer().is_some_and(|v| v.is_operator());
    if operator && enterprise.is_none() {
        return view! {
            <FoundPage members_only=here title="readiness-title" class="readiness"
                load=move || fetch_assessed(lang, page)
                show=move |assessed| view! { <AssessedList lang assessed /> } />
        }
        .into_any();
    }
    view! {
        <FoundPage members_only=here title="readiness-title" class="readiness"
            load=move || fetch_overview(lang, enterprise)
            show=move |overview| view! { <OverviewView lang overview /> } />
    }
    .into_any()
}

#[component]
fn OverviewView(lang: Lang, overview: Overview) -> impl IntoView {
    let take = overview.mine.then(|| {
        let key = match overview.latest.is_some() {
            true => "readiness-retake",
            false => "readiness-start",
        };
        view! { <p><a class="button primary" href=Page::ReadinessNew.url(lang)>{tr(lang, key)}</a></p> }
    });
    let latest = match overview.latest {
        Some(view) => view! {
            <h2>{tr(lang, "readiness-latest")} " · " {view.taken.clone()}</h2>
            <AssessmentSummary lang view />
        }
        .into_any(),
        None => view! { <p>{tr(lang, "readiness-intro")}</p> }.into_any(),
    };
    let history = (!overview.history.is_empty()).then(|| {
        view! {
            <h2>{tr(lang, "readiness-history")}</h2>
            <ScoresTable lang dimensions=overview.dimensions.clone() rows=overview.history.clone() by_enterprise=false />
        }
    });
    view! {
        {latest}
        {take}
        {history}
    }
}

#[component]
fn AssessedList(lang: Lang, assessed: Assessed) -> impl IntoView {
    if assessed.rows.is_empty() {
        return view! { <p class="notice">{tr(lang, "readiness-none-yet")}</p> }.into_any();
    }
    view! {
        <p class="muted">{tr(lang, "readiness-operators-lead")}</p>
        <ScoresTable lang dimensions=assessed.dimensions rows=assessed.rows by_enterprise=true />
        <Pager lang page=assessed.page pages=assessed.pages
            href=move |to| Page::Readiness.url_with(lang, &[("page", &to.to_string())]) />
    }
    .into_any()
}

/// Assessments as rows of scores: an enterprise's history, or each enterprise's latest.
#[component]
fn ScoresTable(
    lang: Lang,
    dimensions: Vec<String>,
    rows: Vec<AssessmentRow>,
    by_enterprise: bool,
) -> impl IntoView {
    let heads = dimensions
        .into_iter()
        .map(|d| view! { <th scope="col" class="num">{d}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|r| {
            let href = Page::Assessment { id: r.id }.url(lang);
            let who = by_enterprise.then(|| {
                let all = Page::Readiness.url_with(lang, &[("enterprise", &r.account_id.to_string())]);
                view! { <td><a href=all>{r.enterprise.clone()}</a></td> }
            });
            view! {
                <tr>
                    {who}
                    <td><a href=href>{r.taken}</a></td>
                    <td class="num"><strong>{r.overall}</strong></td>
                    {r.scores.into_iter().map(|s| view! { <td class="num">{s}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data readiness-history">
            <thead>
                <tr>
                    {by_enterprise.then(|| view! { <th scope="col">{tr(lang, "readiness-enterprise")}</th> })}
                    <th scope="col">{tr(lang, "readiness-taken")}</th>
                    <th scope="col" class="num">{tr(lang, "readiness-overall-short")}</th>
                    {heads}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
