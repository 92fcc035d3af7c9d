//! Form posts, as every feature receives them: the fields in order, the page language, and
//! the answer to a refused form — its own page again, with what was typed and a localized
//! message per field — or to one over its rate limit.

use super::error::Problem;
use super::form::Feedback;
use super::state::AppState;
use super::viewer::Viewer;
use crate::i18n::{Lang, lang_of_path, tr};
use crate::platform::audit::Actor;
use crate::platform::rate_limit::{Limit, allow};
use crate::security::ClientIp;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use http::StatusCode;
use http::request::Parts;

/// A submitted form, in the order of its fields.
pub type Fields = Vec<(String, String)>;

/// A form post to `/{lang}/…`: its fields, the page language, the client address, and the
/// request head to render the page again with.
pub struct Submission {
    pub parts: Parts,
    pub fields: Fields,
    pub lang: Lang,
    pub ip: ClientIp,
}

impl<S: Send + Sync> FromRequest<S> for Submission {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let PageLang(lang) = PageLang::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Extension(ip) = Extension::<ClientIp>::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let request = Request::from_parts(parts.clone(), body);
        let Form(fields) = Form::<Fields>::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Submission {
            parts,
            fields,
            lang,
            ip,
        })
    }
}

impl Submission {
    /// The value of field `name`, empty when the form did not send it.
    pub fn field(&self, name: &str) -> &str {
        field(&self.fields, name)
    }

    /// Another part of the post's head (its path parameters, its query) as `T` reads it.
    pub async fn extract<T, S>(&mut self, state: &S) -> Result<T, Response>
    where
        T: FromRequestParts<S>,
        S: Send + Sync,
    {
        T::from_request_parts(&mut self.parts, state)
            .await
            .map_err(IntoResponse::into_response)
    }

    /// The signed-in viewer who posts it, if any.
    pub fn viewer(&self) -> Option<&Viewer> {
        self.parts.extensions.get::<Viewer>()
    }

    /// The signed-in viewer as the actor of what the post changes.
    pub fn actor(&self) -> Result<Actor, Problem> {
        let viewer = self.viewer().ok_or(Problem::SignInRequired)?;
        Ok(Actor::account(
            viewer.account_id,
            &viewer.email,
            self.ip.text(),
        ))
    }
}

pub fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
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
pub async fn answer_problem(app: &AppState, form: Submission, problem: Problem) -> Response {
    let Submission { parts, fields, .. } = form;
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
        other => other.into_response(),
    }
}

/// 429 with the page and a localized message, when any of `keys` is over its limit.
pub async fn over_limit(
    app: &AppState,
    form: &Submission,
    keys: &[(String, Limit)],
) -> Option<Response> {
    for (key, limit) in keys {
        match allow(&app.db, key, *limit).await {
            Ok(true) => {}
            Ok(false) => {
                let mut feedback = Feedback::with_values(form.fields.clone());
                feedback.banner = Some(tr(form.lang, "error-rate-limited"));
                let parts = form.parts.clone();
                return Some(refuse(app, parts, feedback, StatusCode::TOO_MANY_REQUESTS).await);
            }
            Err(err) => return Some(Problem::Db(err).into_response()),
        }
    }
    None
}
