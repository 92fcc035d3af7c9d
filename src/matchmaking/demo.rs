//! The matchmaking demo: fictional domestic enterprises with demands in the four languages (some
//! in one only), and cases at every stage with their history and threads, so that a new user
//! sees a living board and, signed in as an operator or a partner, living desks. The demo
//! enterprises cannot sign in: their password is no password hash at all.

use super::entity::{case, case_event, case_message, demand, demand_text};
use super::flow::{Side, Stage};
use crate::accounts::entity::{account, enterprise};
use crate::accounts::uscc::check_character_for;
use crate::i18n::Lang;
use crate::platform::page_generation;
use crate::zone::entity::company;
use chrono::{Duration, FixedOffset, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Deserialize)]
struct Demo {
    enterprises: Vec<Enterprise>,
    demands: Vec<Demand>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Enterprise {
    key: String,
    name_zh: String,
    name_en: String,
    uscc17: String,
    kind: String,
    industry: String,
    region: String,
    contact_name: String,
    phone: String,
    email: String,
}

#[derive(Deserialize)]
struct Financing {
    min: i64,
    max: i64,
    currency: String,
    stage: String,
}

#[derive(Deserialize)]
struct Text {
    title: String,
    description: String,
}

#[derive(Deserialize)]
struct Demand {
    owner: String,
    kind: String,
    industry: String,
    targets: Vec<String>,
    green: bool,
    financing: Option<Financing>,
    published_days_ago: i64,
    texts: BTreeMap<String, Text>,
}

#[derive(Deserialize)]
struct CompanyKey {
    mic: String,
    sector: String,
}

#[derive(Deserialize)]
struct Said {
    text: String,
}

#[derive(Deserialize)]
struct Outcome {
    kind: String,
    amount: Option<i64>,
    currency: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct MeetingPlan {
    in_days: i64,
    hour: u32,
    zone: String,
    place: String,
}

#[derive(Deserialize)]
struct Message {
    side: String,
    text: String,
}

#[derive(Deserialize)]
struct Case {
    enterprise: String,
    company: CompanyKey,
    purpose: String,
    stage: String,
    days_ago: i64,
    message: Said,
    outcome: Option<Outcome>,
    meeting: Option<MeetingPlan>,
    messages: Vec<Message>,
}

fn demo() -> Demo {
    serde_json::from_str(include_str!("demo.json")).expect("demo.json is valid")
}

/// Loads the demo into a database without demands, once the zone's demo companies are there.
pub async fn seed(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if demand::Entity::find().count(db).await? > 0 || company::Entity::find().count(db).await? == 0
    {
        return Ok(());
    }
    let demo = demo();
    let now = Utc::now();
    let mut accounts = HashMap::new();
    for e in &demo.enterprises {
        let id = account::ActiveModel {
            email: Set(e.email.clone()),
            // No hash at all: nobody can sign in as a demo enterprise.
            password_hash: Set("!".into()),
            role: Set("enterprise".into()),
            status: Set("verified".into()),
            lang: Set(Lang::Zh.code().into()),
            created_at: Set(now),
            updated_at: Set(now),
            must_change_password: Set(false),
            ..Default::default()
        }
        .insert(db)
        .await?
        .id;
        let check = check_character_for(&e.uscc17).expect("demo USCC prefixes are well formed");
        enterprise::ActiveModel {
            account_id: Set(id),
            name_zh: Set(e.name_zh.clone()),
            name_en: Set(Some(e.name_en.clone())),
            uscc: Set(format!("{}{check}", e.uscc17)),
            kind: Set(e.kind.clone()),
            industry: Set(e.industry.clone()),
            region: Set(e.region.clone()),
            contact_name: Set(e.contact_name.clone()),
            phone: Set(e.phone.clone()),
            terms_accepted_at: Set(now),
        }
        .insert(db)
        .await?;
        accounts.insert(e.key.clone(), id);
    }
    for d in &demo.demands {
        insert_demand(db, d, accounts[&d.owner]).await?;
    }
    for c in &demo.cases {
        insert_case(db, c, accounts[&c.enterprise]).await?;
    }
    page_generation::bump(db).await?;
    tracing::info!(
        "loaded {} demo demands and {} demo cases",
        demo.demands.len(),
        demo.cases.len()
    );
    Ok(())
}

async fn insert_demand(db: &impl ConnectionTrait, d: &Demand, owner: i32) -> Result<(), DbErr> {
    let published = Utc::now() - Duration::days(d.published_days_ago);
    let search = d
        .texts
        .values()
        .flat_map(|t| [t.title.as_str(), t.description.as_str()])
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    let targets = match d.targets.is_empty() {
        true => String::new(),
        false => format!(",{},", d.targets.join(",")),
    };
    let f = d.financing.as_ref();
    let id = demand::ActiveModel {
        owner_id: Set(owner),
        company_id: Set(None),
        kind: Set(d.kind.clone()),
        industry: Set(d.industry.clone()),
        targets: Set(targets),
        green: Set(d.green),
        amount_min: Set(f.map(|f| f.min)),
        amount_max: Set(f.map(|f| f.max)),
        currency: Set(f.map(|f| f.currency.clone())),
        stage: Set(f.map(|f| f.stage.clone())),
        status: Set("published".into()),
        return_reason: Set(None),
        valid_until: Set(published + chrono::Months::new(super::VALIDITY_MONTHS)),
        published_at: Set(Some(published)),
        search: Set(search),
        created_at: Set(published - Duration::days(2)),
        updated_at: Set(published),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id;
    for (lang, text) in &d.texts {
        demand_text::ActiveModel {
            demand_id: Set(id),
            lang: Set(lang.clone()),
            title: Set(Some(text.title.clone())),
            description: Set(Some(text.description.clone())),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The stages a case passed through to reach `stage`, in order, with the side of each step.
fn path_to(stage: Stage) -> Vec<(&'static str, Side, Stage)> {
    let mut path = vec![("screen", Side::Operator, Stage::Screening)];
    match stage {
        Stage::Requested => return Vec::new(),
        Stage::Screening => return path,
        Stage::Withdrawn => {
            path.push(("withdraw", Side::Enterprise, Stage::Withdrawn));
            return path;
        }
        _ => {}
    }
    path.push(("forward", Side::Operator, Stage::Forwarded));
    match stage {
        Stage::Forwarded => {}
        Stage::Declined => path.push(("decline", Side::Partner, Stage::Declined)),
        _ => {
            path.push(("accept", Side::Partner, Stage::Accepted));
            if matches!(stage, Stage::Meeting | Stage::Closed) {
                path.push(("schedule", Side::Partner, Stage::Meeting));
            }
            if stage == Stage::Closed {
                path.push(("close", Side::Operator, Stage::Closed));
            }
        }
    }
    path
}

async fn insert_case(db: &impl ConnectionTrait, c: &Case, enterprise: i32) -> Result<(), DbErr> {
    let of_exchange = company::listed()
        .filter(company::Column::Sector.eq(c.company.sector.as_str()))
        .order_by_asc(company::Column::Id)
        .all(db)
        .await?;
    let Some(target) = of_exchange
        .iter()
        .find(|co| co.exchange_mic == c.company.mic)
        .or(of_exchange.first())
    else {
        return Ok(());
    };
    let stage = Stage::from_code(&c.stage).unwrap_or(Stage::Requested);
    let path = path_to(stage);
    let opened = Utc::now() - Duration::days(c.days_ago);
    // The steps spread evenly between the request and a day ago.
    let gap = Duration::days((c.days_ago - 1).max(1)) / (path.len() as i32 + 1);
    let at = |i: usize| opened + gap * (i as i32 + 1);
    let when = |step: &str| path.iter().position(|(s, _, _)| *s == step).map(&at);
    let meeting = c.meeting.as_ref().and_then(|m| {
        let minutes = super::MEETING_ZONES
            .iter()
            .find(|(z, _)| *z == m.zone)
            .map_or(0, |(_, o)| *o);
        let offset = FixedOffset::east_opt(minutes * 60)?;
        let day = (Utc::now() + Duration::days(m.in_days))
            .with_timezone(&offset)
            .date_naive();
        let local = day.and_hms_opt(m.hour, 0, 0)?;
        Some((
            offset
                .from_local_datetime(&local)
                .single()?
                .with_timezone(&Utc),
            m,
        ))
    });
    let outcome = c.outcome.as_ref().filter(|_| stage == Stage::Closed);
    let updated = path.len().checked_sub(1).map_or(opened, at);
    let id = case::ActiveModel {
        kind: Set(super::cases::INTRODUCTION.into()),
        stage: Set(stage.code().into()),
        initiator: Set(Side::Enterprise.code().into()),
        enterprise_id: Set(enterprise),
        company_id: Set(target.id),
        exchange_mic: Set(target.exchange_mic.clone()),
        demand_id: Set(None),
        purpose: Set(c.purpose.clone()),
        message: Set(c.message.text.clone()),
        forwarded_at: Set(when("forward")),
        accepted_at: Set(when("accept")),
        meeting_at: Set(meeting.as_ref().map(|(at, _)| *at)),
        meeting_zone: Set(meeting.as_ref().map(|(_, m)| m.zone.clone())),
        meeting_place: Set(meeting.as_ref().map(|(_, m)| m.place.clone())),
        outcome: Set(outcome.map(|o| o.kind.clone())),
        amount: Set(outcome.and_then(|o| o.amount)),
        currency: Set(outcome.and_then(|o| o.currency.clone())),
        outcome_note: Set(outcome.and_then(|o| o.note.clone())),
        created_at: Set(opened),
        updated_at: Set(updated),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id;
    let mut from = Stage::Requested;
    let first = [("request", Side::Enterprise, Stage::Requested)];
    for (i, (step, side, to)) in first.into_iter().chain(path.iter().copied()).enumerate() {
        let note = match (step, outcome) {
            ("close", Some(o)) => o.note.clone(),
            _ => None,
        };
        case_event::ActiveModel {
            case_id: Set(id),
            at: Set(if i == 0 { opened } else { at(i - 1) }),
            actor_id: Set(None),
            side: Set(side.code().into()),
            step: Set(step.into()),
            from_stage: Set(if i == 0 {
                String::new()
            } else {
                from.code().into()
            }),
            to_stage: Set(to.code().into()),
            note: Set(note),
            ..Default::default()
        }
        .insert(db)
        .await?;
        from = to;
    }
    for (i, m) in c.messages.iter().enumerate() {
        let author = if m.side == "enterprise" {
            Some(enterprise)
        } else {
            None
        };
        case_message::ActiveModel {
            case_id: Set(id),
            at: Set(updated + Duration::hours(i as i64 + 1)),
            author_id: Set(author),
            side: Set(m.side.clone()),
            body: Set(m.text.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_holds_what_its_users_are_promised() {
        let demo = demo();
        assert_eq!(demo.demands.len(), 30);
        for stage in crate::matchmaking::flow::STAGES {
            assert!(
                demo.cases.iter().any(|c| c.stage == stage.code()),
                "a demo case at {stage:?}"
            );
        }
        let one_language = demo.demands.iter().filter(|d| d.texts.len() == 1).count();
        assert!(one_language >= 3, "some demands are in one language only");
        for d in &demo.demands {
            assert!(
                super::super::DEMAND_KINDS.contains(&d.kind.as_str()),
                "{}",
                d.kind
            );
            assert!(
                crate::zone::INDUSTRIES.contains(&d.industry.as_str()),
                "{}",
                d.industry
            );
            assert_eq!(d.kind == "financing", d.financing.is_some());
        }
        for e in &demo.enterprises {
            assert!(check_character_for(&e.uscc17).is_some(), "{}", e.uscc17);
            // PostgreSQL holds a province in two characters; SQLite would not notice more.
            assert!(
                crate::accounts::uscc::province(&e.region).is_some(),
                "{}",
                e.region
            );
        }
    }
}
