//! The generation of the public pages: a number in the database that every write to what
//! anonymous visitors see raises, in the writer's own transaction. Each app instance's page
//! cache (`web::page_cache`) reads it before it answers from a copy, so a write on any instance
//! makes every copy everywhere stale at once, and a write rolled back makes nothing stale.

use super::entity::page_generation::{Column, Entity};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

/// Marks every public page stale. Call it inside the transaction of a write to companies,
/// exchanges, or any figure a public page shows.
pub async fn bump(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let raised = Entity::update_many()
        .col_expr(Column::Value, Expr::col(Column::Value).add(1))
        .exec(db)
        .await?;
    // Without its row the generation would never move, and copies would never go stale.
    if raised.rows_affected != 1 {
        return Err(DbErr::RecordNotUpdated);
    }
    Ok(())
}

/// The generation now; an error if its row is missing, so that nothing is served from a copy.
pub async fn current(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let row = Entity::find_by_id(1).one(db).await?;
    row.map(|g| g.value)
        .ok_or(DbErr::RecordNotFound("page_generation".into()))
}
