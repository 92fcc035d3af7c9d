//! Readiness's plain HTTP route: the questionnaire's post, to the questionnaire's address.

use super::handlers;
use crate::web::state::AppState;
use axum::Router;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new().route("/{lang}/readiness/new", post(handlers::take))
}
