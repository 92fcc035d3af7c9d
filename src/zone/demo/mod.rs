//! Fictional demo companies, generated deterministically from sector profiles and brand names.
//! `company(i)` is defined for any `i`, so benchmarks can seed as many as they need; the demo
//! seed loads the first [`DEMO_COMPANIES`] into an empty database only.
//!
//! The profiles, brands and exchanges are JSON files beside this module (see `data.rs`); this
//! file combines them into companies, `seed.rs` writes them into a database.

mod data;
mod seed;

pub use seed::{ensure_exchanges, ensure_rates, insert, load, seed, seed_generated};

use crate::i18n::Lang;
use crate::zone::entity::financial_year;
use chrono::NaiveDate;
use data::{BRANDS, Exchange, Name, PROFILES, Profile, Texts, exchange};

pub const DEMO_COMPANIES: usize = 64;

/// Where the i-th company lists.
struct Listing {
    exchange: &'static Exchange,
    market: &'static str,
}

fn listing(i: usize, p: &Profile) -> Listing {
    let (mic, market) = match (i % 4, p.sector.as_str()) {
        (0, _) => ("XKLS", "bursa-main"),
        (1, _) => ("XBKK", "set"),
        (2, "software" | "industrial-parks") => ("XKLS", "bursa-leap"),
        (2, _) => ("XKLS", "bursa-ace"),
        (3, "semiconductors") => ("XSES", "sgx-mainboard"),
        (3, "precision-engineering") => ("XSES", "sgx-catalist"),
        (3, "software") => ("XHKG", "hkex-main"),
        (3, "biomass") => ("XHKG", "hkex-gem"),
        (3, "medical-gloves") => ("XIDX", "idx-main"),
        (3, "food-processing") => ("XSTC", "hose"),
        _ => ("XBKK", "mai"),
    };
    Listing {
        exchange: exchange(mic),
        market,
    }
}

/// A small deterministic hash, so that every generated figure is reproducible.
fn mix(i: usize, salt: u64) -> u64 {
    let mut x = (i as u64).wrapping_add(salt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Where the brand's demo data or a generated variant deliberately lacks a language.
fn missing(i: usize, lang: Lang) -> bool {
    match lang {
        Lang::Ms => i % 9 == 5,
        Lang::Th => i % 11 == 7,
        Lang::Zh => i % 13 == 10,
        Lang::En => false,
    }
}

pub struct NewCompany {
    pub mic: &'static str,
    pub symbol: String,
    pub market: &'static str,
    pub industry: &'static str,
    pub sector: &'static str,
    pub country: &'static str,
    pub local_lang: Option<Lang>,
    pub website: String,
    pub listing_date: NaiveDate,
    pub green: bool,
    /// (lang, name, main business, advantages, cooperation note)
    pub texts: Vec<(Lang, String, String, Option<String>, String)>,
    pub intents: Vec<(&'static str, Option<&'static str>)>,
    pub years: Vec<financial_year::Model>,
}

fn legal_name(ex: &Exchange, lang: Lang, brand: &Name, suffix: &Name) -> String {
    ex.legal_name
        .get(lang)
        .replace("{brand}", brand.get(lang))
        .replace("{suffix}", suffix.get(lang))
}

fn symbol(i: usize, l: &Listing, brand_en: &str) -> String {
    let letters: String = brand_en
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_uppercase();
    let n = i / DEMO_COMPANIES;
    let base = match (l.exchange.mic.as_str(), l.market) {
        ("XKLS", "bursa-main") => format!("{:04}", 5000 + i % DEMO_COMPANIES * 3),
        ("XKLS", "bursa-ace") => format!("{:04}", 100 + i % DEMO_COMPANIES),
        ("XKLS", _) => format!("{:05}", 3000 + i % DEMO_COMPANIES),
        ("XHKG", _) => format!("{:05}", 1000 + i % DEMO_COMPANIES * 7),
        ("XSES", _) => format!("{}{}X", (i % 9) + 1, &letters[..1]),
        ("XIDX", _) => letters.chars().take(4).collect(),
        ("XSTC", _) => letters.chars().take(3).collect(),
        _ => letters.chars().take(6).collect(),
    };
    if n == 0 { base } else { format!("{base}{n}") }
}

fn financials(i: usize, p: &Profile, l: &Listing) -> Vec<financial_year::Model> {
    let scale = 0.5 + (mix(i, 1) % 100) as f64 / 100.0;
    let mut revenue_usd = p.revenue_kusd as f64 * 1000.0 * scale;
    let shares = 200_000_000.0 + (mix(i, 2) % 1_800) as f64 * 1_000_000.0;
    let ex = l.exchange;
    let to_units = |usd: f64| (usd * ex.per_usd / ex.reporting_unit as f64).round() as i64;
    (2023..=2025)
        .map(|year| {
            let growth = -0.06 + (mix(i, year as u64) % 26) as f64 / 100.0;
            revenue_usd *= 1.0 + growth;
            let margin = (p.margin_pct as f64 + (mix(i, year as u64 * 7) % 9) as f64 - 4.0) / 100.0;
            let profit_usd = revenue_usd * margin;
            let assets_usd = revenue_usd * (1.1 + (mix(i, 3) % 90) as f64 / 100.0);
            let equity_usd = assets_usd * (0.35 + (mix(i, 4) % 35) as f64 / 100.0);
            let eps = profit_usd * ex.per_usd / shares;
            let pe = 8.0 + (mix(i, 5) % 18) as f64;
            let cap_usd = if profit_usd > 0.0 {
                profit_usd * pe
            } else {
                equity_usd * 0.9
            };
            financial_year::Model {
                company_id: 0,
                fiscal_year: year,
                currency: ex.currency.clone(),
                unit: ex.reporting_unit,
                revenue: to_units(revenue_usd),
                net_profit: to_units(profit_usd),
                total_assets: to_units(assets_usd),
                total_equity: to_units(equity_usd),
                eps: Some((eps * 10_000.0).round() / 10_000.0),
                market_cap: Some(to_units(cap_usd)),
                market_cap_date: NaiveDate::from_ymd_opt(year, 12, 31),
                audited: year < 2025 || mix(i, 6).is_multiple_of(2),
            }
        })
        .collect()
}

/// The i-th generated company. The first [`DEMO_COMPANIES`] are the demo set.
pub fn company(i: usize) -> NewCompany {
    let p: &'static Profile = &PROFILES[(i / 4) % PROFILES.len()];
    let l = listing(i, p);
    let ex = l.exchange;
    let brand = &BRANDS[i % DEMO_COMPANIES];
    let place = &ex.places[(i * 5 + i / DEMO_COMPANIES) % ex.places.len()];
    let slug: String = brand
        .en
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let texts = Lang::ALL
        .into_iter()
        .filter(|lang| !missing(i, *lang))
        .map(|lang| {
            let fill = |t: &Texts| t.get(lang).replace("{place}", place.get(lang));
            let advantages = (!(lang == Lang::Th && i % 7 == 3)).then(|| fill(&p.advantages));
            (
                lang,
                legal_name(ex, lang, brand, &p.name_suffix),
                fill(&p.business),
                advantages,
                fill(&p.cooperation),
            )
        })
        .collect();
    NewCompany {
        mic: &ex.mic,
        symbol: symbol(i, &l, &brand.en),
        market: l.market,
        industry: &p.industry,
        sector: &p.sector,
        country: &ex.country,
        local_lang: ex.local_lang,
        website: format!("https://{slug}.example"),
        listing_date: NaiveDate::from_ymd_opt(
            1990 + (i * 7 % 34) as i32,
            (i % 12) as u32 + 1,
            (i % 27) as u32 + 1,
        )
        .expect("day 1 to 27 exists in every month"),
        green: p.green && !mix(i, 8).is_multiple_of(4),
        texts,
        intents: p
            .intents
            .iter()
            .map(|t| (t.kind.as_str(), t.industry.as_deref()))
            .collect(),
        years: financials(i, p, &l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_symbols_are_unique_per_exchange() {
        let keys: HashSet<(String, String)> = (0..DEMO_COMPANIES)
            .map(company)
            .map(|c| (c.mic.to_owned(), c.symbol))
            .collect();
        assert_eq!(keys.len(), DEMO_COMPANIES);
    }

    #[test]
    fn demo_mostly_complete_with_some_languages_missing() {
        let companies: Vec<NewCompany> = (0..DEMO_COMPANIES).map(company).collect();
        let complete = companies.iter().filter(|c| c.texts.len() == 4).count();
        assert!(complete >= DEMO_COMPANIES * 3 / 4, "{complete} complete");
        assert!(complete < DEMO_COMPANIES);
        assert!(
            companies
                .iter()
                .all(|c| c.texts.iter().any(|t| t.0 == Lang::En))
        );
    }

    #[test]
    fn demo_spans_exchanges_and_has_losses() {
        let companies: Vec<NewCompany> = (0..DEMO_COMPANIES).map(company).collect();
        let count = |mic: &str| companies.iter().filter(|c| c.mic == mic).count();
        assert!(count("XKLS") >= 20 && count("XBKK") >= 20);
        assert!(
            ["XSES", "XHKG", "XIDX", "XSTC"]
                .iter()
                .all(|m| count(m) >= 1)
        );
        assert!(
            companies
                .iter()
                .any(|c| c.years.iter().any(|y| y.net_profit < 0))
        );
        assert!(companies.iter().filter(|c| c.green).count() >= 4);
    }

    #[test]
    fn generated_companies_beyond_the_demo_stay_unique() {
        let keys: HashSet<(String, String)> = (0..DEMO_COMPANIES * 20)
            .map(company)
            .map(|c| (c.mic.to_owned(), c.symbol))
            .collect();
        assert_eq!(keys.len(), DEMO_COMPANIES * 20);
    }
}
