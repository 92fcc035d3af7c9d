//! Exchanges, listed companies, their per-language texts, cooperation intents and financials.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{
    self, child_table, created_at, index, keyed_child_table, table_with_id, to_exchange,
    unique_index, updated_at,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let indexes = [
            unique_index("companies", "exchange_symbol", &["exchange_mic", "symbol"]),
            index("companies", "industry", &["industry"]),
            index("companies", "country", &["country"]),
            index("companies", "market", &["exchange_mic", "market"]),
            unique_index(
                "cooperation_intents",
                "company_kind",
                &["company_id", "kind"],
            ),
            index("cooperation_intents", "kind", &["kind"]),
        ];
        steps::create_tables(manager, tables(), indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(manager, tables()).await
    }
}

fn tables() -> [TableCreateStatement; 5] {
    [
        Table::create()
            .table("exchanges")
            .col(string_len("mic", 4).primary_key())
            .col(string_len("country", 2))
            .col(string("name_zh"))
            .col(string("name_en"))
            .col(string("name_ms"))
            .col(string("name_th"))
            .col(string_null("website"))
            .to_owned(),
        table_with_id("companies")
            .col(string_len("exchange_mic", 4))
            .col(string_len("symbol", 16))
            .col(string_len("market", 32))
            .col(string_len("industry", 32))
            .col(string_len("sector", 32))
            .col(string_len("country", 2))
            .col(string_len_null("local_lang", 2))
            .col(string_null("website"))
            .col(date_null("listing_date"))
            .col(boolean("green").default(false))
            .col(created_at())
            .col(updated_at())
            .foreign_key(to_exchange("companies").on_delete(ForeignKeyAction::Restrict))
            .to_owned(),
        keyed_child_table("company_texts", "company_id", "companies", "lang")
            .col(string_len("lang", 2))
            .col(text_null("name"))
            .col(text_null("main_business"))
            .col(text_null("advantages"))
            .col(text_null("cooperation_note"))
            .to_owned(),
        child_table("cooperation_intents", "company_id", "companies")
            .col(string_len("kind", 32))
            .col(string_len_null("target_industry", 32))
            .col(string_len_null("target_region", 2))
            .to_owned(),
        keyed_child_table("financial_years", "company_id", "companies", "fiscal_year")
            .col(integer("fiscal_year"))
            .col(string_len("currency", 3))
            .col(big_integer("unit").default(1000))
            .col(big_integer("revenue"))
            .col(big_integer("net_profit"))
            .col(big_integer("total_assets"))
            .col(big_integer("total_equity"))
            .col(double_null("eps"))
            .col(big_integer_null("market_cap"))
            .col(date_null("market_cap_date"))
            .col(boolean("audited").default(false))
            .to_owned(),
    ]
}
