//! The recommendation pages: `/{lang}/demands/{id}/matches` (the companies that best fit an
//! enterprise's demand, for its owner and the operators) and
//! `/{lang}/zone/{mic}/{symbol}/matches` (the demands that best fit a company, for its
//! exchange's partners and the operators). Each recommendation shows its score's parts.

use super::api::{fetch_company_matches, fetch_demand_matches};
use super::matches::{Reason, Recommendations, Recommended};
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::ui::LocalizedText;
use crate::web::url::Page;
use crate::web::views::{FoundPage, NotFound, path_id, path_listing};
use leptos::prelude::*;

#[component]
pub fn DemandMatchesPage() -> impl IntoView {
    let lang = use_lang();
    let Some(id) = path_id() else {
        return view! { <NotFound /> }.into_any();
    };
    view! {
        <FoundPage members_only=Page::DemandMatches { id }.url(lang) title="match-companies-title"
            class="matches" load=move || fetch_demand_matches(lang, id)
            show=move |found| view! { <MatchList lang found empty="match-no-companies" /> } />
    }
    .into_any()
}

#[component]
pub fn CompanyMatchesPage() -> impl IntoView {
    let lang = use_lang();
    let (mic, symbol) = path_listing();
    let here = Page::CompanyMatches {
        mic: &mic,
        symbol: &symbol,
    }
    .url(lang);
    view! {
        <FoundPage members_only=here title="match-demands-title" class="matches"
            load=move || fetch_company_matches(lang, mic.clone(), symbol.clone())
            show=move |found| view! { <MatchList lang found empty="match-no-demands" /> } />
    }
}

#[component]
fn MatchList(lang: Lang, found: Recommendations, empty: &'static str) -> impl IntoView {
    let weighed = tr_args(
        lang,
        "match-weighed",
        &[
            ("count", found.weighed.into()),
            (
                "shown",
                crate::i18n::format_number(found.weighed as f64, 0).into(),
            ),
        ],
    );
    let items = match found.items.is_empty() {
        true => view! { <p class="notice">{tr(lang, empty)}</p> }.into_any(),
        false => view! {
            <ol class="match-list">
                {found.items.into_iter().map(|item| view! { <MatchCard lang item /> }).collect_view()}
            </ol>
        }
        .into_any(),
    };
    view! {
        <p class="lead"><a href=found.about_href><LocalizedText text=found.about /></a></p>
        <p class="muted">{tr(lang, "match-how")} " " {weighed}</p>
        {items}
    }
}

#[component]
fn MatchCard(lang: Lang, item: Recommended) -> impl IntoView {
    let score = tr_args(lang, "match-score", &[("score", item.score.into())]);
    let act = item
        .act
        .map(|(href, label)| view! { <p><a class="button" href=href>{label}</a></p> });
    view! {
        <li class="match">
            <div class="match-head">
                <h2><a href=item.href><LocalizedText text=item.title /></a></h2>
                <meter min="0" max="100" value=item.score title=score.clone()></meter>
                <span class="match-score">{score}</span>
            </div>
            <p class="muted">{item.facts}</p>
            <Reasons lang reasons=item.reasons />
            {act}
        </li>
    }
}

/// Why: each part of the score with its points.
#[component]
fn Reasons(lang: Lang, reasons: Vec<Reason>) -> impl IntoView {
    view! {
        <table class="match-reasons">
            <caption class="visually-hidden">{tr(lang, "match-why")}</caption>
            <tbody>
                {reasons
                    .into_iter()
                    .map(|r| view! {
                        <tr class:earned={r.points > 0}>
                            <th scope="row">{r.part}</th>
                            <td class="points">{format!("{} / {}", r.points, r.max)}</td>
                            <td>{r.why}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
