//! Commit and undo: each applies a batch, or takes it back, in one transaction.

use super::Counts;
use super::batches::{counted, find, read_and_plan, to_json};
use super::entity::{batch, change};
use super::plan::Plan;
use super::snapshot::{self, Snapshot};
use super::store::{self, Write};
use crate::i18n::{Lang, tr, tr_args};
use crate::platform::audit::{self, Actor};
use crate::web::error::Problem;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait, UpdateMany,
};
use std::collections::{HashMap, HashSet};

/// Applies batch `id` in one transaction: every company it changes, or none. A batch with any
/// problem is refused, and stays a preview to fix.
pub async fn commit(
    db: &DatabaseConnection,
    id: i32,
    actor: &Actor,
    lang: Lang,
) -> Result<Counts, Problem> {
    let planned = plan_commit(db, id, lang).await?;
    write_commit(db, planned, actor, lang).await
}

/// A batch read and planned for its commit, not yet written.
pub struct PlannedCommit {
    id: i32,
    exchange_mic: String,
    format: &'static str,
    encoding: Option<String>,
    plan: Plan,
}

/// The commit's first half: reads and plans batch `id`, refusing it if anything is wrong. Before
/// the transaction, because a file's parsing must not hold the database's write lock (SQLite
/// has one); [`write_commit`] then checks that the plan still holds.
pub async fn plan_commit(
    db: &DatabaseConnection,
    id: i32,
    lang: Lang,
) -> Result<PlannedCommit, Problem> {
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
    Ok(PlannedCommit {
        id,
        exchange_mic: pending.exchange_mic,
        format: doc.format.code(),
        encoding: doc.encoding.clone(),
        plan,
    })
}

/// The commit's second half: the planned batch written in one transaction, if the exchange is
/// still as the plan found it.
pub async fn write_commit(
    db: &DatabaseConnection,
    planned: PlannedCommit,
    actor: &Actor,
    lang: Lang,
) -> Result<Counts, Problem> {
    let PlannedCommit {
        id,
        exchange_mic,
        format,
        encoding,
        plan,
    } = planned;
    let tx = db.begin().await?;
    snapshot::lock_exchange(&tx, &exchange_mic).await?;
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
    let company_ids = store::write_many(&tx, &found.exchange_mic, &writes).await?;
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
    store::insert_rows(&tx, records).await?;
    let counts = plan.counts;
    let mut done = counted(id, counts);
    done.status = Set("committed".into());
    done.format = Set(format.into());
    done.encoding = Set(encoding);
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

fn summary(c: &Counts) -> String {
    format!(
        "created {}, updated {}, unchanged {}, delisted {}, rejected {}",
        c.created, c.updated, c.unchanged, c.delisted, c.rejected
    )
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
    let mut created = Vec::new();
    let mut restored = Vec::new();
    for c in &changes {
        match &c.before {
            None => created.push(c.company_id),
            Some(before) => {
                let before: Snapshot = serde_json::from_str(before).map_err(json_problem)?;
                restored.push((c.company_id, before));
            }
        }
    }
    store::remove_many(&tx, &found.exchange_mic, &created).await?;
    let writes: Vec<Write> = restored
        .iter()
        .map(|(id, before)| Write {
            id: Some(*id),
            before: now_by_id.get(id).copied(),
            after: before,
        })
        .collect();
    store::write_many(&tx, &found.exchange_mic, &writes).await?;
    audit::record(&tx, actor, "import.undo", &format!("batch:{id}"), None).await?;
    tx.commit().await?;
    Ok(())
}

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

/// Claims batch `id` inside `tx` by `update` (its new status), if its status is `from`; else
/// refuses with `import-error-not-{from}`. The claim comes first, so that a second commit or
/// undo of the same batch waits here, then finds it no longer `from`.
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

/// A stored snapshot that no longer parses is a storage fault, not the partner's.
fn json_problem(err: serde_json::Error) -> Problem {
    Problem::Db(DbErr::Json(err.to_string()))
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
