//! The listings API for partners' own systems: a bearer token, a file in the body, JSON back.
//! A file with any rejected row changes nothing (422); a dry run only reports.

use super::batches::{self, Decisions, Sender, Upload};
use super::read::ReadError;
use super::snapshot;
use super::tokens::{self, Caller};
use super::{Counts, RowProblem};
use crate::i18n::Lang;
use crate::platform::rate_limit::allow;
use crate::security::ClientIp;
use crate::web::state::AppState;
use axum::Extension;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode, header};
use serde::{Deserialize, Serialize};

/// An API error: a stable code and an English message.
#[derive(Serialize)]
struct ApiError {
    code: &'static str,
    message: String,
}

fn error(status: StatusCode, code: &'static str, message: impl Into<String>) -> Response {
    let body = ApiError {
        code,
        message: message.into(),
    };
    let mut response = (status, Json(body)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            http::HeaderValue::from_static("Bearer"),
        );
    }
    response
}

/// The caller behind `Authorization: Bearer …`, within its rate limit.
async fn caller(app: &AppState, headers: &HeaderMap, ip: &ClientIp) -> Result<Caller, Response> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let unauthorized = || {
        error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a valid bearer token is required",
        )
    };
    let Some(bearer) = bearer else {
        return Err(unauthorized());
    };
    let found = tokens::authenticate(&app.db, bearer, ip.text())
        .await
        .map_err(|_| {
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "storage",
                "storage failure",
            )
        })?;
    let caller = found.ok_or_else(unauthorized)?;
    let key = format!("api:token:{}", caller.token_id);
    match allow(&app.db, &key, app.protection.limits.api_per_token).await {
        Ok(true) => Ok(caller),
        Ok(false) => Err(error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            "too many requests",
        )),
        Err(_) => Err(error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "storage",
            "storage failure",
        )),
    }
}

#[derive(Deserialize)]
pub struct ImportQuery {
    #[serde(default)]
    dry_run: bool,
    #[serde(default)]
    full_list: bool,
    encoding: Option<String>,
    file_name: Option<String>,
    /// The language of the messages: zh, en, ms or th.
    lang: Option<String>,
}

/// What an import did, or would do.
#[derive(Serialize)]
pub struct ImportReport {
    batch_id: i32,
    dry_run: bool,
    format: Option<String>,
    encoding: Option<String>,
    #[serde(flatten)]
    counts: Counts,
    errors: Vec<RowProblem>,
    warnings: Vec<String>,
    /// Columns no alias matched; they were ignored.
    unmapped: Vec<String>,
}

/// `POST /api/v1/listings/import`
pub async fn import(
    State(app): State<AppState>,
    Extension(ip): Extension<ClientIp>,
    Query(query): Query<ImportQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let caller = match caller(&app, &headers, &ip).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let lang = query
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::En);
    let storage = |_| {
        error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "storage",
            "storage failure",
        )
    };
    let sender = Sender {
        exchange_mic: &caller.exchange_mic,
        actor: &caller.actor,
        channel: "api",
    };
    let upload = Upload {
        files: vec![(
            query.file_name.unwrap_or_else(|| "api".into()),
            body.to_vec(),
        )],
        full_list: query.full_list,
        decisions: Decisions {
            encoding: query.encoding,
            ..Decisions::default()
        },
    };
    let id = match batches::create(&app.db, &sender, upload).await {
        Ok(id) => id,
        Err(err) => return storage(err),
    };
    let batch = match batches::find(&app.db, id, None).await {
        Ok(Some(b)) => b,
        Ok(None) | Err(_) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "storage",
                "storage failure",
            );
        }
    };
    let reading = match batches::read_and_plan(&app.db, &batch, lang).await {
        Ok(r) => r,
        Err(err) => return storage(err),
    };
    let _ = batches::note_preview(&app.db, &batch, &reading).await;
    let document = match &reading.document {
        Ok(doc) => doc,
        Err(err) => {
            let _ = batches::close(&app.db, id, "refused").await;
            let status = match err {
                ReadError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                ReadError::UnknownFormat => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            return error(status, err.code(), err.to_string());
        }
    };
    let plan = reading.plan.as_ref().expect("a read document is planned");
    let mut report = ImportReport {
        batch_id: id,
        dry_run: query.dry_run,
        format: Some(document.format.code().into()),
        encoding: document.encoding.clone(),
        counts: plan.counts,
        errors: plan.problems.clone(),
        warnings: plan.warnings.clone(),
        unmapped: plan.unmapped.iter().map(|u| u.header.clone()).collect(),
    };
    if plan.rejected() {
        let _ = batches::close(&app.db, id, "refused").await;
        let other_exchange = plan.problems.iter().any(|p| p.code == "other-exchange");
        let status = if other_exchange {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return (status, Json(report)).into_response();
    }
    if query.dry_run {
        let _ = batches::close(&app.db, id, "checked").await;
        return Json(report).into_response();
    }
    match batches::commit(&app.db, id, &caller.actor, lang).await {
        Ok(counts) => {
            report.counts = counts;
            Json(report).into_response()
        }
        Err(crate::web::error::Problem::Refused(message)) => {
            // The exchange changed between the check and the commit; nothing was applied.
            error(StatusCode::CONFLICT, "conflict", message)
        }
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "storage",
            "storage failure",
        ),
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    exchange: Option<String>,
    #[serde(default)]
    page: Option<u64>,
}

#[derive(Serialize)]
struct Listing {
    exchange: String,
    page: u64,
    pages: u64,
    total: usize,
    companies: Vec<snapshot::Snapshot>,
}

const PAGE_SIZE: usize = 200;

/// `GET /api/v1/listings?exchange=MIC&page=N`: the caller's own exchange, delisted companies
/// included, by symbol.
pub async fn list(
    State(app): State<AppState>,
    Extension(ip): Extension<ClientIp>,
    Query(query): Query<ListQuery>,
    headers: HeaderMap,
) -> Response {
    let caller = match caller(&app, &headers, &ip).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    if query
        .exchange
        .as_deref()
        .is_some_and(|m| m != caller.exchange_mic)
    {
        return error(
            StatusCode::FORBIDDEN,
            "other-exchange",
            "a token lists its own exchange only",
        );
    }
    let stored = match snapshot::load_exchange(&app.db, &caller.exchange_mic).await {
        Ok(s) => s,
        Err(_) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "storage",
                "storage failure",
            );
        }
    };
    let mut companies: Vec<_> = stored.into_values().map(|s| s.snapshot).collect();
    companies.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    let total = companies.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1) as u64;
    let page = query.page.unwrap_or(1).clamp(1, pages);
    let start = (page as usize - 1) * PAGE_SIZE;
    let companies = companies.into_iter().skip(start).take(PAGE_SIZE).collect();
    Json(Listing {
        exchange: caller.exchange_mic,
        page,
        pages,
        total,
        companies,
    })
    .into_response()
}
