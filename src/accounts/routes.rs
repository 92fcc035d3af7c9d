//! The accounts' form posts.

use super::handlers::{
    change_password, forgot_password, login, logout, register, reset_password, sign_out_everywhere,
};
use crate::web::state::AppState;
use axum::Router;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/register", post(register))
        .route("/{lang}/login", post(login))
        .route("/{lang}/logout", post(logout))
        .route("/{lang}/account/password", post(change_password))
        .route("/{lang}/account/sessions/end", post(sign_out_everywhere))
        .route("/{lang}/password/forgot", post(forgot_password))
        .route("/{lang}/password/reset", post(reset_password))
}
