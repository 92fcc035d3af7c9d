//! Taking the evaluation: every statement answered on the scale, or each unanswered one
//! named under its field; the assessment and its audit record in one transaction.

use super::entity::assessment;
use super::evaluate::Answers;
use super::{DIMENSIONS, LEVELS, STATEMENTS, field_name};
use crate::i18n::{Lang, tr};
use crate::platform::audit::{self, Actor};
use crate::web::error::{FieldErrors, Problem};
use crate::web::submit::{Fields, field};
use crate::web::viewer::Viewer;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set, TransactionTrait};

/// Stores the viewer's answers as a new assessment; its id.
pub async fn take(
    db: &DatabaseConnection,
    lang: Lang,
    viewer: &Viewer,
    actor: &Actor,
    fields: &Fields,
) -> Result<i32, Problem> {
    if !viewer.is_verified_enterprise() {
        return Err(Problem::not_allowed(true));
    }
    let mut errors = FieldErrors::new();
    let mut levels = Vec::with_capacity(DIMENSIONS.len() * STATEMENTS);
    for d in 0..DIMENSIONS.len() {
        for n in 0..STATEMENTS {
            let name = field_name(d, n);
            match LEVELS.iter().position(|l| *l == field(fields, name)) {
                Some(level) => levels.push(level as u8),
                None => errors.push((name, tr(lang, "readiness-error-answer"))),
            }
        }
    }
    if !errors.is_empty() {
        return Err(Problem::Fields(errors));
    }
    let answers = Answers::from_levels(levels).expect("one known level per statement");
    let txn = db.begin().await?;
    let taken = assessment::ActiveModel {
        account_id: Set(viewer.account_id),
        answers: Set(answers.stored()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let target = format!("readiness:{}", taken.id);
    audit::record(&txn, actor, "readiness.take", &target, None).await?;
    txn.commit().await?;
    Ok(taken.id)
}
