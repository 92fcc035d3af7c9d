//! Matchmaking and the long-term liaison mechanism: the demands enterprises publish (and the
//! offers partners publish for their companies), and the liaison cases that carry an
//! introduction from a request to an outcome.
//!
//! `mod.rs` holds what crosses the wire; `flow.rs` the case's state machine; `board.rs`,
//! `demand_page.rs`, `demand_form.rs`, `introduce.rs`, `case_page.rs` and `desk.rs` the pages;
//! `api.rs` the server functions; on the server only, `demands.rs` and `cases.rs` the rules and
//! queries, `mail.rs` what each change tells whom, `handlers.rs` the form posts, `demo.rs` the
//! demo data, `entity.rs` the tables and `routes.rs` the plain HTTP routes.

pub mod api;
mod board;
mod case_page;
mod demand_form;
mod demand_page;
mod desk;
pub mod flow;
mod introduce;
mod match_page;
pub mod matches;
mod pages;
mod views;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod case_reads;
        mod case_steps;
        pub mod cases;
        mod demand_check;
        pub mod desk_reads;
        pub mod demand_reads;
        pub mod demands;
        pub mod demo;
        pub mod entity;
        mod handlers;
        mod mail;
        pub mod recommend;
        mod routes;
        pub mod score;
        pub mod topics;
    }
}

pub use pages::{LiaisonFiguresSection, MatchmakingRoutes};
#[cfg(feature = "ssr")]
pub use routes::routes;

use crate::i18n::Localized;
use crate::zone::Choice;
use serde::{Deserialize, Serialize};

/// Who makes a change: the signed-in viewer, as the audit log's actor, in the page's language,
/// on the site reached at `origin` (for the links mail carries).
#[cfg(feature = "ssr")]
pub struct By<'a> {
    pub viewer: &'a crate::web::viewer::Viewer,
    pub actor: &'a crate::platform::audit::Actor,
    pub lang: crate::i18n::Lang,
    pub origin: &'a str,
}

/// The time zones a meeting may be set in, with their offset from UTC in minutes. None of
/// them moves its clocks in summer, so the offset is the zone's all year.
pub const MEETING_ZONES: [(&str, i32); 8] = [
    ("Asia/Shanghai", 480),
    ("Asia/Hong_Kong", 480),
    ("Asia/Kuala_Lumpur", 480),
    ("Asia/Singapore", 480),
    ("Asia/Bangkok", 420),
    ("Asia/Jakarta", 420),
    ("Asia/Ho_Chi_Minh", 420),
    ("UTC", 0),
];

/// The zone a party reads meeting times in: a domestic enterprise and the operators China's,
/// an exchange its country's.
pub fn home_zone(country: Option<&str>) -> &'static str {
    match country {
        Some("MY") => "Asia/Kuala_Lumpur",
        Some("TH") => "Asia/Bangkok",
        Some("SG") => "Asia/Singapore",
        Some("HK") => "Asia/Hong_Kong",
        Some("ID") => "Asia/Jakarta",
        Some("VN") => "Asia/Ho_Chi_Minh",
        _ => "Asia/Shanghai",
    }
}

/// The kinds of demand, in display order (`demand-kind-*` messages).
pub const DEMAND_KINDS: [&str; 6] = [
    "technology",
    "market-access",
    "supply-chain",
    "joint-venture",
    "m-and-a",
    "financing",
];

/// The stages a company seeking equity financing can be at (`demand-stage-*` messages).
pub const FINANCING_STAGES: [&str; 4] = ["seed", "growth", "expansion", "pre-ipo"];

/// The currencies a financing amount may be given in.
pub const CURRENCIES: [&str; 6] = ["CNY", "USD", "MYR", "THB", "SGD", "HKD"];

/// How long a demand stays on the board unless renewed.
pub const VALIDITY_MONTHS: u32 = 6;

/// A case with no change for this many days is overdue on the operator's desk.
pub const OVERDUE_DAYS: i64 = 14;

/// The board's query string: a search, filters and a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BoardQuery {
    pub q: Option<String>,
    pub kind: Option<String>,
    pub industry: Option<String>,
    pub country: Option<String>,
    pub green: bool,
    pub page: u32,
}

impl BoardQuery {
    pub const PAGE_SIZE: u64 = 20;

    /// Blank values dropped, the search trimmed and bounded, the page at least 1.
    pub fn normalized(mut self) -> BoardQuery {
        let clean = |v: Option<String>| {
            v.map(|v| v.trim().chars().take(100).collect::<String>())
                .filter(|v| !v.is_empty())
        };
        self.q = clean(self.q);
        self.kind = clean(self.kind);
        self.industry = clean(self.industry);
        self.country = clean(self.country);
        self.page = self.page.clamp(1, 10_000);
        self
    }

    /// The query string's pairs, for links to other pages of the same view.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut put = |key, value: &Option<String>| {
            if let Some(v) = value {
                pairs.push((key, v.clone()));
            }
        };
        put("q", &self.q);
        put("kind", &self.kind);
        put("industry", &self.industry);
        put("country", &self.country);
        if self.green {
            pairs.push(("green", "on".into()));
        }
        pairs
    }
}

/// A demand as the board lists it: never who published it beyond its kind of organisation, and
/// never a contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandCard {
    pub id: i32,
    pub title: Localized,
    pub kind: String,
    pub industry: String,
    /// Target countries and exchanges, labelled.
    pub targets: Vec<String>,
    pub green: bool,
    /// "CNY 50,000,000 – 80,000,000 · growth", for financing demands.
    pub financing: Option<String>,
    /// Who publishes it: "a domestic enterprise (technology)", or the offering company's name.
    pub publisher: String,
    /// ISO 8601 date.
    pub valid_until: String,
}

/// One page of the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub query: BoardQuery,
    pub cards: Vec<DemandCard>,
    pub total: u64,
    pub pages: u32,
    pub kinds: Vec<Choice>,
    pub industries: Vec<Choice>,
    pub countries: Vec<Choice>,
}

/// A demand's own page. `status` is the owner's view of it (`draft`, `review`, `published`,
/// `returned`, `withdrawn`, `expired`); the public sees only published ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandDetail {
    pub card: DemandCard,
    pub description: Option<Localized>,
    pub status: String,
    pub return_reason: Option<String>,
    /// What the viewer may do: `edit`, `submit`, `withdraw`, `renew`, `publish`, `return`.
    pub actions: Vec<String>,
    /// The case the viewer's side already has about this demand, if any.
    pub case_id: Option<i32>,
}

/// A demand's editable values, as stored or for a new one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandForm {
    pub id: Option<i32>,
    pub kind: String,
    pub industry: String,
    pub targets: Vec<String>,
    pub green: bool,
    pub amount_min: String,
    pub amount_max: String,
    pub currency: String,
    pub stage: String,
    /// (language code, title, description) for each of the four languages.
    pub texts: Vec<(String, String, String)>,
    /// For a partner's offer: the symbol of its exchange's company it is for.
    pub company: String,
    /// Countries and exchanges a demand may target.
    pub target_choices: Vec<Choice>,
}

/// A demand in its owner's list, or the operator's review queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandRow {
    pub id: i32,
    pub title: Localized,
    pub kind: String,
    pub status: String,
    pub valid_until: String,
    pub return_reason: Option<String>,
}

/// A case as a list shows it, from the viewer's side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRow {
    pub id: i32,
    pub stage: String,
    pub company: Localized,
    pub exchange_mic: String,
    pub enterprise: String,
    pub purpose: String,
    /// ISO 8601 date of the last change.
    pub updated: String,
    pub days_since_change: i64,
    pub overdue: bool,
    /// The viewer has a step to take.
    pub awaits_viewer: bool,
}

/// The operator's case list filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseQuery {
    pub stage: Option<String>,
    pub exchange: Option<String>,
    pub overdue: bool,
    pub page: u32,
}

impl CaseQuery {
    pub const PAGE_SIZE: u64 = 25;

    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(stage) = &self.stage {
            pairs.push(("stage", stage.clone()));
        }
        if let Some(exchange) = &self.exchange {
            pairs.push(("exchange", exchange.clone()));
        }
        if self.overdue {
            pairs.push(("overdue", "on".into()));
        }
        pairs
    }
}

/// The viewer's desk: what awaits them, their cases and, for an enterprise or a partner, their
/// demands; for an operator the demands to review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desk {
    /// `enterprise`, `partner` or `operator`.
    pub side: String,
    pub query: CaseQuery,
    pub cases: Vec<CaseRow>,
    pub total: u64,
    pub pages: u32,
    pub awaiting: u64,
    pub demands: Vec<DemandRow>,
    pub stages: Vec<Choice>,
    pub exchanges: Vec<Choice>,
}

/// One step in a case's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// RFC 3339, UTC.
    pub at: String,
    pub side: String,
    pub actor: String,
    pub step: String,
    pub to_stage: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMessage {
    pub at: String,
    pub side: String,
    pub body: String,
    pub mine: bool,
}

/// A party's contact details, shown to the other party once both have agreed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub organisation: String,
    pub person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A meeting: its instant as it reads in the zone it was set in, and in the viewer's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// RFC 3339 in UTC, for `<time datetime>`.
    pub at: String,
    /// "2027-01-14 10:00 (Asia/Kuala_Lumpur, UTC+08:00)".
    pub local: String,
    /// The same instant in the viewer's zone: China's for enterprises and operators, the
    /// exchange's country's for its partners.
    pub own: String,
    /// An online link or a place.
    pub place: String,
}

/// A case's page, as the viewer may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetail {
    pub id: i32,
    pub kind: String,
    pub stage: String,
    /// The viewer's side: `enterprise`, `partner` or `operator`.
    pub side: String,
    pub initiator: String,
    pub company: Localized,
    pub company_href: String,
    pub enterprise: String,
    pub purpose: String,
    pub message: String,
    pub demand: Option<(i32, Localized)>,
    pub events: Vec<CaseEvent>,
    pub messages: Vec<CaseMessage>,
    /// Step codes the viewer may take now.
    pub steps: Vec<String>,
    /// Both sides' contacts: set only once both have agreed.
    pub contacts: Option<(Contact, Contact)>,
    pub meeting: Option<Meeting>,
    pub outcome: Option<String>,
}

/// What a page to ask for an introduction shows about the company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntroductionTarget {
    pub mic: String,
    pub symbol: String,
    pub name: Localized,
    pub exchange: String,
    pub intents: Vec<Choice>,
    /// The viewer's open case about this company, if any.
    pub open_case: Option<i32>,
}

/// The liaison mechanism's figures, from the cases themselves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LiaisonFigures {
    /// Enterprises with a published demand or a case.
    pub enterprises_served: u64,
    /// Cases forwarded to the other party, or further.
    pub introductions: u64,
    pub cooperation_agreed: u64,
    pub financing_closed: u64,
    /// Their amounts, in yuan, at the rates the zone has; closings in a currency without a
    /// rate are counted but not added.
    pub financing_cny: f64,
}
