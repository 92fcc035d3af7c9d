//! What other features read about listed companies: one company by its key, and the names of
//! several, localized. Matchmaking calls these rather than the zone's tables.

use super::entity::{company, company_text, exchange};
use crate::i18n::{Lang, Localized, pick};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
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
