//! What an export reads from the database, a chunk at a time.

use super::format::ExportRow;
use crate::i18n::{Lang, tr, tr_code};
use crate::zone::DirectoryQuery;
use crate::zone::entity::{company, exchange, financial_year};
use crate::zone::queries::{card, exchanges_by_mic, texts_and_intents};
use crate::zone::search::{filtered_companies, in_directory_order};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// What an export reads: the companies matching `query` in directory order, at most `limit`
/// of them, and the exchanges to name them by.
pub struct ExportSource {
    pub companies: Vec<company::Model>,
    exchanges: HashMap<String, exchange::Model>,
}

/// Companies per chunk of an export: the `IN` lists stay far below every database's parameter
/// limit, and a streamed export holds one chunk's rows at a time.
pub const EXPORT_CHUNK: usize = 500;

pub async fn export_source(
    db: &impl ConnectionTrait,
    query: &DirectoryQuery,
    limit: u64,
) -> Result<ExportSource, DbErr> {
    // Every match of a search, not only the window the directory ranks, in directory order.
    let companies = in_directory_order(filtered_companies(query, db.get_database_backend()))
        .limit(limit)
        .all(db)
        .await?;
    Ok(ExportSource {
        companies,
        exchanges: exchanges_by_mic(db).await?,
    })
}

/// Export rows for `lang` of one chunk of `source.companies`, with each one's latest year.
pub async fn export_chunk(
    db: &impl ConnectionTrait,
    lang: Lang,
    source: &ExportSource,
    chunk: &[company::Model],
) -> Result<Vec<ExportRow>, DbErr> {
    let exchanges = &source.exchanges;
    let (yes, no) = (tr(lang, "export-yes"), tr(lang, "export-no"));
    let mut rows = Vec::with_capacity(chunk.len());
    let ids: Vec<i32> = chunk.iter().map(|c| c.id).collect();
    let (texts, intents) = texts_and_intents(db, &ids).await?;
    let mut latest: HashMap<i32, financial_year::Model> = HashMap::new();
    for y in financial_year::Entity::find()
        .filter(financial_year::Column::CompanyId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        if latest
            .get(&y.company_id)
            .is_none_or(|l| l.fiscal_year < y.fiscal_year)
        {
            latest.insert(y.company_id, y);
        }
    }
    for c in chunk {
        let shown = card(
            lang,
            c.clone(),
            texts.get(&c.id).map_or(&[], Vec::as_slice),
            intents.get(&c.id).map_or(&[], Vec::as_slice),
            exchanges,
        );
        let year = latest.get(&c.id);
        let amount = |v: fn(&financial_year::Model) -> i64| year.map(|y| (v(y) * y.unit) as f64);
        rows.push(ExportRow {
            texts: vec![
                shown.mic,
                shown.symbol,
                shown.name.text,
                shown.name.shown_in.unwrap_or(lang).native_name().to_owned(),
                shown.market,
                shown.industry,
                tr_code(lang, "sector", &c.sector),
                shown.country,
                c.website.clone().unwrap_or_default(),
                c.listing_date.map(|d| d.to_string()).unwrap_or_default(),
                if c.green { yes.clone() } else { no.clone() },
                shown.intents.join("; "),
                year.map(|y| y.currency.clone()).unwrap_or_default(),
            ],
            numbers: vec![
                year.map(|y| f64::from(y.fiscal_year)),
                amount(|y| y.revenue),
                amount(|y| y.net_profit),
                amount(|y| y.total_assets),
                amount(|y| y.total_equity),
                year.and_then(|y| y.eps),
            ],
        });
    }
    Ok(rows)
}
