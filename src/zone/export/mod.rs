//! Export of a directory view as CSV or XLSX: every company matching the filters, with its
//! latest fiscal year.

mod format;
mod rows;

pub use format::{ExportRow, csv, escape_cell, headers, xlsx};

use crate::i18n::{Lang, tr};
use crate::platform::rate_limit::allow;
use crate::security::ClientIp;
use crate::web::error::Problem;
use crate::web::state::AppState;
use crate::zone::DirectoryQuery;
use axum::{
    Extension,
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use format::{csv_header, csv_rows};
use futures_util::{StreamExt, stream};
use rows::{EXPORT_CHUNK, ExportSource, export_chunk, export_source};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub enum Format {
    Csv,
    Xlsx,
}

/// `GET /{lang}/zone/export.csv` and `.xlsx`, with the directory's query string. Anyone may
/// export, so each address is rate limited and a file carries at most `export_max_rows`
/// companies; the CSV is streamed a chunk at a time.
pub async fn download(
    format: Format,
    State(app): State<AppState>,
    Path(lang): Path<String>,
    Extension(ip): Extension<ClientIp>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(lang) = Lang::from_code(&lang) else {
        return Problem::NotFound.into_response();
    };
    let key = format!("export:ip:{}", ip.rate_key());
    match allow(&app.db, &key, app.protection.limits.export_per_ip).await {
        Ok(true) => {}
        Ok(false) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                tr(lang, "error-rate-limited"),
            )
                .into_response();
        }
        Err(err) => return Problem::Db(err).into_response(),
    }
    let query = DirectoryQuery::from_lookup(|key| params.get(key).cloned());
    let source = match export_source(&app.reads.0, &query, app.export_max_rows).await {
        Ok(source) => Arc::new(source),
        Err(err) => return Problem::Db(err).into_response(),
    };
    let headers = headers(lang);
    let (body, content_type, extension) = match format {
        Format::Csv => (
            csv_stream(app.reads.0.clone(), lang, headers, source),
            "text/csv; charset=utf-8",
            "csv",
        ),
        Format::Xlsx => {
            let mut rows = Vec::with_capacity(source.companies.len());
            for chunk in source.companies.chunks(EXPORT_CHUNK) {
                match export_chunk(&app.reads.0, lang, &source, chunk).await {
                    Ok(chunk) => rows.extend(chunk),
                    Err(err) => return Problem::Db(err).into_response(),
                }
            }
            match xlsx(&headers, &rows) {
                Ok(bytes) => (
                    Body::from(bytes),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "xlsx",
                ),
                Err(err) => {
                    tracing::error!(error = %err, "XLSX export failed");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            }
        }
    };
    let disposition = format!(
        "attachment; filename=\"vnext-zone-{}.{extension}\"",
        lang.code()
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// The header line, then one chunk of rows after another as the client reads them.
fn csv_stream(
    db: DatabaseConnection,
    lang: Lang,
    headers: (Vec<String>, Vec<String>),
    source: Arc<ExportSource>,
) -> Body {
    let head = stream::once(async move { Ok(Bytes::from(csv_header(&headers))) });
    let chunks = source.companies.len().div_ceil(EXPORT_CHUNK);
    let rows = stream::iter(0..chunks).then(move |i| {
        let (db, source) = (db.clone(), source.clone());
        async move {
            let end = ((i + 1) * EXPORT_CHUNK).min(source.companies.len());
            let chunk = &source.companies[i * EXPORT_CHUNK..end];
            let rows = export_chunk(&db, lang, &source, chunk).await?;
            Ok::<_, sea_orm::DbErr>(Bytes::from(csv_rows(&rows)))
        }
    });
    Body::from_stream(head.chain(rows))
}
