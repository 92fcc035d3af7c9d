//! The form posts of registration, sign-in, sign-out and passwords. A refused form is rendered
//! again by its own page, with what was typed and a localized message; a good one redirects.

use super::forms::Feedback;
use super::server::{self, Actor, NewPassword, Problem, Registration};
use super::{Viewer, session};
use crate::i18n::{Lang, lang_of_path, tr};
use crate::security::{ClientIp, allow};
use crate::serve::AppState;
use axum::Form;
use axum::extract::{Extension, FromRequest, FromRequestParts, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{SET_COOKIE, USER_AGENT};
use http::request::Parts;
use http::{HeaderMap, StatusCode};

/// A submitted form, in the order of its fields.
pub type Fields = Vec<(String, String)>;

/// A form post: its fields, and the request head to render the page again with.
pub struct Submission {
    pub parts: Parts,
    pub fields: Fields,
}

impl<S: Send + Sync> FromRequest<S> for Submission {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (parts, body) = request.into_parts();
        let request = Request::from_parts(parts.clone(), body);
        let Form(fields) = Form::<Fields>::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Submission { parts, fields })
    }
}

pub fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

fn new_password(fields: &Fields) -> NewPassword<'_> {
    NewPassword {
        password: field(fields, "password"),
        confirm: field(fields, "password_confirm"),
    }
}

/// The language of a `/{lang}/…` form post; any other first segment is not found.
pub struct PageLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        lang_of_path(parts.uri.path())
            .map(PageLang)
            .ok_or(StatusCode::NOT_FOUND)
    }
}

/// Renders the page at the request's path again with `feedback`, as `status`.
pub async fn refuse(
    app: &AppState,
    parts: Parts,
    feedback: Feedback,
    status: StatusCode,
) -> Response {
    app.pages.render(parts, feedback, status).await
}

/// The answer to a refused form: the page again with messages, or 500 for a database failure.
pub async fn answer_problem(
    app: &AppState,
    parts: Parts,
    fields: Fields,
    problem: Problem,
) -> Response {
    let mut feedback = Feedback::with_values(fields);
    match problem {
        Problem::Fields(errors) => {
            for (field, message) in errors {
                feedback.error(field, message);
            }
            refuse(app, parts, feedback, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Problem::Refused(message) => {
            feedback.banner = Some(message);
            refuse(app, parts, feedback, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Problem::Db(err) => {
            tracing::error!(error = %err, "database error");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// 429 with the page and a localized message, when any of `keys` is over its limit.
async fn over_limit(
    app: &AppState,
    lang: Lang,
    parts: &Parts,
    fields: &Fields,
    keys: &[(String, crate::security::Limit)],
) -> Option<Response> {
    for (key, limit) in keys {
        match allow(&app.db, key, *limit).await {
            Ok(true) => {}
            Ok(false) => {
                let mut feedback = Feedback::with_values(fields.clone());
                feedback.banner = Some(tr(lang, "error-rate-limited"));
                return Some(
                    refuse(app, parts.clone(), feedback, StatusCode::TOO_MANY_REQUESTS).await,
                );
            }
            Err(err) => {
                tracing::error!(error = %err, "rate limit check failed");
                return Some(StatusCode::INTERNAL_SERVER_ERROR.into_response());
            }
        }
    }
    None
}

fn ip_key(ip: &ClientIp) -> &str {
    ip.0.as_deref().unwrap_or("unknown")
}

pub async fn register(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Extension(ip): Extension<ClientIp>,
    Submission { parts, fields }: Submission,
) -> Response {
    let limits = app.protection.limits;
    let keys = [(
        format!("register:ip:{}", ip_key(&ip)),
        limits.register_per_ip,
    )];
    if let Some(refused) = over_limit(&app, lang, &parts, &fields, &keys).await {
        return refused;
    }
    let get = |name| field(&fields, name).to_owned();
    let form = Registration {
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
        terms: field(&fields, "terms") == "on",
    };
    match server::register(&app.db, lang, &form, &Actor::anonymous(ip.0.clone())).await {
        Ok(_) => Redirect::to(&format!("/{}/login?notice=registered", lang.code())).into_response(),
        Err(problem) => answer_problem(&app, parts, fields, problem).await,
    }
}

/// Where to go after signing in: a local path only, never another site.
fn after_login(lang: Lang, next: &str) -> String {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if local {
        next.to_owned()
    } else {
        format!("/{}/account", lang.code())
    }
}

pub async fn login(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Extension(ip): Extension<ClientIp>,
    headers: HeaderMap,
    Submission { parts, fields }: Submission,
) -> Response {
    let email = field(&fields, "email").trim().to_lowercase();
    let limits = app.protection.limits;
    let keys = [
        (format!("login:ip:{}", ip_key(&ip)), limits.login_per_ip),
        (format!("login:account:{email}"), limits.login_per_account),
    ];
    if let Some(refused) = over_limit(&app, lang, &parts, &fields, &keys).await {
        return refused;
    }
    let account =
        match server::check_credentials(&app.db, lang, &email, field(&fields, "password")).await {
            Ok(account) => account,
            Err(problem) => {
                let actor = Actor::anonymous(ip.0.clone());
                let _ = server::audit(&app.db, &actor, "login.failed", &email, None).await;
                return answer_problem(&app, parts, fields, problem).await;
            }
        };
    // A new id at every sign-in: a session id planted before it is worth nothing after.
    if let Some(old) = session::token_of(&headers) {
        let _ = session::destroy(&app.db, &old).await;
    }
    let user_agent = headers
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let token = match session::create(&app.db, account.id, ip.0.clone(), user_agent).await {
        Ok(token) => token,
        Err(err) => return answer_problem(&app, parts, fields, Problem::Db(err)).await,
    };
    let actor = Actor::account(account.id, &account.email, ip.0.clone());
    let _ = server::audit(&app.db, &actor, "login", &account.email, None).await;
    let mut response = Redirect::to(&after_login(lang, field(&fields, "next"))).into_response();
    response
        .headers_mut()
        .append(SET_COOKIE, session::set_cookie(&token, &app.sessions));
    response
}

pub async fn logout(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = session::token_of(&headers)
        && let Err(err) = session::destroy(&app.db, &token).await
    {
        tracing::error!(error = %err, "could not end a session");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let mut response =
        Redirect::to(&format!("/{}/login?notice=signed-out", lang.code())).into_response();
    response
        .headers_mut()
        .append(SET_COOKIE, session::clear_cookie(&app.sessions));
    response
}

pub async fn change_password(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Extension(ip): Extension<ClientIp>,
    viewer: Option<Extension<Viewer>>,
    headers: HeaderMap,
    Submission { parts, fields }: Submission,
) -> Response {
    let (Some(Extension(viewer)), Some(token)) = (viewer, session::token_of(&headers)) else {
        return Redirect::to(&format!("/{}/login", lang.code())).into_response();
    };
    let actor = Actor::account(viewer.account_id, &viewer.email, ip.0.clone());
    let result = server::change_password(
        &app.db,
        lang,
        viewer.account_id,
        field(&fields, "current_password"),
        new_password(&fields),
        &token,
        &actor,
    )
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/{}/account?notice=password-changed", lang.code()))
            .into_response(),
        Err(problem) => answer_problem(&app, parts, fields, problem).await,
    }
}

pub async fn forgot_password(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Extension(ip): Extension<ClientIp>,
    Submission { parts, fields }: Submission,
) -> Response {
    let email = field(&fields, "email").trim().to_lowercase();
    if server::normalize_email(&email).is_none() {
        let problem = Problem::Fields(vec![("email", tr(lang, "form-error-email"))]);
        return answer_problem(&app, parts, fields, problem).await;
    }
    let limits = app.protection.limits;
    let keys = [
        (format!("reset:ip:{}", ip_key(&ip)), limits.reset_per_ip),
        (format!("reset:account:{email}"), limits.reset_per_account),
    ];
    if let Some(refused) = over_limit(&app, lang, &parts, &fields, &keys).await {
        return refused;
    }
    let origin = app.origin(&parts);
    let actor = Actor::anonymous(ip.0.clone());
    match server::request_reset(&app.db, lang, &email, &origin, &actor).await {
        Ok(()) => Redirect::to(&format!(
            "/{}/password/forgot?notice=reset-sent",
            lang.code()
        ))
        .into_response(),
        Err(err) => answer_problem(&app, parts, fields, Problem::Db(err)).await,
    }
}

pub async fn reset_password(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Extension(ip): Extension<ClientIp>,
    Submission { parts, fields }: Submission,
) -> Response {
    let actor = Actor::anonymous(ip.0.clone());
    let result = server::reset_password(
        &app.db,
        lang,
        field(&fields, "token"),
        new_password(&fields),
        &actor,
    )
    .await;
    match result {
        Ok(_) => Redirect::to(&format!("/{}/login?notice=reset-done", lang.code())).into_response(),
        Err(problem) => answer_problem(&app, parts, fields, problem).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_never_redirects_off_site() {
        assert_eq!(after_login(Lang::En, "/en/zone?q=palm"), "/en/zone?q=palm");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "",
        ] {
            assert_eq!(after_login(Lang::Th, bad), "/th/account", "{bad}");
        }
    }
}
