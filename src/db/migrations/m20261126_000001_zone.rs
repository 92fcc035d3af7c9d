//! Exchanges, listed companies, their per-language texts, cooperation intents and financials.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, cascade, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::run_all(
            manager,
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
                Table::create()
                    .table("companies")
                    .col(pk_auto("id"))
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
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_companies_exchange")
                            .from("companies", "exchange_mic")
                            .to("exchanges", "mic")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
                Table::create()
                    .table("company_texts")
                    .col(integer("company_id"))
                    .col(string_len("lang", 2))
                    .col(text_null("name"))
                    .col(text_null("main_business"))
                    .col(text_null("advantages"))
                    .col(text_null("cooperation_note"))
                    .primary_key(Index::create().col("company_id").col("lang"))
                    .foreign_key(&mut cascade("company_texts", "company_id", "companies"))
                    .to_owned(),
                Table::create()
                    .table("cooperation_intents")
                    .col(pk_auto("id"))
                    .col(integer("company_id"))
                    .col(string_len("kind", 32))
                    .col(string_len_null("target_industry", 32))
                    .col(string_len_null("target_region", 2))
                    .foreign_key(&mut cascade(
                        "cooperation_intents",
                        "company_id",
                        "companies",
                    ))
                    .to_owned(),
                Table::create()
                    .table("financial_years")
                    .col(integer("company_id"))
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
                    .primary_key(Index::create().col("company_id").col("fiscal_year"))
                    .foreign_key(&mut cascade("financial_years", "company_id", "companies"))
                    .to_owned(),
            ],
        )
        .await?;

        steps::run_all(
            manager,
            [
                index(
                    "ux_companies_exchange_symbol",
                    "companies",
                    &["exchange_mic", "symbol"],
                    true,
                ),
                index("ix_companies_industry", "companies", &["industry"], false),
                index("ix_companies_country", "companies", &["country"], false),
                index(
                    "ix_companies_market",
                    "companies",
                    &["exchange_mic", "market"],
                    false,
                ),
                index(
                    "ux_cooperation_intents_company_kind",
                    "cooperation_intents",
                    &["company_id", "kind"],
                    true,
                ),
                index(
                    "ix_cooperation_intents_kind",
                    "cooperation_intents",
                    &["kind"],
                    false,
                ),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(
            manager,
            &[
                "financial_years",
                "cooperation_intents",
                "company_texts",
                "companies",
                "exchanges",
            ],
        )
        .await
    }
}
