//! The tables the zone owns. Their schema is created by `crate::db::migrations`.

pub mod exchange {
    use sea_orm::entity::prelude::*;

    /// A partner exchange, keyed by its ISO 10383 market identifier code.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "exchanges")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub mic: String,
        pub country: String,
        pub name_zh: String,
        pub name_en: String,
        pub name_ms: String,
        pub name_th: String,
        pub website: Option<String>,
        /// The exchange's liaison desk, shown only to verified enterprises, operators and the
        /// exchange's own partner accounts.
        pub liaison_name: Option<String>,
        pub liaison_email: Option<String>,
        pub liaison_phone: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}

    impl Model {
        pub fn name(&self, lang: crate::i18n::Lang) -> &str {
            use crate::i18n::Lang;
            match lang {
                Lang::Zh => &self.name_zh,
                Lang::En => &self.name_en,
                Lang::Ms => &self.name_ms,
                Lang::Th => &self.name_th,
            }
        }
    }
}

pub mod company {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "companies")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub exchange_mic: String,
        /// Always text: Bursa "1155", LEAP "03024", HKEX "00700" keep their leading zeros.
        pub symbol: String,
        pub market: String,
        pub industry: String,
        pub sector: String,
        /// ISO 3166-1 alpha-2.
        pub country: String,
        /// The language of the company's own (local) name, when it is one of ours.
        pub local_lang: Option<String>,
        pub website: Option<String>,
        /// Investor relations' e-mail, shown only where the exchange's liaison desk is.
        pub contact_email: Option<String>,
        pub listing_date: Option<Date>,
        pub green: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// Delisted by its exchange: out of the zone, kept for history and undo.
        pub delisted_at: Option<DateTimeUtc>,
    }

    impl ActiveModelBehavior for ActiveModel {}

    /// The companies the zone shows: every one its exchange has not delisted.
    pub fn listed() -> Select<Entity> {
        Entity::find().filter(Column::DelistedAt.is_null())
    }
}

pub mod company_text {
    use sea_orm::entity::prelude::*;

    /// A company's texts in one language; any field, or the whole row, may be missing.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "company_texts")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub company_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub lang: String,
        pub name: Option<String>,
        pub main_business: Option<String>,
        pub advantages: Option<String>,
        pub cooperation_note: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod cooperation_intent {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "cooperation_intents")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub company_id: i32,
        /// One of `crate::zone::INTENT_KINDS`.
        pub kind: String,
        pub target_industry: Option<String>,
        /// ISO 3166-1 alpha-2 of the region the company looks to.
        pub target_region: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod financial_year {
    use sea_orm::entity::prelude::*;

    /// Core financial data of one fiscal year. Amounts are whole multiples of `unit`
    /// (1 000 = thousands) in `currency` (ISO 4217), as companies report them.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "financial_years")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub company_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub fiscal_year: i32,
        pub currency: String,
        pub unit: i64,
        pub revenue: i64,
        pub net_profit: i64,
        pub total_assets: i64,
        pub total_equity: i64,
        /// Earnings per share in `currency` (not in `unit`).
        pub eps: Option<f64>,
        pub market_cap: Option<i64>,
        pub market_cap_date: Option<Date>,
        pub audited: bool,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod exchange_rate {
    use sea_orm::entity::prelude::*;

    /// How many yuan one unit of `currency` was worth on `as_of`.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "exchange_rates")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub currency: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub as_of: Date,
        pub cny_per_unit: f64,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod zone_facet {
    use sea_orm::entity::prelude::*;

    /// How many listed companies of exchange `exchange_mic` have `value` as their `facet`
    /// (`market`, `industry`, `country`, `intent`), or are green (`green`), have any intent
    /// (`any-intent`) or are listed at all (`all`), those three with an empty value. Written by
    /// `zone::facets::refresh` only.
    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "zone_facets")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub exchange_mic: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub facet: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub value: String,
        pub companies: i64,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
