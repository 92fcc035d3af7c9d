//! Small pieces shared by every feature.

pub mod url;

use crate::i18n::{Localized, tr, use_lang};
use leptos::prelude::*;

/// A localized text with a visible note when it had to fall back to another language.
#[component]
pub fn LocalizedText(text: Localized) -> impl IntoView {
    let lang = use_lang();
    let note = text.shown_in.map(|shown| {
        let label = tr(lang, &format!("fallback-shown-in-{}", shown.code()));
        view! {
            <span class="fallback-note" title=label.clone()>
                <span class="visually-hidden">{label.clone()}</span>
                <span aria-hidden="true">{shown.code().to_uppercase()}</span>
            </span>
        }
    });
    view! {
        <span lang=text.shown_in.map(|l| l.code())>{text.text}</span>
        {note}
    }
}

/// What a page shows while its data loads.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="loading">{tr(lang, "zone-loading")}</p> }
}

/// What a page shows when its data could not be loaded.
#[component]
pub fn LoadError() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="error" role="alert">{tr(lang, "zone-load-error")}</p> }
}
