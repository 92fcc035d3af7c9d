//! The audit log: who did what, when, from where. Written in the same transaction as the change
//! it records, so a change is never without its record, and a failed write fails the change.

use super::entity::audit;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ConnectionTrait, DbErr};

/// Who did something, for the audit log.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: Option<i32>,
    pub label: String,
    pub ip: Option<String>,
}

impl Actor {
    pub fn cli() -> Actor {
        Actor {
            id: None,
            label: "cli".into(),
            ip: None,
        }
    }

    pub fn anonymous(ip: Option<String>) -> Actor {
        Actor {
            id: None,
            label: "anonymous".into(),
            ip,
        }
    }

    pub fn account(id: i32, email: &str, ip: Option<String>) -> Actor {
        Actor {
            id: Some(id),
            label: email.to_owned(),
            ip,
        }
    }
}

pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    target: &str,
    detail: Option<String>,
) -> Result<(), DbErr> {
    audit::ActiveModel {
        id: NotSet,
        at: Set(Utc::now()),
        actor_id: Set(actor.id),
        actor: Set(actor.label.clone()),
        action: Set(action.to_owned()),
        target: Set(target.to_owned()),
        ip: Set(actor.ip.clone()),
        detail: Set(detail),
    }
    .insert(db)
    .await?;
    Ok(())
}
