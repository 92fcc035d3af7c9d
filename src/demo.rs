//! The demo a new user sees: each feature's demo data, loaded into an empty database in the
//! transaction that migrates it, so that several instances starting at once load it once.

use sea_orm::{DatabaseConnection, DbErr};

/// Migrates the database and, when `demo`, loads each feature's demo data where it has none.
pub async fn prepare(db: &DatabaseConnection, demo: bool) -> Result<(), DbErr> {
    crate::db::prepare(db, async |txn| {
        if !demo {
            return Ok(());
        }
        crate::zone::demo::seed(txn).await?;
        crate::matchmaking::demo::seed(txn).await
    })
    .await
}
