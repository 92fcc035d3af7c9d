//! The edit form of one company, posted back: every field checked with the import's own parsers
//! (`values.rs`, `vocab.rs`) and limits (`rows.rs`), laid over the company as stored. Every
//! problem is kept, each under the name of its field, so that the form can mark them all.

use super::COMPANY_TEXT_FIELDS;
use super::report::error_message;
use super::rows::{NAME_MAX, PARAGRAPH_MAX, SECTOR_MAX};
use super::snapshot::{Intent, Snapshot, Texts, Year};
use super::values::{self, NumberStyle, ValueError};
use super::vocab;
use super::year_cells::YearCells;
use crate::i18n::{Lang, tr};
use crate::web::submit::{Fields, field};
use crate::zone::INTENT_KINDS;

/// The snapshot the edit form describes, laid over the company as `stored`: what the form does
/// not show (market capitalisation, intention targets, the local name's language) is kept. Or
/// every problem, as (field name, message in `lang`), so the form can mark each one.
pub fn validate(
    lang: Lang,
    mic: &str,
    stored: &Snapshot,
    fields: &Fields,
) -> Result<Snapshot, Vec<(String, String)>> {
    let mut check = Checker {
        lang,
        mic,
        fields,
        errors: Vec::new(),
    };
    let mut s = stored.clone();
    check.facts(stored, &mut s);
    check.texts(&mut s);
    s.intents = INTENT_KINDS
        .into_iter()
        .filter(|kind| check.value(&format!("intent.{kind}")) == "on")
        .map(|kind| {
            // Targets set elsewhere survive, as they do an import that lists the same kind.
            stored
                .intents
                .iter()
                .find(|i| i.kind == kind)
                .cloned()
                .unwrap_or(Intent {
                    kind: kind.to_owned(),
                    target_industry: None,
                    target_region: None,
                })
        })
        .collect();
    s.years = check.years(stored);
    if check.errors.is_empty() {
        Ok(s)
    } else {
        Err(check.errors)
    }
}

/// Reads a submitted form field by field, collecting every problem rather than the first.
struct Checker<'a> {
    lang: Lang,
    mic: &'a str,
    fields: &'a Fields,
    errors: Vec<(String, String)>,
}

impl<'a> Checker<'a> {
    fn value(&self, name: &str) -> &'a str {
        field(self.fields, name).trim()
    }

    /// A problem with field `name`: the import's message `import-error-{code}` for `value`.
    fn fail(&mut self, name: &str, value: &str, code: &str, args: &[(&'static str, String)]) {
        let message = error_message(self.lang, self.mic, code, value, args);
        self.errors.push((name.to_owned(), message));
    }

    /// The value of field `name`; `None` when it is empty, or invalid (then with a problem).
    fn parsed<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<T> {
        let text = self.value(name);
        if text.is_empty() {
            return None;
        }
        match parse(text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.fail(name, text, e.code(), &e.args());
                None
            }
        }
    }

    /// Like [`Checker::parsed`], but an empty field is a problem too.
    fn required<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<T> {
        if self.value(name).is_empty() {
            self.fail(name, "", "required", &[]);
            return None;
        }
        self.parsed(name, parse)
    }

    /// Market, industry, sector, country, website, listing date and the green flag.
    fn facts(&mut self, stored: &Snapshot, s: &mut Snapshot) {
        // An unchanged code is always fine, even one the vocabulary no longer knows.
        let market = self.value("market");
        if market != stored.market {
            match vocab::market(self.mic, market) {
                Some(code) => s.market = code.to_owned(),
                None => {
                    let known = vocab::markets_of(self.mic).join(", ");
                    self.fail("market", market, "market", &[("known", known)]);
                }
            }
        }
        let industry = self.value("industry");
        if industry != stored.industry {
            match vocab::industry(industry) {
                Some(code) => s.industry = code.to_owned(),
                None if industry.is_empty() => self.fail("industry", "", "required", &[]),
                None => self.fail("industry", industry, "industry", &[]),
            }
        }
        s.sector = self
            .parsed("sector", |v| values::bounded_text(v, SECTOR_MAX))
            .unwrap_or_default();
        if let Some(country) = self.required("country", values::parse_country) {
            s.country = country;
        }
        s.website = self.parsed("website", values::parse_url);
        s.contact_email = self.parsed("contact_email", values::parse_email);
        s.listing_date = self.parsed("listing_date", values::parse_date);
        s.green = self.value("green") == "on";
    }

    /// The four texts in each language, `{field}.{lang}`; a company needs a name in one.
    fn texts(&mut self, s: &mut Snapshot) {
        s.texts.clear();
        for lang in Lang::ALL {
            let mut texts = Texts::default();
            for f in COMPANY_TEXT_FIELDS {
                let max = if f == "name" { NAME_MAX } else { PARAGRAPH_MAX };
                let name = format!("{f}.{}", lang.code());
                *slot(&mut texts, f) = self.parsed(&name, |v| values::bounded_text(v, max));
            }
            if texts != Texts::default() {
                s.texts.insert(lang.code().to_owned(), texts);
            }
        }
        if !s.texts.values().any(|t| t.name.is_some()) {
            let message = tr(self.lang, "partner-company-error-name");
            self.errors
                .push((format!("name.{}", self.lang.code()), message));
        }
    }

    /// The financial years: each the form showed (`{field}.{year}`), unless ticked for removal;
    /// the added one (`{field}.new`), if any of its year or amounts is filled in; and any year
    /// stored after the form was loaded, which the partner never saw and so did not remove.
    fn years(&mut self, stored: &Snapshot) -> Vec<Year> {
        let mut shown: Vec<i32> = self
            .fields
            .iter()
            .filter(|(name, _)| name == "year")
            .filter_map(|(_, v)| v.trim().parse::<i32>().ok())
            // Only stored years have rows: a year named otherwise is ignored, not added.
            .filter(|fy| stored.years.iter().any(|y| y.fiscal_year == *fy))
            .collect();
        shown.sort_unstable();
        shown.dedup();
        let mut years: Vec<Year> = stored
            .years
            .iter()
            .filter(|y| !shown.contains(&y.fiscal_year))
            .cloned()
            .collect();
        for fiscal_year in shown {
            if self.value(&format!("remove.{fiscal_year}")) == "on" {
                continue;
            }
            let before = stored.years.iter().find(|y| y.fiscal_year == fiscal_year);
            years.extend(self.year(&fiscal_year.to_string(), Some(fiscal_year), before));
        }
        // Currency and unit come filled in for convenience: they alone add no year.
        let adds = [
            "fiscal_year",
            "revenue",
            "net_profit",
            "total_assets",
            "total_equity",
            "eps",
        ]
        .into_iter()
        .any(|f| !self.value(&format!("{f}.new")).is_empty());
        if adds {
            let fiscal_year = self.required("fiscal_year.new", values::parse_year);
            if fiscal_year.is_some_and(|fy| years.iter().any(|y| y.fiscal_year == fy)) {
                let message = tr(self.lang, "partner-company-error-year-exists");
                self.errors.push(("fiscal_year.new".to_owned(), message));
            } else {
                years.extend(self.year("new", fiscal_year, None));
            }
        }
        years.sort_by_key(|y| y.fiscal_year);
        years
    }

    /// One year's row of the form, every cell checked before any is given up on.
    fn year(
        &mut self,
        suffix: &str,
        fiscal_year: Option<i32>,
        before: Option<&Year>,
    ) -> Option<Year> {
        // Pages write numbers as 1,234,567.8 in all four languages (GLOSSARY.md, "Numbers").
        let style = NumberStyle::DotDecimal;
        let name = |f: &str| format!("{f}.{suffix}");
        let amount =
            |this: &mut Self, f: &str| this.required(&name(f), |v| values::parse_integer(v, style));
        let currency = self.required(&name("currency"), values::parse_currency);
        let unit = self.parsed(&name("unit"), |v| values::parse_integer(v, style));
        if unit.is_some_and(|u| u < 1) {
            let message = tr(self.lang, "partner-company-error-unit");
            self.errors.push((name("unit"), message));
        }
        YearCells {
            fiscal_year,
            currency,
            unit,
            revenue: amount(self, "revenue"),
            net_profit: amount(self, "net_profit"),
            total_assets: amount(self, "total_assets"),
            total_equity: amount(self, "total_equity"),
            eps: self.parsed(&name("eps"), |v| values::parse_number(v, style)),
            // The form does not show them: as stored.
            market_cap: before.and_then(|y| y.market_cap),
            market_cap_date: before.and_then(|y| y.market_cap_date),
            audited: Some(self.value(&name("audited")) == "on"),
        }
        .complete()
    }
}

fn slot<'t>(t: &'t mut Texts, field: &str) -> &'t mut Option<String> {
    match field {
        "name" => &mut t.name,
        "main_business" => &mut t.main_business,
        "advantages" => &mut t.advantages,
        _ => &mut t.cooperation_note,
    }
}
