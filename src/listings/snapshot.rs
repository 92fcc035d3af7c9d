//! One company as an import sees it: every value a file can change, comparable, and storable as
//! JSON so that a batch can show what it changes and undo what it changed.

use crate::zone::entity::{company, company_text, cooperation_intent, financial_year};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
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
    /// Investor relations' e-mail; batches kept before it existed have none.
    #[serde(default)]
    pub contact_email: Option<String>,
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
        contact_email: c.contact_email,
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

/// One value a batch changes, for the preview: the field's key, old and new, as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// A company's fact as the preview shows it.
type Shown = fn(&Snapshot) -> String;

/// What differs between `before` and `after`, field by field, in a fixed order.
pub fn diff(before: &Snapshot, after: &Snapshot) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut compare = |field: String, old: String, new: String| {
        if old != new {
            changes.push(Change { field, old, new });
        }
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    // The company's own facts, each as the preview shows it.
    let facts: [(&str, Shown); 9] = [
        ("market", |s| s.market.clone()),
        ("industry", |s| s.industry.clone()),
        ("sector", |s| s.sector.clone()),
        ("country", |s| s.country.clone()),
        ("website", |s| s.website.clone().unwrap_or_default()),
        ("contact_email", |s| {
            s.contact_email.clone().unwrap_or_default()
        }),
        ("listing_date", |s| {
            s.listing_date.map(|d| d.to_string()).unwrap_or_default()
        }),
        ("green", |s| s.green.to_string()),
        ("delisted", |s| s.delisted.to_string()),
    ];
    for (field, of) in facts {
        compare(field.into(), of(before), of(after));
    }
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
