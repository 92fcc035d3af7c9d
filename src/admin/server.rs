//! The console's queries.

use super::{AuditRow, Console, EnterpriseRow, OutboxRow, PartnerRow};
use crate::accounts::entity::{account, enterprise};
use crate::accounts::mail::readable_by_operators;
use crate::accounts::{Role, Status};
use crate::i18n::{Lang, tr};
use crate::platform::entity::{audit, outbox};
use crate::zone::entity::exchange;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// A moment as operators read it, to the second, in UTC.
fn moment(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// Rows of the outbox and the audit log the console shows.
const RECENT: u64 = 100;

pub async fn console(db: &impl ConnectionTrait, lang: Lang) -> Result<Console, DbErr> {
    let accounts: HashMap<i32, account::Model> = account::Entity::find()
        .filter(account::Column::Role.ne(Role::Operator.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let status = |a: &account::Model| Status::from_code(&a.status).unwrap_or(Status::Pending);
    let mut enterprises: Vec<EnterpriseRow> = enterprise::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|e| {
            let a = accounts.get(&e.account_id)?;
            Some(EnterpriseRow {
                account_id: a.id,
                email: a.email.clone(),
                status: status(a),
                status_reason: a.status_reason.clone(),
                registered_at: moment(a.created_at),
                details: e.into(),
            })
        })
        .collect();
    enterprises.sort_by_key(|e| std::cmp::Reverse(e.account_id));
    let (pending, enterprises) = enterprises
        .into_iter()
        .partition(|e| e.status == Status::Pending);
    let mut partners: Vec<PartnerRow> = accounts
        .values()
        .filter(|a| a.role == Role::Partner.code())
        .map(|a| PartnerRow {
            account_id: a.id,
            email: a.email.clone(),
            status: status(a),
            exchange_mic: a.exchange_mic.clone().unwrap_or_default(),
        })
        .collect();
    partners.sort_by(|a, b| (&a.exchange_mic, &a.email).cmp(&(&b.exchange_mic, &b.email)));
    let exchanges = exchange::Entity::find()
        .order_by_asc(exchange::Column::Mic)
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.mic.clone(), e.name(lang).to_owned()))
        .collect();
    let outbox = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .limit(RECENT)
        .all(db)
        .await?
        .into_iter()
        .map(|m| OutboxRow {
            id: m.id,
            recipient: m.recipient,
            lang: m.lang,
            subject: m.subject,
            body: if readable_by_operators(&m.kind) {
                m.body
            } else {
                tr(lang, "admin-outbox-withheld")
            },
            created_at: moment(m.created_at),
            sent: m.sent_at.is_some(),
        })
        .collect();
    let audit = audit::Entity::find()
        .order_by_desc(audit::Column::Id)
        .limit(RECENT)
        .all(db)
        .await?
        .into_iter()
        .map(|m| AuditRow {
            at: moment(m.at),
            actor: m.actor,
            action: m.action,
            target: m.target,
            ip: m.ip,
            detail: m.detail,
        })
        .collect();
    Ok(Console {
        pending,
        enterprises,
        partners,
        exchanges,
        outbox,
        audit,
    })
}
