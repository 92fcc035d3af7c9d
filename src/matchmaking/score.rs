//! How well a listed company fits a demand, as a score out of 100 made of parts anyone can
//! check: the industry, the intention, the target market, the green wish and the topics both
//! sides write about (through `zone::taxonomy`, whatever language each wrote in). Each part
//! keeps why it earned its points, so that a page can say so.

use crate::zone::taxonomy::touches_industry;
use std::collections::BTreeSet;

/// What the points of each part are out of. Green counts only for a demand that asks for it.
pub const INDUSTRY: u32 = 30;
pub const INTENT: u32 = 20;
pub const TARGET: u32 = 15;
pub const GREEN: u32 = 10;
pub const TOPICS: u32 = 25;

/// The demand's side of a match.
pub struct Wants<'a> {
    pub industry: &'a str,
    /// The cooperation intention the demand looks for (`intent-*`).
    pub purpose: &'a str,
    /// Country codes and exchange MICs; empty: any market.
    pub targets: &'a [String],
    pub green: bool,
    pub topics: &'a BTreeSet<String>,
}

/// The company's side of a match.
pub struct Offers<'a> {
    pub industry: &'a str,
    pub country: &'a str,
    pub mic: &'a str,
    pub green: bool,
    /// The intentions it declares.
    pub intents: &'a [String],
    pub topics: &'a BTreeSet<String>,
}

/// Why a part earned its points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    SameIndustry(String),
    /// One side's texts touch the other's industry.
    RelatedIndustry(String),
    OtherIndustry,
    Declares(String),
    DoesNotDeclare(String),
    AnyMarket,
    /// The target the company is in: its country or its exchange.
    InMarket(String),
    OutsideMarkets,
    Green,
    NotGreen,
    /// The sector topics both sides have, as message keys.
    Shared(Vec<String>),
    NothingShared,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub points: u32,
    pub max: u32,
    pub why: Why,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The points earned out of those that apply, as a percentage.
    pub total: u32,
    pub parts: Vec<Part>,
}

pub fn score(wants: &Wants, offers: &Offers) -> Score {
    let mut parts = vec![
        industry(wants, offers),
        intent(wants, offers),
        target(wants, offers),
    ];
    if wants.green {
        parts.push(match offers.green {
            true => Part {
                points: GREEN,
                max: GREEN,
                why: Why::Green,
            },
            false => Part {
                points: 0,
                max: GREEN,
                why: Why::NotGreen,
            },
        });
    }
    parts.push(topics(wants.topics, offers.topics));
    let earned: u32 = parts.iter().map(|p| p.points).sum();
    let most: u32 = parts.iter().map(|p| p.max).sum();
    Score {
        total: (earned * 100 + most / 2) / most,
        parts,
    }
}

fn industry(wants: &Wants, offers: &Offers) -> Part {
    let (points, why) = if wants.industry == offers.industry {
        (INDUSTRY, Why::SameIndustry(offers.industry.to_owned()))
    } else if touches_industry(wants.topics, offers.industry)
        || touches_industry(offers.topics, wants.industry)
    {
        (
            INDUSTRY / 2,
            Why::RelatedIndustry(offers.industry.to_owned()),
        )
    } else {
        (0, Why::OtherIndustry)
    };
    Part {
        points,
        max: INDUSTRY,
        why,
    }
}

fn intent(wants: &Wants, offers: &Offers) -> Part {
    let purpose = wants.purpose.to_owned();
    match offers.intents.contains(&purpose) {
        true => Part {
            points: INTENT,
            max: INTENT,
            why: Why::Declares(purpose),
        },
        false => Part {
            points: 0,
            max: INTENT,
            why: Why::DoesNotDeclare(purpose),
        },
    }
}

fn target(wants: &Wants, offers: &Offers) -> Part {
    if wants.targets.is_empty() {
        return Part {
            points: TARGET,
            max: TARGET,
            why: Why::AnyMarket,
        };
    }
    let hit = wants
        .targets
        .iter()
        .find(|t| *t == offers.country || *t == offers.mic);
    match hit {
        Some(t) => Part {
            points: TARGET,
            max: TARGET,
            why: Why::InMarket(t.clone()),
        },
        None => Part {
            points: 0,
            max: TARGET,
            why: Why::OutsideMarkets,
        },
    }
}

/// The cosine of the two sides' sector topics: all shared earns all the points, whatever
/// each side's number of topics; industries are the industry part's.
fn topics(wants: &BTreeSet<String>, offers: &BTreeSet<String>) -> Part {
    let sectors = |set: &BTreeSet<String>| -> BTreeSet<String> {
        set.iter()
            .filter(|k| k.starts_with("sector-"))
            .cloned()
            .collect()
    };
    let (w, o) = (sectors(wants), sectors(offers));
    let shared: Vec<String> = w.intersection(&o).cloned().collect();
    if shared.is_empty() {
        return Part {
            points: 0,
            max: TOPICS,
            why: Why::NothingShared,
        };
    }
    let cosine = shared.len() as f64 / ((w.len() * o.len()) as f64).sqrt();
    Part {
        points: (cosine * f64::from(TOPICS)).round() as u32,
        max: TOPICS,
        why: Why::Shared(shared),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(keys: &[&str]) -> BTreeSet<String> {
        keys.iter().map(|k| (*k).to_owned()).collect()
    }

    #[test]
    fn every_part_at_its_most_is_a_hundred() {
        let topics = set(&["industry-energy", "sector-solar"]);
        let intents = ["technology".to_owned()];
        let targets = ["MY".to_owned()];
        let wants = Wants {
            industry: "energy",
            purpose: "technology",
            targets: &targets,
            green: true,
            topics: &topics,
        };
        let offers = Offers {
            industry: "energy",
            country: "MY",
            mic: "XKLS",
            green: true,
            intents: &intents,
            topics: &topics,
        };
        let s = score(&wants, &offers);
        assert_eq!(s.total, 100);
        assert_eq!(s.parts.len(), 5);
        assert_eq!(s.parts[2].why, Why::InMarket("MY".into()));
        assert_eq!(s.parts[4].why, Why::Shared(vec!["sector-solar".into()]));
    }

    #[test]
    fn each_part_says_why_it_earned_nothing_and_green_counts_only_when_asked() {
        let wants_topics = set(&["industry-energy", "sector-solar"]);
        let offers_topics = set(&["industry-healthcare", "sector-hospitals"]);
        let targets = ["TH".to_owned()];
        let wants = Wants {
            industry: "energy",
            purpose: "investment",
            targets: &targets,
            green: false,
            topics: &wants_topics,
        };
        let offers = Offers {
            industry: "healthcare",
            country: "MY",
            mic: "XKLS",
            green: true,
            intents: &[],
            topics: &offers_topics,
        };
        let s = score(&wants, &offers);
        assert_eq!(s.total, 0);
        let whys: Vec<Why> = s.parts.into_iter().map(|p| p.why).collect();
        assert_eq!(
            whys,
            [
                Why::OtherIndustry,
                Why::DoesNotDeclare("investment".into()),
                Why::OutsideMarkets,
                Why::NothingShared
            ]
        );
    }

    #[test]
    fn topics_half_shared_and_a_related_industry() {
        let wants_topics = set(&["sector-palm-oil", "sector-biofuels"]);
        let offers_topics = set(&["industry-energy", "sector-biofuels"]);
        let wants = Wants {
            industry: "plantation",
            purpose: "supply-chain",
            targets: &[],
            green: false,
            topics: &wants_topics,
        };
        let offers = Offers {
            industry: "energy",
            country: "TH",
            mic: "XBKK",
            green: false,
            intents: &["supply-chain".to_owned()],
            topics: &offers_topics,
        };
        let s = score(&wants, &offers);
        assert_eq!(s.parts[0].points, INDUSTRY / 2);
        // One shared of two and one: 1 / √2 of the points.
        assert_eq!(s.parts[3].points, 18);
        // 68 points of the 90 that apply.
        assert_eq!(s.total, 76);
    }
}
