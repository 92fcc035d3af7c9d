//! Accounts that someone else gave a password to (partners created in the console) must choose
//! their own at first sign-in; sign-in looks up the addresses an account has used before.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let must_change_password = boolean("must_change_password").default(false).take();
        steps::add_columns(manager, "accounts", [must_change_password]).await?;
        let actor_action = index("audit_log", "actor_action", &["actor_id", "action"]);
        manager.create_index(actor_action).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_index(manager, "audit_log", "actor_action").await?;
        steps::drop_columns(manager, "accounts", &["must_change_password"]).await
    }
}
