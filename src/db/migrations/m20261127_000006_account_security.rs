//! Accounts that someone else gave a password to (partners created in the console) must choose
//! their own at first sign-in; sign-in looks up the addresses an account has used before.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::add_columns(
            manager,
            "accounts",
            [boolean("must_change_password").default(false).take()],
        )
        .await?;
        manager
            .create_index(index(
                "ix_audit_log_actor_action",
                "audit_log",
                &["actor_id", "action"],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_audit_log_actor_action")
                    .table("audit_log")
                    .to_owned(),
            )
            .await?;
        steps::drop_columns(manager, "accounts", &["must_change_password"]).await
    }
}
