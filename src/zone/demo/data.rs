//! The demo's tables live in the JSON files beside this one, so that a translator can read and
//! correct them without reading Rust. They are compiled in: the binary needs no files at run
//! time, and a file that does not parse is a programming error, which any test of the demo
//! meets first.
//!
//! `{place}` in a profile's texts stands for the company's home region; `{brand}` and `{suffix}`
//! in an exchange's legal name for the brand and the profile's name suffix.

use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use std::sync::LazyLock;

/// The lines of business, each written once in every language. Company `i` takes profile
/// `(i / 4) % len`, so reordering the file changes every generated company; where a company
/// lists depends on its profile's `sector` (see `listing` in `mod.rs`).
pub static PROFILES: LazyLock<Vec<Profile>> =
    LazyLock::new(|| parse("profiles.json", include_str!("profiles.json")));

/// Brand roots, one a demo company: company `i` takes brand `i % DEMO_COMPANIES`.
pub static BRANDS: LazyLock<Vec<Name>> =
    LazyLock::new(|| parse("brands.json", include_str!("brands.json")));

pub static EXCHANGES: LazyLock<Exchanges> =
    LazyLock::new(|| parse("exchanges.json", include_str!("exchanges.json")));

fn parse<T: DeserializeOwned>(file: &str, json: &str) -> T {
    serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("src/zone/demo/{file} is not valid demo data: {e}"))
}

/// A text in each page language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub zh: String,
    pub en: String,
    pub ms: String,
    pub th: String,
}

impl Texts {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
            Lang::Ms => &self.ms,
            Lang::Th => &self.th,
        }
    }
}

/// A part of a legal name. It has no Malay form: Malay-speaking readers know listed companies
/// by their English legal names, as Bursa gives them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    pub zh: String,
    pub en: String,
    pub th: String,
}

impl Name {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En | Lang::Ms => &self.en,
            Lang::Th => &self.th,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub industry: String,
    pub sector: String,
    pub green: bool,
    pub name_suffix: Name,
    pub business: Texts,
    pub advantages: Texts,
    pub cooperation: Texts,
    pub intents: Vec<Intent>,
    /// Typical revenue in thousands of US dollars, to scale generated financials.
    pub revenue_kusd: i64,
    /// Typical net margin in per cent (may be negative for young businesses).
    pub margin_pct: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    pub kind: String,
    /// The industry the company looks for, if it names one.
    #[serde(default)]
    pub industry: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchanges {
    /// The day `cny_per_unit` is quoted for (illustrative rates).
    #[serde(deserialize_with = "date")]
    pub cny_rates_as_of: NaiveDate,
    pub exchanges: Vec<Exchange>,
}

/// A partner exchange with what its companies share: their country, currency, legal forms and
/// home regions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub mic: String,
    pub country: String,
    pub name: Texts,
    /// The language the exchange names itself in. Its liaison desk goes by that name on every
    /// page, as a proper name does.
    #[serde(deserialize_with = "lang")]
    pub home_lang: Lang,
    pub website: String,
    /// The language of its companies' own names, when it is one of ours.
    #[serde(deserialize_with = "optional_lang")]
    pub local_lang: Option<Lang>,
    pub currency: String,
    /// The unit its companies report figures in (1000: thousands).
    pub reporting_unit: i64,
    /// Local currency per US dollar, to scale the profile's revenue.
    pub per_usd: f64,
    pub cny_per_unit: f64,
    pub legal_name: Name,
    pub places: Vec<Texts>,
}

/// The exchange `mic` names; only the generator's own codes are asked for.
pub fn exchange(mic: &str) -> &'static Exchange {
    EXCHANGES
        .exchanges
        .iter()
        .find(|e| e.mic == mic)
        .unwrap_or_else(|| panic!("exchanges.json has no {mic}"))
}

fn lang<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
    let code = String::deserialize(d)?;
    Lang::from_code(&code).ok_or_else(|| D::Error::custom(format!("no language {code:?}")))
}

fn optional_lang<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    let Some(code) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    Lang::from_code(&code)
        .map(Some)
        .ok_or_else(|| D::Error::custom(format!("no language {code:?}")))
}

fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(D::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::demo::DEMO_COMPANIES;

    #[test]
    fn the_files_parse_and_fit_the_generator() {
        assert_eq!(BRANDS.len(), DEMO_COMPANIES);
        assert!(!PROFILES.is_empty());
        assert!(EXCHANGES.exchanges.iter().all(|e| !e.places.is_empty()));
    }
}
