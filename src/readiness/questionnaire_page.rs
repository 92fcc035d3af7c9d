//! `/{lang}/readiness/new`: the questionnaire, five dimensions of four statements, each answered
//! on the four-level scale; a retake starts from the last answers, a refused one keeps what was
//! chosen and names each statement left out.

use super::api::fetch_questionnaire;
use super::{DimensionForm, Questionnaire};
use crate::i18n::{Lang, tr, use_lang};
use crate::web::form::{FieldState, shown, use_feedback};
use crate::web::url::Page;
use crate::web::views::FoundPage;
use crate::zone::Choice;
use leptos::prelude::*;

#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let lang = use_lang();
    let here = Page::ReadinessNew.url(lang);
    let action = here.clone();
    view! {
        <FoundPage members_only=here title="readiness-new-title" class="readiness"
            load=move || fetch_questionnaire(lang)
            show=move |form| view! { <QuestionnaireForm lang form action=action.clone() /> } />
    }
}

#[component]
fn QuestionnaireForm(lang: Lang, form: Questionnaire, action: String) -> impl IntoView {
    let Questionnaire {
        dimensions,
        levels,
        last,
    } = form;
    let sections = dimensions
        .into_iter()
        .map(|d| view! { <DimensionFields dimension=d levels=levels.clone() last=last.clone() /> })
        .collect_view();
    view! {
        <p class="lead">{tr(lang, "readiness-new-lead")}</p>
        <form method="post" action=action class="stacked-form questionnaire">
            {sections}
            <button type="submit" class="button primary">{tr(lang, "readiness-submit")}</button>
        </form>
    }
}

#[component]
fn DimensionFields(
    dimension: DimensionForm,
    levels: Vec<Choice>,
    last: Vec<(String, String)>,
) -> impl IntoView {
    let statements = dimension
        .statements
        .into_iter()
        .map(|(name, text)| {
            let stored = last
                .iter()
                .find(|(field, _)| *field == name)
                .map(|(_, level)| level.clone())
                .unwrap_or_default();
            view! { <Statement name text levels=levels.clone() stored /> }
        })
        .collect_view();
    view! {
        <fieldset class="dimension">
            <legend>{dimension.label}</legend>
            <p class="muted">{dimension.about}</p>
            {statements}
        </fieldset>
    }
}

/// One statement and the scale as radio buttons; its message under it when left out.
#[component]
fn Statement(name: String, text: String, levels: Vec<Choice>, stored: String) -> impl IntoView {
    let state = FieldState::of(&use_feedback(), &name);
    let chosen = shown(&name, &stored);
    let options = levels
        .into_iter()
        .enumerate()
        .map(|(i, level)| {
            let id = format!("{}-{i}", state.id);
            let label_for = id.clone();
            let checked = level.value == chosen;
            view! {
                <label for=label_for class="level">
                    <input type="radio" id=id name=name.clone() value=level.value checked=checked required=true />
                    {level.label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="statement" class:invalid=state.invalid()
            aria-describedby=state.described_by.clone()>
            <legend>{text}</legend>
            <div class="levels">{options}</div>
            {state.message()}
        </fieldset>
    }
}
