#![cfg(feature = "ssr")]
//! The zone's server functions against a real database (SQLite, and PostgreSQL when configured).

mod common;

use leptos::prelude::{Owner, provide_context};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};
use vnext::i18n::Lang;
use vnext::zone::api::{fetch_company, fetch_directory, fetch_zone_figures};
use vnext::zone::demo::{DEMO_COMPANIES, company};
use vnext::zone::entity::company as company_entity;
use vnext::zone::{DirectoryQuery, DirectoryView, ViewSize};

/// The number of companies a view of the demo data holds: always counted exactly, so small.
fn total(view: &DirectoryView) -> u64 {
    match view.size {
        ViewSize::Exact(n) => n,
        other => panic!("an exact count, not {other:?}"),
    }
}

/// Runs the server functions with `db` in their context, as the router does.
fn with_db(db: &DatabaseConnection) -> Owner {
    let owner = Owner::new();
    owner.set();
    provide_context(db.clone());
    provide_context(vnext::db::Reads(db.clone()));
    owner
}

async fn view(lang: Lang, query: DirectoryQuery) -> DirectoryView {
    fetch_directory(lang, query).await.expect("fetch_directory")
}

fn demo_count(pred: impl Fn(&vnext::zone::demo::NewCompany) -> bool) -> u64 {
    (0..DEMO_COMPANIES).map(company).filter(|c| pred(c)).count() as u64
}

#[tokio::test]
async fn unfiltered_directory_pages_through_every_demo_company() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let first = view(Lang::En, DirectoryQuery::default()).await;
    assert_eq!(
        total(&first),
        DEMO_COMPANIES as u64,
        "on {}",
        common::backend_name()
    );
    assert_eq!(first.cards.len() as u64, DirectoryQuery::PAGE_SIZE);
    assert_eq!(first.pages, 3);
    let last = view(
        Lang::En,
        DirectoryQuery {
            page: 3,
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        last.cards.len(),
        DEMO_COMPANIES - 2 * DirectoryQuery::PAGE_SIZE as usize
    );
    let beyond = view(
        Lang::En,
        DirectoryQuery {
            page: 99,
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        beyond.query.page, 3,
        "a page past the end shows the last page"
    );
    assert_eq!(beyond.cards, last.cards);
}

#[tokio::test]
async fn exchange_filter_lists_only_that_exchange() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let set = view(
        Lang::En,
        DirectoryQuery {
            exchange: Some("XBKK".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(total(&set), demo_count(|c| c.mic == "XBKK"));
    assert!(total(&set) >= 20);
    assert!(
        set.cards
            .iter()
            .all(|c| c.mic == "XBKK" && c.exchange == "The Stock Exchange of Thailand")
    );
    let markets: Vec<&str> = set
        .facets
        .markets
        .iter()
        .map(|m| m.value.as_str())
        .collect();
    assert_eq!(
        markets.len(),
        2,
        "markets narrow to the chosen exchange: {markets:?}"
    );
    assert!(markets.contains(&"set") && markets.contains(&"mai"));
}

#[tokio::test]
async fn filters_combine() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let q = DirectoryQuery {
        exchange: Some("XKLS".into()),
        intent: Some("green-energy".into()),
        green: true,
        ..Default::default()
    };
    let v = view(Lang::En, q).await;
    let expected = demo_count(|c| {
        c.mic == "XKLS" && c.green && c.intents.iter().any(|(kind, _)| *kind == "green-energy")
    });
    assert!(expected > 0);
    assert_eq!(total(&v), expected);
    assert!(
        v.cards
            .iter()
            .all(|c| c.green && c.intents.contains(&"Green energy".to_owned()))
    );

    let by_industry = view(
        Lang::En,
        DirectoryQuery {
            industry: Some("energy".into()),
            country: Some("TH".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        total(&by_industry),
        demo_count(|c| c.industry == "energy" && c.country == "TH")
    );
    assert!(
        by_industry
            .cards
            .iter()
            .all(|c| c.industry == "Energy" && c.country == "Thailand")
    );
}

#[tokio::test]
async fn search_finds_the_palm_oil_company_in_every_script() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    for (lang, text) in [
        (Lang::En, "palm oil"),
        (Lang::Zh, "棕榈油"),
        (Lang::Ms, "minyak sawit"),
        (Lang::Th, "น้ำมันปาล์ม"),
    ] {
        let v = view(
            lang,
            DirectoryQuery {
                q: Some(text.into()),
                ..Default::default()
            },
        )
        .await;
        assert!(
            v.cards
                .iter()
                .any(|c| c.mic == "XKLS" && c.symbol == "5000"),
            "{text:?} did not find Kinabalu on {}",
            common::backend_name()
        );
    }
    let by_symbol = view(
        Lang::En,
        DirectoryQuery {
            q: Some("5000".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(by_symbol.cards.iter().any(|c| c.symbol == "5000"));
    let upper = view(
        Lang::En,
        DirectoryQuery {
            q: Some("KINABALU".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(total(&upper), 1, "search ignores case");
}

#[tokio::test]
async fn hostile_or_unknown_input_finds_nothing_and_breaks_nothing() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let none = view(
        Lang::Th,
        DirectoryQuery {
            exchange: Some("NOPE".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(total(&none), 0);
    assert_eq!(none.pages, 1);
    for q in ["'; DROP TABLE companies; --", "100%", "_", "\\"] {
        let v = view(
            Lang::En,
            DirectoryQuery {
                q: Some(q.into()),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(total(&v), 0, "{q:?} matched something");
    }
    assert_eq!(
        company_entity::Entity::find().count(&db).await.unwrap(),
        DEMO_COMPANIES as u64
    );
}

#[tokio::test]
async fn names_fall_back_visibly_when_a_language_is_missing() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let missing_th = (0..DEMO_COMPANIES)
        .map(company)
        .find(|c| !c.texts.iter().any(|t| t.0 == Lang::Th))
        .unwrap();
    let v = view(
        Lang::Th,
        DirectoryQuery {
            q: Some(missing_th.symbol.clone()),
            exchange: Some(missing_th.mic.into()),
            ..Default::default()
        },
    )
    .await;
    let card = v
        .cards
        .iter()
        .find(|c| c.symbol == missing_th.symbol)
        .expect("company listed");
    assert_eq!(card.name.shown_in, Some(Lang::En));
    assert!(!card.name.text.is_empty());
    let complete = view(
        Lang::Th,
        DirectoryQuery {
            q: Some("5000".into()),
            ..Default::default()
        },
    )
    .await;
    let kinabalu = complete.cards.iter().find(|c| c.symbol == "5000").unwrap();
    assert_eq!(kinabalu.name.shown_in, None);
    assert!(kinabalu.name.text.contains("กีนาบาลู"));
}

#[tokio::test]
async fn demo_data_is_loaded_once_and_never_overwrites() {
    let db = common::database(true).await;
    let first = company_entity::Entity::find().all(&db).await.unwrap()[0].clone();
    let mut edited: company_entity::ActiveModel = first.clone().into();
    edited.website = Set(Some("https://edited.example".into()));
    edited.update(&db).await.unwrap();
    vnext::demo::prepare(&db, true).await.unwrap();
    assert_eq!(
        company_entity::Entity::find().count(&db).await.unwrap(),
        DEMO_COMPANIES as u64
    );
    let again = company_entity::Entity::find_by_id(first.id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.website.as_deref(), Some("https://edited.example"));

    let empty = common::database(false).await;
    assert_eq!(
        company_entity::Entity::find().count(&empty).await.unwrap(),
        0
    );
}

#[tokio::test]
async fn figures_are_counted_from_the_data() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let f = fetch_zone_figures(Lang::Zh).await.unwrap();
    assert_eq!(f.companies, DEMO_COMPANIES as u64);
    assert_eq!(f.exchanges, 6);
    assert_eq!(f.countries, 6);
    assert_eq!(f.green, demo_count(|c| c.green));
    assert_eq!(f.with_intents, DEMO_COMPANIES as u64);
    assert_eq!(f.per_exchange[0].mic, "XKLS");
    assert_eq!(f.per_exchange[0].name, "马来西亚交易所");
    assert_eq!(
        f.per_exchange.iter().map(|e| e.companies).sum::<u64>(),
        f.companies
    );

    let empty = common::database(false).await;
    let _owner = with_db(&empty);
    assert_eq!(fetch_zone_figures(Lang::En).await.unwrap().companies, 0);
}

#[tokio::test]
async fn company_profile_carries_what_the_page_shows() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let p = fetch_company(Lang::Th, "XKLS".into(), "5000".into())
        .await
        .unwrap()
        .expect("Kinabalu");
    assert!(p.name.text.contains("กีนาบาลู") && p.name.shown_in.is_none());
    assert_eq!(
        p.local_name.as_deref(),
        Some("Kinabalu Palm Oil Plantations Berhad")
    );
    assert_eq!(p.exchange, "ตลาดหลักทรัพย์มาเลเซีย");
    assert_eq!(p.sector, "น้ำมันปาล์ม");
    assert!(p.main_business.unwrap().text.contains("น้ำมันปาล์ม"));
    assert!(!p.intents.is_empty());

    let demo = company(0);
    let years: Vec<i32> = p.financials.iter().map(|y| y.fiscal_year).collect();
    assert_eq!(years, [2023, 2024, 2025]);
    for (shown, stored) in p.financials.iter().zip(&demo.years) {
        assert_eq!(shown.revenue, (stored.revenue * stored.unit) as f64);
        assert_eq!(shown.net_profit, (stored.net_profit * stored.unit) as f64);
        assert_eq!(shown.currency, "MYR");
    }
    let rate = p.cny_rate.expect("a MYR rate");
    assert_eq!(
        (rate.currency.as_str(), rate.date.as_str()),
        ("MYR", "2026-10-30")
    );
    assert!(rate.cny_per_unit > 1.0);
}

#[tokio::test]
async fn unknown_companies_are_none() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    assert_eq!(
        fetch_company(Lang::En, "XKLS".into(), "NOPE".into())
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        fetch_company(Lang::En, "XBKK".into(), "5000".into())
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn each_text_falls_back_on_its_own() {
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let (i, partial) = (0..DEMO_COMPANIES)
        .map(|i| (i, company(i)))
        .find(|(_, c)| c.texts.iter().any(|t| t.0 == Lang::Th && t.3.is_none()))
        .expect("a company whose Thai text lacks its advantages");
    let p = fetch_company(Lang::Th, partial.mic.into(), partial.symbol.clone())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.main_business.unwrap().shown_in, None, "company {i}");
    assert_eq!(p.advantages.unwrap().shown_in, Some(Lang::En));
}

#[tokio::test]
async fn search_index_follows_every_change_and_ranks_the_best_match_first() {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    use vnext::zone::entity::company_text;
    let db = common::database(true).await;
    let _owner = with_db(&db);
    let search = |q: &str| DirectoryQuery {
        q: Some(q.into()),
        ..Default::default()
    };
    assert_eq!(total(&view(Lang::En, search("zyxwv")).await), 0);

    // Of companies 2 and 3, the one later in directory order becomes all about the word (its
    // name too); the other mentions it once in a long text. The name puts the later one first.
    let mut pair = company_entity::Entity::find()
        .filter(company_entity::Column::Id.is_in([2, 3]))
        .all(&db)
        .await
        .unwrap();
    pair.sort_by(|a, b| (&a.exchange_mic, &a.symbol).cmp(&(&b.exchange_mic, &b.symbol)));
    let (mention, about) = (pair[0].clone(), pair[1].clone());
    company_text::Entity::update_many()
        .col_expr(company_text::Column::Name, Expr::value("Zyxwv"))
        .col_expr(
            company_text::Column::MainBusiness,
            Expr::value("Zyxwv zyxwv."),
        )
        .col_expr(company_text::Column::Advantages, Expr::value("Zyxwv."))
        .col_expr(company_text::Column::CooperationNote, Expr::value("Zyxwv."))
        .filter(company_text::Column::CompanyId.eq(about.id))
        .exec(&db)
        .await
        .unwrap();
    let long = company_text::Entity::find_by_id((mention.id, "en".to_owned()))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let mut once: company_text::ActiveModel = long.clone().into();
    once.main_business = Set(Some(format!("{} Also zyxwv.", long.main_business.unwrap())));
    once.update(&db).await.unwrap();

    let found = view(Lang::En, search("ZYXWV")).await;
    assert_eq!(
        total(&found),
        2,
        "updates reach the index on {}",
        common::backend_name()
    );
    assert_eq!(
        found.cards[0].symbol, about.symbol,
        "the company all about it comes first"
    );

    company_text::Entity::delete_many()
        .filter(company_text::Column::CompanyId.eq(about.id))
        .exec(&db)
        .await
        .unwrap();
    let after_delete = view(Lang::En, search("zyxwv")).await;
    assert_eq!(total(&after_delete), 1, "deletions reach the index");
    assert_eq!(after_delete.cards[0].symbol, mention.symbol);
}

#[tokio::test]
async fn generated_seed_fills_an_empty_database_only() {
    let db = common::database(false).await;
    vnext::zone::demo::seed_generated(&db, 150).await.unwrap();
    assert_eq!(
        company_entity::Entity::find().count(&db).await.unwrap(),
        150
    );
    let _owner = with_db(&db);
    let found = view(
        Lang::En,
        DirectoryQuery {
            q: Some("palm oil".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(
        total(&found) >= 4,
        "generated companies are in the search index"
    );
    assert!(
        vnext::zone::demo::seed_generated(&db, 10).await.is_err(),
        "never on top of existing data"
    );
    assert_eq!(
        company_entity::Entity::find().count(&db).await.unwrap(),
        150
    );
}
