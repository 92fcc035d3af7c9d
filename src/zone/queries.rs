//! The directory, its facets and the zone's figures, with sea-orm; the helpers that turn rows
//! into what pages show, shared with the company page and the export.

use super::entity::{company, company_text, cooperation_intent, exchange};
use super::search::{filtered_companies, in_directory_order};
use super::{
    Choice, CompanyCard, DirectoryQuery, DirectoryView, ExchangeFigure, Facets, INTENT_KINDS,
    ZoneFigures,
};
use crate::i18n::{Lang, pick, tr};
use crate::web::url::Page;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

pub(super) fn label(lang: Lang, prefix: &str, code: &str) -> String {
    tr(lang, &format!("{prefix}-{code}"))
}

/// Alphabetical for Latin-script labels whatever their case ("mai" before "SET").
fn sort_by_label(choices: &mut [Choice]) {
    choices.sort_by_cached_key(|c| c.label.to_lowercase());
}

fn sorted_choices(
    lang: Lang,
    prefix: &str,
    codes: impl IntoIterator<Item = String>,
) -> Vec<Choice> {
    let mut choices: Vec<Choice> = codes
        .into_iter()
        .map(|code| Choice {
            label: label(lang, prefix, &code),
            value: code,
        })
        .collect();
    sort_by_label(&mut choices);
    choices.dedup_by(|a, b| a.value == b.value);
    choices
}

async fn distinct(
    db: &impl ConnectionTrait,
    column: company::Column,
    exchange: Option<&str>,
) -> Result<Vec<String>, DbErr> {
    let mut select = company::listed().select_only().column(column).distinct();
    if let Some(mic) = exchange {
        select = select.filter(company::Column::ExchangeMic.eq(mic));
    }
    select.into_tuple::<String>().all(db).await
}

async fn facets(
    db: &impl ConnectionTrait,
    lang: Lang,
    query: &DirectoryQuery,
    exchanges: &HashMap<String, exchange::Model>,
) -> Result<Facets, DbErr> {
    let listed = distinct(db, company::Column::ExchangeMic, None).await?;
    let mut exchange_choices: Vec<Choice> = listed
        .into_iter()
        .filter_map(|mic| exchanges.get(&mic))
        .map(|e| Choice {
            value: e.mic.clone(),
            label: e.name(lang).to_owned(),
        })
        .collect();
    sort_by_label(&mut exchange_choices);
    Ok(Facets {
        exchanges: exchange_choices,
        markets: sorted_choices(
            lang,
            "market",
            distinct(db, company::Column::Market, query.exchange.as_deref()).await?,
        ),
        industries: sorted_choices(
            lang,
            "industry",
            distinct(db, company::Column::Industry, None).await?,
        ),
        countries: sorted_choices(
            lang,
            "country",
            distinct(db, company::Column::Country, None).await?,
        ),
        intents: INTENT_KINDS
            .iter()
            .map(|kind| Choice {
                value: (*kind).to_owned(),
                label: label(lang, "intent", kind),
            })
            .collect(),
    })
}

pub(super) fn card(
    lang: Lang,
    company: company::Model,
    texts: &[company_text::Model],
    intents: &[cooperation_intent::Model],
    exchanges: &HashMap<String, exchange::Model>,
) -> CompanyCard {
    let text_in = |l: Lang| texts.iter().find(|t| t.lang == l.code());
    let name = pick(lang, |l| text_in(l).and_then(|t| t.name.as_deref())).unwrap_or_else(|| {
        crate::i18n::Localized {
            text: company.symbol.clone(),
            shown_in: None,
        }
    });
    let summary = pick(lang, |l| {
        text_in(l).and_then(|t| t.main_business.as_deref())
    });
    let mut kinds: Vec<&str> = intents.iter().map(|i| i.kind.as_str()).collect();
    kinds.sort_by_key(|k| INTENT_KINDS.iter().position(|known| known == k));
    CompanyCard {
        href: Page::Company {
            mic: &company.exchange_mic,
            symbol: &company.symbol,
        }
        .url(lang),
        exchange: exchanges
            .get(&company.exchange_mic)
            .map_or_else(|| company.exchange_mic.clone(), |e| e.name(lang).to_owned()),
        market: label(lang, "market", &company.market),
        industry: label(lang, "industry", &company.industry),
        country: label(lang, "country", &company.country),
        intents: kinds
            .into_iter()
            .map(|k| label(lang, "intent", k))
            .collect(),
        green: company.green,
        mic: company.exchange_mic,
        symbol: company.symbol,
        name,
        summary,
    }
}

type ByCompany<T> = HashMap<i32, Vec<T>>;

pub(super) async fn exchanges_by_mic(
    db: &impl ConnectionTrait,
) -> Result<HashMap<String, exchange::Model>, DbErr> {
    Ok(exchange::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.mic.clone(), e))
        .collect())
}

/// The texts and intents of the companies `ids`, grouped by company.
pub(super) async fn texts_and_intents(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<
    (
        ByCompany<company_text::Model>,
        ByCompany<cooperation_intent::Model>,
    ),
    DbErr,
> {
    let texts = company_text::Entity::find()
        .filter(company_text::Column::CompanyId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let intents = cooperation_intent::Entity::find()
        .filter(cooperation_intent::Column::CompanyId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok((
        by_company(texts, |t| t.company_id),
        by_company(intents, |i| i.company_id),
    ))
}

fn by_company<T>(rows: Vec<T>, company_id: fn(&T) -> i32) -> ByCompany<T> {
    let mut grouped: ByCompany<T> = HashMap::new();
    for row in rows {
        grouped.entry(company_id(&row)).or_default().push(row);
    }
    grouped
}

/// One page of the directory for `query`, localised for `lang`.
pub async fn directory(
    db: &impl ConnectionTrait,
    lang: Lang,
    query: &DirectoryQuery,
) -> Result<DirectoryView, DbErr> {
    let exchanges = exchanges_by_mic(db).await?;
    let backend = db.get_database_backend();
    let filtered = filtered_companies(query, backend);
    let total = filtered.clone().count(db).await?;
    let pages = total.div_ceil(DirectoryQuery::PAGE_SIZE).max(1) as u32;
    let page = query.page.min(pages);
    let companies = in_directory_order(filtered, query, backend)
        .paginate(db, DirectoryQuery::PAGE_SIZE)
        .fetch_page(u64::from(page - 1))
        .await?;
    let ids: Vec<i32> = companies.iter().map(|c| c.id).collect();
    let (texts, intents) = texts_and_intents(db, &ids).await?;
    let cards = companies
        .into_iter()
        .map(|c| {
            let id = c.id;
            card(
                lang,
                c,
                texts.get(&id).map_or(&[], Vec::as_slice),
                intents.get(&id).map_or(&[], Vec::as_slice),
                &exchanges,
            )
        })
        .collect();
    Ok(DirectoryView {
        query: query.with_page(page),
        facets: facets(db, lang, query, &exchanges).await?,
        cards,
        total,
        pages,
    })
}

/// `(mic, symbol)` of the companies in listing order, `limit` of them after `offset`.
pub async fn company_keys(
    db: &impl ConnectionTrait,
    offset: u64,
    limit: u64,
) -> Result<Vec<(String, String)>, DbErr> {
    company::listed()
        .select_only()
        .column(company::Column::ExchangeMic)
        .column(company::Column::Symbol)
        .order_by_asc(company::Column::Id)
        .offset(offset)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await
}

pub async fn company_count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    company::listed().count(db).await
}

/// The zone's headline figures, counted from the data.
pub async fn figures(db: &impl ConnectionTrait, lang: Lang) -> Result<ZoneFigures, DbErr> {
    use sea_orm::sea_query::ExprTrait;
    let per_mic: Vec<(String, i64)> = company::listed()
        .select_only()
        .column(company::Column::ExchangeMic)
        .column_as(Expr::col(company::Column::Id).count(), "companies")
        .group_by(company::Column::ExchangeMic)
        .into_tuple()
        .all(db)
        .await?;
    let exchanges = exchange::Entity::find().all(db).await?;
    let mut per_exchange: Vec<ExchangeFigure> = exchanges
        .iter()
        .filter_map(|e| {
            let (_, n) = per_mic.iter().find(|(mic, _)| *mic == e.mic)?;
            Some(ExchangeFigure {
                mic: e.mic.clone(),
                name: e.name(lang).to_owned(),
                country: label(lang, "country", &e.country),
                companies: *n as u64,
            })
        })
        .collect();
    per_exchange.sort_by(|a, b| b.companies.cmp(&a.companies).then(a.mic.cmp(&b.mic)));
    let with_intents = company::listed()
        .filter(
            company::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(cooperation_intent::Column::CompanyId)
                    .from(cooperation_intent::Entity)
                    .to_owned(),
            ),
        )
        .count(db)
        .await?;
    Ok(ZoneFigures {
        companies: per_mic.iter().map(|(_, n)| *n as u64).sum(),
        exchanges: per_exchange.len() as u64,
        countries: distinct(db, company::Column::Country, None).await?.len() as u64,
        with_intents,
        green: company::listed()
            .filter(company::Column::Green.eq(true))
            .count(db)
            .await?,
        per_exchange,
    })
}
