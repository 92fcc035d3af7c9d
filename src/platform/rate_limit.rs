//! Rate limits shared by every app instance: each attempt is a row, counted in the database.

use super::entity::rate_event;
use chrono::{Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query, QueryStatementBuilder, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, QueryFilter,
    Statement, TransactionTrait,
};
use std::sync::atomic::{AtomicU64, Ordering};

/// At most `max` attempts per `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: u64,
    pub window: Duration,
}

/// Keys longer than this are stored as their digest: every key fits the column, and a key
/// cut short would never match itself again and so never be limited.
const KEY_CHARS: usize = 120;

fn stored_key(key: &str) -> String {
    if key.len() <= KEY_CHARS {
        key.to_owned()
    } else {
        format!("sha256:{}", super::tokens::digest(key))
    }
}

/// Records an attempt under `key` unless `limit` is already reached; returns whether it may
/// go ahead. Check and record are one statement, so a burst of parallel requests cannot slip
/// past the limit; counted in the database, so every app instance sees the same count.
pub async fn allow(db: &DatabaseConnection, key: &str, limit: Limit) -> Result<bool, DbErr> {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let now = Utc::now();
    if CALLS.fetch_add(1, Ordering::Relaxed).is_multiple_of(500) {
        rate_event::Entity::delete_many()
            .filter(rate_event::Column::At.lt(now - Duration::days(1)))
            .exec(db)
            .await?;
    }
    let key = stored_key(key);
    let recent = Query::select()
        .expr(Expr::col(rate_event::Column::Id).count())
        .from(rate_event::Entity)
        .and_where(rate_event::Column::Key.eq(key.as_str()))
        .and_where(rate_event::Column::At.gt(now - limit.window))
        .to_owned();
    let max = i64::try_from(limit.max).unwrap_or(i64::MAX);
    let insert = Query::insert()
        .into_table(rate_event::Entity)
        .columns([rate_event::Column::Key, rate_event::Column::At])
        .select_from(
            Query::select()
                .exprs([Expr::val(key.as_str()), Expr::val(now)])
                .and_where(
                    SimpleExpr::SubQuery(None, Box::new(recent.into_sub_query_statement())).lt(max),
                )
                .to_owned(),
        )
        .map_err(|e| DbErr::Custom(e.to_string()))?
        .to_owned();
    let txn = db.begin().await?;
    if db.get_database_backend() == DbBackend::Postgres {
        // Read committed would let two transactions count the same rows; SQLite runs one
        // writing statement at a time anyway.
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            [key.as_str().into()],
        ))
        .await?;
    }
    let inserted = txn.execute(&insert).await?.rows_affected();
    txn.commit().await?;
    Ok(inserted == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_keys_are_stored_whole_or_as_a_digest() {
        let long = format!("login:account:{}", "a".repeat(70_000));
        let stored = stored_key(&long);
        assert!(stored.len() <= KEY_CHARS);
        assert_eq!(stored, stored_key(&long));
        assert_ne!(stored, stored_key(&format!("{long}b")));
        assert_eq!(stored_key("login:ip:192.0.2.1"), "login:ip:192.0.2.1");
    }
}
