//! The tables accounts own. Their schema is created by `crate::db::migrations`.

pub mod account {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "accounts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// Stored lower-cased: one account per address, however it is typed.
        pub email: String,
        pub password_hash: String,
        pub role: String,
        pub status: String,
        /// Why an operator rejected or suspended the account.
        pub status_reason: Option<String>,
        /// The language emails to this account are written in.
        pub lang: String,
        pub exchange_mic: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// Set on accounts whose first password someone else chose.
        pub must_change_password: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod enterprise {
    use sea_orm::entity::prelude::*;

    /// A domestic enterprise's registration, one per enterprise account.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "enterprises")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub account_id: i32,
        pub name_zh: String,
        pub name_en: Option<String>,
        /// Unified Social Credit Code, upper case, checksum verified.
        pub uscc: String,
        pub kind: String,
        pub industry: String,
        /// GB/T 2260 province code.
        pub region: String,
        pub contact_name: String,
        pub phone: String,
        pub terms_accepted_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        /// SHA-256 (hex) of the token in the cookie.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub account_id: i32,
        pub created_at: DateTimeUtc,
        pub last_seen_at: DateTimeUtc,
        pub ip: Option<String>,
        pub user_agent: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod password_reset {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "password_resets")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub account_id: i32,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod outbox {
    use sea_orm::entity::prelude::*;

    /// An email waiting for (or past) delivery, already in the recipient's language.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbox")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub recipient: String,
        pub lang: String,
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

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod audit {
    use sea_orm::entity::prelude::*;

    /// A sensitive action: who, what, when, from where.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub at: DateTimeUtc,
        pub actor_id: Option<i32>,
        /// The actor's email, `cli` or `anonymous`, kept even if the account goes.
        pub actor: String,
        pub action: String,
        pub target: String,
        pub ip: Option<String>,
        pub detail: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod rate_event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rate_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub key: String,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
