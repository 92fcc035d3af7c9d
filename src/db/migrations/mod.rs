//! Ordered schema migrations, one file each, applied at start-up.

use sea_orm_migration::prelude::*;

mod m20261126_000001_zone;
mod m20261126_000002_exchange_rates;
mod m20261126_000003_company_search;
mod m20261126_000004_accounts;
mod m20261127_000005_outbox_delivery;
mod m20261127_000006_account_security;
mod m20261127_000007_listings;
mod m20261127_000008_search_per_statement;
mod m20261127_000009_search_deferred;
mod m20261203_000010_company_contact;
mod m20261204_000011_page_generation;
mod m20261204_000012_directory_at_scale;
mod steps;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_zone::Migration),
            Box::new(m20261126_000002_exchange_rates::Migration),
            Box::new(m20261126_000003_company_search::Migration),
            Box::new(m20261126_000004_accounts::Migration),
            Box::new(m20261127_000005_outbox_delivery::Migration),
            Box::new(m20261127_000006_account_security::Migration),
            Box::new(m20261127_000007_listings::Migration),
            Box::new(m20261127_000008_search_per_statement::Migration),
            Box::new(m20261127_000009_search_deferred::Migration),
            Box::new(m20261203_000010_company_contact::Migration),
            Box::new(m20261204_000011_page_generation::Migration),
            Box::new(m20261204_000012_directory_at_scale::Migration),
        ]
    }
}
