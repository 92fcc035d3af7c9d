//! A batch as its preview page shows it: what committing would do, company by company, and
//! every problem that stops it.

use super::batches::{self, Reading, summarize};
use super::columns::{Field, field_label};
use super::plan::Planned;
use super::snapshot::{Snapshot, diff};
use super::{CompanyChanges, ENCODINGS, ImportPreview, UnmappedColumn};
use crate::i18n::{Lang, tr_args};
use sea_orm::{DatabaseConnection, DbErr};

/// How many problems and companies of each kind the page lists; the counts say the rest.
const SHOWN: usize = 300;

pub async fn preview(
    db: &DatabaseConnection,
    lang: Lang,
    id: i32,
    mic: Option<&str>,
) -> Result<Option<ImportPreview>, DbErr> {
    let Some(batch) = batches::find(db, id, mic).await? else {
        return Ok(None);
    };
    let in_preview = batch.status == "preview";
    let reading = if in_preview {
        let reading = batches::read_and_plan(db, &batch, lang).await?;
        batches::note_preview(db, &batch, &reading).await?;
        Some(reading)
    } else {
        None
    };
    // The history's counts, refreshed by the reading above.
    let batch = batches::find(db, id, mic).await?.unwrap_or(batch);
    let mut page = ImportPreview {
        batch: summarize(&batch),
        files: batches::file_names(db, id).await?,
        unreadable: None,
        problems: Vec::new(),
        problem_count: 0,
        warnings: Vec::new(),
        unmapped: Vec::new(),
        fields: field_choices(lang),
        created: Vec::new(),
        updated: Vec::new(),
        delisted: Vec::new(),
        encodings: ENCODINGS.map(String::from).into(),
        can_commit: false,
        can_undo: batch.status == "committed",
    };
    if let Some(Reading { document, plan }) = reading {
        if let Err(err) = &document {
            page.unreadable = Some(tr_args(
                lang,
                &format!("import-unreadable-{}", err.code()),
                &[
                    ("detail", err.to_string().into()),
                    (
                        "mb",
                        (super::read::limits().max_bytes / (1024 * 1024)).into(),
                    ),
                ],
            ));
        }
        if let Some(plan) = plan {
            // Columns nobody mapped are ignored; the page shows them first.
            page.can_commit = !plan.rejected();
            page.problem_count = plan.problems.len();
            page.problems = plan.problems.into_iter().take(SHOWN).collect();
            page.warnings = plan.warnings;
            page.unmapped = plan
                .unmapped
                .into_iter()
                .map(|u| UnmappedColumn {
                    header: u.header,
                    key: u.key,
                    samples: u.samples,
                })
                .collect();
            for item in &plan.items {
                let list = match (&item.before, item.row) {
                    (None, _) => &mut page.created,
                    (Some(_), None) => &mut page.delisted,
                    (Some(_), Some(_)) if item.changes() => &mut page.updated,
                    _ => continue,
                };
                if list.len() < SHOWN {
                    list.push(changes_of(item, lang));
                }
            }
        }
    }
    Ok(Some(page))
}

fn changes_of(item: &Planned, lang: Lang) -> CompanyChanges {
    let before = item.before.clone().unwrap_or_default();
    CompanyChanges {
        symbol: item.after.symbol.clone(),
        name: display_name(&item.after, lang),
        changes: diff(&before, &item.after)
            .into_iter()
            .map(|c| (c.field, c.old, c.new))
            .collect(),
    }
}

/// The company's name in the page language, else in any.
fn display_name(s: &Snapshot, lang: Lang) -> String {
    lang.fallback_order()
        .iter()
        .find_map(|l| s.texts.get(l.code()).and_then(|t| t.name.clone()))
        .unwrap_or_default()
}

/// Every field a column can be mapped to, labelled in the page language.
fn field_choices(lang: Lang) -> Vec<(String, String)> {
    Field::all()
        .into_iter()
        .map(|f| (f.key(), field_label(f, lang)))
        .collect()
}
