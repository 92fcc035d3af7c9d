//! Recommendations (智能匹配): the listed companies that best fit an enterprise's demand, and
//! the demands on the board that best fit a company, each scored by `score` and explained in
//! the page language.
//!
//! A company's topics are read from its texts into `company_topics` (`topics`); a demand's
//! from its texts when asked. The candidates for a demand are the companies sharing the most of
//! its topics (its industry counts as one), at most [`CANDIDATES`] from the index, so that a
//! recommendation costs the same at 100,000 companies as at 1,000.

use super::entity::{company_topic, demand};
use super::matches::{Reason, Recommendations, Recommended};
use super::score::{self, Offers, Part, Wants, Why};
use super::{cases, demand_reads, demands};
use crate::i18n::{Lang, Localized, has_message, tr, tr_args, tr_code};
use crate::web::url::Page;
use crate::web::viewer::Viewer;
use crate::zone::{lookup, taxonomy};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeSet, HashMap};

/// Companies weighed for one demand.
pub const CANDIDATES: u64 = 300;
/// Demands weighed for one company: the board's newest.
const DEMANDS_WEIGHED: u64 = 5_000;
/// Recommendations shown, and the least score shown: a quarter of the points.
const SHOWN: usize = 10;
const LEAST: u32 = 25;

/// A demand's side of a match, read from its row.
struct Wanted {
    topics: BTreeSet<String>,
    targets: Vec<String>,
}

impl Wanted {
    fn of(d: &demand::Model) -> Wanted {
        Wanted {
            topics: taxonomy::topics_of(&d.industry, None, &d.search),
            targets: demands::targets_of(d),
        }
    }

    fn wants<'a>(&'a self, d: &'a demand::Model) -> Wants<'a> {
        Wants {
            industry: &d.industry,
            purpose: cases::purpose_of(&d.kind),
            targets: &self.targets,
            green: d.green,
            topics: &self.topics,
        }
    }
}

/// How many of the topics asked for a candidate has, per candidate.
fn shared_topics() -> Expr {
    // Imported here only: its `max` and `min` would shadow `Ord`'s in the rest of the file.
    use sea_orm::sea_query::ExprTrait;
    Expr::col(company_topic::Column::Topic).count()
}

/// The companies that best fit enterprise demand `id`, for its owner and the operators; `None`
/// for anyone else, or for a partner's offer.
pub async fn for_demand(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    id: i32,
) -> Result<Option<Recommendations>, DbErr> {
    let Some(d) = demand::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let owner = viewer.is_verified_enterprise() && viewer.account_id == d.owner_id;
    if d.company_id.is_some() || !(owner || viewer.is_operator()) {
        return Ok(None);
    }
    let wanted = Wanted::of(&d);
    let wants = wanted.wants(&d);
    let keys: Vec<String> = wanted
        .topics
        .iter()
        .filter(|k| k.starts_with("sector-"))
        .cloned()
        .chain([format!("industry-{}", d.industry)])
        .collect();
    let ids: Vec<i32> = company_topic::Entity::find()
        .select_only()
        .column(company_topic::Column::CompanyId)
        .filter(company_topic::Column::Topic.is_in(keys))
        .group_by(company_topic::Column::CompanyId)
        .order_by_desc(shared_topics())
        .order_by_asc(company_topic::Column::CompanyId)
        .limit(CANDIDATES)
        .into_tuple()
        .all(db)
        .await?;
    let mut topics: HashMap<i32, BTreeSet<String>> = HashMap::new();
    for t in company_topic::Entity::find()
        .filter(company_topic::Column::CompanyId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        topics.entry(t.company_id).or_default().insert(t.topic);
    }
    let companies = lookup::listed_with_intents(db, &ids).await?;
    let none = BTreeSet::new();
    let scored: Vec<_> = companies
        .into_iter()
        .map(|(c, intents)| {
            let offers = Offers {
                industry: &c.industry,
                country: &c.country,
                mic: &c.mic,
                green: c.green,
                intents: &intents,
                topics: topics.get(&c.id).unwrap_or(&none),
            };
            let s = score::score(&wants, &offers);
            (s, c)
        })
        .collect();
    // Ties: the company listed first.
    let scored = best(scored, |c| -i64::from(c.id));
    let shown: Vec<i32> = scored.iter().map(|(_, c)| c.id).collect();
    let names = lookup::names(db, lang, &shown).await?;
    let exchanges = exchange_names(db, lang).await?;
    let items = scored
        .into_iter()
        .map(|(s, c)| Recommended {
            title: names
                .get(&c.id)
                .cloned()
                .unwrap_or_else(|| plain(&c.symbol)),
            href: Page::Company {
                mic: &c.mic,
                symbol: &c.symbol,
            }
            .url(lang),
            facts: format!(
                "{} · {}",
                exchanges
                    .get(&c.mic)
                    .cloned()
                    .unwrap_or_else(|| c.mic.clone()),
                tr_code(lang, "industry", &c.industry)
            ),
            score: s.total,
            reasons: reasons(lang, &s.parts, &exchanges),
            act: owner.then(|| {
                let href = Page::Introduce {
                    mic: &c.mic,
                    symbol: &c.symbol,
                }
                .url(lang);
                (href, tr(lang, "company-introduce"))
            }),
        })
        .collect();
    let about = demand_reads::title(db, lang, d.id)
        .await?
        .unwrap_or_else(|| plain(&format!("#{}", d.id)));
    Ok(Some(Recommendations {
        about,
        about_href: Page::Demand { id: d.id }.url(lang),
        items,
        weighed: ids.len() as u64,
    }))
}

/// The demands on the board that best fit the company listed as `symbol` on `mic`, for the
/// partners of its exchange and the operators; `None` for anyone else.
pub async fn for_company(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    mic: &str,
    symbol: &str,
) -> Result<Option<Recommendations>, DbErr> {
    let partner = viewer.is_partner() && viewer.exchange_mic.as_deref() == Some(mic);
    if !(partner || viewer.is_operator()) {
        return Ok(None);
    }
    let Some(company) = lookup::listed(db, mic, symbol).await? else {
        return Ok(None);
    };
    // Read now rather than from `company_topics`: a partner who just edited it sees the edit.
    let topics = match lookup::described(db, &[company.id]).await?.pop() {
        Some(c) => taxonomy::topics_of(&c.industry, Some(&c.sector), &c.text),
        None => BTreeSet::new(),
    };
    let intents = lookup::listed_with_intents(db, &[company.id])
        .await?
        .pop()
        .map(|(_, intents)| intents)
        .unwrap_or_default();
    let offers = Offers {
        industry: &company.industry,
        country: &company.country,
        mic: &company.mic,
        green: company.green,
        intents: &intents,
        topics: &topics,
    };
    let board = on_board(db).await?;
    let weighed = board.len() as u64;
    let scored: Vec<_> = board
        .into_iter()
        .map(|d| (score::score(&Wanted::of(&d).wants(&d), &offers), d))
        .collect();
    // Ties: the newest demand.
    let scored = best(scored, |d| i64::from(d.id));
    let ids: Vec<i32> = scored.iter().map(|(_, d)| d.id).collect();
    let titles = demand_reads::titles(db, lang, &ids).await?;
    let exchanges = exchange_names(db, lang).await?;
    let items = scored
        .into_iter()
        .map(|(s, d)| {
            let href = Page::Demand { id: d.id }.url(lang);
            Recommended {
                title: titles
                    .get(&d.id)
                    .cloned()
                    .unwrap_or_else(|| plain(&format!("#{}", d.id))),
                facts: format!(
                    "{} · {}",
                    tr_code(lang, "demand-kind", &d.kind),
                    tr_code(lang, "industry", &d.industry)
                ),
                score: s.total,
                reasons: reasons(lang, &s.parts, &exchanges),
                act: partner.then(|| (href.clone(), tr(lang, "match-act-answer"))),
                href,
            }
        })
        .collect();
    let about = lookup::names(db, lang, &[company.id])
        .await?
        .remove(&company.id)
        .unwrap_or_else(|| plain(symbol));
    Ok(Some(Recommendations {
        about,
        about_href: Page::Company { mic, symbol }.url(lang),
        items,
        weighed,
    }))
}

/// The [`SHOWN`] best of `scored` with at least [`LEAST`] points, best first; equal scores by
/// `tie`, highest first.
fn best<T>(mut scored: Vec<(score::Score, T)>, tie: impl Fn(&T) -> i64) -> Vec<(score::Score, T)> {
    scored.retain(|(s, _)| s.total >= LEAST);
    scored.sort_by_key(|(s, item)| std::cmp::Reverse((s.total, tie(item))));
    scored.truncate(SHOWN);
    scored
}

/// The enterprises' demands on the board now, newest first, as many as are weighed for one
/// company.
async fn on_board(db: &impl ConnectionTrait) -> Result<Vec<demand::Model>, DbErr> {
    demand::Entity::find()
        .filter(demand::Column::Status.eq(demands::PUBLISHED))
        .filter(demand::Column::ValidUntil.gt(Utc::now()))
        .filter(demand::Column::CompanyId.is_null())
        .order_by_desc(demand::Column::PublishedAt)
        .limit(DEMANDS_WEIGHED)
        .all(db)
        .await
}

fn plain(text: &str) -> Localized {
    Localized {
        text: text.to_owned(),
        shown_in: None,
    }
}

async fn exchange_names(
    db: &impl ConnectionTrait,
    lang: Lang,
) -> Result<HashMap<String, String>, DbErr> {
    Ok(lookup::exchanges(db, lang)
        .await?
        .into_iter()
        .map(|(mic, name, _)| (mic, name))
        .collect())
}

/// Each part of a score as the page says it.
fn reasons(lang: Lang, parts: &[Part], exchanges: &HashMap<String, String>) -> Vec<Reason> {
    parts
        .iter()
        .map(|p| {
            let (part, why) = explain(lang, &p.why, exchanges);
            Reason {
                part: tr(lang, part),
                points: p.points,
                max: p.max,
                why,
            }
        })
        .collect()
}

fn explain(lang: Lang, why: &Why, exchanges: &HashMap<String, String>) -> (&'static str, String) {
    let with =
        |key: &str, name: &'static str, value: String| tr_args(lang, key, &[(name, value.into())]);
    match why {
        Why::SameIndustry(i) => (
            "match-part-industry",
            with(
                "match-why-same-industry",
                "industry",
                tr_code(lang, "industry", i),
            ),
        ),
        Why::RelatedIndustry(i) => (
            "match-part-industry",
            with(
                "match-why-related-industry",
                "industry",
                tr_code(lang, "industry", i),
            ),
        ),
        Why::OtherIndustry => ("match-part-industry", tr(lang, "match-why-other-industry")),
        Why::Declares(i) => (
            "match-part-intent",
            with("match-why-declares", "intent", tr_code(lang, "intent", i)),
        ),
        Why::DoesNotDeclare(i) => (
            "match-part-intent",
            with(
                "match-why-not-declared",
                "intent",
                tr_code(lang, "intent", i),
            ),
        ),
        Why::AnyMarket => ("match-part-target", tr(lang, "match-why-any-market")),
        Why::InMarket(code) => {
            let key = format!("country-{code}");
            let place = match has_message(lang, &key) {
                true => tr(lang, &key),
                false => exchanges.get(code).cloned().unwrap_or_else(|| code.clone()),
            };
            (
                "match-part-target",
                with("match-why-in-market", "place", place),
            )
        }
        Why::OutsideMarkets => ("match-part-target", tr(lang, "match-why-outside-markets")),
        Why::Green => ("match-part-green", tr(lang, "match-why-green")),
        Why::NotGreen => ("match-part-green", tr(lang, "match-why-not-green")),
        Why::Shared(topics) => {
            let names: Vec<String> = topics.iter().map(|t| tr(lang, t)).collect();
            let list = names.join(&tr(lang, "match-list-separator"));
            (
                "match-part-topics",
                with("match-why-shared", "topics", list),
            )
        }
        Why::NothingShared => ("match-part-topics", tr(lang, "match-why-nothing-shared")),
    }
}
