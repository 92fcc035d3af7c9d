#![cfg(feature = "ssr")]
//! Accounts and security over HTTP, as a browser posts forms: registration, the operator's
//! decisions, sessions, passwords, the access matrix, CSRF, rate limits and headers. Runs on
//! SQLite, and on PostgreSQL when `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, Utc};
use common::web::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use vnext::accounts::entity::{account, session};
use vnext::accounts::server;
use vnext::accounts::{Role, Status};
use vnext::i18n::Lang;
use vnext::platform::audit::Actor;
use vnext::platform::entity::audit;
use vnext::serve::Settings;
use vnext::ui::url::encode_component;

#[tokio::test]
async fn a_wrong_credit_code_is_explained_in_thai_and_nothing_typed_is_lost() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let mut r = registration("曼谷示例贸易有限公司", 1, "th-trade@example.com");
    let good = r.uscc.clone();
    let wrong_check = if good.ends_with('0') { '1' } else { '0' };
    r.uscc = format!("{}{wrong_check}", &good[..17]);
    let reply = post_owned(&app, "/th/register", None, &registration_form(&r)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let expected = good.chars().last().unwrap();
    let message =
        format!("ตัวอักษรสุดท้ายคือ \"{wrong_check}\" แต่จาก 17 ตัวแรก ตัวตรวจสอบต้องเป็น \"{expected}\"");
    let html_message = message.replace('"', "&quot;");
    assert!(
        reply.body.contains(&message) || reply.body.contains(&html_message),
        "Thai check-character message"
    );
    assert!(reply.body.contains("<html lang=\"th\""));
    assert!(
        reply.body.contains("曼谷示例贸易有限公司"),
        "typed values stay"
    );
    assert!(reply.body.contains("th-trade@example.com"));
    assert!(
        !reply.body.contains(PASSWORD),
        "passwords are never sent back"
    );
    assert_eq!(accounts_made(&db).await, 0);

    // A forbidden letter is named with its position.
    r.uscc = format!("{}I{}", &good[..4], &good[5..]);
    let reply = post_owned(&app, "/en/register", None, &registration_form(&r)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("Character 5 (&quot;I&quot;)")
            || reply.body.contains("Character 5 (\"I\")")
    );
}

#[tokio::test]
async fn an_enterprise_registers_is_verified_and_signs_in() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let operator = staff(&db, Role::Operator, "ops@vnext.example", None).await;
    let r = registration("深圳棕榈新能源有限公司", 2, "Li.Na@Example.com");
    let reply = post_owned(&app, "/zh/register", None, &registration_form(&r)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location(), "/zh/login?notice=registered");

    let saved = account::Entity::find()
        .filter(account::Column::Email.eq("li.na@example.com"))
        .one(&db)
        .await
        .unwrap()
        .expect("stored with a normalized address");
    assert_eq!(saved.status, "pending");
    assert!(saved.password_hash.starts_with("$argon2id$"));
    let mails = mails_to(&db, "li.na@example.com").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "我们已收到您的注册");
    assert!(mails[0].body.contains("深圳棕榈新能源有限公司"));

    // Pending: may sign in and follow the status, but no liaison contact yet.
    let token = sign_in(&app, "li.na@example.com", PASSWORD).await;
    let page = get(&app, "/zh/account", Some(&token)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("待审核") && page.body.contains(&r.uscc));
    assert!(
        page.body.contains("广东省"),
        "region read from the code's digits 44"
    );
    let symbol = listed_symbol(&db, "XKLS").await;
    let company = format!("/en/zone/XKLS/{symbol}");
    let before = get(&app, &company, Some(&token)).await;
    assert!(!before.body.contains("liaison-xkls@vnext.example"));

    // The operator verifies from the console.
    let ops = sign_in(&app, "ops@vnext.example", PASSWORD).await;
    let console = get(&app, "/en/admin", Some(&ops)).await;
    assert_eq!(console.status, StatusCode::OK);
    assert!(console.body.contains("li.na@example.com"));
    let verify = post(
        &app,
        &format!("/en/admin/accounts/{}/verify", saved.id),
        Some(&ops),
        &[],
    )
    .await;
    assert_eq!(verify.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&db, saved.id).await, "verified");
    let mails = mails_to(&db, "li.na@example.com").await;
    assert_eq!(mails.last().unwrap().subject, "您的企业已通过认证");
    let logged = audit::Entity::find()
        .filter(audit::Column::Action.eq("account.verify"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(logged.actor_id, Some(operator));
    assert_eq!(logged.actor, "ops@vnext.example");
    assert_eq!(logged.target, "li.na@example.com");

    let after = get(&app, &company, Some(&token)).await;
    assert!(after.body.contains("liaison-xkls@vnext.example"));
    let console = get(&app, "/en/admin", Some(&ops)).await;
    assert!(console.body.contains("account.verify") && console.body.contains("您的企业已通过认证"));
}

#[tokio::test]
async fn duplicates_are_refused_with_clear_messages() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "第一家公司", 3, "first@example.com", false).await;
    let mut r = registration("第二家公司", 3, "FIRST@example.com");
    let reply = post_owned(&app, "/en/register", None, &registration_form(&r)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains("An account with this email address already exists.")
    );
    assert!(
        reply
            .body
            .contains("An enterprise with this Unified Social Credit Code is already registered.")
    );
    r.password = "password".into();
    r.password_confirm = "password".into();
    r.email = "other@example.com".into();
    let reply = post_owned(&app, "/en/register", None, &registration_form(&r)).await;
    assert!(reply.body.contains("one of the most common passwords"));
    assert_eq!(accounts_made(&db).await, 1);
}

#[tokio::test]
async fn rejection_suspension_and_reinstatement() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    staff(&db, Role::Operator, "ops@vnext.example", None).await;
    let ops = sign_in(&app, "ops@vnext.example", PASSWORD).await;
    let rejected = enterprise(&db, "被驳回公司", 4, "no@example.com", false).await;
    let path = format!("/en/admin/accounts/{rejected}/reject");
    let without_reason = post(&app, &path, Some(&ops), &[("reason", " ")]).await;
    assert_eq!(without_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        without_reason
            .body
            .contains("Please give a reason for the rejection.")
    );
    assert_eq!(status_of(&db, rejected).await, "pending");
    let with_reason = post(&app, &path, Some(&ops), &[("reason", "营业执照已过期")]).await;
    assert_eq!(with_reason.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&db, rejected).await, "rejected");
    assert!(
        mails_to(&db, "no@example.com")
            .await
            .last()
            .unwrap()
            .body
            .contains("营业执照已过期")
    );
    let token = sign_in(&app, "no@example.com", PASSWORD).await;
    let page = get(&app, "/en/account", Some(&token)).await;
    assert!(page.body.contains("营业执照已过期"));

    let member = enterprise(&db, "正常公司", 5, "ok@example.com", true).await;
    let token = sign_in(&app, "ok@example.com", PASSWORD).await;
    let suspend = post(
        &app,
        &format!("/en/admin/accounts/{member}/suspend"),
        Some(&ops),
        &[],
    )
    .await;
    assert_eq!(suspend.status, StatusCode::SEE_OTHER);
    assert!(signed_out(&app, &token).await, "sessions end at once");
    let refused = attempt_sign_in(&app, "en", "ok@example.com", PASSWORD).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("This account is suspended."));
    // Verifying a suspended account is not a transition the console offers.
    let wrong = post(
        &app,
        &format!("/en/admin/accounts/{member}/verify"),
        Some(&ops),
        &[],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let back = post(
        &app,
        &format!("/en/admin/accounts/{member}/reinstate"),
        Some(&ops),
        &[],
    )
    .await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    sign_in(&app, "ok@example.com", PASSWORD).await;
    let subjects: Vec<String> = mails_to(&db, "ok@example.com")
        .await
        .into_iter()
        .map(|m| m.subject)
        .collect();
    assert_eq!(
        subjects.len(),
        4,
        "registered, verified, suspended, reinstated: {subjects:?}"
    );
}

/// Every route and server function × every kind of visitor.
#[tokio::test]
async fn access_matrix() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let a_id = enterprise(&db, "甲公司", 10, "a@example.com", true).await;
    let b_id = enterprise(&db, "乙公司", 11, "b@example.com", true).await;
    staff(&db, Role::Partner, "kl@partner.example", Some("XKLS")).await;
    staff(&db, Role::Partner, "bk@partner.example", Some("XBKK")).await;
    staff(&db, Role::Operator, "ops@vnext.example", None).await;
    let pending = enterprise(&db, "丙公司", 12, "c@example.com", false).await;
    let other = enterprise(&db, "丁公司", 13, "d@example.com", true).await;
    let emails = [
        "",
        "a@example.com",
        "b@example.com",
        "kl@partner.example",
        "bk@partner.example",
        "ops@vnext.example",
    ];
    let mut tokens: Vec<Option<String>> = vec![None];
    for email in &emails[1..] {
        tokens.push(Some(sign_in(&app, email, PASSWORD).await));
    }
    let kl = listed_symbol(&db, "XKLS").await;
    let bk = listed_symbol(&db, "XBKK").await;
    let batch = kl_batch(&db).await;
    // The company's investor relations e-mail goes wherever the liaison desk goes, no further.
    let kl_mail = stored(&db, "XKLS", &kl)
        .await
        .contact_email
        .expect("demo companies have an investor relations e-mail");

    const OK: u16 = 200;
    const MOVED: u16 = 303;
    const LOGIN: u16 = 302;
    const UNAUTH: u16 = 401;
    const NO: u16 = 403;
    const BAD: u16 = 422;
    const NONE: u16 = 404;
    const MALFORMED: u16 = 400;
    // Matchmaking: A's draft and published demands, and A's request to meet a Bursa company.
    let a_token = tokens[1].clone().unwrap();
    let op_token = tokens[5].clone().unwrap();
    let demand = |intent: &'static str| {
        let app = app.clone();
        let token = a_token.clone();
        async move {
            let fields = [
                ("kind", "technology"),
                ("industry", "energy"),
                ("title.en", "Battery recycling partner"),
                ("intent", intent),
            ];
            let reply = post(&app, "/en/demands/new", Some(&token), &fields).await;
            let location = reply
                .location()
                .split('?')
                .next()
                .unwrap_or_default()
                .to_owned();
            location.rsplit('/').next().unwrap().parse::<i32>().unwrap()
        }
    };
    let draft = demand("draft").await;
    let published = demand("submit").await;
    let publish = [("action", "publish")];
    post(
        &app,
        &format!("/en/demands/{published}"),
        Some(&op_token),
        &publish,
    )
    .await;
    let introduction = format!("/en/zone/XKLS/{}/introduction", encode_component(&kl));
    let asked = [("purpose", "technology"), ("message", "Hello")];
    let reply = post(&app, &introduction, Some(&a_token), &asked).await;
    let case = reply
        .location()
        .split('?')
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    // Readiness: A's evaluation, every statement answered "planned".
    let answered: Vec<(&str, &str)> = vnext::readiness::FIELDS
        .iter()
        .map(|f| (*f, "planned"))
        .collect();
    let reply = post(&app, "/en/readiness/new", Some(&a_token), &answered).await;
    let assessment = reply
        .location()
        .split('?')
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let liaison_kl = format!("mic=XKLS&symbol={}", encode_component(&kl));
    let liaison_bk = format!("mic=XBKK&symbol={}", encode_component(&bk));
    //                      method  path                                     body                     anon    A      B      KL     BK     OP
    let rows: Vec<(&str, String, String, [u16; 6])> = vec![
        (
            "GET",
            "/en/zone".into(),
            String::new(),
            [OK, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            format!("/en/zone/XKLS/{kl}"),
            String::new(),
            [OK, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            "/en/account".into(),
            String::new(),
            [LOGIN, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            "/en/account/password".into(),
            String::new(),
            [LOGIN, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            "/en/admin".into(),
            String::new(),
            [LOGIN, NO, NO, NO, NO, OK],
        ),
        (
            "POST",
            "/api/console".into(),
            "lang=En".into(),
            [UNAUTH, NO, NO, NO, NO, OK],
        ),
        (
            "POST",
            "/api/liaison".into(),
            liaison_kl,
            [UNAUTH, OK, OK, OK, NO, OK],
        ),
        (
            "POST",
            "/api/liaison".into(),
            liaison_bk,
            [UNAUTH, OK, OK, NO, OK, OK],
        ),
        (
            "POST",
            "/api/my_account".into(),
            "lang=En".into(),
            [OK, OK, OK, OK, OK, OK],
        ),
        (
            "POST",
            "/en/account/password".into(),
            "current_password=wrong&password=x&password_confirm=x".into(),
            [LOGIN, BAD, BAD, BAD, BAD, BAD],
        ),
        (
            "POST",
            format!("/en/admin/accounts/{other}/suspend"),
            String::new(),
            [UNAUTH, NO, NO, NO, NO, MOVED],
        ),
        (
            "POST",
            format!("/en/admin/accounts/{other}/reinstate"),
            String::new(),
            [UNAUTH, NO, NO, NO, NO, MOVED],
        ),
        (
            "POST",
            format!("/en/admin/accounts/{pending}/verify"),
            String::new(),
            [UNAUTH, NO, NO, NO, NO, MOVED],
        ),
        (
            "POST",
            "/en/admin/partners".into(),
            format!(
                "exchange=XSES&email=sg%40partner.example&password={}",
                encode_component(PASSWORD)
            ),
            [UNAUTH, NO, NO, NO, NO, MOVED],
        ),
        (
            "GET",
            "/en/zone/export.csv?exchange=XKLS".into(),
            String::new(),
            [OK, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            "/en/zone/export.xlsx?exchange=XBKK".into(),
            String::new(),
            [OK, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            "/en/partner".into(),
            String::new(),
            [LOGIN, NO, NO, OK, OK, NO],
        ),
        (
            "GET",
            "/en/partner?exchange=XKLS".into(),
            String::new(),
            [LOGIN, NO, NO, OK, OK, OK],
        ),
        (
            "POST",
            "/api/partner-workspace".into(),
            "lang=En".into(),
            [UNAUTH, NO, NO, OK, OK, NO],
        ),
        (
            "GET",
            format!("/en/partner/imports/{batch}"),
            String::new(),
            [LOGIN, NO, NO, OK, NONE, OK],
        ),
        (
            "POST",
            "/api/partner-import".into(),
            format!("lang=En&id={batch}"),
            [UNAUTH, NO, NO, OK, OK, OK],
        ),
        (
            "GET",
            format!("/en/partner/imports/{batch}/files/0"),
            String::new(),
            [UNAUTH, NO, NO, OK, NONE, OK],
        ),
        (
            "POST",
            format!("/en/partner/imports/{batch}/decide"),
            "encoding=UTF-8".into(),
            [UNAUTH, NO, NO, MOVED, NONE, MOVED],
        ),
        (
            "POST",
            format!("/en/partner/imports/{batch}/undo"),
            String::new(),
            [UNAUTH, NO, NO, BAD, NONE, BAD],
        ),
        (
            "POST",
            "/en/partner/imports".into(),
            "file=x".into(),
            [UNAUTH, NO, NO, MALFORMED, MALFORMED, MALFORMED],
        ),
        (
            "POST",
            "/en/partner/tokens".into(),
            "name=ci".into(),
            [UNAUTH, NO, NO, OK, OK, NO],
        ),
        (
            "POST",
            "/en/partner/tokens/999999/revoke".into(),
            String::new(),
            [UNAUTH, NO, NO, NONE, NONE, NO],
        ),
        (
            "POST",
            "/api/v1/listings/import?dry_run=true".into(),
            "symbol,name".into(),
            [UNAUTH; 6],
        ),
        ("GET", "/api/v1/listings".into(), String::new(), [UNAUTH; 6]),
        ("GET", "/en/demands".into(), String::new(), [OK; 6]),
        (
            "GET",
            format!("/en/demands/{published}"),
            String::new(),
            [OK; 6],
        ),
        (
            "GET",
            format!("/en/demands/{draft}"),
            String::new(),
            [NONE, OK, NONE, NONE, NONE, OK],
        ),
        (
            "GET",
            "/en/demands/new".into(),
            String::new(),
            [LOGIN, OK, OK, OK, OK, NO],
        ),
        (
            "POST",
            "/en/demands/new".into(),
            "kind=nonsense&intent=draft".into(),
            [UNAUTH, BAD, BAD, BAD, BAD, NO],
        ),
        (
            "GET",
            format!("/en/demands/{draft}/edit"),
            String::new(),
            [LOGIN, OK, NONE, NONE, NONE, NO],
        ),
        (
            "POST",
            format!("/en/demands/{draft}"),
            "action=publish".into(),
            [UNAUTH, BAD, NONE, NONE, NONE, BAD],
        ),
        (
            "POST",
            format!("/en/demands/{draft}/edit"),
            "kind=technology&industry=energy&title.en=Changed".into(),
            [UNAUTH, MOVED, NONE, NONE, NONE, NO],
        ),
        (
            "GET",
            introduction.clone(),
            String::new(),
            [LOGIN, OK, OK, NO, NO, NO],
        ),
        (
            "POST",
            introduction.clone(),
            String::new(),
            [UNAUTH, BAD, BAD, NO, NO, NO],
        ),
        (
            "GET",
            "/en/cases".into(),
            String::new(),
            [LOGIN, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            format!("/en/cases/{case}"),
            String::new(),
            [LOGIN, OK, NONE, NONE, NONE, OK],
        ),
        (
            "POST",
            format!("/en/cases/{case}"),
            "do=step&step=accept".into(),
            [UNAUTH, BAD, NONE, NONE, NONE, BAD],
        ),
        (
            "POST",
            format!("/en/cases/{case}"),
            "do=message&body=Hello".into(),
            [UNAUTH, MOVED, NONE, NONE, NONE, MOVED],
        ),
        (
            "GET",
            "/en/cases/export.csv".into(),
            String::new(),
            [UNAUTH, NO, NO, NO, NO, OK],
        ),
        (
            "GET",
            "/en/cases/export.xlsx".into(),
            String::new(),
            [UNAUTH, NO, NO, NO, NO, OK],
        ),
        (
            "POST",
            "/api/demand-board".into(),
            "lang=En".into(),
            [OK; 6],
        ),
        (
            "POST",
            "/api/demand".into(),
            format!("lang=En&id={draft}"),
            [OK; 6],
        ),
        (
            "POST",
            "/api/demand-form".into(),
            "lang=En".into(),
            [UNAUTH, OK, OK, OK, OK, NO],
        ),
        (
            "POST",
            "/api/introduction".into(),
            format!("lang=En&mic=XKLS&symbol={}", encode_component(&kl)),
            [UNAUTH, OK, OK, NO, NO, NO],
        ),
        (
            "POST",
            "/api/case".into(),
            format!("lang=En&id={case}"),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        (
            "POST",
            "/api/desk".into(),
            "lang=En".into(),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        (
            "POST",
            "/api/liaison-figures".into(),
            String::new(),
            [OK; 6],
        ),
        (
            "GET",
            format!("/en/demands/{published}/matches"),
            String::new(),
            [LOGIN, OK, NONE, NONE, NONE, OK],
        ),
        (
            "GET",
            format!("/en/zone/XKLS/{}/matches", encode_component(&kl)),
            String::new(),
            [LOGIN, NONE, NONE, OK, NONE, OK],
        ),
        (
            "POST",
            "/api/demand-matches".into(),
            format!("lang=En&id={published}"),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        (
            "POST",
            "/api/company-matches".into(),
            format!("lang=En&mic=XKLS&symbol={}", encode_component(&kl)),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            "/en/readiness".into(),
            String::new(),
            [LOGIN, OK, OK, NONE, NONE, OK],
        ),
        (
            "GET",
            "/en/readiness/new".into(),
            String::new(),
            [LOGIN, OK, OK, NONE, NONE, NONE],
        ),
        (
            "GET",
            format!("/en/readiness/{assessment}"),
            String::new(),
            [LOGIN, OK, NONE, NONE, NONE, OK],
        ),
        (
            "POST",
            "/en/readiness/new".into(),
            "governance-1=none".into(),
            [UNAUTH, BAD, BAD, NO, NO, NO],
        ),
        (
            "POST",
            "/api/readiness".into(),
            "lang=En".into(),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        (
            "POST",
            "/api/readiness-assessment".into(),
            format!("lang=En&id={assessment}"),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        (
            "POST",
            "/api/readiness-assessed".into(),
            "lang=En&page=1".into(),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        (
            "POST",
            "/api/readiness-questionnaire".into(),
            "lang=En".into(),
            [UNAUTH, OK, OK, OK, OK, OK],
        ),
        // Last: it commits, so the undo above saw a preview.
        (
            "POST",
            format!("/en/partner/imports/{batch}/commit"),
            String::new(),
            [UNAUTH, NO, NO, MOVED, NONE, BAD],
        ),
        ("GET", "/sitemap.xml".into(), String::new(), [OK; 6]),
        ("GET", "/robots.txt".into(), String::new(), [OK; 6]),
        // Last: it ends the sessions of whoever sends it.
        (
            "POST",
            "/en/account/sessions/end".into(),
            String::new(),
            [LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED],
        ),
    ];
    let mut failures = Vec::new();
    for (method, path, body, expected) in &rows {
        for (who, token) in tokens.iter().enumerate() {
            let mut request = Request::builder().method(*method).uri(path.as_str());
            if *method == "POST" {
                request = request
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header("sec-fetch-site", "same-origin");
            }
            if let Some(token) = token {
                request = request.header(header::COOKIE, format!("{COOKIE}={token}"));
            }
            let reply = send(&app, request.body(Body::from(body.clone())).unwrap()).await;
            let status = reply.status.as_u16();
            // The anonymous POST of a password form is sent to sign in like any page.
            let expected = if expected[who] == LOGIN && *method == "POST" {
                MOVED
            } else {
                expected[who]
            };
            if status != expected {
                failures.push(format!(
                    "{method} {path} as {:?}: {status}, expected {expected}",
                    emails[who]
                ));
            }
            if status == OK && path.as_str() == "/en/account" {
                let own = emails[who];
                let other = if own == "a@example.com" {
                    "b@example.com"
                } else {
                    "a@example.com"
                };
                if !reply.body.contains(own) || reply.body.contains(other) {
                    failures.push(format!("/en/account as {own} shows someone else's data"));
                }
            }
            // A server function answers `null` for what the caller may not see.
            let sees = match path.as_str() {
                // A's draft, A's request, A's demand's matches, A's evaluation.
                "/api/case"
                | "/api/demand"
                | "/api/demand-matches"
                | "/api/readiness-assessment" => Some([false, true, false, false, false, true]),
                "/api/company-matches" => Some([false, false, false, true, false, true]),
                "/api/readiness" | "/api/readiness-questionnaire" => {
                    Some([false, true, true, false, false, false])
                }
                "/api/readiness-assessed" => Some([false, false, false, false, false, true]),
                _ => None,
            };
            if let Some(sees) = sees.filter(|_| status == OK) {
                let sees = sees[who];
                if (reply.body.trim() != "null") != sees {
                    failures.push(format!(
                        "{path} as {:?} answered {}",
                        emails[who], reply.body
                    ));
                }
            }
            let company_page = !path.ends_with("/introduction") && !path.ends_with("/matches");
            if path.starts_with("/en/zone/XKLS/") && company_page {
                let shown = reply.body.contains("liaison-xkls@vnext.example");
                let mail_shown = reply.body.contains(&kl_mail);
                let allowed = [false, true, true, true, false, true][who];
                if shown != allowed || mail_shown != allowed {
                    failures.push(format!(
                        "{path} as {:?}: liaison shown = {shown}, company e-mail shown = {mail_shown}",
                        emails[who]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(status_of(&db, pending).await, "verified");
    assert_eq!(status_of(&db, other).await, "verified");
    assert_eq!(status_of(&db, a_id).await, "verified");
    assert_eq!(status_of(&db, b_id).await, "verified");
}

#[tokio::test]
async fn sessions_are_renewed_at_sign_in_and_destroyed_at_sign_out() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "会话公司", 20, "s@example.com", true).await;
    let first = sign_in(&app, "s@example.com", PASSWORD).await;
    assert_eq!(first.len(), 64);
    // Signing in while holding a session (perhaps one planted by an attacker) replaces it.
    let again = post(
        &app,
        "/en/login",
        Some(&first),
        &[("email", "s@example.com"), ("password", PASSWORD)],
    )
    .await;
    let second = again.session().unwrap();
    assert_ne!(first, second);
    assert!(is_sign_in_redirect(
        &get(&app, "/en/account", Some(&first)).await
    ));
    assert_eq!(
        get(&app, "/en/account", Some(&second)).await.status,
        StatusCode::OK
    );
    // Only a digest of the token is stored.
    assert!(
        session::Entity::find_by_id(second.clone())
            .one(&db)
            .await
            .unwrap()
            .is_none()
    );

    let cookie = again
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }

    let out = post(&app, "/en/logout", Some(&second), &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(
        out.headers
            .get(header::SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert!(
        signed_out(&app, &second).await,
        "a signed-out id is useless"
    );
    assert_eq!(session::Entity::find().count(&db).await.unwrap(), 0);
}

#[tokio::test]
async fn idle_and_absolute_timeouts() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "超时公司", 21, "t@example.com", true).await;
    let idle = sign_in(&app, "t@example.com", PASSWORD).await;
    let old = Utc::now() - Duration::minutes(31);
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenAt, old.into())
        .exec(&db)
        .await
        .unwrap();
    assert!(is_sign_in_redirect(
        &get(&app, "/en/account", Some(&idle)).await
    ));
    assert_eq!(
        session::Entity::find().count(&db).await.unwrap(),
        0,
        "expired sessions are deleted"
    );

    let busy = sign_in(&app, "t@example.com", PASSWORD).await;
    session::Entity::update_many()
        .col_expr(
            session::Column::CreatedAt,
            (Utc::now() - Duration::hours(13)).into(),
        )
        .exec(&db)
        .await
        .unwrap();
    assert!(signed_out(&app, &busy).await, "however active");

    // Not secure without TLS: the cookie has no Secure flag then.
    let plain = app_with(db.clone(), Settings::new("http://127.0.0.1:3000"));
    let reply = attempt_sign_in(&plain, "en", "t@example.com", PASSWORD).await;
    let cookie = reply
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        !cookie.contains("Secure") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
}

#[tokio::test]
async fn two_app_instances_share_a_signed_in_session() {
    let (first_db, second_db) = common::database_pair().await;
    let first = app_on(first_db.clone());
    let second = app_on(second_db);
    enterprise(&first_db, "双实例公司", 22, "two@example.com", true).await;
    let token = sign_in(&first, "two@example.com", PASSWORD).await;
    let page = get(&second, "/en/account", Some(&token)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("two@example.com"));
    post(&second, "/en/logout", Some(&token), &[]).await;
    assert!(is_sign_in_redirect(
        &get(&first, "/en/account", Some(&token)).await
    ));
}

#[tokio::test]
async fn password_reset_by_single_use_token() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "重置公司", 23, "r@example.com", true).await;
    let session_before = sign_in(&app, "r@example.com", PASSWORD).await;
    let unknown = post(
        &app,
        "/ms/password/forgot",
        None,
        &[("email", "nobody@example.com")],
    )
    .await;
    let known = post(
        &app,
        "/ms/password/forgot",
        None,
        &[("email", "r@example.com")],
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.location()),
        (known.status, known.location()),
        "no account enumeration"
    );
    assert!(mails_to(&db, "nobody@example.com").await.is_empty());
    let mail = mails_to(&db, "r@example.com").await.pop().unwrap();
    // The recipient registered in Chinese: the email is in Chinese, whatever page asked.
    assert_eq!(mail.subject, "重置您的密码");
    assert!(
        mail.body
            .contains("https://zone.example/zh/password/reset?token="),
        "a link"
    );
    let token = reset_token(&db, "r@example.com").await;
    assert_eq!(token.len(), 64);
    let form = get(&app, &format!("/zh/password/reset?token={token}"), None).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(&token));

    let new = "a new passphrase that is long enough";
    let mismatch = post(
        &app,
        "/en/password/reset",
        None,
        &[
            ("token", &token),
            ("password", new),
            ("password_confirm", "other"),
        ],
    )
    .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mismatch.body.contains("The two passwords do not match."));
    let done = post(
        &app,
        "/en/password/reset",
        None,
        &[
            ("token", &token),
            ("password", new),
            ("password_confirm", new),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(
        signed_out(&app, &session_before).await,
        "every session ends"
    );
    let old = attempt_sign_in(&app, "en", "r@example.com", PASSWORD).await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    sign_in(&app, "r@example.com", new).await;
    let reuse = post(
        &app,
        "/en/password/reset",
        None,
        &[
            ("token", &token),
            ("password", "yet another passphrase"),
            ("password_confirm", "yet another passphrase"),
        ],
    )
    .await;
    assert_eq!(reuse.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reuse.body.contains("it has expired or was already used"));
}

#[tokio::test]
async fn password_change_keeps_this_session_and_ends_the_others() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "改密公司", 24, "p@example.com", true).await;
    let here = sign_in(&app, "p@example.com", PASSWORD).await;
    let elsewhere = sign_in(&app, "p@example.com", PASSWORD).await;
    let long = "海上丝绸之路 partners from Penang to Shenzhen, with many more words than sixty-four characters";
    assert!(long.chars().count() > 64);
    let wrong = change_password(&app, &here, "nope", long).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("The current password is not correct."));
    let done = change_password(&app, &here, PASSWORD, long).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&app, "/en/account", Some(&here)).await.status,
        StatusCode::OK
    );
    assert!(is_sign_in_redirect(
        &get(&app, "/en/account", Some(&elsewhere)).await
    ));
    sign_in(&app, "p@example.com", long).await;
    // Nothing was truncated: the same passphrase short of its last character fails.
    let shorter = &long[..long.len() - 1];
    let reply = attempt_sign_in(&app, "en", "p@example.com", shorter).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let login = form_body(&[("email", "x@example.com"), ("password", PASSWORD)]);
    let attempt = |headers: Vec<(&'static str, &'static str)>| {
        let mut request = Request::post("/th/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "zone.example");
        for (name, value) in headers {
            request = request.header(name, value);
        }
        request.body(Body::from(login.clone())).unwrap()
    };
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
        vec![("origin", "https://evil.example")],
        vec![],
    ] {
        let reply = send(&app, attempt(headers.clone())).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(
            reply.body.contains("คำขอนี้ไม่ได้มาจากหน้าเว็บของ V-Next Zone"),
            "localized"
        );
    }
    // The site's own origin passes the check (and then fails on the credentials).
    let ours = send(&app, attempt(vec![("origin", "https://zone.example")])).await;
    assert_eq!(ours.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Server functions are state-changing requests too.
    let api = Request::post("/api/my_account")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from("lang=En"))
        .unwrap();
    assert_eq!(send(&app, api).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        audit::Entity::find().count(&db).await.unwrap(),
        1,
        "only the one same-origin failure"
    );
}

#[tokio::test]
async fn sign_in_and_reset_are_rate_limited() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "限流公司", 25, "l@example.com", true).await;
    for _ in 0..10 {
        let reply = attempt_sign_in(&app, "th", "l@example.com", "wrong guess 1234").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let limited = attempt_sign_in(&app, "th", "l@example.com", PASSWORD).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("ลองหลายครั้งเกินไป"));
    assert!(
        limited.session().is_none(),
        "not even the right password gets through"
    );
    // Another account from the same address is not affected by this account's limit.
    enterprise(&db, "别家公司", 26, "m@example.com", true).await;
    sign_in(&app, "m@example.com", PASSWORD).await;

    for _ in 0..3 {
        let reply = post(
            &app,
            "/en/password/forgot",
            None,
            &[("email", "l@example.com")],
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let limited = post(
        &app,
        "/en/password/forgot",
        None,
        &[("email", "l@example.com")],
    )
    .await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("Too many attempts."));
}

#[tokio::test]
async fn limits_per_address_behind_a_trusted_proxy() {
    let db = common::database(true).await;
    let mut settings = settings();
    settings.protection.trusted_proxies = 1;
    settings.protection.limits.register_per_ip.max = 2;
    let app = app_with(db.clone(), settings);
    let attempt = |ip: &'static str| {
        Request::post("/en/register")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .header("x-forwarded-for", ip)
            .body(Body::from("name_zh=x"))
            .unwrap()
    };
    assert_eq!(
        send(&app, attempt("203.0.113.1")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        send(&app, attempt("203.0.113.1")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        send(&app, attempt("203.0.113.1")).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        send(&app, attempt("198.51.100.7")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let page = get(&app, "/en/zone", None).await;
    let csp = page
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_owned();
    assert!(nonce.len() >= 16, "{csp}");
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let scripts = page.body.matches("<script").count();
    let with_nonce = page.body.matches(&format!("nonce=\"{nonce}\"")).count();
    assert!(scripts > 0);
    // Every executable inline script carries the nonce; JSON-LD data blocks need none.
    assert_eq!(
        scripts - page.body.matches("application/ld+json").count(),
        with_nonce,
        "{}",
        page.body
    );
    let again = get(&app, "/en/zone", None).await;
    assert!(
        !again.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains(&nonce),
        "fresh per response"
    );

    for path in [
        "/en/zone",
        "/robots.txt",
        "/en/nowhere",
        "/en/zone/export.csv",
    ] {
        let reply = get(&app, path, None).await;
        let h = &reply.headers;
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            h["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(
            h["strict-transport-security"]
                .to_str()
                .unwrap()
                .contains("max-age="),
            "{path}"
        );
    }
    let plain = app_with(db, Settings::new("http://127.0.0.1:3000"));
    assert!(
        get(&plain, "/en/zone", None)
            .await
            .headers
            .get("strict-transport-security")
            .is_none(),
        "HSTS only with TLS"
    );

    let huge = "x".repeat(vnext::serve::BODY_LIMIT + 1);
    let reply = post(&app, "/en/login", None, &[("email", &huge)]).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn staff_accounts_need_a_known_exchange_and_a_strong_password() {
    let db = common::database(true).await;
    let actor = Actor::cli();
    let bad = server::create_staff(
        &db,
        Lang::En,
        Role::Partner,
        "p@x.example",
        PASSWORD,
        Some("XXXX"),
        &actor,
    )
    .await;
    assert!(matches!(bad, Err(server::Problem::Fields(ref f)) if f[0].0 == "exchange"));
    let weak = server::create_staff(
        &db,
        Lang::En,
        Role::Operator,
        "o@x.example",
        "qwerty123",
        None,
        &actor,
    )
    .await;
    assert!(matches!(weak, Err(server::Problem::Fields(ref f)) if f[0].0 == "password"));
    let ok = server::create_staff(
        &db,
        Lang::En,
        Role::Partner,
        "P@X.example",
        PASSWORD,
        Some("xkls"),
        &actor,
    )
    .await
    .unwrap();
    assert_eq!(
        (
            ok.email.as_str(),
            ok.exchange_mic.as_deref(),
            ok.status.as_str()
        ),
        ("p@x.example", Some("XKLS"), Status::Verified.code())
    );
    let twice = server::create_staff(
        &db,
        Lang::En,
        Role::Operator,
        "p@x.example",
        PASSWORD,
        None,
        &actor,
    )
    .await;
    assert!(twice.is_err());
}

/// `vnext admin …`, run as an operator would, on a scratch SQLite file.
#[tokio::test]
async fn command_line_administration() {
    let url = common::cli::scratch_sqlite("cli");
    let admin = |args: &[&str], stdin: &str| {
        let run = common::cli::admin(&url, args, stdin);
        (run.ok, run.text())
    };
    let line = format!("{PASSWORD}\n");
    let (ok, text) = admin(
        &[
            "create-operator",
            "--email",
            "Ops@Example.org",
            "--password-stdin",
        ],
        &line,
    );
    assert!(ok, "{text}");
    assert!(text.contains("created operator account ops@example.org"));
    let (ok, _) = admin(
        &[
            "create-operator",
            "--email",
            "ops@example.org",
            "--password-stdin",
        ],
        &line,
    );
    assert!(!ok, "one account per address");
    let (ok, text) = admin(
        &[
            "create-operator",
            "--email",
            "weak@example.org",
            "--password-stdin",
        ],
        "password1\n",
    );
    assert!(!ok && text.contains("most common passwords"), "{text}");
    let (ok, text) = admin(
        &[
            "create-partner",
            "--exchange",
            "XKLS",
            "--email",
            "desk@bursa.example",
            "--password-stdin",
        ],
        &line,
    );
    assert!(ok, "{text}");
    let (ok, _) = admin(
        &[
            "create-partner",
            "--exchange",
            "XXXX",
            "--email",
            "x@bursa.example",
            "--password-stdin",
        ],
        &line,
    );
    assert!(!ok, "unknown exchange");
    let (ok, _) = admin(&["create-operator", "--email", "x@example.org"], "");
    assert!(!ok, "the password only ever comes from stdin");

    let db = vnext::db::connect(&url).await.unwrap();
    let pending = enterprise(&db, "命令行公司", 30, "cli@example.com", false).await;
    let (ok, text) = admin(&["verify-enterprise", "--email", "CLI@example.com"], "");
    assert!(ok, "{text}");
    assert_eq!(status_of(&db, pending).await, "verified");
    let (ok, _) = admin(&["verify-enterprise", "--email", "ops@example.org"], "");
    assert!(!ok, "only enterprises are verified");

    // The passphrase was stored exactly: it signs in.
    let app = app_on(db.clone());
    sign_in(&app, "ops@example.org", PASSWORD).await;
    let actions: Vec<String> = audit::Entity::find()
        .filter(audit::Column::Actor.eq("cli"))
        .order_by_asc(audit::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    // The registration is the test's own, through the library.
    assert_eq!(
        actions,
        [
            "operator.create",
            "partner.create",
            "enterprise.register",
            "account.verify"
        ]
    );
}

#[tokio::test]
async fn the_console_pages_each_section() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    staff(&db, Role::Operator, "pages@vnext.example", None).await;
    for seed in 0..30 {
        enterprise(
            &db,
            "分页公司",
            300 + seed,
            &format!("p{seed}@example.com"),
            false,
        )
        .await;
    }
    let ops = sign_in(&app, "pages@vnext.example", PASSWORD).await;
    let rows = |body: &str| body.matches("<tr data-email=\"p").count();
    let first = get(&app, "/en/admin", Some(&ops)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first
            .body
            .contains("Registrations waiting for verification (30)")
    );
    assert_eq!(rows(&first.body), 25, "one page of the pending section");
    assert!(first.body.contains("Page 1 of 2"));
    // The newest registration comes first; the oldest is on the second page.
    assert!(first.body.contains("p29@example.com") && !first.body.contains("\"p0@example.com\""));
    let second = get(&app, "/en/admin?pending=2&audit=9", Some(&ops)).await;
    assert_eq!(rows(&second.body), 5);
    assert!(second.body.contains("\"p0@example.com\""));
    assert!(second.body.contains("Page 2 of 2"));
    // A page past the end shows the last one; nonsense shows the first.
    let past = get(&app, "/en/admin?pending=99", Some(&ops)).await;
    assert_eq!(rows(&past.body), 5);
    let nonsense = get(&app, "/en/admin?pending=-1&outbox=x", Some(&ops)).await;
    assert_eq!(rows(&nonsense.body), 25);
}

/// A preview batch of Bursa Malaysia's partner, for the matrix.
async fn kl_batch(db: &sea_orm::DatabaseConnection) -> i32 {
    use vnext::listings::batches::{self, Decisions, Sender, Upload};
    let actor = Actor::cli();
    let sender = Sender {
        exchange_mic: "XKLS",
        actor: &actor,
        channel: "web",
    };
    let csv = "Stock Code,Company Name,Market,Industry\n7113,Top Glove Corporation Bhd,Main,Health Care\n";
    let upload = Upload {
        files: vec![("bursa.csv".into(), csv.as_bytes().to_vec())],
        full_list: false,
        decisions: Decisions::default(),
    };
    batches::create(db, &sender, upload).await.unwrap()
}
