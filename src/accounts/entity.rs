//! The tables accounts own. Their schema is created by `crate::db::migrations`.

pub mod account {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "accounts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// Stored lower-cased: one account per address, however it is typed.
        pub email: String,
        pub password_hash: String,
        /// `enterprise`, `partner` or `operator` (`Role::code`).
        pub role: String,
        /// `pending`, `verified`, `rejected` or `suspended` (`Status::code`).
        pub status: String,
        /// Why an operator rejected or suspended the account.
        pub status_reason: Option<String>,
        /// The language emails to this account are written in.
        pub lang: String,
        /// The exchange a partner account speaks for; none for the other roles.
        pub exchange_mic: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// Set on accounts whose first password someone else chose.
        pub must_change_password: bool,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod enterprise {
    use sea_orm::entity::prelude::*;

    /// A domestic enterprise's registration, one per enterprise account.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "enterprises")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub account_id: i32,
        pub name_zh: String,
        pub name_en: Option<String>,
        /// Unified Social Credit Code, upper case, checksum verified.
        pub uscc: String,
        /// One of `accounts::ENTERPRISE_KINDS`.
        pub kind: String,
        /// One of `zone::INDUSTRIES`.
        pub industry: String,
        /// GB/T 2260 province code.
        pub region: String,
        pub contact_name: String,
        pub phone: String,
        pub terms_accepted_at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod session {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        /// SHA-256 (hex) of the token in the cookie.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub account_id: i32,
        pub created_at: DateTimeUtc,
        pub last_seen_at: DateTimeUtc,
        /// The client's address at sign-in, when known.
        pub ip: Option<String>,
        /// The browser's `User-Agent` at sign-in, cut to 255 characters, if it sent a readable one.
        pub user_agent: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod password_reset {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "password_resets")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub account_id: i32,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        /// When the link was used: each works once.
        pub used_at: Option<DateTimeUtc>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
