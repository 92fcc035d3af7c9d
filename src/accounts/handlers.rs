//! The form posts of registration, sign-in, sign-out and passwords. A refused form is rendered
//! again by its own page, with what was typed and a localized message; a good one redirects.

use super::server::{self, NewPassword, Registration};
use super::{Viewer, session};
use crate::i18n::{Lang, tr};
use crate::platform::audit::{self, Actor};
use crate::security::ClientIp;
use crate::web::cookies;
use crate::web::error::Problem;
use crate::web::state::AppState;
use crate::web::submit::{PageLang, Submission, answer_problem, over_limit};
use crate::web::url::Page;
use axum::extract::{Extension, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::HeaderMap;
use http::header::{SET_COOKIE, USER_AGENT};
use std::sync::LazyLock;
use url::Url;

fn new_password(form: &Submission) -> NewPassword<'_> {
    NewPassword {
        password: form.field("password"),
        confirm: form.field("password_confirm"),
    }
}

pub async fn register(State(app): State<AppState>, form: Submission) -> Response {
    let (lang, ip) = (form.lang, form.ip);
    let limits = app.protection.limits;
    let keys = [(
        format!("register:ip:{}", ip.rate_key()),
        limits.register_per_ip,
    )];
    if let Some(refused) = over_limit(&app, &form, &keys).await {
        return refused;
    }
    let get = |name| form.field(name).to_owned();
    let registration = Registration {
        name_zh: get("name_zh"),
        name_en: get("name_en"),
        uscc: get("uscc"),
        kind: get("kind"),
        industry: get("industry"),
        region: get("region"),
        contact_name: get("contact_name"),
        email: get("email"),
        phone: get("phone"),
        password: get("password"),
        password_confirm: get("password_confirm"),
        terms: form.field("terms") == "on",
    };
    match server::register(&app.db, lang, &registration, &Actor::anonymous(ip.text())).await {
        Ok(_) => {
            Redirect::to(&Page::Login.url_with(lang, &[("notice", "registered")])).into_response()
        }
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}

/// Where to go after signing in: a path on this site, read the way a browser reads it (which
/// drops tabs and line breaks and takes `\\` for `/`), else the account page.
fn after_login(lang: Lang, next: &str) -> String {
    static SITE: LazyLock<Url> =
        LazyLock::new(|| Url::parse("http://site.invalid/").expect("a valid URL"));
    let fallback = Page::Account.url(lang);
    if !next.starts_with('/') || next.contains(|c: char| c.is_control() || c == '\\') {
        return fallback;
    }
    match SITE.join(next) {
        Ok(url) if url.origin() == SITE.origin() => match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        },
        _ => fallback,
    }
}

pub async fn login(State(app): State<AppState>, headers: HeaderMap, form: Submission) -> Response {
    let (lang, ip) = (form.lang, form.ip);
    let email = form.field("email").trim().to_lowercase();
    let limits = app.protection.limits;
    let address = ip.rate_key();
    let keys = [
        (format!("login:ip:{address}"), limits.login_per_ip),
        (
            format!("login:account-ip:{email}:{address}"),
            limits.login_per_account_and_ip,
        ),
    ];
    if let Some(refused) = over_limit(&app, &form, &keys).await {
        return refused;
    }
    // Guessing spread over many addresses meets the account's own, looser limit; the owner's
    // usual addresses are spared it, so strangers cannot lock them out.
    let known = match &ip.text() {
        Some(address) => server::signed_in_from_before(&app.db, &email, address).await,
        None => Ok(false),
    };
    match known {
        Ok(true) => {}
        Ok(false) => {
            let keys = [(format!("login:account:{email}"), limits.login_per_account)];
            if let Some(refused) = over_limit(&app, &form, &keys).await {
                return refused;
            }
        }
        Err(err) => return answer_problem(&app, form, Problem::Db(err)).await,
    }
    let account = match server::check_credentials(&app.db, lang, &email, form.field("password"))
        .await
    {
        Ok(account) => account,
        Err(problem) => {
            let actor = Actor::anonymous(ip.text());
            if let Err(err) = audit::record(&app.db, &actor, "login.failed", &email, None).await {
                return answer_problem(&app, form, Problem::Db(err)).await;
            }
            return answer_problem(&app, form, problem).await;
        }
    };
    // A new id at every sign-in: a session id planted before it is worth nothing after.
    if let Some(old) = cookies::token_of(&headers, &app.sessions)
        && let Err(err) = session::destroy(&app.db, &old).await
    {
        return answer_problem(&app, form, Problem::Db(err)).await;
    }
    let user_agent = headers
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let actor = Actor::account(account.id, &account.email, ip.text());
    let token = match server::sign_in(&app.db, &account, &actor, user_agent).await {
        Ok(token) => token,
        Err(err) => return answer_problem(&app, form, Problem::Db(err)).await,
    };
    let mut response = Redirect::to(&after_login(lang, form.field("next"))).into_response();
    response
        .headers_mut()
        .append(SET_COOKIE, cookies::set_cookie(&token, &app.sessions));
    response
}

pub async fn logout(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = cookies::token_of(&headers, &app.sessions)
        && let Err(err) = session::destroy(&app.db, &token).await
    {
        return Problem::Db(err).into_response();
    }
    let mut response =
        Redirect::to(&Page::Login.url_with(lang, &[("notice", "signed-out")])).into_response();
    response
        .headers_mut()
        .append(SET_COOKIE, cookies::clear_cookie(&app.sessions));
    response
}

pub async fn change_password(
    State(app): State<AppState>,
    viewer: Option<Extension<Viewer>>,
    headers: HeaderMap,
    form: Submission,
) -> Response {
    let (lang, ip) = (form.lang, form.ip);
    let (Some(Extension(viewer)), Some(token)) =
        (viewer, cookies::token_of(&headers, &app.sessions))
    else {
        return Redirect::to(&Page::Login.url(lang)).into_response();
    };
    // Each try costs an Argon2 verification and is a guess at the current password.
    let keys = [(
        format!("password-change:account:{}", viewer.account_id),
        app.protection.limits.password_change_per_account,
    )];
    if let Some(refused) = over_limit(&app, &form, &keys).await {
        return refused;
    }
    let actor = Actor::account(viewer.account_id, &viewer.email, ip.text());
    let result = server::change_password(
        &app.db,
        lang,
        viewer.account_id,
        form.field("current_password"),
        new_password(&form),
        &token,
        &actor,
    )
    .await;
    match result {
        Ok(()) => Redirect::to(&Page::Account.url_with(lang, &[("notice", "password-changed")]))
            .into_response(),
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}

pub async fn forgot_password(State(app): State<AppState>, form: Submission) -> Response {
    let (lang, ip) = (form.lang, form.ip);
    let email = form.field("email").trim().to_lowercase();
    if server::normalize_email(&email).is_none() {
        let problem = Problem::Fields(vec![("email", tr(lang, "form-error-email"))]);
        return answer_problem(&app, form, problem).await;
    }
    let limits = app.protection.limits;
    let keys = [
        (format!("reset:ip:{}", ip.rate_key()), limits.reset_per_ip),
        (format!("reset:account:{email}"), limits.reset_per_account),
    ];
    if let Some(refused) = over_limit(&app, &form, &keys).await {
        return refused;
    }
    let actor = Actor::anonymous(ip.text());
    match server::request_reset(&app.db, lang, &email, &app.public_url.0, &actor).await {
        Ok(()) => Redirect::to(&Page::PasswordForgot.url_with(lang, &[("notice", "reset-sent")]))
            .into_response(),
        Err(err) => answer_problem(&app, form, Problem::Db(err)).await,
    }
}

/// Ends every session of the signed-in account, this one included.
pub async fn sign_out_everywhere(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Extension(ip): Extension<ClientIp>,
    viewer: Option<Extension<Viewer>>,
) -> Response {
    let Some(Extension(viewer)) = viewer else {
        return Redirect::to(&Page::Login.url(lang)).into_response();
    };
    let actor = Actor::account(viewer.account_id, &viewer.email, ip.text());
    if let Err(err) = server::sign_out_everywhere(&app.db, &actor).await {
        return Problem::Db(err).into_response();
    }
    let mut response =
        Redirect::to(&Page::Login.url_with(lang, &[("notice", "signed-out-everywhere")]))
            .into_response();
    response
        .headers_mut()
        .append(SET_COOKIE, cookies::clear_cookie(&app.sessions));
    response
}

pub async fn reset_password(State(app): State<AppState>, form: Submission) -> Response {
    let (lang, ip) = (form.lang, form.ip);
    let actor = Actor::anonymous(ip.text());
    let result = server::reset_password(
        &app.db,
        lang,
        form.field("token"),
        new_password(&form),
        &actor,
    )
    .await;
    match result {
        Ok(_) => {
            Redirect::to(&Page::Login.url_with(lang, &[("notice", "reset-done")])).into_response()
        }
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_never_redirects_off_site() {
        assert_eq!(after_login(Lang::En, "/en/zone?q=palm"), "/en/zone?q=palm");
        assert_eq!(
            after_login(Lang::En, "/en/zone/XKLS/1155"),
            "/en/zone/XKLS/1155"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "",
            // Browsers drop tabs and line breaks from URLs: these are `//evil.example`.
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "javascript:alert(1)",
            "/en/account\r\nSet-Cookie: x=1",
        ] {
            assert_eq!(after_login(Lang::Th, bad), "/th/account", "{bad:?}");
        }
    }
}
