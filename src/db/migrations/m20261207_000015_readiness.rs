//! Readiness: the self-assessments enterprises take before going abroad, every one kept.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, child_table, created_at, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // An enterprise's history, newest first; the operators' list of the latest of each.
        let indexes = [index("readiness_assessments", "account", &["account_id", "id"])];
        steps::create_tables(manager, tables(), indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(manager, tables()).await
    }
}

fn tables() -> [TableCreateStatement; 1] {
    [child_table("readiness_assessments", "account_id", "accounts")
        .col(string_len("answers", 64))
        .col(created_at())
        .to_owned()]
}
