//! Online registration of a domestic enterprise, pending an operator's verification.

use super::{FieldErrors, Problem, normalize_email, password_problems, uscc_message, valid_phone};
use crate::accounts::entity::{account, enterprise};
use crate::accounts::mail::{Mail, queue};
use crate::accounts::uscc::{Uscc, province};
use crate::accounts::{ENTERPRISE_KINDS, Role, Status, password};
use crate::i18n::{Lang, tr};
use crate::platform::audit::{self, Actor};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, DatabaseConnection,
    EntityTrait, QueryFilter, TransactionTrait,
};

/// A registration form as submitted.
#[derive(Clone, Debug, Default)]
pub struct Registration {
    pub name_zh: String,
    pub name_en: String,
    pub uscc: String,
    pub kind: String,
    pub industry: String,
    /// Empty: derive it from the code.
    pub region: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub password: String,
    pub password_confirm: String,
    pub terms: bool,
}

#[derive(Debug)]
struct Checked {
    uscc: Uscc,
    email: String,
    region: &'static str,
}

fn check_registration(lang: Lang, form: &Registration) -> Result<Checked, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut required = |field: &'static str, value: &str| {
        if value.trim().is_empty() {
            errors.push((field, tr(lang, "form-required")));
        }
    };
    required("name_zh", &form.name_zh);
    required("contact_name", &form.contact_name);
    let uscc = Uscc::parse(&form.uscc)
        .map_err(|e| errors.push(("uscc", uscc_message(lang, &e))))
        .ok();
    if !ENTERPRISE_KINDS.contains(&form.kind.as_str()) {
        errors.push(("kind", tr(lang, "register-error-kind")));
    }
    if !crate::zone::INDUSTRIES.contains(&form.industry.as_str()) {
        errors.push(("industry", tr(lang, "register-error-industry")));
    }
    let region = match form.region.as_str() {
        "" => uscc.as_ref().and_then(Uscc::province),
        chosen => province(chosen),
    };
    if region.is_none() && uscc.is_some() {
        errors.push(("region", tr(lang, "register-error-region")));
    }
    let email = normalize_email(&form.email);
    if email.is_none() {
        errors.push(("email", tr(lang, "form-error-email")));
    }
    if !valid_phone(&form.phone) {
        errors.push(("phone", tr(lang, "register-error-phone")));
    }
    password_problems(
        lang,
        &form.password,
        &form.password_confirm,
        email.as_deref().unwrap_or_default(),
        &mut errors,
    );
    if !form.terms {
        errors.push(("terms", tr(lang, "register-error-terms")));
    }
    match (uscc, email, region) {
        (Some(uscc), Some(email), Some(region)) if errors.is_empty() => Ok(Checked {
            uscc,
            email,
            region,
        }),
        _ => Err(errors),
    }
}

/// Registers a domestic enterprise, pending an operator's verification.
pub async fn register(
    db: &DatabaseConnection,
    lang: Lang,
    form: &Registration,
    actor: &Actor,
) -> Result<account::Model, Problem> {
    let checked = check_registration(lang, form).map_err(Problem::Fields)?;
    let password_hash = password::hash_async(&form.password).await;
    let txn = db.begin().await?;
    let mut taken = FieldErrors::new();
    if account::Entity::find()
        .filter(account::Column::Email.eq(&checked.email))
        .one(&txn)
        .await?
        .is_some()
    {
        taken.push(("email", tr(lang, "register-error-email-taken")));
    }
    if enterprise::Entity::find()
        .filter(enterprise::Column::Uscc.eq(checked.uscc.as_str()))
        .one(&txn)
        .await?
        .is_some()
    {
        taken.push(("uscc", tr(lang, "register-error-uscc-taken")));
    }
    if !taken.is_empty() {
        return Err(Problem::Fields(taken));
    }
    let now = Utc::now();
    let saved = account::ActiveModel {
        id: NotSet,
        email: Set(checked.email.clone()),
        password_hash: Set(password_hash),
        role: Set(Role::Enterprise.code().into()),
        status: Set(Status::Pending.code().into()),
        status_reason: Set(None),
        lang: Set(lang.code().into()),
        exchange_mic: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        must_change_password: Set(false),
    }
    .insert(&txn)
    .await?;
    let name_en = form.name_en.trim();
    enterprise::ActiveModel {
        account_id: Set(saved.id),
        name_zh: Set(form.name_zh.trim().to_owned()),
        name_en: Set((!name_en.is_empty()).then(|| name_en.to_owned())),
        uscc: Set(checked.uscc.as_str().to_owned()),
        kind: Set(form.kind.clone()),
        industry: Set(form.industry.clone()),
        region: Set(checked.region.to_owned()),
        contact_name: Set(form.contact_name.trim().to_owned()),
        phone: Set(form.phone.trim().to_owned()),
        terms_accepted_at: Set(now),
    }
    .insert(&txn)
    .await?;
    queue(
        &txn,
        &saved.email,
        lang,
        Mail::Registered,
        &[("name", form.name_zh.trim().to_owned())],
    )
    .await?;
    audit::record(
        &txn,
        actor,
        "enterprise.register",
        &saved.email,
        Some(checked.uscc.as_str().to_owned()),
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::uscc::UsccError;

    fn form() -> Registration {
        Registration {
            name_zh: "深圳示例科技有限公司".into(),
            name_en: String::new(),
            uscc: "91110000600037341L".into(),
            kind: "sme".into(),
            industry: "technology".into(),
            region: String::new(),
            contact_name: "李伟".into(),
            email: "li@example.com".into(),
            phone: "+86 755 1234 5678".into(),
            password: "palm oil to Penang 2026".into(),
            password_confirm: "palm oil to Penang 2026".into(),
            terms: true,
        }
    }

    #[test]
    fn the_region_comes_from_the_code_unless_chosen() {
        let checked = check_registration(Lang::En, &form()).unwrap();
        assert_eq!(checked.region, "11");
        let chosen = Registration {
            region: "44".into(),
            ..form()
        };
        assert_eq!(check_registration(Lang::En, &chosen).unwrap().region, "44");
    }

    #[test]
    fn every_problem_is_reported_at_once_and_localized() {
        let bad = Registration {
            name_zh: " ".into(),
            uscc: "91110000600037341A".into(),
            kind: "bank".into(),
            email: "nope".into(),
            password: "password".into(),
            terms: false,
            ..form()
        };
        let errors = check_registration(Lang::Th, &bad).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["name_zh", "uscc", "kind", "email", "password", "terms"]
        );
        let uscc = &errors[1].1;
        assert!(uscc.contains('L') && uscc.contains('A'), "{uscc}");
        assert_ne!(
            uscc,
            &uscc_message(
                Lang::En,
                &UsccError::Check {
                    expected: 'L',
                    found: 'A'
                }
            )
        );
    }
}
