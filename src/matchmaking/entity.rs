//! The tables matchmaking owns. Their schema is created by `crate::db::migrations`.

pub mod demand {
    use sea_orm::entity::prelude::*;

    /// A cooperation or financing demand: an enterprise's, or a partner's offer for one of its
    /// exchange's companies.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "demands")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub owner_id: i32,
        /// The company a partner's offer speaks for; none for an enterprise's demand.
        pub company_id: Option<i32>,
        /// One of `matchmaking::DEMAND_KINDS`.
        pub kind: String,
        /// One of `zone::INDUSTRIES`.
        pub industry: String,
        /// Country codes and exchange MICs, comma-separated; empty: anywhere.
        pub targets: String,
        pub green: bool,
        /// A financing demand's range, in whole units of `currency`.
        pub amount_min: Option<i64>,
        pub amount_max: Option<i64>,
        pub currency: Option<String>,
        /// One of `matchmaking::FINANCING_STAGES`.
        pub stage: Option<String>,
        /// `draft`, `review`, `published`, `returned` or `withdrawn`; a published demand past
        /// `valid_until` is expired.
        pub status: String,
        /// Why an operator sent it back.
        pub return_reason: Option<String>,
        pub valid_until: DateTimeUtc,
        pub published_at: Option<DateTimeUtc>,
        /// Titles and descriptions in every language, lower-cased.
        pub search: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod demand_text {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "demand_texts")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub demand_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub lang: String,
        pub title: Option<String>,
        pub description: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod case {
    use sea_orm::entity::prelude::*;

    /// A liaison case: an introduction between a domestic enterprise and an overseas listed
    /// company, carried by the operator and the company's exchange (`matchmaking::flow`).
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "cases")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// `introduction`; later also consultations and roadshow meetings.
        pub kind: String,
        /// `flow::Stage::code`.
        pub stage: String,
        /// The side that started it, `flow::Side::code`.
        pub initiator: String,
        /// The enterprise account on the domestic side.
        pub enterprise_id: i32,
        pub company_id: i32,
        /// The company's exchange, whose partner accounts speak for it.
        pub exchange_mic: String,
        /// The demand it answers, when a partner started it.
        pub demand_id: Option<i32>,
        /// One of `zone::INTENT_KINDS`.
        pub purpose: String,
        pub message: String,
        /// When the operator passed it to the answering party, who sees it from then on.
        pub forwarded_at: Option<DateTimeUtc>,
        /// When the answering party agreed; contacts are shared from then on.
        pub accepted_at: Option<DateTimeUtc>,
        pub meeting_at: Option<DateTimeUtc>,
        /// The IANA time zone the meeting was set in, e.g. `Asia/Kuala_Lumpur`.
        pub meeting_zone: Option<String>,
        /// An online link or a place.
        pub meeting_place: Option<String>,
        /// `flow::Outcome::code`, once closed.
        pub outcome: Option<String>,
        /// Financing closed: its amount, in whole units of `currency`.
        pub amount: Option<i64>,
        pub currency: Option<String>,
        /// The reason for no deal, or a note on the outcome.
        pub outcome_note: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod case_event {
    use sea_orm::entity::prelude::*;

    /// One step taken on a case: by whom, when, from which stage to which, and why.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "case_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub case_id: i32,
        pub at: DateTimeUtc,
        pub actor_id: Option<i32>,
        pub side: String,
        pub step: String,
        pub from_stage: String,
        pub to_stage: String,
        pub note: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod case_message {
    use sea_orm::entity::prelude::*;

    /// A message in a case's thread, seen by its parties and the operators only.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "case_messages")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub case_id: i32,
        pub at: DateTimeUtc,
        pub author_id: Option<i32>,
        pub side: String,
        pub body: String,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod company_topic {
    use sea_orm::entity::prelude::*;

    /// A topic of `zone::taxonomy` that company `company_id` declares or mentions.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "company_topics")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub company_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub topic: String,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod company_topic_read {
    use sea_orm::entity::prelude::*;

    /// Which version of a company (its `updated_at`) its topics were read from.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "company_topic_reads")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub company_id: i32,
        pub company_updated_at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
