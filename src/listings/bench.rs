//! `vnext bench-import`: imports generated companies with their financial years through the
//! real path (read, plan, commit in one transaction) and, on a second database, writes the same
//! companies the naive way, one statement per row. Run by `cargo make bench`.

use super::apply;
use super::batches::{self, Decisions, Sender, Upload};
use super::snapshot::{Snapshot, load_exchange};
use super::store::{company_row, text_row, year_row};
use crate::i18n::Lang;
use crate::platform::audit::Actor;
use crate::zone::INDUSTRIES;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, Set, TransactionTrait};
use serde::Serialize;
use std::time::Instant;

/// The exchange the generated companies list on.
const MIC: &str = "XBKK";

#[derive(Debug, Serialize)]
pub struct Report {
    pub companies: usize,
    pub years: usize,
    /// Companies plus financial years: the rows a partner's files hold.
    pub rows: usize,
    pub bytes: usize,
    /// Reading and checking the files and comparing them with the exchange (the preview).
    pub preview_ms: f64,
    /// The commit: reading, checking and planning again, then writing everything in one
    /// transaction.
    pub commit_ms: f64,
    /// The commit's transaction alone (`apply::write_commit`).
    pub write_ms: f64,
    pub rows_per_second: f64,
    /// The same companies written one statement per row, in one transaction.
    pub naive_ms: f64,
    /// How many times faster the commit's transaction is than the naive one.
    pub speedup: f64,
    /// The same, counting the reading and checking on both sides: preview + naive vs commit.
    pub end_to_end_speedup: f64,
    /// The process's peak resident memory after the import (VmHWM).
    pub peak_rss_mb: f64,
}

/// Symbol of the i-th generated company: `B` and four letters, as SET writes them.
fn symbol(i: usize) -> String {
    let mut s = String::from("B");
    let mut n = i;
    for _ in 0..4 {
        s.push((b'A' + (n % 26) as u8) as char);
        n /= 26;
    }
    s
}

/// The companies file and the financial years file a SET-sized exchange's systems would send.
pub fn files(companies: usize, years: usize) -> (String, String) {
    let mut list =
        String::from("Symbol,Company Name,ชื่อบริษัท,Market,Industry,Sector,Website,Listing Date\n");
    let mut money = String::from(
        "Symbol,Fiscal Year,Currency,Unit,Revenue,Net Profit,Total Assets,Total Equity,EPS\n",
    );
    for i in 0..companies {
        let s = symbol(i);
        let market = if i % 5 == 0 { "mai" } else { "SET" };
        let industry = INDUSTRIES[i % INDUSTRIES.len()];
        list.push_str(&format!(
            "{s},Bench Company {i} Public Company Limited,บริษัท เบนช์ {i} จำกัด (มหาชน),{market},{industry},Sector {},https://www.bench{i}.example,{:02}/{:02}/{}\n",
            i % 40,
            1 + i % 28,
            1 + i % 12,
            1990 + i % 35
        ));
        for y in 0..years {
            let base = 1_000 + (i * 37 + y * 11) % 90_000;
            money.push_str(&format!(
                "{s},{},THB,1000,\"{},{:03}\",\"({})\",{},{},{}.{:02}\n",
                2025 - y,
                base / 1000,
                base % 1000,
                base / 20,
                base * 3,
                base * 2,
                base % 7,
                base % 100
            ));
        }
    }
    (list, money)
}

/// Peak resident memory of this process so far, in MB (Linux; 0 elsewhere).
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Imports `companies` companies with `years` years each into `db`, then writes them the naive
/// way into `naive` (both migrated, with the demo exchanges).
pub async fn run(
    db: &DatabaseConnection,
    naive: &DatabaseConnection,
    companies: usize,
    years: usize,
) -> Result<Report, Box<dyn std::error::Error>> {
    let (list, money) = files(companies, years);
    let bytes = list.len() + money.len();
    let actor = Actor::cli();
    let sender = Sender {
        exchange_mic: MIC,
        actor: &actor,
        channel: "api",
    };
    let upload = Upload {
        files: vec![
            ("companies.csv".into(), list.into_bytes()),
            ("financials.csv".into(), money.into_bytes()),
        ],
        full_list: false,
        decisions: Decisions::default(),
    };
    let id = batches::create(db, &sender, upload).await?;
    let batch = batches::find(db, id, None).await?.ok_or("batch")?;
    let started = Instant::now();
    let reading = batches::read_and_plan(db, &batch, Lang::En).await?;
    let preview_ms = started.elapsed().as_secs_f64() * 1000.0;
    if let Err(err) = &reading.document {
        return Err(format!("the generated files: {err}").into());
    }
    let plan = reading.plan.ok_or("a read document is planned")?;
    if plan.rejected() {
        return Err(format!("generated rows were rejected: {:?}", plan.problems.first()).into());
    }
    let started = Instant::now();
    let planned = apply::plan_commit(db, id, Lang::En)
        .await
        .map_err(|p| format!("{p:?}"))?;
    let writing = Instant::now();
    apply::write_commit(db, planned, &actor, Lang::En)
        .await
        .map_err(|p| format!("{p:?}"))?;
    let write_ms = writing.elapsed().as_secs_f64() * 1000.0;
    let commit_ms = started.elapsed().as_secs_f64() * 1000.0;
    let peak_rss_mb = peak_rss_mb();
    let snapshots: Vec<Snapshot> = load_exchange(db, MIC)
        .await?
        .into_values()
        .map(|s| s.snapshot)
        .filter(|s| s.symbol.starts_with('B') && s.symbol.len() == 5)
        .collect();
    let started = Instant::now();
    write_naively(naive, &snapshots).await?;
    let naive_ms = started.elapsed().as_secs_f64() * 1000.0;
    let rows = companies * (1 + years);
    Ok(Report {
        companies,
        years,
        rows,
        bytes,
        preview_ms,
        commit_ms,
        write_ms,
        rows_per_second: rows as f64 / (commit_ms / 1000.0),
        naive_ms,
        speedup: naive_ms / write_ms,
        end_to_end_speedup: (preview_ms + naive_ms) / commit_ms,
        peak_rss_mb,
    })
}

/// What a first importer would write: one `INSERT` per company, text and year.
async fn write_naively(db: &DatabaseConnection, snapshots: &[Snapshot]) -> Result<(), DbErr> {
    let tx = db.begin().await?;
    let now = Utc::now();
    for s in snapshots {
        // The rows the commit writes, each inserted by a statement of its own.
        let mut row = company_row(MIC, s, now);
        row.created_at = Set(now);
        row.delisted_at = Set(None);
        let row = row.insert(&tx).await?;
        for (lang, t) in &s.texts {
            text_row(row.id, lang, t).insert(&tx).await?;
        }
        for y in &s.years {
            year_row(row.id, y).insert(&tx).await?;
        }
    }
    tx.commit().await
}
