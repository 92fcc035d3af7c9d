//! The email outbox: a mail is a row written in the same transaction as the change it reports,
//! in the recipient's language; [`super::delivery`] sends it when SMTP is configured. Each
//! feature names its own kinds of mail, each with `mail-{kind}-subject` and `mail-{kind}-body`
//! messages in `locales/`.

use super::entity::outbox;
use crate::i18n::{Lang, tr_args};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr};

/// Queues a mail of `kind` to `recipient`; `args` fill its messages (`name`, `reason`, `link` …).
pub async fn queue(
    db: &impl ConnectionTrait,
    recipient: &str,
    lang: Lang,
    kind: &str,
    args: &[(&'static str, String)],
) -> Result<(), DbErr> {
    let args: Vec<_> = args.iter().map(|(k, v)| (*k, v.as_str().into())).collect();
    outbox::ActiveModel {
        recipient: Set(recipient.to_owned()),
        lang: Set(lang.code().to_owned()),
        kind: Set(kind.to_owned()),
        subject: Set(tr_args(lang, &format!("mail-{kind}-subject"), &args)),
        body: Set(tr_args(lang, &format!("mail-{kind}-body"), &args)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
