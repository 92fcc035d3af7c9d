//! The listings API for partners' own systems: a bearer token, a file in the body, JSON back.
//! A file with any rejected row changes nothing (422); a dry run only reports.
//! The `#[utoipa::path]` and schema attributes below are the API's OpenAPI document
//! (`openapi.rs` assembles it).

use super::apply;
use super::batches::{self, Decisions, Sender, Upload};
use super::read::ReadError;
use super::snapshot;
use super::tokens::{self, Caller};
use super::{Counts, RowProblem};
use crate::i18n::Lang;
use crate::platform::rate_limit::{Limit, allow};
use crate::security::ClientIp;
use crate::web::state::AppState;
use axum::Extension;
use axum::Json;
use axum::extract::{FromRequestParts, Query, Request, State};
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{StatusCode, header};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Problems an import's answer lists at most; `rejected` counts the rows.
const ERRORS_SHOWN: usize = 1_000;

/// An API error: a stable code and an English message.
#[derive(Serialize, ToSchema)]
pub(super) struct ApiError {
    /// Stable, for programs: `unauthorized`, `rate-limited`, `storage`, `conflict`,
    /// `other-exchange`, or why the file could not be read (`too-large`, `unknown-format`,
    /// `empty`, `too-many-rows`, `unknown-encoding`, `undecodable`, `malformed`, `no-table`,
    /// `zip-bomb`).
    code: &'static str,
    /// For people, in English.
    message: String,
}

/// An `ApiError` answer. The handlers return it as their `Err`, so that `?` answers with it.
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

/// 500, without the storage error's detail, which is of no use to the caller: the log has it.
fn storage_failure(err: impl std::fmt::Display) -> Response {
    tracing::error!("listings API: {err}");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "storage",
        "storage failure",
    )
}

/// The caller behind `Authorization: Bearer …`, within its rate limit. As an extractor, it
/// answers a request without one with an `ApiError` before the handler runs.
pub struct ApiCaller(Caller);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Response> {
        let Extension(ip) = Extension::<ClientIp>::from_request_parts(parts, app)
            .await
            .map_err(IntoResponse::into_response)?;
        let bearer = parts
            .headers
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
            .map_err(storage_failure)?;
        let caller = found.ok_or_else(unauthorized)?;
        let key = format!("api:token:{}", caller.token_id);
        within_limit(app, &key, app.protection.limits.api_per_token).await?;
        Ok(ApiCaller(caller))
    }
}

/// Records an attempt under `key`, refused with an `ApiError` once `limit` is reached.
async fn within_limit(app: &AppState, key: &str, limit: Limit) -> Result<(), Response> {
    match allow(&app.db, key, limit).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            "too many requests",
        )),
        Err(err) => Err(storage_failure(err)),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check the file and report what it would change, without applying anything.
    #[serde(default)]
    dry_run: bool,
    /// The file lists every company of the exchange: the listed companies it leaves out are
    /// delisted.
    #[serde(default)]
    full_list: bool,
    /// The text encoding of a CSV, HTML or JSON file, instead of the detected one: a label such
    /// as `UTF-8`, `UTF-16LE`, `gb18030`, `GBK`, `windows-874` or `windows-1252`. Ignored for XLSX.
    encoding: Option<String>,
    /// The file's name, kept with the batch in the partner's history (`api` when absent).
    file_name: Option<String>,
    /// The language of the messages: zh, en, ms or th.
    lang: Option<String>,
}

/// The file an import sends, as the exchange's own system writes it: CSV, XLSX, an HTML table
/// or JSON.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
// Describes the request body only: the handler reads the bytes as they come.
#[allow(dead_code)]
pub(super) struct ImportFile(Vec<u8>);

/// Rows were rejected (an import report), or the file could not be read (an error).
#[derive(ToSchema)]
#[serde(untagged)]
// Describes the 422 body only: the handler answers with one type or the other.
#[allow(dead_code)]
pub(super) enum ImportRejection {
    Report(ImportReport),
    Error(ApiError),
}

/// What an import did, or would do.
#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    /// The batch the file was recorded as, as the partner's history shows it.
    batch_id: i32,
    /// Nothing was applied: the request asked for a dry run.
    dry_run: bool,
    /// The format the file was read as: `csv`, `xlsx`, `json` or `html`.
    format: Option<String>,
    /// The text encoding used to read the file; absent for XLSX.
    encoding: Option<String>,
    #[serde(flatten)]
    counts: Counts,
    /// The rejected cells and rows, their messages in the language asked; any one of them means
    /// nothing was applied.
    errors: Vec<RowProblem>,
    /// What was accepted but deserves a look, in the language asked.
    warnings: Vec<String>,
    /// Columns no alias matched; they were ignored.
    unmapped: Vec<String>,
}

/// Imports a file of the caller's exchange
///
/// The body is the file itself, as the exchange's own system writes it: CSV, XLSX, an HTML
/// table or JSON, under any content type (the format is told from the bytes). Every row is
/// checked before anything is written: a file with any rejected row changes nothing. With
/// `dry_run` the report says what the file would change, and nothing is applied.
#[utoipa::path(
    post,
    path = "/api/v1/listings/import",
    tag = "listings",
    params(ImportQuery),
    request_body(
        description = "The file, as bytes. Any content type is accepted; these are the usual ones.",
        content(
            (ImportFile = "text/csv"),
            (ImportFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (ImportFile = "text/html"),
            (ImportFile = "application/json"),
            (ImportFile = "application/octet-stream")
        )
    ),
    responses(
        (status = 200, description = "Applied; or, with `dry_run`, what would be applied.", body = ImportReport),
        (status = 403, description = "Rows name another exchange than the token's: nothing was applied.", body = ImportReport),
        (status = 409, description = "The exchange's companies changed while the file was being checked: nothing was applied; send it again (code `conflict`).", body = ApiError),
        (status = 413, description = "The file is larger than the limit (code `too-large`). A body far over it is refused before it is read, without a JSON body.", body = ApiError),
        (status = 415, description = "The file is not CSV, XLSX, JSON or an HTML table (code `unknown-format`).", body = ApiError),
        (status = 422, description = "Rows were rejected: an import report, and nothing was applied. Or the file could not be read: an error whose code says why (`empty`, `too-many-rows`, `unknown-encoding`, `undecodable`, `malformed`, `no-table`, `zip-bomb`).", body = ImportRejection),
        (status = 429, description = "Too many requests with this token, or too many files from its account (code `rate-limited`); try again later.", body = ApiError)
    ),
    security(("bearer" = []))
)]
pub async fn import(
    State(app): State<AppState>,
    Query(query): Query<ImportQuery>,
    // The caller and its limits before the body: nobody else makes the server read one.
    ApiCaller(caller): ApiCaller,
    request: Request,
) -> Result<Response, Response> {
    let key = format!("import:account:{}", caller.actor.id.unwrap_or_default());
    // The same budget as the account's uploads through the workspace.
    within_limit(&app, &key, app.protection.limits.imports_per_account).await?;
    let lang = query
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::En);
    // Too large is refused before anything is stored, reading one byte past the limit at most.
    let limit = super::read::limits().max_bytes;
    let too_large = || {
        let err = super::read::ReadError::TooLarge { limit };
        error(StatusCode::PAYLOAD_TOO_LARGE, err.code(), err.to_string())
    };
    let body = axum::body::to_bytes(request.into_body(), limit + 1)
        .await
        .map_err(|_| too_large())?;
    if body.len() > limit {
        return Err(too_large());
    }
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
    let id = batches::create(&app.db, &sender, upload)
        .await
        .map_err(storage_failure)?;
    let batch = batches::find(&app.db, id, None)
        .await
        .ok()
        .flatten()
        .ok_or_else(|| storage_failure("a batch just created is missing"))?;
    let reading = batches::read_and_plan(&app.db, &batch, lang)
        .await
        .map_err(storage_failure)?;
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
            return Err(error(status, err.code(), err.to_string()));
        }
    };
    let plan = reading.plan.as_ref().expect("a read document is planned");
    let mut report = ImportReport {
        batch_id: id,
        dry_run: query.dry_run,
        format: Some(document.format.code().into()),
        encoding: document.encoding.clone(),
        counts: plan.counts,
        // The first problems: enough to fix a file, bounded whatever the file.
        errors: plan.problems.iter().take(ERRORS_SHOWN).cloned().collect(),
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
        return Ok((status, Json(report)).into_response());
    }
    if query.dry_run {
        let _ = batches::close(&app.db, id, "checked").await;
        return Ok(Json(report).into_response());
    }
    report.counts = match apply::commit(&app.db, id, &caller.actor, lang).await {
        Ok(counts) => counts,
        // The exchange changed between the check and the commit; nothing was applied.
        Err(crate::web::error::Problem::Refused(message)) => {
            return Err(error(StatusCode::CONFLICT, "conflict", message));
        }
        Err(err) => return Err(storage_failure(format!("{err:?}"))),
    };
    Ok(Json(report).into_response())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The exchange's MIC. A token lists its own exchange only; absent, that one.
    exchange: Option<String>,
    /// The page, from 1 (the default); 200 companies a page.
    #[serde(default)]
    page: Option<u64>,
}

/// One page of an exchange's companies.
#[derive(Serialize, ToSchema)]
pub(super) struct Listing {
    /// The exchange's MIC.
    exchange: String,
    /// This page, from 1.
    page: u64,
    /// How many pages there are, at least 1.
    pages: u64,
    /// The exchange's companies, delisted ones included.
    total: usize,
    /// This page's companies, by symbol.
    companies: Vec<snapshot::Snapshot>,
}

const PAGE_SIZE: usize = 200;

/// Lists the caller's exchange
///
/// Its companies, delisted ones included, by symbol, 200 a page.
#[utoipa::path(
    get,
    path = "/api/v1/listings",
    tag = "listings",
    params(ListQuery),
    responses(
        (status = 200, description = "One page of the exchange's companies.", body = Listing),
        (status = 403, description = "`exchange` names another exchange than the token's (code `other-exchange`).", body = ApiError)
    ),
    security(("bearer" = []))
)]
pub async fn list(
    State(app): State<AppState>,
    Query(query): Query<ListQuery>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, Response> {
    if query
        .exchange
        .as_deref()
        .is_some_and(|m| m != caller.exchange_mic)
    {
        return Err(error(
            StatusCode::FORBIDDEN,
            "other-exchange",
            "a token lists its own exchange only",
        ));
    }
    let stored = snapshot::load_exchange(&app.db, &caller.exchange_mic)
        .await
        .map_err(storage_failure)?;
    let mut companies: Vec<_> = stored.into_values().map(|s| s.snapshot).collect();
    companies.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    let total = companies.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1) as u64;
    let page = query.page.unwrap_or(1).clamp(1, pages);
    let start = (page as usize - 1) * PAGE_SIZE;
    let companies = companies.into_iter().skip(start).take(PAGE_SIZE).collect();
    Ok(Json(Listing {
        exchange: caller.exchange_mic,
        page,
        pages,
        total,
        companies,
    })
    .into_response())
}
