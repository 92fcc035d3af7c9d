//! A company written as a snapshot says: its row, texts, intents and years, many at a time.

use super::bulk_pg;
use super::snapshot::{Intent, Snapshot, Texts, Year};
use crate::platform::page_generation;
use crate::zone::entity::{company, company_text, cooperation_intent, financial_year};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DbBackend, DbErr,
    EntityTrait, QueryFilter, Set,
};
use std::collections::HashMap;

/// One company to write: its id (none for a new one), its state now, and the state to give it.
pub struct Write<'a> {
    pub id: Option<i32>,
    pub before: Option<&'a Snapshot>,
    pub after: &'a Snapshot,
}

/// Rows per statement: far below both databases' limits on bound parameters.
const CHUNK: usize = 500;

/// Makes company `id` (a new one when `None`) of exchange `mic` exactly `snapshot`; returns its
/// id. Meant to run inside the caller's transaction.
pub async fn write(
    db: &impl ConnectionTrait,
    id: Option<i32>,
    mic: &str,
    snapshot: &Snapshot,
) -> Result<i32, DbErr> {
    let before = match id {
        Some(id) => Some(delisted_now(db, id).await?),
        None => None,
    };
    let before = before.map(|delisted| Snapshot {
        delisted,
        ..Snapshot::default()
    });
    let write = Write {
        id,
        before: before.as_ref(),
        after: snapshot,
    };
    let ids = write_many(db, mic, &[write]).await?;
    Ok(ids[0])
}

async fn delisted_now(db: &impl ConnectionTrait, id: i32) -> Result<bool, DbErr> {
    Ok(company::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|c| c.delisted_at)
        .is_some())
}

/// Writes many companies of exchange `mic` in a few statements per [`CHUNK`]: new ones inserted
/// together (their ids read back by symbol), existing ones updated one by one, and the texts,
/// intents and years of all of them replaced together. Each write's id, in order. Meant to run
/// inside the caller's transaction.
pub async fn write_many(
    db: &impl ConnectionTrait,
    mic: &str,
    writes: &[Write<'_>],
) -> Result<Vec<i32>, DbErr> {
    let now = Utc::now();
    crate::zone::index::defer(db).await?;
    let mut ids = vec![0; writes.len()];
    for (slot, w) in ids.iter_mut().zip(writes) {
        let Some(id) = w.id else { continue };
        let mut row = company_row(mic, w.after, now);
        row.id = Set(id);
        // Keeps the first delisting date while the company stays delisted.
        let was_delisted = w.before.is_some_and(|b| b.delisted);
        row.delisted_at = if w.after.delisted == was_delisted {
            NotSet
        } else {
            Set(w.after.delisted.then_some(now))
        };
        company::Entity::update(row).exec(db).await?;
        *slot = id;
    }
    let new: Vec<usize> = (0..writes.len())
        .filter(|&i| writes[i].id.is_none())
        .collect();
    let postgres = db.get_database_backend() == DbBackend::Postgres;
    let chunk_size = if postgres { new.len().max(1) } else { CHUNK };
    for chunk in new.chunks(chunk_size) {
        let rows: Vec<company::ActiveModel> = chunk
            .iter()
            .map(|&i| {
                let mut row = company_row(mic, writes[i].after, now);
                row.created_at = Set(now);
                row.delisted_at = Set(writes[i].after.delisted.then_some(now));
                row
            })
            .collect();
        // RETURNING promises no order: ids are matched back by the unique (exchange, symbol).
        let created: Vec<(String, i32)> = if postgres {
            let answered = bulk_pg::insert(db, &rows, &["symbol", "id"]).await?;
            answered
                .iter()
                .map(|r| Ok((r.try_get("", "symbol")?, r.try_get("", "id")?)))
                .collect::<Result<_, DbErr>>()?
        } else {
            let created = company::Entity::insert_many(rows)
                .exec_with_returning(db)
                .await?;
            created.into_iter().map(|c| (c.symbol, c.id)).collect()
        };
        let by_symbol: HashMap<&str, i32> =
            created.iter().map(|(s, id)| (s.as_str(), *id)).collect();
        for &i in chunk {
            ids[i] = *by_symbol
                .get(writes[i].after.symbol.as_str())
                .ok_or_else(|| DbErr::RecordNotInserted)?;
        }
    }
    let existing: Vec<i32> = writes.iter().filter_map(|w| w.id).collect();
    delete_children(db, &existing).await?;
    let all: Vec<(i32, &Snapshot)> = ids
        .iter()
        .copied()
        .zip(writes.iter().map(|w| w.after))
        .collect();
    insert_children(db, &all).await?;
    crate::zone::index::refresh(db, &ids).await?;
    crate::zone::facets::refresh(db, mic).await?;
    page_generation::bump(db).await?;
    Ok(ids)
}

pub(super) fn company_row(
    mic: &str,
    s: &Snapshot,
    now: chrono::DateTime<Utc>,
) -> company::ActiveModel {
    company::ActiveModel {
        id: NotSet,
        exchange_mic: Set(mic.to_owned()),
        symbol: Set(s.symbol.clone()),
        market: Set(s.market.clone()),
        industry: Set(s.industry.clone()),
        sector: Set(s.sector.clone()),
        country: Set(s.country.clone()),
        local_lang: Set(s.local_lang.clone()),
        website: Set(s.website.clone()),
        contact_email: Set(s.contact_email.clone()),
        listing_date: Set(s.listing_date),
        green: Set(s.green),
        created_at: NotSet,
        updated_at: Set(now),
        delisted_at: NotSet,
    }
}

/// Texts, intents and years are few per company: replacing them is simpler than diffing, and
/// the search index's triggers follow.
async fn delete_children(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), DbErr> {
    for chunk in ids.chunks(CHUNK) {
        company_text::Entity::delete_many()
            .filter(company_text::Column::CompanyId.is_in(chunk.to_vec()))
            .exec(db)
            .await?;
        cooperation_intent::Entity::delete_many()
            .filter(cooperation_intent::Column::CompanyId.is_in(chunk.to_vec()))
            .exec(db)
            .await?;
        financial_year::Entity::delete_many()
            .filter(financial_year::Column::CompanyId.is_in(chunk.to_vec()))
            .exec(db)
            .await?;
    }
    Ok(())
}

async fn insert_children(db: &impl ConnectionTrait, all: &[(i32, &Snapshot)]) -> Result<(), DbErr> {
    let texts: Vec<_> = all
        .iter()
        .flat_map(|(id, s)| s.texts.iter().map(move |(lang, t)| text_row(*id, lang, t)))
        .collect();
    let intents: Vec<_> = all
        .iter()
        .flat_map(|(id, s)| s.intents.iter().map(move |i| intent_row(*id, i)))
        .collect();
    let years: Vec<_> = all
        .iter()
        .flat_map(|(id, s)| s.years.iter().map(move |y| year_row(*id, y)))
        .collect();
    insert_rows(db, texts).await?;
    insert_rows(db, intents).await?;
    insert_rows(db, years).await?;
    Ok(())
}

/// Inserts `rows` in as few statements as each database takes well: one JSON parameter per
/// statement on PostgreSQL (`bulk_pg`), [`CHUNK`] rows a statement on SQLite, each row moved
/// into its statement rather than copied.
pub(super) async fn insert_rows<A: ActiveModelTrait>(
    db: &impl ConnectionTrait,
    rows: Vec<A>,
) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Postgres {
        bulk_pg::insert(db, &rows, &[]).await?;
        return Ok(());
    }
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        A::Entity::insert_many(rows.by_ref().take(CHUNK))
            .exec(db)
            .await?;
    }
    Ok(())
}

pub(super) fn text_row(id: i32, lang: &str, t: &Texts) -> company_text::ActiveModel {
    company_text::ActiveModel {
        company_id: Set(id),
        lang: Set(lang.to_owned()),
        name: Set(t.name.clone()),
        main_business: Set(t.main_business.clone()),
        advantages: Set(t.advantages.clone()),
        cooperation_note: Set(t.cooperation_note.clone()),
    }
}

fn intent_row(id: i32, i: &Intent) -> cooperation_intent::ActiveModel {
    cooperation_intent::ActiveModel {
        id: NotSet,
        company_id: Set(id),
        kind: Set(i.kind.clone()),
        target_industry: Set(i.target_industry.clone()),
        target_region: Set(i.target_region.clone()),
    }
}

pub(super) fn year_row(id: i32, y: &Year) -> financial_year::ActiveModel {
    financial_year::ActiveModel {
        company_id: Set(id),
        fiscal_year: Set(y.fiscal_year),
        currency: Set(y.currency.clone()),
        unit: Set(y.unit),
        revenue: Set(y.revenue),
        net_profit: Set(y.net_profit),
        total_assets: Set(y.total_assets),
        total_equity: Set(y.total_equity),
        eps: Set(y.eps),
        market_cap: Set(y.market_cap),
        market_cap_date: Set(y.market_cap_date),
        audited: Set(y.audited),
    }
}

/// Removes the companies of exchange `mic` that an undone batch had created, with everything
/// under them, a few statements per [`CHUNK`].
pub async fn remove_many(db: &impl ConnectionTrait, mic: &str, ids: &[i32]) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    delete_children(db, ids).await?;
    for chunk in ids.chunks(CHUNK) {
        company::Entity::delete_many()
            .filter(company::Column::Id.is_in(chunk.to_vec()))
            .exec(db)
            .await?;
    }
    crate::zone::facets::refresh(db, mic).await?;
    page_generation::bump(db).await
}
