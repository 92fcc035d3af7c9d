//! The protections every request passes through: same-origin proof for state changes, security
//! headers, rate limits shared through the database, and the client's address.

use crate::accounts::entity::rate_event;
use crate::i18n::server::lang_of_request;
use crate::i18n::tr;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use chrono::{Duration, Utc};
use http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter,
};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Settings of this module, from the environment (see README, "Configuration").
#[derive(Clone, Debug, Default)]
pub struct Protection {
    /// The public origin, `https://zone.example.org`; when unset the request's `Host` is used.
    pub origin: Option<String>,
    /// Served over TLS (behind a proxy that terminates it): send HSTS.
    pub tls: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    pub limits: Limits,
}

/// At most `max` attempts per `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: u64,
    pub window: Duration,
}

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub login_per_ip: Limit,
    pub login_per_account: Limit,
    pub register_per_ip: Limit,
    pub reset_per_ip: Limit,
    pub reset_per_account: Limit,
}

impl Default for Limits {
    fn default() -> Self {
        let per = |max, minutes| Limit {
            max,
            window: Duration::minutes(minutes),
        };
        Limits {
            login_per_ip: per(30, 15),
            login_per_account: per(10, 15),
            register_per_ip: per(10, 60),
            reset_per_ip: per(10, 60),
            reset_per_account: per(3, 60),
        }
    }
}

/// Records an attempt under `key` unless `limit` is already reached; returns whether it may
/// go ahead. Counted in the database, so every app instance sees the same count.
pub async fn allow(db: &impl ConnectionTrait, key: &str, limit: Limit) -> Result<bool, DbErr> {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let now = Utc::now();
    if CALLS.fetch_add(1, Ordering::Relaxed).is_multiple_of(500) {
        rate_event::Entity::delete_many()
            .filter(rate_event::Column::At.lt(now - Duration::days(1)))
            .exec(db)
            .await?;
    }
    let recent = rate_event::Entity::find()
        .filter(rate_event::Column::Key.eq(key))
        .filter(rate_event::Column::At.gt(now - limit.window))
        .count(db)
        .await?;
    if recent >= limit.max {
        return Ok(false);
    }
    rate_event::ActiveModel {
        id: NotSet,
        key: Set(key.chars().take(320).collect()),
        at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// The client's address: the socket peer, or the proxy's `X-Forwarded-For` when trusted.
pub fn client_ip(
    request_headers: &HeaderMap,
    peer: Option<SocketAddr>,
    trust_proxy: bool,
) -> Option<String> {
    let forwarded = trust_proxy
        .then(|| request_headers.get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    forwarded.or_else(|| peer.map(|p| p.ip().to_string()))
}

/// The client address, as a request extension set by [`protect`].
#[derive(Clone, Debug)]
pub struct ClientIp(pub Option<String>);

/// Whether a state-changing request provably comes from one of our own pages: the browser's
/// `Sec-Fetch-Site`, else its `Origin`, must name this site. A request carrying neither is
/// refused too — every browser that can be tricked into a cross-site POST sends one of them.
pub fn same_origin(headers: &HeaderMap, origin: Option<&str>) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(sent) = headers
        .get(http::header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    match origin {
        Some(expected) => sent.eq_ignore_ascii_case(expected),
        None => {
            let host = headers
                .get(http::header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            sent.split_once("://")
                .is_some_and(|(_, rest)| !host.is_empty() && rest.eq_ignore_ascii_case(host))
        }
    }
}

/// The policy of responses that did not set their own: nothing inline, nothing from
/// elsewhere, never framed. Pages set a stricter one with their script nonce (see `app::shell`).
pub const DEFAULT_CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A page's policy: its hydration scripts run by nonce, the WebAssembly module may compile.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Same-origin proof for every non-safe method, the client address for handlers, and the
/// security headers on every response.
pub async fn protect(
    State(protection): State<Arc<Protection>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let ip = client_ip(request.headers(), peer, protection.trust_proxy);
    request.extensions_mut().insert(ClientIp(ip));
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let mut response = if safe || same_origin(request.headers(), protection.origin.as_deref()) {
        next.run(request).await
    } else {
        let (parts, _) = request.into_parts();
        let lang = lang_of_request(&parts);
        tracing::warn!(path = %parts.uri.path(), "refused a cross-site request");
        (
            StatusCode::FORBIDDEN,
            Html(format!(
                "<!DOCTYPE html><html lang=\"{}\"><title>{}</title><p>{}</p></html>",
                lang.code(),
                tr(lang, "error-forbidden-title"),
                tr(lang, "error-cross-site")
            )),
        )
            .into_response()
    };
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        );
    }
    if protection.tls {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn same_origin_proof() {
        assert!(same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            None
        ));
        let local = [
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ];
        assert!(same_origin(&headers(&local), None));
        let evil = [
            ("host", "127.0.0.1:3000"),
            ("origin", "https://evil.example"),
        ];
        assert!(!same_origin(&headers(&evil), None));
        assert!(same_origin(
            &headers(&[("origin", "https://zone.example.org")]),
            Some("https://zone.example.org")
        ));
        assert!(!same_origin(&headers(&[("origin", "null")]), None));
        assert!(!same_origin(&headers(&[]), None));
    }

    #[test]
    fn proxies_are_believed_only_when_trusted() {
        let peer: SocketAddr = "10.0.0.1:5000".parse().unwrap();
        let h = headers(&[("x-forwarded-for", "203.0.113.9, 10.0.0.1")]);
        assert_eq!(
            client_ip(&h, Some(peer), true).as_deref(),
            Some("203.0.113.9")
        );
        assert_eq!(
            client_ip(&h, Some(peer), false).as_deref(),
            Some("10.0.0.1")
        );
        assert_eq!(client_ip(&h, None, false), None);
    }
}
