//! The console's form posts. Each checks that a verified operator sent it.

use crate::accounts::Role;
use crate::accounts::server::{self, Decision};
use crate::web::error::Problem;
use crate::web::roles::Operator;
use crate::web::state::AppState;
use crate::web::submit::{Submission, answer_problem};
use crate::web::url::Page;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

/// `POST /{lang}/admin/accounts/{id}/{action}`: verify, reject (with a reason), suspend,
/// reinstate; a partner is disabled and enabled the same way.
pub async fn decide(
    State(app): State<AppState>,
    Operator(actor): Operator,
    Path((_, id, action)): Path<(String, i32, String)>,
    form: Submission,
) -> Response {
    let decision = match action.as_str() {
        "verify" => Decision::Verify,
        "reject" => Decision::Reject(form.field("reason").to_owned()),
        "suspend" | "disable" => Decision::Suspend,
        "reinstate" | "enable" => Decision::Reinstate,
        _ => return Problem::NotFound.into_response(),
    };
    let result = server::decide(&app.db, form.lang, id, decision, &actor).await;
    back_to_console(&app, form, result, "decided").await
}

/// `POST /{lang}/admin/partners`: a new partner account for one exchange.
pub async fn create_partner(
    State(app): State<AppState>,
    Operator(actor): Operator,
    form: Submission,
) -> Response {
    let result = server::create_staff(
        &app.db,
        form.lang,
        Role::Partner,
        form.field("email"),
        form.field("password"),
        Some(form.field("exchange")),
        &actor,
    )
    .await;
    back_to_console(&app, form, result, "partner-created").await
}

/// To the console with `notice` after a success; the console with the message otherwise.
async fn back_to_console<T>(
    app: &AppState,
    mut form: Submission,
    result: Result<T, Problem>,
    notice: &str,
) -> Response {
    match result {
        Ok(_) => {
            Redirect::to(&Page::Admin.url_with(form.lang, &[("notice", notice)])).into_response()
        }
        Err(problem) => {
            // The console renders refusals, whichever path the form posted to.
            let console = Page::Admin.url(form.lang);
            form.parts.uri = console.parse().expect("a console path is a valid URI");
            answer_problem(app, form, as_banner(problem)).await
        }
    }
}

/// The console has many small forms: their messages go on top of the page.
fn as_banner(problem: Problem) -> Problem {
    match problem {
        Problem::Fields(errors) => Problem::Refused(
            errors
                .into_iter()
                .map(|(_, m)| m)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        other => other,
    }
}
