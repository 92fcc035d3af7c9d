//! Dated CNY exchange rates, for the CNY equivalents on company pages.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("exchange_rates")
                    .col(string_len("currency", 3))
                    .col(date("as_of"))
                    .col(double("cny_per_unit"))
                    .primary_key(Index::create().col("currency").col("as_of"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("exchange_rates").to_owned())
            .await
    }
}
