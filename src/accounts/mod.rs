//! Accounts: domestic enterprises register online and are verified by operators; partner
//! exchanges and operators are created by operators or on the command line. Sessions live in the
//! database so that several app instances share them.

pub mod api;
pub mod pages;
pub mod password;
pub mod uscc;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod entity;
        pub mod handlers;
        pub mod mail;
        pub mod parties;
        mod routes;
        pub mod server;
        pub mod session;
    }
}

pub use pages::AccountRoutes;

/// Who is asking lives in the web layer, which every feature reads it from.
pub use crate::web::viewer::{Role, Status, Viewer, use_viewer};
#[cfg(feature = "ssr")]
pub use routes::routes;
use serde::{Deserialize, Serialize};

/// The kinds of domestic enterprise the zone serves (product brief, "Who uses it").
pub const ENTERPRISE_KINDS: [&str; 4] = ["listed", "leading", "sme", "investor"];

/// What a signed-in account sees of itself on `/{lang}/account`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyAccount {
    pub email: String,
    pub role: Role,
    pub status: Status,
    pub status_reason: Option<String>,
    pub enterprise: Option<EnterpriseDetails>,
    /// A partner's exchange: MIC, name in the page language, companies listed in the zone.
    pub exchange: Option<(String, String, u64)>,
    /// Where the account is signed in, most recently used first.
    pub sessions: Vec<SessionSummary>,
}

/// One signed-in browser, as its owner sees it on the account page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// `2026-11-27 09:30 UTC`
    pub signed_in: String,
    pub last_seen: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The session this page was requested with.
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseDetails {
    pub name_zh: String,
    pub name_en: Option<String>,
    pub uscc: String,
    pub kind: String,
    pub industry: String,
    pub region: String,
    pub contact_name: String,
    pub phone: String,
}
