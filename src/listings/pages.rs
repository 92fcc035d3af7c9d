//! `/{lang}/partner`: a partner's workspace (upload, history, API tokens), and the partner's
//! page routes. Every form works without JavaScript: it posts, and the next page follows.

use super::api::fetch_workspace;
use super::company_pages::{PartnerCompaniesPage, PartnerCompanyPage};
use super::import_page::ImportPage;
use super::upload::UploadProgress;
use super::views::{BatchStatus, ConsoleTable, Counted, EncodingSelect, file_facts};
use super::{BatchSummary, ENCODINGS, TokenSummary, Workspace};
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::ui::{Fact, Loaded};
use crate::web::form::{Field, use_feedback};
use crate::web::url::Page;
use crate::web::views::{FormPage, require_sign_in};
use leptos::prelude::*;
use leptos_router::{
    MatchNestedRoutes, SsrMode,
    components::{Outlet, ParentRoute, Route},
    hooks::use_query_map,
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
                checking=tr_args(lang, "partner-upload-checking", &[("done", "{done}".into()), ("total", "{total}".into())])
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

/// The partner's pages under `/:lang`, mounted by the app with one line.
#[component(transparent)]
pub fn ListingRoutes() -> impl MatchNestedRoutes + Clone {
    // A route renders in the most blocking mode along its branch: this `Async` holds for every
    // page below.
    view! {
        <ParentRoute path=path!("partner") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=WorkspacePage />
            <Route path=path!("imports/:id") view=ImportPage />
            <Route path=path!("companies") view=PartnerCompaniesPage />
            <Route path=path!("companies/:symbol") view=PartnerCompanyPage />
        </ParentRoute>
    }
    .into_inner()
}
