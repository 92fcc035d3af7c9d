//! Queries and rules of the zone, with sea-orm.

use super::entity::{
    company, company_text, cooperation_intent, exchange, exchange_rate, financial_year,
};
use super::{
    Choice, CnyRate, CompanyCard, CompanyProfile, DirectoryQuery, DirectoryView, ExchangeFigure,
    Facets, FinancialYear, INTENT_KINDS, ZoneFigures,
};
use crate::i18n::{Lang, pick, tr};
use sea_orm::sea_query::{Expr, JoinType, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, Order, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Select,
};
use std::collections::HashMap;

/// `%text%` for a case-insensitive LIKE, with the wildcard characters of `text` escaped.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for ch in text.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

// The search index (`company_search`, see its migration) is queried in raw SQL: sea-orm has no
// words for FTS5 or trigram similarity. Custom SQL takes `?` placeholders on SQLite and `$1` on
// PostgreSQL.

/// An FTS5 phrase: the trigram tokenizer matches it anywhere inside the document.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Companies whose search document contains `text`, ignoring case.
fn search_filter(backend: DbBackend, text: &str) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust_with_values(
            r#""companies"."id" IN (SELECT company_id FROM company_search WHERE body LIKE $1 ESCAPE '\')"#,
            [like_pattern(text)],
        ),
        // Trigrams need three characters; shorter text is looked for with LIKE on the index.
        _ if text.chars().count() < 3 => Expr::cust_with_values(
            r#""companies"."id" IN (SELECT rowid FROM company_search WHERE body LIKE ? ESCAPE '\')"#,
            [like_pattern(text)],
        ),
        _ => Expr::cust_with_values(
            r#""companies"."id" IN (SELECT rowid FROM company_search WHERE company_search MATCH ?)"#,
            [fts_phrase(text)],
        ),
    }
}

/// Orders `select` by how well each company matches `text`, best first: bm25 on SQLite, the
/// trigram similarity of the whole document on PostgreSQL (so a name that is mostly the query
/// outranks a long text that mentions it).
fn by_relevance(
    mut select: Select<company::Entity>,
    backend: DbBackend,
    text: &str,
) -> Select<company::Entity> {
    match backend {
        DbBackend::Postgres => select.order_by(
            Expr::cust_with_values(
                r#"(SELECT public.similarity($1, body) FROM company_search WHERE company_id = "companies"."id")"#,
                [text.to_lowercase()],
            ),
            Order::Desc,
        ),
        _ if text.chars().count() < 3 => select,
        _ => {
            use sea_orm::sea_query::ExprTrait as _;
            // The hits are computed once and joined: a MATCH per company row is quadratic and
            // took over a minute at 100,000 companies.
            let hits = Query::select()
                .expr_as(Expr::cust("rowid"), "hit_id")
                .expr_as(Expr::cust("rank"), "hit_rank")
                .from("company_search")
                .and_where(Expr::cust_with_values(
                    "company_search MATCH ?",
                    [fts_phrase(text)],
                ))
                // A LIMIT keeps SQLite from flattening the hits into the outer query, which
                // would again probe the index once per company.
                .limit(i64::MAX as u64)
                .to_owned();
            QuerySelect::query(&mut select).join_subquery(
                JoinType::InnerJoin,
                hits,
                "hits",
                Expr::col(("hits", "hit_id")).equals((company::Entity, company::Column::Id)),
            );
            select.order_by_asc(Expr::col(("hits", "hit_rank")))
        }
    }
}

/// The companies matching every filter of `query`, unordered and unpaged.
pub fn filtered_companies(query: &DirectoryQuery, backend: DbBackend) -> Select<company::Entity> {
    let mut select = company::Entity::find();
    for (column, value) in [
        (company::Column::ExchangeMic, &query.exchange),
        (company::Column::Market, &query.market),
        (company::Column::Industry, &query.industry),
        (company::Column::Country, &query.country),
    ] {
        if let Some(value) = value {
            select = select.filter(column.eq(value.as_str()));
        }
    }
    if query.green {
        select = select.filter(company::Column::Green.eq(true));
    }
    if let Some(kind) = &query.intent {
        select = select.filter(
            company::Column::Id.in_subquery(
                Query::select()
                    .column(cooperation_intent::Column::CompanyId)
                    .from(cooperation_intent::Entity)
                    .and_where(cooperation_intent::Column::Kind.eq(kind.as_str()))
                    .to_owned(),
            ),
        );
    }
    if let Some(text) = &query.q {
        select = select.filter(search_filter(backend, text));
    }
    select
}

fn label(lang: Lang, prefix: &str, code: &str) -> String {
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
    let mut select = company::Entity::find()
        .select_only()
        .column(column)
        .distinct();
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

fn card(
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
        href: format!(
            "/{}/zone/{}/{}",
            lang.code(),
            company.exchange_mic,
            company.symbol
        ),
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

async fn exchanges_by_mic(
    db: &impl ConnectionTrait,
) -> Result<HashMap<String, exchange::Model>, DbErr> {
    Ok(exchange::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.mic.clone(), e))
        .collect())
}

/// The order of the directory and its exports: by relevance when searching, then by exchange
/// and symbol.
fn in_directory_order(
    select: Select<company::Entity>,
    query: &DirectoryQuery,
    backend: DbBackend,
) -> Select<company::Entity> {
    let select = match query.q.as_deref() {
        Some(text) => by_relevance(select, backend, text),
        None => select,
    };
    select
        .order_by_asc(company::Column::ExchangeMic)
        .order_by_asc(company::Column::Symbol)
}

/// The texts and intents of the companies `ids`, grouped by company.
async fn texts_and_intents(
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
    let backend = db.get_database_backend();
    let companies = in_directory_order(filtered_companies(query, backend), query, backend)
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
) -> Result<Vec<super::export::ExportRow>, DbErr> {
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
        rows.push(super::export::ExportRow {
            texts: vec![
                shown.mic,
                shown.symbol,
                shown.name.text,
                shown.name.shown_in.unwrap_or(lang).native_name().to_owned(),
                shown.market,
                shown.industry,
                label(lang, "sector", &c.sector),
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

/// The page of the company listed as `symbol` on `mic`, localized for `lang`; none if unknown.
pub async fn company_profile(
    db: &impl ConnectionTrait,
    lang: Lang,
    mic: &str,
    symbol: &str,
) -> Result<Option<CompanyProfile>, DbErr> {
    if !super::plausible_key(mic) || !super::plausible_key(symbol) {
        return Ok(None);
    }
    let Some(company) = company::Entity::find()
        .filter(company::Column::ExchangeMic.eq(mic))
        .filter(company::Column::Symbol.eq(symbol))
        .one(db)
        .await?
    else {
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
        market: label(lang, "market", &company.market),
        industry: label(lang, "industry", &company.industry),
        sector: label(lang, "sector", &company.sector),
        country: label(lang, "country", &company.country),
        main_business: field(|t| t.main_business.as_deref()),
        advantages: field(|t| t.advantages.as_deref()),
        cooperation_note: field(|t| t.cooperation_note.as_deref()),
        intents: intents
            .iter()
            .map(|i| label(lang, "intent", &i.kind))
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
) -> Result<Option<crate::accounts::Liaison>, DbErr> {
    if !super::plausible_key(mic) || !super::plausible_key(symbol) {
        return Ok(None);
    }
    let listed = company::Entity::find()
        .filter(company::Column::ExchangeMic.eq(mic))
        .filter(company::Column::Symbol.eq(symbol))
        .count(db)
        .await?
        > 0;
    if !listed {
        return Ok(None);
    }
    Ok(exchange::Entity::find_by_id(mic)
        .one(db)
        .await?
        .map(|e| crate::accounts::Liaison {
            name: e.liaison_name,
            email: e.liaison_email,
            phone: e.liaison_phone,
        }))
}

/// `(mic, symbol)` of the companies in listing order, `limit` of them after `offset`.
pub async fn company_keys(
    db: &impl ConnectionTrait,
    offset: u64,
    limit: u64,
) -> Result<Vec<(String, String)>, DbErr> {
    company::Entity::find()
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
    company::Entity::find().count(db).await
}

/// The zone's headline figures, counted from the data.
pub async fn figures(db: &impl ConnectionTrait, lang: Lang) -> Result<ZoneFigures, DbErr> {
    use sea_orm::sea_query::ExprTrait;
    let per_mic: Vec<(String, i64)> = company::Entity::find()
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
    let with_intents = cooperation_intent::Entity::find()
        .select_only()
        .column(cooperation_intent::Column::CompanyId)
        .distinct()
        .into_tuple::<i32>()
        .all(db)
        .await?
        .len() as u64;
    Ok(ZoneFigures {
        companies: per_mic.iter().map(|(_, n)| *n as u64).sum(),
        exchanges: per_exchange.len() as u64,
        countries: distinct(db, company::Column::Country, None).await?.len() as u64,
        with_intents,
        green: company::Entity::find()
            .filter(company::Column::Green.eq(true))
            .count(db)
            .await?,
        per_exchange,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::QueryTrait;

    fn sql(query: &DirectoryQuery) -> String {
        filtered_companies(query, DbBackend::Sqlite)
            .build(DbBackend::Sqlite)
            .to_string()
    }

    #[test]
    fn unfiltered_query_has_no_conditions() {
        assert!(!sql(&DirectoryQuery::default()).contains("WHERE"));
    }

    #[test]
    fn each_filter_adds_its_condition() {
        let q = DirectoryQuery {
            exchange: Some("XBKK".into()),
            market: Some("mai".into()),
            industry: Some("energy".into()),
            country: Some("TH".into()),
            green: true,
            ..Default::default()
        };
        let s = sql(&q);
        for part in [
            r#""exchange_mic" = 'XBKK'"#,
            r#""market" = 'mai'"#,
            r#""industry" = 'energy'"#,
            r#""country" = 'TH'"#,
            r#""green" = TRUE"#,
        ] {
            assert!(s.contains(part), "{part} missing from {s}");
        }
    }

    #[test]
    fn intent_filter_is_a_subquery_on_intents() {
        let s = sql(&DirectoryQuery {
            intent: Some("m-and-a".into()),
            ..Default::default()
        });
        assert!(s.contains(r#""companies"."id" IN (SELECT "company_id" FROM "cooperation_intents" WHERE "cooperation_intents"."kind" = 'm-and-a')"#), "{s}");
    }

    #[test]
    fn search_goes_through_the_index_and_ranks() {
        let q = DirectoryQuery {
            q: Some("palm \"oil".into()),
            ..Default::default()
        };
        let s = sql(&q);
        assert!(
            s.contains(
                r#"IN (SELECT rowid FROM company_search WHERE company_search MATCH '"palm ""oil"')"#
            ),
            "{s}"
        );
        let short = sql(&DirectoryQuery {
            q: Some("5%".into()),
            ..Default::default()
        });
        assert!(
            short.contains(r#"WHERE body LIKE '%5\%%' ESCAPE '\'"#),
            "{short}"
        );
        let pg = filtered_companies(&q, DbBackend::Postgres)
            .build(DbBackend::Postgres)
            .to_string();
        assert!(
            pg.contains(r#"SELECT company_id FROM company_search WHERE body LIKE '%palm "oil%'"#),
            "{pg}"
        );
        let ordered = in_directory_order(
            filtered_companies(&q, DbBackend::Sqlite),
            &q,
            DbBackend::Sqlite,
        )
        .build(DbBackend::Sqlite)
        .to_string();
        // Ranked through one join of the hits, never a MATCH per row.
        assert!(
            ordered.contains(r#"INNER JOIN (SELECT rowid AS "hit_id", rank AS "hit_rank" FROM "company_search" WHERE company_search MATCH"#)
                && ordered.contains(r#"ORDER BY "hits"."hit_rank" ASC"#)
                && !ordered.contains("AND rowid ="),
            "{ordered}"
        );
        let unranked = in_directory_order(
            company::Entity::find(),
            &DirectoryQuery::default(),
            DbBackend::Postgres,
        )
        .build(DbBackend::Postgres)
        .to_string();
        assert!(
            unranked
                .ends_with(r#"ORDER BY "companies"."exchange_mic" ASC, "companies"."symbol" ASC"#),
            "{unranked}"
        );
    }

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(like_pattern("100%_A\\"), "%100\\%\\_a\\\\%");
        assert_eq!(like_pattern("น้ำมันปาล์ม"), "%น้ำมันปาล์ม%");
    }
}
