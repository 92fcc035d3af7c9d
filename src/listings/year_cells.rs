//! A financial year as a file's row or the company edit form gives it, part by part, and the
//! parts it cannot do without.

use super::columns::Field;
use super::snapshot::Year;
use chrono::NaiveDate;

/// A financial year as a row (or the company edit form) gives it, before its required parts
/// are checked.
#[derive(Default)]
pub(super) struct YearCells {
    pub(super) fiscal_year: Option<i32>,
    pub(super) currency: Option<String>,
    pub(super) unit: Option<i64>,
    pub(super) revenue: Option<i64>,
    pub(super) net_profit: Option<i64>,
    pub(super) total_assets: Option<i64>,
    pub(super) total_equity: Option<i64>,
    pub(super) eps: Option<f64>,
    pub(super) market_cap: Option<i64>,
    pub(super) market_cap_date: Option<NaiveDate>,
    pub(super) audited: Option<bool>,
}

impl YearCells {
    /// The parts a year cannot do without that it lacks: its year, currency and four amounts.
    pub(super) fn missing(&self) -> Vec<Field> {
        [
            (self.fiscal_year.is_some(), Field::FiscalYear),
            (self.currency.is_some(), Field::Currency),
            (self.revenue.is_some(), Field::Revenue),
            (self.net_profit.is_some(), Field::NetProfit),
            (self.total_assets.is_some(), Field::TotalAssets),
            (self.total_equity.is_some(), Field::TotalEquity),
        ]
        .into_iter()
        .filter(|(given, _)| !given)
        .map(|(_, field)| field)
        .collect()
    }

    /// The whole year, if it has every part it cannot do without; one unit and unaudited unless
    /// it says.
    pub(super) fn complete(self) -> Option<Year> {
        Some(Year {
            fiscal_year: self.fiscal_year?,
            currency: self.currency?,
            unit: self.unit.unwrap_or(1),
            revenue: self.revenue?,
            net_profit: self.net_profit?,
            total_assets: self.total_assets?,
            total_equity: self.total_equity?,
            eps: self.eps,
            market_cap: self.market_cap,
            market_cap_date: self.market_cap_date,
            audited: self.audited.unwrap_or(false),
        })
    }
}
