//! What other features read about accounts: an enterprise as a party to a case, and who to
//! write to for an exchange or for the operators. Matchmaking calls these rather than the
//! accounts' tables.

use super::entity::{account, enterprise};
use super::{Role, Status};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// A domestic enterprise as the other party of a case sees it once contacts are shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnterpriseParty {
    pub account_id: i32,
    pub email: String,
    /// The language its mail is written in.
    pub lang: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    /// One of `accounts::ENTERPRISE_KINDS`.
    pub kind: String,
    pub industry: String,
    pub contact_name: String,
    pub phone: String,
}

/// Enterprises `ids` that have registered, by account.
pub async fn enterprises(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, EnterpriseParty>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = enterprise::Entity::find()
        .filter(enterprise::Column::AccountId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let accounts: HashMap<i32, account::Model> = account::Entity::find()
        .filter(account::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|e| {
            let a = accounts.get(&e.account_id)?;
            Some((
                e.account_id,
                EnterpriseParty {
                    account_id: e.account_id,
                    email: a.email.clone(),
                    lang: a.lang.clone(),
                    name_zh: e.name_zh,
                    name_en: e.name_en,
                    kind: e.kind,
                    industry: e.industry,
                    contact_name: e.contact_name,
                    phone: e.phone,
                },
            ))
        })
        .collect())
}

/// (address, language) of the verified accounts of `role`, for `mic` when given.
async fn verified(
    db: &impl ConnectionTrait,
    role: Role,
    mic: Option<&str>,
) -> Result<Vec<(String, String)>, DbErr> {
    let mut find = account::Entity::find()
        .filter(account::Column::Role.eq(role.code()))
        .filter(account::Column::Status.eq(Status::Verified.code()));
    if let Some(mic) = mic {
        find = find.filter(account::Column::ExchangeMic.eq(mic));
    }
    Ok(find
        .order_by_asc(account::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.email, a.lang))
        .collect())
}

/// Who speaks for exchange `mic`: its verified partner accounts.
pub async fn partners_of(
    db: &impl ConnectionTrait,
    mic: &str,
) -> Result<Vec<(String, String)>, DbErr> {
    verified(db, Role::Partner, Some(mic)).await
}

/// The verified operators.
pub async fn operators(db: &impl ConnectionTrait) -> Result<Vec<(String, String)>, DbErr> {
    verified(db, Role::Operator, None).await
}

/// Where account `id`'s mail goes, and in which language.
pub async fn address(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<(String, String)>, DbErr> {
    Ok(account::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|a| (a.email, a.lang)))
}
