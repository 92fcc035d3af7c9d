//! What matchmaking's pages share: form controls that keep what was typed after a refused
//! post, a status badge and a demand's card.

use super::DemandCard;
use crate::i18n::{Lang, tr};
use crate::ui::LocalizedText;
use crate::web::form::{FieldState, shown, use_feedback};
use crate::web::url::Page;
use crate::zone::Choice;
use leptos::prelude::*;

/// A labelled select of `options`, `selected` chosen; a first empty option when `blank`.
#[component]
pub fn Select(
    name: &'static str,
    label: String,
    options: Vec<Choice>,
    #[prop(optional)] selected: String,
    #[prop(optional)] blank: Option<String>,
) -> impl IntoView {
    let state = FieldState::of(&use_feedback(), name);
    let selected = shown(name, &selected);
    let blank = blank.map(|text| view! { <option value="">{text}</option> });
    let options = options
        .into_iter()
        .map(|c| {
            let chosen = c.value == selected;
            view! { <option value=c.value selected=chosen>{c.label}</option> }
        })
        .collect_view();
    let control = view! {
        <select id=state.id.clone() name=name aria-invalid=state.invalid().then_some("true")
            aria-describedby=state.described_by.clone()>
            {blank}
            {options}
        </select>
    };
    state.frame(label, control)
}

/// A labelled text area, showing `stored` or what was typed.
#[component]
pub fn TextArea(
    name: &'static str,
    label: String,
    #[prop(optional)] stored: String,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] lang: Option<&'static str>,
    #[prop(default = false)] required: bool,
    /// Which of the page's forms holds it, when several have a field of this name.
    #[prop(optional, into)]
    form: Option<String>,
) -> impl IntoView {
    let state = FieldState::scoped(&use_feedback(), form.as_deref(), name);
    let value = shown(name, &stored);
    let control = view! {
        <textarea id=state.id.clone() name=name rows=rows lang=lang required=required
            aria-invalid=state.invalid().then_some("true")
            aria-describedby=state.described_by.clone()>{value}</textarea>
    };
    state.frame(label, control)
}

/// A demand's or a case's status, as a badge in the page language.
#[component]
pub fn StatusBadge(lang: Lang, prefix: &'static str, code: String) -> impl IntoView {
    let text = tr(lang, &format!("{prefix}-{code}"));
    view! { <span class=format!("badge status-{code}")>{text}</span> }
}

/// A demand on the board: title, kind and industry, targets, financing, publisher, validity.
#[component]
pub fn DemandCardView(lang: Lang, card: DemandCard) -> impl IntoView {
    let href = Page::Demand { id: card.id }.url(lang);
    let targets = match card.targets.is_empty() {
        true => tr(lang, "demand-targets-anywhere"),
        false => card.targets.join(" · "),
    };
    view! {
        <li class="demand-card">
            <h3><a href=href><LocalizedText text=card.title /></a></h3>
            <p class="chips">
                <span class="chip">{card.kind}</span>
                <span class="chip">{card.industry}</span>
                {card.green.then(|| view! { <span class="chip green">{tr(lang, "demand-green")}</span> })}
            </p>
            <dl class="demand-facts">
                <dt>{tr(lang, "demand-targets")}</dt>
                <dd>{targets}</dd>
                {card.financing.map(|f| view! { <dt>{tr(lang, "demand-financing")}</dt><dd>{f}</dd> })}
                <dt>{tr(lang, "demand-publisher")}</dt>
                <dd>{card.publisher}</dd>
                <dt>{tr(lang, "demand-valid-until")}</dt>
                <dd><time datetime=card.valid_until.clone()>{card.valid_until.clone()}</time></dd>
            </dl>
        </li>
    }
}
