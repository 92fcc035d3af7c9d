//! The steps the migrations repeat: statements of one kind run one after another, in the order
//! given, and the builders of the indexes and foreign keys they share.

use sea_orm::{ConnectionTrait, DbBackend, StatementBuilder};
use sea_orm_migration::prelude::*;

/// Runs `statements` one after another, in the order given: a table after the tables its
/// foreign keys reference.
pub async fn run_all<S: StatementBuilder>(
    manager: &SchemaManager<'_>,
    statements: impl IntoIterator<Item = S>,
) -> Result<(), DbErr> {
    for statement in statements {
        manager.execute(statement).await?;
    }
    Ok(())
}

/// Drops `tables` in order: a table before the tables it references.
pub async fn drop_tables(
    manager: &SchemaManager<'_>,
    tables: &[&'static str],
) -> Result<(), DbErr> {
    // Built before the first await: a lazy iterator's closure would make the future not `Send`.
    let statements: Vec<_> = tables
        .iter()
        .map(|&table| Table::drop().table(table).to_owned())
        .collect();
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

/// The index `name` of `table` on `cols`, in that order.
pub fn index(
    name: &str,
    table: &'static str,
    cols: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).to_owned();
    for col in cols {
        index.col(*col);
    }
    if unique {
        index.unique();
    }
    index
}

/// The foreign key `fk_{table}_{owner}` from `table.column` (named `{owner}_id`) to `owners.id`:
/// deleting the owner deletes the row.
pub fn cascade(
    table: &'static str,
    column: &'static str,
    owners: &'static str,
) -> ForeignKeyCreateStatement {
    let owner = column.strip_suffix("_id").unwrap_or(column);
    ForeignKey::create()
        .name(format!("fk_{table}_{owner}"))
        .from(table, column)
        .to(owners, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// Runs raw SQL `statements` in order, only when the database is `backend`: for what one of the
/// two databases does its own way.
pub async fn run_sql_on(
    manager: &SchemaManager<'_>,
    backend: DbBackend,
    statements: Vec<String>,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if db.get_database_backend() != backend {
        return Ok(());
    }
    for statement in statements {
        db.execute_unprepared(&statement).await?;
    }
    Ok(())
}
