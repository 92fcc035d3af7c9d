//! Partner imports: each uploaded file is a batch with its original bytes, the before and after
//! of every company it changed (so that it can be undone), the column mapping each exchange
//! chose, the API tokens of partners' systems, and the delisting of companies.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{
    self, child_table, created_at, index, keyed_child_table, table_with_id, to_exchange,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Delisted companies leave the zone but keep their rows, for history and undo.
        steps::add_columns(
            manager,
            "companies",
            [timestamp_with_time_zone_null("delisted_at")],
        )
        .await?;
        let indexes = [
            index("import_batches", "exchange", &["exchange_mic", "id"]),
            index("import_changes", "batch", &["batch_id"]),
            index("import_changes", "company", &["company_id"]),
            index("api_tokens", "account", &["account_id"]),
        ];
        steps::create_tables(manager, tables(), indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(manager, tables()).await?;
        steps::drop_columns(manager, "companies", &["delisted_at"]).await
    }
}

fn tables() -> [TableCreateStatement; 5] {
    [
        table_with_id("import_batches")
            .col(string_len("exchange_mic", 4))
            .col(integer_null("account_id"))
            .col(string("actor"))
            .col(string_len("channel", 8))
            .col(created_at())
            .col(string("file_name"))
            .col(big_integer("file_size"))
            .col(string_len("format", 8))
            .col(string_len_null("encoding", 32))
            .col(boolean("full_list").default(false))
            .col(text("mapping"))
            .col(string_len("status", 16))
            .col(integer("total").default(0))
            .col(integer("created").default(0))
            .col(integer("updated").default(0))
            .col(integer("unchanged").default(0))
            .col(integer("delisted").default(0))
            .col(integer("rejected").default(0))
            .col(timestamp_with_time_zone_null("committed_at"))
            .col(timestamp_with_time_zone_null("undone_at"))
            .foreign_key(&mut to_exchange("import_batches"))
            .to_owned(),
        // Apart from the batch, so that listing the history never reads the files.
        keyed_child_table("import_files", "batch_id", "import_batches", "part")
            // 0: the companies; 1: their financial years, when they come apart.
            .col(small_integer("part"))
            .col(string("file_name"))
            .col(binary("bytes"))
            .to_owned(),
        child_table("import_changes", "batch_id", "import_batches")
            .col(integer("company_id"))
            .col(string_len("action", 16))
            .col(text_null("before"))
            .col(text("after"))
            .to_owned(),
        Table::create()
            .table("import_mappings")
            .col(string_len("exchange_mic", 4))
            .col(string_len("header", 200))
            .col(string_len("field", 40))
            .primary_key(Index::create().col("exchange_mic").col("header"))
            .to_owned(),
        child_table("api_tokens", "account_id", "accounts")
            .col(string_len("name", 80))
            // SHA-256 of the token: the token itself is shown once and never stored.
            .col(string_len("token_hash", 64).unique_key())
            .col(created_at())
            .col(timestamp_with_time_zone_null("last_used_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .to_owned(),
    ]
}
