//! What every handler shares: the database, the page renderer, and the server's settings.

use super::cookies::SessionPolicy;
use super::form::Feedback;
use crate::db::Reads;
use crate::security::Protection;
use crate::web::meta::PublicUrl;
use axum::body::Body;
use axum::extract::{FromRef, Request};
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{Method, StatusCode};
use leptos::prelude::*;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What handlers share.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// For reads of the public zone that write nothing (see `db::Databases`).
    pub reads: Reads,
    pub pages: Pages,
    pub sessions: Arc<SessionPolicy>,
    pub protection: Arc<Protection>,
    pub public_url: PublicUrl,
    pub export_max_rows: u64,
}

impl FromRef<AppState> for DatabaseConnection {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// Renders pages outside the router: a refused form is answered by its own page.
#[derive(Clone)]
pub struct Pages {
    options: LeptosOptions,
    context: Arc<dyn Fn() + Send + Sync>,
    shell: fn(LeptosOptions) -> AnyView,
}

impl Pages {
    /// Renders `shell` with `options`, in the same context (`context`) as the router's pages.
    pub fn new(
        options: LeptosOptions,
        context: Arc<dyn Fn() + Send + Sync>,
        shell: fn(LeptosOptions) -> AnyView,
    ) -> Pages {
        Pages {
            options,
            context,
            shell,
        }
    }

    pub fn options(&self) -> &LeptosOptions {
        &self.options
    }

    pub async fn render(
        &self,
        mut parts: Parts,
        feedback: Feedback,
        status: StatusCode,
    ) -> Response {
        let context = self.context.clone();
        let (options, shell) = (self.options.clone(), self.shell);
        let handler = leptos_axum::render_app_async_with_context(
            move || {
                context();
                provide_context(feedback.clone());
            },
            move || shell(options.clone()),
        );
        parts.method = Method::GET;
        let mut response = handler(Request::from_parts(parts, Body::empty()))
            .await
            .into_response();
        *response.status_mut() = status;
        response
    }
}
