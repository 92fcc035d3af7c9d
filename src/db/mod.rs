//! Connection, migrations and the demo seed.

pub mod migrations;

use leptos::prelude::{ServerFnError, use_context};
use migrations::Migrator;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

/// Connects to `url` (`sqlite://path`, `sqlite::memory:` or `postgres://…`). A SQLite file and
/// its folder are created when missing.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let url = sqlite_file_url(url);
    let db = Database::connect(options(&url)).await?;
    if db.get_database_backend() == DbBackend::Sqlite && !url.contains(":memory:") {
        // Readers no longer wait for the writer; the setting is stored in the file.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
    }
    Ok(db)
}

/// The connections of an app: `db` for everything, and `reads` for what only reads the public
/// zone (its pages and search, its export and sitemaps, the page cache's generation). sea-orm gives a SQLite pool one
/// connection, so that two writers never meet; every page render would queue for it too. On a
/// SQLite file `reads` is a pool of its own, of read-only connections, which WAL lets read
/// beside the writer; elsewhere it is `db` itself.
#[derive(Clone)]
pub struct Databases {
    pub db: DatabaseConnection,
    pub reads: Reads,
}

/// The pool for reads that write nothing (see [`Databases`]).
#[derive(Clone)]
pub struct Reads(pub DatabaseConnection);

impl From<DatabaseConnection> for Databases {
    fn from(db: DatabaseConnection) -> Databases {
        Databases {
            reads: Reads(db.clone()),
            db,
        }
    }
}

/// How much of a SQLite file its readers map into memory: SQLite's own upper bound (2 GB).
const MMAP_SIZE: &str = "2147418112";

/// [`connect`], and a pool of readers beside it where the database is a SQLite file.
pub async fn connect_all(url: &str) -> Result<Databases, DbErr> {
    let db = connect(url).await?;
    if db.get_database_backend() != DbBackend::Sqlite || url.contains(":memory:") {
        return Ok(db.into());
    }
    let mut options = options(&sqlite_file_url(url));
    // Reads are CPU work on the connection's own thread: a few per core keep every core busy.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
    // Each connection has its own page cache, too small for a count over tens of thousands of
    // rows: without the mapping a reader whose cache holds other pages reads every page again
    // with a system call (measured: 35 ms against 115–190 for one count at 100,000 companies).
    // Mapped, the readers share the operating system's copy of the file.
    options
        .max_connections((2 * cores).clamp(2, 16))
        .map_sqlx_sqlite_opts(|o| o.read_only(true).pragma("mmap_size", MMAP_SIZE));
    let reads = Reads(Database::connect(options).await?);
    Ok(Databases { db, reads })
}

/// How long a pooled connection may sit idle before it is pinged on its next checkout.
const IDLE_BEFORE_PING: std::time::Duration = std::time::Duration::from_secs(30);

fn options(url: &str) -> ConnectOptions {
    let mut options = ConnectOptions::new(url);
    // Statements are not logged one by one, but a slow one is, with its SQL.
    options
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Trace)
        .sqlx_slow_statements_logging_settings(
            log::LevelFilter::Warn,
            std::time::Duration::from_secs(1),
        );
    // A connection is pinged before use only after it has sat idle long enough to have been
    // dropped by the server or the network: by default every checkout pings first, one more
    // round trip per query, which on PostgreSQL doubles the cost of the page cache's read.
    options.test_before_acquire_if_idle_for(IDLE_BEFORE_PING);
    if url.contains(":memory:") {
        // Every pooled connection to `:memory:` would be a database of its own.
        options.max_connections(1).min_connections(1);
    }
    options
}

fn sqlite_file_url(url: &str) -> String {
    let Some(path) = url.strip_prefix("sqlite://") else {
        return url.to_owned();
    };
    let file = path.split('?').next().unwrap_or_default();
    if let Some(dir) = std::path::Path::new(file)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        let _ = std::fs::create_dir_all(dir);
    }
    if path.contains("mode=") {
        url.to_owned()
    } else if path.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// Applies pending migrations, then runs `seed` in the same transaction (a feature's demo data,
/// say).
///
/// On PostgreSQL several app instances may start at once (and the tests migrate many schemas of
/// one database in parallel): a transaction-scoped advisory lock makes them take turns, so the
/// second one finds the schema, the `pg_trgm` extension and the demo rows already in place.
pub async fn prepare(
    db: &DatabaseConnection,
    seed: impl AsyncFnOnce(&DatabaseTransaction) -> Result<(), DbErr>,
) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    if db.get_database_backend() == DbBackend::Postgres {
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({PREPARE_LOCK})"))
            .await?;
    }
    Migrator::up(&txn, None).await?;
    seed(&txn).await?;
    txn.commit().await
}

/// The advisory lock key of [`prepare`] ("vnext" in ASCII).
const PREPARE_LOCK: i64 = 0x0076_6e65_7874;

/// The connection the router provides to every page render and server function.
pub fn use_db() -> Result<DatabaseConnection, ServerFnError> {
    use_context::<DatabaseConnection>().ok_or_else(|| ServerFnError::new("no database in context"))
}

/// The pool for reads of the public zone that the router provides beside [`use_db`].
pub fn use_reads() -> Result<DatabaseConnection, ServerFnError> {
    use_context::<Reads>()
        .map(|reads| reads.0)
        .ok_or_else(|| ServerFnError::new("no database in context"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_connection_idle_for_a_while_is_pinged_before_use() {
        let options = super::options("postgres://db.example/vnext");
        assert!(!options.get_test_before_acquire());
        assert_eq!(
            options.get_test_before_acquire_if_idle_for(),
            Some(super::IDLE_BEFORE_PING)
        );
    }
}
