//! Registration, sign-in, the account page and the password pages. Plain server-rendered forms:
//! they work without JavaScript and post to the handlers in `handlers.rs`, which re-render the
//! page with the typed values and localized errors when something is wrong.

use super::api::fetch_my_account;
use super::password::MIN_CHARS;
use super::uscc::PROVINCES;
use super::{ENTERPRISE_KINDS, MyAccount, Role, SessionSummary, Status};
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::ui::{Fact, LoadError, Loaded};
use crate::web::form::{Field, FieldState, use_feedback};
use crate::web::url::Page;
use crate::web::views::{FormPage, require_sign_in};
use leptos::prelude::*;
use leptos_router::{
    MatchNestedRoutes, SsrMode,
    components::{Outlet, ParentRoute, Route},
    hooks::use_query_map,
    path,
};

fn options(
    lang: Lang,
    codes: &[&'static str],
    prefix: &str,
    selected: &str,
) -> impl IntoView + use<> {
    codes
        .iter()
        .map(|code| {
            let label = tr(lang, &format!("{prefix}{code}"));
            let chosen = *code == selected;
            view! { <option value=*code selected=chosen>{label}</option> }
        })
        .collect_view()
}

#[component]
fn Select(
    name: &'static str,
    label: String,
    codes: &'static [&'static str],
    prefix: &'static str,
    #[prop(optional)] empty: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let feedback = use_feedback();
    let selected = feedback.value(name);
    let state = FieldState::of(&feedback, name);
    let required = empty.is_none();
    let select = view! {
        <select id=state.id.clone() name=name required=required aria-describedby=state.described_by.clone()>
            {match empty {
                Some(text) => view! { <option value="">{text}</option> }.into_any(),
                None => view! { <option value="" disabled=true selected=selected.is_empty()>"—"</option> }.into_any(),
            }}
            {options(lang, codes, prefix, &selected)}
        </select>
    };
    state.frame(label, select)
}

/// A new password, with the rule it must meet, and the same again to confirm it. `label` is the
/// first field's message key.
#[component]
fn NewPasswordFields(lang: Lang, label: &'static str) -> impl IntoView {
    let hint = tr_args(lang, "password-hint", &[("min", MIN_CHARS.into())]);
    view! {
        <Field name="password" label=tr(lang, label) kind="password" autocomplete="new-password" hint />
        <Field name="password_confirm" label=tr(lang, "form-password-confirm") kind="password" autocomplete="new-password" />
    }
}

/// The parameter `key` of the query string the page was asked with.
fn query_value(key: &str) -> Option<String> {
    use_query_map().with_untracked(|q| q.get(key))
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let lang = use_lang();
    let feedback = use_feedback();
    let terms = FieldState::of(&feedback, "terms");
    let terms_checked = feedback.value("terms") == "on";
    view! {
        <FormPage title="register-title" description="register-intro" lead=true class="form-page">
            <form method="post" action=Page::Register.url(lang) class="stacked-form" novalidate=true>
                <fieldset>
                    <legend>{tr(lang, "register-company")}</legend>
                    <Field name="name_zh" label=tr(lang, "register-name-zh") autocomplete="organization" />
                    <Field name="name_en" label=tr(lang, "register-name-en") required=false />
                    <Field name="uscc" label=tr(lang, "register-uscc") hint=tr(lang, "register-uscc-hint") />
                    <Select name="kind" label=tr(lang, "register-kind") codes=&ENTERPRISE_KINDS prefix="kind-" />
                    <Select name="industry" label=tr(lang, "register-industry") codes=&crate::zone::INDUSTRIES prefix="industry-" />
                    <Select name="region" label=tr(lang, "register-region") codes=&PROVINCES prefix="region-" empty=tr(lang, "register-region-auto") />
                </fieldset>
                <fieldset>
                    <legend>{tr(lang, "register-contact")}</legend>
                    <Field name="contact_name" label=tr(lang, "register-contact-name") autocomplete="name" />
                    <Field name="email" label=tr(lang, "form-email") kind="email" autocomplete="email" />
                    <Field name="phone" label=tr(lang, "register-phone") kind="tel" autocomplete="tel" />
                    <NewPasswordFields lang label="form-password" />
                </fieldset>
                <div class="field checkbox" class:invalid=terms.invalid()>
                    <label>
                        <input type="checkbox" name="terms" checked=terms_checked aria-describedby=terms.described_by.clone() />
                        " "
                        {tr(lang, "register-terms")}
                    </label>
                    {terms.message()}
                </div>
                <button type="submit" class="button primary">{tr(lang, "register-submit")}</button>
            </form>
            <p>{tr(lang, "register-have-account")} " " <a href=Page::Login.url(lang)>{tr(lang, "nav-login")}</a></p>
        </FormPage>
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let next = query_value("next").unwrap_or_default();
    view! {
        <FormPage title="login-title" description="login-intro" class="form-page narrow">
            <form method="post" action=Page::Login.url(lang) class="stacked-form">
                <input type="hidden" name="next" value=next />
                <Field name="email" label=tr(lang, "form-email") kind="email" autocomplete="username" />
                <Field name="password" label=tr(lang, "form-password") kind="password" autocomplete="current-password" />
                <button type="submit" class="button primary">{tr(lang, "login-submit")}</button>
            </form>
            <p><a href=Page::PasswordForgot.url(lang)>{tr(lang, "login-forgot")}</a></p>
            <p>{tr(lang, "login-no-account")} " " <a href=Page::Register.url(lang)>{tr(lang, "nav-register")}</a></p>
        </FormPage>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    if !require_sign_in(lang, &Page::Account.url(lang)) {
        return ().into_any();
    }
    let account = Resource::new(|| (), move |_| fetch_my_account(lang));
    view! {
        <FormPage title="account-title" class="form-page">
            <Loaded
                resource=account
                show={move |account: Option<MyAccount>| match account {
                    Some(account) => view! { <AccountDetails lang account /> }.into_any(),
                    None => view! { <LoadError /> }.into_any(),
                }}
            />
        </FormPage>
    }
    .into_any()
}

#[component]
fn AccountDetails(lang: Lang, account: MyAccount) -> impl IntoView {
    let row = |key: &str, value: String| view! { <Fact label=tr(lang, key)>{value}</Fact> };
    let status_note = match account.status {
        Status::Pending => Some(tr(lang, "account-pending-note")),
        Status::Rejected => Some(tr_args(
            lang,
            "account-rejected-note",
            &[(
                "reason",
                account.status_reason.clone().unwrap_or_default().into(),
            )],
        )),
        _ => None,
    };
    let enterprise = account.enterprise.map(|e| {
        view! {
            <h2>{e.name_zh.clone()}</h2>
            <dl class="facts">
                {e.name_en.map(|n| row("register-name-en", n))}
                {row("register-uscc", e.uscc)}
                {row("register-kind", tr(lang, &format!("kind-{}", e.kind)))}
                {row("register-industry", tr(lang, &format!("industry-{}", e.industry)))}
                {row("register-region", tr(lang, &format!("region-{}", e.region)))}
                {row("register-contact-name", e.contact_name)}
                {row("register-phone", e.phone)}
            </dl>
        }
    });
    let exchange = account.exchange.map(|(mic, name, listed)| {
        view! {
            <dl class="facts">
                {row("account-exchange", format!("{name} ({mic})"))}
                {row("account-listed", listed.to_string())}
            </dl>
        }
    });
    let console = (account.role == Role::Operator).then(|| {
        view! { <p><a class="button primary" href=Page::Admin.url(lang)>{tr(lang, "nav-admin")}</a></p> }
    });
    view! {
        <dl class="facts">
            {row("form-email", account.email)}
            {row("account-role", tr(lang, &format!("role-{}", account.role.code())))}
            {row("account-status", tr(lang, &format!("status-{}", account.status.code())))}
        </dl>
        {status_note.map(|n| view! { <p class="notice">{n}</p> })}
        {enterprise}
        {exchange}
        {console}
        <p><a href=Page::AccountPassword.url(lang)>{tr(lang, "password-change-title")}</a></p>
        <SessionList lang sessions=account.sessions />
    }
}

/// Where the account is signed in, and a way to end it everywhere.
#[component]
fn SessionList(lang: Lang, sessions: Vec<SessionSummary>) -> impl IntoView {
    let rows = sessions
        .into_iter()
        .map(|s| {
            let current = s.current.then(|| {
                view! { <span class="badge">{tr(lang, "account-session-current")}</span> }
            });
            view! {
                <tr>
                    <td>{s.signed_in}" "{current}</td>
                    <td>{s.last_seen}</td>
                    <td>{s.ip.unwrap_or_default()}</td>
                    <td class="user-agent">{s.user_agent.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="account-sessions" aria-labelledby="sessions">
            <h2 id="sessions">{tr(lang, "account-sessions")}</h2>
            <table class="console-table">
                <thead>
                    <tr>
                        <th scope="col">{tr(lang, "account-session-signed-in")}</th>
                        <th scope="col">{tr(lang, "account-session-last-seen")}</th>
                        <th scope="col">{tr(lang, "account-session-address")}</th>
                        <th scope="col">{tr(lang, "account-session-browser")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <form method="post" action=Page::AccountSessionsEnd.url(lang)>
                <button type="submit" class="button">{tr(lang, "account-sessions-end")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let lang = use_lang();
    if !require_sign_in(lang, &Page::AccountPassword.url(lang)) {
        return ().into_any();
    }
    view! {
        <FormPage title="password-change-title" class="form-page narrow">
            <form method="post" action=Page::AccountPassword.url(lang) class="stacked-form">
                <Field name="current_password" label=tr(lang, "password-current") kind="password" autocomplete="current-password" />
                <NewPasswordFields lang label="password-new" />
                <button type="submit" class="button primary">{tr(lang, "password-change-submit")}</button>
            </form>
        </FormPage>
    }
    .into_any()
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <FormPage title="forgot-title" description="forgot-intro" lead=true class="form-page narrow">
            <form method="post" action=Page::PasswordForgot.url(lang) class="stacked-form">
                <Field name="email" label=tr(lang, "form-email") kind="email" autocomplete="email" />
                <button type="submit" class="button primary">{tr(lang, "forgot-submit")}</button>
            </form>
        </FormPage>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let feedback = use_feedback();
    let token = query_value("token").unwrap_or_else(|| feedback.value("token"));
    view! {
        <FormPage title="reset-title" class="form-page narrow">
            <form method="post" action=Page::PasswordReset.url(lang) class="stacked-form">
                <input type="hidden" name="token" value=token />
                <NewPasswordFields lang label="password-new" />
                <button type="submit" class="button primary">{tr(lang, "reset-submit")}</button>
            </form>
        </FormPage>
    }
}

/// The accounts' pages under `/:lang`, mounted by the app with one line.
#[component(transparent)]
pub fn AccountRoutes() -> impl MatchNestedRoutes + Clone {
    // A route renders in the most blocking mode along its branch: this `Async` holds for every
    // page below.
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("register") view=RegisterPage />
            <Route path=path!("login") view=LoginPage />
            <Route path=path!("account") view=AccountPage />
            <Route path=path!("account/password") view=PasswordPage />
            <Route path=path!("password/forgot") view=ForgotPasswordPage />
            <Route path=path!("password/reset") view=ResetPasswordPage />
        </ParentRoute>
    }
    .into_inner()
}
