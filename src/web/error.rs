//! Why a request was refused, as every handler answers it: field messages and a banner re-render
//! the form's page (422); a storage failure is logged with its detail and answered 500 without it.

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
    Db(DbErr),
}

impl From<DbErr> for Problem {
    fn from(err: DbErr) -> Self {
        Problem::Db(err)
    }
}

/// Refuses the call with 403 (or 401 when nobody is signed in).
pub fn forbidden(signed_in: bool) -> ServerFnError {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(if signed_in {
            http::StatusCode::FORBIDDEN
        } else {
            http::StatusCode::UNAUTHORIZED
        });
    }
    ServerFnError::new("forbidden")
}
