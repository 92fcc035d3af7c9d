//! Delivery state of the email outbox: attempts, the next try, the claim of the instance
//! sending a mail, the last error, and giving up.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One column at a time: SQLite adds no more per statement.
const COLUMNS: [&str; 5] = [
    "attempts",
    "next_attempt_at",
    "claimed_until",
    "last_error",
    "failed_at",
];

fn definition(column: &'static str) -> ColumnDef {
    match column {
        // Existing rows need a value: none has been tried yet.
        "attempts" => integer(column).default(0).take(),
        "last_error" => text_null(column),
        _ => timestamp_with_time_zone_null(column),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::add_columns(manager, "outbox", COLUMNS.map(definition)).await?;
        // The delivery worker's scan: unsent, not given up, due.
        let pending = index(
            "outbox",
            "pending",
            &["sent_at", "failed_at", "next_attempt_at"],
        );
        manager.create_index(pending).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_index(manager, "outbox", "pending").await?;
        steps::drop_columns(manager, "outbox", &COLUMNS).await
    }
}
