//! The HTTP application: Leptos routes, server functions, form posts, static files, and the
//! protections and language edge every request passes.

use crate::accounts::session::attach_viewer;
use crate::app::{App, shell};
use crate::db::Databases;
use crate::security::{Protection, protect};
use crate::web::cookies::SessionPolicy;
use crate::web::language::{redirect_to_language, remember_language};
use crate::web::meta::PublicUrl;
use crate::web::origin::same_origin_only;
use crate::web::page_cache::{self, PageCache};
use crate::web::state::{AppState, Pages};
use axum::routing::get;
use axum::{Router, middleware};
use http::StatusCode;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::sync::Arc;
use tower::Layer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::normalize_path::{NormalizePath, NormalizePathLayer};
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

pub type Site = NormalizePath<Router>;

/// Requests carry forms and server-function arguments, nothing bigger (yet).
pub const BODY_LIMIT: usize = 64 * 1024;

/// A request that takes longer than this is answered 503; one whose body trickles in slower
/// than this between chunks is cut off.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
pub const BODY_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How the site is reached and protected (see README, "Configuration").
#[derive(Clone, Debug)]
pub struct Settings {
    pub public_url: String,
    pub sessions: SessionPolicy,
    pub protection: Protection,
    /// Rows an anonymous export may carry.
    pub export_max_rows: u64,
}

impl Settings {
    /// Defaults for a site reached at `public_url`.
    pub fn new(public_url: impl Into<String>) -> Settings {
        Settings {
            public_url: String::new(),
            sessions: SessionPolicy::default(),
            protection: Protection::default(),
            export_max_rows: 20_000,
        }
        .at(public_url.into())
    }

    /// The same settings for a site reached at `public_url`: an `https://` URL means TLS, so
    /// cookies are `Secure` (and `__Host-` named) and HSTS is sent; state-changing requests
    /// must come from that origin.
    pub fn at(mut self, public_url: String) -> Settings {
        let tls = public_url.starts_with("https://");
        self.sessions.secure = tls;
        self.protection.tls = tls;
        self.protection.origin = public_url.clone();
        self.public_url = public_url;
        self
    }
}

/// The application, on one database connection or on [`Databases`]. `/en/` and `/en` are one
/// page: trailing slashes are trimmed before routing.
pub fn app(options: LeptosOptions, db: impl Into<Databases>, settings: Settings) -> Site {
    NormalizePathLayer::trim_trailing_slash().layer(router(options, db.into(), settings))
}

fn router(options: LeptosOptions, databases: Databases, settings: Settings) -> Router {
    let Databases { db, reads } = databases;
    let routes = generate_route_list(App);
    let public_url = PublicUrl(settings.public_url);
    let seo = crate::seo::routes(reads.0.clone(), public_url.clone());
    // Pages and server functions see the same context, whichever renders first.
    let context = {
        let (db, reads, public_url) = (db.clone(), reads.clone(), public_url.clone());
        move || {
            provide_context(db.clone());
            provide_context(reads.clone());
            provide_context(public_url.clone());
        }
    };
    let sessions = Arc::new(settings.sessions);
    let protection = Arc::new(settings.protection);
    let state = AppState {
        db: db.clone(),
        reads: reads.clone(),
        pages: Pages::new(options.clone(), Arc::new(context.clone()), |options| {
            shell(options).into_any()
        }),
        sessions: sessions.clone(),
        protection: protection.clone(),
        public_url,
        export_max_rows: settings.export_max_rows,
    };
    // Form posts and downloads: each feature declares its own.
    let features = Router::new()
        .merge(crate::zone::routes())
        .merge(crate::accounts::routes())
        .merge(crate::admin::routes())
        .merge(crate::listings::routes())
        .merge(crate::matchmaking::routes())
        .merge(crate::readiness::routes())
        .with_state(state.clone());
    let assets = crate::web::assets::routes(&options);
    let pages = Router::new()
        .route("/", get(redirect_to_language))
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(options);
    // Browsers post forms and server-function calls: these groups need same-origin proof and
    // carry small bodies. A group with other needs (an upload, a token API) sets its own.
    let browser_posts = features
        .merge(pages)
        .layer(middleware::from_fn_with_state(
            protection.clone(),
            same_origin_only,
        ))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT));
    // Layers run outside-in from the last: timeouts, client address and headers, then the
    // session, then language, then each group's own rules. The bundle is merged after the
    // session layer: its files need no database lookup, and a signed-in browser sends the
    // cookie with every one of them.
    // Routes that set their own body limit and origin rule (an upload, a token API).
    let same_origin = {
        let protection = protection.clone();
        move |group: Router<AppState>| {
            group.layer(middleware::from_fn_with_state(
                protection.clone(),
                same_origin_only,
            ))
        }
    };
    let own_rules = Router::new()
        .merge(crate::listings::own_rules(same_origin))
        .with_state(state);
    // Inside the session layer, which tells the cache who is signed in (never served a copy).
    let page_cache = PageCache::new(reads.0);
    seo.merge(browser_posts)
        .merge(own_rules)
        .layer(middleware::from_fn_with_state(
            page_cache,
            page_cache::serve,
        ))
        .layer(middleware::from_fn(remember_language))
        .layer(middleware::from_fn_with_state(
            (db, sessions),
            attach_viewer,
        ))
        .merge(assets)
        .layer(middleware::from_fn_with_state(protection, protect))
        .layer(RequestBodyTimeoutLayer::new(BODY_READ_TIMEOUT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(CompressionLayer::new())
}
