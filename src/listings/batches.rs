//! Batches: a file kept with the choices made about it, planned again each time it is shown,
//! committed in one transaction, and undone in one.

use super::entity::{batch, change, file, mapping};
use super::mapping::Choices;
use super::plan::{self, Plan};
use super::read::{self, Document, ReadError};
use super::report::Context;
use super::snapshot::{self, Snapshot, Write};
use super::{BatchSummary, Counts};
use crate::i18n::{Lang, tr, tr_args};
use crate::platform::audit::{self, Actor};
use crate::web::error::Problem;
use crate::zone::entity::exchange;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait, UpdateMany,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

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

fn to_json<T: Serialize>(value: &T) -> String {
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
    let (doc, plan) = blocking(move || {
        let ctx = Context {
            mic: &mic,
            country: &country,
            lang,
            full_list,
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

/// Applies batch `id` in one transaction: every company it changes, or none. A batch with any
/// problem is refused, and stays a preview to fix.
pub async fn commit(
    db: &DatabaseConnection,
    id: i32,
    actor: &Actor,
    lang: Lang,
) -> Result<Counts, Problem> {
    // Read and planned before the transaction: a file's parsing must not hold the database's
    // write lock (SQLite has one). The transaction then checks that the plan still holds.
    let pending = find(db, id, None).await?.ok_or(Problem::NotFound)?;
    if pending.status != "preview" {
        return Err(Problem::Refused(tr(lang, "import-error-not-preview")));
    }
    let reading = read_and_plan(db, &pending, lang).await?;
    let (Ok(doc), Some(plan)) = (&reading.document, reading.plan) else {
        let reason = reading
            .document
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        return Err(Problem::Refused(tr_args(
            lang,
            "import-error-unreadable",
            &[("reason", reason.into())],
        )));
    };
    if plan.rejected() {
        return Err(Problem::Refused(tr_args(
            lang,
            "import-error-rejected-rows",
            &[("count", plan.counts.rejected.into())],
        )));
    }
    let tx = db.begin().await?;
    snapshot::lock_exchange(&tx, &pending.exchange_mic).await?;
    let committing =
        batch::Entity::update_many().col_expr(batch::Column::Status, "committing".into());
    let found = claim(&tx, id, committing, "preview", lang).await?;
    let stored = snapshot::load_exchange(&tx, &found.exchange_mic).await?;
    if !still_holds(&plan, &stored, found.full_list) {
        return Err(Problem::Refused(tr(lang, "import-error-changed-meanwhile")));
    }
    let changed: Vec<_> = plan.items.iter().filter(|i| i.changes()).collect();
    let writes: Vec<Write> = changed
        .iter()
        .map(|i| Write {
            id: i.id,
            before: i.before.as_ref(),
            after: &i.after,
        })
        .collect();
    let company_ids = snapshot::write_many(&tx, &found.exchange_mic, &writes).await?;
    let records: Vec<change::ActiveModel> = changed
        .iter()
        .zip(company_ids)
        .map(|(item, company_id)| change::ActiveModel {
            id: NotSet,
            batch_id: Set(id),
            company_id: Set(company_id),
            action: Set(match (&item.before, item.row) {
                (None, _) => "created",
                (Some(_), None) => "delisted",
                (Some(_), Some(_)) => "updated",
            }
            .into()),
            before: Set(item.before.as_ref().map(to_json)),
            after: Set(to_json(&item.after)),
        })
        .collect();
    for chunk in records.chunks(500) {
        change::Entity::insert_many(chunk.to_vec())
            .exec(&tx)
            .await?;
    }
    let counts = plan.counts;
    let mut done = counted(id, counts);
    done.status = Set("committed".into());
    done.format = Set(doc.format.code().into());
    done.encoding = Set(doc.encoding.clone());
    done.committed_at = Set(Some(Utc::now()));
    done.update(&tx).await?;
    audit::record(
        &tx,
        actor,
        "import.commit",
        &format!("batch:{id}"),
        Some(summary(&counts)),
    )
    .await?;
    tx.commit().await?;
    Ok(counts)
}

/// The batch's counts, as an update of its row.
fn counted(id: i32, c: Counts) -> batch::ActiveModel {
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

fn summary(c: &Counts) -> String {
    format!(
        "created {}, updated {}, unchanged {}, delisted {}, rejected {}",
        c.created, c.updated, c.unchanged, c.delisted, c.rejected
    )
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

/// Restores every company batch `id` changed to its state before, in one transaction — unless
/// one of them changed again since, which the partner must sort out first.
pub async fn undo(
    db: &DatabaseConnection,
    id: i32,
    actor: &Actor,
    lang: Lang,
) -> Result<(), Problem> {
    let tx = db.begin().await?;
    let undone = batch::Entity::update_many()
        .col_expr(batch::Column::Status, "undone".into())
        .col_expr(batch::Column::UndoneAt, Some(Utc::now()).into());
    let found = claim(&tx, id, undone, "committed", lang).await?;
    snapshot::lock_exchange(&tx, &found.exchange_mic).await?;
    let changes = change::Entity::find()
        .filter(change::Column::BatchId.eq(id))
        .order_by_desc(change::Column::Id)
        .all(&tx)
        .await?;
    let stored = snapshot::load_exchange(&tx, &found.exchange_mic).await?;
    let now_by_id: std::collections::HashMap<i32, &Snapshot> =
        stored.values().map(|s| (s.id, &s.snapshot)).collect();
    let mut moved_on = Vec::new();
    for c in &changes {
        let after: Snapshot = serde_json::from_str(&c.after).map_err(json_problem)?;
        if now_by_id.get(&c.company_id) != Some(&&after) {
            moved_on.push(after.symbol.clone());
        }
    }
    if !moved_on.is_empty() {
        return Err(Problem::Refused(tr_args(
            lang,
            "import-error-changed-since",
            &[("symbols", moved_on.join(", ").into())],
        )));
    }
    let mut restored = Vec::new();
    for c in &changes {
        match &c.before {
            None => snapshot::remove(&tx, c.company_id).await?,
            Some(before) => {
                let before: Snapshot = serde_json::from_str(before).map_err(json_problem)?;
                restored.push((c.company_id, before));
            }
        }
    }
    let writes: Vec<Write> = restored
        .iter()
        .map(|(id, before)| Write {
            id: Some(*id),
            before: now_by_id.get(id).copied(),
            after: before,
        })
        .collect();
    snapshot::write_many(&tx, &found.exchange_mic, &writes).await?;
    audit::record(&tx, actor, "import.undo", &format!("batch:{id}"), None).await?;
    tx.commit().await?;
    Ok(())
}

/// A stored snapshot that no longer parses is a storage fault, not the partner's.
/// Claims batch `id` inside `tx` by `update` (its new status), if its status is `from`; else
/// refuses with `import-error-not-{from}`. The claim comes first, so that a second commit or
/// undo of the same batch waits here, then finds it no longer `from`.
/// Whether every company the plan touches is still as the plan found it, and, for a full list,
/// no company it would leave out was listed since.
fn still_holds(plan: &Plan, stored: &HashMap<String, snapshot::Stored>, full_list: bool) -> bool {
    let now = |symbol: &str| stored.get(symbol).map(|s| (s.id, &s.snapshot));
    let touched_as_planned = plan
        .items
        .iter()
        .all(|item| now(&item.after.symbol) == item.id.zip(item.before.as_ref()));
    let named: HashSet<&str> = plan.items.iter().map(|i| i.after.symbol.as_str()).collect();
    let none_new = !full_list
        || stored
            .iter()
            .all(|(symbol, s)| s.snapshot.delisted || named.contains(symbol.as_str()));
    touched_as_planned && none_new
}

async fn claim(
    tx: &impl ConnectionTrait,
    id: i32,
    update: UpdateMany<batch::Entity>,
    from: &str,
    lang: Lang,
) -> Result<batch::Model, Problem> {
    let claimed = update
        .filter(batch::Column::Id.eq(id))
        .filter(batch::Column::Status.eq(from))
        .exec(tx)
        .await?;
    let Some(found) = batch::Entity::find_by_id(id).one(tx).await? else {
        return Err(Problem::NotFound);
    };
    if claimed.rows_affected != 1 {
        let message = tr(lang, &format!("import-error-not-{from}"));
        return Err(Problem::Refused(message));
    }
    Ok(found)
}

fn json_problem(err: serde_json::Error) -> Problem {
    Problem::Db(DbErr::Json(err.to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listings::plan::Planned;
    use crate::listings::snapshot::Stored;

    fn company(symbol: &str, website: &str) -> Snapshot {
        Snapshot {
            symbol: symbol.into(),
            website: Some(website.into()),
            ..Snapshot::default()
        }
    }

    fn plan_updating(symbol: &str) -> Plan {
        Plan {
            items: vec![Planned {
                row: Some(2),
                id: Some(1),
                before: Some(company(symbol, "https://old.example/")),
                after: company(symbol, "https://new.example/"),
            }],
            problems: Vec::new(),
            warnings: Vec::new(),
            unmapped: Vec::new(),
            counts: Counts::default(),
        }
    }

    fn stored(entries: &[(i32, Snapshot)]) -> HashMap<String, Stored> {
        entries
            .iter()
            .map(|(id, s)| {
                let stored = Stored {
                    id: *id,
                    snapshot: s.clone(),
                };
                (s.symbol.clone(), stored)
            })
            .collect()
    }

    #[test]
    fn a_plan_holds_only_while_what_it_touches_is_as_it_found_it() {
        let plan = plan_updating("PTT");
        let same = stored(&[(1, company("PTT", "https://old.example/"))]);
        assert!(still_holds(&plan, &same, false));
        let edited = stored(&[(1, company("PTT", "https://edited.example/"))]);
        assert!(!still_holds(&plan, &edited, false));
        let recreated = stored(&[(7, company("PTT", "https://old.example/"))]);
        assert!(!still_holds(&plan, &recreated, false));
        // A full list must not leave out a company listed since its preview.
        let more = stored(&[
            (1, company("PTT", "https://old.example/")),
            (2, company("AOT", "https://aot.example/")),
        ]);
        assert!(still_holds(&plan, &more, false));
        assert!(!still_holds(&plan, &more, true));
    }
}
