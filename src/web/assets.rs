//! The files every page loads: the bundle under `/pkg` (style sheet, JS, WASM) and the icons
//! under `/static`. They are read into memory at start, with their precompressed variants, and
//! served before the session and language layers, so a request for one costs a map lookup and
//! the security headers. A file that appears later (a development rebuild) is read from disk.
//!
//! `cargo leptos build` names the bundle's files after a hash of their content (`hash-files` in
//! Cargo.toml) and writes the hashes to `hash.txt` beside the binary. A hashed name never
//! changes content, so browsers may keep it for a year without asking again; a build without
//! the hash file (`cargo test`, a plain `cargo build`) keeps the plain names, which browsers
//! revalidate on each use.

use super::encoding::accepts;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use http::header::{
    CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use http::{HeaderValue, Method, StatusCode};
use leptos::prelude::LeptosOptions;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
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

/// Files larger than this stay on disk.
const MAX_IN_MEMORY: u64 = 8 * 1024 * 1024;

/// One file of the site, as read at start.
struct Held {
    identity: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: HeaderValue,
    /// Of the content: each encoding's entity tag adds its own suffix, as the bytes differ.
    tag: String,
    cache_control: &'static str,
}

/// The site's files by address (`/pkg/vnext.….css`).
#[derive(Default)]
struct InMemory(HashMap<String, Held>);

impl InMemory {
    /// Every file under `dir`, addressed under `prefix`, a `.br` or `.gz` beside one as its
    /// compressed variant.
    fn load(&mut self, dir: &Path, prefix: &str, policy: Policy) {
        let mut files = Vec::new();
        walk(dir, &mut files, 0);
        let read = |path: &Path| std::fs::read(path).ok().map(Bytes::from);
        for path in &files {
            let name = path.strip_prefix(dir).unwrap_or(path).to_string_lossy();
            let variant = name.ends_with(".br") || name.ends_with(".gz");
            if variant && files.contains(&path.with_extension("")) {
                continue;
            }
            let Some(identity) = read(path) else { continue };
            let address = format!("{prefix}/{name}");
            let content_type = mime_guess::from_path(path).first_or_octet_stream();
            let tag = crate::platform::tokens::digest_bytes(&identity)[..32].to_owned();
            let beside = |suffix: &str| {
                let mut variant = path.clone().into_os_string();
                variant.push(suffix);
                read(Path::new(&variant))
            };
            let held = Held {
                brotli: beside(".br"),
                gzip: beside(".gz"),
                content_type: HeaderValue::from_str(content_type.as_ref())
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
                tag,
                cache_control: policy(&address),
                identity,
            };
            self.0.insert(address, held);
        }
    }
}

/// Folders deeper than this are not held (a linked folder could lead back to its parent).
const MAX_DEPTH: usize = 8;

/// The files under `dir`, recursively, except those too large to hold.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Through links, so that a linked file is held only if it is a small regular file.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() && depth < MAX_DEPTH => walk(&path, files, depth + 1),
            Ok(meta) if meta.is_file() && meta.len() <= MAX_IN_MEMORY => files.push(path),
            _ => {}
        }
    }
}

impl Held {
    fn answer(&self, request: &Request) -> Response {
        let headers = request.headers();
        let (body, coding) = match (&self.brotli, &self.gzip) {
            (Some(br), _) if accepts(headers, "br") => (br, Some("br")),
            (_, Some(gz)) if accepts(headers, "gzip") => (gz, Some("gzip")),
            _ => (&self.identity, None),
        };
        let etag = match coding {
            Some(coding) => format!("\"{}-{coding}\"", self.tag),
            None => format!("\"{}\"", self.tag),
        };
        let unchanged = headers
            .get(IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
        let mut response = if unchanged {
            StatusCode::NOT_MODIFIED.into_response()
        } else if request.method() == Method::HEAD {
            let mut head = Response::new(Body::empty());
            head.headers_mut().insert(CONTENT_LENGTH, body.len().into());
            head
        } else {
            Response::new(Body::from(body.clone()))
        };
        let out = response.headers_mut();
        if !unchanged {
            out.insert(CONTENT_TYPE, self.content_type.clone());
            if let Some(coding) = coding {
                out.insert(CONTENT_ENCODING, HeaderValue::from_static(coding));
            }
        }
        if let Ok(etag) = HeaderValue::from_str(&etag) {
            out.insert(ETAG, etag);
        }
        out.insert(CACHE_CONTROL, HeaderValue::from_static(self.cache_control));
        if self.brotli.is_some() || self.gzip.is_some() {
            out.insert(VARY, HeaderValue::from_static("accept-encoding"));
        }
        response
    }
}

async fn from_memory(State(files): State<Arc<InMemory>>, request: Request, next: Next) -> Response {
    let held = matches!(*request.method(), Method::GET | Method::HEAD)
        .then(|| files.0.get(request.uri().path()))
        .flatten();
    match held {
        Some(held) => held.answer(&request),
        None => next.run(request).await,
    }
}

/// `/pkg/…` and `/static/…`, from memory, else from disk. The bundle is served precompressed
/// where `cargo make release` wrote `.br` and `.gz` beside each file (maximum compression, done
/// once).
pub fn routes(options: &LeptosOptions) -> Router {
    let root = PathBuf::from(options.site_root.as_ref());
    let pkg_dir = root.join(options.site_pkg_dir.as_ref());
    let pkg_prefix = format!("/{}", options.site_pkg_dir);
    let mut files = InMemory::default();
    files.load(&pkg_dir, &pkg_prefix, bundle_policy);
    files.load(&root.join("static"), "/static", icon_policy);
    // Debug and release builds share the site folder, each with its own hash file: a binary
    // started beside the other build's bundle would name files that are not there.
    let stylesheet = stylesheet_href(options);
    if hashed() && !files.0.contains_key(&stylesheet) {
        tracing::error!(
            missing = %stylesheet,
            site = %root.display(),
            "the bundle in the site folder is from another build: pages will load no style or \
             script until this binary's bundle is built again (cargo make release or build)"
        );
    }
    let pkg = ServeDir::new(pkg_dir)
        .precompressed_br()
        .precompressed_gzip();
    let icons = ServeDir::new(root.join("static"));
    Router::new()
        .nest_service(&pkg_prefix, pkg)
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
        .layer(middleware::from_fn_with_state(Arc::new(files), from_memory))
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
