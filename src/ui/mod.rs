//! Small pieces shared by every feature.

pub mod url;

use crate::i18n::{Labels, Localized};
use leptos::prelude::*;

/// Keys of the notes shown beside a text that is not in the page language.
pub const FALLBACK_KEYS: [&str; 4] =
    ["fallback-shown-in-zh", "fallback-shown-in-en", "fallback-shown-in-ms", "fallback-shown-in-th"];

/// A localised text with a visible note when it had to fall back to another language.
#[component]
pub fn LocalizedText(text: Localized, labels: Labels) -> impl IntoView {
    let note = text.shown_in.map(|lang| {
        let label = labels.get(&format!("fallback-shown-in-{}", lang.code()));
        view! {
            <span class="fallback-note" title=label.clone()>
                <span class="visually-hidden">{label.clone()}</span>
                <span aria-hidden="true">{lang.code().to_uppercase()}</span>
            </span>
        }
    });
    let lang = text.shown_in.map(|l| l.code());
    view! {
        <span lang=lang>{text.text}</span>
        {note}
    }
}
