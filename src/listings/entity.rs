//! The tables partner imports own. Their schema is created by `crate::db::migrations`.

pub mod batch {
    use sea_orm::entity::prelude::*;

    /// One uploaded file, from its preview to its commit (or refusal) and perhaps its undo.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "import_batches")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub exchange_mic: String,
        /// The partner (or operator) account; for the API, the token's owner.
        pub account_id: Option<i32>,
        /// The account's email when the batch was made, kept if the account goes.
        pub actor: String,
        /// `web` or `api`.
        pub channel: String,
        pub created_at: DateTimeUtc,
        pub file_name: String,
        pub file_size: i64,
        /// `csv`, `xlsx`, `json` or `html` once read; empty before.
        pub format: String,
        /// The text encoding the file was read in; none for XLSX, and before it is read.
        pub encoding: Option<String>,
        /// The file is the exchange's whole list: companies missing from it are delisted.
        pub full_list: bool,
        /// JSON: the field chosen for each header the aliases did not know, and the encoding
        /// the partner chose, as the preview last read the file.
        pub mapping: String,
        /// `preview`, `committed`, `refused`, `checked` (an API dry run) or `undone`.
        pub status: String,
        /// With the five below, the `listings::Counts` of the last preview, or of the commit.
        pub total: i32,
        pub created: i32,
        pub updated: i32,
        pub unchanged: i32,
        pub delisted: i32,
        pub rejected: i32,
        pub committed_at: Option<DateTimeUtc>,
        pub undone_at: Option<DateTimeUtc>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod file {
    use sea_orm::entity::prelude::*;

    /// A file exactly as uploaded, for the preview, the commit and the partner's download.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "import_files")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub batch_id: i32,
        /// 0: the companies; 1: their financial years, when they come in a file of their own.
        #[sea_orm(primary_key, auto_increment = false)]
        pub part: i16,
        pub file_name: String,
        pub bytes: Vec<u8>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod change {
    use sea_orm::entity::prelude::*;

    /// What a committed batch did to one company: its state before (none when the batch
    /// created it) and after, as `listings::snapshot::Snapshot` JSON.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "import_changes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub batch_id: i32,
        pub company_id: i32,
        /// `created`, `updated` or `delisted`.
        pub action: String,
        pub before: Option<String>,
        pub after: String,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod mapping {
    use sea_orm::entity::prelude::*;

    /// A header an exchange's files carry and the field it chose for it (`ignore` included),
    /// remembered for its next upload.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "import_mappings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub exchange_mic: String,
        /// The header as `listings::columns::normalize_header` writes it.
        #[sea_orm(primary_key, auto_increment = false)]
        pub header: String,
        pub field: String,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod api_token {
    use sea_orm::entity::prelude::*;

    /// A partner system's key to the listings API.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "api_tokens")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub account_id: i32,
        pub name: String,
        #[sea_orm(unique)]
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub last_used_at: Option<DateTimeUtc>,
        pub revoked_at: Option<DateTimeUtc>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
