#![cfg(feature = "ssr")]
//! The pages as a browser without JavaScript gets them: routing, status codes, languages.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

async fn app() -> vnext::serve::Site {
    app_on(common::database(true).await)
}

fn app_on(db: sea_orm::DatabaseConnection) -> vnext::serve::Site {
    let options = LeptosOptions::builder()
        .output_name("vnext")
        .site_root("target/site")
        .build();
    vnext::serve::app(
        options,
        db,
        vnext::serve::Settings::new("https://zone.example"),
    )
}

async fn get(
    app: &vnext::serve::Site,
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn cards(html: &str) -> usize {
    html.matches(r#"<li class="company-card""#).count()
}

#[tokio::test]
async fn root_redirects_by_cookie_then_accept_language() {
    let app = app().await;
    let (status, headers, _) = get(
        &app,
        "/",
        &[(header::ACCEPT_LANGUAGE, "th-TH,th;q=0.9,en;q=0.5")],
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(headers[header::LOCATION], "/th/");
    let (_, headers, _) = get(
        &app,
        "/",
        &[(header::ACCEPT_LANGUAGE, "th"), (header::COOKIE, "lang=ms")],
    )
    .await;
    assert_eq!(headers[header::LOCATION], "/ms/");
    let (_, headers, _) = get(&app, "/", &[]).await;
    assert_eq!(headers[header::LOCATION], "/en/");
}

#[tokio::test]
async fn directory_is_server_rendered_with_twenty_or_more_cards() {
    let app = app().await;
    let (status, headers, html) = get(&app, "/en/zone", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(cards(&html) >= 20, "{} cards", cards(&html));
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("64 companies"));
    assert!(
        html.contains(r#"hreflang="th""#)
            && html.contains(r#"href="https://zone.example/th/zone""#)
    );
    assert!(html.contains("<title>Overseas listed companies · V-Next Zone</title>"));
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"));
}

#[tokio::test]
async fn exchange_filter_in_the_query_string_lists_only_set_companies() {
    let app = app().await;
    let (status, _, html) = get(&app, "/en/zone?exchange=XBKK", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let n = cards(&html);
    assert!(n >= 20);
    assert_eq!(
        html.matches("The Stock Exchange of Thailand</span>")
            .count(),
        n
    );
    assert!(!html.contains("Bursa Malaysia</span>"));
    // The switcher keeps the filter.
    assert!(html.contains(r#"href="/zh/zone?exchange=XBKK""#));
}

#[tokio::test]
async fn every_language_renders_its_own_interface() {
    let app = app().await;
    for (lang, heading, count) in [
        ("zh", "境外上市公司专区", "共 64 家公司"),
        ("en", "Overseas listed company zone", "64 companies"),
        ("ms", "Zon syarikat tersenarai luar negara", "64 syarikat"),
        ("th", "โซนบริษัทจดทะเบียนต่างประเทศ", "64 บริษัท"),
    ] {
        let (status, _, html) = get(&app, &format!("/{lang}/zone"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(
            html.contains(&format!(r#"<html lang="{lang}""#)),
            "{lang}: html lang"
        );
        assert!(html.contains(heading), "{lang}: heading");
        assert!(html.contains(count), "{lang}: count");
    }
    for path in ["/th/", "/th"] {
        let (status, _, home) = get(&app, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(home.contains("ตลาดหลักทรัพย์พันธมิตร"), "{path}");
        assert!(
            home.contains(r#"<link href="https://zone.example/th/" rel="canonical">"#),
            "{path}"
        );
    }
    let (status, _, _) = get(&app, "/en/zone/", &[]).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_pages_and_languages_get_a_localized_404() {
    let app = app().await;
    let (status, _, html) = get(&app, "/th/no-such-page", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("ไม่พบหน้าที่ต้องการ"));
    let (status, _, html) = get(&app, "/xx/zone", &[(header::ACCEPT_LANGUAGE, "zh-CN")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("页面不存在"));
    assert!(html.contains(r#"<html lang="zh""#));
    let (status, _, _) = get(&app, "/xx", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn nonsense_in_the_query_string_is_a_clear_empty_result() {
    let app = app().await;
    let (status, _, html) = get(
        &app,
        "/en/zone?exchange=NOPE&page=abc&green=maybe&q=%27%3B%20DROP",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cards(&html), 0);
    assert!(html.contains("No companies match these filters."));
    let (_, _, html) = get(&app, "/en/zone", &[]).await;
    assert!(html.contains("64 companies"), "nothing was lost");
    let (_, _, html) = get(&app, "/en/zone?q=palm+oil", &[]).await;
    assert!(
        html.contains("Kinabalu Palm Oil Plantations Berhad"),
        "+ is a space, as browsers send it"
    );
}

#[tokio::test]
async fn company_pages_show_texts_financials_and_a_chart() {
    let app = app().await;
    let (status, _, html) = get(&app, "/th/zone/XKLS/5000", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<html lang="th""#));
    assert!(html.contains("กีนาบาลู"));
    assert!(html.contains("ข้อมูลทางการเงินที่สำคัญ"));
    assert!(html.contains("<svg") && html.contains("bar-revenue"));
    assert!(
        html.contains("2026-10-30"),
        "the page names the rate's date"
    );
    assert!(
        html.contains(r#"href="https://zone.example/en/zone/XKLS/5000""#),
        "hreflang alternates"
    );
    let json_ld = html
        .split(r#"<script type="application/ld+json">"#)
        .nth(1)
        .expect("JSON-LD");
    let json_ld: serde_json::Value =
        serde_json::from_str(json_ld.split("</script>").next().unwrap()).unwrap();
    assert_eq!(json_ld["@type"], "Organization");
    assert_eq!(
        json_ld["alternateName"],
        "Kinabalu Palm Oil Plantations Berhad"
    );

    assert!(!html.contains("/pkg/vnext.js"), "no island, no bundle");
    let (_, _, directory) = get(&app, "/th/zone", &[]).await;
    assert!(
        directory.contains("/pkg/vnext.js"),
        "the directory's island needs it"
    );

    let (status, _, html) = get(&app, "/en/zone/XKLS/NOPE", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn robots_and_sitemaps_list_every_company_page_in_every_language() {
    let app = app().await;
    let (status, _, robots) = get(&app, "/robots.txt", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(robots.contains("Sitemap: https://zone.example/sitemap.xml"));
    let (_, headers, index) = get(&app, "/sitemap.xml", &[]).await;
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    assert!(index.contains("<loc>https://zone.example/sitemaps/pages.xml</loc>"));
    assert!(index.contains("<loc>https://zone.example/sitemaps/companies/1.xml</loc>"));
    assert!(!index.contains("companies/2.xml"));
    let (_, _, companies) = get(&app, "/sitemaps/companies/1.xml", &[]).await;
    assert_eq!(companies.matches("<url>").count(), 64 * 4);
    assert!(companies.contains("<loc>https://zone.example/th/zone/XKLS/5000</loc>"));
    assert!(companies.contains(r#"hreflang="zh" href="https://zone.example/zh/zone/XKLS/5000""#));
    let (_, _, pages) = get(&app, "/sitemaps/pages.xml", &[]).await;
    assert_eq!(pages.matches("<url>").count(), 2 * 4);
    for missing in [
        "/sitemaps/companies/2.xml",
        "/sitemaps/companies/0.xml",
        "/sitemaps/companies/x.xml",
    ] {
        assert_eq!(
            get(&app, missing, &[]).await.0,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn exports_hold_the_whole_filtered_view_escaped_with_numbers_as_numbers() {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    use vnext::zone::entity::company_text;
    let db = common::database(true).await;
    // A partner could upload a name meant to run as a formula in a spreadsheet.
    let text = company_text::Entity::find_by_id((1, "en".to_owned()))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let mut hostile: company_text::ActiveModel = text.into();
    hostile.name = Set(Some("=HYPERLINK(\"http://evil.example\",\"x\")".into()));
    hostile.update(&db).await.unwrap();
    let app = app_on(db);

    let (status, headers, csv) = get(&app, "/en/zone/export.csv?exchange=XKLS", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("vnext-zone-en.csv")
    );
    assert!(csv.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert!(lines[0].contains("Exchange,Symbol,Name"));
    assert_eq!(lines.len(), 1 + 32, "every XKLS company, not just one page");
    assert!(csv.contains("\"'=HYPERLINK("), "formula escaped");
    let kinabalu = lines.iter().find(|l| l.contains(",5000,")).unwrap();
    let last: Vec<&str> = kinabalu.rsplitn(7, ',').collect();
    assert_eq!(last[5], "2025", "fiscal year is a bare number: {kinabalu}");
    assert!(
        last[4].parse::<f64>().is_ok(),
        "revenue is a bare number: {kinabalu}"
    );

    let (_, _, th) = get(&app, "/th/zone/export.csv?q=%E0%B8%99%E0%B9%89%E0%B8%B3%E0%B8%A1%E0%B8%B1%E0%B8%99%E0%B8%9B%E0%B8%B2%E0%B8%A5%E0%B9%8C%E0%B8%A1", &[]).await;
    assert!(
        th.contains("ตลาดหลักทรัพย์") && th.contains("กีนาบาลู"),
        "Thai headers and names"
    );

    let request = Request::get("/zh/zone/export.xlsx?exchange=XBKK")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert_eq!(sheet.matches("<row ").count(), 1 + 26);
    assert!(sheet.contains("<v>2025</v>"), "numeric cells");

    assert_eq!(
        get(&app, "/xx/zone/export.csv", &[]).await.0,
        StatusCode::NOT_FOUND
    );
}

/// The bundle and the icons are served before the session layer, with caching a browser can
/// use: plain names (no hash file beside a test binary) are revalidated, icons kept a day.
#[tokio::test]
async fn static_files_are_served_with_their_cache_policy_and_no_session_work() {
    let root = std::env::temp_dir().join(format!("vnext-site-{}", std::process::id()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("pkg/vnext.css"), "body { margin: 0 }").unwrap();
    std::fs::write(
        root.join("pkg/vnext.css.br"),
        b"\x0b\x08\x80body { margin: 0 }\x03",
    )
    .unwrap();
    std::fs::write(root.join("static/favicon.svg"), "<svg/>").unwrap();
    let options = LeptosOptions::builder()
        .output_name("vnext")
        .site_root(root.to_string_lossy().into_owned())
        .build();
    let app = vnext::serve::app(
        options,
        common::database(true).await,
        vnext::serve::Settings::new("https://zone.example"),
    );
    // A session cookie that matches nothing: the session layer looks it up and clears it, as
    // it does on a page.
    let cookie = [(header::COOKIE, "__Host-vnext_session=nobody")];
    let (_, headers, _) = get(&app, "/en/login", &cookie).await;
    assert!(headers.contains_key(header::SET_COOKIE), "a page clears it");

    let (status, headers, body) = get(&app, "/pkg/vnext.css", &cookie).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, "body { margin: 0 }")
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let etag = headers[header::ETAG].to_str().unwrap().to_owned();
    let (status, _, _) = get(
        &app,
        "/pkg/vnext.css",
        &[(header::IF_NONE_MATCH, etag.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED, "revalidated by its tag");
    assert!(!headers.contains_key(header::SET_COOKIE), "no session work");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

    let (_, headers, _) = get(
        &app,
        "/pkg/vnext.css",
        &[(header::ACCEPT_ENCODING, "br, gzip")],
    )
    .await;
    assert_eq!(
        headers[header::CONTENT_ENCODING],
        "br",
        "the precompressed file"
    );
    assert_eq!(headers[header::VARY], "accept-encoding");
    assert_ne!(
        headers[header::ETAG],
        etag.as_str(),
        "each encoding its own tag"
    );
    let (_, headers, _) = get(
        &app,
        "/pkg/vnext.css",
        &[(header::ACCEPT_ENCODING, "br;q=0")],
    )
    .await;
    assert!(
        !headers.contains_key(header::CONTENT_ENCODING),
        "br refused by its weight"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");

    let (status, headers, body) = get(&app, "/static/favicon.svg", &cookie).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "<svg/>"));
    assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=86400");
    assert!(!headers.contains_key(header::SET_COOKIE));

    // A file written after start (a development rebuild) is read from disk.
    std::fs::write(root.join("pkg/later.js"), "1").unwrap();
    let (status, headers, body) = get(&app, "/pkg/later.js", &[]).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "1"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");

    let (status, headers, _) = get(&app, "/pkg/missing.js", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        !headers.contains_key(header::CACHE_CONTROL),
        "a miss is not cached"
    );
    std::fs::remove_dir_all(root).ok();
}
