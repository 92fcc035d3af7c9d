//! What each change to a demand or a case tells whom, through the platform's outbox, in each
//! recipient's language and in the transaction of the change. Mail never carries the other
//! party's contact details: it links to the page where they are shown once both have agreed.

use super::entity::{case, demand};
use super::flow::{Side, Stage};
use super::{cases, demand_reads};
use crate::accounts::parties;
use crate::i18n::{Lang, tr};
use crate::platform::outbox;
use crate::web::url::Page;
use crate::zone::lookup;
use sea_orm::{ConnectionTrait, DbErr};

/// (address, language) pairs, each read as one of ours (English when unknown).
type Recipients = Vec<(String, String)>;

async fn send(
    db: &impl ConnectionTrait,
    recipients: Recipients,
    kind: &str,
    args: impl Fn(Lang) -> Vec<(&'static str, String)>,
) -> Result<(), DbErr> {
    let mut seen = std::collections::HashSet::new();
    for (address, lang) in recipients {
        if !seen.insert(address.clone()) {
            continue;
        }
        let lang = Lang::from_code(&lang).unwrap_or(Lang::DEFAULT);
        outbox::queue(db, &address, lang, kind, &args(lang)).await?;
    }
    Ok(())
}

async fn demand_title(db: &impl ConnectionTrait, lang: Lang, id: i32) -> Result<String, DbErr> {
    Ok(demand_reads::title(db, lang, id)
        .await?
        .map_or_else(|| format!("#{id}"), |t| t.text))
}

/// Tells the operators a demand waits for review.
pub async fn demand_submitted(
    db: &impl ConnectionTrait,
    origin: &str,
    id: i32,
) -> Result<(), DbErr> {
    let mut titles = Vec::new();
    for lang in Lang::ALL {
        titles.push((lang, demand_title(db, lang, id).await?));
    }
    let titles = InEach(titles);
    let operators = parties::operators(db).await?;
    send(db, operators, "demand-submitted", |lang| {
        vec![
            ("title", titles.get(lang)),
            ("link", format!("{origin}{}", Page::Desk.url(lang))),
        ]
    })
    .await
}

/// Tells a demand's owner an operator published it, or returned it with a reason.
pub async fn demand_decided(
    db: &impl ConnectionTrait,
    origin: &str,
    d: &demand::Model,
    action: &str,
) -> Result<(), DbErr> {
    let Some((address, lang_code)) = parties::address(db, d.owner_id).await? else {
        return Ok(());
    };
    let lang = Lang::from_code(&lang_code).unwrap_or(Lang::DEFAULT);
    let title = demand_title(db, lang, d.id).await?;
    let reason = d.return_reason.clone().unwrap_or_default();
    let kind = if action == "publish" {
        "demand-published"
    } else {
        "demand-returned"
    };
    send(db, vec![(address, lang_code)], kind, |lang| {
        vec![
            ("title", title.clone()),
            ("reason", reason.clone()),
            (
                "link",
                format!("{origin}{}", Page::Demand { id: d.id }.url(lang)),
            ),
        ]
    })
    .await
}

/// The case's parties as recipients: the enterprise, and the partner accounts of the company's
/// exchange.
async fn sides(
    db: &impl ConnectionTrait,
    c: &case::Model,
) -> Result<Vec<(Side, Recipients)>, DbErr> {
    let enterprise = parties::address(db, c.enterprise_id)
        .await?
        .into_iter()
        .collect();
    let partners = parties::partners_of(db, &c.exchange_mic).await?;
    let operators = parties::operators(db).await?;
    Ok(vec![
        (Side::Enterprise, enterprise),
        (Side::Partner, partners),
        (Side::Operator, operators),
    ])
}

/// Who hears of case `c` reaching `stage` by a step of `by`: each party that did not take the
/// step and may see the case (`cases::sees`); the operators when the case needs them.
fn hears(side: Side, by: Side, stage: Stage, c: &case::Model) -> bool {
    match side {
        _ if side == by => false,
        Side::Operator => matches!(
            stage,
            Stage::Requested | Stage::Accepted | Stage::Declined | Stage::Withdrawn
        ),
        party => cases::sees(party, c),
    }
}

/// Mails everyone who should hear that case `c` (as it is now) was moved by `by`; `note` is
/// what the step said, if anything.
pub async fn case_moved(
    db: &impl ConnectionTrait,
    origin: &str,
    c: &case::Model,
    by: Side,
    note: Option<&str>,
) -> Result<(), DbErr> {
    let stage = Stage::from_code(&c.stage).unwrap_or(Stage::Requested);
    let kind = if stage == Stage::Requested {
        "case-requested"
    } else {
        "case-moved"
    };
    let names = company_names(db, c.company_id).await?;
    for (side, recipients) in sides(db, c).await? {
        if !hears(side, by, stage, c) {
            continue;
        }
        send(db, recipients, kind, |lang| {
            vec![
                ("company", names.get(lang)),
                ("stage", tr(lang, &format!("case-stage-{}", stage.code()))),
                ("note", note.unwrap_or_default().to_owned()),
                (
                    "link",
                    format!("{origin}{}", Page::Case { id: c.id }.url(lang)),
                ),
            ]
        })
        .await?;
    }
    Ok(())
}

/// Mails the parties of case `c` other than `by` that a message was written in its thread.
pub async fn case_message(
    db: &impl ConnectionTrait,
    origin: &str,
    c: &case::Model,
    by: Side,
) -> Result<(), DbErr> {
    let names = company_names(db, c.company_id).await?;
    for (side, recipients) in sides(db, c).await? {
        // Operators read threads on the desk; the parties are told.
        if side == by || side == Side::Operator || !cases::sees(side, c) {
            continue;
        }
        send(db, recipients, "case-message", |lang| {
            vec![
                ("company", names.get(lang)),
                (
                    "link",
                    format!("{origin}{}", Page::Case { id: c.id }.url(lang)),
                ),
            ]
        })
        .await?;
    }
    Ok(())
}

/// One text in each of our languages, for a mail whose recipients read different ones.
struct InEach(Vec<(Lang, String)>);

impl InEach {
    fn get(&self, lang: Lang) -> String {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    }
}

async fn company_names(db: &impl ConnectionTrait, id: i32) -> Result<InEach, DbErr> {
    let mut names = Vec::new();
    for lang in Lang::ALL {
        let name = lookup::names(db, lang, &[id]).await?.remove(&id);
        names.push((lang, name.map(|n| n.text).unwrap_or_default()));
    }
    Ok(InEach(names))
}
