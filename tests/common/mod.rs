//! Test databases: a fresh in-memory SQLite per test, or — when `VNEXT_TEST_DATABASE_URL` names a
//! PostgreSQL database (`cargo make test` creates one per run and drops it afterwards) — a fresh
//! schema in it per test.
#![allow(dead_code)]

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

pub fn backend_name() -> &'static str {
    match std::env::var("VNEXT_TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => "postgresql",
        _ => "sqlite",
    }
}

/// An empty, migrated database; with the demo companies when `demo` is set.
pub async fn database(demo: bool) -> DatabaseConnection {
    let db = match std::env::var("VNEXT_TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            let schema = format!(
                "t_{}_{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            );
            let admin = Database::connect(&url)
                .await
                .expect("connect to the PostgreSQL test database");
            admin
                .execute_unprepared(&format!("CREATE SCHEMA {schema}"))
                .await
                .expect("create schema");
            admin.close().await.ok();
            let mut options = ConnectOptions::new(url);
            options
                .set_schema_search_path(schema)
                .max_connections(4)
                .sqlx_logging(false);
            let db = Database::connect(options)
                .await
                .expect("connect to the test schema");
            assert_eq!(db.get_database_backend(), sea_orm::DbBackend::Postgres);
            db
        }
        _ => vnext::db::connect("sqlite::memory:")
            .await
            .expect("in-memory SQLite"),
    };
    vnext::db::prepare(&db, demo)
        .await
        .expect("migrate and seed");
    db
}
