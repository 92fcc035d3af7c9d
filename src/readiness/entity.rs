//! The table readiness owns. Its schema is created by `crate::db::migrations`.

pub mod assessment {
    use sea_orm::entity::prelude::*;

    /// One self-assessment an enterprise took; a retake is a new row, so the history stays.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "readiness_assessments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub account_id: i32,
        /// One digit per statement, its level (`readiness::evaluate::Answers`).
        pub answers: String,
        pub created_at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
