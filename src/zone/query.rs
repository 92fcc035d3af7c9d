//! What a directory view asks for: its filters, search text and page, read from a query string
//! (or a server function's arguments) with every value bounded, and written back as one.

use crate::ui::url::encode_component;
use serde::{Deserialize, Serialize};

/// A directory view as it appears in the query string; every filtered view is a shareable link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryQuery {
    pub exchange: Option<String>,
    pub market: Option<String>,
    pub industry: Option<String>,
    pub country: Option<String>,
    pub intent: Option<String>,
    pub green: bool,
    pub q: Option<String>,
    pub page: u32,
    /// The page starts after, or ends before, this company in the directory's order: the links
    /// to the next and previous pages carry it, so that turning pages is a seek in an index
    /// whatever the depth. `page` then only numbers the page.
    pub seek: Option<Seek>,
}

/// A company's place in the directory's order (exchange, then symbol), and on which side of it
/// a page lies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seek {
    pub mic: String,
    pub symbol: String,
    pub before: bool,
}

impl Seek {
    /// `XKLS:5285`: a MIC never holds a colon, so the first one splits.
    fn parse(text: &str, before: bool) -> Option<Seek> {
        let text = printable(text);
        let (mic, symbol) = text.split_once(':')?;
        let (mic, symbol) = (mic.trim().to_uppercase(), symbol.trim().to_owned());
        (plausible_key(&mic) && plausible_key(&symbol)).then_some(Seek {
            mic,
            symbol,
            before,
        })
    }

    /// The query-string parameter (`after` or `before`) that says it, and its value.
    fn param(&self) -> (&'static str, String) {
        let name = if self.before { "before" } else { "after" };
        (name, format!("{}:{}", self.mic, self.symbol))
    }

    /// The value of parameter `name` for `seek`, if it says that side.
    fn value_of(seek: Option<&Seek>, name: &str) -> Option<String> {
        seek.map(Seek::param)
            .filter(|(side, _)| *side == name)
            .map(|(_, value)| value)
    }
}

impl Default for DirectoryQuery {
    fn default() -> Self {
        DirectoryQuery {
            exchange: None,
            market: None,
            industry: None,
            country: None,
            intent: None,
            green: false,
            q: None,
            page: 1,
            seek: None,
        }
    }
}

const MAX_CODE_LEN: usize = 32;
const MAX_SEARCH_CHARS: usize = 100;
const MAX_PAGE: u32 = 100_000;

/// Control characters mean nothing in a filter or a search, and a NUL is refused by
/// PostgreSQL and cuts an FTS5 query short.
fn printable(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// Pages reached by counting rows rather than by a seek: a shared `?page=` link or a page
/// number typed by hand. Deeper pages are reached from the previous one.
pub const MAX_OFFSET_PAGE: u32 = 400;

/// Whether a path segment can name a company (an exchange code or a symbol) at all.
pub fn plausible_key(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= MAX_CODE_LEN && !text.contains(char::is_control)
}

fn code(value: Option<String>, upper: bool) -> Option<String> {
    let value = printable(&value?);
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let value: String = value.chars().take(MAX_CODE_LEN).collect();
    Some(if upper {
        value.to_uppercase()
    } else {
        value.to_lowercase()
    })
}

impl DirectoryQuery {
    pub const PAGE_SIZE: u64 = 24;
    /// The query-string names of the filters, as the directory form sends them.
    pub const FIELDS: [&str; 7] = [
        "q", "exchange", "market", "industry", "country", "intent", "green",
    ];

    /// Builds a query from any key lookup (router query map, `URLSearchParams`), normalising
    /// codes and ignoring what cannot be a value: an empty select, a page that is not a number.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let q = get("q").map(|q| {
            let q = printable(&q.replace(char::is_whitespace, " "));
            let words: Vec<&str> = q.split_whitespace().collect();
            words
                .join(" ")
                .chars()
                .take(MAX_SEARCH_CHARS)
                .collect::<String>()
        });
        DirectoryQuery {
            exchange: code(get("exchange"), true),
            market: code(get("market"), false),
            industry: code(get("industry"), false),
            country: code(get("country"), true),
            intent: code(get("intent"), false),
            green: matches!(get("green").as_deref(), Some("1" | "true" | "on" | "yes")),
            q: q.filter(|q| !q.is_empty()),
            page: get("page")
                .and_then(|p| p.trim().parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, MAX_PAGE),
            seek: get("after")
                .and_then(|key| Seek::parse(&key, false))
                .or_else(|| get("before").and_then(|key| Seek::parse(&key, true))),
        }
    }

    /// `?exchange=XBKK&page=2`, or the empty string for the unfiltered first page.
    pub fn to_query_string(&self) -> String {
        let page = (self.page > 1).then(|| self.page.to_string());
        let after = Seek::value_of(self.seek.as_ref(), "after");
        let before = Seek::value_of(self.seek.as_ref(), "before");
        let pairs = [
            ("exchange", self.exchange.as_deref()),
            ("market", self.market.as_deref()),
            ("industry", self.industry.as_deref()),
            ("country", self.country.as_deref()),
            ("intent", self.intent.as_deref()),
            ("green", self.green.then_some("1")),
            ("q", self.q.as_deref()),
            ("page", page.as_deref()),
            ("after", after.as_deref()),
            ("before", before.as_deref()),
        ];
        let encoded: Vec<String> = pairs
            .iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode_component(v))))
            .collect();
        if encoded.is_empty() {
            String::new()
        } else {
            format!("?{}", encoded.join("&"))
        }
    }

    /// The same bounds a query string gets (page from 1 to the maximum, codes and search text
    /// trimmed and cut), for a query that arrived whole, as a server function's argument.
    pub fn normalized(&self) -> Self {
        let page = self.page.to_string();
        Self::from_lookup(|key| match key {
            "exchange" => self.exchange.clone(),
            "market" => self.market.clone(),
            "industry" => self.industry.clone(),
            "country" => self.country.clone(),
            "intent" => self.intent.clone(),
            "green" => self.green.then(|| "1".to_owned()),
            "q" => self.q.clone(),
            "page" => Some(page.clone()),
            "after" | "before" => Seek::value_of(self.seek.as_ref(), key),
            _ => None,
        })
    }

    /// Page `page` counted from the first, as a page number alone says it.
    pub fn with_page(&self, page: u32) -> Self {
        DirectoryQuery {
            page,
            seek: None,
            ..self.clone()
        }
    }

    /// Page `page`, which lies on the `seek` side of a company.
    pub fn with_seek(&self, page: u32, seek: Seek) -> Self {
        DirectoryQuery {
            page,
            seek: Some(seek),
            ..self.clone()
        }
    }

    pub fn is_filtered(&self) -> bool {
        *self
            != DirectoryQuery {
                page: self.page,
                seek: self.seek.clone(),
                ..Default::default()
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> DirectoryQuery {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        DirectoryQuery::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn empty_query_is_the_unfiltered_first_page() {
        let q = parse(&[]);
        assert_eq!(q, DirectoryQuery::default());
        assert!(!q.is_filtered());
        assert_eq!(q.to_query_string(), "");
    }

    #[test]
    fn values_are_normalised_and_empty_selects_ignored() {
        let q = parse(&[
            ("exchange", " xbkk "),
            ("market", "SET"),
            ("industry", ""),
            ("country", "th"),
            ("green", "on"),
            ("q", "  palm   oil "),
            ("page", "abc"),
        ]);
        assert_eq!(q.exchange.as_deref(), Some("XBKK"));
        assert_eq!(q.market.as_deref(), Some("set"));
        assert_eq!(q.industry, None);
        assert_eq!(q.country.as_deref(), Some("TH"));
        assert!(q.green);
        assert_eq!(q.q.as_deref(), Some("palm oil"));
        assert_eq!(q.page, 1);
        assert!(q.is_filtered());
    }

    #[test]
    fn page_is_clamped_and_search_bounded() {
        assert_eq!(parse(&[("page", "0")]).page, 1);
        assert_eq!(parse(&[("page", "99999999")]).page, MAX_PAGE);
        let long = "น้ำมันปาล์ม".repeat(40);
        assert_eq!(
            parse(&[("q", &long)]).q.unwrap().chars().count(),
            MAX_SEARCH_CHARS
        );
        assert_eq!(parse(&[("q", "   ")]).q, None);
    }

    #[test]
    fn query_string_round_trips_through_the_parser() {
        let q = parse(&[
            ("exchange", "XKLS"),
            ("q", "minyak sawit & co"),
            ("page", "3"),
            ("green", "1"),
        ]);
        let s = q.to_query_string();
        assert_eq!(
            s,
            "?exchange=XKLS&green=1&q=minyak%20sawit%20%26%20co&page=3"
        );
        let back: HashMap<String, String> = s[1..]
            .split('&')
            .map(|kv| kv.split_once('=').unwrap())
            .map(|(k, v)| (k.to_string(), crate::ui::url::decode_component(v)))
            .collect();
        assert_eq!(DirectoryQuery::from_lookup(|k| back.get(k).cloned()), q);
    }

    #[test]
    fn a_seek_round_trips_and_a_malformed_one_is_ignored() {
        let q = parse(&[
            ("after", "xkls:0012"),
            ("page", "7"),
            ("industry", "energy"),
        ]);
        let seek = q.seek.clone().unwrap();
        assert_eq!(
            (seek.mic.as_str(), seek.symbol.as_str(), seek.before),
            ("XKLS", "0012", false)
        );
        let s = q.to_query_string();
        assert_eq!(s, "?industry=energy&page=7&after=XKLS%3A0012");
        assert_eq!(q.normalized(), q);
        let before = parse(&[("before", "XBKK:A&B")]).seek.unwrap();
        assert!(before.before && before.symbol == "A&B");
        assert_eq!(parse(&[("after", "no-colon")]).seek, None);
        assert_eq!(parse(&[("after", ":")]).seek, None);
        assert!(
            !parse(&[("after", "XKLS:1")])
                .with_page(1)
                .to_query_string()
                .contains("after")
        );
    }

    #[test]
    fn with_page_keeps_filters() {
        let q = parse(&[("country", "MY")]).with_page(2);
        assert_eq!(q.to_query_string(), "?country=MY&page=2");
    }
}
