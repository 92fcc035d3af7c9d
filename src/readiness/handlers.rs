//! The questionnaire's post: a new assessment, then its page; or the questionnaire again with
//! what was answered and a message under each statement left out.

use super::take;
use crate::web::error::Problem;
use crate::web::state::AppState;
use crate::web::submit::{Submission, answer_problem, over_limit};
use crate::web::url::Page;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

/// `POST /{lang}/readiness/new`.
pub async fn take(State(app): State<AppState>, form: Submission) -> Response {
    let (Some(viewer), Ok(actor)) = (form.viewer().cloned(), form.actor()) else {
        return Problem::SignInRequired.into_response();
    };
    let key = format!("readiness:account:{}", viewer.account_id);
    let limit = app.protection.limits.assessments_per_account;
    if let Some(refused) = over_limit(&app, &form, &[(key, limit)]).await {
        return refused;
    }
    match take::take(&app.db, form.lang, &viewer, &actor, &form.fields).await {
        Ok(id) => {
            let to = Page::Assessment { id }.url_with(form.lang, &[("notice", "readiness-taken")]);
            Redirect::to(&to).into_response()
        }
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}
