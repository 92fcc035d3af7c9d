//! Language negotiation at the HTTP edge: the `/` redirect and the remembered choice.

use super::{Lang, lang_of_path, negotiate};
use axum::{
    extract::Request,
    http::{HeaderMap, HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

pub const COOKIE: &str = "lang";

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

fn negotiated(headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(cookie_value(headers, COOKIE).as_deref(), accept)
}

/// The page language of a request: its path, else its cookie and `Accept-Language`.
pub fn lang_of_request(parts: &http::request::Parts) -> Lang {
    lang_of_path(parts.uri.path()).unwrap_or_else(|| negotiated(&parts.headers))
}

/// `GET /` → `/{lang}/`, chosen from the cookie, then `Accept-Language`, then English.
pub async fn redirect_to_language(headers: HeaderMap) -> impl IntoResponse {
    let mut response = Redirect::to(&format!("/{}/", negotiated(&headers).code())).into_response();
    // The answer depends on these headers; shared caches must not serve it to everyone.
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Language"),
    );
    response
}

/// Remembers the language of the last page visited, so the next visit to `/` lands there.
pub async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = lang_of_path(request.uri().path());
    let known = cookie_value(request.headers(), COOKIE).and_then(|c| Lang::from_code(&c));
    let mut response = next.run(request).await;
    if let Some(lang) = chosen.filter(|l| Some(*l) != known && response.status().is_success()) {
        let cookie = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_language_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; lang=ms; x=1"),
        );
        assert_eq!(cookie_value(&headers, COOKIE).as_deref(), Some("ms"));
        assert_eq!(negotiated(&headers), Lang::Ms);
    }

    #[test]
    fn path_wins_over_cookie() {
        let (parts, _) = http::Request::builder()
            .uri("/th/zone?exchange=XBKK")
            .header(header::COOKIE, "lang=zh")
            .body(())
            .unwrap()
            .into_parts();
        assert_eq!(lang_of_request(&parts), Lang::Th);
    }
}
