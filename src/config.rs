//! Settings from the environment (see README, "Configuration").

use std::net::SocketAddr;

pub struct Config {
    pub database_url: String,
    /// Overrides the address from `Cargo.toml` / `LEPTOS_SITE_ADDR`.
    pub addr: Option<SocketAddr>,
    pub log: String,
    pub demo_data: bool,
    /// Sessions, cookies, proxies and rate limits.
    pub serve: crate::serve::Settings,
}

/// The public origin (`https://zone.example.org`) for canonical and alternate links.
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/vnext.sqlite";

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let addr = match var("VNEXT_ADDR") {
            Some(a) => Some(
                a.parse()
                    .map_err(|e| format!("VNEXT_ADDR={a:?} is not an address: {e}"))?,
            ),
            None => None,
        };
        let demo_data = match var("VNEXT_DEMO_DATA").as_deref() {
            None | Some("1" | "true" | "yes") => true,
            Some("0" | "false" | "no") => false,
            Some(other) => return Err(format!("VNEXT_DEMO_DATA={other:?}: use 1 or 0")),
        };
        let minutes = |name: &str, default: i64| -> Result<chrono::Duration, String> {
            match var(name) {
                None => Ok(chrono::Duration::minutes(default)),
                Some(v) => v
                    .parse::<i64>()
                    .ok()
                    .filter(|m| *m > 0)
                    .map(chrono::Duration::minutes)
                    .ok_or_else(|| format!("{name}={v:?}: use a number of minutes")),
            }
        };
        let mut serve = crate::serve::Settings::new(
            var("VNEXT_PUBLIC_URL").map(|u| u.trim_end_matches('/').to_owned()),
        );
        serve.sessions.idle = minutes("VNEXT_SESSION_IDLE_MINUTES", 30)?;
        serve.sessions.absolute = minutes("VNEXT_SESSION_MAX_MINUTES", 12 * 60)?;
        serve.protection.trust_proxy = match var("VNEXT_TRUST_PROXY").as_deref() {
            None | Some("0" | "false" | "no") => false,
            Some("1" | "true" | "yes") => true,
            Some(other) => return Err(format!("VNEXT_TRUST_PROXY={other:?}: use 1 or 0")),
        };
        Ok(Config {
            serve,
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            addr,
            log: var("RUST_LOG").unwrap_or_else(|| "info".to_owned()),
            demo_data,
        })
    }
}
