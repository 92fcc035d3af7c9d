//! The topics of the industry taxonomy each company's texts touch, kept by matchmaking for its
//! recommendations, and the company version they were read from: a company whose `updated_at`
//! moved on is read again.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, cascade, index, keyed_child_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Candidates for a demand: the companies sharing any of its topics.
        let indexes = [index("company_topics", "topic", &["topic", "company_id"])];
        steps::create_tables(manager, tables(), indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(manager, tables()).await
    }
}

fn tables() -> [TableCreateStatement; 2] {
    [
        keyed_child_table("company_topics", "company_id", "companies", "topic")
            .col(string_len("topic", 48))
            .to_owned(),
        Table::create()
            .table("company_topic_reads")
            .col(integer("company_id").primary_key())
            .col(timestamp_with_time_zone("company_updated_at"))
            .foreign_key(&mut cascade("company_topic_reads", "company_id", "companies"))
            .to_owned(),
    ]
}
