//! Ordered schema migrations, one file each, applied at start-up.

use sea_orm_migration::prelude::*;

mod steps;

/// Declares each migration's module and lists it, in order, for the migrator: a new migration
/// is one line here.
macro_rules! migrations {
    ($($name:ident),* $(,)?) => {
        $(mod $name;)*

        pub struct Migrator;

        #[async_trait::async_trait]
        impl MigratorTrait for Migrator {
            fn migrations() -> Vec<Box<dyn MigrationTrait>> {
                vec![$(Box::new($name::Migration)),*]
            }
        }
    };
}

migrations![
    m20261126_000001_zone,
    m20261126_000002_exchange_rates,
    m20261126_000003_company_search,
    m20261126_000004_accounts,
    m20261127_000005_outbox_delivery,
    m20261127_000006_account_security,
    m20261127_000007_listings,
    m20261127_000008_search_per_statement,
    m20261127_000009_search_deferred,
    m20261203_000010_company_contact,
    m20261204_000011_page_generation,
    m20261204_000012_directory_at_scale,
    m20261207_000013_matchmaking,
    m20261207_000014_company_topics,
    m20261207_000015_readiness,
    m20261207_000016_search_ranking_names,
];
