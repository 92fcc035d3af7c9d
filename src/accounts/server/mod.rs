//! Account operations, one file per job: registration, the operator's decisions and staff
//! accounts, credentials (sign-in, passwords, resets), and the account's own view. Every change
//! that concerns a person writes their email to the outbox and, when sensitive, the audit log,
//! in the same transaction.

mod credentials;
mod decisions;
mod profile;
mod registration;

pub use credentials::*;
pub use decisions::*;
pub use profile::*;
pub use registration::*;

use super::entity::account;
use super::password;
use super::uscc::UsccError;
use crate::i18n::{Lang, tr, tr_args};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub use crate::web::error::{FieldErrors, Problem};

/// An address as stored: trimmed and lower-cased, or `None` if it cannot be an address.
pub fn normalize_email(input: &str) -> Option<String> {
    let email = input.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then_some(email)
}

fn valid_phone(input: &str) -> bool {
    let digits = input.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && input.len() <= 32
        && input
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

/// The localized message for a refused Unified Social Credit Code.
pub fn uscc_message(lang: Lang, err: &UsccError) -> String {
    match err {
        UsccError::Empty => tr(lang, "uscc-error-empty"),
        UsccError::Length(count) => {
            tr_args(lang, "uscc-error-length", &[("count", (*count).into())])
        }
        UsccError::Character { position, found } => tr_args(
            lang,
            "uscc-error-character",
            &[
                ("position", (*position).into()),
                ("found", found.to_string().into()),
            ],
        ),
        UsccError::RegionDigit { position, found } => tr_args(
            lang,
            "uscc-error-region",
            &[
                ("position", (*position).into()),
                ("found", found.to_string().into()),
            ],
        ),
        UsccError::Check { expected, found } => tr_args(
            lang,
            "uscc-error-check",
            &[
                ("expected", expected.to_string().into()),
                ("found", found.to_string().into()),
            ],
        ),
    }
}

fn password_problems(lang: Lang, new: &str, confirm: &str, email: &str, errors: &mut FieldErrors) {
    if let Err(weakness) = password::check(new, email) {
        errors.push((
            "password",
            tr_args(lang, weakness.key(), &[("min", password::MIN_CHARS.into())]),
        ));
    } else if new != confirm {
        errors.push(("password_confirm", tr(lang, "password-mismatch")));
    }
}

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<account::Model>, DbErr> {
    let Some(email) = normalize_email(email) else {
        return Ok(None);
    };
    account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized_or_refused() {
        assert_eq!(
            normalize_email("  Li.Wei@Example.COM "),
            Some("li.wei@example.com".into())
        );
        for bad in [
            "",
            "no-at",
            "@example.com",
            "a@b",
            "a@.com",
            "a b@example.com",
            "a@b@c.com",
        ] {
            assert_eq!(normalize_email(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(valid_phone("+86 755 8866 1234"));
        assert!(valid_phone("(0755) 8866-1234"));
        assert!(!valid_phone("12345"));
        assert!(!valid_phone("call me"));
    }
}
