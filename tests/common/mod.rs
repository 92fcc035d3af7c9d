//! Test databases: a fresh in-memory SQLite per test, or — when `VNEXT_TEST_DATABASE_URL` names a
//! PostgreSQL database (`cargo make test` creates one per run and drops it afterwards) — a fresh
//! schema in it per test.
#![allow(dead_code)]

pub mod cli;
pub mod web;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

pub fn backend_name() -> &'static str {
    match std::env::var("VNEXT_TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => "postgresql",
        _ => "sqlite",
    }
}

/// Where a test's data lives: a PostgreSQL schema of its own, or SQLite.
enum Target {
    Postgres { url: String, schema: String },
    Sqlite,
}

impl Target {
    fn new() -> Target {
        match std::env::var("VNEXT_TEST_DATABASE_URL") {
            Ok(url) if url.starts_with("postgres") => Target::Postgres {
                url,
                schema: format!(
                    "t_{}_{}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::Relaxed)
                ),
            },
            _ => Target::Sqlite,
        }
    }

    /// A new pool; the PostgreSQL schema is created on first use.
    async fn connect(&self, sqlite_url: &str) -> DatabaseConnection {
        match self {
            Target::Postgres { url, schema } => {
                let admin = Database::connect(url)
                    .await
                    .expect("connect to the PostgreSQL test database");
                admin
                    .execute_unprepared(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                    .await
                    .expect("create schema");
                admin.close().await.ok();
                let mut options = ConnectOptions::new(url.clone());
                options
                    .set_schema_search_path(schema.clone())
                    .max_connections(4)
                    .sqlx_logging(false);
                let db = Database::connect(options)
                    .await
                    .expect("connect to the test schema");
                assert_eq!(db.get_database_backend(), sea_orm::DbBackend::Postgres);
                db
            }
            Target::Sqlite => vnext::db::connect(sqlite_url).await.expect("SQLite"),
        }
    }
}

/// An empty, migrated database; with the demo companies when `demo` is set.
pub async fn database(demo: bool) -> DatabaseConnection {
    let db = Target::new().connect("sqlite::memory:").await;
    vnext::demo::prepare(&db, demo)
        .await
        .expect("migrate and seed");
    db
}

/// Two independent connection pools to one fresh, migrated database with the demo companies,
/// as two app instances behind a load balancer have. On SQLite that is a scratch file.
pub async fn database_pair() -> (DatabaseConnection, DatabaseConnection) {
    let dir = std::env::temp_dir().join("vnext-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!(
        "{}-{}.sqlite",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_file(&file);
    let sqlite_url = format!("sqlite://{}", file.display());
    let target = Target::new();
    let first = target.connect(&sqlite_url).await;
    vnext::demo::prepare(&first, true)
        .await
        .expect("migrate and seed");
    let second = target.connect(&sqlite_url).await;
    (first, second)
}

/// Checks the zone's facet counts against the companies themselves, counted here in Rust: the
/// counts every write keeps must never drift from the data.
pub async fn assert_facets_current(db: &DatabaseConnection) {
    use sea_orm::EntityTrait;
    use std::collections::BTreeMap;
    use vnext::zone::entity::{company, cooperation_intent, zone_facet};
    let listed: Vec<company::Model> = company::listed().all(db).await.expect("companies");
    let intents = cooperation_intent::Entity::find()
        .all(db)
        .await
        .expect("intents");
    let mut expected: BTreeMap<(String, String, String), i64> = BTreeMap::new();
    let mut add = |mic: &str, facet: &str, value: &str| {
        *expected
            .entry((mic.to_owned(), facet.to_owned(), value.to_owned()))
            .or_default() += 1;
    };
    for c in &listed {
        add(&c.exchange_mic, "all", "");
        add(&c.exchange_mic, "market", &c.market);
        add(&c.exchange_mic, "industry", &c.industry);
        add(&c.exchange_mic, "country", &c.country);
        if c.green {
            add(&c.exchange_mic, "green", "");
        }
        let mut kinds: Vec<&str> = intents
            .iter()
            .filter(|i| i.company_id == c.id)
            .map(|i| i.kind.as_str())
            .collect();
        kinds.sort();
        kinds.dedup();
        if !kinds.is_empty() {
            add(&c.exchange_mic, "any-intent", "");
        }
        for kind in kinds {
            add(&c.exchange_mic, "intent", kind);
        }
    }
    let stored: BTreeMap<(String, String, String), i64> = zone_facet::Entity::find()
        .all(db)
        .await
        .expect("facet counts")
        .into_iter()
        .map(|r| ((r.exchange_mic, r.facet, r.value), r.companies))
        .collect();
    assert_eq!(
        stored, expected,
        "the facet counts drifted from the companies"
    );
}
