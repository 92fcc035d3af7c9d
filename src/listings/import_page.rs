//! `/{lang}/partner/imports/{id}`: one batch's preview, its decisions, commit and undo.

use super::api::fetch_import;
use super::views::{BatchStatus, ConsoleTable, Counted, EncodingSelect, file_facts};
use super::{CompanyChanges, IGNORE, ImportPreview, RowProblem};
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::ui::Fact;
use crate::web::url::Page;
use crate::web::views::{FoundPage, NotFound, path_id};
use leptos::prelude::*;

#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    let Some(id) = path_id() else {
        return view! { <NotFound /> }.into_any();
    };
    view! {
        <FoundPage members_only=Page::PartnerImport { id }.url(lang) title="import-title"
            class="partner import" load=move || fetch_import(lang, id)
            show={move |preview: ImportPreview| view! { <PreviewView lang preview /> }} />
    }
    .into_any()
}

#[component]
fn PreviewView(lang: Lang, preview: ImportPreview) -> impl IntoView {
    let b = &preview.batch;
    let (id, facts, status, counts) = (b.id, file_facts(b), b.status.clone(), b.counts);
    let unreadable = preview
        .unreadable
        .clone()
        .map(|reason| view! { <p class="form-banner" role="alert">{reason}</p> });
    let warnings = preview
        .warnings
        .iter()
        .map(|w| view! { <li>{w.clone()}</li> })
        .collect_view();
    let in_preview = status == "preview";
    let actions = view! {
        {preview.can_commit.then(|| view! {
            <form method="post" action=Page::PartnerImportCommit { id }.url(lang) class="inline-form">
                <button type="submit" class="button primary">{tr(lang, "import-commit")}</button>
            </form>
        })}
        {preview.can_undo.then(|| view! {
            <form method="post" action=Page::PartnerImportUndo { id }.url(lang) class="inline-form">
                <button type="submit" class="button">{tr(lang, "import-undo")}</button>
            </form>
        })}
    };
    let files = preview
        .files
        .iter()
        .map(|(part, name)| {
            let href = Page::PartnerImportFile { id, part: *part }.url(lang);
            view! { <a href=href download="">{name.clone()}</a> " " }
        })
        .collect_view();
    view! {
        <dl class="facts">
            <Fact label=tr(lang, "partner-upload-file")>
                {files}
            </Fact>
            <Fact label=tr(lang, "import-file-facts")>{facts}</Fact>
            <Fact label=tr(lang, "account-status")><BatchStatus lang status /></Fact>
            <Fact label=tr(lang, "partner-counts")><Counted lang counts /></Fact>
        </dl>
        {unreadable}
        <ul class="warnings">{warnings}</ul>
        {in_preview.then(|| view! { <Decisions lang preview=preview.clone() /> })}
        <Problems lang problems=preview.problems.clone() count=preview.problem_count />
        <ChangeList lang heading="import-created" companies=preview.created.clone() />
        <ChangeList lang heading="import-updated" companies=preview.updated.clone() />
        <ChangeList lang heading="import-delisted" companies=preview.delisted.clone() />
        <div class="import-actions">{actions}</div>
    }
}

/// The partner's say about how to read the file: an encoding, and a field for each column no
/// alias knew.
#[component]
fn Decisions(lang: Lang, preview: ImportPreview) -> impl IntoView {
    let id = preview.batch.id;
    let fields = preview.fields.clone();
    let unmapped = !preview.unmapped.is_empty();
    let columns = preview
        .unmapped
        .into_iter()
        .map(|column| {
            let options = fields
                .iter()
                .map(|(key, label)| view! { <option value=key.clone()>{label.clone()}</option> })
                .collect_view();
            let samples = column.samples.join(" · ");
            view! {
                <tr>
                    <th scope="row">{column.header.clone()}</th>
                    <td class="muted">{samples}</td>
                    <td>
                        <select name=format!("column:{}", column.key) aria-label=column.header.clone()>
                            <option value=IGNORE>{tr(lang, "import-ignore-column")}</option>
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <form method="post" action=Page::PartnerImportDecide { id }.url(lang) class="stacked-form decisions">
            <h2>{tr(lang, "import-decisions")}</h2>
            <EncodingSelect lang encodings=preview.encodings selected=preview.batch.encoding />
            {unmapped.then(|| view! {
                <table class="console-table">
                    <caption>{tr(lang, "import-unmapped")}</caption>
                    <tbody>{columns}</tbody>
                </table>
            })}
            <button type="submit" class="button">{tr(lang, "import-apply")}</button>
        </form>
    }
}

#[component]
fn Problems(lang: Lang, problems: Vec<RowProblem>, count: usize) -> impl IntoView {
    if problems.is_empty() {
        return ().into_any();
    }
    let more = (count > problems.len()).then(|| {
        view! { <p class="muted">{tr_args(lang, "import-more-problems", &[("count", (count - problems.len()).into())])}</p> }
    });
    let rows = problems
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <td>{p.row}</td>
                    <td>{p.column}</td>
                    <td><code>{p.value}</code></td>
                    <td>{p.message}</td>
                </tr>
            }
        })
        .collect_view();
    let headings = &[
        "import-row",
        "import-column",
        "import-value",
        "import-message",
    ];
    view! {
        <section aria-labelledby="problems" class="problems">
            <h2 id="problems">{tr_args(lang, "import-problems", &[("count", count.into())])}</h2>
            <ConsoleTable lang headings>{rows}</ConsoleTable>
            {more}
        </section>
    }
    .into_any()
}

/// Companies created, updated or delisted, each with its changes old → new.
#[component]
fn ChangeList(lang: Lang, heading: &'static str, companies: Vec<CompanyChanges>) -> impl IntoView {
    if companies.is_empty() {
        return ().into_any();
    }
    let items = companies
        .into_iter()
        .map(|c| {
            let changes = c
                .changes
                .into_iter()
                .map(|(field, old, new)| {
                    view! {
                        <tr>
                            <th scope="row">{field}</th>
                            <td><del>{old}</del></td>
                            <td><ins>{new}</ins></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <details class="company-changes">
                    <summary><strong>{c.symbol}</strong> " " {c.name}</summary>
                    <table class="changes">{changes}</table>
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="change-list">
            <h2>{tr(lang, heading)}</h2>
            {items}
        </section>
    }
    .into_any()
}
