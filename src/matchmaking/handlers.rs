//! Matchmaking's form posts and the operator's export. A post answers with a redirect to the
//! page that shows what changed, or its own page again with what was typed and a localized
//! message. Who may post is settled by the rules the post calls (`demands`, `cases`), which
//! answer another's demand or case as not found; every post of a signed-in account counts
//! against its rate limit.

use super::desk_reads;
use super::{By, CaseQuery, case_steps, cases, demands};
use crate::i18n::tr;
use crate::platform::audit::Actor;
use crate::web::error::Problem;
use crate::web::state::AppState;
use crate::web::submit::{Submission, answer_problem, over_limit};
use crate::web::url::Page;
use crate::web::viewer::Viewer;
use crate::zone::export::{csv, xlsx};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::header;
use serde::Deserialize;

/// A post by a signed-in account under its rate limits: the viewer and actor, or the answer
/// already made (sign-in required, over the limit).
async fn poster(
    app: &AppState,
    form: &Submission,
    daily: bool,
) -> Result<(Viewer, Actor), Response> {
    let (Some(viewer), Ok(actor)) = (form.viewer().cloned(), form.actor()) else {
        return Err(Problem::SignInRequired.into_response());
    };
    let limits = app.protection.limits;
    let mut keys = vec![(
        format!("matchmaking:account:{}", viewer.account_id),
        limits.matchmaking_per_account,
    )];
    if daily {
        keys.push((
            format!("introductions:account:{}", viewer.account_id),
            limits.introductions_per_account,
        ));
    }
    match over_limit(app, form, &keys).await {
        Some(refused) => Err(refused),
        None => Ok((viewer, actor)),
    }
}

fn by<'a>(app: &'a AppState, form: &Submission, viewer: &'a Viewer, actor: &'a Actor) -> By<'a> {
    By {
        viewer,
        actor,
        lang: form.lang,
        origin: &app.public_url.0,
    }
}

fn to(page: Page, form: &Submission, notice: &str) -> Response {
    Redirect::to(&page.url_with(form.lang, &[("notice", notice)])).into_response()
}

/// `POST /{lang}/demands/new`: a new demand.
pub async fn create(State(app): State<AppState>, form: Submission) -> Response {
    save(app, None, form).await
}

/// `POST /{lang}/demands/{id}/edit`: the owner's demand, changed.
pub async fn edit(
    State(app): State<AppState>,
    Path((_, id)): Path<(String, i32)>,
    form: Submission,
) -> Response {
    save(app, Some(id), form).await
}

/// A demand's form, kept as a draft or submitted for review (the button pressed,
/// `intent=submit`).
async fn save(app: AppState, id: Option<i32>, form: Submission) -> Response {
    let (viewer, actor) = match poster(&app, &form, false).await {
        Ok(poster) => poster,
        Err(answer) => return answer,
    };
    let submit = form.field("intent") == "submit";
    let by = by(&app, &form, &viewer, &actor);
    match demands::save(&app.db, &by, id, &form.fields, submit).await {
        Ok(id) => {
            let notice = if submit {
                "demand-submitted"
            } else {
                "demand-saved"
            };
            to(Page::Demand { id }, &form, notice)
        }
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}

/// `POST /{lang}/demands/{id}`: a step on the demand (`action`: submit, withdraw, renew; an
/// operator's publish or return with `reason`), or a partner's answer for one of its
/// companies (`action=answer`, `company`, `message`), which opens a case.
pub async fn act(
    State(app): State<AppState>,
    Path((_, id)): Path<(String, i32)>,
    form: Submission,
) -> Response {
    let action = form.field("action").to_owned();
    let answering = action == "answer";
    let (viewer, actor) = match poster(&app, &form, answering).await {
        Ok(poster) => poster,
        Err(answer) => return answer,
    };
    let by = by(&app, &form, &viewer, &actor);
    if answering {
        return match cases::answer(&app.db, &by, id, &form.fields).await {
            Ok(case) => to(Page::Case { id: case }, &form, "case-opened"),
            Err(problem) => answer_problem(&app, form, problem).await,
        };
    }
    match demands::act(&app.db, &by, id, &action, form.field("reason")).await {
        Ok(()) => to(Page::Demand { id }, &form, &format!("demand-{action}")),
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}

/// `POST /{lang}/zone/{mic}/{symbol}/introduction`: a verified enterprise asks to be
/// introduced to the company.
pub async fn request(
    State(app): State<AppState>,
    Path((_, mic, symbol)): Path<(String, String, String)>,
    form: Submission,
) -> Response {
    let (viewer, actor) = match poster(&app, &form, true).await {
        Ok(poster) => poster,
        Err(answer) => return answer,
    };
    let by = by(&app, &form, &viewer, &actor);
    match cases::request(&app.db, &by, &mic, &symbol, &form.fields).await {
        Ok(case) => to(Page::Case { id: case }, &form, "case-opened"),
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}

/// `POST /{lang}/cases/{id}`: a step on the case (`do=step`, `step` and what it needs), or a
/// message in its thread (`do=message`, `body`).
pub async fn case_post(
    State(app): State<AppState>,
    Path((_, id)): Path<(String, i32)>,
    form: Submission,
) -> Response {
    let (viewer, actor) = match poster(&app, &form, false).await {
        Ok(poster) => poster,
        Err(answer) => return answer,
    };
    let by = by(&app, &form, &viewer, &actor);
    let (done, notice) = if form.field("do") == "message" {
        (
            cases::post_message(&app.db, &by, id, &form.fields).await,
            "case-message-sent",
        )
    } else {
        (
            case_steps::take_step(&app.db, &by, id, &form.fields).await,
            "case-moved",
        )
    };
    match done {
        Ok(()) => to(Page::Case { id }, &form, notice),
        Err(problem) => answer_problem(&app, form, problem).await,
    }
}

/// The operator's filters in an export's address.
#[derive(Deserialize)]
pub struct ExportQuery {
    stage: Option<String>,
    exchange: Option<String>,
    overdue: Option<String>,
}

/// `GET /{lang}/cases/export.csv` and `.xlsx`: the operator's cases as the desk's filters
/// select them. Operators only; anyone else is answered 401 or 403.
pub async fn export(
    format: &'static str,
    State(app): State<AppState>,
    Path(lang): Path<String>,
    viewer: Option<axum::Extension<Viewer>>,
    Query(query): Query<ExportQuery>,
) -> Response {
    let Some(lang) = crate::i18n::Lang::from_code(&lang) else {
        return Problem::NotFound.into_response();
    };
    let viewer = match viewer {
        Some(axum::Extension(v)) if v.is_operator() => v,
        other => return Problem::not_allowed(other.is_some()).into_response(),
    };
    let query = CaseQuery {
        stage: query.stage.filter(|s| !s.is_empty()),
        exchange: query.exchange.filter(|s| !s.is_empty()),
        overdue: query.overdue.is_some_and(|o| o == "on"),
        page: 1,
    };
    let rows = match desk_reads::export(&app.db, lang, &viewer, &query).await {
        Ok(rows) => rows,
        Err(err) => return Problem::Db(err).into_response(),
    };
    let headers = desk_reads::export_headers(lang);
    let name = tr(lang, "case-export-file");
    let (body, content_type) = match format {
        "csv" => (csv(&headers, &rows), "text/csv; charset=utf-8"),
        "xlsx" => match xlsx(&headers, &rows) {
            Ok(bytes) => (
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Err(err) => {
                tracing::error!(error = %err, "writing the cases workbook");
                return http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        },
        _ => return Problem::NotFound.into_response(),
    };
    let disposition = format!(
        "attachment; filename=\"cases.{format}\"; filename*=UTF-8''{}.{format}",
        crate::ui::url::encode_component(&name)
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}
