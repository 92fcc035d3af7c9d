//! The protections every request passes through: same-origin proof for state changes, security
//! headers, the client's address, and the rate limits each kind of request gets.

use crate::listener::Peer;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use chrono::Duration;
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::{HeaderMap, HeaderValue};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use crate::platform::rate_limit::Limit;

/// Settings of this module, from the environment (see README, "Configuration").
#[derive(Clone, Debug, Default)]
pub struct Protection {
    /// The public origin, `https://zone.example.org`: the only origin state changes come from.
    pub origin: String,
    /// Served over TLS (behind a proxy that terminates it): send HSTS.
    pub tls: bool,
    /// How many reverse proxies of ours stand in front of the app, each appending the address
    /// it saw to `X-Forwarded-For`; 0 believes no header at all.
    pub trusted_proxies: usize,
    pub limits: Limits,
}

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub login_per_ip: Limit,
    /// Strict: one address guessing one account's password.
    pub login_per_account_and_ip: Limit,
    /// Loose, and not applied from addresses the account has signed in from before, so that a
    /// stranger's failures cannot lock the owner out.
    pub login_per_account: Limit,
    pub register_per_ip: Limit,
    pub reset_per_ip: Limit,
    pub reset_per_account: Limit,
    /// Guesses of the current password on the change-password form.
    pub password_change_per_account: Limit,
    pub export_per_ip: Limit,
    /// Files a partner account uploads.
    pub imports_per_account: Limit,
    /// Requests one API token makes.
    pub api_per_token: Limit,
    /// Demands saved, steps taken and messages written by one account.
    pub matchmaking_per_account: Limit,
    /// Introductions one enterprise asks for, or one partner offers, in a day.
    pub introductions_per_account: Limit,
    /// Readiness evaluations one enterprise takes in a day.
    pub assessments_per_account: Limit,
}

impl Default for Limits {
    fn default() -> Self {
        let per = |max, minutes| Limit {
            max,
            window: Duration::minutes(minutes),
        };
        Limits {
            login_per_ip: per(30, 15),
            login_per_account_and_ip: per(10, 15),
            login_per_account: per(100, 15),
            register_per_ip: per(10, 60),
            reset_per_ip: per(10, 60),
            reset_per_account: per(3, 60),
            password_change_per_account: per(10, 15),
            export_per_ip: per(30, 10),
            imports_per_account: per(60, 60),
            api_per_token: per(120, 1),
            matchmaking_per_account: per(120, 60),
            introductions_per_account: per(20, 24 * 60),
            assessments_per_account: per(20, 24 * 60),
        }
    }
}

/// The client's address: the socket peer, or — behind `trusted_proxies` proxies of ours — the
/// address the outermost of them saw, which is that many entries from the right of
/// `X-Forwarded-For`. Entries further left are written by the client and worth nothing.
pub fn client_ip(
    request_headers: &HeaderMap,
    peer: Option<SocketAddr>,
    trusted_proxies: usize,
) -> Option<IpAddr> {
    let peer = peer.map(|p| p.ip());
    if trusted_proxies == 0 {
        return peer;
    }
    let entries: Vec<&str> = request_headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let Some(seen) = entries
        .len()
        .checked_sub(trusted_proxies)
        .map(|i| entries[i])
    else {
        return peer;
    };
    seen.parse::<IpAddr>()
        .ok()
        .or_else(|| seen.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or(peer)
}

/// The client address, as a request extension set by [`protect`].
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub Option<IpAddr>);

impl ClientIp {
    /// As stored in the audit log and on sessions.
    pub fn text(&self) -> Option<String> {
        self.0.map(|ip| ip.to_string())
    }

    /// What per-address limits count: one IPv4 address, or one IPv6 /64 (a single host is
    /// usually handed a whole /64, and could otherwise pick a fresh address per attempt).
    pub fn rate_key(&self) -> String {
        match self.0 {
            None => "unknown".to_owned(),
            Some(IpAddr::V4(v4)) => v4.to_string(),
            Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = v6.segments();
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
                }
            },
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

/// The client address for handlers, and the security headers on every response.
pub async fn protect(
    State(protection): State<Arc<Protection>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<Peer>>()
        .map(|c| c.0.0);
    let ip = client_ip(request.headers(), peer, protection.trusted_proxies);
    request.extensions_mut().insert(ClientIp(ip));
    let server_function = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if server_function {
        // Answers to server functions are made for one caller at one moment.
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
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

/// Request headers from name–value pairs, for tests here and in the web layer.
#[cfg(test)]
pub(crate) fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    pairs
        .iter()
        .map(|(name, value)| (http::HeaderName::from_static(name), value.parse().unwrap()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xff(value: &str) -> HeaderMap {
        headers(&[("x-forwarded-for", value)])
    }

    #[test]
    fn the_address_is_the_one_the_outermost_trusted_proxy_saw() {
        let proxy: SocketAddr = "10.0.0.1:5000".parse().unwrap();
        let ip = |h: &HeaderMap, hops| client_ip(h, Some(proxy), hops).map(|i| i.to_string());
        // The client wrote 1.2.3.4 itself; our one proxy appended the address it saw.
        let forged = xff("1.2.3.4, 203.0.113.9");
        assert_eq!(ip(&forged, 1).as_deref(), Some("203.0.113.9"));
        assert_eq!(ip(&forged, 0).as_deref(), Some("10.0.0.1"));
        // Two proxies: the outer one appended the client, the inner one the outer proxy.
        let two = xff("1.2.3.4, 203.0.113.9, 10.0.0.2");
        assert_eq!(ip(&two, 2).as_deref(), Some("203.0.113.9"));
        // Fewer entries than proxies, or garbage: the peer, never the client's word.
        assert_eq!(ip(&xff("203.0.113.9"), 2).as_deref(), Some("10.0.0.1"));
        assert_eq!(
            ip(&xff("1.2.3.4, nonsense"), 1).as_deref(),
            Some("10.0.0.1")
        );
        let mut split = HeaderMap::new();
        split.append("x-forwarded-for", "1.2.3.4".parse().unwrap());
        split.append("x-forwarded-for", "198.51.100.7".parse().unwrap());
        assert_eq!(ip(&split, 1).as_deref(), Some("198.51.100.7"));
        assert_eq!(client_ip(&forged, None, 0), None);
    }

    #[test]
    fn ipv6_clients_are_limited_per_64() {
        let key = |ip: &str| ClientIp(Some(ip.parse().unwrap())).rate_key();
        assert_eq!(key("2001:db8:1:2:aaaa::1"), key("2001:db8:1:2:bbbb::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.1"), "192.0.2.1");
        assert_eq!(key("192.0.2.1"), "192.0.2.1");
    }
}
