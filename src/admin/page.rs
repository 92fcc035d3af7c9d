//! The console page: one section per task, each action a small same-origin form.

use super::{AuditRow, Console, ConsolePages, EnterpriseRow, OutboxRow, PartnerRow, fetch_console};
use crate::accounts::{Status, use_viewer};
use crate::i18n::{Lang, tr, use_lang};
use crate::ui::{Loaded, Pager};
use crate::web::form::Field;
use crate::web::url::Page;
use crate::web::views::{Forbidden, FormPage, require_sign_in};
use leptos::prelude::*;
use leptos_router::{MatchNestedRoutes, SsrMode, components::Route, hooks::use_query_map, path};

#[component]
pub fn AdminPage() -> impl IntoView {
    let lang = use_lang();
    if !require_sign_in(lang, &Page::Admin.url(lang)) {
        return ().into_any();
    }
    if !use_viewer().is_some_and(|v| v.is_operator()) {
        return view! { <Forbidden /> }.into_any();
    }
    let pages = use_query_map().with_untracked(|q| ConsolePages::from_lookup(|k| q.get(k)));
    let console = Resource::new(move || pages, move |pages| fetch_console(lang, pages));
    view! {
        <FormPage title="admin-title" class="console">
            <Loaded resource=console show=move |console| view! { <ConsoleView lang console /> } />
        </FormPage>
    }
    .into_any()
}

#[component]
fn ConsoleView(lang: Lang, console: Console) -> impl IntoView {
    let pages = console.pages;
    view! {
        <ConsoleSection lang name="pending" heading=format!("{} ({})", tr(lang, "admin-pending"), console.pending.total) page=console.pending.page count=console.pending.pages pages>
            <EnterpriseTable lang rows=console.pending.rows />
        </ConsoleSection>
        <ConsoleSection lang name="enterprises" heading=tr(lang, "admin-enterprises") page=console.enterprises.page count=console.enterprises.pages pages>
            <EnterpriseTable lang rows=console.enterprises.rows />
        </ConsoleSection>
        <ConsoleSection lang name="partners" heading=tr(lang, "admin-partners") page=console.partners.page count=console.partners.pages pages>
            <PartnerTable lang rows=console.partners.rows />
            <NewPartnerForm lang exchanges=console.exchanges />
        </ConsoleSection>
        <ConsoleSection lang name="outbox" heading=tr(lang, "admin-outbox") page=console.outbox.page count=console.outbox.pages pages>
            <OutboxList lang rows=console.outbox.rows />
        </ConsoleSection>
        <ConsoleSection lang name="audit" heading=tr(lang, "admin-audit") page=console.audit.page count=console.audit.pages pages>
            <AuditTable lang rows=console.audit.rows />
        </ConsoleSection>
    }
}

/// One section of the console: its heading, its pager, and its rows.
#[component]
fn ConsoleSection(
    lang: Lang,
    name: &'static str,
    heading: String,
    page: u32,
    count: u32,
    pages: ConsolePages,
    children: Children,
) -> impl IntoView {
    view! {
        <section aria-labelledby=name>
            <h2 id=name>{heading}</h2>
            <Pager
                lang
                page
                pages=count
                href=move |to| format!("{}#{name}", Page::Admin.url_and(lang, &pages.with(name, to)))
            />
            {children()}
        </section>
    }
}

/// A one-button form posting `action` for an account.
#[component]
fn ActionButton(lang: Lang, id: i32, action: &'static str) -> impl IntoView {
    view! {
        <form method="post" action=Page::AdminDecision { account_id: id, action }.url(lang) class="inline-form">
            <button type="submit" class="button small">{tr(lang, &format!("admin-action-{action}"))}</button>
        </form>
    }
}

#[component]
fn EnterpriseTable(lang: Lang, rows: Vec<EnterpriseRow>) -> impl IntoView {
    let row = move |e: EnterpriseRow| {
        let id = e.account_id;
        let actions = match e.status {
                Status::Pending => view! {
                    <ActionButton lang id action="verify" />
                    <form method="post" action=Page::AdminDecision { account_id: id, action: "reject" }.url(lang) class="inline-form">
                        <label class="visually-hidden" for=format!("reason-{id}")>{tr(lang, "admin-reason")}</label>
                        <input id=format!("reason-{id}") name="reason" required=true placeholder=tr(lang, "admin-reason") />
                        <button type="submit" class="button small">{tr(lang, "admin-action-reject")}</button>
                    </form>
                }
                .into_any(),
                Status::Verified => view! { <ActionButton lang id action="suspend" /> }.into_any(),
                Status::Suspended => view! { <ActionButton lang id action="reinstate" /> }.into_any(),
                Status::Rejected => view! { <ActionButton lang id action="verify" /> }.into_any(),
            };
        let key = e.email.clone();
        let d = e.details;
        view! {
            <tr data-email=key>
                <td>
                    <strong>{d.name_zh}</strong>
                    {d.name_en.map(|n| view! { <br /> {n} })}
                    <br />
                    <span class="muted">{e.registered_at}</span>
                </td>
                <td><code>{d.uscc}</code></td>
                <td>
                    {tr(lang, &format!("kind-{}", d.kind))} <br />
                    {tr(lang, &format!("industry-{}", d.industry))} " · "
                    {tr(lang, &format!("region-{}", d.region))}
                </td>
                <td>{d.contact_name} <br /> {e.email} <br /> {d.phone}</td>
                <td>
                    {tr(lang, &format!("status-{}", e.status.code()))}
                    {e.status_reason.map(|r| view! { <br /> <span class="muted">{r}</span> })}
                </td>
                <td class="actions">{actions}</td>
            </tr>
        }
    };
    view! { <ConsoleTable lang headings=&ENTERPRISE_HEADINGS rows row /> }
}

const ENTERPRISE_HEADINGS: [&str; 6] = [
    "register-name-zh",
    "register-uscc",
    "register-kind",
    "register-contact",
    "account-status",
    "admin-actions",
];

/// `rows` in a table under its headings (message keys), each drawn by `row`; or "nothing here".
#[component]
fn ConsoleTable<T, V, F>(
    lang: Lang,
    headings: &'static [&'static str],
    rows: Vec<T>,
    row: F,
) -> impl IntoView
where
    T: 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + 'static,
{
    if rows.is_empty() {
        return view! { <p class="muted">{tr(lang, "admin-none")}</p> }.into_any();
    }
    let headings = headings
        .iter()
        .map(|key| view! { <th scope="col">{tr(lang, key)}</th> })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="console-table">
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn PartnerTable(lang: Lang, rows: Vec<PartnerRow>) -> impl IntoView {
    let row = move |p: PartnerRow| {
        let id = p.account_id;
        let action = if p.status == Status::Suspended {
            "enable"
        } else {
            "disable"
        };
        let key = p.email.clone();
        view! {
            <tr data-email=key>
                // The operator maintains the exchange's listings from the partner's workspace.
                <td>
                    <a href=Page::Partner.url_with(lang, &[("exchange", &p.exchange_mic)])>{p.exchange_mic.clone()}</a>
                </td>
                <td>{p.email}</td>
                <td>{tr(lang, &format!("status-{}", p.status.code()))}</td>
                <td class="actions"><ActionButton lang id action /></td>
            </tr>
        }
    };
    let headings = &[
        "account-exchange",
        "form-email",
        "account-status",
        "admin-actions",
    ];
    view! { <ConsoleTable lang headings rows row /> }
}

#[component]
fn NewPartnerForm(lang: Lang, exchanges: Vec<(String, String)>) -> impl IntoView {
    let options = exchanges
        .into_iter()
        .map(|(mic, name)| view! { <option value=mic.clone()>{format!("{mic} · {name}")}</option> })
        .collect_view();
    view! {
        <form method="post" action=Page::AdminPartners.url(lang) class="stacked-form">
            <h3>{tr(lang, "admin-new-partner")}</h3>
            <div class="field">
                <label for="field-exchange">{tr(lang, "account-exchange")}</label>
                <select id="field-exchange" name="exchange" required=true>{options}</select>
            </div>
            <Field name="email" label=tr(lang, "form-email") kind="email" autocomplete="off" />
            <Field name="password" label=tr(lang, "form-password") kind="password" autocomplete="new-password" />
            <button type="submit" class="button primary">{tr(lang, "admin-create-partner")}</button>
        </form>
    }
}

#[component]
fn OutboxList(lang: Lang, rows: Vec<OutboxRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{tr(lang, "admin-none")}</p> }.into_any();
    }
    rows.into_iter()
        .map(|m| {
            let state = tr(
                lang,
                if m.sent {
                    "admin-outbox-sent"
                } else {
                    "admin-outbox-queued"
                },
            );
            let key = m.recipient.clone();
            view! {
                <details class="outbox-mail" data-recipient=key>
                    <summary>
                        <time>{m.created_at}</time> " · " {m.recipient} " · " {m.lang} " · "
                        <strong>{m.subject}</strong> " · " {state}
                    </summary>
                    <pre>{m.body}</pre>
                </details>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn AuditTable(lang: Lang, rows: Vec<AuditRow>) -> impl IntoView {
    let row = move |a: AuditRow| {
        view! {
            <tr>
                <td><time>{a.at}</time></td>
                <td>{a.actor}</td>
                <td><code>{a.action}</code></td>
                <td>{a.target} {a.detail.map(|d| view! { <br /> <span class="muted">{d}</span> })}</td>
                <td>{a.ip.unwrap_or_default()}</td>
            </tr>
        }
    };
    let headings = &[
        "admin-audit-when",
        "admin-audit-who",
        "admin-audit-what",
        "admin-audit-target",
        "admin-audit-where",
    ];
    view! { <ConsoleTable lang headings rows row /> }
}

/// The console under `/:lang`, mounted by the app with one line.
#[component(transparent)]
pub fn AdminRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("admin") view=AdminPage ssr=SsrMode::Async /> }.into_inner()
}
