//! One company as an import sees it: every value a file can change, comparable, and storable as
//! JSON so that a batch can show what it changes and undo what it changed.

use crate::zone::entity::{company, company_text, cooperation_intent, financial_year};
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A company's texts in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Texts {
    pub name: Option<String>,
    pub main_business: Option<String>,
    pub advantages: Option<String>,
    pub cooperation_note: Option<String>,
}

/// A kind of cooperation the company seeks, and optionally with whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Intent {
    pub kind: String,
    pub target_industry: Option<String>,
    pub target_region: Option<String>,
}

/// Core financial data of one fiscal year, as `financial_years` stores it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Year {
    pub fiscal_year: i32,
    pub currency: String,
    pub unit: i64,
    pub revenue: i64,
    pub net_profit: i64,
    pub total_assets: i64,
    pub total_equity: i64,
    pub eps: Option<f64>,
    pub market_cap: Option<i64>,
    pub market_cap_date: Option<NaiveDate>,
    pub audited: bool,
}

/// One listed company of the exchange: every value an import can change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Snapshot {
    pub symbol: String,
    pub market: String,
    pub industry: String,
    pub sector: String,
    pub country: String,
    pub local_lang: Option<String>,
    pub website: Option<String>,
    pub listing_date: Option<NaiveDate>,
    pub green: bool,
    pub delisted: bool,
    /// By language code.
    pub texts: BTreeMap<String, Texts>,
    pub intents: Vec<Intent>,
    /// By fiscal year, oldest first.
    pub years: Vec<Year>,
}

/// A listed company of the exchange as stored: its id and its snapshot.
pub struct Stored {
    pub id: i32,
    pub snapshot: Snapshot,
}

/// Every company of exchange `mic`, delisted ones included, by symbol.
pub async fn load_exchange(
    db: &impl ConnectionTrait,
    mic: &str,
) -> Result<HashMap<String, Stored>, DbErr> {
    let companies = company::Entity::find()
        .filter(company::Column::ExchangeMic.eq(mic))
        .all(db)
        .await?;
    let ids: Vec<i32> = companies.iter().map(|c| c.id).collect();
    let mut by_id: HashMap<i32, Snapshot> =
        companies.into_iter().map(|c| (c.id, from_row(c))).collect();
    // Chunks keep each `IN (…)` under the parameter limits of both databases.
    for chunk in ids.chunks(5_000) {
        for t in company_text::Entity::find()
            .filter(company_text::Column::CompanyId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some(s) = by_id.get_mut(&t.company_id) {
                s.texts.insert(
                    t.lang,
                    Texts {
                        name: t.name,
                        main_business: t.main_business,
                        advantages: t.advantages,
                        cooperation_note: t.cooperation_note,
                    },
                );
            }
        }
        // In the order they were written, so that a snapshot reads back equal.
        for i in cooperation_intent::Entity::find()
            .filter(cooperation_intent::Column::CompanyId.is_in(chunk.to_vec()))
            .order_by_asc(cooperation_intent::Column::Id)
            .all(db)
            .await?
        {
            if let Some(s) = by_id.get_mut(&i.company_id) {
                s.intents.push(Intent {
                    kind: i.kind,
                    target_industry: i.target_industry,
                    target_region: i.target_region,
                });
            }
        }
        for y in financial_year::Entity::find()
            .filter(financial_year::Column::CompanyId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some(s) = by_id.get_mut(&y.company_id) {
                s.years.push(from_year(y));
            }
        }
    }
    Ok(by_id
        .into_iter()
        .map(|(id, mut snapshot)| {
            snapshot.years.sort_by_key(|y| y.fiscal_year);
            (snapshot.symbol.clone(), Stored { id, snapshot })
        })
        .collect())
}

fn from_row(c: company::Model) -> Snapshot {
    Snapshot {
        symbol: c.symbol,
        market: c.market,
        industry: c.industry,
        sector: c.sector,
        country: c.country,
        local_lang: c.local_lang,
        website: c.website,
        listing_date: c.listing_date,
        green: c.green,
        delisted: c.delisted_at.is_some(),
        ..Snapshot::default()
    }
}

fn from_year(y: financial_year::Model) -> Year {
    Year {
        fiscal_year: y.fiscal_year,
        currency: y.currency,
        unit: y.unit,
        revenue: y.revenue,
        net_profit: y.net_profit,
        total_assets: y.total_assets,
        total_equity: y.total_equity,
        eps: y.eps,
        market_cap: y.market_cap,
        market_cap_date: y.market_cap_date,
        audited: y.audited,
    }
}

/// Makes the writers of exchange `mic`'s companies take turns for the rest of the transaction,
/// so that a commit's check that its plan still holds, an undo's check, and an edit see no other
/// write land before their own. SQLite already has one writer at a time.
pub async fn lock_exchange(db: &impl ConnectionTrait, mic: &str) -> Result<(), DbErr> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtext($1))",
            [format!("listings:{mic}").into()],
        ))
        .await?;
    }
    Ok(())
}

/// A digest of a company's state: equal digests, nothing changed in between.
pub fn digest(s: &Snapshot) -> String {
    let json = serde_json::to_string(s).expect("plain data serializes");
    crate::platform::tokens::digest(&json)
}

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
    for chunk in new.chunks(CHUNK) {
        let rows = chunk.iter().map(|&i| {
            let mut row = company_row(mic, writes[i].after, now);
            row.created_at = Set(now);
            row.delisted_at = Set(writes[i].after.delisted.then_some(now));
            row
        });
        let created = company::Entity::insert_many(rows)
            .exec_with_returning(db)
            .await?;
        let by_symbol: HashMap<&str, i32> =
            created.iter().map(|c| (c.symbol.as_str(), c.id)).collect();
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
    for chunk in texts.chunks(CHUNK) {
        company_text::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    for chunk in intents.chunks(CHUNK) {
        cooperation_intent::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    for chunk in years.chunks(CHUNK) {
        financial_year::Entity::insert_many(chunk.to_vec())
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

/// Removes a company an undone batch had created, with everything under it.
pub async fn remove(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    delete_children(db, &[id]).await?;
    company::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// One value a batch changes, for the preview: the field's key, old and new, as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// What differs between `before` and `after`, field by field, in a fixed order.
pub fn diff(before: &Snapshot, after: &Snapshot) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut compare = |field: String, old: String, new: String| {
        if old != new {
            changes.push(Change { field, old, new });
        }
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let date = |d: &Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    compare("market".into(), before.market.clone(), after.market.clone());
    compare(
        "industry".into(),
        before.industry.clone(),
        after.industry.clone(),
    );
    compare("sector".into(), before.sector.clone(), after.sector.clone());
    compare(
        "country".into(),
        before.country.clone(),
        after.country.clone(),
    );
    compare(
        "website".into(),
        text(&before.website),
        text(&after.website),
    );
    compare(
        "listing_date".into(),
        date(&before.listing_date),
        date(&after.listing_date),
    );
    compare(
        "green".into(),
        before.green.to_string(),
        after.green.to_string(),
    );
    compare(
        "delisted".into(),
        before.delisted.to_string(),
        after.delisted.to_string(),
    );
    let langs: std::collections::BTreeSet<&String> =
        before.texts.keys().chain(after.texts.keys()).collect();
    for lang in langs {
        let old = before.texts.get(lang).cloned().unwrap_or_default();
        let new = after.texts.get(lang).cloned().unwrap_or_default();
        compare(format!("name.{lang}"), text(&old.name), text(&new.name));
        compare(
            format!("main_business.{lang}"),
            text(&old.main_business),
            text(&new.main_business),
        );
        compare(
            format!("advantages.{lang}"),
            text(&old.advantages),
            text(&new.advantages),
        );
        compare(
            format!("cooperation_note.{lang}"),
            text(&old.cooperation_note),
            text(&new.cooperation_note),
        );
    }
    let kinds = |s: &Snapshot| {
        s.intents
            .iter()
            .map(|i| i.kind.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    compare("intents".into(), kinds(before), kinds(after));
    let years: std::collections::BTreeSet<i32> = before
        .years
        .iter()
        .chain(&after.years)
        .map(|y| y.fiscal_year)
        .collect();
    for fiscal_year in years {
        let show = |s: &Snapshot| {
            s.years
                .iter()
                .find(|y| y.fiscal_year == fiscal_year)
                .map(|y| {
                    format!(
                        "{} ×{} · {} / {} / {} / {}{}",
                        y.currency,
                        y.unit,
                        y.revenue,
                        y.net_profit,
                        y.total_assets,
                        y.total_equity,
                        y.eps.map(|e| format!(" · EPS {e}")).unwrap_or_default()
                    )
                })
                .unwrap_or_default()
        };
        compare(
            format!("fiscal_year.{fiscal_year}"),
            show(before),
            show(after),
        );
    }
    changes
}
