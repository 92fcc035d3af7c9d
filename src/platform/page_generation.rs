//! The generation of the public pages: a number in the database that every write to what
//! anonymous visitors see raises, in the writer's own transaction. Each app instance's page
//! cache (`web::page_cache`) reads it before it answers from a copy, so a write on any instance
//! makes every copy everywhere stale at once, and a write rolled back makes nothing stale.

use super::entity::page_generation::{Column, Entity};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, EntityTrait};
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

/// Marks every public page stale. Call it inside the transaction of a write to companies,
/// exchanges, or any figure a public page shows.
pub async fn bump(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let raised = Entity::update_many()
        .col_expr(Column::Value, Expr::col(Column::Value).add(1))
        .exec(db)
        .await?;
    // Without its row the generation would never move, and copies would never go stale.
    if raised.rows_affected != 1 {
        return Err(DbErr::RecordNotUpdated);
    }
    Ok(())
}

/// The generation now; an error if its row is missing, so that nothing is served from a copy.
pub async fn current(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let row = Entity::find_by_id(1).one(db).await?;
    row.map(|g| g.value)
        .ok_or(DbErr::RecordNotFound("page_generation".into()))
}

/// Reads of the generation shared by the requests that wait for one at the same time. Each
/// request is answered by a read that began after it arrived, so it sees every write committed
/// before it, exactly as a read of its own would; but the requests that arrive while a read is
/// under way all take the next one, instead of one read each. Under load that is one query per
/// round trip to the database rather than one per request.
#[derive(Clone)]
pub struct SharedReads {
    db: DatabaseConnection,
    state: Arc<Mutex<Reads>>,
    done: Arc<Notify>,
}

/// A read that hangs (a lost connection) must not hold every waiting request for longer.
const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// Records a read's outcome and wakes its waiters however the read ends: with a value, an
/// error, a timeout or a panic. Otherwise no further read would begin.
struct Finish {
    reads: SharedReads,
    number: u64,
    found: Result<i64, String>,
}

impl Finish {
    fn record(&mut self, found: Result<i64, String>) {
        self.found = found;
    }
}

impl Drop for Finish {
    fn drop(&mut self) {
        let mut reads = self.reads.reads();
        reads.finished = self.number;
        reads.last = Some(std::mem::replace(&mut self.found, Err(String::new())));
        drop(reads);
        self.reads.done.notify_waiters();
    }
}

#[derive(Default)]
struct Reads {
    /// Reads begun and finished so far, numbered from 1.
    begun: u64,
    finished: u64,
    /// What the last finished read found (an error as its text: `DbErr` does not clone).
    last: Option<Result<i64, String>>,
}

impl SharedReads {
    pub fn new(db: DatabaseConnection) -> SharedReads {
        SharedReads {
            db,
            state: Arc::new(Mutex::new(Reads::default())),
            done: Arc::new(Notify::new()),
        }
    }

    fn reads(&self) -> std::sync::MutexGuard<'_, Reads> {
        // Plain numbers behind the lock: still right after a panic elsewhere.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The generation as a read begun after this call finds it.
    pub async fn current(&self) -> Result<i64, DbErr> {
        let needed = self.reads().begun + 1;
        loop {
            // Registered before the state is looked at, so that no finish is missed.
            let finished = self.done.notified();
            {
                let mut reads = self.reads();
                if reads.finished >= needed {
                    let last = reads.last.clone().unwrap_or(Err(String::new()));
                    return last.map_err(DbErr::Custom);
                }
                if reads.begun == reads.finished {
                    reads.begun += 1;
                    let number = reads.begun;
                    // On a task of its own: a request that goes away must not take the read,
                    // which others wait for, with it.
                    let mut finish = Finish {
                        reads: self.clone(),
                        number,
                        found: Err("the read of the page generation stopped".into()),
                    };
                    tokio::spawn(async move {
                        let read = tokio::time::timeout(READ_TIMEOUT, current(&finish.reads.db));
                        finish.record(match read.await {
                            Ok(found) => found.map_err(|e| e.to_string()),
                            Err(_) => Err("the page generation took too long to read".into()),
                        });
                    });
                }
            }
            finished.await;
        }
    }
}
