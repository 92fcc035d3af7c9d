//! Matchmaking's plain HTTP routes: its form posts, each to the address of the page that
//! holds the form (a refused post renders that page again), and the operator's export.

use super::handlers;
use crate::web::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/demands/new", post(handlers::create))
        .route("/{lang}/demands/{id}", post(handlers::act))
        .route("/{lang}/demands/{id}/edit", post(handlers::edit))
        .route(
            "/{lang}/zone/{mic}/{symbol}/introduction",
            post(handlers::request),
        )
        .route("/{lang}/cases/{id}", post(handlers::case_post))
        .route(
            "/{lang}/cases/export.csv",
            get(|s, p, v, q| handlers::export("csv", s, p, v, q)),
        )
        .route(
            "/{lang}/cases/export.xlsx",
            get(|s, p, v, q| handlers::export("xlsx", s, p, v, q)),
        )
}
