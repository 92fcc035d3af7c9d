//! Batches: a file kept with the choices made about it, planned again each time it is shown,
//! committed in one transaction, and undone in one.

use super::entity::{batch, file, mapping};
use super::mapping::Choices;
use super::plan::{self, Plan};
use super::read::{self, Document, ReadError};
use super::report::{Context, Progress};
use super::snapshot;
use super::{BatchSummary, Counts};
use crate::i18n::Lang;
use crate::platform::audit::{self, Actor};
use crate::zone::entity::exchange;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// What the partner decided about a batch's file: an encoding, and fields for columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decisions {
    pub encoding: Option<String>,
    pub columns: Choices,
}

/// Who sends a file.
pub struct Sender<'a> {
    pub exchange_mic: &'a str,
    pub actor: &'a Actor,
    /// `web` or `api`.
    pub channel: &'static str,
}

/// The files of a new batch: the companies, and perhaps their financial years apart.
pub struct Upload {
    /// (file name as sent, bytes); one or two.
    pub files: Vec<(String, Vec<u8>)>,
    pub full_list: bool,
    pub decisions: Decisions,
}

/// Keeps `upload` as a new batch in preview; its id.
pub async fn create(
    db: &DatabaseConnection,
    sender: &Sender<'_>,
    upload: Upload,
) -> Result<i32, DbErr> {
    let main = upload.files.first().map_or("", |(name, _)| name.as_str());
    let size: usize = upload.files.iter().map(|(_, bytes)| bytes.len()).sum();
    let tx = db.begin().await?;
    let id = batch::ActiveModel {
        id: NotSet,
        exchange_mic: Set(sender.exchange_mic.to_owned()),
        account_id: Set(sender.actor.id),
        actor: Set(sender.actor.label.clone()),
        channel: Set(sender.channel.to_owned()),
        created_at: Set(Utc::now()),
        file_name: Set(file_name(main)),
        file_size: Set(i64::try_from(size).unwrap_or(i64::MAX)),
        format: Set(String::new()),
        encoding: Set(None),
        full_list: Set(upload.full_list),
        mapping: Set(to_json(&upload.decisions)),
        status: Set("preview".into()),
        total: Set(0),
        created: Set(0),
        updated: Set(0),
        unchanged: Set(0),
        delisted: Set(0),
        rejected: Set(0),
        committed_at: Set(None),
        undone_at: Set(None),
    }
    .insert(&tx)
    .await?
    .id;
    for (part, (name, bytes)) in (0i16..).zip(upload.files) {
        file::ActiveModel {
            batch_id: Set(id),
            part: Set(part),
            file_name: Set(file_name(&name)),
            bytes: Set(bytes),
        }
        .insert(&tx)
        .await?;
    }
    audit::record(
        &tx,
        sender.actor,
        "import.upload",
        &format!("batch:{id}"),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A name fit to show and to download under: its last path segment, printable, bounded.
fn file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(120)
        .collect();
    if clean.trim().is_empty() {
        "upload".into()
    } else {
        clean
    }
}

pub(super) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serializes")
}

pub fn decisions(batch: &batch::Model) -> Decisions {
    serde_json::from_str(&batch.mapping).unwrap_or_default()
}

/// A batch, if it belongs to `mic` (operators see every exchange's: `mic` None).
pub async fn find(
    db: &impl ConnectionTrait,
    id: i32,
    mic: Option<&str>,
) -> Result<Option<batch::Model>, DbErr> {
    let found = batch::Entity::find_by_id(id).one(db).await?;
    Ok(found.filter(|b| mic.is_none_or(|m| b.exchange_mic == m)))
}

/// The batch's files as uploaded, the companies first.
pub async fn files(db: &impl ConnectionTrait, id: i32) -> Result<Vec<file::Model>, DbErr> {
    file::Entity::find()
        .filter(file::Column::BatchId.eq(id))
        .order_by_asc(file::Column::Part)
        .all(db)
        .await
}

/// One of the batch's files as uploaded.
pub async fn file(
    db: &impl ConnectionTrait,
    id: i32,
    part: i16,
) -> Result<Option<file::Model>, DbErr> {
    file::Entity::find_by_id((id, part)).one(db).await
}

/// The names of the batch's files by part, without their bytes.
pub async fn file_names(db: &impl ConnectionTrait, id: i32) -> Result<Vec<(i16, String)>, DbErr> {
    file::Entity::find()
        .select_only()
        .columns([file::Column::Part, file::Column::FileName])
        .filter(file::Column::BatchId.eq(id))
        .order_by_asc(file::Column::Part)
        .into_tuple()
        .all(db)
        .await
}

/// All files of a batch read as one document: the first file's format and encoding, every
/// file's sheets.
fn read_all(files: &[file::Model], encoding: Option<&str>) -> Result<Document, ReadError> {
    let mut parts = files
        .iter()
        .map(|f| read::read(&f.bytes, encoding, &read::limits()));
    let mut document = parts.next().unwrap_or(Err(ReadError::Empty))?;
    for part in parts {
        document.sheets.extend(part?.sheets);
    }
    Ok(document)
}

/// The batch's file read with its decisions and planned against the exchange as it is now.
pub struct Reading {
    pub document: Result<Document, ReadError>,
    pub plan: Option<Plan>,
}

pub async fn read_and_plan(
    db: &impl ConnectionTrait,
    batch: &batch::Model,
    lang: Lang,
) -> Result<Reading, DbErr> {
    read_and_plan_counting(db, batch, lang, Arc::default()).await
}

/// Readings at once, across previews, uploads and commits: each holds a file's bytes and cells
/// in memory and keeps a core busy, so more than one per core would only queue on the cores
/// while holding more memory.
static READINGS: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// [`read_and_plan`], counting in `progress` how far it got.
pub async fn read_and_plan_counting(
    db: &impl ConnectionTrait,
    batch: &batch::Model,
    lang: Lang,
    progress: Arc<Progress>,
) -> Result<Reading, DbErr> {
    let _turn = READINGS
        .acquire()
        .await
        .map_err(|err| DbErr::Custom(format!("readings closed: {err}")))?;
    let decisions = decisions(batch);
    let files = files(db, batch.id).await?;
    // Reading and checking 20,000 rows is CPU work: off the async workers.
    let encoding = decisions.encoding.clone();
    let document = blocking(move || read_all(&files, encoding.as_deref())).await?;
    let Ok(doc) = document else {
        return Ok(Reading {
            document,
            plan: None,
        });
    };
    let choices = decisions
        .columns
        .or(&remembered(db, &batch.exchange_mic).await?);
    let country = exchange::Entity::find_by_id(&batch.exchange_mic)
        .one(db)
        .await?
        .map(|e| e.country)
        .unwrap_or_default();
    let stored = snapshot::load_exchange(db, &batch.exchange_mic).await?;
    let (mic, full_list) = (batch.exchange_mic.clone(), batch.full_list);
    progress.read(doc.sheets.iter().map(|s| s.rows.len()).sum());
    let (doc, plan) = blocking(move || {
        let ctx = Context {
            mic: &mic,
            country: &country,
            lang,
            full_list,
            progress: &progress,
        };
        let plan = plan::plan(&doc, &choices, &stored, &ctx);
        (doc, plan)
    })
    .await?;
    Ok(Reading {
        document: Ok(doc),
        plan: Some(plan),
    })
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, DbErr> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| DbErr::Custom(format!("reading a file stopped: {err}")))
}

/// The choices an exchange made for its earlier files.
async fn remembered(db: &impl ConnectionTrait, mic: &str) -> Result<Choices, DbErr> {
    let rows = mapping::Entity::find()
        .filter(mapping::Column::ExchangeMic.eq(mic))
        .all(db)
        .await?;
    Ok(Choices(
        rows.into_iter().map(|m| (m.header, m.field)).collect(),
    ))
}

/// Records the partner's decisions on the batch and, for columns, for the exchange's next files.
pub async fn decide(
    db: &DatabaseConnection,
    batch: &batch::Model,
    decisions: Decisions,
    actor: &Actor,
) -> Result<(), DbErr> {
    let tx = db.begin().await?;
    let detail = format!("{} columns", decisions.columns.0.len());
    audit::record(
        &tx,
        actor,
        "import.mapping",
        &format!("batch:{}", batch.id),
        Some(detail),
    )
    .await?;
    for (header, field) in &decisions.columns.0 {
        mapping::Entity::insert(mapping::ActiveModel {
            exchange_mic: Set(batch.exchange_mic.clone()),
            header: Set(header.clone()),
            field: Set(field.clone()),
        })
        .on_conflict(
            OnConflict::columns([mapping::Column::ExchangeMic, mapping::Column::Header])
                .update_column(mapping::Column::Field)
                .to_owned(),
        )
        .exec(&tx)
        .await?;
    }
    let mut merged = decisions;
    let old = self::decisions(batch);
    merged.columns = merged.columns.or(&old.columns);
    batch::ActiveModel {
        id: Set(batch.id),
        mapping: Set(to_json(&merged)),
        ..Default::default()
    }
    .update(&tx)
    .await?;
    tx.commit().await
}

/// The batch's counts, as an update of its row.
pub(super) fn counted(id: i32, c: Counts) -> batch::ActiveModel {
    let n = |v: usize| Set(i32::try_from(v).unwrap_or(i32::MAX));
    batch::ActiveModel {
        id: Set(id),
        total: n(c.total),
        created: n(c.created),
        updated: n(c.updated),
        unchanged: n(c.unchanged),
        delisted: n(c.delisted),
        rejected: n(c.rejected),
        ..Default::default()
    }
}

/// Records what a read or a plan found, for the history (a preview that was never committed
/// still shows its counts and format).
pub async fn note_preview(
    db: &impl ConnectionTrait,
    batch: &batch::Model,
    reading: &Reading,
) -> Result<(), DbErr> {
    let mut row = counted(
        batch.id,
        reading.plan.as_ref().map(|p| p.counts).unwrap_or_default(),
    );
    if let Ok(doc) = &reading.document {
        row.format = Set(doc.format.code().into());
        row.encoding = Set(doc.encoding.clone());
    }
    batch::Entity::update_many()
        .set(row)
        .filter(batch::Column::Id.eq(batch.id))
        .filter(batch::Column::Status.eq("preview"))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends a batch that will not be committed: `refused` (it had problems) or `checked` (a dry
/// run).
pub async fn close(db: &impl ConnectionTrait, id: i32, status: &str) -> Result<(), DbErr> {
    batch::Entity::update_many()
        .col_expr(batch::Column::Status, status.into())
        .filter(batch::Column::Id.eq(id))
        .filter(batch::Column::Status.eq("preview"))
        .exec(db)
        .await?;
    Ok(())
}

/// The latest batches of exchange `mic`, newest first.
pub async fn history(
    db: &impl ConnectionTrait,
    mic: &str,
    limit: u64,
) -> Result<Vec<BatchSummary>, DbErr> {
    let rows = batch::Entity::find()
        .filter(batch::Column::ExchangeMic.eq(mic))
        .order_by_desc(batch::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows.iter().map(summarize).collect())
}

pub fn summarize(b: &batch::Model) -> BatchSummary {
    let n = |v: i32| usize::try_from(v).unwrap_or(0);
    BatchSummary {
        id: b.id,
        exchange_mic: b.exchange_mic.clone(),
        created_at: stamp(b.created_at),
        actor: b.actor.clone(),
        channel: b.channel.clone(),
        file_name: b.file_name.clone(),
        file_size: b.file_size,
        format: b.format.clone(),
        encoding: b.encoding.clone(),
        full_list: b.full_list,
        status: b.status.clone(),
        counts: Counts {
            total: n(b.total),
            created: n(b.created),
            updated: n(b.updated),
            unchanged: n(b.unchanged),
            delisted: n(b.delisted),
            rejected: n(b.rejected),
        },
    }
}

pub fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}
