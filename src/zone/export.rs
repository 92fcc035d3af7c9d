//! Export of a directory view as CSV or XLSX: every company matching the filters, with its
//! latest fiscal year. Text cells that a spreadsheet could read as a formula are escaped;
//! amounts stay numbers.

use super::server::{EXPORT_CHUNK, ExportSource, export_chunk, export_source};
use super::{DirectoryQuery, FINANCIAL_COLUMNS};
use crate::i18n::{Lang, tr};
use crate::security::{ClientIp, allow};
use crate::serve::AppState;
use axum::{
    Extension,
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use futures_util::{StreamExt, stream};
use sea_orm::DatabaseConnection;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// One exported company; `None` amounts are companies without published financials.
pub struct ExportRow {
    pub texts: Vec<String>,
    pub numbers: Vec<Option<f64>>,
}

/// Column headers: the text columns, then the numeric ones, in the page language.
pub fn headers(lang: Lang) -> (Vec<String>, Vec<String>) {
    let text = [
        "company-exchange",
        "company-symbol",
        "export-name",
        "export-name-language",
        "company-market",
        "company-industry",
        "company-sector",
        "company-country",
        "company-website",
        "company-listed",
        "export-green",
        "company-cooperation",
        "export-currency",
    ];
    (
        text.map(|k| tr(lang, k)).into(),
        FINANCIAL_COLUMNS.map(|k| tr(lang, k)).into(),
    )
}

/// Text that Excel, LibreOffice or Sheets would take for a formula gets a leading apostrophe.
pub fn escape_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

fn csv_field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// The first line of an RFC 4180 CSV in UTF-8, after the byte-order mark that Excel needs to
/// read Chinese and Thai.
pub fn csv_header(headers: &(Vec<String>, Vec<String>)) -> String {
    let cells: Vec<Cow<str>> = headers
        .0
        .iter()
        .chain(&headers.1)
        .map(|h| csv_field(h))
        .collect();
    format!("\u{feff}{}\r\n", cells.join(","))
}

/// The CSV lines of `rows`.
pub fn csv_rows(rows: &[ExportRow]) -> String {
    let mut out = String::new();
    for row in rows {
        let texts = row
            .texts
            .iter()
            .map(|t| csv_field(&escape_cell(t)).into_owned());
        let numbers = row
            .numbers
            .iter()
            .map(|n| n.map(|n| n.to_string()).unwrap_or_default());
        out.push_str(&texts.chain(numbers).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// A whole CSV file.
pub fn csv(headers: &(Vec<String>, Vec<String>), rows: &[ExportRow]) -> Vec<u8> {
    (csv_header(headers) + &csv_rows(rows)).into_bytes()
}

/// An XLSX workbook with one sheet; amounts are numeric cells.
pub fn xlsx(
    headers: &(Vec<String>, Vec<String>),
    rows: &[ExportRow],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (col, header) in headers.0.iter().chain(&headers.1).enumerate() {
        sheet.write_string_with_format(0, col as u16, header, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, text) in row.texts.iter().enumerate() {
            sheet.write_string(r, c as u16, escape_cell(text))?;
        }
        for (c, number) in row.numbers.iter().enumerate() {
            if let Some(n) = number {
                sheet.write_number(r, (row.texts.len() + c) as u16, *n)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

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
        return StatusCode::NOT_FOUND.into_response();
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
        Err(err) => return unavailable(err),
    }
    let query = DirectoryQuery::from_lookup(|key| params.get(key).cloned());
    let source = match export_source(&app.db, &query, app.export_max_rows).await {
        Ok(source) => Arc::new(source),
        Err(err) => return unavailable(err),
    };
    let headers = headers(lang);
    let (body, content_type, extension) = match format {
        Format::Csv => (
            csv_stream(app.db.clone(), lang, headers, source),
            "text/csv; charset=utf-8",
            "csv",
        ),
        Format::Xlsx => {
            let mut rows = Vec::with_capacity(source.companies.len());
            for chunk in source.companies.chunks(EXPORT_CHUNK) {
                match export_chunk(&app.db, lang, &source, chunk).await {
                    Ok(chunk) => rows.extend(chunk),
                    Err(err) => return unavailable(err),
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

fn unavailable(err: sea_orm::DbErr) -> Response {
    crate::db::internal(err);
    StatusCode::SERVICE_UNAVAILABLE.into_response()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(texts: &[&str], numbers: &[Option<f64>]) -> ExportRow {
        ExportRow {
            texts: texts.iter().map(|t| t.to_string()).collect(),
            numbers: numbers.to_vec(),
        }
    }

    #[test]
    fn formula_starts_are_escaped_and_nothing_else() {
        for hostile in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"] {
            assert_eq!(escape_cell(hostile), format!("'{hostile}"));
        }
        for plain in ["Kinabalu", "棕榈油", "น้ำมันปาล์ม", "", "1=1"] {
            assert_eq!(escape_cell(plain), plain);
        }
    }

    #[test]
    fn csv_has_a_bom_quotes_and_bare_numbers() {
        let headers = (vec!["Name".to_string()], vec!["Revenue".to_string()]);
        let rows = [
            row(&["=HYPERLINK(\"x\")"], &[Some(-41_000_000.0)]),
            row(&["A, \"B\""], &[None]),
            row(&["泰国"], &[Some(1.5)]),
        ];
        let text = String::from_utf8(csv(&headers, &rows)).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Name,Revenue");
        assert_eq!(lines[1], "\"'=HYPERLINK(\"\"x\"\")\",-41000000");
        assert_eq!(lines[2], "\"A, \"\"B\"\"\",");
        assert_eq!(lines[3], "泰国,1.5");
    }

    #[test]
    fn xlsx_is_a_workbook() {
        let headers = (vec!["Name".to_string()], vec!["Revenue".to_string()]);
        let bytes = xlsx(&headers, &[row(&["@x"], &[Some(2.0)])]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
