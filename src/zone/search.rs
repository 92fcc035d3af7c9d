//! Which companies a directory view holds, and in what order: the filters, and text search in
//! any script through the search index (SQLite FTS5 with trigrams, PostgreSQL pg_trgm).

use super::entity::{company, cooperation_intent};
use super::{DirectoryQuery, Seek};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, Order, QueryFilter, QueryOrder, QuerySelect,
    Select, Statement,
};

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

/// The ids of the companies whose search document contains `text`, ignoring case, as a query
/// in the backend's own SQL, and its one parameter.
fn matching(backend: DbBackend, text: &str) -> (&'static str, String) {
    let short = text.chars().count() < 3;
    match backend {
        // No trigram index holds a shorter text. `strpos`, which the index cannot answer, has
        // the planner walk the documents in id order and stop at the window instead of reading
        // every entry of the index (1.5 s at 100,000 companies).
        DbBackend::Postgres if short => (
            "SELECT company_id FROM company_search WHERE strpos(body, $1) > 0",
            text.to_lowercase(),
        ),
        DbBackend::Postgres => (
            r"SELECT company_id FROM company_search WHERE body LIKE $1 ESCAPE '\'",
            like_pattern(text),
        ),
        // FTS5 trigrams need three characters too; LIKE reads the documents in rowid order.
        _ if short => (
            r"SELECT rowid FROM company_search WHERE body LIKE ? ESCAPE '\'",
            like_pattern(text),
        ),
        _ => (
            "SELECT rowid FROM company_search WHERE company_search MATCH ?",
            fts_phrase(text),
        ),
    }
}

/// Companies whose search document contains `text`, ignoring case.
fn search_filter(backend: DbBackend, text: &str) -> SimpleExpr {
    let (ids, value) = matching(backend, text);
    Expr::cust_with_values(format!(r#""companies"."id" IN ({ids})"#), [value])
}

/// The first `limit` ids, in order, of the companies whose document contains `text`: the index
/// stops once it has found them, so a common word costs no more than a rare one (a text of one
/// or two characters, which no trigram index can hold, is looked for document by document in
/// id order, until `limit` are found or none are left).
async fn first_matches(
    db: &impl ConnectionTrait,
    text: &str,
    limit: usize,
) -> Result<Vec<i32>, DbErr> {
    let backend = db.get_database_backend();
    let (ids, value) = matching(backend, text);
    let statement = Statement::from_sql_and_values(
        backend,
        format!("{ids} ORDER BY 1 LIMIT {limit}"),
        [value.into()],
    );
    db.query_all_raw(statement)
        .await?
        .iter()
        .map(|row| row.try_get_by_index::<i32>(0))
        .collect()
}

/// How many matches a search ranks at most, the first ones by id, so that a search costs about
/// the same however many companies it matches. A view says when there were more; a narrower
/// search or a filter brings the rest within reach.
pub const SEARCH_WINDOW: usize = 1_000;

/// Companies first (0) whose symbol is `text` or whose name in any language contains it, the
/// others after (1). In SQL, so that only the ranked ids leave the database.
// SQLite's `lower` folds ASCII letters only: a name in another alphabet written in capitals
// ranks first there only when the search is written alike.
fn best_first(backend: DbBackend, text: &str) -> SimpleExpr {
    let (symbol, name) = match backend {
        DbBackend::Postgres => ("$1", "$2"),
        _ => ("?", "?"),
    };
    Expr::cust_with_values(
        format!(
            r#"CASE WHEN lower("companies"."symbol") = {symbol} OR EXISTS (SELECT 1 FROM company_texts t WHERE t.company_id = "companies"."id" AND lower(t.name) LIKE {name} ESCAPE '\') THEN 0 ELSE 1 END"#
        ),
        [text.to_lowercase(), like_pattern(text)],
    )
}

/// The companies matching `query` and its search text `text`, best first, at most
/// [`SEARCH_WINDOW`] of them, and whether more match. Best are those whose symbol is the text
/// or whose name contains it, in any language; then the others; each group in directory order.
/// Both databases rank alike: the window is the first matches by id, ranked by the same SQL.
pub async fn ranked(
    db: &impl ConnectionTrait,
    query: &DirectoryQuery,
    text: &str,
) -> Result<(Vec<i32>, bool), DbErr> {
    let backend = db.get_database_backend();
    let only_text = !DirectoryQuery {
        q: None,
        ..query.clone()
    }
    .is_filtered();
    let mut window = if only_text {
        // Straight from the index; delisted companies drop out below.
        first_matches(db, text, SEARCH_WINDOW + 1).await?
    } else {
        filtered_companies(query, backend)
            .select_only()
            .column(company::Column::Id)
            .order_by_asc(company::Column::Id)
            .limit(SEARCH_WINDOW as u64 + 1)
            .into_tuple()
            .all(db)
            .await?
    };
    let more = window.len() > SEARCH_WINDOW;
    window.truncate(SEARCH_WINDOW);
    let ranked = in_directory_order(
        company::listed()
            .select_only()
            .column(company::Column::Id)
            .filter(company::Column::Id.is_in(window))
            .order_by(best_first(backend, text), Order::Asc),
    )
    .into_tuple()
    .all(db)
    .await?;
    Ok((ranked, more))
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

/// The order of the directory and its exports without a search: by exchange, then symbol.
pub fn in_directory_order(select: Select<company::Entity>) -> Select<company::Entity> {
    select
        .order_by_asc(company::Column::ExchangeMic)
        .order_by_asc(company::Column::Symbol)
}

/// The companies after or before `seek` in the directory's order, nearest first: a range of
/// the order's index, however deep.
pub fn seek(select: Select<company::Entity>, seek: &Seek) -> Select<company::Entity> {
    let key = || {
        Expr::tuple([
            Expr::col((company::Entity, company::Column::ExchangeMic)),
            Expr::col((company::Entity, company::Column::Symbol)),
        ])
    };
    let at = Expr::tuple([
        Expr::val(seek.mic.as_str()),
        Expr::val(seek.symbol.as_str()),
    ]);
    if seek.before {
        select
            .filter(key().lt(at))
            .order_by_desc(company::Column::ExchangeMic)
            .order_by_desc(company::Column::Symbol)
    } else {
        in_directory_order(select.filter(key().gt(at)))
    }
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
        let pg_short = filtered_companies(
            &DirectoryQuery {
                q: Some("物流".into()),
                ..Default::default()
            },
            DbBackend::Postgres,
        )
        .build(DbBackend::Postgres)
        .to_string();
        assert!(
            pg_short.contains("WHERE strpos(body, '物流') > 0"),
            "{pg_short}"
        );
        let unranked = in_directory_order(company::Entity::find())
            .build(DbBackend::Postgres)
            .to_string();
        assert!(
            unranked
                .ends_with(r#"ORDER BY "companies"."exchange_mic" ASC, "companies"."symbol" ASC"#),
            "{unranked}"
        );
    }

    #[test]
    fn a_seek_is_a_range_of_the_directory_order() {
        let at = |before| Seek {
            mic: "XKLS".into(),
            symbol: "0012".into(),
            before,
        };
        for (before, op, order, backend) in [
            (false, ">", "ASC", DbBackend::Sqlite),
            (true, "<", "DESC", DbBackend::Postgres),
        ] {
            let sql = seek(company::listed(), &at(before))
                .build(backend)
                .to_string();
            let range = format!(
                r#"("companies"."exchange_mic", "companies"."symbol") {op} ('XKLS', '0012')"#
            );
            let nearest_first = format!(
                r#"ORDER BY "companies"."exchange_mic" {order}, "companies"."symbol" {order}"#
            );
            assert!(
                sql.contains(&range) && sql.ends_with(&nearest_first),
                "{sql}"
            );
        }
    }

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(like_pattern("100%_A\\"), "%100\\%\\_a\\\\%");
        assert_eq!(like_pattern("น้ำมันปาล์ม"), "%น้ำมันปาล์ม%");
    }
}
