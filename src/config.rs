//! Settings from the environment (see README, "Configuration").

use std::net::SocketAddr;

pub struct Config {
    pub database_url: String,
    /// Overrides the address from `Cargo.toml` / `LEPTOS_SITE_ADDR`.
    pub addr: Option<SocketAddr>,
    pub log: String,
    pub demo_data: bool,
    pub public_url: Option<String>,
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
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            addr,
            log: var("RUST_LOG").unwrap_or_else(|| "info".to_owned()),
            demo_data,
            public_url: var("VNEXT_PUBLIC_URL").map(|u| u.trim_end_matches('/').to_owned()),
        })
    }
}
