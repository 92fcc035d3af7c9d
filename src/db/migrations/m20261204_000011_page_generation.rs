//! The generation of the public pages: one number that every write to what anonymous visitors
//! see raises, in its own transaction, so that every app instance's page cache knows at its
//! next request that its copies are stale (`platform::page_cache`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "page_generation";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let table = Table::create()
            .table(TABLE)
            .col(integer("id").primary_key())
            .col(big_integer("value"))
            .to_owned();
        manager.create_table(table).await?;
        let first = Query::insert()
            .into_table(TABLE)
            .columns(["id", "value"])
            .values_panic([1.into(), 0i64.into()])
            .to_owned();
        manager.exec_stmt(first).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TABLE).to_owned())
            .await
    }
}
