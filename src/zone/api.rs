//! Server functions of the zone: the thin seam between pages and `server.rs`.

use super::{CompanyProfile, DirectoryQuery, DirectoryView, ZoneFigures};
use crate::i18n::Lang;
use leptos::prelude::*;

#[server]
pub async fn fetch_directory(
    lang: Lang,
    query: DirectoryQuery,
) -> Result<DirectoryView, ServerFnError> {
    let db = crate::db::use_db()?;
    super::server::directory(&db, lang, &query.normalized())
        .await
        .map_err(crate::db::internal)
}

#[server]
pub async fn fetch_zone_figures(lang: Lang) -> Result<ZoneFigures, ServerFnError> {
    let db = crate::db::use_db()?;
    super::server::figures(&db, lang)
        .await
        .map_err(crate::db::internal)
}

/// The company's page; `None` when no company is listed as `symbol` on `mic`.
#[server]
pub async fn fetch_company(
    lang: Lang,
    mic: String,
    symbol: String,
) -> Result<Option<CompanyProfile>, ServerFnError> {
    let db = crate::db::use_db()?;
    super::server::company_profile(&db, lang, &mic, &symbol)
        .await
        .map_err(crate::db::internal)
}
