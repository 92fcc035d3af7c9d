//! Recommendations over fixtures whose right answer is known: a Chinese demand whose best match
//! writes only Malay, another whose best match writes only Thai; the demands that fit a
//! company, for its exchange's partners; every part of a score explained in the page
//! language; who may ask; and a company's topics read again once it changes. Runs on SQLite,
//! and on PostgreSQL when `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::web::{PASSWORD, app_on, enterprise, get, post, sign_in, staff};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use vnext::accounts::Role;
use vnext::matchmaking::matches::Recommendations;
use vnext::matchmaking::topics;
use vnext::serve::Site;
use vnext::zone::entity::{company, company_text, cooperation_intent};

struct Fixture<'a> {
    mic: &'a str,
    symbol: &'a str,
    industry: &'a str,
    /// Not one the taxonomy knows unless said: the texts must carry the match.
    sector: &'a str,
    country: &'a str,
    green: bool,
    /// (language, name, main business)
    texts: &'a [(&'a str, &'a str, &'a str)],
    intents: &'a [&'a str],
}

async fn add(db: &DatabaseConnection, f: Fixture<'_>) -> i32 {
    let now = Utc::now();
    let id = company::ActiveModel {
        exchange_mic: Set(f.mic.into()),
        symbol: Set(f.symbol.into()),
        market: Set("main".into()),
        industry: Set(f.industry.into()),
        sector: Set(f.sector.into()),
        country: Set(f.country.into()),
        green: Set(f.green),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    for (lang, name, business) in f.texts {
        company_text::ActiveModel {
            company_id: Set(id),
            lang: Set((*lang).into()),
            name: Set(Some((*name).into())),
            main_business: Set(Some((*business).into())),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    for kind in f.intents {
        cooperation_intent::ActiveModel {
            company_id: Set(id),
            kind: Set((*kind).into()),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    id
}

struct Zone {
    app: Site,
    db: DatabaseConnection,
    owner: String,
    other: String,
    kl: String,
    bk: String,
    op: String,
    palm: i32,
    data: i32,
}

const SAWIT: &str = "Ladang Sawit Contoh Berhad";
const RUBBER: &str = "Example Rubber Estates Berhad";
const REFINERY: &str = "Example Palm Refinery PCL";
const THAI_DATA: &str = "บริษัท ตัวอย่าง ดาต้า จำกัด (มหาชน)";
const SOFTWARE: &str = "Example Retail Software Berhad";

/// Five companies on two exchanges, and two published Chinese demands of one enterprise.
async fn zone() -> Zone {
    let db = common::database(false).await;
    vnext::zone::demo::ensure_exchanges(&db).await.unwrap();
    let fixtures = [
        Fixture {
            mic: "XKLS",
            symbol: "7001",
            industry: "plantation",
            sector: "estates",
            country: "MY",
            green: false,
            texts: &[(
                "ms",
                SAWIT,
                "Ladang kelapa sawit dan kilang biodiesel di Johor.",
            )],
            intents: &["supply-chain"],
        },
        Fixture {
            mic: "XKLS",
            symbol: "7002",
            industry: "plantation",
            sector: "estates",
            country: "MY",
            green: false,
            texts: &[("en", RUBBER, "Rubber estates and latex concentrate.")],
            intents: &["supply-chain"],
        },
        Fixture {
            mic: "XBKK",
            symbol: "PALM",
            industry: "plantation",
            sector: "palm-oil",
            country: "TH",
            green: false,
            texts: &[("en", REFINERY, "A refinery of crude palm oil.")],
            intents: &[],
        },
        Fixture {
            mic: "XBKK",
            symbol: "DATA",
            industry: "technology",
            sector: "digital infrastructure",
            country: "TH",
            green: false,
            texts: &[("th", THAI_DATA, "ผู้ให้บริการศูนย์ข้อมูลในกรุงเทพฯ และชลบุรี")],
            intents: &["technology"],
        },
        Fixture {
            mic: "XKLS",
            symbol: "7003",
            industry: "technology",
            sector: "applications",
            country: "MY",
            green: false,
            texts: &[("en", SOFTWARE, "Point-of-sale software for retailers.")],
            intents: &["technology"],
        },
    ];
    for f in fixtures {
        add(&db, f).await;
    }
    assert_eq!(topics::read_topics(&db).await.unwrap(), 5);
    assert_eq!(
        topics::read_topics(&db).await.unwrap(),
        0,
        "nothing changed"
    );
    let app = app_on(db.clone());
    enterprise(&db, "甲贸易有限公司", 31, "owner@example.com", true).await;
    enterprise(&db, "乙贸易有限公司", 32, "other@example.com", true).await;
    staff(&db, Role::Partner, "kl@partner.example", Some("XKLS")).await;
    staff(&db, Role::Partner, "bk@partner.example", Some("XBKK")).await;
    staff(&db, Role::Operator, "ops@vnext.example", None).await;
    let owner = sign_in(&app, "owner@example.com", PASSWORD).await;
    let op = sign_in(&app, "ops@vnext.example", PASSWORD).await;
    let publish = |fields: Vec<(&'static str, &'static str)>| {
        let (app, owner, op) = (app.clone(), owner.clone(), op.clone());
        async move {
            let reply = post(&app, "/zh/demands/new", Some(&owner), &fields).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
            let path = reply.location().split('?').next().unwrap().to_owned();
            let id: i32 = path.rsplit('/').next().unwrap().parse().unwrap();
            let reply = post(&app, &path, Some(&op), &[("action", "publish")]).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
            id
        }
    };
    let palm = publish(vec![
        ("kind", "supply-chain"),
        ("industry", "plantation"),
        ("targets", "MY"),
        ("title.zh", "寻求棕榈油长期供应与生物柴油合作"),
        (
            "description.zh",
            "我司计划长期采购毛棕榈油，并希望合作建设生物柴油工厂。",
        ),
        ("intent", "submit"),
    ])
    .await;
    let data = publish(vec![
        ("kind", "technology"),
        ("industry", "technology"),
        ("targets", "TH"),
        ("title.zh", "在泰国合作建设数据中心"),
        ("intent", "submit"),
    ])
    .await;
    Zone {
        other: sign_in(&app, "other@example.com", PASSWORD).await,
        kl: sign_in(&app, "kl@partner.example", PASSWORD).await,
        bk: sign_in(&app, "bk@partner.example", PASSWORD).await,
        app,
        db,
        owner,
        op,
        palm,
        data,
    }
}

async fn for_demand(z: &Zone, who: &str, lang: &str, id: i32) -> Option<Recommendations> {
    let id = id.to_string();
    let reply = post(
        &z.app,
        "/api/demand-matches",
        Some(who),
        &[("lang", lang), ("id", &id)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn for_company(z: &Zone, who: &str, mic: &str, symbol: &str) -> Option<Recommendations> {
    let fields = [("lang", "En"), ("mic", mic), ("symbol", symbol)];
    let reply = post(&z.app, "/api/company-matches", Some(who), &fields).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn titles(r: &Recommendations) -> Vec<&str> {
    r.items.iter().map(|i| i.title.text.as_str()).collect()
}

#[tokio::test]
async fn chinese_demands_are_best_matched_by_companies_writing_only_malay_or_thai() {
    let z = zone().await;
    let palm = for_demand(&z, &z.owner, "Zh", z.palm).await.unwrap();
    assert_eq!(titles(&palm)[..3], [SAWIT, RUBBER, REFINERY]);
    let best = &palm.items[0];
    assert_eq!(best.score, 100);
    let why: Vec<(&str, u32, &str)> = best
        .reasons
        .iter()
        .map(|r| (r.part.as_str(), r.points, r.why.as_str()))
        .collect();
    assert_eq!(
        why,
        [
            ("行业", 30, "同一行业：种植与农业"),
            ("合作意向", 20, "已申报“供应链”"),
            ("目标市场", 15, "位于目标市场：马来西亚"),
            ("共同主题", 25, "生物燃料、棕榈油"),
        ]
    );
    // The refinery shares one of the demand's two topics, lists outside its market and
    // declares nothing: 30 + 18 of 90.
    assert_eq!(palm.items[2].score, 53);
    assert!(
        palm.items[0].act.is_some(),
        "its owner may ask to be introduced"
    );

    let data = for_demand(&z, &z.owner, "En", z.data).await.unwrap();
    assert_eq!(titles(&data)[..2], [THAI_DATA, SOFTWARE]);
    assert_eq!(data.items[0].score, 100);
    assert_eq!(
        data.items[0].reasons.last().unwrap().why,
        "Data centres",
        "the Thai text's topic, named in English"
    );
    assert_eq!(data.items[1].reasons[2].why, "Outside the target markets");
}

#[tokio::test]
async fn a_company_is_shown_the_demands_that_fit_it_and_only_its_exchange_may_ask() {
    let z = zone().await;
    let fits = for_company(&z, &z.kl, "XKLS", "7001").await.unwrap();
    let hrefs: Vec<&str> = fits.items.iter().map(|i| i.href.as_str()).collect();
    // The data-centre demand earns nothing from a Malaysian plantation: not shown.
    assert_eq!(hrefs, [format!("/en/demands/{}", z.palm)]);
    assert_eq!(fits.items[0].score, 100);
    assert!(fits.items[0].act.is_some(), "the partner may answer it");
    assert_eq!(fits.weighed, 2);
    let ops = for_company(&z, &z.op, "XKLS", "7001").await.unwrap();
    assert_eq!(ops.items.len(), 1);
    assert!(ops.items[0].act.is_none(), "operators do not answer");
    assert!(for_company(&z, &z.bk, "XKLS", "7001").await.is_none());
    assert!(for_company(&z, &z.owner, "XKLS", "7001").await.is_none());
    assert!(for_company(&z, &z.kl, "XKLS", "NOPE").await.is_none());

    assert!(for_demand(&z, &z.other, "En", z.palm).await.is_none());
    assert!(for_demand(&z, &z.kl, "En", z.palm).await.is_none());
    let ops = for_demand(&z, &z.op, "En", z.palm).await.unwrap();
    assert!(
        ops.items.iter().all(|i| i.act.is_none()),
        "operators do not ask"
    );
}

#[tokio::test]
async fn the_pages_explain_each_match_in_malay_and_thai() {
    let z = zone().await;
    let page = get(
        &z.app,
        &format!("/ms/demands/{}/matches", z.palm),
        Some(&z.owner),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        SAWIT,
        "Padanan 100 / 100",
        "Industri yang sama: Perladangan dan pertanian",
        "Bahan api bio, Minyak sawit",
        "/ms/zone/XKLS/7001/introduction",
    ] {
        assert!(page.body.contains(text), "{text}");
    }
    let demand = get(&z.app, &format!("/ms/demands/{}", z.palm), Some(&z.owner)).await;
    assert!(
        demand
            .body
            .contains(&format!("/ms/demands/{}/matches", z.palm))
    );
    let refused = get(
        &z.app,
        &format!("/ms/demands/{}/matches", z.palm),
        Some(&z.other),
    )
    .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    let page = get(&z.app, "/th/zone/XBKK/DATA/matches", Some(&z.bk)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("ความเหมาะสม 100 / 100"), "{}", page.body);
    assert!(page.body.contains("ศูนย์ข้อมูล"));
    let company = get(&z.app, "/th/zone/XBKK/DATA", Some(&z.bk)).await;
    assert!(company.body.contains("/th/zone/XBKK/DATA/matches"));
    let company = get(&z.app, "/th/zone/XBKK/DATA", Some(&z.kl)).await;
    assert!(!company.body.contains("/th/zone/XBKK/DATA/matches"));
}

#[tokio::test]
async fn a_changed_company_is_read_again_and_ranks_by_what_it_now_says() {
    let z = zone().await;
    let row = company::Entity::find()
        .filter(company::Column::Symbol.eq("7002"))
        .one(&z.db)
        .await
        .unwrap()
        .unwrap();
    let text = company_text::Entity::find_by_id((row.id, "en".to_owned()));
    let mut text: company_text::ActiveModel = text.one(&z.db).await.unwrap().unwrap().into();
    text.main_business = Set(Some(
        "Rubber estates, palm oil mills and a biodiesel plant.".into(),
    ));
    text.update(&z.db).await.unwrap();
    let mut row: company::ActiveModel = row.into();
    row.updated_at = Set(Utc::now() + chrono::Duration::seconds(1));
    row.update(&z.db).await.unwrap();
    assert_eq!(topics::read_topics(&z.db).await.unwrap(), 1);
    let palm = for_demand(&z, &z.owner, "En", z.palm).await.unwrap();
    // Now it has the demand's two topics and one more: 25 × 2 / √6 = 20 of the topic points.
    assert_eq!(titles(&palm)[..2], [SAWIT, RUBBER]);
    assert_eq!(palm.items[1].reasons[3].points, 20);
}
