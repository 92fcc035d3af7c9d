//! The company page's data: one company in full, and its exchange's liaison desk.

use super::entity::{
    company, company_text, cooperation_intent, exchange, exchange_rate, financial_year,
};
use super::{CnyRate, CompanyProfile, FinancialYear, INTENT_KINDS};
use crate::i18n::{Lang, pick, tr_code};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

/// The company listed as `symbol` on `mic`, if the zone shows it.
async fn listed_company(
    db: &impl ConnectionTrait,
    mic: &str,
    symbol: &str,
) -> Result<Option<company::Model>, DbErr> {
    if !super::plausible_key(mic) || !super::plausible_key(symbol) {
        return Ok(None);
    }
    company::listed()
        .filter(company::Column::ExchangeMic.eq(mic))
        .filter(company::Column::Symbol.eq(symbol))
        .one(db)
        .await
}

/// The page of the company listed as `symbol` on `mic`, localized for `lang`; none if unknown.
pub async fn company_profile(
    db: &impl ConnectionTrait,
    lang: Lang,
    mic: &str,
    symbol: &str,
) -> Result<Option<CompanyProfile>, DbErr> {
    let Some(company) = listed_company(db, mic, symbol).await? else {
        return Ok(None);
    };
    let texts = company_text::Entity::find()
        .filter(company_text::Column::CompanyId.eq(company.id))
        .all(db)
        .await?;
    let text_in = |l: Lang| texts.iter().find(|t| t.lang == l.code());
    let field =
        |get: fn(&company_text::Model) -> Option<&str>| pick(lang, |l| text_in(l).and_then(get));
    let name = field(|t| t.name.as_deref()).unwrap_or_else(|| crate::i18n::Localized {
        text: company.symbol.clone(),
        shown_in: None,
    });
    let local_name = company
        .local_lang
        .as_deref()
        .and_then(Lang::from_code)
        .and_then(|l| text_in(l)?.name.clone())
        .filter(|local| *local != name.text);
    let mut intents: Vec<cooperation_intent::Model> = cooperation_intent::Entity::find()
        .filter(cooperation_intent::Column::CompanyId.eq(company.id))
        .all(db)
        .await?;
    intents.sort_by_key(|i| INTENT_KINDS.iter().position(|known| *known == i.kind));
    let financials: Vec<FinancialYear> = financial_year::Entity::find()
        .filter(financial_year::Column::CompanyId.eq(company.id))
        .order_by_asc(financial_year::Column::FiscalYear)
        .all(db)
        .await?
        .into_iter()
        .map(|y| {
            let amount = |v: i64| v as f64 * y.unit as f64;
            FinancialYear {
                fiscal_year: y.fiscal_year,
                revenue: amount(y.revenue),
                net_profit: amount(y.net_profit),
                total_assets: amount(y.total_assets),
                total_equity: amount(y.total_equity),
                eps: y.eps,
                audited: y.audited,
                currency: y.currency,
            }
        })
        .collect();
    let cny_rate = match financials.last() {
        Some(latest) => exchange_rate::Entity::find()
            .filter(exchange_rate::Column::Currency.eq(latest.currency.as_str()))
            .order_by_desc(exchange_rate::Column::AsOf)
            .one(db)
            .await?
            .map(|r| CnyRate {
                currency: r.currency,
                cny_per_unit: r.cny_per_unit,
                date: r.as_of.to_string(),
            }),
        None => None,
    };
    let exchange = exchange::Entity::find_by_id(company.exchange_mic.clone())
        .one(db)
        .await?;
    Ok(Some(CompanyProfile {
        exchange: exchange
            .map_or_else(|| company.exchange_mic.clone(), |e| e.name(lang).to_owned()),
        market: tr_code(lang, "market", &company.market),
        industry: tr_code(lang, "industry", &company.industry),
        sector: tr_code(lang, "sector", &company.sector),
        country: tr_code(lang, "country", &company.country),
        main_business: field(|t| t.main_business.as_deref()),
        advantages: field(|t| t.advantages.as_deref()),
        cooperation_note: field(|t| t.cooperation_note.as_deref()),
        intents: intents
            .iter()
            .map(|i| tr_code(lang, "intent", &i.kind))
            .collect(),
        listing_date: company.listing_date.map(|d| d.to_string()),
        website: company.website,
        green: company.green,
        mic: company.exchange_mic,
        symbol: company.symbol,
        name,
        local_name,
        financials,
        cny_rate,
    }))
}

/// The liaison desk of the exchange listing `symbol` on `mic`; `None` when no such company.
pub async fn liaison(
    db: &impl ConnectionTrait,
    mic: &str,
    symbol: &str,
) -> Result<Option<super::Liaison>, DbErr> {
    let Some(listed) = listed_company(db, mic, symbol).await? else {
        return Ok(None);
    };
    Ok(super::lookup::liaison_desk(db, mic)
        .await?
        .map(|desk| super::Liaison {
            company_email: listed.contact_email,
            ..desk
        }))
}
