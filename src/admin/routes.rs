//! The console's form posts.

use super::handlers::{create_partner, decide};
use crate::web::state::AppState;
use axum::Router;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/admin/accounts/{id}/{action}", post(decide))
        .route("/{lang}/admin/partners", post(create_partner))
}
