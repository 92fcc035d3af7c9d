//! The keys partners' own systems use for the listings API: shown once when created, stored as a
//! digest, revocable, with their last use recorded.

use super::TokenSummary;
use super::batches::stamp;
use super::entity::api_token;
use crate::accounts::entity::account;
use crate::accounts::{Role, Status};
use crate::platform::audit::{self, Actor};
use crate::platform::tokens::{digest, new_token};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

/// Prefix of every token, so that a leaked one is recognisable in logs and secret scanners.
const PREFIX: &str = "vnx_";
/// A partner keeps a handful of systems, not thousands of keys.
pub const MAX_ACTIVE: u64 = 20;

/// A partner's system, as the API sees it: whose token, for which exchange.
#[derive(Clone, Debug)]
pub struct Caller {
    pub token_id: i32,
    pub exchange_mic: String,
    pub actor: Actor,
}

/// Creates a token named `name` for partner account `account_id`; the token itself, which is
/// never shown again. `None` when the account already has [`MAX_ACTIVE`] active tokens.
pub async fn create(
    db: &DatabaseConnection,
    account_id: i32,
    name: &str,
    actor: &Actor,
) -> Result<Option<String>, DbErr> {
    let tx = db.begin().await?;
    let active = api_token::Entity::find()
        .filter(api_token::Column::AccountId.eq(account_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .count(&tx)
        .await?;
    if active >= MAX_ACTIVE {
        return Ok(None);
    }
    let token = format!("{PREFIX}{}", new_token());
    let name: String = name.trim().chars().take(80).collect();
    let row = api_token::ActiveModel {
        id: NotSet,
        account_id: Set(account_id),
        name: Set(if name.is_empty() { "API".into() } else { name }),
        token_hash: Set(digest(&token)),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        actor,
        "token.create",
        &format!("token:{}", row.id),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(token))
}

pub async fn list(db: &impl ConnectionTrait, account_id: i32) -> Result<Vec<TokenSummary>, DbErr> {
    let rows = api_token::Entity::find()
        .filter(api_token::Column::AccountId.eq(account_id))
        .order_by_desc(api_token::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|t| TokenSummary {
            id: t.id,
            name: t.name,
            created_at: stamp(t.created_at),
            last_used_at: t.last_used_at.map(stamp),
            revoked: t.revoked_at.is_some(),
        })
        .collect())
}

/// Revokes token `id` of account `account_id`; false when it has no such active token.
pub async fn revoke(
    db: &DatabaseConnection,
    account_id: i32,
    id: i32,
    actor: &Actor,
) -> Result<bool, DbErr> {
    let tx = db.begin().await?;
    let revoked = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Some(Utc::now()).into())
        .filter(api_token::Column::Id.eq(id))
        .filter(api_token::Column::AccountId.eq(account_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(&tx)
        .await?
        .rows_affected
        == 1;
    if revoked {
        audit::record(&tx, actor, "token.revoke", &format!("token:{id}"), None).await?;
    }
    tx.commit().await?;
    Ok(revoked)
}

/// The caller a bearer token stands for: an active token of a verified partner account bound to
/// an exchange. Records its use (at most once a minute, so that a busy system does not turn
/// every read into a write).
pub async fn authenticate(
    db: &impl ConnectionTrait,
    bearer: &str,
    ip: Option<String>,
) -> Result<Option<Caller>, DbErr> {
    if !bearer.starts_with(PREFIX) || bearer.len() > 100 {
        return Ok(None);
    }
    let Some(token) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(digest(bearer)))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(owner) = account::Entity::find_by_id(token.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let partner = Role::from_code(&owner.role) == Some(Role::Partner)
        && Status::from_code(&owner.status) == Some(Status::Verified);
    let (true, Some(exchange_mic)) = (partner, owner.exchange_mic) else {
        return Ok(None);
    };
    let now = Utc::now();
    if token
        .last_used_at
        .is_none_or(|t| now - t > Duration::minutes(1))
    {
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Some(now).into())
            .filter(api_token::Column::Id.eq(token.id))
            .exec(db)
            .await?;
    }
    Ok(Some(Caller {
        token_id: token.id,
        exchange_mic,
        actor: Actor::account(owner.id, &owner.email, ip),
    }))
}
