//! The directory, its facets and the zone's figures, with sea-orm; the helpers that turn rows
//! into what pages show, shared with the company page and the export.

use super::entity::{company, company_text, cooperation_intent, exchange};
use super::facets::{self, FacetCounts};
use super::search::{self, filtered_companies};
use super::{
    Choice, CompanyCard, DirectoryQuery, DirectoryView, ExchangeFigure, Facets, INTENT_KINDS,
    MAX_OFFSET_PAGE, Seek, ViewSize, ZoneFigures,
};
use crate::i18n::{Lang, pick, tr_code};
use crate::web::url::Page;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use std::collections::HashMap;

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
            label: tr_code(lang, prefix, &code),
            value: code,
        })
        .collect();
    sort_by_label(&mut choices);
    choices.dedup_by(|a, b| a.value == b.value);
    choices
}

fn facets(
    lang: Lang,
    query: &DirectoryQuery,
    counts: &FacetCounts,
    exchanges: &HashMap<String, exchange::Model>,
) -> Facets {
    let mut exchange_choices: Vec<Choice> = counts
        .exchanges()
        .into_iter()
        .filter_map(|(mic, _)| exchanges.get(&mic))
        .map(|e| Choice {
            value: e.mic.clone(),
            label: e.name(lang).to_owned(),
        })
        .collect();
    sort_by_label(&mut exchange_choices);
    let mic = query.exchange.as_deref();
    Facets {
        exchanges: exchange_choices,
        markets: sorted_choices(lang, "market", counts.values(mic, facets::MARKET)),
        industries: sorted_choices(lang, "industry", counts.values(None, facets::INDUSTRY)),
        countries: sorted_choices(lang, "country", counts.values(None, facets::COUNTRY)),
        intents: INTENT_KINDS
            .iter()
            .map(|kind| Choice {
                value: (*kind).to_owned(),
                label: tr_code(lang, "intent", kind),
            })
            .collect(),
    }
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
        market: tr_code(lang, "market", &company.market),
        industry: tr_code(lang, "industry", &company.industry),
        country: tr_code(lang, "country", &company.country),
        intents: kinds
            .into_iter()
            .map(|k| tr_code(lang, "intent", k))
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

/// The companies `ids`, in that order.
async fn companies_in_order(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<company::Model>, DbErr> {
    let mut found = company::Entity::find()
        .filter(company::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let rank: HashMap<i32, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    found.sort_by_key(|c| rank.get(&c.id).copied());
    Ok(found)
}

/// The companies of one page of a view, its number, and whether a page follows.
struct PageRows {
    companies: Vec<company::Model>,
    page: u32,
    more: bool,
}

/// A page of a view that is not a search: after or before a company when the query seeks (a
/// range of an index), else counted from the first, at most [`MAX_OFFSET_PAGE`] pages deep.
async fn filtered_page(
    db: &impl ConnectionTrait,
    query: &DirectoryQuery,
    filtered: Select<company::Entity>,
    pages: u32,
) -> Result<PageRows, DbErr> {
    let size = DirectoryQuery::PAGE_SIZE;
    let mut page = query.page.min(pages).clamp(1, MAX_OFFSET_PAGE);
    if let Some(at) = &query.seek {
        let mut companies = search::seek(filtered.clone(), at)
            .limit(size + 1)
            .all(db)
            .await?;
        let full = companies.len() as u64 > size;
        companies.truncate(size as usize);
        match (at.before, full) {
            (false, _) if !companies.is_empty() => {
                return Ok(PageRows {
                    companies,
                    page: query.page.max(2),
                    more: full,
                });
            }
            (true, true) => {
                companies.reverse();
                return Ok(PageRows {
                    companies,
                    page: query.page.max(2),
                    more: true,
                });
            }
            // Nothing after the company, or no more than a page before it: the first page is
            // the honest answer (the view may have changed since the link was made).
            _ => page = 1,
        }
    }
    let mut companies = search::in_directory_order(filtered)
        .offset(u64::from(page - 1) * size)
        .limit(size + 1)
        .all(db)
        .await?;
    let more = companies.len() as u64 > size;
    companies.truncate(size as usize);
    Ok(PageRows {
        companies,
        page,
        more,
    })
}

/// A page of a search: its ranked window cut into pages.
async fn searched_page(
    db: &impl ConnectionTrait,
    query: &DirectoryQuery,
    text: &str,
) -> Result<(PageRows, ViewSize), DbErr> {
    let (ranked, more) = search::ranked(db, query, text).await?;
    let size = if more {
        ViewSize::MoreThan(ranked.len() as u64)
    } else {
        ViewSize::Exact(ranked.len() as u64)
    };
    let pages = size.pages();
    let page = query.page.clamp(1, pages);
    let ids = ranked
        .chunks(DirectoryQuery::PAGE_SIZE as usize)
        .nth(page as usize - 1)
        .unwrap_or(&[]);
    let rows = PageRows {
        companies: companies_in_order(db, ids).await?,
        page,
        more: page < pages,
    };
    Ok((rows, size))
}

fn key_of(company: &CompanyCard, before: bool) -> Seek {
    Seek {
        mic: company.mic.clone(),
        symbol: company.symbol.clone(),
        before,
    }
}

/// One page of the directory for `query`, localised for `lang`.
pub async fn directory(
    db: &impl ConnectionTrait,
    lang: Lang,
    query: &DirectoryQuery,
) -> Result<DirectoryView, DbErr> {
    let exchanges = exchanges_by_mic(db).await?;
    let counts = FacetCounts::load(db).await?;
    let (rows, size) = match query.q.as_deref() {
        Some(text) => searched_page(db, query, text).await?,
        None => {
            let filtered = filtered_companies(query, db.get_database_backend());
            let size = facets::filtered_size(db, &counts, query, filtered.clone()).await?;
            (
                filtered_page(db, query, filtered, size.pages()).await?,
                size,
            )
        }
    };
    let PageRows {
        companies,
        page,
        more,
    } = rows;
    let ids: Vec<i32> = companies.iter().map(|c| c.id).collect();
    let (texts, intents) = texts_and_intents(db, &ids).await?;
    let cards: Vec<CompanyCard> = companies
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
    let pages = if more {
        size.pages().max(page + 1)
    } else {
        page
    };
    // A search pages by number within its window; any other view seeks from its first or
    // last company.
    let searching = query.q.is_some();
    let previous = (page > 1).then(|| match cards.first() {
        Some(first) if !searching && page > 2 => query.with_seek(page - 1, key_of(first, true)),
        _ => query.with_page(page - 1),
    });
    let next = more.then(|| match cards.last() {
        Some(last) if !searching => query.with_seek(page + 1, key_of(last, false)),
        _ => query.with_page(page + 1),
    });
    Ok(DirectoryView {
        query: DirectoryQuery {
            page,
            ..query.clone()
        },
        facets: facets(lang, query, &counts, &exchanges),
        cards,
        size,
        pages,
        previous,
        next,
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
    Ok(FacetCounts::load(db).await?.count(None, facets::ALL, ""))
}

/// The zone's headline figures, from the counts the writes keep.
pub async fn figures(db: &impl ConnectionTrait, lang: Lang) -> Result<ZoneFigures, DbErr> {
    let counts = FacetCounts::load(db).await?;
    let exchanges = exchange::Entity::find().all(db).await?;
    let listed = counts.exchanges();
    let mut per_exchange: Vec<ExchangeFigure> = exchanges
        .iter()
        .filter_map(|e| {
            let (_, n) = listed.iter().find(|(mic, _)| *mic == e.mic)?;
            Some(ExchangeFigure {
                mic: e.mic.clone(),
                name: e.name(lang).to_owned(),
                country: tr_code(lang, "country", &e.country),
                companies: *n,
            })
        })
        .collect();
    per_exchange.sort_by(|a, b| b.companies.cmp(&a.companies).then(a.mic.cmp(&b.mic)));
    Ok(ZoneFigures {
        companies: per_exchange.iter().map(|e| e.companies).sum(),
        exchanges: per_exchange.len() as u64,
        countries: counts.values(None, facets::COUNTRY).len() as u64,
        with_intents: counts.count(None, facets::ANY_INTENT, ""),
        green: counts.count(None, facets::GREEN, ""),
        per_exchange,
    })
}
