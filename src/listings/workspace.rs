//! The partner's workspace page: its exchange, how many of its companies the zone lists, its
//! import history and its API tokens.

use super::Workspace;
use super::{batches, tokens};
use crate::i18n::Lang;
use crate::zone::entity::{company, exchange};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

/// How many batches the history shows.
const HISTORY: u64 = 50;

/// The workspace of exchange `mic`; `account_id`: the viewer, whose tokens it lists.
pub async fn workspace(
    db: &impl ConnectionTrait,
    lang: Lang,
    mic: &str,
    account_id: Option<i32>,
) -> Result<Option<Workspace>, DbErr> {
    let Some(exchange) = exchange::Entity::find_by_id(mic).one(db).await? else {
        return Ok(None);
    };
    let of_exchange = || company::Entity::find().filter(company::Column::ExchangeMic.eq(mic));
    let listed = of_exchange()
        .filter(company::Column::DelistedAt.is_null())
        .count(db)
        .await?;
    let delisted = of_exchange()
        .filter(company::Column::DelistedAt.is_not_null())
        .count(db)
        .await?;
    let tokens = match account_id {
        Some(id) => tokens::list(db, id).await?,
        None => Vec::new(),
    };
    Ok(Some(Workspace {
        exchange_mic: exchange.mic.clone(),
        exchange_name: exchange.name(lang).to_owned(),
        listed,
        delisted,
        history: batches::history(db, mic, HISTORY).await?,
        tokens,
        max_mb: super::read::limits().max_bytes / (1024 * 1024),
        max_rows: super::read::limits().max_rows,
    }))
}
