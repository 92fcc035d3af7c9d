//! The overseas listed company zone: everything about listed companies lives in this folder.
//!
//! `mod.rs` holds what crosses the wire; `pages.rs`, `directory.rs`, `explorer.rs` (the island)
//! and `company.rs` the pages; `api.rs` the server functions; on the server only, `search.rs` and
//! `queries.rs` the SQL, `facets.rs` the counts, `profile.rs` one company's page, `export/` the downloads, `index.rs`
//! the search index for bulk writers, `entity.rs` the tables and `routes.rs` the plain HTTP
//! routes.

pub mod api;
mod company;
mod directory;
mod explorer;
mod financials;
mod pages;
mod query;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod demo;
        pub mod entity;
        pub mod export;
        pub mod facets;
        pub mod index;
        pub mod lookup;
        mod profile;
        pub mod queries;
        mod routes;
        pub mod search;
        pub mod taxonomy;
    }
}

/// An exchange's liaison desk, as shown on its companies' pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Liaison {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The company's own investor relations e-mail, as its exchange's files give it.
    pub company_email: Option<String>,
}

pub use pages::ZoneRoutes;
pub use query::{DirectoryQuery, MAX_OFFSET_PAGE, Seek, plausible_key};
#[cfg(feature = "ssr")]
pub use routes::routes;

use crate::i18n::Localized;
use serde::{Deserialize, Serialize};

/// The industries companies and enterprises are classified in (`industry-*` messages).
pub const INDUSTRIES: [&str; 11] = [
    "plantation",
    "energy",
    "technology",
    "healthcare",
    "consumer",
    "industrial",
    "transport",
    "property",
    "materials",
    "utilities",
    "financials",
];

/// The cooperation intentions a company can declare, in display order.
pub const INTENT_KINDS: [&str; 7] = [
    "technology",
    "market-access",
    "supply-chain",
    "joint-venture",
    "m-and-a",
    "investment",
    "green-energy",
];

/// One value of a filter, with its label in the page language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub exchanges: Vec<Choice>,
    pub markets: Vec<Choice>,
    pub industries: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub intents: Vec<Choice>,
}

/// A company as the directory shows it, already localised on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyCard {
    pub href: String,
    pub mic: String,
    pub symbol: String,
    pub name: Localized,
    pub summary: Option<Localized>,
    pub exchange: String,
    pub market: String,
    pub industry: String,
    pub country: String,
    pub intents: Vec<String>,
    pub green: bool,
}

/// How many companies a view holds, as far as the page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewSize {
    Exact(u64),
    /// An estimate, rounded, for a view of several filters too large to count cheaply.
    About(u64),
    /// At least this many; a search ranks no more (see `search::SEARCH_WINDOW`).
    MoreThan(u64),
}

impl ViewSize {
    /// The number to page by.
    pub fn companies(self) -> u64 {
        match self {
            ViewSize::Exact(n) | ViewSize::About(n) | ViewSize::MoreThan(n) => n,
        }
    }

    /// The pages of [`DirectoryQuery::PAGE_SIZE`] that many companies fill; at least one.
    pub fn pages(self) -> u32 {
        self.companies().div_ceil(DirectoryQuery::PAGE_SIZE).max(1) as u32
    }
}

/// One page of the directory: the query it answers (page clamped to what exists), the filter
/// choices, the companies on the page, how many match in all, and the queries of the pages
/// before and after it, each a seek from this page's first or last company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryView {
    pub query: DirectoryQuery,
    pub facets: Facets,
    pub cards: Vec<CompanyCard>,
    pub size: ViewSize,
    pub pages: u32,
    pub previous: Option<DirectoryQuery>,
    pub next: Option<DirectoryQuery>,
}

/// Headline figures of the home page, always computed from the data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneFigures {
    pub companies: u64,
    pub exchanges: u64,
    pub countries: u64,
    pub with_intents: u64,
    pub green: u64,
    pub per_exchange: Vec<ExchangeFigure>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeFigure {
    pub mic: String,
    pub name: String,
    pub country: String,
    pub companies: u64,
}

/// A company's page, localized on the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompanyProfile {
    pub mic: String,
    pub symbol: String,
    pub name: Localized,
    /// The name in the company's own language, when that differs from the one shown.
    pub local_name: Option<String>,
    pub exchange: String,
    pub market: String,
    pub industry: String,
    pub sector: String,
    pub country: String,
    pub website: Option<String>,
    /// ISO 8601 date.
    pub listing_date: Option<String>,
    pub green: bool,
    pub main_business: Option<Localized>,
    pub advantages: Option<Localized>,
    pub cooperation_note: Option<Localized>,
    pub intents: Vec<String>,
    pub financials: Vec<FinancialYear>,
    /// The rate used for the CNY equivalents, if the table has one for the currency.
    pub cny_rate: Option<CnyRate>,
}

/// Message keys of the core financial data, in the order every table and export shows them.
pub const FINANCIAL_COLUMNS: [&str; 6] = [
    "company-fiscal-year",
    "company-revenue",
    "company-net-profit",
    "company-total-assets",
    "company-total-equity",
    "company-eps",
];

/// Core financial data of one fiscal year, amounts in whole units of `currency`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinancialYear {
    pub fiscal_year: i32,
    pub currency: String,
    pub revenue: f64,
    pub net_profit: f64,
    pub total_assets: f64,
    pub total_equity: f64,
    pub eps: Option<f64>,
    pub audited: bool,
}

impl FinancialYear {
    /// Net profit as a share of revenue; none without revenue.
    pub fn net_margin(&self) -> Option<f64> {
        (self.revenue != 0.0).then(|| self.net_profit / self.revenue)
    }

    /// Revenue growth over `previous`; none when the previous year had no revenue.
    pub fn revenue_growth(&self, previous: &FinancialYear) -> Option<f64> {
        (previous.revenue != 0.0)
            .then(|| (self.revenue - previous.revenue) / previous.revenue.abs())
    }
}

/// CNY per one unit of `currency`, as of `date` (ISO 8601).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CnyRate {
    pub currency: String,
    pub cny_per_unit: f64,
    pub date: String,
}

#[cfg(test)]
mod financial_tests {
    use super::FinancialYear;

    fn year(revenue: f64, net_profit: f64) -> FinancialYear {
        FinancialYear {
            fiscal_year: 2025,
            currency: "MYR".into(),
            revenue,
            net_profit,
            total_assets: 0.0,
            total_equity: 0.0,
            eps: None,
            audited: true,
        }
    }

    #[test]
    fn margin_and_growth() {
        assert_eq!(year(200.0, 30.0).net_margin(), Some(0.15));
        assert_eq!(year(200.0, -50.0).net_margin(), Some(-0.25));
        assert_eq!(year(0.0, 10.0).net_margin(), None);
        assert_eq!(
            year(150.0, 0.0).revenue_growth(&year(100.0, 0.0)),
            Some(0.5)
        );
        assert_eq!(
            year(50.0, 0.0).revenue_growth(&year(100.0, 0.0)),
            Some(-0.5)
        );
        assert_eq!(year(50.0, 0.0).revenue_growth(&year(0.0, 0.0)), None);
    }
}
