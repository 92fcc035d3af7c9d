//! Taking a step on a liaison case as `flow` allows, with what the step needs: a reason to
//! refuse or decline, a meeting's time and place, an outcome. One transaction per step with
//! its history row, its audit record and its mail.

use super::cases::{case_for, initiator_of, stage_of, text_field};
use super::entity::{case, case_event};
use super::flow::{self, Outcome, Stage, Step};
use super::{By, CURRENCIES, MEETING_ZONES, demand_check, mail};
use crate::i18n::{Lang, tr};
use crate::platform::{audit, page_generation};
use crate::web::error::{FieldErrors, Problem};
use crate::web::submit::{Fields, field};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

const NOTE_MAX: usize = 2000;
const PLACE_MAX: usize = 300;

/// A meeting's instant from its form: a date and a time read in one of [`MEETING_ZONES`].
fn meeting_at(
    lang: Lang,
    fields: &Fields,
    errors: &mut FieldErrors,
) -> Option<(DateTime<Utc>, String)> {
    let zone = field(fields, "meeting_zone");
    let Some((zone, offset)) = MEETING_ZONES.iter().find(|(z, _)| *z == zone) else {
        errors.push(("meeting_zone", tr(lang, "case-error-zone")));
        return None;
    };
    let date = NaiveDate::parse_from_str(field(fields, "meeting_date").trim(), "%Y-%m-%d");
    let time = NaiveTime::parse_from_str(field(fields, "meeting_time").trim(), "%H:%M");
    let (Ok(date), Ok(time)) = (date, time) else {
        errors.push(("meeting_date", tr(lang, "case-error-when")));
        return None;
    };
    let offset = FixedOffset::east_opt(offset * 60)?;
    let at = offset
        .from_local_datetime(&date.and_time(time))
        .single()?
        .with_timezone(&Utc);
    let now = Utc::now();
    if at < now - Duration::days(1) || at > now + Duration::days(730) {
        errors.push(("meeting_date", tr(lang, "case-error-when")));
        return None;
    }
    Some((at, (*zone).to_owned()))
}

/// How a case is closed, from its form: the outcome, and its amount and currency or reason.
fn outcome(
    lang: Lang,
    fields: &Fields,
    note: &str,
    errors: &mut FieldErrors,
) -> Option<(Outcome, Option<(i64, String)>)> {
    let Some(outcome) = Outcome::from_code(field(fields, "outcome")) else {
        errors.push(("outcome", tr(lang, "case-error-outcome")));
        return None;
    };
    match outcome {
        Outcome::Financing => {
            let amount = demand_check::amount(lang, field(fields, "amount"), "amount", errors);
            let currency = field(fields, "currency");
            if !CURRENCIES.contains(&currency) {
                errors.push(("currency", tr(lang, "demand-error-currency")));
            }
            Some((outcome, amount.map(|a| (a, currency.to_owned()))))
        }
        Outcome::NoDeal if note.is_empty() => {
            errors.push(("note", tr(lang, "case-error-reason")));
            None
        }
        _ => Some((outcome, None)),
    }
}

/// Takes the step the form names (`step`) on case `id`, with what that step needs: a reason
/// to refuse or decline, a meeting's time and place, an outcome.
pub async fn take_step(
    db: &DatabaseConnection,
    by: &By<'_>,
    id: i32,
    fields: &Fields,
) -> Result<(), Problem> {
    let lang = by.lang;
    let (txn, c, side) = case_for(db, by.viewer, id).await?;
    let (stage, initiator) = (stage_of(&c), initiator_of(&c));
    let step = Step::from_code(field(fields, "step"));
    let Some((step, to)) = step.and_then(|s| Some((s, flow::next(stage, s, side, initiator)?)))
    else {
        return Err(Problem::Refused(tr(lang, "case-error-not-now")));
    };
    let mut errors = FieldErrors::new();
    let needs_reason = matches!(step, Step::Refuse | Step::Decline).then_some("case-error-reason");
    let note = text_field(lang, fields, "note", NOTE_MAX, needs_reason, &mut errors);
    let now = Utc::now();
    let mut model = case::ActiveModel::from(c.clone());
    match step {
        Step::Forward => model.forwarded_at = Set(Some(now)),
        Step::Accept => model.accepted_at = Set(Some(now)),
        Step::Schedule => {
            let place = text_field(
                lang,
                fields,
                "meeting_place",
                PLACE_MAX,
                Some("case-error-place"),
                &mut errors,
            );
            if let Some((at, zone)) = meeting_at(lang, fields, &mut errors) {
                model.meeting_at = Set(Some(at));
                model.meeting_zone = Set(Some(zone));
                model.meeting_place = Set(Some(place));
            }
        }
        Step::Close => {
            if let Some((outcome, amount)) = outcome(lang, fields, &note, &mut errors) {
                model.outcome = Set(Some(outcome.code().to_owned()));
                model.amount = Set(amount.as_ref().map(|(a, _)| *a));
                model.currency = Set(amount.map(|(_, c)| c));
                model.outcome_note = Set((!note.is_empty()).then(|| note.clone()));
            }
        }
        _ => {}
    }
    if !errors.is_empty() {
        return Err(Problem::Fields(errors));
    }
    model.stage = Set(to.code().to_owned());
    model.updated_at = Set(now);
    let c = model.update(&txn).await?;
    let note = (!note.is_empty()).then_some(note);
    case_event::ActiveModel {
        case_id: Set(id),
        at: Set(now),
        actor_id: Set(by.actor.id),
        side: Set(side.code().to_owned()),
        step: Set(step.code().to_owned()),
        from_stage: Set(stage.code().to_owned()),
        to_stage: Set(to.code().to_owned()),
        note: Set(note.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let action = format!("case.{}", step.code());
    audit::record(&txn, by.actor, &action, &format!("case:{id}"), note.clone()).await?;
    mail::case_moved(&txn, by.origin, &c, side, note.as_deref()).await?;
    if matches!(to, Stage::Forwarded | Stage::Closed) {
        page_generation::bump(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}
