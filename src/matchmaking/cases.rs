//! Liaison cases: opening one (an enterprise asks to be introduced to a company; a partner
//! answers a demand for one of its companies), the message thread, and what each side may
//! see. Steps along `flow` are in `case_steps`. Every change is one transaction with its
//! history row, its audit record and its mail.

use super::By;
use super::entity::{case, case_event, case_message};
use super::flow::{self, Side, Stage};
use super::{demand_reads, mail};
use crate::i18n::{Lang, tr};
use crate::platform::audit;
use crate::platform::page_generation;
use crate::web::error::{FieldErrors, Problem};
use crate::web::submit::{Fields, field};
use crate::web::viewer::{Role, Status, Viewer};
use crate::zone::{INTENT_KINDS, lookup};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};

pub const INTRODUCTION: &str = "introduction";
const MESSAGE_MAX: usize = 4000;

/// The side `viewer` takes in case `c`, if any: its enterprise, a partner of the company's
/// exchange, or an operator. Anyone else has no business with the case.
pub fn side_of(viewer: &Viewer, c: &case::Model) -> Option<Side> {
    if viewer.status != Status::Verified {
        return None;
    }
    match viewer.role {
        Role::Operator => Some(Side::Operator),
        Role::Enterprise if viewer.account_id == c.enterprise_id => Some(Side::Enterprise),
        Role::Partner if viewer.exchange_mic.as_deref() == Some(c.exchange_mic.as_str()) => {
            Some(Side::Partner)
        }
        _ => None,
    }
}

pub(super) fn stage_of(c: &case::Model) -> Stage {
    Stage::from_code(&c.stage).unwrap_or(Stage::Requested)
}

pub(super) fn initiator_of(c: &case::Model) -> Side {
    Side::from_code(&c.initiator).unwrap_or(Side::Enterprise)
}

/// Not final.
fn open_stages() -> Vec<&'static str> {
    flow::STAGES
        .into_iter()
        .filter(|s| !s.is_final())
        .map(Stage::code)
        .collect()
}

/// The viewer's side's open case about demand `demand`, if any.
pub async fn open_about_demand(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    demand: i32,
) -> Result<Option<i32>, DbErr> {
    let mut find = case::Entity::find()
        .filter(case::Column::DemandId.eq(demand))
        .filter(case::Column::Stage.is_in(open_stages()));
    find = match (viewer.role, viewer.exchange_mic.as_deref()) {
        (Role::Partner, Some(mic)) => find.filter(case::Column::ExchangeMic.eq(mic)),
        (Role::Enterprise, _) => find.filter(case::Column::EnterpriseId.eq(viewer.account_id)),
        _ => return Ok(None),
    };
    Ok(find.one(db).await?.map(|c| c.id))
}

/// Enterprise `enterprise`'s open case with company `company`, if any.
pub async fn open_with_company(
    db: &impl ConnectionTrait,
    enterprise: i32,
    company: i32,
) -> Result<Option<i32>, DbErr> {
    Ok(case::Entity::find()
        .filter(case::Column::EnterpriseId.eq(enterprise))
        .filter(case::Column::CompanyId.eq(company))
        .filter(case::Column::Stage.is_in(open_stages()))
        .one(db)
        .await?
        .map(|c| c.id))
}

pub(super) fn text_field(
    lang: Lang,
    fields: &Fields,
    name: &'static str,
    max: usize,
    required: Option<&'static str>,
    errors: &mut FieldErrors,
) -> String {
    let value = field(fields, name).trim().to_owned();
    if value.chars().count() > max {
        errors.push((name, tr(lang, "case-error-too-long")));
    } else if value.is_empty()
        && let Some(key) = required
    {
        errors.push((name, tr(lang, key)));
    }
    value
}

/// A request's, an answer's or the thread's message: required, at most [`MESSAGE_MAX`].
fn message_field(
    lang: Lang,
    fields: &Fields,
    name: &'static str,
    errors: &mut FieldErrors,
) -> String {
    text_field(
        lang,
        fields,
        name,
        MESSAGE_MAX,
        Some("case-error-message"),
        errors,
    )
}

/// A new case at `requested`, with its first history row, mail to the operators and audit.
async fn open(
    db: &DatabaseConnection,
    by: &By<'_>,
    model: case::ActiveModel,
) -> Result<i32, Problem> {
    let txn = db.begin().await?;
    let c = model.insert(&txn).await?;
    let side = Side::from_code(&c.initiator).unwrap_or(Side::Enterprise);
    case_event::ActiveModel {
        case_id: Set(c.id),
        at: Set(c.created_at),
        actor_id: Set(by.actor.id),
        side: Set(side.code().to_owned()),
        step: Set("request".to_owned()),
        from_stage: Set(String::new()),
        to_stage: Set(Stage::Requested.code().to_owned()),
        note: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        by.actor,
        "case.request",
        &format!("case:{}", c.id),
        None,
    )
    .await?;
    mail::case_moved(&txn, by.origin, &c, side, None).await?;
    // The home page's figures count the enterprises served.
    page_generation::bump(&txn).await?;
    txn.commit().await?;
    Ok(c.id)
}

fn new_case(enterprise: i32, company: &lookup::CompanyRef, initiator: Side) -> case::ActiveModel {
    let now = Utc::now();
    case::ActiveModel {
        kind: Set(INTRODUCTION.to_owned()),
        stage: Set(Stage::Requested.code().to_owned()),
        initiator: Set(initiator.code().to_owned()),
        enterprise_id: Set(enterprise),
        company_id: Set(company.id),
        exchange_mic: Set(company.mic.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// A verified enterprise asks to be introduced to the company listed as `symbol` on `mic`.
pub async fn request(
    db: &DatabaseConnection,
    by: &By<'_>,
    mic: &str,
    symbol: &str,
    fields: &Fields,
) -> Result<i32, Problem> {
    let lang = by.lang;
    if !by.viewer.is_verified_enterprise() {
        return Err(Problem::not_allowed(true));
    }
    let company = lookup::listed(db, mic, symbol)
        .await?
        .ok_or(Problem::NotFound)?;
    let mut errors = FieldErrors::new();
    let purpose = field(fields, "purpose").trim();
    if !INTENT_KINDS.contains(&purpose) {
        errors.push(("purpose", tr(lang, "case-error-purpose")));
    }
    let message = message_field(lang, fields, "message", &mut errors);
    if !errors.is_empty() {
        return Err(Problem::Fields(errors));
    }
    if open_with_company(db, by.viewer.account_id, company.id)
        .await?
        .is_some()
    {
        return Err(Problem::Refused(tr(lang, "case-error-already-open")));
    }
    let mut model = new_case(by.viewer.account_id, &company, Side::Enterprise);
    model.purpose = Set(purpose.to_owned());
    model.message = Set(message);
    open(db, by, model).await
}

/// The intention a demand of `kind` looks for in a company.
pub(super) fn purpose_of(kind: &str) -> &str {
    match kind {
        "financing" => "investment",
        other => other,
    }
}

/// A verified partner answers enterprise demand `demand_id` for its company `symbol`.
pub async fn answer(
    db: &DatabaseConnection,
    by: &By<'_>,
    demand_id: i32,
    fields: &Fields,
) -> Result<i32, Problem> {
    let lang = by.lang;
    let mic = match by.viewer.is_partner() {
        true => by.viewer.exchange_mic.clone().unwrap_or_default(),
        false => return Err(Problem::not_allowed(true)),
    };
    let demand = demand_reads::published(db, demand_id)
        .await?
        .filter(|d| d.company_id.is_none())
        .ok_or(Problem::NotFound)?;
    let mut errors = FieldErrors::new();
    let company = lookup::listed(db, &mic, field(fields, "company").trim()).await?;
    if company.is_none() {
        errors.push(("company", tr(lang, "demand-error-company")));
    }
    let message = message_field(lang, fields, "message", &mut errors);
    let Some(company) = company.filter(|_| errors.is_empty()) else {
        return Err(Problem::Fields(errors));
    };
    if open_about_demand(db, by.viewer, demand_id).await?.is_some() {
        return Err(Problem::Refused(tr(lang, "case-error-already-open")));
    }
    let mut model = new_case(demand.owner_id, &company, Side::Partner);
    model.purpose = Set(purpose_of(&demand.kind).to_owned());
    model.message = Set(message);
    model.demand_id = Set(Some(demand_id));
    open(db, by, model).await
}

/// Adds a message by the viewer to case `id`'s thread. The answering party joins the thread
/// once the operator has forwarded the request to it.
pub async fn post_message(
    db: &DatabaseConnection,
    by: &By<'_>,
    id: i32,
    fields: &Fields,
) -> Result<(), Problem> {
    let lang = by.lang;
    let (txn, c, side) = case_for(db, by.viewer, id).await?;
    let mut errors = FieldErrors::new();
    let body = message_field(lang, fields, "body", &mut errors);
    if !errors.is_empty() {
        return Err(Problem::Fields(errors));
    }
    if stage_of(&c).is_final() {
        return Err(Problem::Refused(tr(lang, "case-error-closed")));
    }
    let now = Utc::now();
    case_message::ActiveModel {
        case_id: Set(id),
        at: Set(now),
        author_id: Set(by.actor.id),
        side: Set(side.code().to_owned()),
        body: Set(body),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, by.actor, "case.message", &format!("case:{id}"), None).await?;
    mail::case_message(&txn, by.origin, &c, side).await?;
    txn.commit().await?;
    Ok(())
}

/// A transaction begun on case `id`, the case locked in it so that two steps or a step and a
/// message take turns, and the side `viewer` takes in it; not found unless the viewer may see it.
pub(super) async fn case_for(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
) -> Result<(DatabaseTransaction, case::Model, Side), Problem> {
    let txn = db.begin().await?;
    let c = case::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(Problem::NotFound)?;
    let side = side_of(viewer, &c)
        .filter(|side| sees(*side, &c))
        .ok_or(Problem::NotFound)?;
    Ok((txn, c, side))
}

/// The answering party sees a case from the moment the operator forwards it; a request
/// refused at screening or withdrawn before never reaches it.
pub fn sees(side: Side, c: &case::Model) -> bool {
    side == Side::Operator || side == initiator_of(c) || c.forwarded_at.is_some()
}
