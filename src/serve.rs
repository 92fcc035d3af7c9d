//! The HTTP application: Leptos routes, server functions, static files and the language edge.

use crate::app::{App, shell};
use crate::config::PublicUrl;
use crate::i18n::server::{redirect_to_language, remember_language};
use crate::zone::export::{Format, download};
use axum::{Router, middleware, routing::get};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use tower::Layer;
use tower_http::compression::CompressionLayer;
use tower_http::normalize_path::{NormalizePath, NormalizePathLayer};
use tower_http::services::ServeDir;

pub type Site = NormalizePath<Router>;

/// The application. `/en/` and `/en` are one page: trailing slashes are trimmed before routing.
pub fn app(options: LeptosOptions, db: DatabaseConnection, public_url: Option<String>) -> Site {
    NormalizePathLayer::trim_trailing_slash().layer(router(options, db, public_url))
}

fn router(options: LeptosOptions, db: DatabaseConnection, public_url: Option<String>) -> Router {
    let routes = generate_route_list(App);
    let public_url = public_url.map(PublicUrl);
    let seo = crate::seo::routes(db.clone(), public_url.clone());
    let exports = Router::new()
        .route(
            "/{lang}/zone/export.csv",
            get(|s, p, q| download(Format::Csv, s, p, q)),
        )
        .route(
            "/{lang}/zone/export.xlsx",
            get(|s, p, q| download(Format::Xlsx, s, p, q)),
        )
        .with_state(db.clone());
    // Pages and server functions see the same context, whichever renders first.
    let context = move || {
        provide_context(db.clone());
        if let Some(url) = &public_url {
            provide_context(url.clone());
        }
    };
    // The bundle: `cargo make release` writes .br and .gz beside each file (maximum
    // compression, done once); without them the compression layer compresses on the fly.
    let pkg = ServeDir::new(format!("{}/{}", options.site_root, options.site_pkg_dir))
        .precompressed_br()
        .precompressed_gzip();
    let pages = Router::new()
        .nest_service(&format!("/{}", options.site_pkg_dir), pkg)
        .route("/", get(redirect_to_language))
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(options);
    seo.merge(exports)
        .merge(pages)
        .layer(middleware::from_fn(remember_language))
        .layer(CompressionLayer::new())
}
