//! What other features read about listed companies: one company by its key, and the names of
//! several, localized. Matchmaking calls these rather than the zone's tables.

use super::entity::{company, company_text, cooperation_intent, exchange};
use crate::i18n::{Lang, Localized, pick};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// A listed company as another feature refers to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyRef {
    pub id: i32,
    pub mic: String,
    pub symbol: String,
    pub industry: String,
    pub country: String,
    pub green: bool,
    /// Its investor-relations e-mail, shown where the liaison desk is.
    pub contact_email: Option<String>,
}

impl From<company::Model> for CompanyRef {
    fn from(c: company::Model) -> CompanyRef {
        CompanyRef {
            id: c.id,
            mic: c.exchange_mic,
            symbol: c.symbol,
            industry: c.industry,
            country: c.country,
            green: c.green,
            contact_email: c.contact_email,
        }
    }
}

/// The company the zone lists as `symbol` on `mic`, if any.
pub async fn listed(
    db: &impl ConnectionTrait,
    mic: &str,
    symbol: &str,
) -> Result<Option<CompanyRef>, DbErr> {
    if !super::plausible_key(mic) || !super::plausible_key(symbol) {
        return Ok(None);
    }
    Ok(company::listed()
        .filter(company::Column::ExchangeMic.eq(mic))
        .filter(company::Column::Symbol.eq(symbol))
        .one(db)
        .await?
        .map(CompanyRef::from))
}

/// The company with row `id`, listed or not (a case outlives a delisting).
pub async fn by_id(db: &impl ConnectionTrait, id: i32) -> Result<Option<CompanyRef>, DbErr> {
    Ok(company::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(CompanyRef::from))
}

/// The names of companies `ids` in `lang`, falling back as their pages do; a company without
/// any name is named by its symbol.
pub async fn names(
    db: &impl ConnectionTrait,
    lang: Lang,
    ids: &[i32],
) -> Result<HashMap<i32, Localized>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let companies = company::Entity::find()
        .filter(company::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let texts = company_text::Entity::find()
        .filter(company_text::Column::CompanyId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok(companies
        .into_iter()
        .map(|c| {
            let name = pick(lang, |l| {
                texts
                    .iter()
                    .find(|t| t.company_id == c.id && t.lang == l.code())
                    .and_then(|t| t.name.as_deref())
            })
            .unwrap_or(Localized {
                text: c.symbol.clone(),
                shown_in: None,
            });
            (c.id, name)
        })
        .collect())
}

/// The exchanges as (MIC, name in `lang`, country code), in MIC order.
pub async fn exchanges(
    db: &impl ConnectionTrait,
    lang: Lang,
) -> Result<Vec<(String, String, String)>, DbErr> {
    let mut all: Vec<_> = exchange::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.mic.clone(), e.name(lang).to_owned(), e.country.clone()))
        .collect();
    all.sort();
    Ok(all)
}

/// The liaison desk of exchange `mic`, if it has one on record.
pub async fn liaison_desk(
    db: &impl ConnectionTrait,
    mic: &str,
) -> Result<Option<super::Liaison>, DbErr> {
    Ok(exchange::Entity::find_by_id(mic)
        .one(db)
        .await?
        .map(|e| super::Liaison {
            name: e.liaison_name,
            email: e.liaison_email,
            phone: e.liaison_phone,
            company_email: None,
        }))
}

/// Yuan per unit of each currency, at the latest rate the zone has for it.
pub async fn cny_rates(db: &impl ConnectionTrait) -> Result<HashMap<String, f64>, DbErr> {
    use super::entity::exchange_rate;
    use sea_orm::QueryOrder;
    let mut rates = HashMap::from([("CNY".to_owned(), 1.0)]);
    for rate in exchange_rate::Entity::find()
        .order_by_asc(exchange_rate::Column::AsOf)
        .all(db)
        .await?
    {
        rates.insert(rate.currency, rate.cny_per_unit);
    }
    Ok(rates)
}

/// Every company's row version (`updated_at`), listed or not, by id.
pub async fn versions(db: &impl ConnectionTrait) -> Result<Vec<(i32, DateTime<Utc>)>, DbErr> {
    company::Entity::find()
        .select_only()
        .column(company::Column::Id)
        .column(company::Column::UpdatedAt)
        .into_tuple()
        .all(db)
        .await
}

/// What a company says of itself, for reading its topics: its industry, its sector, the row
/// version read, and all its names and texts in every language, lower-cased.
pub struct Described {
    pub id: i32,
    pub industry: String,
    pub sector: String,
    pub version: DateTime<Utc>,
    pub text: String,
}

/// Companies `ids` as [`Described`].
pub async fn described(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<Described>, DbErr> {
    let companies = company::Entity::find()
        .filter(company::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut texts: HashMap<i32, String> = HashMap::new();
    for t in company_text::Entity::find()
        .filter(company_text::Column::CompanyId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        let text = texts.entry(t.company_id).or_default();
        for part in [
            &t.name,
            &t.main_business,
            &t.advantages,
            &t.cooperation_note,
        ]
        .into_iter()
        .flatten()
        {
            text.push_str(&part.to_lowercase());
            text.push('\n');
        }
    }
    Ok(companies
        .into_iter()
        .map(|c| Described {
            text: texts.remove(&c.id).unwrap_or_default(),
            id: c.id,
            industry: c.industry,
            sector: c.sector,
            version: c.updated_at,
        })
        .collect())
}

/// The listed companies among `ids`, with the cooperation intentions each declares.
pub async fn listed_with_intents(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<(CompanyRef, Vec<String>)>, DbErr> {
    let companies = company::listed()
        .filter(company::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut intents: HashMap<i32, Vec<String>> = HashMap::new();
    for i in cooperation_intent::Entity::find()
        .filter(cooperation_intent::Column::CompanyId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        intents.entry(i.company_id).or_default().push(i.kind);
    }
    Ok(companies
        .into_iter()
        .map(|c| {
            let kinds = intents.remove(&c.id).unwrap_or_default();
            (CompanyRef::from(c), kinds)
        })
        .collect())
}
