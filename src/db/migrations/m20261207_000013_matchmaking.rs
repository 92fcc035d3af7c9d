//! Matchmaking: the demands enterprises (and partners, for their companies) publish, with their
//! texts per language; and the liaison cases that carry an introduction to an outcome, with
//! every step taken and the message thread of their parties.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{
    self, cascade, child_table, created_at, index, keyed_child_table, table_with_id, updated_at,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let indexes = [
            // The public board: published demands, newest first.
            index("demands", "board", &["status", "published_at"]),
            index("demands", "owner", &["owner_id"]),
            index("cases", "enterprise", &["enterprise_id"]),
            index("cases", "exchange", &["exchange_mic", "updated_at"]),
            index("cases", "stage", &["stage", "updated_at"]),
            index("cases", "company", &["company_id"]),
            index("case_events", "case", &["case_id", "id"]),
            index("case_messages", "case", &["case_id", "id"]),
        ];
        steps::create_tables(manager, tables(), indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(manager, tables()).await
    }
}

fn tables() -> [TableCreateStatement; 5] {
    [
        table_with_id("demands")
            .col(integer("owner_id"))
            // A partner's offer speaks for one of its exchange's companies.
            .col(integer_null("company_id"))
            .col(string_len("kind", 24))
            .col(string_len("industry", 24))
            // ISO 3166-1 codes and exchange MICs, comma-separated.
            .col(string_len("targets", 200))
            .col(boolean("green").default(false))
            .col(big_integer_null("amount_min"))
            .col(big_integer_null("amount_max"))
            .col(string_len_null("currency", 3))
            .col(string_len_null("stage", 24))
            .col(string_len("status", 16))
            .col(text_null("return_reason"))
            .col(timestamp_with_time_zone("valid_until"))
            .col(timestamp_with_time_zone_null("published_at"))
            // Every title and description, lower-cased, for the board's search.
            .col(text("search"))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut cascade("demands", "owner_id", "accounts"))
            .foreign_key(&mut cascade("demands", "company_id", "companies"))
            .to_owned(),
        keyed_child_table("demand_texts", "demand_id", "demands", "lang")
            .col(string_len("lang", 2))
            .col(string_null("title"))
            .col(text_null("description"))
            .to_owned(),
        table_with_id("cases")
            .col(string_len("kind", 16))
            .col(string_len("stage", 16))
            .col(string_len("initiator", 16))
            .col(integer("enterprise_id"))
            .col(integer("company_id"))
            .col(string_len("exchange_mic", 4))
            .col(integer_null("demand_id"))
            .col(string_len("purpose", 24))
            .col(text("message"))
            .col(timestamp_with_time_zone_null("forwarded_at"))
            .col(timestamp_with_time_zone_null("accepted_at"))
            .col(timestamp_with_time_zone_null("meeting_at"))
            .col(string_len_null("meeting_zone", 64))
            .col(string_null("meeting_place"))
            .col(string_len_null("outcome", 16))
            .col(big_integer_null("amount"))
            .col(string_len_null("currency", 3))
            .col(text_null("outcome_note"))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut cascade("cases", "enterprise_id", "accounts"))
            .foreign_key(&mut cascade("cases", "company_id", "companies"))
            .to_owned(),
        child_table("case_events", "case_id", "cases")
            .col(timestamp_with_time_zone("at"))
            .col(integer_null("actor_id"))
            .col(string_len("side", 16))
            .col(string_len("step", 16))
            .col(string_len("from_stage", 16))
            .col(string_len("to_stage", 16))
            .col(text_null("note"))
            .to_owned(),
        child_table("case_messages", "case_id", "cases")
            .col(timestamp_with_time_zone("at"))
            .col(integer_null("author_id"))
            .col(string_len("side", 16))
            .col(text("body"))
            .to_owned(),
    ]
}
