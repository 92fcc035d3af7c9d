//! The tables the platform services own: the email outbox, the audit log and rate-limit events.
//! Their schema is created by `crate::db::migrations`.

pub mod outbox {
    use sea_orm::entity::prelude::*;

    /// An email waiting for (or past) delivery, already in the recipient's language.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbox")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub recipient: String,
        /// The code of the language it is written in.
        pub lang: String,
        /// Which mail it is: its texts are the messages `mail-{kind}-subject` and `-body`.
        pub kind: String,
        pub subject: String,
        pub body: String,
        pub created_at: DateTimeUtc,
        pub sent_at: Option<DateTimeUtc>,
        /// Failed attempts to send it so far.
        pub attempts: i32,
        /// Not before this time, after a failure; none: as soon as possible.
        pub next_attempt_at: Option<DateTimeUtc>,
        /// The app instance sending it holds it until then (see `platform::delivery`).
        pub claimed_until: Option<DateTimeUtc>,
        /// Why the last attempt failed, as the mail server or the network said.
        pub last_error: Option<String>,
        /// Given up: too many failures, or an address no server could take.
        pub failed_at: Option<DateTimeUtc>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod audit {
    use sea_orm::entity::prelude::*;

    /// A sensitive action: who, what, when, from where.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub at: DateTimeUtc,
        pub actor_id: Option<i32>,
        /// The actor's email, `cli` or `anonymous`, kept even if the account goes.
        pub actor: String,
        /// `{what}.{verb}`: `login.failed`, `import.commit`, `token.revoke` …
        pub action: String,
        pub target: String,
        pub ip: Option<String>,
        pub detail: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod rate_event {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rate_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// What is limited, for whom: `login:ip:{address}`, `api:token:{id}` …; one longer than
        /// 120 bytes as `sha256:` and its digest.
        pub key: String,
        pub at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod page_generation {
    use sea_orm::entity::prelude::*;

    /// One row (`id` 1): see `platform::page_generation`.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "page_generation")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub value: i64,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
