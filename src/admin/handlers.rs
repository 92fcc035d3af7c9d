//! The console's form posts. Each checks that a verified operator sent it.

use crate::accounts::Role;
use crate::accounts::server::{self, Decision};
use crate::i18n::Lang;
use crate::web::error::Problem;
use crate::web::roles::Operator;
use crate::web::state::AppState;
use crate::web::submit::{PageLang, Submission, answer_problem, field};
use crate::web::url::Page;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;

/// `POST /{lang}/admin/accounts/{id}/{action}`: verify, reject (with a reason), suspend,
/// reinstate; a partner is disabled and enabled the same way.
pub async fn decide(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Operator(actor): Operator,
    Path((_, id, action)): Path<(String, i32, String)>,
    Submission { parts, fields }: Submission,
) -> Response {
    let decision = match action.as_str() {
        "verify" => Decision::Verify,
        "reject" => Decision::Reject(field(&fields, "reason").to_owned()),
        "suspend" | "disable" => Decision::Suspend,
        "reinstate" | "enable" => Decision::Reinstate,
        _ => return Problem::NotFound.into_response(),
    };
    let result = server::decide(&app.db, lang, id, decision, &actor).await;
    back_to_console(&app, lang, Submission { parts, fields }, result, "decided").await
}

/// `POST /{lang}/admin/partners`: a new partner account for one exchange.
pub async fn create_partner(
    State(app): State<AppState>,
    PageLang(lang): PageLang,
    Operator(actor): Operator,
    Submission { parts, fields }: Submission,
) -> Response {
    let result = server::create_staff(
        &app.db,
        lang,
        Role::Partner,
        field(&fields, "email"),
        field(&fields, "password"),
        Some(field(&fields, "exchange")),
        &actor,
    )
    .await;
    back_to_console(
        &app,
        lang,
        Submission { parts, fields },
        result,
        "partner-created",
    )
    .await
}

/// To the console with `notice` after a success; the console with the message otherwise.
async fn back_to_console<T>(
    app: &AppState,
    lang: Lang,
    Submission { parts, fields }: Submission,
    result: Result<T, Problem>,
    notice: &str,
) -> Response {
    let console = Page::Admin.url(lang);
    match result {
        Ok(_) => Redirect::to(&format!("{console}?notice={notice}")).into_response(),
        Err(problem) => {
            answer_problem(
                app,
                console_parts(parts, &console),
                fields,
                as_banner(problem),
            )
            .await
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

/// The console renders refusals, whichever path the form posted to.
fn console_parts(mut parts: Parts, console: &str) -> Parts {
    parts.uri = console.parse().expect("a console path is a valid URI");
    parts
}
