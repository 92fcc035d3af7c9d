//! The fields a partner's file can fill, with their keys and localized labels.

use crate::i18n::Lang;

/// A field a partner's file can fill. `Name(None)` etc.: a text column without a language; the
/// language of each value is then detected from its script (see `script_lang` beside the aliases).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Exchange,
    Symbol,
    Name(Option<Lang>),
    Market,
    Industry,
    Sector,
    Country,
    Website,
    ContactEmail,
    ListingDate,
    Green,
    MainBusiness(Option<Lang>),
    Advantages(Option<Lang>),
    CooperationNote(Option<Lang>),
    Intents,
    // Financial year rows (also allowed on the company sheet, one year per row).
    FiscalYear,
    Currency,
    Unit,
    Revenue,
    NetProfit,
    TotalAssets,
    TotalEquity,
    Eps,
    MarketCap,
    MarketCapDate,
    Audited,
}

/// Each field without a language, with its key and the message key of its label; company
/// fields first, then those of financial years, both in the order the preview offers them.
#[rustfmt::skip] // A table: one field a line.
static FIELDS: [(Field, &str, &str); 26] = [
    (Field::Exchange, "exchange", "import-field-exchange"),
    (Field::Symbol, "symbol", "import-field-symbol"),
    (Field::Name(None), "name", "import-field-name"),
    (Field::Market, "market", "import-field-market"),
    (Field::Industry, "industry", "import-field-industry"),
    (Field::Sector, "sector", "import-field-sector"),
    (Field::Country, "country", "import-field-country"),
    (Field::Website, "website", "import-field-website"),
    (Field::ContactEmail, "contact_email", "import-field-contact-email"),
    (Field::ListingDate, "listing_date", "import-field-listing-date"),
    (Field::Green, "green", "import-field-green"),
    (Field::MainBusiness(None), "main_business", "import-field-main-business"),
    (Field::Advantages(None), "advantages", "import-field-advantages"),
    (Field::CooperationNote(None), "cooperation_note", "import-field-cooperation-note"),
    (Field::Intents, "intents", "import-field-intents"),
    (Field::FiscalYear, "fiscal_year", "import-field-fiscal-year"),
    (Field::Currency, "currency", "import-field-currency"),
    (Field::Unit, "unit", "import-field-unit"),
    (Field::Revenue, "revenue", "import-field-revenue"),
    (Field::NetProfit, "net_profit", "import-field-net-profit"),
    (Field::TotalAssets, "total_assets", "import-field-total-assets"),
    (Field::TotalEquity, "total_equity", "import-field-total-equity"),
    (Field::Eps, "eps", "import-field-eps"),
    (Field::MarketCap, "market_cap", "import-field-market-cap"),
    (Field::MarketCapDate, "market_cap_date", "import-field-market-cap-date"),
    (Field::Audited, "audited", "import-field-audited"),
];

/// Where the financial fields start in [`FIELDS`].
const FIRST_FINANCIAL: usize = 15;

impl Field {
    /// Stable text key, used in stored mappings, the preview's `<select>` values and API error
    /// `column`s: "symbol", "name", "name.th", "main_business.zh", "fiscal_year", ...
    pub fn key(self) -> String {
        let base = self.entry().1;
        match self.lang() {
            Some(lang) => format!("{base}.{}", lang.code()),
            None => base.to_owned(),
        }
    }

    /// The field a [`Field::key`] names.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::all().into_iter().find(|f| f.key() == key)
    }

    /// Every field, in the order the preview offers them: company fields, then the texts in
    /// each language (zh, en, ms, th), then the financial fields.
    pub fn all() -> Vec<Field> {
        let (company, financial) = FIELDS.split_at(FIRST_FINANCIAL);
        let texts = company.iter().filter(|(f, ..)| f.is_text());
        company
            .iter()
            .map(|(f, ..)| *f)
            .chain(texts.flat_map(|(f, ..)| Lang::ALL.map(|lang| f.in_lang(lang))))
            .chain(financial.iter().map(|(f, ..)| *f))
            .collect()
    }

    /// Whether the field belongs to a financial year row rather than to the company.
    pub fn is_financial(self) -> bool {
        FIELDS[FIRST_FINANCIAL..].iter().any(|(f, ..)| *f == self)
    }

    /// Message key of its label for the preview's `<select>`; a text field in a language shares
    /// the key of the field without one (the caller appends the language's name).
    pub fn label_key(self) -> &'static str {
        self.entry().2
    }

    /// Whether the field is a text kept per language.
    fn is_text(self) -> bool {
        matches!(
            self,
            Field::Name(_)
                | Field::MainBusiness(_)
                | Field::Advantages(_)
                | Field::CooperationNote(_)
        )
    }

    /// The language of a text field's column, if it names one.
    fn lang(self) -> Option<Lang> {
        match self {
            Field::Name(lang)
            | Field::MainBusiness(lang)
            | Field::Advantages(lang)
            | Field::CooperationNote(lang) => lang,
            _ => None,
        }
    }

    /// This field with its language set to `lang`; fields that are not texts stay as they are.
    fn with_lang(self, lang: Option<Lang>) -> Field {
        match self {
            Field::Name(_) => Field::Name(lang),
            Field::MainBusiness(_) => Field::MainBusiness(lang),
            Field::Advantages(_) => Field::Advantages(lang),
            Field::CooperationNote(_) => Field::CooperationNote(lang),
            other => other,
        }
    }

    /// This text field in `lang`.
    pub(super) fn in_lang(self, lang: Lang) -> Field {
        self.with_lang(Some(lang))
    }

    /// The field's row in [`FIELDS`], found by the field without its language.
    fn entry(self) -> &'static (Field, &'static str, &'static str) {
        let plain = self.with_lang(None);
        // Every field has a row (the tests check all keys differ); the first stands in otherwise.
        FIELDS
            .iter()
            .find(|(f, ..)| *f == plain)
            .unwrap_or(&FIELDS[0])
    }
}

/// A field's label in `lang`, with the language of a per-language text field.
pub fn field_label(field: Field, lang: Lang) -> String {
    let label = crate::i18n::tr(lang, field.label_key());
    match field {
        Field::Name(Some(of))
        | Field::MainBusiness(Some(of))
        | Field::Advantages(Some(of))
        | Field::CooperationNote(Some(of)) => format!("{label} ({})", of.native_name()),
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Field::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        let all = Field::all();
        assert_eq!(all.len(), 15 + 16 + 11);
        let keys: std::collections::HashSet<String> = all.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), all.len());
        for field in &all {
            assert_eq!(Field::from_key(&field.key()), Some(*field));
            assert!(field.label_key().starts_with("import-field-"));
        }
        assert_eq!(Symbol.key(), "symbol");
        assert_eq!(Name(None).key(), "name");
        assert_eq!(Name(Some(Lang::Th)).key(), "name.th");
        assert_eq!(MainBusiness(Some(Lang::Zh)).key(), "main_business.zh");
        assert_eq!(CooperationNote(None).key(), "cooperation_note");
        assert_eq!(FiscalYear.key(), "fiscal_year");
        assert_eq!(MarketCapDate.key(), "market_cap_date");
        assert_eq!(ListingDate.key(), "listing_date");
        for bad in ["", "name.xx", "symbol.en", "Symbol", "fiscal-year"] {
            assert_eq!(Field::from_key(bad), None, "{bad}");
        }
        assert_eq!(all[15], Name(Some(Lang::Zh)));
        assert_eq!(all[18], Name(Some(Lang::Th)));
        assert!(all[..31].iter().all(|f| !f.is_financial()));
        assert!(all[31..].iter().all(|f| f.is_financial()));
        assert_eq!(Name(Some(Lang::Ms)).label_key(), Name(None).label_key());
    }
}
