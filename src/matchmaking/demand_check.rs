//! The checks of a demand's form: every problem gets its own message under its field.

use super::demand_reads::target_choices;
use super::{CURRENCIES, DEMAND_KINDS, FINANCING_STAGES};
use crate::i18n::{Lang, tr};
use crate::web::error::FieldErrors;
use crate::web::submit::{Fields, field};
use crate::web::viewer::Viewer;
use crate::zone::{INDUSTRIES, lookup};
use sea_orm::{ConnectionTrait, DbErr};

const TITLES: [&str; 4] = ["title.zh", "title.en", "title.ms", "title.th"];
const DESCRIPTIONS: [&str; 4] = [
    "description.zh",
    "description.en",
    "description.ms",
    "description.th",
];
const TITLE_MAX: usize = 120;
const DESCRIPTION_MAX: usize = 4000;
/// Amounts up to ten trillion: above any real round, within every database's integers.
const AMOUNT_MAX: i64 = 10_000_000_000_000;

/// A demand's form, checked: what to store.
pub(super) struct Checked {
    pub(super) kind: String,
    pub(super) industry: String,
    pub(super) targets: Vec<String>,
    pub(super) green: bool,
    pub(super) financing: Option<(i64, i64, String, String)>,
    pub(super) texts: Vec<(Lang, Option<String>, Option<String>)>,
    pub(super) company_id: Option<i32>,
}

pub(super) fn amount(
    lang: Lang,
    text: &str,
    name: &'static str,
    errors: &mut FieldErrors,
) -> Option<i64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    match digits.parse::<i64>() {
        Ok(n) if (1..=AMOUNT_MAX).contains(&n) => Some(n),
        _ => {
            errors.push((name, tr(lang, "demand-error-amount")));
            None
        }
    }
}

/// Checks a demand's form; every problem gets its own message under its field.
pub(super) async fn check(
    db: &impl ConnectionTrait,
    lang: Lang,
    viewer: &Viewer,
    fields: &Fields,
) -> Result<Result<Checked, FieldErrors>, DbErr> {
    let mut errors: FieldErrors = Vec::new();
    let get = |name| field(fields, name).trim();
    let kind = get("kind");
    if !DEMAND_KINDS.contains(&kind) {
        errors.push(("kind", tr(lang, "demand-error-kind")));
    }
    let industry = get("industry");
    if !INDUSTRIES.contains(&industry) {
        errors.push(("industry", tr(lang, "demand-error-industry")));
    }
    let allowed = target_choices(db, lang).await?;
    let mut targets: Vec<String> = fields
        .iter()
        .filter(|(n, v)| n == "targets" && !v.is_empty())
        .map(|(_, v)| v.clone())
        .collect();
    targets.sort();
    targets.dedup();
    if targets.len() > 12
        || targets
            .iter()
            .any(|t| !allowed.iter().any(|c| c.value == *t))
    {
        errors.push(("targets", tr(lang, "demand-error-targets")));
    }
    let financing = if kind == "financing" {
        let min = amount(lang, get("amount_min"), "amount_min", &mut errors);
        let max = amount(lang, get("amount_max"), "amount_max", &mut errors);
        if let (Some(min), Some(max)) = (min, max)
            && min > max
        {
            errors.push(("amount_max", tr(lang, "demand-error-amount-order")));
        }
        let currency = get("currency");
        if !CURRENCIES.contains(&currency) {
            errors.push(("currency", tr(lang, "demand-error-currency")));
        }
        let stage = get("stage");
        if !FINANCING_STAGES.contains(&stage) {
            errors.push(("stage", tr(lang, "demand-error-stage")));
        }
        min.zip(max)
            .map(|(min, max)| (min, max, currency.to_owned(), stage.to_owned()))
    } else {
        None
    };
    let mut texts = Vec::new();
    for (i, l) in Lang::ALL.into_iter().enumerate() {
        let title = get(TITLES[i]);
        let description = get(DESCRIPTIONS[i]);
        if title.chars().count() > TITLE_MAX {
            errors.push((TITLES[i], tr(lang, "demand-error-title-long")));
        }
        if description.chars().count() > DESCRIPTION_MAX {
            errors.push((DESCRIPTIONS[i], tr(lang, "demand-error-description-long")));
        }
        if title.is_empty() && !description.is_empty() {
            errors.push((TITLES[i], tr(lang, "demand-error-title-missing")));
        }
        let some = |t: &str| (!t.is_empty()).then(|| t.to_owned());
        texts.push((l, some(title), some(description)));
    }
    if texts.iter().all(|(_, title, _)| title.is_none())
        && !errors.iter().any(|(f, _)| f.starts_with("title"))
    {
        errors.push((TITLES[lang_index(lang)], tr(lang, "demand-error-no-title")));
    }
    let company_id = match viewer.is_partner() {
        true => {
            let mic = viewer.exchange_mic.as_deref().unwrap_or_default();
            match lookup::listed(db, mic, get("company")).await? {
                Some(c) => Some(c.id),
                None => {
                    errors.push(("company", tr(lang, "demand-error-company")));
                    None
                }
            }
        }
        false => None,
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(Checked {
        kind: kind.to_owned(),
        industry: industry.to_owned(),
        targets,
        green: get("green") == "on",
        financing,
        texts,
        company_id,
    }))
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}
