//! A company's core financial data: the table of its fiscal years, in millions of the reporting
//! currency with their yuan equivalent, and the chart of revenue and net profit.

use super::{CnyRate, FINANCIAL_COLUMNS, FinancialYear};
use crate::i18n::{Lang, format_date, format_number, tr, tr_args};
use leptos::prelude::*;

const MILLION: f64 = 1_000_000.0;

fn millions(value: f64) -> String {
    format_number(value / MILLION, 1)
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |v| format!("{}%", format_number(v * 100.0, 1)),
    )
}

/// An amount in millions of the reporting currency, with its CNY equivalent under it.
#[component]
fn Amount(value: f64, rate: Option<CnyRate>) -> impl IntoView {
    let negative = value < 0.0;
    view! {
        <td class="amount" class:negative=negative>
            {millions(value)}
            {rate.map(|r| {
                let cny = value * r.cny_per_unit;
                let sign = if cny < 0.0 { "-" } else { "" };
                view! { <span class="cny">{format!("≈ {sign}¥{}", millions(cny.abs()))}</span> }
            })}
        </td>
    }
}

#[component]
pub fn Financials(lang: Lang, years: Vec<FinancialYear>, rate: Option<CnyRate>) -> impl IntoView {
    let Some(currency) = years.last().map(|y| y.currency.clone()) else {
        return view! {
            <section class="company-section" aria-labelledby="financials">
                <h2 id="financials">{tr(lang, "company-financials")}</h2>
                <p class="muted">{tr(lang, "company-no-financials")}</p>
            </section>
        }
        .into_any();
    };
    let rate_note = match &rate {
        Some(r) => tr_args(
            lang,
            "company-cny-rate",
            &[
                ("rate", format_number(r.cny_per_unit, 5).into()),
                ("currency", r.currency.clone().into()),
                ("date", format_date(lang, &r.date).into()),
            ],
        ),
        None => tr_args(
            lang,
            "company-no-rate",
            &[("currency", currency.clone().into())],
        ),
    };
    let rows = years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let growth = i.checked_sub(1).and_then(|p| y.revenue_growth(&years[p]));
            view! {
                <tr>
                    <th scope="row">{y.fiscal_year}</th>
                    <Amount value=y.revenue rate=rate.clone() />
                    <Amount value=y.net_profit rate=rate.clone() />
                    <Amount value=y.total_assets rate=rate.clone() />
                    <Amount value=y.total_equity rate=rate.clone() />
                    <td class="amount">{y.eps.map_or_else(|| "—".to_owned(), |e| format_number(e, 4))}</td>
                    <td class="amount" class:negative=y.net_margin().is_some_and(|m| m < 0.0)>{percent(y.net_margin())}</td>
                    <td class="amount" class:negative=growth.is_some_and(|g| g < 0.0)>{percent(growth)}</td>
                    <td>{tr(lang, if y.audited { "company-audited" } else { "company-unaudited" })}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = FINANCIAL_COLUMNS.into_iter().chain([
        "company-net-margin",
        "company-growth",
        "company-audit",
    ]);
    view! {
        <section class="company-section" aria-labelledby="financials">
            <h2 id="financials">{tr(lang, "company-financials")}</h2>
            <p class="muted">{tr_args(lang, "company-amounts-in", &[("currency", currency.clone().into())])}</p>
            <div class="table-scroll">
                <table class="financials">
                    <thead>
                        <tr>{headers.map(|h| view! { <th scope="col">{tr(lang, h)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="muted rate-note">{rate_note}</p>
            <FinancialChart lang years currency />
        </section>
    }
    .into_any()
}

/// Revenue and net profit by year as grouped bars, drawn on the server. The scale always
/// includes zero, so losses hang below the axis.
#[component]
fn FinancialChart(lang: Lang, years: Vec<FinancialYear>, currency: String) -> impl IntoView {
    const WIDTH: f64 = 640.0;
    const HEIGHT: f64 = 260.0;
    const LEFT: f64 = 16.0;
    const TOP: f64 = 36.0;
    // Room under the axis for a loss's label and, below it, the year.
    const BOTTOM: f64 = 44.0;
    let values = years
        .iter()
        .flat_map(|y| [y.revenue / MILLION, y.net_profit / MILLION]);
    let high = values.clone().fold(0.0_f64, f64::max);
    let low = values.fold(0.0_f64, f64::min);
    let span = if high - low > 0.0 { high - low } else { 1.0 };
    let plot = HEIGHT - TOP - BOTTOM;
    let y_of = move |v: f64| TOP + (high - v) / span * plot;
    let zero = y_of(0.0);
    let slot = (WIDTH - 2.0 * LEFT) / years.len().max(1) as f64;
    let bar = slot * 0.3;
    let title = tr_args(
        lang,
        "company-chart-title",
        &[("currency", currency.into())],
    );
    let bars = years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let x = LEFT + slot * i as f64 + slot * 0.18;
            let rect = move |x: f64, v: f64, class: &'static str| {
                let top = y_of(v).min(zero);
                let height = (y_of(v) - zero).abs().max(1.0);
                let label_y = if v < 0.0 { top + height + 14.0 } else { top - 5.0 };
                view! {
                    <rect class=class class:negative=v < 0.0 x=format!("{x:.1}") y=format!("{top:.1}") width=format!("{bar:.1}") height=format!("{height:.1}") />
                    <text class="value" x=format!("{:.1}", x + bar / 2.0) y=format!("{label_y:.1}")>{format_number(v, 1)}</text>
                }
            };
            view! {
                <g class="year">
                    {rect(x, y.revenue / MILLION, "bar-revenue")}
                    {rect(x + bar + 4.0, y.net_profit / MILLION, "bar-profit")}
                    <text class="axis" x=format!("{:.1}", x + bar + 2.0) y=format!("{:.1}", HEIGHT - 8.0)>{y.fiscal_year}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">
                <title id="chart-title">{title.clone()}</title>
                <g class="legend">
                    <rect class="bar-revenue" x="16" y="8" width="12" height="12" />
                    <text x="34" y="18">{tr(lang, "company-revenue")}</text>
                    <rect class="bar-profit" x="180" y="8" width="12" height="12" />
                    <text x="198" y="18">{tr(lang, "company-net-profit")}</text>
                </g>
                <line class="zero" x1=format!("{LEFT}") x2=format!("{}", WIDTH - LEFT) y1=format!("{zero:.1}") y2=format!("{zero:.1}") />
                {bars}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}
