//! Cookies: reading one from a request, and the session cookie's name and attributes.

use chrono::Duration;
use cookie::{Cookie, SameSite};
use http::HeaderMap;
use http::HeaderValue;
use http::header::COOKIE;

/// The value of the cookie `name` in a request, if it carries one.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// Over plain HTTP (development); see [`SessionPolicy::cookie_name`].
pub const COOKIE_NAME: &str = "vnext_session";
/// Over HTTPS: the browser keeps a `__Host-` cookie only when it is `Secure`, has `Path=/` and
/// no `Domain`, so a sibling subdomain or a plain-HTTP page cannot plant or shadow it.
pub const SECURE_COOKIE_NAME: &str = "__Host-vnext_session";

/// How long sessions live, and how their cookie is marked.
#[derive(Clone, Debug)]
pub struct SessionPolicy {
    /// Signed out after this long without a request.
    pub idle: Duration,
    /// Signed out this long after signing in, however active.
    pub absolute: Duration,
    /// `Secure` on the cookie: set when the site is served over TLS.
    pub secure: bool,
}

impl SessionPolicy {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure {
            SECURE_COOKIE_NAME
        } else {
            COOKIE_NAME
        }
    }
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
            secure: false,
        }
    }
}

/// The session token a request carries, if any.
pub fn token_of(headers: &HeaderMap, policy: &SessionPolicy) -> Option<String> {
    read(headers, policy.cookie_name())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn session_cookie(value: &str, max_age: Duration, policy: &SessionPolicy) -> HeaderValue {
    let cookie = Cookie::build((policy.cookie_name(), value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::seconds(max_age.num_seconds()))
        .secure(policy.secure)
        .build();
    HeaderValue::from_str(&cookie.to_string()).expect("a hex token is a valid header value")
}

pub fn set_cookie(token: &str, policy: &SessionPolicy) -> HeaderValue {
    session_cookie(token, policy.absolute, policy)
}

pub fn clear_cookie(policy: &SessionPolicy) -> HeaderValue {
    session_cookie("", Duration::zero(), policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_read_among_others_and_written_with_its_attributes() {
        let policy = SessionPolicy {
            secure: true,
            ..SessionPolicy::default()
        };
        let token = "a".repeat(64);
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            format!("lang=th; __Host-vnext_session={token}; x=1")
                .parse()
                .unwrap(),
        );
        assert_eq!(token_of(&headers, &policy), Some(token.clone()));
        assert_eq!(read(&headers, "lang").as_deref(), Some("th"));
        assert_eq!(token_of(&headers, &SessionPolicy::default()), None);
        let set = set_cookie(&token, &policy);
        let set = set.to_str().unwrap();
        assert!(set.starts_with(&format!("__Host-vnext_session={token}")));
        for attribute in [
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=43200",
        ] {
            assert!(set.contains(attribute), "{set}");
        }
        let cleared = clear_cookie(&SessionPolicy::default());
        assert!(cleared.to_str().unwrap().starts_with("vnext_session=;"));
        assert!(cleared.to_str().unwrap().contains("Max-Age=0"));
    }
}
