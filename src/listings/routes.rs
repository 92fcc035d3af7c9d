//! The partner's plain HTTP routes, in two groups: form posts under the site's rules, and the
//! routes that set their own (the upload's larger body, the API's bearer token).

use super::{handlers, openapi, rest};
use crate::web::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;

/// The largest upload: the file limit, plus room for a second file and the form's other parts.
pub fn upload_body_limit() -> usize {
    2 * super::read::limits().max_bytes + 64 * 1024
}

/// Form posts and downloads, mounted with every feature's (same origin, small bodies).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/partner/imports/{id}/decide",
            post(handlers::decide),
        )
        .route(
            "/{lang}/partner/imports/{id}/commit",
            post(handlers::commit_or_undo::<false>),
        )
        .route(
            "/{lang}/partner/imports/{id}/undo",
            post(handlers::commit_or_undo::<true>),
        )
        .route(
            "/{lang}/partner/imports/{id}/files/{part}",
            get(handlers::original),
        )
        .route("/{lang}/partner/tokens", post(handlers::create_token))
        .route(
            "/{lang}/partner/tokens/{id}/revoke",
            post(handlers::revoke_token),
        )
        // A company's edit form posts to its own page's address (a refused post renders it).
        .route(
            "/{lang}/partner/companies/{symbol}",
            post(super::company_handlers::save),
        )
        .route(
            "/{lang}/partner/companies/{symbol}/delist",
            post(super::company_handlers::set_delisted::<true>),
        )
        .route(
            "/{lang}/partner/companies/{symbol}/relist",
            post(super::company_handlers::set_delisted::<false>),
        )
}

/// The upload, same-origin like every form but with room for two files; and the API, which
/// browsers do not call: a bearer token proves the caller, so no origin is required.
pub fn own_rules(same_origin: impl Fn(Router<AppState>) -> Router<AppState>) -> Router<AppState> {
    let upload = Router::new().route("/{lang}/partner/imports", post(handlers::upload));
    let api = Router::new()
        .route("/api/v1/listings/import", post(rest::import))
        .route("/api/v1/listings", get(rest::list))
        // The API described: the OpenAPI document, and the same as a page for people.
        .route("/api/openapi.json", get(openapi::openapi))
        .route("/api/docs", get(openapi::docs));
    same_origin(upload)
        .merge(api)
        .layer(DefaultBodyLimit::max(upload_body_limit()))
        .layer(RequestBodyLimitLayer::new(upload_body_limit()))
}
