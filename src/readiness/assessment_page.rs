//! `/{lang}/readiness/{id}`: one assessment — the scores per dimension as a chart and a table,
//! compared with the take before, and the next steps of each weak dimension. For the enterprise
//! that took it and the operators.

use super::AssessmentView;
use super::api::fetch_assessment;
use super::chart::ScoreChart;
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::web::url::Page;
use crate::web::views::{FoundPage, NotFound, path_id};
use leptos::prelude::*;

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let lang = use_lang();
    let Some(id) = path_id() else {
        return view! { <NotFound /> }.into_any();
    };
    view! {
        <FoundPage members_only=Page::Assessment { id }.url(lang) title="readiness-assessment-title"
            class="readiness" load=move || fetch_assessment(lang, id)
            show=move |view| {
                let history = match view.mine {
                    true => Page::Readiness.url(lang),
                    false => Page::Readiness.url_with(lang, &[("enterprise", &view.account_id.to_string())]),
                };
                view! {
                    <p class="lead">{view.enterprise.clone()} " · " {view.taken.clone()}</p>
                    <AssessmentSummary lang view />
                    <p><a href=history>{tr(lang, "readiness-history-link")}</a></p>
                }
            } />
    }
    .into_any()
}

/// The overall score and how it moved, the chart, the table and the next steps.
#[component]
pub fn AssessmentSummary(lang: Lang, view: AssessmentView) -> impl IntoView {
    let moved = match (view.previous_overall, &view.previous_taken) {
        (Some(before), Some(when)) => tr_args(
            lang,
            "readiness-overall-compared",
            &[("before", before.into()), ("date", when.clone().into())],
        ),
        _ => tr(lang, "readiness-first-take"),
    };
    let rows = view
        .dimensions
        .iter()
        .map(|d| {
            let before = d.previous.map_or_else(|| "—".to_owned(), |p| p.to_string());
            let change = d.previous.map(|p| {
                let delta = i64::from(d.score) - i64::from(p);
                format!("{delta:+}")
            });
            view! {
                <tr class:weak=d.weak>
                    <th scope="row">{d.label.clone()}</th>
                    <td class="num">{d.score}</td>
                    <td class="num">{before}</td>
                    <td class="num">{change.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let weak: Vec<_> = view.dimensions.iter().filter(|d| d.weak).cloned().collect();
    let steps = match weak.is_empty() {
        true => view! { <p class="notice">{tr(lang, "readiness-no-weak")}</p> }.into_any(),
        false => weak
            .into_iter()
            .map(|d| {
                view! {
                    <section class="next-steps">
                        <h3>{d.label}</h3>
                        <ul>{d.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    </section>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <p class="readiness-overall">
            <strong>{tr_args(lang, "readiness-overall", &[("score", view.overall.into())])}</strong>
            " " <span class="muted">{moved}</span>
        </p>
        <ScoreChart lang dimensions=view.dimensions.clone() />
        <table class="data readiness-scores">
            <thead>
                <tr>
                    <th scope="col">{tr(lang, "readiness-dimension")}</th>
                    <th scope="col" class="num">{tr(lang, "readiness-score")}</th>
                    <th scope="col" class="num">{tr(lang, "readiness-before")}</th>
                    <th scope="col" class="num">{tr(lang, "readiness-change")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <h2>{tr(lang, "readiness-next-steps")}</h2>
        {steps}
    }
}
