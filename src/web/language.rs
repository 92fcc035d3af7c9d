//! Language negotiation at the HTTP edge: the `/` redirect and the remembered choice.

use super::cookies::read;
use crate::i18n::{Lang, lang_of_path, negotiate};
use axum::{
    extract::Request,
    http::{HeaderMap, HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use cookie::{Cookie, SameSite};

pub const COOKIE: &str = "lang";

fn negotiated(headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(read(headers, COOKIE).as_deref(), accept)
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
    let known = read(request.headers(), COOKIE).and_then(|c| Lang::from_code(&c));
    let mut response = next.run(request).await;
    if let Some(lang) = chosen.filter(|l| Some(*l) != known && response.status().is_success()) {
        let cookie = Cookie::build((COOKIE, lang.code()))
            .path("/")
            .max_age(cookie::time::Duration::days(365))
            .same_site(SameSite::Lax)
            .build();
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
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
        assert_eq!(read(&headers, COOKIE).as_deref(), Some("ms"));
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
