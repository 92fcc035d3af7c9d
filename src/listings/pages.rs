//! `/{lang}/partner`: a partner's workspace (upload, history, API tokens) and
//! `/{lang}/partner/imports/{id}`: one batch's preview, commit and undo. Every form works without
//! JavaScript: it posts, and the next page follows.

use super::api::{fetch_import, fetch_workspace};
use super::company_pages::{PartnerCompaniesPage, PartnerCompanyPage};
use super::upload::UploadProgress;
use super::views::{ConsoleTable, LoadedOrNotFound};
use super::{
    BatchSummary, CompanyChanges, ENCODINGS, IGNORE, ImportPreview, RowProblem, TokenSummary,
    Workspace,
};
use crate::i18n::{Lang, format_number, tr, tr_args, use_lang};
use crate::ui::{Fact, Loaded};
use crate::web::form::{Field, use_feedback};
use crate::web::url::Page;
use crate::web::views::{FormPage, NotFound, require_sign_in};
use leptos::prelude::*;
use leptos_router::{
    MatchNestedRoutes, SsrMode,
    components::{Outlet, ParentRoute, Route},
    hooks::{use_params_map, use_query_map},
    path,
};

#[component]
pub fn WorkspacePage() -> impl IntoView {
    let lang = use_lang();
    if !require_sign_in(lang, &Page::Partner.url(lang)) {
        return ().into_any();
    }
    let exchange = use_query_map().with_untracked(|q| q.get("exchange"));
    let workspace = Resource::new(
        move || exchange.clone(),
        move |exchange| fetch_workspace(lang, exchange),
    );
    view! {
        <FormPage title="partner-title" description="partner-intro" lead=true class="partner">
            <Loaded resource=workspace show=move |workspace| view! { <WorkspaceView lang workspace /> } />
        </FormPage>
    }
    .into_any()
}

#[component]
fn WorkspaceView(lang: Lang, workspace: Workspace) -> impl IntoView {
    let mic = workspace.exchange_mic.clone();
    view! {
        <dl class="facts">
            <Fact label=tr(lang, "account-exchange")>{format!("{} ({mic})", workspace.exchange_name)}</Fact>
            <Fact label=tr(lang, "partner-listed")>{workspace.listed.to_string()}</Fact>
            <Fact label=tr(lang, "partner-delisted")>{workspace.delisted.to_string()}</Fact>
        </dl>
        <p><a href=Page::PartnerCompanies.url_with(lang, &[("exchange", mic.as_str())])>{tr(lang, "partner-company-list-link")}</a></p>
        <UploadForm lang mic max_mb=workspace.max_mb max_rows=workspace.max_rows />
        <History lang batches=workspace.history />
        <Tokens lang tokens=workspace.tokens />
    }
}

/// The upload: the companies' file, perhaps their financial years apart, and how to read them.
#[component]
fn UploadForm(lang: Lang, mic: String, max_mb: usize, max_rows: usize) -> impl IntoView {
    let hint = tr_args(
        lang,
        "partner-upload-hint",
        &[("mb", max_mb.into()), ("rows", max_rows.into())],
    );
    view! {
        <section class="upload" aria-labelledby="upload">
            <h2 id="upload">{tr(lang, "partner-upload")}</h2>
            <p class="hint">{hint}</p>
            <UploadProgress
                sending=tr_args(lang, "partner-upload-sending", &[("percent", "{percent}".into())])
                processing=tr(lang, "partner-upload-processing")
                failed=tr(lang, "partner-upload-failed")
            >
            <form method="post" action=Page::PartnerImports.url(lang) enctype="multipart/form-data" class="stacked-form">
                <input type="hidden" name="exchange" value=mic />
                <div class="field">
                    <label for="field-file">{tr(lang, "partner-upload-file")}</label>
                    <input id="field-file" type="file" name="file" required=true accept=".csv,.txt,.tsv,.xlsx,.xls,.json,.html,.htm" />
                </div>
                <div class="field">
                    <label for="field-financials">{tr(lang, "partner-upload-financials")}</label>
                    <input id="field-financials" type="file" name="financials" accept=".csv,.txt,.tsv,.xlsx,.xls,.json,.html,.htm" />
                </div>
                <EncodingSelect lang encodings=ENCODINGS.map(String::from).into() selected=None />
                <label class="check">
                    <input type="checkbox" name="full_list" />
                    <span>{tr(lang, "partner-upload-full-list")}</span>
                </label>
                <button type="submit" class="button primary">{tr(lang, "partner-upload-submit")}</button>
            </form>
            </UploadProgress>
        </section>
    }
}

#[component]
fn EncodingSelect(lang: Lang, encodings: Vec<String>, selected: Option<String>) -> impl IntoView {
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

#[component]
fn History(lang: Lang, batches: Vec<BatchSummary>) -> impl IntoView {
    let body = if batches.is_empty() {
        view! { <p class="muted">{tr(lang, "partner-history-none")}</p> }.into_any()
    } else {
        let rows = batches
            .into_iter()
            .map(|b| {
                let href = Page::PartnerImport { id: b.id }.url(lang);
                view! {
                    <tr>
                        <td><a href=href>{format!("#{}", b.id)}</a></td>
                        <td><time>{b.created_at.clone()}</time> <br /> <span class="muted">{b.actor.clone()} " · " {b.channel.clone()}</span></td>
                        <td>{b.file_name.clone()} <br /> <span class="muted">{file_facts(&b)}</span></td>
                        <td><Counted lang counts=b.counts /></td>
                        <td><BatchStatus lang status=b.status.clone() /></td>
                    </tr>
                }
            })
            .collect_view();
        let headings = &[
            "partner-batch",
            "admin-audit-when",
            "partner-upload-file",
            "partner-counts",
            "account-status",
        ];
        view! { <ConsoleTable lang headings>{rows}</ConsoleTable> }.into_any()
    };
    view! {
        <section aria-labelledby="history">
            <h2 id="history">{tr(lang, "partner-history")}</h2>
            {body}
        </section>
    }
}

/// `42 KB · csv · windows-874`
fn file_facts(b: &BatchSummary) -> String {
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
fn Counted(lang: Lang, counts: super::Counts) -> impl IntoView {
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
fn BatchStatus(lang: Lang, status: String) -> impl IntoView {
    view! { <span class=format!("batch-status {status}")>{tr(lang, &format!("partner-status-{status}"))}</span> }
}

/// The partner's API tokens: the one just created (shown once), the form, the list.
#[component]
fn Tokens(lang: Lang, tokens: Vec<TokenSummary>) -> impl IntoView {
    let created = Some(use_feedback().value("new_token")).filter(|t| !t.is_empty());
    let created = created.map(|token| {
        view! {
            <div class="notice" role="status">
                <p>{tr(lang, "token-created")}</p>
                <p><code class="token">{token}</code></p>
            </div>
        }
    });
    let rows = tokens
        .into_iter()
        .map(|t| {
            let revoke = (!t.revoked).then(|| {
                view! {
                    <form method="post" action=Page::PartnerTokenRevoke { id: t.id }.url(lang) class="inline-form">
                        <button type="submit" class="button small">{tr(lang, "token-revoke")}</button>
                    </form>
                }
            });
            let used = t.last_used_at.unwrap_or_else(|| tr(lang, "token-never-used"));
            let state = if t.revoked { tr(lang, "token-revoked") } else { String::new() };
            view! {
                <tr>
                    <td>{t.name}</td>
                    <td><time>{t.created_at}</time></td>
                    <td>{used}</td>
                    <td>{state} {revoke}</td>
                </tr>
            }
        })
        .collect_view();
    let headings = &[
        "token-name",
        "token-created-at",
        "token-last-used",
        "admin-actions",
    ];
    view! {
        <section aria-labelledby="tokens">
            <h2 id="tokens">{tr(lang, "token-title")}</h2>
            <p class="hint">{tr(lang, "token-intro")}</p>
            {created}
            <ConsoleTable lang headings scroll=false>{rows}</ConsoleTable>
            <form method="post" action=Page::PartnerTokens.url(lang) class="stacked-form">
                <Field name="name" label=tr(lang, "token-name") autocomplete="off" />
                <button type="submit" class="button">{tr(lang, "token-create")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let Some(id) = id else {
        return view! { <NotFound /> }.into_any();
    };
    if !require_sign_in(lang, &Page::PartnerImport { id }.url(lang)) {
        return ().into_any();
    }
    let preview = Resource::new(move || id, move |id| fetch_import(lang, id));
    view! {
        <FormPage title="import-title" class="partner import">
            <LoadedOrNotFound
                resource=preview
                show={move |preview: ImportPreview| view! { <PreviewView lang preview /> }}
            />
        </FormPage>
    }
    .into_any()
}

#[component]
fn PreviewView(lang: Lang, preview: ImportPreview) -> impl IntoView {
    let b = &preview.batch;
    let (id, file_name, facts, status, counts) = (
        b.id,
        b.file_name.clone(),
        file_facts(b),
        b.status.clone(),
        b.counts,
    );
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
    view! {
        <dl class="facts">
            <Fact label=tr(lang, "partner-upload-file")>
                <a href=Page::PartnerImportFile { id, part: 0 }.url(lang) download="">{file_name}</a>
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

/// The partner's pages under `/:lang`, mounted by the app with one line.
#[component(transparent)]
pub fn ListingRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("partner") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=WorkspacePage ssr=SsrMode::Async />
            <Route path=path!("imports/:id") view=ImportPage ssr=SsrMode::Async />
            <Route path=path!("companies") view=PartnerCompaniesPage ssr=SsrMode::Async />
            <Route path=path!("companies/:symbol") view=PartnerCompanyPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
