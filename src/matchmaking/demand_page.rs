//! `/{lang}/demands/{id}`: one demand — public once published, always for its owner and the
//! operators — with what the viewer may do: its owner submit, renew or withdraw it, an operator
//! publish or return it with a reason, a partner answer it for one of its companies. Never a
//! contact: those come with a case, once both sides have agreed.

use super::api::fetch_demand;
use super::views::{StatusBadge, TextArea};
use super::{DemandDetail, views::DemandCardView};
use crate::i18n::{Lang, tr, use_lang};
use crate::ui::LocalizedText;
use crate::web::form::Field;
use crate::web::url::Page;
use crate::web::views::{FoundPage, NotFound, path_id};
use leptos::prelude::*;

#[component]
pub fn DemandPage() -> impl IntoView {
    let lang = use_lang();
    let Some(id) = path_id() else {
        return view! { <NotFound /> }.into_any();
    };
    view! {
        <FoundPage title="demand-title" class="demand" load=move || fetch_demand(lang, id)
            show=move |detail| view! { <DemandView lang detail /> } />
    }
    .into_any()
}

#[component]
fn DemandView(lang: Lang, detail: DemandDetail) -> impl IntoView {
    let id = detail.card.id;
    let here = Page::Demand { id }.url(lang);
    let has = |action: &str| detail.actions.iter().any(|a| a == action);
    let owner_steps = ["submit", "renew", "withdraw"]
        .into_iter()
        .filter(|a| has(a))
        .map(|action| {
            view! {
                <form method="post" action=here.clone() class="inline-form">
                    <input type="hidden" name="action" value=action />
                    <button type="submit" class="button">{tr(lang, &format!("demand-action-{action}"))}</button>
                </form>
            }
        })
        .collect_view();
    let matches = has("matches").then(|| {
        view! { <a class="button" href=Page::DemandMatches { id }.url(lang)>{tr(lang, "match-link-companies")}</a> }
    });
    let edit = has("edit").then(|| {
        view! { <a class="button" href=Page::DemandEdit { id }.url(lang)>{tr(lang, "demand-action-edit")}</a> }
    });
    let review = has("publish").then(|| view! { <ReviewForms lang action=here.clone() /> });
    let answer = has("answer").then(|| view! { <AnswerForm lang action=here.clone() /> });
    let case = detail.case_id.map(|case| {
        view! { <p class="notice"><a href=Page::Case { id: case }.url(lang)>{tr(lang, "demand-case-open")}</a></p> }
    });
    let reason = detail.return_reason.clone().map(|r| {
        view! { <p class="form-banner">{tr(lang, "demand-returned-because")} " " {r}</p> }
    });
    view! {
        <p><StatusBadge lang prefix="demand-status" code=detail.status.clone() /></p>
        {reason}
        <ul class="demand-list single">
            <DemandCardView lang card=detail.card.clone() />
        </ul>
        {detail.description.map(|d| view! { <section class="demand-description"><p><LocalizedText text=d /></p></section> })}
        <p class="muted">{tr(lang, "demand-no-contacts")}</p>
        {case}
        <div class="actions">{matches}{edit}{owner_steps}</div>
        {review}
        {answer}
    }
}

/// The operator's decision on a demand in review: publish it, or return it with a reason.
#[component]
fn ReviewForms(lang: Lang, action: String) -> impl IntoView {
    view! {
        <section class="review" aria-labelledby="review">
            <h2 id="review">{tr(lang, "demand-review")}</h2>
            <form method="post" action=action.clone() class="inline-form">
                <input type="hidden" name="action" value="publish" />
                <button type="submit" class="button primary">{tr(lang, "demand-action-publish")}</button>
            </form>
            <form method="post" action=action class="stacked-form">
                <input type="hidden" name="action" value="return" />
                <TextArea name="reason" label=tr(lang, "demand-return-reason") rows=3 />
                <button type="submit" class="button">{tr(lang, "demand-action-return")}</button>
            </form>
        </section>
    }
}

/// A partner answers the demand for one of its exchange's companies, which opens a case.
#[component]
fn AnswerForm(lang: Lang, action: String) -> impl IntoView {
    view! {
        <section class="answer" aria-labelledby="answer">
            <h2 id="answer">{tr(lang, "demand-answer")}</h2>
            <p class="hint">{tr(lang, "demand-answer-hint")}</p>
            <form method="post" action=action class="stacked-form">
                <input type="hidden" name="action" value="answer" />
                <Field name="company" label=tr(lang, "demand-company") />
                <TextArea name="message" label=tr(lang, "case-message") rows=5 required=true />
                <button type="submit" class="button primary">{tr(lang, "demand-action-answer")}</button>
            </form>
        </section>
    }
}
