//! The industry taxonomy shared by the zone and matchmaking: the zone's industries, their
//! sectors, and the words each is written with in every language. A text in any of the four
//! languages maps to the same topics, which is how a Chinese demand finds a company that
//! describes itself only in Malay or Thai. The words live in `taxonomy.json` beside this file,
//! so that a translator can extend them without reading Rust.
//!
//! A topic's code is its label's message key (`industry-energy`, `sector-palm-oil`).

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// The words of one topic, lower-cased, per language. In Latin script a word matches whole
/// (with a plural `s` or `es`), or as a prefix when it ends with `*`; in Chinese and Thai,
/// which do not separate words, anywhere in the text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    zh: Vec<String>,
    en: Vec<String>,
    ms: Vec<String>,
    th: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sector {
    code: String,
    industry: String,
    terms: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    industries: BTreeMap<String, Words>,
    sectors: Vec<Sector>,
}

struct Topic {
    key: String,
    latin: Vec<String>,
    unspaced: Vec<String>,
}

struct Taxonomy {
    topics: Vec<Topic>,
    /// The industry of each sector, by sector code.
    industry_of: BTreeMap<String, String>,
}

static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(|| {
    let file: File = serde_json::from_str(include_str!("taxonomy.json"))
        .unwrap_or_else(|e| panic!("src/zone/taxonomy.json is not a valid taxonomy: {e}"));
    let topic = |key: String, w: Words| Topic {
        key,
        latin: w.en.into_iter().chain(w.ms).collect(),
        unspaced: w.zh.into_iter().chain(w.th).collect(),
    };
    let mut industry_of = BTreeMap::new();
    let mut topics: Vec<Topic> = file
        .industries
        .into_iter()
        .map(|(code, words)| topic(format!("industry-{code}"), words))
        .collect();
    for s in file.sectors {
        industry_of.insert(s.code.clone(), s.industry);
        topics.push(topic(format!("sector-{}", s.code), s.terms));
    }
    Taxonomy {
        topics,
        industry_of,
    }
});

/// The topics of a company or demand: its declared industry (and sector, when the taxonomy
/// knows it) and every topic its texts mention. `text` is expected lower-cased.
pub fn topics_of(industry: &str, sector: Option<&str>, text: &str) -> BTreeSet<String> {
    let mut found = mentioned(text);
    if !industry.is_empty() {
        found.insert(format!("industry-{industry}"));
    }
    if let Some(sector) = sector.filter(|s| TAXONOMY.industry_of.contains_key(*s)) {
        found.insert(format!("sector-{sector}"));
    }
    found
}

/// The topics `text` (lower-cased) mentions in any of the four languages.
pub fn mentioned(text: &str) -> BTreeSet<String> {
    let words = latin_words(text);
    TAXONOMY
        .topics
        .iter()
        .filter(|t| {
            t.unspaced.iter().any(|w| text.contains(w.as_str()))
                || t.latin
                    .iter()
                    .any(|w| words.iter().any(|at| latin_match(w, at)))
        })
        .map(|t| t.key.clone())
        .collect()
}

/// Whether topics `keys` touch industry `industry`: the industry itself, or one of its sectors.
pub fn touches_industry(keys: &BTreeSet<String>, industry: &str) -> bool {
    keys.iter().any(|k| match k.strip_prefix("sector-") {
        Some(sector) => TAXONOMY
            .industry_of
            .get(sector)
            .is_some_and(|i| i == industry),
        None => k.strip_prefix("industry-") == Some(industry),
    })
}

/// Every topic's key, for the tests of its labels.
pub fn keys() -> Vec<&'static str> {
    TAXONOMY.topics.iter().map(|t| t.key.as_str()).collect()
}

/// The text from each start of a Latin word to its end: multi-word terms match across the
/// spaces that follow.
fn latin_words(text: &str) -> Vec<&str> {
    let mut starts = Vec::new();
    let mut previous_letter = false;
    for (i, c) in text.char_indices() {
        let letter = c.is_ascii_alphanumeric();
        if letter && !previous_letter {
            starts.push(&text[i..]);
        }
        previous_letter = letter;
    }
    starts
}

fn latin_match(term: &str, at: &str) -> bool {
    if let Some(prefix) = term.strip_suffix('*') {
        return at.starts_with(prefix);
    }
    let Some(rest) = at.strip_prefix(term) else {
        return false;
    };
    let rest = rest
        .strip_prefix("es")
        .or_else(|| rest.strip_prefix('s'))
        .unwrap_or(rest);
    !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, has_message};

    fn set(keys: &[&str]) -> BTreeSet<String> {
        keys.iter().map(|k| (*k).to_owned()).collect()
    }

    #[test]
    fn every_topic_is_named_and_written_in_every_language() {
        let file: File = serde_json::from_str(include_str!("taxonomy.json")).unwrap();
        for code in crate::zone::INDUSTRIES {
            assert!(file.industries.contains_key(code), "industry {code}");
        }
        for s in &file.sectors {
            assert!(
                crate::zone::INDUSTRIES.contains(&s.industry.as_str()),
                "{}",
                s.code
            );
        }
        let all = file
            .industries
            .values()
            .chain(file.sectors.iter().map(|s| &s.terms));
        for words in all {
            for list in [&words.zh, &words.en, &words.ms, &words.th] {
                assert!(!list.is_empty());
                for w in list {
                    assert_eq!(*w, w.to_lowercase(), "{w} is matched lower-cased");
                }
            }
        }
        for key in keys() {
            for lang in Lang::ALL {
                assert!(has_message(lang, key), "{key} in {lang:?}");
            }
        }
    }

    #[test]
    fn the_same_topics_in_four_scripts() {
        let palm = ["sector-palm-oil", "industry-plantation"];
        assert!(mentioned("寻求棕榈油种植合作").is_superset(&set(&palm)));
        assert!(mentioned("ladang kelapa sawit di sabah").is_superset(&set(&palm)));
        assert!(mentioned("สวนปาล์มน้ำมันในภาคใต้").is_superset(&set(&palm)));
        assert!(mentioned("oil palm plantations").is_superset(&set(&palm)));
        let fuel = set(&["sector-biofuels"]);
        assert!(mentioned("生物柴油").is_superset(&fuel));
        assert!(mentioned("kilang biodiesel").is_superset(&fuel));
        assert!(mentioned("ไบโอดีเซล").is_superset(&fuel));
    }

    #[test]
    fn latin_words_match_whole_or_plural() {
        assert!(mentioned("two ports").contains("sector-logistics"));
        assert!(!mentioned("a portfolio").contains("sector-logistics"));
        assert!(mentioned("semiconductors").contains("sector-semiconductors"));
        assert!(mentioned("manufacturing").contains("industry-industrial"));
        assert!(!mentioned("bankrupt").contains("industry-financials"));
    }

    #[test]
    fn declared_industry_and_known_sectors_count() {
        let t = topics_of("energy", Some("solar"), "");
        assert_eq!(t, set(&["industry-energy", "sector-solar"]));
        assert!(topics_of("energy", Some("free text"), "").len() == 1);
        assert!(touches_industry(&t, "energy"));
        assert!(touches_industry(&set(&["sector-batteries"]), "industrial"));
        assert!(!touches_industry(&t, "plantation"));
    }
}
