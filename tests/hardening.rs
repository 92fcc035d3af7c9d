#![cfg(feature = "ssr")]
//! The attacks of the security review, each tried against the app: links built from a forged
//! `Host`, forged client addresses, bursts past a limit, strangers locking owners out, requests
//! that cost the server without bound, secrets shown to the wrong people, open redirects.
//! Runs on SQLite, and on PostgreSQL when `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::web::*;
use leptos::prelude::{Owner, provide_context};
use vnext::accounts::Role;
use vnext::accounts::server::{self, Decision, Problem};
use vnext::i18n::Lang;
use vnext::platform::audit::Actor;
use vnext::platform::rate_limit::{Limit, allow};
use vnext::serve::{Settings, Site};
use vnext::zone::DirectoryQuery;

/// The default when `VNEXT_PUBLIC_URL` is unset: the listen address.
const LOCAL: &str = "http://127.0.0.1:3000";

fn request(method: &str, uri: &str, headers: &[(&str, &str)], body: &str) -> Request<Body> {
    let mut request = Request::builder().method(method).uri(uri);
    if method == "POST" {
        request = request
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin");
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

/// A sign-in as if through one reverse proxy that saw the client at `ip`.
async fn sign_in_from(app: &Site, ip: &str, email: &str, password: &str) -> Reply {
    let body = form_body(&[("email", email), ("password", password)]);
    send(
        app,
        request("POST", "/en/login", &[("x-forwarded-for", ip)], &body),
    )
    .await
}

fn behind_one_proxy() -> Settings {
    let mut settings = settings();
    settings.protection.trusted_proxies = 1;
    settings
}

#[tokio::test]
async fn links_never_come_from_the_host_header() {
    let db = common::database(true).await;
    let app = app_with(db.clone(), Settings::new(LOCAL));
    enterprise(&db, "链接公司", 40, "link@example.com", true).await;
    let evil = [(header::HOST.as_str(), "evil.example")];
    let forgot = request(
        "POST",
        "/en/password/forgot",
        &evil,
        "email=link%40example.com",
    );
    assert_eq!(send(&app, forgot).await.status, StatusCode::SEE_OTHER);
    let mail = mails_to(&db, "link@example.com").await.pop().unwrap();
    assert!(
        mail.body
            .contains(&format!("{LOCAL}/zh/password/reset?token=")),
        "{}",
        mail.body
    );
    assert!(!mail.body.contains("evil.example"));
    for path in [
        "/en/zone",
        "/th",
        "/robots.txt",
        "/sitemap.xml",
        "/sitemaps/pages.xml",
        "/sitemaps/companies/1.xml",
    ] {
        let reply = send(&app, request("GET", path, &evil, "")).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(!reply.body.contains("evil.example"), "{path}");
        assert!(reply.body.contains(&format!("{LOCAL}/")), "{path}");
    }
    // Canonical and alternate links are absolute, as search engines want them.
    let page = get(&app, "/ms/zone?exchange=XKLS", None).await;
    assert!(
        page.body
            .contains(&format!(r#"href="{LOCAL}/ms/zone?exchange=XKLS""#)),
        "canonical"
    );
    assert!(
        page.body
            .contains(&format!(r#"href="{LOCAL}/th/zone?exchange=XKLS""#))
    );
    // Nor does the Host header vouch for a cross-site form.
    let forged = request(
        "POST",
        "/en/login",
        &[("host", "evil.example"), ("origin", "http://evil.example")],
        "email=x%40example.com&password=x",
    );
    let mut forged = forged;
    forged.headers_mut().remove("sec-fetch-site");
    assert_eq!(send(&app, forged).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_forged_forwarded_for_does_not_escape_a_limit() {
    let db = common::database(true).await;
    let mut settings = behind_one_proxy();
    settings.protection.limits.register_per_ip.max = 2;
    let app = app_with(db.clone(), settings);
    let mut statuses = Vec::new();
    for forged in ["198.51.100.1", "198.51.100.2", "198.51.100.3"] {
        // The client writes whatever it likes on the left; our proxy appends what it saw.
        let xff = format!("{forged}, 203.0.113.7");
        let reply = send(
            &app,
            request(
                "POST",
                "/en/register",
                &[("x-forwarded-for", &xff)],
                "name_zh=x",
            ),
        )
        .await;
        statuses.push(reply.status);
    }
    assert_eq!(
        statuses,
        [
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_parallel_attempts_cannot_pass_a_limit() {
    let (first, second) = common::database_pair().await;
    let limit = Limit {
        max: 10,
        window: chrono::Duration::minutes(5),
    };
    let attempts: Vec<_> = (0..40)
        .map(|i| {
            let db = if i % 2 == 0 {
                first.clone()
            } else {
                second.clone()
            };
            tokio::spawn(async move { allow(&db, "login:ip:192.0.2.99", limit).await })
        })
        .collect();
    let mut allowed = 0;
    for attempt in attempts {
        if attempt.await.unwrap().expect("the limiter answers") {
            allowed += 1;
        }
    }
    assert_eq!(allowed, 10, "on {}", common::backend_name());
    // A key longer than the column still meets its limit.
    let long = format!("login:account:{}", "x".repeat(5_000));
    let one = Limit { max: 1, ..limit };
    assert!(allow(&first, &long, one).await.unwrap());
    assert!(!allow(&first, &long, one).await.unwrap());
}

#[tokio::test]
async fn strangers_cannot_lock_the_owner_out() {
    let db = common::database(true).await;
    let app = app_with(db.clone(), behind_one_proxy());
    enterprise(&db, "锁定公司", 41, "owner@example.com", true).await;
    for _ in 0..10 {
        let reply = sign_in_from(&app, "203.0.113.5", "owner@example.com", "a wrong guess 1").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let stopped = sign_in_from(&app, "203.0.113.5", "owner@example.com", PASSWORD).await;
    assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS);
    // The owner, from an address of their own, is not affected.
    let owner = sign_in_from(&app, "192.0.2.20", "owner@example.com", PASSWORD).await;
    assert_eq!(owner.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn guessing_from_many_addresses_spares_the_owners_usual_address() {
    let db = common::database(true).await;
    let mut settings = behind_one_proxy();
    settings.protection.limits.login_per_account.max = 5;
    let app = app_with(db.clone(), settings);
    enterprise(&db, "分散公司", 42, "spread@example.com", true).await;
    let home = "192.0.2.10";
    let first = sign_in_from(&app, home, "spread@example.com", PASSWORD).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let mut refused = 0;
    for i in 1..=8 {
        let reply = sign_in_from(
            &app,
            &format!("203.0.113.{i}"),
            "spread@example.com",
            "guess 1234",
        )
        .await;
        if reply.status == StatusCode::TOO_MANY_REQUESTS {
            refused += 1;
        }
    }
    assert_eq!(
        refused, 4,
        "the account's loose limit holds across addresses"
    );
    let stranger = sign_in_from(&app, "198.51.100.1", "spread@example.com", PASSWORD).await;
    assert_eq!(stranger.status, StatusCode::TOO_MANY_REQUESTS);
    let owner = sign_in_from(&app, home, "spread@example.com", PASSWORD).await;
    assert_eq!(owner.status, StatusCode::SEE_OTHER, "{}", owner.body);
}

#[tokio::test]
async fn guessing_the_current_password_is_limited() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "改密公司", 43, "change@example.com", true).await;
    let token = sign_in(&app, "change@example.com", PASSWORD).await;
    let guess = || change_password(&app, &token, "not it at all", "a brand new passphrase");
    for _ in 0..10 {
        assert_eq!(guess().await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let limited = guess().await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("Too many attempts"));
}

#[tokio::test]
async fn the_anonymous_export_is_capped_and_rate_limited() {
    let db = common::database(true).await;
    let mut settings = settings();
    settings.export_max_rows = 5;
    settings.protection.limits.export_per_ip.max = 2;
    let app = app_with(db.clone(), settings);
    let csv = get(&app, "/en/zone/export.csv", None).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.body.matches("\r\n").count(),
        1 + 5,
        "a header and five rows"
    );
    let xlsx = get(&app, "/en/zone/export.xlsx", None).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let limited = get(&app, "/th/zone/export.csv", None).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("ลองหลายครั้งเกินไป"));
}

#[tokio::test]
async fn the_directory_function_bounds_its_arguments_like_the_page() {
    let db = common::database(true).await;
    let owner = Owner::new();
    owner.set();
    provide_context(db.clone());
    provide_context(vnext::db::Reads(db.clone()));
    let hostile = DirectoryQuery {
        page: 0,
        q: Some("棕".repeat(30_000)),
        exchange: Some("X".repeat(10_000)),
        ..DirectoryQuery::default()
    };
    let view = vnext::zone::api::fetch_directory(Lang::En, hostile)
        .await
        .expect("an answer, not a panic");
    assert_eq!(view.query.page, 1);
    assert!(view.query.q.unwrap().chars().count() <= 100);
    let last = DirectoryQuery {
        page: u32::MAX,
        ..DirectoryQuery::default()
    };
    let view = vnext::zone::api::fetch_directory(Lang::En, last)
        .await
        .unwrap();
    assert_eq!(view.query.page, view.pages);
}

#[tokio::test]
async fn sitemap_numbers_cannot_overflow() {
    let app = app_on(common::database(true).await);
    for file in [
        "18446744073709551615",
        "18446744073709551616",
        "1844674407370955",
        "0",
    ] {
        let reply = get(&app, &format!("/sitemaps/companies/{file}.xml"), None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{file}");
    }
}

#[tokio::test]
async fn reset_links_stay_secret_and_die_with_a_password_change() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "秘密公司", 44, "secret@example.com", true).await;
    server::create_staff(
        &db,
        Lang::En,
        Role::Operator,
        "ops1@vnext.example",
        PASSWORD,
        None,
        &Actor::cli(),
    )
    .await
    .unwrap();
    for _ in 0..2 {
        let forgot = post(
            &app,
            "/en/password/forgot",
            None,
            &[("email", "secret@example.com")],
        )
        .await;
        assert_eq!(forgot.status, StatusCode::SEE_OTHER);
    }
    let token = reset_token(&db, "secret@example.com").await;
    let ops = sign_in(&app, "ops1@vnext.example", PASSWORD).await;
    let console = get(&app, "/en/admin", Some(&ops)).await;
    assert_eq!(console.status, StatusCode::OK);
    assert!(
        !console.body.contains(&token),
        "an operator could take over the account"
    );
    assert!(!console.body.contains("token="));
    assert!(console.body.contains("single-use password link"));
    // The owner changes the password: links mailed before are dead.
    let session = sign_in(&app, "secret@example.com", PASSWORD).await;
    let new = "another long passphrase 2026";
    let changed = change_password(&app, &session, PASSWORD, new).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    let late = post(
        &app,
        "/en/password/reset",
        None,
        &[
            ("token", &token),
            ("password", "the attacker's choice 1"),
            ("password_confirm", "the attacker's choice 1"),
        ],
    )
    .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    sign_in(&app, "secret@example.com", new).await;
}

#[tokio::test]
async fn what_is_signed_in_is_never_stored_by_caches() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "缓存公司", 45, "cache@example.com", true).await;
    let token = sign_in(&app, "cache@example.com", PASSWORD).await;
    let no_store = |reply: &Reply| {
        reply
            .headers
            .get(header::CACHE_CONTROL)
            .is_some_and(|v| v == "no-store")
    };
    assert!(no_store(&get(&app, "/en/account", Some(&token)).await));
    assert!(no_store(&get(&app, "/en/zone", Some(&token)).await));
    let api = send(&app, request("POST", "/api/my_account", &[], "lang=En")).await;
    assert_eq!(api.status, StatusCode::OK);
    assert!(no_store(&api));
    assert!(
        !no_store(&get(&app, "/en/zone", None).await),
        "public pages stay cacheable"
    );
}

#[tokio::test]
async fn after_sign_in_only_a_path_on_this_site() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "跳转公司", 46, "next@example.com", true).await;
    for next in [
        "/\t/evil.example",
        "/\n/evil.example",
        "/en/zone\r\nSet-Cookie: a=b",
        "//evil.example",
    ] {
        let reply = post(
            &app,
            "/en/login",
            None,
            &[
                ("email", "next@example.com"),
                ("password", PASSWORD),
                ("next", next),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(reply.location(), "/en/account", "{next:?}");
    }
    let reply = post(
        &app,
        "/en/login",
        None,
        &[
            ("email", "next@example.com"),
            ("password", PASSWORD),
            ("next", "/th/zone?q=棕榈"),
        ],
    )
    .await;
    assert_eq!(reply.location(), "/th/zone?q=%E6%A3%95%E6%A6%88");
}

#[tokio::test]
async fn the_session_cookie_is_host_prefixed_over_https() {
    let db = common::database(true).await;
    enterprise(&db, "前缀公司", 47, "prefix@example.com", true).await;
    let set_cookie = |reply: &Reply| {
        reply
            .headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let https = app_on(db.clone());
    let reply = attempt_sign_in(&https, "en", "prefix@example.com", PASSWORD).await;
    let cookie = set_cookie(&reply);
    assert!(cookie.starts_with("__Host-vnext_session="), "{cookie}");
    assert!(cookie.contains("; Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"));
    let http = app_with(db.clone(), Settings::new(LOCAL));
    let cookie = set_cookie(&attempt_sign_in(&http, "en", "prefix@example.com", PASSWORD).await);
    assert!(
        cookie.starts_with("vnext_session=") && !cookie.contains("Secure"),
        "{cookie}"
    );
}

#[tokio::test]
async fn an_owner_sees_their_sessions_and_can_end_them_all() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "设备公司", 48, "devices@example.com", true).await;
    let laptop = sign_in(&app, "devices@example.com", PASSWORD).await;
    let phone = sign_in(&app, "devices@example.com", PASSWORD).await;
    let page = get(&app, "/en/account", Some(&laptop)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Where you are signed in"));
    assert_eq!(page.body.matches("this device").count(), 1);
    let ended = post(&app, "/en/account/sessions/end", Some(&laptop), &[]).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert_eq!(ended.location(), "/en/login?notice=signed-out-everywhere");
    assert!(signed_out(&app, &laptop).await && signed_out(&app, &phone).await);
}

#[tokio::test]
async fn an_operator_cannot_suspend_another_operator() {
    let db = common::database(true).await;
    let first = staff(&db, Role::Operator, "op-a@vnext.example", None).await;
    let second = staff(&db, Role::Operator, "op-b@vnext.example", None).await;
    let actor = Actor::account(first, "op-a@vnext.example", None);
    let refused = server::decide(&db, Lang::En, second, Decision::Suspend, &actor).await;
    assert!(matches!(refused, Err(Problem::Refused(_))), "{refused:?}");
    assert_eq!(status_of(&db, second).await, "verified");
}

#[tokio::test]
async fn a_partner_made_in_the_console_chooses_its_own_password_first() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    staff(&db, Role::Operator, "ops2@vnext.example", None).await;
    let ops = sign_in(&app, "ops2@vnext.example", PASSWORD).await;
    let created = post(
        &app,
        "/en/admin/partners",
        Some(&ops),
        &[
            ("exchange", "XKLS"),
            ("email", "desk@bursa.example"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let desk = sign_in(&app, "desk@bursa.example", PASSWORD).await;
    for path in ["/en/account", "/th/zone", "/en/admin"] {
        let reply = get(&app, path, Some(&desk)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            reply
                .location()
                .ends_with("/account/password?notice=set-password"),
            "{path}"
        );
    }
    let form = get(
        &app,
        "/en/account/password?notice=set-password",
        Some(&desk),
    )
    .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Choose your own before you continue"));
    let api = send(&app, {
        let mut r = request("POST", "/api/my_account", &[], "lang=En");
        r.headers_mut()
            .insert(header::COOKIE, format!("{COOKIE}={desk}").parse().unwrap());
        r
    })
    .await;
    assert!(
        !api.body.contains("desk@bursa.example"),
        "nothing else until then"
    );
    let own = "the desk's very own passphrase";
    let changed = change_password(&app, &desk, PASSWORD, own).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&app, "/en/account", Some(&desk)).await.status,
        StatusCode::OK
    );
}
