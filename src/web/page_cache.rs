//! Rendered public pages for anonymous visitors, kept in memory per address (path and query;
//! the path carries the language). Most traffic is anonymous reads — visitors and crawlers —
//! and a page is the same for all of them until the data under it changes.
//!
//! A copy is used only while `platform::page_generation` is the number it was rendered at:
//! every write to public data raises it in the writer's transaction, so no instance serves a
//! page older than the last committed write. Signed-in viewers, other methods, and any answer
//! but a plain 200 HTML page pass by untouched. A page's script nonce is replaced by a fresh one
//! on every answer, so a copy never reuses one.

use super::encoding::accepts;
use super::viewer::Viewer;
use crate::i18n::lang_of_path;
use crate::platform::page_generation;
use crate::security::page_csp;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{
    ACCEPT_RANGES, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG,
    SET_COOKIE, VARY,
};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use http_body::{Frame, SizeHint};
use lru::LruCache;
use sea_orm::DatabaseConnection;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::num::NonZeroUsize;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};

mod gzip;

/// Says whether an answer came from a copy (`hit`) or was rendered and kept (`miss`).
pub const CACHE_HEADER: HeaderName = HeaderName::from_static("x-vnext-cache");

/// A page larger than this cannot be answered once read for keeping (none is near it: a
/// directory page is ~100 KB, and echoes its address about ten times, hence [`MAX_ADDRESS`]).
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;
/// Longer addresses are answered uncached: no page's own links make one.
const MAX_ADDRESS: usize = 2048;
/// Bounds on what one instance keeps: the least recently used copy goes first.
const MAX_PAGES: usize = 4096;
const MAX_BYTES: usize = 64 * 1024 * 1024;

/// A page as rendered once: its headers, and its body cut wherever its script nonce stood.
struct Copy {
    headers: HeaderMap,
    parts: Vec<Bytes>,
    /// Whether the page has a script nonce, and so its CSP header must name the new one.
    nonce: bool,
    /// The parts gzipped, made for the first answer that asks for gzip.
    gzipped: OnceLock<Option<gzip::Gzipped>>,
    size: usize,
}

impl Copy {
    fn new(mut headers: HeaderMap, body: Bytes) -> Copy {
        // A copy is answered plain or gzipped by what the request accepts; shared caches on
        // the way must know that too. (Said here, the compression layer adds no second one.)
        let varies = headers.get_all(VARY).iter().any(|v| {
            v.to_str()
                .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
        });
        if !varies {
            headers.append(VARY, HeaderValue::from_static("accept-encoding"));
        }
        // They would be wrong for the gzipped answer; the length comes from the body.
        for stale in [CONTENT_LENGTH, ETAG, ACCEPT_RANGES] {
            headers.remove(stale);
        }
        let nonce = headers
            .get(CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .and_then(nonce_of)
            .map(str::to_owned);
        let parts = match &nonce {
            Some(nonce) => split(&body, nonce.as_bytes()),
            None => vec![body.clone()],
        };
        Copy {
            // With room for the gzipped parts, which come to well under a quarter of a page.
            size: body.len() + body.len() / 4 + 1024,
            headers,
            parts,
            nonce: nonce.is_some(),
            gzipped: OnceLock::new(),
        }
    }

    /// The answer, gzipped if `gzip`, with a fresh nonce where the page had one.
    fn answer(&self, cache: &'static str, gzip: bool) -> Response {
        let mut headers = self.headers.clone();
        let nonce = if self.nonce {
            let nonce = crate::platform::tokens::new_token();
            if let Ok(csp) = HeaderValue::from_str(&page_csp(&nonce)) {
                headers.insert(CONTENT_SECURITY_POLICY, csp);
            }
            Bytes::from(nonce)
        } else {
            Bytes::new()
        };
        let gzipped = gzip
            .then(|| self.gzipped.get_or_init(|| gzip::Gzipped::new(&self.parts)))
            .and_then(|gzipped| gzipped.as_ref()?.around(&nonce));
        let body = match gzipped {
            Some(gzipped) => {
                headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                gzipped
            }
            None => Pieces::between(&self.parts, nonce),
        };
        headers.insert(CACHE_HEADER, HeaderValue::from_static(cache));
        let mut response = Response::new(Body::new(body));
        *response.headers_mut() = headers;
        response
    }
}

/// A copy's parts with the fresh nonce between them, handed to the connection as they are. Joined
/// into one new buffer they cost a copy of the whole page on every answer (tens of KB for the
/// directory) before the first byte goes out. (An answer the compression layer gzips is read
/// through once anyway; this spares the clients that ask for no encoding.)
struct Pieces(VecDeque<Bytes>);

impl Pieces {
    fn between(parts: &[Bytes], nonce: Bytes) -> Pieces {
        let mut pieces = VecDeque::with_capacity(parts.len() * 2);
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                pieces.push_back(nonce.clone());
            }
            if !part.is_empty() {
                pieces.push_back(part.clone());
            }
        }
        Pieces(pieces)
    }
}

impl http_body::Body for Pieces {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.0.pop_front().map(|p| Ok(Frame::data(p))))
    }

    fn is_end_stream(&self) -> bool {
        self.0.is_empty()
    }

    // Exact, so that an answer sent as it is keeps its Content-Length instead of going in chunks.
    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.0.iter().map(|p| p.len() as u64).sum())
    }
}

/// The nonce a page policy names (`'nonce-…'`).
fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(&policy[start..start + len]).filter(|n| !n.is_empty())
}

/// `body` cut at every occurrence of `mark`, the marks left out.
fn split(body: &Bytes, mark: &[u8]) -> Vec<Bytes> {
    let mut parts = Vec::new();
    let mut rest = 0;
    for at in memchr::memmem::find_iter(body, mark) {
        parts.push(body.slice(rest..at));
        rest = at + mark.len();
    }
    parts.push(body.slice(rest..));
    parts
}

struct Copies {
    generation: i64,
    pages: LruCache<String, Arc<Copy>>,
    bytes: usize,
}

/// This instance's copies, all of one generation.
#[derive(Clone)]
pub struct PageCache {
    generation: page_generation::SharedReads,
    copies: Arc<Mutex<Copies>>,
}

impl PageCache {
    pub fn new(db: DatabaseConnection) -> PageCache {
        let copies = Copies {
            generation: i64::MIN,
            pages: LruCache::new(NonZeroUsize::new(MAX_PAGES).expect("non-zero")),
            bytes: 0,
        };
        PageCache {
            generation: page_generation::SharedReads::new(db),
            copies: Arc::new(Mutex::new(copies)),
        }
    }

    fn copies(&self) -> std::sync::MutexGuard<'_, Copies> {
        // A panic while holding the lock leaves plain data behind, still usable.
        self.copies.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, generation: i64, key: &str) -> Option<Arc<Copy>> {
        let mut copies = self.copies();
        if copies.generation != generation {
            return None;
        }
        copies.pages.get(key).cloned()
    }

    fn put(&self, generation: i64, key: String, copy: Arc<Copy>) {
        let mut copies = self.copies();
        // Any other generation empties the cache: a newer one after a write, an older one from a
        // render that began before it (its copy is then used only if the database's generation
        // goes back, as after a restore, when the copies of the lost future must go too).
        if generation != copies.generation {
            copies.pages.clear();
            copies.bytes = 0;
            copies.generation = generation;
        }
        copies.bytes += copy.size + key.len();
        if let Some((old_key, old)) = copies.pages.push(key, copy) {
            copies.bytes -= old.size + old_key.len();
        }
        while copies.bytes > MAX_BYTES {
            let Some((old_key, old)) = copies.pages.pop_lru() else {
                break;
            };
            copies.bytes -= old.size + old_key.len();
        }
    }
}

/// Whether the request is an anonymous read of a page.
fn may_use_a_copy(request: &Request) -> bool {
    request.method() == Method::GET
        && request.extensions().get::<Viewer>().is_none()
        && !request.headers().contains_key(http::header::AUTHORIZATION)
        && lang_of_path(request.uri().path()).is_some()
        && request
            .uri()
            .path_and_query()
            .map_or(0, |p| p.as_str().len())
            <= MAX_ADDRESS
}

/// Whether the answer is a page every anonymous visitor would get alike.
fn may_keep(response: &Response) -> bool {
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    response.status() == StatusCode::OK && html && !response.headers().contains_key(SET_COOKIE)
}

/// The middleware: a copy when there is a current one, else the page rendered and kept.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    if !may_use_a_copy(&request) {
        return next.run(request).await;
    }
    let generation = match cache.generation.current().await {
        Ok(generation) => generation,
        Err(err) => {
            tracing::error!(error = %err, "page generation unreadable: answering uncached");
            return next.run(request).await;
        }
    };
    let key = request.uri().to_string();
    let gzip = ["gzip", "x-gzip"]
        .iter()
        .any(|coding| accepts(request.headers(), coding));
    if let Some(copy) = cache.get(generation, &key) {
        return copy.answer("hit", gzip);
    }
    let response = next.run(request).await;
    if !may_keep(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(error = %err, path = %key, "page body unreadable");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let copy = Arc::new(Copy::new(parts.headers, body));
    cache.put(generation, key, copy.clone());
    copy.answer("miss", gzip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_cut_at_its_nonce_and_joined_with_another() {
        let policy = page_csp("n0nce");
        assert_eq!(nonce_of(&policy), Some("n0nce"));
        assert_eq!(nonce_of("default-src 'self'"), None);
        let body = Bytes::from_static(b"<script nonce=\"n0nce\">1</script><p>n0nc</p>n0nce");
        let parts = split(&body, b"n0nce");
        assert_eq!(parts.len(), 3);
        assert_eq!(
            parts.join(&b"fresh"[..]),
            b"<script nonce=\"fresh\">1</script><p>n0nc</p>fresh"
        );
        assert_eq!(
            split(&Bytes::from_static(b"plain"), b"n0nce"),
            vec!["plain"]
        );
    }

    #[tokio::test]
    async fn the_pieces_make_the_page_and_say_its_length() {
        use http_body::Body as _;
        let page = Bytes::from_static(b"n0nce<script nonce=\"n0nce\">1</script>n0nce");
        let parts = split(&page, b"n0nce");
        let pieces = Pieces::between(&parts, Bytes::from_static(b"fresh"));
        let expected = b"fresh<script nonce=\"fresh\">1</script>fresh";
        assert_eq!(pieces.size_hint().exact(), Some(expected.len() as u64));
        let sent = axum::body::to_bytes(Body::new(pieces), usize::MAX).await;
        assert_eq!(sent.unwrap(), &expected[..]);
        let empty = Pieces::between(&[Bytes::new()], Bytes::from_static(b"fresh"));
        assert!(empty.is_end_stream());
        assert_eq!(empty.size_hint().exact(), Some(0));
    }
}
