//! The zone's downloads.

use super::export::{Format, download};
use crate::web::state::AppState;
use axum::Router;
use axum::routing::get;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/zone/export.csv",
            get(|s, p, ip, q| download(Format::Csv, s, p, ip, q)),
        )
        .route(
            "/{lang}/zone/export.xlsx",
            get(|s, p, ip, q| download(Format::Xlsx, s, p, ip, q)),
        )
}
