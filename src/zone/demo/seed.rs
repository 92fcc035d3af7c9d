//! Writing the demo into a database: the exchanges, their reference rates and generated
//! companies.

use super::data::EXCHANGES;
use super::{DEMO_COMPANIES, NewCompany};
use crate::platform::page_generation;
use crate::zone::entity::{
    company, company_text, cooperation_intent, exchange, exchange_rate, financial_year,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, Set, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};

/// Loads the demo companies into a database that has none, and the reference rates where
/// missing; run by [`crate::demo::prepare`] in the transaction that migrates the database.
pub async fn seed(txn: &impl ConnectionTrait) -> Result<(), DbErr> {
    if load(txn).await? {
        tracing::info!("loaded the demo companies into an empty database");
    }
    // Databases seeded before the rate table existed get the reference rates too.
    ensure_rates(txn).await
}

/// Inserts the reference CNY rates of the exchanges' currencies, each only if missing.
pub async fn ensure_rates(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let as_of = EXCHANGES.cny_rates_as_of;
    for ex in &EXCHANGES.exchanges {
        if exchange_rate::Entity::find_by_id((ex.currency.clone(), as_of))
            .one(db)
            .await?
            .is_some()
        {
            continue;
        }
        exchange_rate::ActiveModel {
            currency: Set(ex.currency.clone()),
            as_of: Set(as_of),
            cny_per_unit: Set(ex.cny_per_unit),
        }
        .insert(db)
        .await?;
        page_generation::bump(db).await?;
    }
    Ok(())
}

/// Inserts the exchanges, each only if missing, with a fictional liaison desk. The desk's name
/// is one column for every page language, so it is the exchange's own name in its home language
/// (a proper name reads the same on every page; the field's label carries the language).
pub async fn ensure_exchanges(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    for ex in &EXCHANGES.exchanges {
        let mic = ex.mic.as_str();
        if exchange::Entity::find_by_id(mic).one(db).await?.is_some() {
            continue;
        }
        let desk = mic.to_lowercase();
        exchange::ActiveModel {
            mic: Set(mic.to_owned()),
            country: Set(ex.country.clone()),
            name_zh: Set(ex.name.zh.clone()),
            name_en: Set(ex.name.en.clone()),
            name_ms: Set(ex.name.ms.clone()),
            name_th: Set(ex.name.th.clone()),
            website: Set(Some(ex.website.clone())),
            liaison_name: Set(Some(ex.name.get(ex.home_lang).to_owned())),
            liaison_email: Set(Some(format!("liaison-{desk}@vnext.example"))),
            liaison_phone: Set(Some(format!(
                "+86 755 8866 {:04}",
                mic.len() * 1000 + mic.as_bytes()[1] as usize
            ))),
        }
        .insert(db)
        .await?;
        page_generation::bump(db).await?;
    }
    Ok(())
}

/// Companies per round trip: a batch of financial years stays under SQLite's 32,766 bound
/// parameters and PostgreSQL's 65,535.
const BATCH: usize = 500;

/// Inserts companies with their texts, intents and financial years, a batch per statement, and
/// keeps the exchanges' facets current. Run it in a transaction.
pub async fn insert(
    db: &impl ConnectionTrait,
    companies: impl IntoIterator<Item = NewCompany>,
) -> Result<(), DbErr> {
    let exchanges = insert_indexed(db, companies).await?;
    refresh_facets(db, &exchanges).await
}

/// The facets of `exchanges` counted again, and the page cache told.
async fn refresh_facets(
    db: &impl ConnectionTrait,
    exchanges: &BTreeSet<String>,
) -> Result<(), DbErr> {
    for mic in exchanges {
        crate::zone::facets::refresh(db, mic).await?;
    }
    page_generation::bump(db).await
}

/// Inserts companies as [`insert`] does but leaves the facets alone; returns their exchanges.
/// The search index's triggers are held, so each document is written once, not once for the
/// company and again for its texts. Run it in a transaction.
async fn insert_indexed(
    db: &impl ConnectionTrait,
    companies: impl IntoIterator<Item = NewCompany>,
) -> Result<BTreeSet<String>, DbErr> {
    crate::zone::index::defer(db).await?;
    let now = Utc::now();
    let mut companies = companies.into_iter().peekable();
    let mut exchanges = BTreeSet::new();
    let mut inserted = Vec::new();
    while companies.peek().is_some() {
        let batch: Vec<NewCompany> = companies.by_ref().take(BATCH).collect();
        exchanges.extend(batch.iter().map(|c| c.mic.to_owned()));
        let rows = batch.iter().map(|c| company::ActiveModel {
            delisted_at: Set(None),
            id: NotSet,
            exchange_mic: Set(c.mic.to_owned()),
            symbol: Set(c.symbol.clone()),
            market: Set(c.market.to_owned()),
            industry: Set(c.industry.to_owned()),
            sector: Set(c.sector.to_owned()),
            country: Set(c.country.to_owned()),
            local_lang: Set(c.local_lang.map(|l| l.code().to_owned())),
            website: Set(Some(c.website.clone())),
            contact_email: Set(Some(format!(
                "ir@{}",
                c.website.trim_start_matches("https://")
            ))),
            listing_date: Set(Some(c.listing_date)),
            green: Set(c.green),
            created_at: Set(now),
            updated_at: Set(now),
        });
        // RETURNING promises no order, so ids are matched back by the unique (exchange, symbol).
        let ids: HashMap<(String, String), i32> = company::Entity::insert_many(rows)
            .exec_with_returning(db)
            .await?
            .into_iter()
            .map(|m| ((m.exchange_mic, m.symbol), m.id))
            .collect();
        let (mut texts, mut intents, mut years) = (Vec::new(), Vec::new(), Vec::new());
        inserted.extend(ids.values().copied());
        for c in batch {
            let id = ids[&(c.mic.to_owned(), c.symbol)];
            texts.extend(c.texts.into_iter().map(
                |(lang, name, business, advantages, cooperation)| company_text::ActiveModel {
                    company_id: Set(id),
                    lang: Set(lang.code().to_owned()),
                    name: Set(Some(name)),
                    main_business: Set(Some(business)),
                    advantages: Set(advantages),
                    cooperation_note: Set(Some(cooperation)),
                },
            ));
            intents.extend(c.intents.into_iter().map(|(kind, industry)| {
                cooperation_intent::ActiveModel {
                    id: NotSet,
                    company_id: Set(id),
                    kind: Set(kind.to_owned()),
                    target_industry: Set(industry.map(str::to_owned)),
                    target_region: Set(Some("CN".to_owned())),
                }
            }));
            years.extend(c.years.into_iter().map(|y| {
                let mut y: financial_year::ActiveModel = financial_year::Model {
                    company_id: id,
                    ..y
                }
                .into();
                y.company_id = Set(id);
                y
            }));
        }
        if !texts.is_empty() {
            company_text::Entity::insert_many(texts)
                .exec_without_returning(db)
                .await?;
        }
        if !intents.is_empty() {
            cooperation_intent::Entity::insert_many(intents)
                .exec_without_returning(db)
                .await?;
        }
        if !years.is_empty() {
            financial_year::Entity::insert_many(years)
                .exec_without_returning(db)
                .await?;
        }
    }
    crate::zone::index::refresh(db, &inserted).await?;
    Ok(exchanges)
}

/// Fills an empty database with `count` generated companies (the demo set first), in
/// transactions of ten thousand so a benchmark's 1,000,000 need no more memory than that. The
/// facets are counted once, at the end: counted after every ten thousand, each count regrouped
/// every company stored so far.
pub async fn seed_generated(db: &DatabaseConnection, count: usize) -> Result<(), DbErr> {
    if company::Entity::find().count(db).await? > 0 {
        return Err(DbErr::Custom(
            "seed: the database already has companies".into(),
        ));
    }
    ensure_exchanges(db).await?;
    ensure_rates(db).await?;
    let mut exchanges = BTreeSet::new();
    for start in (0..count).step_by(10_000) {
        let txn = db.begin().await?;
        exchanges.extend(
            insert_indexed(&txn, (start..count.min(start + 10_000)).map(super::company)).await?,
        );
        txn.commit().await?;
    }
    let txn = db.begin().await?;
    refresh_facets(&txn, &exchanges).await?;
    txn.commit().await?;
    // Fresh statistics for the planner: without them PostgreSQL plans a bulk-loaded table as
    // if it were empty (an offset of 10,000 rows took 185 ms instead of 21).
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared("ANALYZE").await?;
    }
    Ok(())
}

/// Loads the demo set into an empty database; a database that has any exchange is left alone.
/// Returns whether anything was loaded. Run it in a transaction (as [`prepare`] does), so a
/// failure leaves nothing half-loaded.
pub async fn load(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    if exchange::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    ensure_exchanges(db).await?;
    ensure_rates(db).await?;
    insert(db, (0..DEMO_COMPANIES).map(super::company)).await?;
    Ok(true)
}
