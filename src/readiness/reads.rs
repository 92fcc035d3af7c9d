//! What each viewer reads of the assessments: an enterprise its own, an operator every
//! enterprise's; to anyone else an assessment does not exist.

use super::entity::assessment;
use super::evaluate::{Answers, overall};
use super::{
    Assessed, AssessmentRow, AssessmentView, DIMENSIONS, DimensionForm, DimensionResult, LEVELS,
    Overview, Questionnaire, STATEMENTS, WEAK_BELOW, field_name,
};
use crate::accounts::parties;
use crate::i18n::{Lang, tr, tr_code};
use crate::web::viewer::Viewer;
use crate::zone::Choice;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

/// Enterprises on one page of the operators' list.
const PER_PAGE: u64 = 25;

fn dimension_labels(lang: Lang) -> Vec<String> {
    DIMENSIONS
        .iter()
        .map(|d| tr_code(lang, "readiness-dim", d))
        .collect()
}

/// An enterprise's name in `lang`: its English one on pages not in Chinese, when it has one.
async fn names(
    db: &impl ConnectionTrait,
    lang: Lang,
    ids: &[i32],
) -> Result<HashMap<i32, String>, DbErr> {
    Ok(parties::enterprises(db, ids)
        .await?
        .into_iter()
        .map(|(id, e)| {
            let name = match (lang, e.name_en) {
                (Lang::Zh, _) | (_, None) => e.name_zh,
                (_, Some(en)) => en,
            };
            (id, name)
        })
        .collect())
}

fn taken(a: &assessment::Model) -> String {
    a.created_at.format("%Y-%m-%d").to_string()
}

fn row(a: &assessment::Model, enterprise: String) -> Option<AssessmentRow> {
    let scores = Answers::parse(&a.answers)?.scores();
    Some(AssessmentRow {
        id: a.id,
        account_id: a.account_id,
        enterprise,
        taken: taken(a),
        overall: overall(&scores),
        scores,
    })
}

/// Assessment `a` with its scores, steps and the one before it, as `lang` says them.
fn view_of(
    lang: Lang,
    a: &assessment::Model,
    before: Option<&assessment::Model>,
    enterprise: String,
    mine: bool,
) -> Option<AssessmentView> {
    let answers = Answers::parse(&a.answers)?;
    let scores = answers.scores();
    let previous = before
        .and_then(|b| Answers::parse(&b.answers))
        .map(|p| p.scores());
    let dimensions = DIMENSIONS
        .iter()
        .enumerate()
        .map(|(d, code)| DimensionResult {
            label: tr_code(lang, "readiness-dim", code),
            score: scores[d],
            previous: previous.as_ref().map(|p| p[d]),
            weak: scores[d] < WEAK_BELOW,
            steps: answers
                .steps(d)
                .into_iter()
                .map(|n| tr(lang, &format!("readiness-step-{}", field_name(d, n))))
                .collect(),
        })
        .collect();
    Some(AssessmentView {
        id: a.id,
        account_id: a.account_id,
        taken: taken(a),
        enterprise,
        overall: overall(&scores),
        previous_overall: previous.as_deref().map(overall),
        previous_taken: before.map(taken),
        dimensions,
        mine,
    })
}

/// The assessment enterprise `account` took before `id`, if any.
async fn before(
    db: &impl ConnectionTrait,
    account: i32,
    id: i32,
) -> Result<Option<assessment::Model>, DbErr> {
    assessment::Entity::find()
        .filter(assessment::Column::AccountId.eq(account))
        .filter(assessment::Column::Id.lt(id))
        .order_by_desc(assessment::Column::Id)
        .one(db)
        .await
}

/// Whose assessments `viewer` may read: its own as a verified enterprise, anyone's as an
/// operator (`enterprise` names whose).
fn whose(viewer: &Viewer, enterprise: Option<i32>) -> Option<i32> {
    match enterprise {
        Some(id) if viewer.is_operator() => Some(id),
        None if viewer.is_verified_enterprise() => Some(viewer.account_id),
        _ => None,
    }
}

/// An enterprise's page: its own for a verified enterprise, enterprise `enterprise`'s for an
/// operator; `None` for anyone else.
pub async fn overview(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    enterprise: Option<i32>,
) -> Result<Option<Overview>, DbErr> {
    let Some(account) = whose(viewer, enterprise) else {
        return Ok(None);
    };
    let name = names(db, lang, &[account]).await?.remove(&account);
    let Some(name) = name else {
        return Ok(None);
    };
    let all = assessment::Entity::find()
        .filter(assessment::Column::AccountId.eq(account))
        .order_by_desc(assessment::Column::Id)
        .all(db)
        .await?;
    let mine = account == viewer.account_id;
    let latest = match all.first() {
        Some(a) => view_of(lang, a, all.get(1), name.clone(), mine),
        None => None,
    };
    Ok(Some(Overview {
        latest,
        history: all.iter().filter_map(|a| row(a, name.clone())).collect(),
        dimensions: dimension_labels(lang),
        mine,
    }))
}

/// Assessment `id`, compared with the one before it, for its enterprise and the operators.
pub async fn assessment(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    id: i32,
) -> Result<Option<AssessmentView>, DbErr> {
    let Some(a) = assessment::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let mine = viewer.is_verified_enterprise() && viewer.account_id == a.account_id;
    if !mine && !viewer.is_operator() {
        return Ok(None);
    }
    let previous = before(db, a.account_id, a.id).await?;
    let name = names(db, lang, &[a.account_id])
        .await?
        .remove(&a.account_id)
        .unwrap_or_default();
    Ok(view_of(lang, &a, previous.as_ref(), name, mine))
}

/// The latest assessment's id, in a query grouped by enterprise.
fn latest_id() -> Expr {
    // Imported here only: its `max` and `min` would shadow `Ord`'s in the rest of the file.
    use sea_orm::sea_query::ExprTrait;
    Expr::col(assessment::Column::Id).max()
}

/// The operators' list: the latest assessment of each enterprise, newest first, a page at a
/// time; `None` for anyone else.
pub async fn assessed(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    page: u32,
) -> Result<Option<Assessed>, DbErr> {
    if !viewer.is_operator() {
        return Ok(None);
    }
    let latest = || {
        assessment::Entity::find()
            .select_only()
            .expr(latest_id())
            .group_by(assessment::Column::AccountId)
    };
    let enterprises = latest().count(db).await?;
    let pages = enterprises.div_ceil(PER_PAGE).max(1) as u32;
    let page = page.clamp(1, pages);
    let ids: Vec<i32> = latest()
        .order_by_desc(latest_id())
        .offset(u64::from(page - 1) * PER_PAGE)
        .limit(PER_PAGE)
        .into_tuple()
        .all(db)
        .await?;
    let found = assessment::Entity::find()
        .filter(assessment::Column::Id.is_in(ids.iter().copied()))
        .order_by_desc(assessment::Column::Id)
        .all(db)
        .await?;
    let accounts: Vec<i32> = found.iter().map(|a| a.account_id).collect();
    let mut names = names(db, lang, &accounts).await?;
    let rows = found
        .iter()
        .filter_map(|a| row(a, names.remove(&a.account_id).unwrap_or_default()))
        .collect();
    Ok(Some(Assessed {
        rows,
        dimensions: dimension_labels(lang),
        page,
        pages,
        enterprises,
    }))
}

/// The questionnaire for a verified enterprise, with its last answers; `None` for anyone else.
pub async fn questionnaire(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
) -> Result<Option<Questionnaire>, DbErr> {
    if !viewer.is_verified_enterprise() {
        return Ok(None);
    }
    let last = assessment::Entity::find()
        .filter(assessment::Column::AccountId.eq(viewer.account_id))
        .order_by_desc(assessment::Column::Id)
        .one(db)
        .await?
        .and_then(|a| Answers::parse(&a.answers));
    let dimensions = DIMENSIONS
        .iter()
        .enumerate()
        .map(|(d, code)| DimensionForm {
            code: (*code).to_owned(),
            label: tr_code(lang, "readiness-dim", code),
            about: tr(lang, &format!("readiness-dim-{code}-about")),
            statements: (0..STATEMENTS)
                .map(|n| {
                    let name = field_name(d, n);
                    (name.to_owned(), tr(lang, &format!("readiness-q-{name}")))
                })
                .collect(),
        })
        .collect();
    let last = match last {
        Some(answers) => (0..DIMENSIONS.len())
            .flat_map(|d| (0..STATEMENTS).map(move |n| (d, n)))
            .map(|(d, n)| {
                let level = LEVELS[usize::from(answers.level(d, n))];
                (field_name(d, n).to_owned(), level.to_owned())
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(Some(Questionnaire {
        dimensions,
        levels: LEVELS
            .iter()
            .map(|l| Choice {
                value: (*l).to_owned(),
                label: tr_code(lang, "readiness-level", l),
            })
            .collect(),
        last,
    }))
}
