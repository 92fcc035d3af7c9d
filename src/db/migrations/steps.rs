//! The steps the migrations repeat: statements of one kind run one after another, in the order
//! given, raw SQL for what each database does its own way, and the columns, keys and indexes
//! the tables share.

use sea_orm::{ConnectionTrait, DbBackend, StatementBuilder};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, pk_auto, timestamp_with_time_zone};

/// Runs `statements` one after another, in the order given.
async fn run_all<S: StatementBuilder>(
    manager: &SchemaManager<'_>,
    statements: impl IntoIterator<Item = S>,
) -> Result<(), DbErr> {
    for statement in statements {
        manager.execute(statement).await?;
    }
    Ok(())
}

/// Creates `tables` in order, a table after the tables its foreign keys reference, then
/// `indexes`.
pub async fn create_tables(
    manager: &SchemaManager<'_>,
    tables: impl IntoIterator<Item = TableCreateStatement>,
    indexes: impl IntoIterator<Item = IndexCreateStatement>,
) -> Result<(), DbErr> {
    run_all(manager, tables).await?;
    run_all(manager, indexes).await
}

/// Drops the tables that `tables` create, the last created first: a table before the tables it
/// references. Taking the statements of `up` keeps a migration from naming its tables twice.
pub async fn drop_tables(
    manager: &SchemaManager<'_>,
    tables: impl IntoIterator<Item = TableCreateStatement>,
) -> Result<(), DbErr> {
    // Built before the first await: a lazy iterator's closure would make the future not `Send`.
    let mut statements: Vec<_> = tables
        .into_iter()
        .filter_map(|table| table.get_table_name().cloned())
        .map(|table| Table::drop().table(table).to_owned())
        .collect();
    statements.reverse();
    run_all(manager, statements).await
}

/// Adds `columns` to `table`, one statement each: SQLite adds no more per statement.
pub async fn add_columns(
    manager: &SchemaManager<'_>,
    table: &'static str,
    columns: impl IntoIterator<Item = ColumnDef>,
) -> Result<(), DbErr> {
    let statements: Vec<_> = columns
        .into_iter()
        .map(|column| Table::alter().table(table).add_column(column).to_owned())
        .collect();
    run_all(manager, statements).await
}

/// Drops `columns` from `table`, one statement each, like [`add_columns`].
pub async fn drop_columns(
    manager: &SchemaManager<'_>,
    table: &'static str,
    columns: &[&'static str],
) -> Result<(), DbErr> {
    let statements: Vec<_> = columns
        .iter()
        .map(|&column| Table::alter().table(table).drop_column(column).to_owned())
        .collect();
    run_all(manager, statements).await
}

/// The table `name`, its first column the auto-increment key `id` that [`cascade`] points
/// foreign keys at.
pub fn table_with_id(name: &'static str) -> TableCreateStatement {
    Table::create().table(name).col(pk_auto("id")).to_owned()
}

/// The table `name` with its own `id`, whose rows belong to a row of `owners` through `column`
/// (named `{owner}_id`): deleting the owner deletes them.
pub fn child_table(
    name: &'static str,
    column: &'static str,
    owners: &'static str,
) -> TableCreateStatement {
    table_with_id(name)
        .col(integer(column))
        .foreign_key(&mut cascade(name, column, owners))
        .to_owned()
}

/// Like [`child_table`], but keyed by `column` and `key` (a language, a year…) instead of an
/// `id`; the caller declares `key` with the other columns.
pub fn keyed_child_table(
    name: &'static str,
    column: &'static str,
    owners: &'static str,
    key: &'static str,
) -> TableCreateStatement {
    Table::create()
        .table(name)
        .col(integer(column))
        .primary_key(Index::create().col(column).col(key))
        .foreign_key(&mut cascade(name, column, owners))
        .to_owned()
}

/// `created_at`, of the same type in every table that keeps one.
pub fn created_at() -> ColumnDef {
    timestamp_with_time_zone("created_at")
}

/// `updated_at`, of the same type as [`created_at`].
pub fn updated_at() -> ColumnDef {
    timestamp_with_time_zone("updated_at")
}

/// The foreign key `fk_{table}_{owner}` from `table.column`, named `{owner}_{key}`, to
/// `owners.key`.
fn reference(
    table: &'static str,
    column: &'static str,
    owners: &'static str,
    key: &'static str,
) -> ForeignKeyCreateStatement {
    let owner = column
        .strip_suffix(key)
        .and_then(|owner| owner.strip_suffix('_'))
        .unwrap_or(column);
    ForeignKey::create()
        .name(format!("fk_{table}_{owner}"))
        .from(table, column)
        .to(owners, key)
        .to_owned()
}

/// The foreign key `fk_{table}_{owner}` from `table.column` (named `{owner}_id`) to `owners.id`:
/// deleting the owner deletes the row.
pub fn cascade(
    table: &'static str,
    column: &'static str,
    owners: &'static str,
) -> ForeignKeyCreateStatement {
    reference(table, column, owners, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// The foreign key `fk_{table}_exchange` from `table.exchange_mic` to `exchanges.mic`, with the
/// database's own action on delete unless the caller sets one.
pub fn to_exchange(table: &'static str) -> ForeignKeyCreateStatement {
    reference(table, "exchange_mic", "exchanges", "mic")
}

/// The name of an index of `table`: `{prefix}_{table}_{what}`, `ix` for an index and `ux` for a
/// unique one, so that a name tells its table.
fn index_name(prefix: &str, table: &str, what: &str) -> String {
    format!("{prefix}_{table}_{what}")
}

fn index_on(name: String, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).to_owned();
    for col in cols {
        index.col(*col);
    }
    index
}

/// The index `ix_{table}_{what}` of `table` on `cols`, in that order.
pub fn index(table: &'static str, what: &str, cols: &[&'static str]) -> IndexCreateStatement {
    index_on(index_name("ix", table, what), table, cols)
}

/// The unique index `ux_{table}_{what}` of `table` on `cols`, in that order.
pub fn unique_index(
    table: &'static str,
    what: &str,
    cols: &[&'static str],
) -> IndexCreateStatement {
    index_on(index_name("ux", table, what), table, cols)
        .unique()
        .to_owned()
}

/// Drops the index that [`index`] names `ix_{table}_{what}`.
pub async fn drop_index(
    manager: &SchemaManager<'_>,
    table: &'static str,
    what: &str,
) -> Result<(), DbErr> {
    let name = index_name("ix", table, what);
    manager
        .drop_index(Index::drop().name(name).table(table).to_owned())
        .await
}

/// Runs raw SQL `statements` in order.
async fn run_sql<S: AsRef<str>>(
    manager: &SchemaManager<'_>,
    statements: impl IntoIterator<Item = S>,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for statement in statements {
        db.execute_unprepared(statement.as_ref()).await?;
    }
    Ok(())
}

/// Whether the migrations run on `backend`.
pub fn runs_on(manager: &SchemaManager<'_>, backend: DbBackend) -> bool {
    manager.get_connection().get_database_backend() == backend
}

/// Runs raw SQL `statements` in order, only when the database is `backend`: for what one of the
/// two databases does its own way and the other does not need.
pub async fn run_sql_on<S: AsRef<str>>(
    manager: &SchemaManager<'_>,
    backend: DbBackend,
    statements: impl IntoIterator<Item = S>,
) -> Result<(), DbErr> {
    if !runs_on(manager, backend) {
        return Ok(());
    }
    run_sql(manager, statements).await
}

/// Runs the raw SQL `sqlite` on SQLite and `postgres` on PostgreSQL, for what the two databases
/// do each their own way. Any other database is refused: none has its SQL written, and the first
/// migration to call this stops the others from running there.
pub async fn run_sql_by_backend<S: AsRef<str>>(
    manager: &SchemaManager<'_>,
    sqlite: impl IntoIterator<Item = S>,
    postgres: impl IntoIterator<Item = S>,
) -> Result<(), DbErr> {
    match manager.get_connection().get_database_backend() {
        DbBackend::Sqlite => run_sql(manager, sqlite).await,
        DbBackend::Postgres => run_sql(manager, postgres).await,
        other => Err(DbErr::Migration(format!("{other:?} is not supported"))),
    }
}
