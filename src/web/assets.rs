//! The files every page loads: the bundle under `/pkg` (style sheet, JS, WASM) and the icons
//! under `/static`. They are served before the session and language layers, so a request for
//! one costs a file read and the security headers, nothing else.
//!
//! `cargo leptos build` names the bundle's files after a hash of their content (`hash-files` in
//! Cargo.toml) and writes the hashes to `hash.txt` beside the binary. A hashed name never
//! changes content, so browsers may keep it for a year without asking again; a build without
//! the hash file (`cargo test`, a plain `cargo build`) keeps the plain names, which browsers
//! revalidate on each use.

use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use http::HeaderValue;
use http::header::CACHE_CONTROL;
use leptos::prelude::LeptosOptions;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;
use tower_http::services::ServeDir;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
/// The icons keep their names across builds; a day is short enough for a new one to show.
const ICONS: &str = "public, max-age=86400";

/// The hash file `cargo leptos build` writes beside the binary.
fn hash_file() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join("hash.txt"))
}

/// Content hashes of the bundle by kind (`css`, `js`, `wasm`), read once; empty when the build
/// did not hash the bundle.
static HASHES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let Some(text) = hash_file().and_then(|path| std::fs::read_to_string(path).ok()) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(kind, hash)| (kind.trim().to_owned(), hash.trim().to_owned()))
        .collect()
});

/// Whether the bundle's file names carry their hashes; Leptos then writes the hashed names into
/// every page (and would fail on a missing hash file, so this is set from what is on disk).
pub fn hashed() -> bool {
    !HASHES.is_empty()
}

/// The address of the style sheet, hashed when the bundle is.
pub fn stylesheet_href(options: &LeptosOptions) -> String {
    match HASHES.get("css") {
        Some(hash) => format!(
            "/{}/{}.{hash}.css",
            options.site_pkg_dir, options.output_name
        ),
        None => format!("/{}/{}.css", options.site_pkg_dir, options.output_name),
    }
}

/// Whether `path` names one of the hashed files of this build.
fn is_hashed(path: &str) -> bool {
    names_a_hash(&HASHES, path)
}

/// Whether the file name at the end of `path` carries one of `hashes` (`vnext.<hash>.css`).
fn names_a_hash(hashes: &HashMap<String, String>, path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    hashes
        .values()
        .any(|hash| name.split('.').any(|part| part == hash))
}

/// The `Cache-Control` of a file, by its path.
type Policy = fn(&str) -> &'static str;

/// How long a browser may keep a file of the bundle.
fn bundle_policy(path: &str) -> &'static str {
    if is_hashed(path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

fn icon_policy(_: &str) -> &'static str {
    ICONS
}

/// Sets `Cache-Control` on a file found, by its path.
async fn cache_control(State(policy): State<Policy>, request: Request, next: Next) -> Response {
    let policy = policy(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// `/pkg/…` and `/static/…`. The bundle is served precompressed where `cargo make release` wrote
/// `.br` and `.gz` beside each file (maximum compression, done once).
pub fn routes(options: &LeptosOptions) -> Router {
    let root = PathBuf::from(options.site_root.as_ref());
    let pkg = ServeDir::new(root.join(options.site_pkg_dir.as_ref()))
        .precompressed_br()
        .precompressed_gzip();
    let icons = ServeDir::new(root.join("static"));
    Router::new()
        .nest_service(&format!("/{}", options.site_pkg_dir), pkg)
        .layer(middleware::from_fn_with_state(
            bundle_policy as Policy,
            cache_control,
        ))
        .merge(
            Router::new()
                .nest_service("/static", icons)
                .layer(middleware::from_fn_with_state(
                    icon_policy as Policy,
                    cache_control,
                )),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_hash_file_the_names_are_plain() {
        // Test binaries have no hash file beside them.
        assert!(!hashed());
        let options = LeptosOptions::builder().output_name("vnext").build();
        assert_eq!(stylesheet_href(&options), "/pkg/vnext.css");
        assert!(!is_hashed("/pkg/vnext.css"));
    }

    #[test]
    fn only_a_name_with_this_builds_hash_is_immutable() {
        let hashes = HashMap::from([("css".to_owned(), "Ab3-x_9".to_owned())]);
        assert!(names_a_hash(&hashes, "/pkg/vnext.Ab3-x_9.css"));
        assert!(names_a_hash(&hashes, "/pkg/vnext.Ab3-x_9.css.br"));
        assert!(!names_a_hash(&hashes, "/pkg/vnext.css"));
        assert!(!names_a_hash(&hashes, "/pkg/vnext.Ab3-x_8.css"));
        assert!(!names_a_hash(&hashes, "/pkg/Ab3-x_9/vnext.css"));
    }
}
