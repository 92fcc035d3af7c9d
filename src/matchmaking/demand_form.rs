//! `/{lang}/demands/new` and `/{lang}/demands/{id}/edit`: a demand's form for a verified
//! enterprise, or a partner's offer for one of its companies. Its title and description may be
//! written in any of the four languages; the board shows each reader the best one there is.

use super::api::fetch_demand_form;
use super::views::{Select, TextArea};
use super::{CURRENCIES, DEMAND_KINDS, DemandForm, FINANCING_STAGES};
use crate::i18n::{Lang, tr, use_lang};
use crate::web::form::{Field, FieldState, shown, use_feedback};
use crate::web::url::Page;
use crate::web::viewer::use_viewer;
use crate::web::views::{FoundPage, path_id};
use crate::zone::{Choice, INDUSTRIES};
use leptos::prelude::*;

fn choices(lang: Lang, prefix: &str, codes: &[&str]) -> Vec<Choice> {
    codes
        .iter()
        .map(|c| Choice {
            value: (*c).to_owned(),
            label: tr(lang, &format!("{prefix}-{c}")),
        })
        .collect()
}

#[component]
pub fn DemandFormPage() -> impl IntoView {
    let lang = use_lang();
    let id = path_id();
    let (here, title) = match id {
        Some(id) => (Page::DemandEdit { id }.url(lang), "demand-edit-title"),
        None => (Page::DemandNew.url(lang), "demand-new-title"),
    };
    let action = here.clone();
    view! {
        <FoundPage members_only=here title class="demand-form" load=move || fetch_demand_form(lang, id)
            show=move |form| view! { <DemandFormView lang form action=action.clone() /> } />
    }
}

#[component]
fn DemandFormView(lang: Lang, form: DemandForm, action: String) -> impl IntoView {
    let partner = use_viewer().is_some_and(|v| v.is_partner());
    let company = partner.then(|| {
        view! {
            <Field name="company" label=tr(lang, "demand-company") value=shown("company", &form.company)
                hint=tr(lang, "demand-company-hint") />
        }
    });
    let green = shown("green", if form.green { "on" } else { "" }) == "on";
    view! {
        <p class="lead">{tr(lang, "demand-form-intro")}</p>
        <form method="post" action=action class="stacked-form demand-form">
            {company}
            <Select name="kind" label=tr(lang, "demand-kind") options=choices(lang, "demand-kind", &DEMAND_KINDS)
                selected=form.kind.clone() blank=tr(lang, "form-choose") />
            <Select name="industry" label=tr(lang, "demand-industry") options=choices(lang, "industry", &INDUSTRIES)
                selected=form.industry.clone() blank=tr(lang, "form-choose") />
            <Targets lang choices=form.target_choices.clone() stored=form.targets.clone() />
            <div class="field checkbox">
                <input id="field-green" type="checkbox" name="green" value="on" checked=green />
                <label for="field-green">{tr(lang, "demand-green-fit")}</label>
            </div>
            <fieldset>
                <legend>{tr(lang, "demand-financing")}</legend>
                <p class="hint">{tr(lang, "demand-financing-hint")}</p>
                <Field name="amount_min" label=tr(lang, "demand-amount-min") required=false
                    value=shown("amount_min", &form.amount_min) />
                <Field name="amount_max" label=tr(lang, "demand-amount-max") required=false
                    value=shown("amount_max", &form.amount_max) />
                <Select name="currency" label=tr(lang, "demand-currency")
                    options=CURRENCIES.iter().map(|c| Choice { value: (*c).to_owned(), label: (*c).to_owned() }).collect()
                    selected=form.currency.clone() blank=tr(lang, "form-choose") />
                <Select name="stage" label=tr(lang, "demand-stage") options=choices(lang, "demand-stage", &FINANCING_STAGES)
                    selected=form.stage.clone() blank=tr(lang, "form-choose") />
            </fieldset>
            <Texts lang texts=form.texts.clone() />
            <div class="actions">
                <button type="submit" name="intent" value="draft" class="button">{tr(lang, "demand-save-draft")}</button>
                <button type="submit" name="intent" value="submit" class="button primary">{tr(lang, "demand-submit")}</button>
            </div>
        </form>
    }
}

/// Where the demand looks: countries and exchanges, ticked; none ticked is anywhere.
#[component]
fn Targets(lang: Lang, choices: Vec<Choice>, stored: Vec<String>) -> impl IntoView {
    let feedback = use_feedback();
    let again = feedback.has_errors();
    let state = FieldState::of(&feedback, "targets");
    let ticked = if again {
        feedback.values("targets")
    } else {
        stored
    };
    let boxes = choices
        .into_iter()
        .map(|c| {
            let id = format!("target-{}", c.value);
            let checked = ticked.contains(&c.value);
            view! {
                <span class="checkbox">
                    <input id=id.clone() type="checkbox" name="targets" value=c.value checked=checked />
                    <label for=id>{c.label}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <fieldset class:invalid=state.invalid() aria-describedby=state.described_by.clone()>
            <legend>{tr(lang, "demand-targets")}</legend>
            <p class="hint">{tr(lang, "demand-targets-hint")}</p>
            <div class="checkbox-grid">{boxes}</div>
            {state.message()}
        </fieldset>
    }
}

/// Title and description in each language, side by side on wide screens.
#[component]
fn Texts(lang: Lang, texts: Vec<(String, String, String)>) -> impl IntoView {
    let rows = texts
        .into_iter()
        .map(|(code, title, description)| {
            let native = Lang::from_code(&code).map_or("", Lang::native_name);
            let (title_name, description_name) = names(&code);
            let code: &'static str = Lang::from_code(&code).map_or("en", Lang::code);
            view! {
                <fieldset class="demand-text" lang=code>
                    <legend>{native}</legend>
                    <Field name=title_name label=tr(lang, "demand-text-title") required=false
                        value=shown(title_name, &title) />
                    <TextArea name=description_name label=tr(lang, "demand-text-description")
                        stored=description rows=5 lang=code />
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{tr(lang, "demand-texts")}</legend>
            <p class="hint">{tr(lang, "demand-texts-hint")}</p>
            <div class="demand-texts">{rows}</div>
        </fieldset>
    }
}

/// The form's field names for a language's title and description.
fn names(code: &str) -> (&'static str, &'static str) {
    match code {
        "zh" => ("title.zh", "description.zh"),
        "ms" => ("title.ms", "description.ms"),
        "th" => ("title.th", "description.th"),
        _ => ("title.en", "description.en"),
    }
}
