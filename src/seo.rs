//! What search engines read: `robots.txt` and the sitemaps (a sitemap index, the site's own
//! pages, and company pages in chunks that stay far below the 50,000-URL limit).

use crate::i18n::Lang;
use crate::web::error::Problem;
use crate::web::meta::PublicUrl;
use crate::zone::queries::{company_count, company_keys};
use axum::{
    Router,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
    routing::get,
};
use sea_orm::DatabaseConnection;
use std::fmt::Write;

/// Companies per sitemap file: four language URLs each, 40,000 URLs at most.
const COMPANIES_PER_SITEMAP: u64 = 10_000;

#[derive(Clone)]
struct Seo {
    db: DatabaseConnection,
    /// Every URL written here starts with the configured origin, never the request's `Host`.
    public_url: PublicUrl,
}

/// More company sitemaps than any zone will need (a billion companies); a larger number in a
/// request is not found, and never overflows the offset.
const MAX_SITEMAP_FILES: u64 = 100_000;

pub fn routes(db: DatabaseConnection, public_url: PublicUrl) -> Router {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap_index))
        .route("/sitemaps/pages.xml", get(pages_sitemap))
        .route("/sitemaps/companies/{file}", get(companies_sitemap))
        .with_state(Seo { db, public_url })
}

fn xml(body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body,
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn robots(State(seo): State<Seo>) -> impl IntoResponse {
    let origin = &seo.public_url.0;
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: {origin}/sitemap.xml\n"),
    )
}

async fn sitemap_index(State(seo): State<Seo>) -> Response {
    let origin = &seo.public_url.0;
    let count = match company_count(&seo.db).await {
        Ok(count) => count,
        Err(err) => return Problem::Db(err).into_response(),
    };
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let _ = writeln!(
        body,
        "<sitemap><loc>{origin}/sitemaps/pages.xml</loc></sitemap>"
    );
    for n in 1..=count.div_ceil(COMPANIES_PER_SITEMAP) {
        let _ = writeln!(
            body,
            "<sitemap><loc>{origin}/sitemaps/companies/{n}.xml</loc></sitemap>"
        );
    }
    body.push_str("</sitemapindex>\n");
    xml(body)
}

/// One `<url>` per language for `path` (which starts after the language segment), each
/// listing every language version as an alternate.
fn write_urls(body: &mut String, origin: &str, path: &str) {
    for lang in Lang::ALL {
        let _ = write!(
            body,
            "<url><loc>{}</loc>",
            escape(&format!("{origin}/{}/{path}", lang.code()))
        );
        for alternate in Lang::ALL {
            let href = escape(&format!("{origin}/{}/{path}", alternate.code()));
            let _ = write!(
                body,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\"/>",
                alternate.code()
            );
        }
        body.push_str("</url>\n");
    }
}

fn urlset(origin: &str, paths: impl IntoIterator<Item = String>) -> Response {
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in paths {
        write_urls(&mut body, origin, &path);
    }
    body.push_str("</urlset>\n");
    xml(body)
}

async fn pages_sitemap(State(seo): State<Seo>) -> Response {
    urlset(&seo.public_url.0, [String::new(), "zone".to_owned()])
}

async fn companies_sitemap(State(seo): State<Seo>, Path(file): Path<String>) -> Response {
    let Some(n) = file
        .strip_suffix(".xml")
        .and_then(|n| n.parse::<u64>().ok())
        .filter(|n| (1..=MAX_SITEMAP_FILES).contains(n))
    else {
        return Problem::NotFound.into_response();
    };
    let keys = match company_keys(
        &seo.db,
        (n - 1) * COMPANIES_PER_SITEMAP,
        COMPANIES_PER_SITEMAP,
    )
    .await
    {
        Ok(keys) => keys,
        Err(err) => return Problem::Db(err).into_response(),
    };
    if keys.is_empty() {
        return Problem::NotFound.into_response();
    }
    let paths = keys
        .into_iter()
        .map(|(mic, symbol)| format!("zone/{mic}/{}", crate::ui::url::encode_component(&symbol)));
    urlset(&seo.public_url.0, paths)
}
