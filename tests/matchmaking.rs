//! Matchmaking over HTTP, as browsers post it: demands from draft to the board and back off it,
//! introductions carried from a request to an outcome, every step of the case machine tried by
//! every kind of account at every stage, who sees which case, thread and contact, and the home
//! figures following the cases. Runs on SQLite, and on PostgreSQL when
//! `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::web::{
    PASSWORD, Reply, app_with, enterprise, get, listed_symbol, mails_to, post, settings, sign_in,
    staff, stored,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use vnext::accounts::Role;
use vnext::matchmaking::desk_reads;
use vnext::matchmaking::entity::{case, demand};
use vnext::matchmaking::flow::{self, Side, Stage, Step};
use vnext::serve::Site;

/// The accounts of a matchmaking test, signed in: two verified enterprises, the partners of
/// two exchanges, an operator.
struct People {
    app: Site,
    db: DatabaseConnection,
    a: String,
    a_id: i32,
    b: String,
    kl: String,
    bk: String,
    op: String,
    /// A listed company of Bursa Malaysia.
    kl_symbol: String,
}

async fn people(demo: bool) -> People {
    let db = common::database(demo).await;
    let mut settings = settings();
    // Hundreds of posts per account below: the limits are tested in the hardening suite.
    settings.protection.limits.matchmaking_per_account.max = 100_000;
    settings.protection.limits.introductions_per_account.max = 100_000;
    let app = app_with(db.clone(), settings);
    let a_id = enterprise(&db, "甲科技有限公司", 21, "a@example.com", true).await;
    enterprise(&db, "乙制造有限公司", 22, "b@example.com", true).await;
    staff(&db, Role::Partner, "kl@partner.example", Some("XKLS")).await;
    staff(&db, Role::Partner, "bk@partner.example", Some("XBKK")).await;
    staff(&db, Role::Operator, "ops@vnext.example", None).await;
    let sign = |email: &'static str| {
        let app = app.clone();
        async move { sign_in(&app, email, PASSWORD).await }
    };
    People {
        a: sign("a@example.com").await,
        b: sign("b@example.com").await,
        kl: sign("kl@partner.example").await,
        bk: sign("bk@partner.example").await,
        op: sign("ops@vnext.example").await,
        kl_symbol: listed_symbol(&db, "XKLS").await,
        app,
        db,
        a_id,
    }
}

/// The id at the end of a redirect to `/{lang}/{what}/{id}?…`.
fn id_in(reply: &Reply, what: &str) -> i32 {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let path = reply.location().split('?').next().unwrap_or_default();
    let tail = path
        .split(&format!("/{what}/"))
        .nth(1)
        .unwrap_or_else(|| panic!("a {what} in {}", reply.location()));
    tail.parse().unwrap()
}

fn demand_fields<'a>(title_ms: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("kind", "technology"),
        ("industry", "energy"),
        ("targets", "MY"),
        ("targets", "XKLS"),
        ("green", "on"),
        ("title.ms", title_ms),
        (
            "description.ms",
            "Teknologi pemampatan biogas daripada efluen kilang sawit.",
        ),
        ("intent", "submit"),
    ];
    fields.extend_from_slice(extra);
    fields
}

async fn stage_of(db: &DatabaseConnection, id: i32) -> String {
    case::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .stage
}

async fn step(p: &People, who: &str, id: i32, fields: &[(&str, &str)]) -> Reply {
    let mut all = vec![("do", "step")];
    all.extend_from_slice(fields);
    post(&p.app, &format!("/en/cases/{id}"), Some(who), &all).await
}

#[tokio::test]
async fn a_demand_goes_to_the_board_an_introduction_to_an_outcome_and_the_figures_follow() {
    let p = people(true).await;
    let before = desk_reads::figures(&p.db).await.unwrap();

    // The enterprise submits a demand written in Malay only; it is not public before review.
    let title = "Rakan kongsi biogas untuk kilang sawit";
    let reply = post(
        &p.app,
        "/ms/demands/new",
        Some(&p.a),
        &demand_fields(title, &[]),
    )
    .await;
    let demand_id = id_in(&reply, "demands");
    let board = get(&p.app, "/en/demands?q=biogas", None).await;
    assert!(
        !board.body.contains(title),
        "not on the board before review"
    );
    assert_eq!(
        get(&p.app, &format!("/en/demands/{demand_id}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let operators_told = mails_to(&p.db, "ops@vnext.example").await;
    assert!(operators_told.iter().any(|m| m.kind == "demand-submitted"));

    // An operator publishes it: the board finds it in any page language, with the fallback note.
    let reply = post(
        &p.app,
        &format!("/en/demands/{demand_id}"),
        Some(&p.op),
        &[("action", "publish")],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let board = get(&p.app, "/zh/demands?q=BIOGAS&country=MY", None).await;
    assert!(board.body.contains(title), "{}", board.body);
    assert!(
        board.body.contains("fallback-note"),
        "shown in Malay on a Chinese page"
    );
    let page = get(&p.app, &format!("/th/demands/{demand_id}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("a@example.com") && !page.body.contains("+86"));
    let owner_told = mails_to(&p.db, "a@example.com").await;
    let published = owner_told
        .iter()
        .find(|m| m.kind == "demand-published")
        .unwrap();
    assert_eq!(published.lang, "zh", "mail in the owner's language");

    // The enterprise asks to be introduced to a Malaysian company.
    let intro = format!("/en/zone/XKLS/{}/introduction", p.kl_symbol);
    assert_eq!(get(&p.app, &intro, Some(&p.a)).await.status, StatusCode::OK);
    let reply = post(
        &p.app,
        &intro,
        Some(&p.a),
        &[
            ("purpose", "technology"),
            ("message", "我们希望探讨沼气技术合作。"),
        ],
    )
    .await;
    let case_id = id_in(&reply, "cases");
    let again = post(
        &p.app,
        &intro,
        Some(&p.a),
        &[("purpose", "technology"), ("message", "again")],
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "one open case per company"
    );
    let case_page = format!("/en/cases/{case_id}");

    // Before the operator forwards it, the exchange does not know of it.
    assert_eq!(
        get(&p.app, &case_page, Some(&p.kl)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(step(&p, &p.kl, case_id, &[("step", "accept")]).await.status == StatusCode::NOT_FOUND);
    for (who, expected) in [
        (&p.b, StatusCode::NOT_FOUND),
        (&p.bk, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(get(&p.app, &case_page, Some(who)).await.status, expected);
    }
    assert_eq!(
        get(&p.app, &case_page, None).await.status,
        StatusCode::FOUND
    );

    for s in ["screen", "forward"] {
        let reply = step(&p, &p.op, case_id, &[("step", s)]).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{s}: {}", reply.body);
    }
    let kl_view = get(&p.app, &case_page, Some(&p.kl)).await;
    assert_eq!(kl_view.status, StatusCode::OK);
    assert!(
        !kl_view.body.contains("+86 755 1234 5678"),
        "no contacts before accepting"
    );
    assert!(
        !kl_view.body.contains("甲科技有限公司"),
        "the enterprise unnamed before accepting"
    );
    let kl_mail = mails_to(&p.db, "kl@partner.example").await;
    assert!(
        kl_mail.iter().any(|m| m.kind == "case-moved"),
        "the exchange hears of it"
    );

    // The exchange accepts: each side sees the other's contacts.
    let reply = step(&p, &p.kl, case_id, &[("step", "accept")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let kl_view = get(&p.app, &case_page, Some(&p.kl)).await;
    assert!(kl_view.body.contains("+86 755 1234 5678") && kl_view.body.contains("a@example.com"));
    let company_mail = stored(&p.db, "XKLS", &p.kl_symbol)
        .await
        .contact_email
        .unwrap();
    let a_view = get(&p.app, &case_page, Some(&p.a)).await;
    assert!(a_view.body.contains(&company_mail), "{}", a_view.body);

    // A meeting at 10:00 in Kuala Lumpur reads 10:00 there and in China (both UTC+8), and
    // 02:00 UTC in its history's instant.
    let day = (Utc::now() + Duration::days(10)).date_naive().to_string();
    let reply = step(
        &p,
        &p.kl,
        case_id,
        &[
            ("step", "schedule"),
            ("meeting_date", &day),
            ("meeting_time", "10:00"),
            ("meeting_zone", "Asia/Kuala_Lumpur"),
            ("meeting_place", "https://meet.example/biogas"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let a_view = get(&p.app, &case_page, Some(&p.a)).await;
    assert!(
        a_view
            .body
            .contains(&format!("{day} 10:00 (Asia/Shanghai, UTC+08:00)"))
    );
    assert!(a_view.body.contains(&format!("{day}T02:00:00+00:00")));

    // A message for the parties; another enterprise cannot write in the thread.
    let said = "Kami akan menyediakan data teknikal sebelum mesyuarat.";
    let reply = post(
        &p.app,
        &case_page,
        Some(&p.kl),
        &[("do", "message"), ("body", said)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(
        get(&p.app, &case_page, Some(&p.a))
            .await
            .body
            .contains(said)
    );
    let intruder = post(
        &p.app,
        &case_page,
        Some(&p.b),
        &[("do", "message"), ("body", "hi")],
    )
    .await;
    assert_eq!(intruder.status, StatusCode::NOT_FOUND);

    // Closing needs an amount for financing; with it, the figures follow.
    let missing = step(
        &p,
        &p.kl,
        case_id,
        &[("step", "close"), ("outcome", "financing")],
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stage_of(&p.db, case_id).await, "meeting", "nothing changed");
    let reply = step(
        &p,
        &p.kl,
        case_id,
        &[
            ("step", "close"),
            ("outcome", "financing"),
            ("amount", "5,000,000"),
            ("currency", "MYR"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let after = desk_reads::figures(&p.db).await.unwrap();
    assert_eq!(after.financing_closed, before.financing_closed + 1);
    assert_eq!(after.introductions, before.introductions + 1);
    assert!(
        after.financing_cny > before.financing_cny + 5_000_000.0,
        "MYR is worth over a yuan"
    );
    let home = get(&p.app, "/en/", None).await;
    let shown = vnext::i18n::format_number(after.introductions as f64, 0);
    assert!(
        home.body.contains(&format!("<dd>{shown}</dd>")),
        "the home page shows it"
    );

    // Every step is in the history, and in the audit log.
    let events = vnext::matchmaking::entity::case_event::Entity::find()
        .filter(vnext::matchmaking::entity::case_event::Column::CaseId.eq(case_id))
        .count(&p.db)
        .await
        .unwrap();
    assert_eq!(
        events, 6,
        "request, screen, forward, accept, schedule, close"
    );
}

/// A case of A with the Malaysian company, placed straight at `stage` as if `initiator` had
/// asked for it.
async fn case_at(p: &People, stage: Stage, initiator: Side) -> i32 {
    let company = stored(&p.db, "XKLS", &p.kl_symbol).await;
    let now = Utc::now();
    let forwarded = !matches!(
        stage,
        Stage::Requested | Stage::Screening | Stage::Withdrawn
    );
    let accepted = matches!(stage, Stage::Accepted | Stage::Meeting | Stage::Closed);
    case::ActiveModel {
        kind: Set("introduction".into()),
        stage: Set(stage.code().into()),
        initiator: Set(initiator.code().into()),
        enterprise_id: Set(p.a_id),
        company_id: Set(company.id),
        exchange_mic: Set("XKLS".into()),
        purpose: Set("technology".into()),
        message: Set("test".into()),
        forwarded_at: Set(forwarded.then_some(now)),
        accepted_at: Set(accepted.then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&p.db)
    .await
    .unwrap()
    .id
}

/// What each step needs to be taken, beyond its name.
fn step_fields(step: Step, day: &str) -> Vec<(&'static str, String)> {
    let own = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    };
    match step {
        Step::Refuse | Step::Decline => own(&[("note", "Not a fit for now.")]),
        Step::Schedule => {
            let mut f = own(&[
                ("meeting_time", "15:30"),
                ("meeting_zone", "Asia/Bangkok"),
                ("meeting_place", "Bangkok"),
            ]);
            f.push(("meeting_date", day.to_owned()));
            f
        }
        Step::Close => own(&[("outcome", "cooperation")]),
        _ => Vec::new(),
    }
}

#[tokio::test]
async fn every_step_by_every_account_at_every_stage_is_taken_exactly_when_the_rules_allow() {
    let p = people(true).await;
    let day = (Utc::now() + Duration::days(3)).date_naive().to_string();
    // The accounts and the side each takes in A's cases with a Bursa company; None: no part.
    let accounts = [
        (&p.a, Some(Side::Enterprise)),
        (&p.b, None),
        (&p.kl, Some(Side::Partner)),
        (&p.bk, None),
        (&p.op, Some(Side::Operator)),
    ];
    let mut tried = 0;
    for initiator in [Side::Enterprise, Side::Partner] {
        for stage in flow::STAGES {
            for s in flow::STEPS {
                for (token, side) in &accounts {
                    let id = case_at(&p, stage, initiator).await;
                    let mut fields: Vec<(&str, String)> = vec![("step", s.code().into())];
                    fields.extend(step_fields(s, &day));
                    let borrowed: Vec<(&str, &str)> =
                        fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    let reply = step(&p, token, id, &borrowed).await;
                    let c = case::Entity::find_by_id(id)
                        .one(&p.db)
                        .await
                        .unwrap()
                        .unwrap();
                    let sees = side.is_some_and(|side| {
                        side == Side::Operator || side == initiator || c.forwarded_at.is_some()
                    });
                    let to = side.and_then(|side| flow::next(stage, s, side, initiator));
                    let label =
                        format!("{s:?} by {side:?} at {stage:?} (started by {initiator:?})");
                    match (sees, to) {
                        (false, _) => {
                            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{label}");
                            assert_eq!(c.stage, stage.code(), "{label}");
                        }
                        (true, Some(to)) => {
                            assert_eq!(
                                reply.status,
                                StatusCode::SEE_OTHER,
                                "{label}: {}",
                                reply.body
                            );
                            assert_eq!(c.stage, to.code(), "{label}");
                        }
                        (true, None) => {
                            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
                            assert_eq!(c.stage, stage.code(), "{label}");
                        }
                    }
                    tried += 1;
                }
            }
        }
    }
    assert_eq!(tried, 2 * 8 * 8 * 5);
}

#[tokio::test]
async fn the_answering_side_sees_a_case_only_once_forwarded_and_lists_show_each_their_part() {
    let p = people(true).await;
    let requested = case_at(&p, Stage::Requested, Side::Enterprise).await;
    let forwarded = case_at(&p, Stage::Forwarded, Side::Enterprise).await;
    let desk = |who: &str| {
        let app = p.app.clone();
        let who = who.to_owned();
        async move { get(&app, "/en/cases", Some(&who)).await.body }
    };
    let case_link = |id: i32| format!("href=\"/en/cases/{id}\"");
    let kl = desk(&p.kl).await;
    assert!(kl.contains(&case_link(forwarded)) && !kl.contains(&case_link(requested)));
    let a = desk(&p.a).await;
    assert!(a.contains(&case_link(forwarded)) && a.contains(&case_link(requested)));
    let op = desk(&p.op).await;
    assert!(op.contains(&case_link(forwarded)) && op.contains(&case_link(requested)));
    for other in [&p.b, &p.bk] {
        let body = desk(other).await;
        assert!(!body.contains(&case_link(forwarded)) && !body.contains(&case_link(requested)));
    }
    // The operator's export holds both; nobody else may download it.
    let export = get(&p.app, "/en/cases/export.csv", Some(&p.op)).await;
    assert_eq!(export.status, StatusCode::OK);
    let rows: Vec<&str> = export.body.lines().skip(1).collect();
    for id in [requested, forwarded] {
        assert!(
            rows.iter().any(|r| r.starts_with(&format!("{id},"))),
            "{}",
            export.body
        );
    }
    for (who, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(&p.a), StatusCode::FORBIDDEN),
        (Some(&p.kl), StatusCode::FORBIDDEN),
    ] {
        let reply = get(&p.app, "/en/cases/export.xlsx", who.map(String::as_str)).await;
        assert_eq!(reply.status, status);
    }
}

#[tokio::test]
async fn a_refused_demand_keeps_what_was_typed_and_stores_nothing() {
    let p = people(true).await;
    let fields = [
        ("kind", "financing"),
        ("industry", "energy"),
        ("amount_min", "900"),
        ("amount_max", "100"),
        ("currency", "XYZ"),
        ("stage", "growth"),
        ("title.th", "หาพันธมิตรด้านพลังงานแสงอาทิตย์"),
        ("description.zh", "没有标题的描述"),
        ("intent", "submit"),
    ];
    let before = demand::Entity::find().count(&p.db).await.unwrap();
    let reply = post(&p.app, "/th/demands/new", Some(&p.a), &fields).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("หาพันธมิตรด้านพลังงานแสงอาทิตย์"),
        "typed title kept"
    );
    assert!(
        reply.body.contains("没有标题的描述"),
        "typed description kept"
    );
    assert_eq!(
        reply.body.matches("class=\"field-error\"").count(),
        3,
        "{}",
        reply.body
    );
    assert_eq!(demand::Entity::find().count(&p.db).await.unwrap(), before);
    // Only verified enterprises and partners publish.
    let op = post(
        &p.app,
        "/en/demands/new",
        Some(&p.op),
        &demand_fields("x", &[]),
    )
    .await;
    assert_eq!(op.status, StatusCode::FORBIDDEN);
    let anon = post(&p.app, "/en/demands/new", None, &demand_fields("x", &[])).await;
    assert_eq!(anon.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_demand_expires_off_the_board_and_its_owner_renews_it() {
    let p = people(true).await;
    let title = "Solar glass supply partner";
    let mut fields = demand_fields("", &[]);
    fields.retain(|(k, _)| !k.starts_with("title") && !k.starts_with("description"));
    fields.push(("title.en", title));
    let id = id_in(
        &post(&p.app, "/en/demands/new", Some(&p.a), &fields).await,
        "demands",
    );
    let url = format!("/en/demands/{id}");
    post(&p.app, &url, Some(&p.op), &[("action", "publish")]).await;
    assert!(get(&p.app, "/en/demands", None).await.body.contains(title));
    let mut expired: demand::ActiveModel = demand::Entity::find_by_id(id)
        .one(&p.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    expired.valid_until = Set(Utc::now() - Duration::minutes(1));
    expired.update(&p.db).await.unwrap();
    // Past its validity the demand is off the board at once, before the minutely sweep marks
    // it, which makes every cached page stale.
    assert!(
        !get(&p.app, "/en/demands?kind=technology", None)
            .await
            .body
            .contains(title)
    );
    assert_eq!(
        vnext::matchmaking::demands::expire_due(&p.db)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        vnext::matchmaking::demands::expire_due(&p.db)
            .await
            .unwrap(),
        0
    );
    assert!(
        !get(&p.app, "/en/demands", None).await.body.contains(title),
        "expired"
    );
    assert_eq!(get(&p.app, &url, None).await.status, StatusCode::NOT_FOUND);
    let own = get(&p.app, &url, Some(&p.a)).await;
    assert!(own.body.contains("status-expired"), "{}", own.body);
    // Another enterprise cannot renew it; its owner can.
    assert_eq!(
        post(&p.app, &url, Some(&p.b), &[("action", "renew")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let renewed = post(&p.app, &url, Some(&p.a), &[("action", "renew")]).await;
    assert_eq!(renewed.status, StatusCode::SEE_OTHER, "{}", renewed.body);
    assert!(get(&p.app, "/en/demands", None).await.body.contains(title));
    let valid = demand::Entity::find_by_id(id)
        .one(&p.db)
        .await
        .unwrap()
        .unwrap()
        .valid_until;
    assert!(valid > Utc::now() + Duration::days(150));
}

#[tokio::test]
async fn the_demo_board_is_alive_and_searched_in_four_scripts() {
    let p = people(true).await;
    let published = demand::Entity::find()
        .filter(demand::Column::Status.eq("published"))
        .count(&p.db)
        .await
        .unwrap();
    assert_eq!(published, 30);
    for (query, lang) in [
        ("棕榈", "zh"),
        ("石油", "zh"),
        ("sawit", "ms"),
        ("Thailand", "en"),
    ] {
        let body = get(
            &p.app,
            &format!(
                "/{lang}/demands?q={}",
                vnext::ui::url::encode_component(query)
            ),
            None,
        )
        .await
        .body;
        assert!(body.contains("class=\"demand-card\""), "{query}");
    }
    let financing = get(&p.app, "/en/demands?kind=financing", None).await.body;
    assert!(financing.contains("6 demands"), "the six financing demands");
    let green = demand::Entity::find()
        .filter(demand::Column::Green.eq(true))
        .count(&p.db)
        .await
        .unwrap();
    let shown = get(&p.app, "/en/demands?green=on", None).await.body;
    assert!(shown.contains(&format!("{green} demands")), "{green}");
    // A partner's desk shows the demo cases about its exchange's companies once forwarded.
    let kl_desk = get(&p.app, "/en/cases", Some(&p.kl)).await;
    assert!(
        kl_desk.body.contains("class=\"badge status-meeting\""),
        "{}",
        kl_desk.body
    );
}
