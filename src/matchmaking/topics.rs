//! The topics of each company, read from its texts through `zone::taxonomy` into
//! `company_topics`, which recommendations draw their candidates from: every minute, and only
//! for the companies whose row changed since they were last read.

use super::entity::{company_topic, company_topic_read};
use crate::zone::{lookup, taxonomy};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::collections::HashMap;

/// Companies whose topics are read in one transaction.
const READ_CHUNK: usize = 500;

/// Reads the topics of every company whose row changed since they were last read (all of them
/// the first time); the number read. Instances may run it at once: a row another wrote first
/// is left as it is.
pub async fn read_topics(db: &DatabaseConnection) -> Result<usize, DbErr> {
    let read: HashMap<i32, DateTime<Utc>> = company_topic_read::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.company_id, r.company_updated_at))
        .collect();
    let stale: Vec<i32> = lookup::versions(db)
        .await?
        .into_iter()
        .filter(|(id, version)| read.get(id) != Some(version))
        .map(|(id, _)| id)
        .collect();
    for chunk in stale.chunks(READ_CHUNK) {
        let txn = db.begin().await?;
        company_topic::Entity::delete_many()
            .filter(company_topic::Column::CompanyId.is_in(chunk.iter().copied()))
            .exec(&txn)
            .await?;
        company_topic_read::Entity::delete_many()
            .filter(company_topic_read::Column::CompanyId.is_in(chunk.iter().copied()))
            .exec(&txn)
            .await?;
        let mut topics = Vec::new();
        let mut reads = Vec::new();
        for c in lookup::described(&txn, chunk).await? {
            for topic in taxonomy::topics_of(&c.industry, Some(&c.sector), &c.text) {
                topics.push(company_topic::ActiveModel {
                    company_id: Set(c.id),
                    topic: Set(topic),
                });
            }
            reads.push(company_topic_read::ActiveModel {
                company_id: Set(c.id),
                company_updated_at: Set(c.version),
            });
        }
        if !topics.is_empty() {
            company_topic::Entity::insert_many(topics)
                .on_conflict(
                    OnConflict::columns([
                        company_topic::Column::CompanyId,
                        company_topic::Column::Topic,
                    ])
                    .do_nothing()
                    .to_owned(),
                )
                .exec_without_returning(&txn)
                .await?;
        }
        if !reads.is_empty() {
            company_topic_read::Entity::insert_many(reads)
                .on_conflict(
                    OnConflict::column(company_topic_read::Column::CompanyId)
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(&txn)
                .await?;
        }
        txn.commit().await?;
    }
    Ok(stale.len())
}

/// Runs [`read_topics`] now and then every minute for as long as the server runs.
pub fn start_reading_topics(db: DatabaseConnection) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            match read_topics(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!("topics read for {n} companies"),
                Err(err) => tracing::warn!(error = %err, "reading company topics"),
            }
        }
    });
}
