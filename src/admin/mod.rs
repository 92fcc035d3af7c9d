//! The operator console `/{lang}/admin`: pending registrations, enterprises, partners, the
//! outbox and the audit log. Only verified operators get in; every action is audited.

mod page;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod handlers;
        mod routes;
        pub mod server;
    }
}

#[cfg(feature = "ssr")]
pub use routes::routes;

pub use page::AdminRoutes;

use crate::accounts::{EnterpriseDetails, Status};
use crate::i18n::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseRow {
    pub account_id: i32,
    pub email: String,
    pub status: Status,
    pub status_reason: Option<String>,
    pub registered_at: String,
    pub details: EnterpriseDetails,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerRow {
    pub account_id: i32,
    pub email: String,
    pub status: Status,
    pub exchange_mic: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i32,
    pub recipient: String,
    pub lang: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

/// One page of a console section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section<T> {
    pub rows: Vec<T>,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
}

/// Which page of each section the console shows (`?pending=2&audit=3`), each from 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsolePages {
    pub pending: u32,
    pub enterprises: u32,
    pub partners: u32,
    pub outbox: u32,
    pub audit: u32,
}

impl ConsolePages {
    pub const SECTIONS: [&str; 5] = ["pending", "enterprises", "partners", "outbox", "audit"];

    /// From any key lookup; a page that is not a number from 1 is the first.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> ConsolePages {
        let page = |key: &str| {
            get(key)
                .and_then(|p| p.trim().parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, 1_000_000)
        };
        ConsolePages {
            pending: page("pending"),
            enterprises: page("enterprises"),
            partners: page("partners"),
            outbox: page("outbox"),
            audit: page("audit"),
        }
    }

    fn get(&self, section: &str) -> u32 {
        match section {
            "pending" => self.pending,
            "enterprises" => self.enterprises,
            "partners" => self.partners,
            "outbox" => self.outbox,
            _ => self.audit,
        }
    }

    /// The query string with `section` at `page` and every other section where it is.
    pub fn with(&self, section: &str, page: u32) -> String {
        let pairs: Vec<String> = Self::SECTIONS
            .iter()
            .map(|s| (s, if *s == section { page } else { self.get(s) }))
            .filter(|(_, p)| *p > 1)
            .map(|(s, p)| format!("{s}={p}"))
            .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }
}

/// What the console shows, newest first, one page of each section at a time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Console {
    pub pages: ConsolePages,
    pub pending: Section<EnterpriseRow>,
    pub enterprises: Section<EnterpriseRow>,
    pub partners: Section<PartnerRow>,
    /// MIC and name in the page language, for the new-partner form.
    pub exchanges: Vec<(String, String)>,
    pub outbox: Section<OutboxRow>,
    pub audit: Section<AuditRow>,
}

/// The console's data; verified operators only.
#[server(endpoint = "console")]
pub async fn fetch_console(
    lang: Lang,
    #[server(default)] pages: ConsolePages,
) -> Result<Console, ServerFnError> {
    let viewer = crate::accounts::use_viewer();
    if !viewer.as_ref().is_some_and(|v| v.is_operator()) {
        return Err(crate::web::error::Problem::not_allowed(viewer.is_some()).into());
    }
    let db = crate::db::use_db()?;
    server::console(&db, lang, pages)
        .await
        .map_err(crate::web::error::internal)
}
