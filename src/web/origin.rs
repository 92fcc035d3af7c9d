//! Same-origin proof for state-changing requests, for the route groups browsers post to.

use super::language::lang_of_request;
use crate::i18n::tr;
use crate::security::Protection;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode};
use std::sync::Arc;

/// Whether a state-changing request provably comes from one of our own pages: the browser's
/// `Sec-Fetch-Site`, else its `Origin`, must name this site — the configured origin, never the
/// request's own `Host`. A request carrying neither is refused too: every browser that can be
/// tricked into a cross-site POST sends one of them.
pub fn same_origin(headers: &HeaderMap, origin: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    headers
        .get(http::header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|sent| sent.eq_ignore_ascii_case(origin))
}

/// For the route groups browsers post to (forms, server functions): every non-safe method needs
/// same-origin proof. A group that authenticates otherwise (a bearer-token API) goes without.
pub async fn same_origin_only(
    State(protection): State<Arc<Protection>>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || same_origin(request.headers(), &protection.origin) {
        return next.run(request).await;
    }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::headers;

    #[test]
    fn same_origin_proof() {
        let ours = "https://zone.example.org";
        assert!(same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            ours
        ));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            ours
        ));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            ours
        ));
        assert!(same_origin(&headers(&[("origin", ours)]), ours));
        // The Host header is the client's to write: it proves nothing.
        let forged = [("host", "evil.example"), ("origin", "http://evil.example")];
        assert!(!same_origin(&headers(&forged), ours));
        assert!(!same_origin(&headers(&[("origin", "null")]), ours));
        assert!(!same_origin(&headers(&[]), ours));
    }
}
