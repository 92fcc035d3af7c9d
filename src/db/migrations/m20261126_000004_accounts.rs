//! Accounts (enterprise, partner, operator), enterprise registrations, database sessions,
//! password-reset tokens, the email outbox, the audit log, rate-limit events, and each
//! exchange's liaison desk.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One column at a time: SQLite adds no more per statement.
const LIAISON_COLUMNS: [&str; 3] = ["liaison_name", "liaison_email", "liaison_phone"];

fn cascade_to_account(table: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_account"))
        .from(table, "account_id")
        .to("accounts", "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("accounts")
                    .col(pk_auto("id"))
                    .col(string_len("email", 254).unique_key())
                    .col(string("password_hash"))
                    .col(string_len("role", 16))
                    .col(string_len("status", 16))
                    .col(string_null("status_reason"))
                    .col(string_len("lang", 2))
                    .col(string_len_null("exchange_mic", 4))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_accounts_exchange")
                            .from("accounts", "exchange_mic")
                            .to("exchanges", "mic"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("enterprises")
                    .col(integer("account_id").primary_key())
                    .col(string("name_zh"))
                    .col(string_null("name_en"))
                    .col(string_len("uscc", 18).unique_key())
                    .col(string_len("kind", 16))
                    .col(string_len("industry", 32))
                    .col(string_len("region", 2))
                    .col(string("contact_name"))
                    .col(string_len("phone", 32))
                    .col(timestamp_with_time_zone("terms_accepted_at"))
                    .foreign_key(&mut cascade_to_account("enterprises"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("sessions")
                    // The SHA-256 of the cookie's token: a leaked table cannot be replayed.
                    .col(string_len("id", 64).primary_key())
                    .col(integer("account_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("last_seen_at"))
                    .col(string_len_null("ip", 64))
                    .col(string_null("user_agent"))
                    .foreign_key(&mut cascade_to_account("sessions"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sessions_account")
                    .table("sessions")
                    .col("account_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("password_resets")
                    .col(string_len("token_hash", 64).primary_key())
                    .col(integer("account_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .foreign_key(&mut cascade_to_account("password_resets"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("outbox")
                    .col(pk_auto("id"))
                    .col(string_len("recipient", 254))
                    .col(string_len("lang", 2))
                    .col(string_len("kind", 32))
                    .col(string("subject"))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("audit_log")
                    .col(pk_auto("id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(integer_null("actor_id"))
                    .col(string_len("actor", 254))
                    .col(string_len("action", 48))
                    .col(string("target"))
                    .col(string_len_null("ip", 64))
                    .col(string_null("detail"))
                    .to_owned(),
            )
            .await?;
        // One row per rate-limited attempt, shared by every app instance on the database.
        manager
            .create_table(
                Table::create()
                    .table("rate_events")
                    .col(pk_auto("id"))
                    .col(string_len("key", 320))
                    .col(timestamp_with_time_zone("at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_rate_events_key_at")
                    .table("rate_events")
                    .col("key")
                    .col("at")
                    .to_owned(),
            )
            .await?;
        for column in LIAISON_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("exchanges")
                        .add_column(string_null(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "rate_events",
            "audit_log",
            "outbox",
            "password_resets",
            "sessions",
            "enterprises",
            "accounts",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in LIAISON_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("exchanges")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
