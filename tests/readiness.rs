//! The readiness evaluation over HTTP, as a browser posts it: an enterprise takes it, reads its
//! scores, chart and next steps in Thai, takes it again and sees what moved; a questionnaire
//! left half done is refused statement by statement and stores nothing; operators see every
//! enterprise's, other accounts none. Runs on SQLite, and on PostgreSQL when
//! `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use axum::http::StatusCode;
use common::web::{PASSWORD, app_on, enterprise, get, post, sign_in, staff};
use sea_orm::{EntityTrait, PaginatorTrait};
use vnext::accounts::Role;
use vnext::readiness::FIELDS;
use vnext::readiness::entity::assessment;

/// Every statement answered: the first dimension's four with `first`, the rest with `rest`.
fn answers<'a>(first: [&'a str; 4], rest: &'a str) -> Vec<(&'static str, &'a str)> {
    FIELDS
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, if i < 4 { first[i] } else { rest }))
        .collect()
}

fn id_in(location: &str) -> i32 {
    let path = location.split('?').next().unwrap();
    path.rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn an_enterprise_takes_it_reads_its_next_steps_in_thai_and_compares_a_retake() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "甲出海有限公司", 41, "a@example.com", true).await;
    let a = sign_in(&app, "a@example.com", PASSWORD).await;

    // Governance weak (none, planned, partly, none: 3 of 12), the rest fully in place.
    let first = answers(["none", "planned", "partly", "none"], "fully");
    let reply = post(&app, "/th/readiness/new", Some(&a), &first).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(reply.location().ends_with("?notice=readiness-taken"));
    let one = id_in(reply.location());
    let page = get(&app, reply.location(), Some(&a)).await;
    assert_eq!(page.status, StatusCode::OK);
    let th = |key: &str| vnext::i18n::tr(vnext::i18n::Lang::Th, key);
    assert!(
        page.body.contains("<svg"),
        "the chart is drawn on the server"
    );
    assert!(page.body.contains(&th("notice-readiness-taken")));
    for step in ["governance-1", "governance-2", "governance-4"] {
        let text = th(&format!("readiness-step-{step}"));
        assert!(page.body.contains(&text), "{step}: {text}");
    }
    let partly = th("readiness-step-governance-3");
    assert!(
        !page.body.contains(&partly),
        "partly in place needs no step"
    );
    assert!(
        !page.body.contains(&th("readiness-step-finance-1")),
        "not weak"
    );
    assert!(page.body.contains(&th("readiness-first-take")));

    // The retake starts from the last answers, and compares with them.
    let form = get(&app, "/th/readiness/new", Some(&a)).await;
    assert!(
        form.body
            .contains(r#"name="governance-3" value="partly" checked"#),
        "{}",
        form.body
    );
    let second = answers(["fully", "fully", "partly", "partly"], "fully");
    let reply = post(&app, "/en/readiness/new", Some(&a), &second).await;
    let two = id_in(reply.location());
    let page = get(&app, &format!("/en/readiness/{two}"), Some(&a)).await;
    // Governance: 3 of 12 (25) before, 10 of 12 (83) now.
    assert!(
        page.body.contains(">83<") && page.body.contains(">+58<"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Overall 97 / 100"));
    assert!(
        page.body.contains("85 / 100 on"),
        "the take before: (25 + 4 × 100) / 5"
    );
    assert!(page.body.contains("No area is below 60"));
    let mine = get(&app, "/en/readiness", Some(&a)).await;
    assert!(mine.body.contains(&format!("/en/readiness/{one}")));
    assert!(mine.body.contains(&format!("/en/readiness/{two}")));
    assert_eq!(assessment::Entity::find().count(&db).await.unwrap(), 2);
}

#[tokio::test]
async fn a_half_answered_questionnaire_names_each_statement_left_out_and_stores_nothing() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    enterprise(&db, "乙出海有限公司", 42, "b@example.com", true).await;
    let b = sign_in(&app, "b@example.com", PASSWORD).await;
    let mut half = answers(["fully", "fully", "fully", "fully"], "planned");
    half.truncate(10);
    half.push(("esg-1", "enormous"));
    let reply = post(&app, "/ms/readiness/new", Some(&b), &half).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = vnext::i18n::tr(vnext::i18n::Lang::Ms, "readiness-error-answer");
    assert_eq!(
        reply.body.matches(&message).count(),
        10,
        "ten unanswered or unknown"
    );
    assert!(
        reply
            .body
            .contains(r#"name="governance-1" value="fully" checked"#),
        "kept"
    );
    assert_eq!(assessment::Entity::find().count(&db).await.unwrap(), 0);
}

#[tokio::test]
async fn operators_see_every_enterprises_evaluations_and_nobody_else_does() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let c_id = enterprise(&db, "丙出海有限公司", 43, "c@example.com", true).await;
    enterprise(&db, "丁出海有限公司", 44, "d@example.com", true).await;
    staff(&db, Role::Partner, "kl@partner.example", Some("XKLS")).await;
    staff(&db, Role::Operator, "ops@vnext.example", None).await;
    let c = sign_in(&app, "c@example.com", PASSWORD).await;
    let d = sign_in(&app, "d@example.com", PASSWORD).await;
    let kl = sign_in(&app, "kl@partner.example", PASSWORD).await;
    let op = sign_in(&app, "ops@vnext.example", PASSWORD).await;
    let reply = post(
        &app,
        "/zh/readiness/new",
        Some(&c),
        &answers(["none"; 4], "partly"),
    )
    .await;
    let id = id_in(reply.location());

    let list = get(&app, "/zh/readiness", Some(&op)).await;
    assert!(list.body.contains("丙出海有限公司"), "{}", list.body);
    assert!(
        list.body
            .contains(&format!("/zh/readiness?enterprise={c_id}"))
    );
    let theirs = get(&app, &format!("/zh/readiness?enterprise={c_id}"), Some(&op)).await;
    assert!(theirs.body.contains(&format!("/zh/readiness/{id}")));
    assert!(
        !theirs.body.contains("/zh/readiness/new\""),
        "operators do not take it for them"
    );
    assert_eq!(
        get(&app, &format!("/zh/readiness/{id}"), Some(&op))
            .await
            .status,
        StatusCode::OK
    );

    for who in [&d, &kl] {
        let page = get(&app, &format!("/zh/readiness/{id}"), Some(who)).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let page = get(&app, &format!("/zh/readiness?enterprise={c_id}"), Some(who)).await;
        assert!(!page.body.contains("丙出海有限公司"));
    }
    let refused = post(
        &app,
        "/zh/readiness/new",
        Some(&kl),
        &answers(["none"; 4], "none"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(assessment::Entity::find().count(&db).await.unwrap(), 1);
}
