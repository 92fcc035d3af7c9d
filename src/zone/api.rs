//! Server functions of the zone: the thin seam between pages and `server.rs`.

use super::{CompanyProfile, DirectoryQuery, DirectoryView, Liaison, ZoneFigures};
use crate::i18n::Lang;
use leptos::prelude::*;

#[server]
pub async fn fetch_directory(
    lang: Lang,
    query: DirectoryQuery,
) -> Result<DirectoryView, ServerFnError> {
    let db = crate::db::use_reads()?;
    super::queries::directory(&db, lang, &query.normalized())
        .await
        .map_err(crate::web::error::internal)
}

#[server]
pub async fn fetch_zone_figures(lang: Lang) -> Result<ZoneFigures, ServerFnError> {
    let db = crate::db::use_reads()?;
    super::queries::figures(&db, lang)
        .await
        .map_err(crate::web::error::internal)
}

/// The company's page; `None` when no company is listed as `symbol` on `mic`.
#[server]
pub async fn fetch_company(
    lang: Lang,
    mic: String,
    symbol: String,
) -> Result<Option<CompanyProfile>, ServerFnError> {
    let db = crate::db::use_reads()?;
    super::profile::company_profile(&db, lang, &mic, &symbol)
        .await
        .map_err(crate::web::error::internal)
}

/// The liaison desk for a company: only for viewers allowed to see it.
#[server(endpoint = "liaison")]
pub async fn fetch_liaison(mic: String, symbol: String) -> Result<Option<Liaison>, ServerFnError> {
    let viewer = crate::web::viewer::use_viewer();
    if !viewer.as_ref().is_some_and(|v| v.may_see_liaison(&mic)) {
        return Err(crate::web::error::Problem::not_allowed(viewer.is_some()).into());
    }
    let db = crate::db::use_db()?;
    super::profile::liaison(&db, &mic, &symbol)
        .await
        .map_err(crate::web::error::internal)
}
