//! The console's queries: each section one page at a time, counted and paged in the database.

use super::{AuditRow, Console, ConsolePages, EnterpriseRow, OutboxRow, PartnerRow, Section};
use crate::accounts::entity::{account, enterprise};
use crate::accounts::mail::readable_by_operators;
use crate::accounts::{Role, Status};
use crate::i18n::{Lang, tr};
use crate::platform::entity::{audit, outbox};
use crate::zone::entity::exchange;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Select,
};
use std::collections::HashMap;

/// Rows per page of every section.
pub const PAGE_SIZE: u64 = 25;

/// A moment as operators read it, to the second, in UTC.
fn moment(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// Page `page` of `select` (the last one when `page` is past it), with the count of rows.
async fn page_of<E: EntityTrait>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    page: u32,
) -> Result<Section<E::Model>, DbErr>
where
    E::Model: Sync,
{
    let paginator = select.paginate(db, PAGE_SIZE);
    let total = paginator.num_items().await?;
    let pages = total.div_ceil(PAGE_SIZE).max(1) as u32;
    let page = page.clamp(1, pages);
    let rows = paginator.fetch_page(u64::from(page - 1)).await?;
    Ok(Section {
        rows,
        page,
        pages,
        total,
    })
}

fn map<T, U>(section: Section<T>, f: impl FnMut(T) -> U) -> Section<U> {
    Section {
        rows: section.rows.into_iter().map(f).collect(),
        page: section.page,
        pages: section.pages,
        total: section.total,
    }
}

fn status(a: &account::Model) -> Status {
    Status::from_code(&a.status).unwrap_or(Status::Pending)
}

/// Enterprise accounts, newest first: the pending ones, or all the others.
async fn enterprises(
    db: &impl ConnectionTrait,
    pending: bool,
    page: u32,
) -> Result<Section<EnterpriseRow>, DbErr> {
    let pending_code = Status::Pending.code();
    let select = account::Entity::find()
        .filter(account::Column::Role.eq(Role::Enterprise.code()))
        .filter(if pending {
            account::Column::Status.eq(pending_code)
        } else {
            account::Column::Status.ne(pending_code)
        })
        .order_by_desc(account::Column::Id);
    let accounts = page_of(db, select, page).await?;
    let ids: Vec<i32> = accounts.rows.iter().map(|a| a.id).collect();
    let mut details: HashMap<i32, enterprise::Model> = enterprise::Entity::find()
        .filter(enterprise::Column::AccountId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.account_id, e))
        .collect();
    let rows = accounts
        .rows
        .into_iter()
        .filter_map(|a| {
            Some(EnterpriseRow {
                details: details.remove(&a.id)?.into(),
                account_id: a.id,
                status: status(&a),
                registered_at: moment(a.created_at),
                email: a.email,
                status_reason: a.status_reason,
            })
        })
        .collect();
    Ok(Section {
        rows,
        page: accounts.page,
        pages: accounts.pages,
        total: accounts.total,
    })
}

pub async fn console(
    db: &impl ConnectionTrait,
    lang: Lang,
    pages: ConsolePages,
) -> Result<Console, DbErr> {
    let partners = account::Entity::find()
        .filter(account::Column::Role.eq(Role::Partner.code()))
        .order_by_asc(account::Column::ExchangeMic)
        .order_by_asc(account::Column::Email);
    let partners = map(page_of(db, partners, pages.partners).await?, |a| {
        PartnerRow {
            account_id: a.id,
            status: status(&a),
            email: a.email,
            exchange_mic: a.exchange_mic.unwrap_or_default(),
        }
    });
    let exchanges = exchange::Entity::find()
        .order_by_asc(exchange::Column::Mic)
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.mic.clone(), e.name(lang).to_owned()))
        .collect();
    let outbox = outbox::Entity::find().order_by_desc(outbox::Column::Id);
    let outbox = map(page_of(db, outbox, pages.outbox).await?, |m| OutboxRow {
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
    });
    let audit = audit::Entity::find().order_by_desc(audit::Column::Id);
    let audit = map(page_of(db, audit, pages.audit).await?, |m| AuditRow {
        at: moment(m.at),
        actor: m.actor,
        action: m.action,
        target: m.target,
        ip: m.ip,
        detail: m.detail,
    });
    let pending = enterprises(db, true, pages.pending).await?;
    let enterprises = enterprises(db, false, pages.enterprises).await?;
    let pages = ConsolePages {
        pending: pending.page,
        enterprises: enterprises.page,
        partners: partners.page,
        outbox: outbox.page,
        audit: audit.page,
    };
    Ok(Console {
        pages,
        pending,
        enterprises,
        partners,
        exchanges,
        outbox,
        audit,
    })
}
