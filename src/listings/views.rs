//! What the partner's pages share: their console tables, a batch's status and counts, and
//! the choice of a file's encoding.

use super::{BatchSummary, Counts};
use crate::i18n::{Lang, format_number, tr, tr_args};
use leptos::prelude::*;

/// A console table: a head row of `headings` (message keys), then `children`, the body's rows;
/// with `scroll`, in a box that scrolls sideways on narrow screens.
#[component]
pub(super) fn ConsoleTable(
    lang: Lang,
    headings: &'static [&'static str],
    #[prop(default = true)] scroll: bool,
    children: Children,
) -> impl IntoView {
    let headings = headings
        .iter()
        .map(|key| view! { <th scope="col">{tr(lang, key)}</th> })
        .collect_view();
    let table = view! {
        <table class="console-table">
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    };
    if scroll {
        view! { <div class="table-scroll">{table}</div> }.into_any()
    } else {
        table.into_any()
    }
}

#[component]
pub(super) fn EncodingSelect(
    lang: Lang,
    encodings: Vec<String>,
    selected: Option<String>,
) -> impl IntoView {
    let options = encodings
        .into_iter()
        .map(|e| {
            let chosen = selected.as_deref() == Some(e.as_str());
            view! { <option value=e.clone() selected=chosen>{e.clone()}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="field-encoding">{tr(lang, "partner-encoding")}</label>
            <select id="field-encoding" name="encoding">
                <option value="">{tr(lang, "partner-encoding-detect")}</option>
                {options}
            </select>
        </div>
    }
}

/// `42 KB · csv · windows-874`
pub(super) fn file_facts(b: &BatchSummary) -> String {
    let size = format!(
        "{} KB",
        format_number((b.file_size as f64 / 1024.0).ceil(), 0)
    );
    [
        Some(size),
        Some(b.format.clone()).filter(|f| !f.is_empty()),
        b.encoding.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

#[component]
pub(super) fn Counted(lang: Lang, counts: Counts) -> impl IntoView {
    tr_args(
        lang,
        "partner-counts-line",
        &[
            ("total", counts.total.into()),
            ("created", counts.created.into()),
            ("updated", counts.updated.into()),
            ("unchanged", counts.unchanged.into()),
            ("delisted", counts.delisted.into()),
            ("rejected", counts.rejected.into()),
        ],
    )
}

#[component]
pub(super) fn BatchStatus(lang: Lang, status: String) -> impl IntoView {
    view! { <span class=format!("batch-status {status}")>{tr(lang, &format!("partner-status-{status}"))}</span> }
}
