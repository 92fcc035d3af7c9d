//! The directory's facets and the size of a view without reading every company: the counts
//! per exchange, facet and value live in `zone_facets`, which each write to the listed
//! companies refreshes for its exchange in its own transaction (see the table's migration), so
//! every app instance reads the same, current counts.

use super::entity::{company, cooperation_intent, zone_facet};
use super::{DirectoryQuery, ViewSize};
use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    QueryTrait, Select, Set,
};

pub const ALL: &str = "all";
pub const MARKET: &str = "market";
pub const INDUSTRY: &str = "industry";
pub const COUNTRY: &str = "country";
pub const INTENT: &str = "intent";
pub const GREEN: &str = "green";
pub const ANY_INTENT: &str = "any-intent";

/// Rewrites the counts of exchange `mic` from its companies. Call it in the transaction that
/// changes them, after the change: it reads one exchange's companies, through their indexes.
pub async fn refresh(db: &impl ConnectionTrait, mic: &str) -> Result<(), DbErr> {
    zone_facet::Entity::delete_many()
        .filter(zone_facet::Column::ExchangeMic.eq(mic))
        .exec(db)
        .await?;
    let listed = || company::listed().filter(company::Column::ExchangeMic.eq(mic));
    let mut rows: Vec<(&str, String, i64)> = Vec::new();
    for (facet, column) in [
        (MARKET, company::Column::Market),
        (INDUSTRY, company::Column::Industry),
        (COUNTRY, company::Column::Country),
    ] {
        let counts: Vec<(String, i64)> = listed()
            .select_only()
            .column(column)
            .column_as(Expr::col(company::Column::Id).count(), "companies")
            .group_by(column)
            .into_tuple()
            .all(db)
            .await?;
        rows.extend(counts.into_iter().map(|(value, n)| (facet, value, n)));
    }
    let of_listed = || {
        listed()
            .select_only()
            .column(company::Column::Id)
            .into_query()
    };
    let intents: Vec<(String, i64)> = cooperation_intent::Entity::find()
        .select_only()
        .column(cooperation_intent::Column::Kind)
        .column_as(
            Expr::col(cooperation_intent::Column::CompanyId).count_distinct(),
            "companies",
        )
        .filter(cooperation_intent::Column::CompanyId.in_subquery(of_listed()))
        .group_by(cooperation_intent::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    rows.extend(intents.into_iter().map(|(kind, n)| (INTENT, kind, n)));
    let with_intents = listed()
        .filter(
            company::Column::Id.in_subquery(
                Query::select()
                    .column(cooperation_intent::Column::CompanyId)
                    .from(cooperation_intent::Entity)
                    .to_owned(),
            ),
        )
        .count(db)
        .await?;
    let green = listed()
        .filter(company::Column::Green.eq(true))
        .count(db)
        .await?;
    let all = listed().count(db).await?;
    for (facet, n) in [(ANY_INTENT, with_intents), (GREEN, green), (ALL, all)] {
        rows.push((facet, String::new(), n as i64));
    }
    let models: Vec<zone_facet::ActiveModel> = rows
        .into_iter()
        .filter(|(_, _, n)| *n > 0)
        .map(|(facet, value, companies)| zone_facet::ActiveModel {
            exchange_mic: Set(mic.to_owned()),
            facet: Set(facet.to_owned()),
            value: Set(value),
            companies: Set(companies),
        })
        .collect();
    if models.is_empty() {
        return Ok(());
    }
    zone_facet::Entity::insert_many(models)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Every count of the zone: a few hundred rows, read once per view.
pub struct FacetCounts(Vec<zone_facet::Model>);

impl FacetCounts {
    pub async fn load(db: &impl ConnectionTrait) -> Result<FacetCounts, DbErr> {
        Ok(FacetCounts(zone_facet::Entity::find().all(db).await?))
    }

    fn rows<'a>(
        &'a self,
        mic: Option<&'a str>,
        facet: &'a str,
    ) -> impl Iterator<Item = &'a zone_facet::Model> {
        self.0
            .iter()
            .filter(move |r| r.facet == facet && mic.is_none_or(|mic| r.exchange_mic == mic))
    }

    /// Listed companies with `value` as their `facet`, on exchange `mic` or on any.
    pub fn count(&self, mic: Option<&str>, facet: &str, value: &str) -> u64 {
        self.rows(mic, facet)
            .filter(|r| r.value == value)
            .map(|r| r.companies as u64)
            .sum()
    }

    /// The values `facet` takes among the listed companies (of exchange `mic`, or of all).
    pub fn values(&self, mic: Option<&str>, facet: &str) -> Vec<String> {
        let mut values: Vec<String> = self.rows(mic, facet).map(|r| r.value.clone()).collect();
        values.sort();
        values.dedup();
        values
    }

    /// The exchanges that list at least one company, with how many.
    pub fn exchanges(&self) -> Vec<(String, u64)> {
        self.rows(None, ALL)
            .map(|r| (r.exchange_mic.clone(), r.companies as u64))
            .collect()
    }
}

/// Views larger than this are counted no further; their size is estimated.
const COUNT_LIMIT: u64 = 10_000;

/// The size of the filtered (not searched) view `query`: read from the counts when it has at
/// most one filter besides the exchange, else counted through the filters' indexes up to
/// [`COUNT_LIMIT`], and above that estimated from the counts as if the filters were independent.
pub async fn filtered_size(
    db: &impl ConnectionTrait,
    counts: &FacetCounts,
    query: &DirectoryQuery,
    filtered: Select<company::Entity>,
) -> Result<ViewSize, DbErr> {
    let mic = query.exchange.as_deref();
    let filters: Vec<(&str, &str)> = [
        (MARKET, query.market.as_deref()),
        (INDUSTRY, query.industry.as_deref()),
        (COUNTRY, query.country.as_deref()),
        (INTENT, query.intent.as_deref()),
        (GREEN, query.green.then_some("")),
    ]
    .into_iter()
    .filter_map(|(facet, value)| Some((facet, value?)))
    .collect();
    let base = counts.count(mic, ALL, "");
    if let [] | [_] = filters.as_slice() {
        let (facet, value) = filters.first().copied().unwrap_or((ALL, ""));
        return Ok(ViewSize::Exact(counts.count(mic, facet, value)));
    }
    let bounded = filtered
        .select_only()
        .column(company::Column::Id)
        .limit(COUNT_LIMIT + 1)
        .into_query();
    let statement = Query::select()
        .expr_as(Expr::col(Asterisk).count(), "companies")
        .from_subquery(bounded, Alias::new("view"))
        .to_owned();
    let counted: i64 = match db.query_one(&statement).await? {
        Some(row) => row.try_get("", "companies")?,
        None => 0,
    };
    let counted = counted as u64;
    if counted <= COUNT_LIMIT {
        return Ok(ViewSize::Exact(counted));
    }
    let share: f64 = filters
        .iter()
        .map(|(facet, value)| counts.count(mic, facet, value) as f64 / Ord::max(base, 1) as f64)
        .product();
    Ok(ViewSize::About(round_estimate(Ord::max(
        (base as f64 * share) as u64,
        counted,
    ))))
}

/// Two significant digits: an estimate should not look like a count.
fn round_estimate(n: u64) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

#[cfg(test)]
mod tests {
    use super::round_estimate;

    #[test]
    fn an_estimate_keeps_two_significant_digits() {
        assert_eq!(round_estimate(12_345), 12_000);
        assert_eq!(round_estimate(10_001), 10_000);
        assert_eq!(round_estimate(98_765), 99_000);
        assert_eq!(round_estimate(87), 87);
    }
}
