//! The signed-in account as it sees itself.

use crate::accounts::entity::{account, enterprise};
use crate::accounts::{MyAccount, SessionSummary, Viewer, session};
use crate::i18n::Lang;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

impl From<enterprise::Model> for crate::accounts::EnterpriseDetails {
    fn from(e: enterprise::Model) -> Self {
        crate::accounts::EnterpriseDetails {
            name_zh: e.name_zh,
            name_en: e.name_en,
            uscc: e.uscc,
            kind: e.kind,
            industry: e.industry,
            region: e.region,
            contact_name: e.contact_name,
            phone: e.phone,
        }
    }
}

/// The signed-in account's own record, as its account page shows it.
pub async fn my_account(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    current_session: Option<&str>,
) -> Result<Option<MyAccount>, DbErr> {
    use crate::zone::entity::{company, exchange};
    use sea_orm::PaginatorTrait;
    let Some(found) = account::Entity::find_by_id(viewer.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let enterprise = enterprise::Entity::find_by_id(found.id)
        .one(db)
        .await?
        .map(Into::into);
    let exchange = match &found.exchange_mic {
        Some(mic) => {
            let name = exchange::Entity::find_by_id(mic.clone())
                .one(db)
                .await?
                .map(|e| e.name(lang).to_owned())
                .unwrap_or_else(|| mic.clone());
            let listed = company::Entity::find()
                .filter(company::Column::ExchangeMic.eq(mic))
                .count(db)
                .await?;
            Some((mic.clone(), name, listed))
        }
        None => None,
    };
    let when = |t: chrono::DateTime<Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    let sessions = session::list(db, found.id)
        .await?
        .into_iter()
        .map(|s| SessionSummary {
            signed_in: when(s.created_at),
            last_seen: when(s.last_seen_at),
            current: current_session == Some(s.id.as_str()),
            ip: s.ip,
            user_agent: s.user_agent,
        })
        .collect();
    Ok(Some(MyAccount {
        sessions,
        email: found.email,
        role: viewer.role,
        status: viewer.status,
        status_reason: found.status_reason,
        enterprise,
        exchange,
    }))
}
