//! The one error type of pages, handlers and server functions, and the status each case gets
//! everywhere: not found 404, not signed in 401, forbidden 403, invalid input 422 (field
//! messages and a banner re-render the form's page), too many 429, storage 500 with the detail
//! only in the log.

use axum::response::{IntoResponse, Response};
use http::StatusCode;
use leptos::prelude::{ServerFnError, use_context};
use sea_orm::DbErr;

/// Field name and localized message.
pub type FieldErrors = Vec<(&'static str, String)>;

/// Why a request was refused.
#[derive(Debug)]
pub enum Problem {
    /// Messages per form field.
    Fields(FieldErrors),
    /// One message for the whole form, already localized.
    Refused(String),
    NotFound,
    SignInRequired,
    Forbidden,
    TooMany,
    Db(DbErr),
}

impl Problem {
    pub fn status(&self) -> StatusCode {
        match self {
            Problem::Fields(_) | Problem::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Problem::NotFound => StatusCode::NOT_FOUND,
            Problem::SignInRequired => StatusCode::UNAUTHORIZED,
            Problem::Forbidden => StatusCode::FORBIDDEN,
            Problem::TooMany => StatusCode::TOO_MANY_REQUESTS,
            Problem::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// 403 for someone signed in, 401 for nobody.
    pub fn not_allowed(signed_in: bool) -> Problem {
        if signed_in {
            Problem::Forbidden
        } else {
            Problem::SignInRequired
        }
    }

    /// What the log keeps: the storage error's detail, which the client never sees.
    fn log(&self) {
        if let Problem::Db(err) = self {
            tracing::error!(error = %err, "database error");
        }
    }
}

impl From<DbErr> for Problem {
    fn from(err: DbErr) -> Self {
        Problem::Db(err)
    }
}

/// For handlers that answer no page (downloads, sitemaps): the status alone. Form handlers
/// answer with their page instead (`web::submit::answer_problem`).
impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        self.log();
        self.status().into_response()
    }
}

/// A storage failure in a server function: logged, answered 500 without its detail.
pub fn internal(err: DbErr) -> ServerFnError {
    Problem::Db(err).into()
}

/// For server functions: the status on the response, a message without detail to the caller.
impl From<Problem> for ServerFnError {
    fn from(problem: Problem) -> ServerFnError {
        problem.log();
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(problem.status());
        }
        let message = match problem {
            Problem::Db(_) => "internal error".to_owned(),
            other => other
                .status()
                .canonical_reason()
                .unwrap_or("refused")
                .to_lowercase(),
        };
        ServerFnError::new(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_has_its_status() {
        let cases = [
            (Problem::Fields(vec![]), 422),
            (Problem::Refused("no".into()), 422),
            (Problem::NotFound, 404),
            (Problem::not_allowed(false), 401),
            (Problem::not_allowed(true), 403),
            (Problem::TooMany, 429),
            (Problem::Db(DbErr::Custom("disk full".into())), 500),
        ];
        for (problem, status) in cases {
            assert_eq!(problem.status().as_u16(), status, "{problem:?}");
        }
        let hidden: ServerFnError = Problem::Db(DbErr::Custom("disk full".into())).into();
        assert!(!hidden.to_string().contains("disk full"));
    }
}
