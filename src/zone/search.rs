//! Which companies a directory view holds, and in what order: the filters, and text search in
//! any script through the search index (SQLite FTS5 with trigrams, PostgreSQL pg_trgm).

use super::DirectoryQuery;
use super::entity::{company, cooperation_intent};
use sea_orm::sea_query::{Expr, JoinType, Query, SimpleExpr};
use sea_orm::{ColumnTrait, DbBackend, Order, QueryFilter, QueryOrder, QuerySelect, Select};

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
    let mut select = company::listed();
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

/// The order of the directory and its exports: by relevance when searching, then by exchange
/// and symbol.
pub fn in_directory_order(
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

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{EntityTrait, QueryTrait};

    fn sql(query: &DirectoryQuery) -> String {
        filtered_companies(query, DbBackend::Sqlite)
            .build(DbBackend::Sqlite)
            .to_string()
    }

    #[test]
    fn unfiltered_query_only_leaves_out_delisted_companies() {
        let sql = sql(&DirectoryQuery::default());
        assert!(
            sql.ends_with(r#"WHERE "companies"."delisted_at" IS NULL"#),
            "{sql}"
        );
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
