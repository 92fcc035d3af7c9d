//! Settings from the environment (see README, "Configuration").

use std::net::SocketAddr;

pub struct Config {
    pub database_url: String,
    /// Overrides the address from `Cargo.toml` / `LEPTOS_SITE_ADDR`.
    pub addr: Option<SocketAddr>,
    pub log: String,
    pub demo_data: bool,
    /// Connections served at once (`VNEXT_MAX_CONNECTIONS`); more wait to be accepted.
    pub max_connections: usize,
    /// `VNEXT_IMPORT_MAX_MB` and `VNEXT_IMPORT_MAX_ROWS`: how large a partner's file may be.
    pub import_limits: crate::listings::read::Limits,
    /// `VNEXT_PUBLIC_URL`, checked; see [`Config::settings`] for the default.
    pub public_url: Option<String>,
    /// Sessions, cookies, proxies and rate limits; the public URL is set by [`Config::settings`].
    serve: crate::serve::Settings,
    /// `VNEXT_SMTP_URL` (`smtp://relay:25`, `smtps://user:pass@host`, `smtp://host?tls=required`):
    /// the outbox is sent through it. Unset, mail only waits in the outbox.
    pub smtp_url: Option<String>,
    /// `VNEXT_SMTP_FROM`: the sender of every mail.
    pub smtp_from: String,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/vnext.sqlite";
pub const DEFAULT_SMTP_FROM: &str = "V-Next Zone <no-reply@localhost>";

/// `https://host[:port]` or `http://host[:port]`, without a path.
fn check_public_url(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ']) => {
            Ok(url.to_owned())
        }
        _ => Err(format!(
            "VNEXT_PUBLIC_URL={url:?}: use an origin such as https://zone.example.org"
        )),
    }
}

/// The public URL: the configured one, else the listen address when only this machine can
/// reach it. Any other listen address needs `VNEXT_PUBLIC_URL`: the `Host` header a request
/// brings is the client's to write, and links built from it would send people (and their
/// reset tokens) wherever the client liked.
pub fn public_url(configured: Option<&str>, listen: SocketAddr) -> Result<String, String> {
    match configured {
        Some(url) => Ok(url.to_owned()),
        None if listen.ip().is_loopback() => Ok(format!("http://{listen}")),
        None => Err(format!(
            "listening on {listen} needs VNEXT_PUBLIC_URL (the origin visitors use, such as \
             https://zone.example.org): links in emails and pages are built from it"
        )),
    }
}

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
        let number = |name: &str, default: i64| -> Result<i64, String> {
            match var(name) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("{name}={v:?}: use a positive whole number")),
            }
        };
        let mut serve = crate::serve::Settings::new("http://127.0.0.1:3000");
        serve.sessions.idle = chrono::Duration::minutes(number("VNEXT_SESSION_IDLE_MINUTES", 30)?);
        serve.sessions.absolute =
            chrono::Duration::minutes(number("VNEXT_SESSION_MAX_MINUTES", 12 * 60)?);
        serve.protection.trusted_proxies = match var("VNEXT_TRUST_PROXY").as_deref() {
            None | Some("0" | "false" | "no") => 0,
            Some("true" | "yes") => 1,
            Some(n) => n.trim().parse().map_err(|_| {
                format!("VNEXT_TRUST_PROXY={n:?}: the number of reverse proxies in front, or 0")
            })?,
        };
        serve.export_max_rows = number("VNEXT_EXPORT_MAX_ROWS", 20_000)? as u64;
        let import_limits = crate::listings::read::Limits {
            max_bytes: number("VNEXT_IMPORT_MAX_MB", 10)? as usize * 1024 * 1024,
            max_rows: number("VNEXT_IMPORT_MAX_ROWS", 20_000)? as usize,
            ..Default::default()
        };
        Ok(Config {
            import_limits,
            max_connections: number("VNEXT_MAX_CONNECTIONS", 1024)? as usize,
            serve,
            public_url: var("VNEXT_PUBLIC_URL")
                .map(|u| check_public_url(&u))
                .transpose()?,
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            addr,
            log: var("RUST_LOG").unwrap_or_else(|| "info".to_owned()),
            demo_data,
            smtp_url: var("VNEXT_SMTP_URL"),
            smtp_from: var("VNEXT_SMTP_FROM").unwrap_or_else(|| DEFAULT_SMTP_FROM.to_owned()),
        })
    }

    /// The server's settings for listening on `listen`.
    pub fn settings(&self, listen: SocketAddr) -> Result<crate::serve::Settings, String> {
        let url = public_url(self.public_url.as_deref(), listen)?;
        Ok(self.serve.clone().at(url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_url_never_comes_from_a_request() {
        let local: SocketAddr = "127.0.0.1:3000".parse().unwrap();
        let open: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        assert_eq!(public_url(None, local).unwrap(), "http://127.0.0.1:3000");
        let refused = public_url(None, open).unwrap_err();
        assert!(refused.contains("VNEXT_PUBLIC_URL"), "{refused}");
        assert_eq!(
            public_url(Some("https://zone.example.org"), open).unwrap(),
            "https://zone.example.org"
        );
        assert_eq!(
            check_public_url("https://zone.example.org/").unwrap(),
            "https://zone.example.org"
        );
        for bad in ["zone.example.org", "https://", "https://a/b", "ftp://a"] {
            assert!(check_public_url(bad).is_err(), "{bad}");
        }
    }
}
