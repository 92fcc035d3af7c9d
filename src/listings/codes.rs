//! ISO code lists the import validates against. The lists themselves are data, in `iso/`, read
//! into the binary at compile time so that a code review sees one line per code.

use std::sync::LazyLock;

/// The words of a list's lines, skipping `#` comments.
fn lines(text: &'static str) -> impl Iterator<Item = std::str::SplitWhitespace<'static>> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(str::split_whitespace)
}

/// ISO 3166-1 country codes as (alpha-2, alpha-3), sorted by alpha-2.
pub static COUNTRIES: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    lines(include_str!("iso/countries.txt"))
        .map(|mut words| {
            let two = words.next().expect("alpha-2 code");
            (two, words.next().expect("alpha-3 code"))
        })
        .collect()
});

/// ISO 4217 active alphabetic currency codes, sorted.
pub static CURRENCIES: LazyLock<Vec<&str>> = LazyLock::new(|| {
    lines(include_str!("iso/currencies.txt"))
        .flatten()
        .collect()
});

/// The alpha-2 code of an upper-case alpha-2 or alpha-3 country code; `None` if ISO never
/// assigned it.
pub fn country_alpha2(code: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(a2, a3)| *a2 == code || *a3 == code)
        .map(|(a2, _)| *a2)
}

/// Whether `code` (upper case) is an active ISO 4217 alphabetic code.
pub fn is_currency(code: &str) -> bool {
    // The list is sorted (a test checks), so a binary search suffices.
    CURRENCIES.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn lists_are_well_formed_and_unique() {
        let a2: HashSet<_> = COUNTRIES.iter().map(|(a, _)| a).collect();
        let a3: HashSet<_> = COUNTRIES.iter().map(|(_, a)| a).collect();
        assert_eq!((a2.len(), a3.len(), CURRENCIES.len()), (249, 249, 179));
        for (two, three) in COUNTRIES.iter() {
            assert!(two.len() == 2 && two.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(three.len() == 3 && three.bytes().all(|b| b.is_ascii_uppercase()));
        }
        assert!(
            CURRENCIES.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(
            CURRENCIES
                .iter()
                .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn lookups() {
        assert_eq!(country_alpha2("MY"), Some("MY"));
        assert_eq!(country_alpha2("MYS"), Some("MY"));
        assert_eq!(country_alpha2("THA"), Some("TH"));
        assert_eq!(country_alpha2("HKG"), Some("HK"));
        assert_eq!(country_alpha2("XX"), None);
        assert_eq!(country_alpha2("UK"), None);
        for c in [
            "MYR", "THB", "SGD", "HKD", "IDR", "VND", "CNY", "USD", "EUR", "ZWG", "XCG",
        ] {
            assert!(is_currency(c), "{c}");
        }
        for c in ["ABC", "HRK", "myr", ""] {
            assert!(!is_currency(c), "{c}");
        }
    }
}
