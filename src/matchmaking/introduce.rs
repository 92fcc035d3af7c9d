//! `/{lang}/zone/{mic}/{symbol}/introduction`: a verified enterprise asks to be introduced to
//! a listed company — what for, and a message. The request goes to the operators first; the
//! company's exchange sees it once an operator forwards it.

use super::IntroductionTarget;
use super::api::fetch_introduction;
use super::views::{Select, TextArea};
use crate::i18n::{Lang, tr, use_lang};
use crate::ui::LocalizedText;
use crate::web::url::Page;
use crate::web::views::{FoundPage, path_listing};
use leptos::prelude::*;

#[component]
pub fn IntroducePage() -> impl IntoView {
    let lang = use_lang();
    let (mic, symbol) = path_listing();
    let here = Page::Introduce {
        mic: &mic,
        symbol: &symbol,
    }
    .url(lang);
    let action = here.clone();
    view! {
        <FoundPage members_only=here title="introduce-title" class="introduce"
            load=move || fetch_introduction(lang, mic.clone(), symbol.clone())
            show=move |target| view! { <IntroduceForm lang target action=action.clone() /> } />
    }
}

#[component]
fn IntroduceForm(lang: Lang, target: IntroductionTarget, action: String) -> impl IntoView {
    let company = Page::Company {
        mic: &target.mic,
        symbol: &target.symbol,
    }
    .url(lang);
    let heading = view! {
        <p class="lead">
            <a href=company><LocalizedText text=target.name.clone() /></a>
            " · " {target.exchange.clone()}
        </p>
    };
    if let Some(case) = target.open_case {
        return view! {
            {heading}
            <p class="notice">
                {tr(lang, "introduce-already")} " "
                <a href=Page::Case { id: case }.url(lang)>{tr(lang, "introduce-open-case")}</a>
            </p>
        }
        .into_any();
    }
    view! {
        {heading}
        <p>{tr(lang, "introduce-intro")}</p>
        <form method="post" action=action class="stacked-form">
            <Select name="purpose" label=tr(lang, "case-purpose") options=target.intents
                blank=tr(lang, "form-choose") />
            <TextArea name="message" label=tr(lang, "case-message") rows=6 required=true />
            <p class="hint">{tr(lang, "introduce-privacy")}</p>
            <button type="submit" class="button primary">{tr(lang, "introduce-send")}</button>
        </form>
    }
    .into_any()
}
