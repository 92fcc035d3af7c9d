//! A listed company's investor-relations e-mail, which its exchange's files carry. Like the
//! exchange's liaison desk it is shown only to verified enterprises, operators and the
//! exchange's own partner accounts.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::add_columns(manager, "companies", [string_null("contact_email")]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_columns(manager, "companies", &["contact_email"]).await
    }
}
